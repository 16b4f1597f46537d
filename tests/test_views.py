"""The figures the committee's pages show, computed from plain frames and from the sample store."""

import dataclasses
import datetime as dt
import json
import re

import pandas as pd
import pytest

from doandata import charts, i18n, metrics
from doandata.settings import Settings

S = Settings()


def test_rating_transitions_count_units_from_2017_to_now(store):
    table = metrics.rating_transitions(metrics.of_period(store, "2018-Q3"), S)
    assert list(table.index) == ["Yếu", "Trung bình", "Khá", "Tiên tiến", "Vững mạnh", "Xuất sắc"]
    assert table.to_numpy().sum() == 24
    # HND 45 → 55: Yếu → Trung bình; BDMDN 52 → 71: Trung bình → Tiên tiến, CTHADS stays
    assert table.loc["Yếu", "Trung bình"] == 1
    assert table.loc["Trung bình", "Tiên tiến"] == 1 and table.loc["Trung bình", "Trung bình"] == 1
    # DLS 61 → 73, STC 64 → 72, SKHDT 67 → 71: Khá → Tiên tiến; HCTD stays, LMHTX 63 → 55 falls
    assert table.loc["Khá", "Tiên tiến"] == 3 and table.loc["Khá", "Khá"] == 1 and table.loc["Khá", "Trung bình"] == 1


def test_plan_item_matrix_takes_the_latest_status(store):
    grid = metrics.plan_item_matrix(store.statuses(), ["DLS", "CTHADS", "VPTU"], "2018-Q3", S)
    assert list(grid.columns) == ["RS", "KT", "TH", "LT", "CSVC", "PT", "KP", "DH"]
    # DLS in Q3: six done in the order RS, KT, LT, TH, PT, DH; KP and CSVC in progress
    assert grid.loc["DLS"].to_dict() == {
        "RS": "done",
        "KT": "done",
        "TH": "done",
        "LT": "done",
        "CSVC": "in_progress",
        "PT": "done",
        "KP": "in_progress",
        "DH": "done",
    }
    # CTHADS sent no Q3 report: its Q2 statuses stand
    assert grid.loc["CTHADS", "RS"] == "done" and grid.loc["CTHADS", "KT"] == "in_progress"
    assert set(grid.loc["VPTU"]) == {"none"}


def test_item_history_of_one_unit(store):
    history = metrics.item_history(store.statuses(), "BDMDN", S)
    assert list(history.columns) == ["2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"]
    assert list(history.loc["RS"]) == ["done", "done", "done", "none"]
    assert list(history.loc["LT"]) == ["in_progress", "done", "done", "none"]
    assert list(history.loc["CSVC"]) == ["not_started", "not_started", "not_started", "none"]


def test_gap_to_next_rating_and_where_the_points_are():
    compare = pd.DataFrame(
        {"code": ["A", "B", "C"], "content": ["a", "b", "c"], "max_points": [10.0, 15, 5], "points": [9.0, 6, 5]}
    )
    gap = metrics.gap_to_next_rating(compare, 66.0, S)
    assert gap["next"] == "Tiên tiến" and gap["needed"] == 4.0
    assert list(gap["room"]["code"]) == ["B", "A"] and list(gap["room"]["room"]) == [9.0, 1.0]
    assert metrics.gap_to_next_rating(compare, 95.0, S)["next"] is None


def test_report_arrivals_up_to_the_quarter(store):
    arrivals = metrics.report_arrivals(store.reports(), ["CTHADS", "DLS"], "2018-Q3", S)
    assert list(arrivals.columns) == ["2018-Q1", "2018-Q2", "2018-Q3"]
    assert arrivals.loc["CTHADS"].tolist() == [True, True, False]
    assert arrivals.loc["DLS"].tolist() == [True, True, True]


def test_milestones_past_and_next():
    ms = metrics.milestone_status(S, dt.date(2018, 7, 1))
    assert ms[ms["next"]]["name"].tolist() == ["Họp tổ công tác quý III"]
    assert ms[ms["past"]]["name"].tolist() == [
        "Triển khai kế hoạch",
        "Họp tổ công tác quý I",
        "Họp tổ công tác quý II",
        "Sơ kết",
    ]
    assert not metrics.milestone_status(S, dt.date(2026, 11, 24))["next"].any()


def test_companion_pairs(store):
    pairs = metrics.companion_pairs(store.units(), metrics.of_period(store, "2018-Q3")).set_index("unit_code")
    assert len(pairs) == 6
    assert pairs.loc["DLS", "companion_name"] == "Đoàn Viện Kiểm sát nhân dân Thành phố"
    assert (pairs.loc["LMHTX", "total"], pairs.loc["LMHTX", "delta"], pairs.loc["LMHTX", "status"]) == (
        55,
        -8,
        "behind",
    )


def test_followers_and_group_units(store):
    members = store.members()
    people = metrics.followers(members, "BDMDN")
    assert people["name"].tolist() == ["Phạm Văn Linh", "Nguyễn Thanh Duy", "Võ Thành Khoa", "Nguyễn Như Tâm"]
    assert people.set_index("name").loc["Nguyễn Thanh Duy", "items"] == ["PT", "KP"]
    assert metrics.followers(members, "HND").empty
    # group 2 follows DLS (the plan's) and two khó khăn units, in the unit list's order
    assert metrics.group_units(store.units(), members[members["group_no"] == 2], 2) == ["STP", "DLS", "SKHDT"]


