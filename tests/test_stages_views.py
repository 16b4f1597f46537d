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


# ---------------------------------------------------------------- the largest gaps, and who waits

# Q2 in the sample, self-score against the check, by hand: HND 54/52, STP 77/75 (+2 each); BDMDN
# 64,5/63, LDLD 93,5/92, LMHTX 59,5/58, STC 70,5/69 (+1,5); CVLS, DLS, KBNN, TAND (+1); CTHADS,
# MTTQ (+0,5): 12 units above their check. Equal gaps in the order of the units' codes.
Q2_TOP5 = [("HND", 54.0, 52.0, 2.0), ("STP", 77.0, 75.0, 2.0), ("BDMDN", 64.5, 63.0, 1.5)]
Q2_TOP5 += [("LDLD", 93.5, 92.0, 1.5), ("LMHTX", 59.5, 58.0, 1.5)]


def test_the_largest_gaps_of_q2_counted_by_hand(store):
    gaps = stages.largest_gaps(stages.stage_totals(store, periods=["2018-Q2"]), store.units(), "2018-Q2")
    assert len(gaps) == 12
    assert list(gaps[["unit_code", "self", "checked", "gap"]].head(5).itertuples(index=False, name=None)) == Q2_TOP5
    assert gaps["unit_name"].iloc[0] == "Chi đoàn Hội Nông dân Thành phố"
    assert list(gaps.tail(2)["unit_code"]) == ["CTHADS", "MTTQ"]


def test_q3_has_one_gap_and_units_waiting(store):
    # Q3: only group 1 (BDMDN 72/71, STC 72/72) is checked: one gap; 22 units wait for checking,
    # 2 for approval; Q2 is approved throughout
    gaps = stages.largest_gaps(stages.stage_totals(store), store.units(), "2018-Q3")
    assert list(gaps[["unit_code", "gap"]].itertuples(index=False, name=None)) == [("BDMDN", 1.0)]
    assert stages.waiting(store.stage_counts(), "2018-Q3") == {"check": 22, "approval": 2}
    assert stages.waiting(store.stage_counts(), "2018-Q2") == {"check": 0, "approval": 0}
    store.approve("2018-Q3", 1, by="Ban Thường vụ")
    assert stages.waiting(store.stage_counts(), "2018-Q3") == {"check": 22, "approval": 0}


def test_the_review_docx_and_xlsx_show_the_gaps_and_who_waits(store):
    import io

    import docx
    import openpyxl

    from doandata import reports

    document = docx.Document(io.BytesIO(reports.build(store, "quarter", "2018-Q2", "docx", with_images=False)))
    texts = [p.text for p in document.paragraphs]
    at = texts.index("Chênh lệch giữa điểm tự chấm và điểm thẩm định")
    assert texts[at + 1] == (
        "Quý II/2018: 0 đơn vị mới có điểm tự chấm, chờ Tổ công tác thẩm định; 0 đơn vị đã thẩm định, "
        "chờ Ban Thường vụ duyệt."
    )
    assert texts[at + 2] == "12 đơn vị tự chấm cao hơn điểm Tổ công tác thẩm định; 5 đơn vị chênh nhiều nhất:"
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Chênh lệch")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["STT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch"]
    assert rows[1] == ["1", "Chi đoàn Hội Nông dân Thành phố", "54", "52", "+2"]
    assert rows[3][2:] == ["64,5", "63", "+1,5"] and len(rows) == 6

    wb = openpyxl.load_workbook(io.BytesIO(reports.build(store, "quarter", "2018-Q3", "xlsx")))
    ws = wb["Chênh lệch điểm"]
    assert ws["A1"].value == "Chênh lệch giữa điểm tự chấm và điểm thẩm định"
    assert [c.value for c in ws[5]][:6] == [
        1,
        "BDMDN",
        "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố",
        72,
        71,
        1,
    ]
    assert ws.cell(6, 1).value is None  # one gap only
    waits = {ws.cell(r, 3).value: ws.cell(r, 4).value for r in range(7, ws.max_row + 1)}
    assert waits["Chờ Tổ công tác thẩm định"] == 22 and waits["Chờ Ban Thường vụ duyệt"] == 2
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.orientation == "landscape"


def test_the_overview_shows_the_largest_gaps_of_the_units_shown(db_url, monkeypatch):
    from tests.test_editing import app_on, open_page

    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/tong_quan.py", q="2018-Q2")
    # the nine followed units of Q2: HND, STP +2; BDMDN, LMHTX, STC +1,5; DLS +1; CTHADS +0,5
    assert "**Chênh lệch giữa điểm tự chấm và điểm thẩm định**" in [m.value for m in app.markdown]
    caption = "Quý II/2018: 7 đơn vị tự chấm cao hơn điểm Tổ công tác thẩm định; 5 đơn vị chênh nhiều nhất:"
    assert caption in [c.value for c in app.caption]
    table = next(d.value for d in app.dataframe if "Chênh lệch" in d.value.columns)
    assert list(table["Tên đơn vị"]) == [
        "Chi đoàn Hội Nông dân Thành phố",
        "Đoàn Sở Tư pháp",
        "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố",
        "Chi đoàn Liên minh Hợp tác xã Thành phố",
        "Đoàn Sở Tài chính",
    ]
    assert list(table["Chênh lệch"]) == ["+2", "+2", "+1,5", "+1,5", "+1,5"]
    open_page(app, "pages/tong_quan.py", q="2018-Q3")  # only group 1 checked: BDMDN 72/71
    table = next(d.value for d in app.dataframe if "Chênh lệch" in d.value.columns)
    assert table.values.tolist() == [["Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố", "+1", "72", "71"]]
