"""Scoring in stages, read side by side (#19): the unit page's chart of the self-score against the
checked and approved totals, the largest gaps between self-scores and checks, the units that wait.
Numbers counted by hand from sample_data (make_sample's staged scorecards)."""

from doandata import charts, stages

# BDMDN (Ban Dân vận, group 1) in the sample: it scored itself 57,5 / 64,5 / 72 in Q1–Q3, the group
# checked 56 / 63 / 71, the Standing Committee approved Q1 and Q2 as checked; Q3 is not approved yet.
BDMDN = {"self": [57.5, 64.5, 72.0], "checked": [56.0, 63.0, 71.0], "approved": [56.0, 63.0]}


def test_the_unit_path_holds_each_stage_per_quarter(store):
    path = stages.unit_path(stages.stage_totals(store), "BDMDN", store.settings())
    assert list(path["period"]) == ["2018-Q1", "2018-Q2", "2018-Q3"]  # no stages for 2017's baseline
    assert list(path["self"]) == BDMDN["self"]
    assert list(path["checked"]) == BDMDN["checked"]
    assert list(path["approved"].dropna()) == BDMDN["approved"] and path["approved"].isna().iloc[2]


def test_the_chart_draws_the_self_score_against_the_check_in_vietnamese_numbers(store):
    path = stages.unit_path(stages.stage_totals(store, unit_codes=["BDMDN"]), "BDMDN", store.settings())
    fig = charts.stage_path(path, "Ban Dân vận", "vi")
    lines = {t.name: t for t in fig.data}
    assert list(lines) == ["Đơn vị tự chấm", "Tổ công tác thẩm định", "Ban Thường vụ duyệt"]
    assert list(lines["Đơn vị tự chấm"].x) == ["Quý I/2018", "Quý II/2018", "Quý III/2018"]
    assert list(lines["Đơn vị tự chấm"].y) == BDMDN["self"]
    assert list(lines["Đơn vị tự chấm"].customdata) == ["57,5", "64,5", "72"]  # the hover's numbers
    assert list(lines["Tổ công tác thẩm định"].customdata) == ["56", "63", "71"]
    assert list(lines["Ban Thường vụ duyệt"].customdata) == ["56", "63", "—"]
    assert fig.layout.title.text.replace("<br>", " ") == "Điểm tự chấm và điểm thẩm định theo quý — Ban Dân vận"
    big = charts.for_projector(fig)  # present mode: the same numbers, larger
    assert big.layout.height > fig.layout.height and list(big.data[0].y) == BDMDN["self"]


def test_a_unit_with_only_self_scores_draws_one_line_in_english(store):
    path = stages.unit_path(stages.stage_totals(store), "HND", store.settings())
    path = path[path["period"] == "2018-Q3"]  # HND's Q3: self-scored 55, not checked yet
    fig = charts.stage_path(path, "<b>Hội Nông dân</b>", "en")
    assert [t.name for t in fig.data] == ["Self-score"]
    assert list(fig.data[0].customdata) == ["55"]
    assert "&lt;b&gt;" in fig.layout.title.text  # a name is text, never markup