def hover_texts(fig) -> list[str]:
    """Each point's hover text as plotly fills it: a number it reads from the data it writes with a
    full stop ("58.5"); a text the chart formatted, as given."""

    def point(trace, i) -> str:
        def value(match) -> str:
            name, index = match.group(1), match.group(2)
            data = getattr(trace, name)
            item = data[i] if data is not None and len(data) > i else ""
            return str(item[int(index)] if index is not None else item)

        template = re.sub(r"<extra>.*</extra>", "", trace.hovertemplate or "%{x}: %{y}")
        return re.sub(r"%\{(customdata|text|x|y)(?:\[(\d)\])?(?::[^}]*)?\}", value, template)

    return [point(t, i) for t in fig.data if t.hoverinfo != "skip" and t.x is not None for i in range(len(t.x))]


def test_hover_texts_write_numbers_in_vietnamese(store):
    frame = metrics.of_period(store, "2018-Q3")  # CTHADS 58.5, DLS expected 67.0
    units = store.units()
    bullets = hover_texts(charts.progress_bullets(frame, "2018-Q3", S))
    cthads = next(h for h in bullets if h.startswith("Đoàn Cục Thi hành án"))
    assert "Tổng điểm Quý III/2018: 58,5" in cthads and "58.5" not in cthads
    pairs = hover_texts(charts.companion_pairs(metrics.companion_pairs(units, frame), "2018-Q3", S))
    assert any(h.endswith(": 58,5") for h in pairs) and not any(re.search(r"\d\.\d", h) for h in pairs)
    timeline = metrics.unit_timeline("CTHADS", units, store.totals(), S)
    texts = hover_texts(charts.unit_timeline(timeline, "CTHADS", S))
    assert "Quý III/2018: 58,5" in texts and not any(re.search(r"\d\.\d", h) for h in texts)
    assert "Q3 2018: 58.5" in hover_texts(charts.unit_timeline(timeline, "CTHADS", S, "en"))


def test_milestone_names_in_english_unless_edited():
    edited = dataclasses.replace(S.milestones[0], name="Triển khai (sửa)")
    settings = dataclasses.replace(S, milestones=(edited, *S.milestones[1:]))
    texts = json.dumps(json.loads(charts.milestones(settings, dt.date(2018, 7, 1), "en").to_json()), ensure_ascii=False)
    assert "Triển khai (sửa)" in texts and "Working group meeting, Q1" in texts and "Mid-year review" in texts
    assert "Họp tổ công tác" not in texts


def test_the_unit_chart_marks_the_reviews_at_their_dates_and_q4_as_after_the_final_review(store):
    """The sơ kết on the Q2 data (06/2018 is Q2's end); the tổng kết in October, a third of the way
    from Q3's end to Q4's (31 of Q4's 92 days), not on Q4; Q4 is the year's end, after the review."""
    timeline = metrics.unit_timeline("CTHADS", store.units(), store.totals(), S)
    fig = charts.unit_timeline(timeline, "CTHADS", S)
    ticks = list(fig.data[0].x)
    assert ticks[:4] == ["Năm 2017", "Quý I/2018", "Quý II/2018", "Quý III/2018"]
    assert ticks[4] == "Quý IV/2018<br>(cuối năm,<br>sau tổng kết)"
    marks = {a.text: a.x for a in fig.layout.annotations if a.text in ("Sơ kết", "Tổng kết")}
    assert marks["Sơ kết"] == 2
    assert marks["Tổng kết"] == pytest.approx(3 + 31 / 92)
    lines = sorted(s.x0 for s in fig.layout.shapes if s.type == "line" and s.x0 == s.x1)
    assert lines == pytest.approx([2, 3 + 31 / 92])
    target = i18n.fmt_number(timeline["target_total"].iloc[0], "vi")
    assert f"Quý IV/2018<br>(cuối năm,<br>sau tổng kết): {target}" in hover_texts(fig)  # expected at Q4: the target
    english = charts.unit_timeline(timeline, "CTHADS", S, "en")
    assert list(english.data[0].x)[4] == "Q4 2018<br>(year end,<br>after the final review)"
    # a final review moved in the settings moves its marker: 30/11 is 61 of Q4's 92 days past Q3's end
    moved = tuple(dataclasses.replace(m, date=dt.date(2018, 11, 30)) if m.key == "final" else m for m in S.milestones)
    fig = charts.unit_timeline(timeline, "CTHADS", dataclasses.replace(S, milestones=moved))
    assert next(a.x for a in fig.layout.annotations if a.text == "Tổng kết") == pytest.approx(3 + 61 / 92)


def test_an_axis_with_nothing_to_show_takes_no_room(store):
    """The names-above charts hide the bars' axis labels (#17): plotly is not asked to make room
    for that bare axis (measuring it cost a fifth of the chart's drawing at each filter change),
    while the axes that show numbers and titles still get theirs."""
    frame = metrics.of_period(store, "2018-Q3")
    fig = charts.progress_bullets(frame, "2018-Q3", S)
    assert fig.layout.yaxis.showticklabels is False and fig.layout.yaxis.automargin is False
    assert fig.layout.xaxis.automargin is True and fig.layout.xaxis.title.text
    timeline = metrics.unit_timeline("CTHADS", store.units(), store.totals(), S)
    shown = charts.unit_timeline(timeline, "CTHADS", S)
    assert shown.layout.yaxis.automargin is True  # its scores are labelled
