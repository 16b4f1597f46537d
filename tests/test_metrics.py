"""The progress rules of domain.md, each on hand-computed cases."""

import pandas as pd
import pytest

from doandata import metrics
from doandata.settings import Settings

S = Settings()


def units(*rows):
    return pd.DataFrame(
        rows, columns=["unit_code", "name", "cluster", "special", "baseline_total", "baseline_rating", "group_no"]
    )


def totals(*rows):
    return pd.DataFrame(rows, columns=["unit_code", "period", "total"])


@pytest.mark.parametrize(
    "total, rating",
    [
        (0, "Yếu"),
        (49.5, "Yếu"),
        (50, "Trung bình"),
        (69.5, "Trung bình"),
        (70, "Khá"),
        (79.9, "Khá"),
        (80, "Vững mạnh"),
        (89.5, "Vững mạnh"),
        (90, "Vững mạnh xuất sắc"),
        (100, "Vững mạnh xuất sắc"),
    ],
)
def test_rating_follows_the_scale(total, rating):
    assert metrics.rating_name(total, S) == rating


def test_total_is_the_sum_of_criterion_points():
    scores = pd.DataFrame(
        {
            "unit_code": ["A", "A", "A", "B"],
            "period": ["2018-Q1"] * 4,
            "criterion_code": ["TC1", "TC2", "TC3", "TC1"],
            "points": [8.5, 7, 10, 3],
        }
    )
    t = metrics.totals_from_scores(scores).set_index("unit_code")["total"]
    assert t["A"] == 25.5 and t["B"] == 3


def test_baseline_prefers_the_2017_scorecard_and_the_official_rating():
    u = units(
        ("A", "a", 1, True, 40.0, None, None),
        ("B", "b", 1, False, 75.0, "Vững mạnh", None),
        ("C", "c", 1, False, 72.0, None, None),
    )
    t = totals(("A", "2017", 52.0))
    base = metrics.baselines(u, t, S).set_index("unit_code")
    assert base.loc["A", "baseline_total"] == 52.0  # scorecard beats the unit list's 40
    assert base.loc["A", "baseline_rating"] == "Trung bình"  # from the total, none given
    assert base.loc["B", "baseline_rating"] == "Vững mạnh"  # official result kept although 75 is Khá
    assert base.loc["C", "baseline_total"] == 72.0 and base.loc["C", "baseline_rating"] == "Khá"


@pytest.mark.parametrize(
    "rating, target", [("Yếu", 50), ("Trung bình", 70), ("Khá", 80), ("Vững mạnh", 90), ("Vững mạnh xuất sắc", 90)]
)
def test_target_is_the_minimum_of_the_next_level(rating, target):
    assert metrics.target_total(rating, S) == target


def test_a_target_set_for_the_unit_wins():
    assert metrics.target_total("Khá", S, override=85) == 85


@pytest.mark.parametrize(
    "period, expected", [("2018-Q1", 56.5), ("2018-Q2", 61.0), ("2018-Q3", 65.5), ("2018-Q4", 70.0)]
)
def test_expected_total_closes_the_gap_by_quarter(period, expected):
    # baseline 52, target 70: gap 18; Q1 a quarter (4.5), sơ kết half (9), tổng kết all of it
    assert metrics.expected_total(52, 70, metrics.fraction_for(period, S)) == pytest.approx(expected)


def test_a_unit_at_or_above_its_target_is_expected_to_stay_there():
    assert metrics.expected_total(92, 90, 0.25) == 90
    assert metrics.expected_total(90, 90, 0.75) == 90


@pytest.mark.parametrize(
    "total, status",
    [
        (61.0, "on_track"),
        (70, "on_track"),
        (60.99, "at_risk"),
        (56.0, "at_risk"),
        (55.99, "behind"),
        (40, "behind"),
        (None, None),
    ],
)
def test_status_boundaries_around_expected_61(total, status):
    assert metrics.status_of(total, 61.0, S.at_risk_band) == status


@pytest.mark.parametrize(
    "total, rating, base_total, base_rating, recognised",
    [
        (70, "Khá", 62, "Trung bình", True),  # one level up, only 8 points
        (69.5, "Trung bình", 59.5, "Trung bình", True),  # exactly 10 points, same level
        (69, "Trung bình", 59.5, "Trung bình", False),  # 9.5 points, same level
        (85, "Vững mạnh", 81, "Vững mạnh", False),
        (None, None, 50, "Trung bình", False),
    ],
)
def test_recognised_progress(total, rating, base_total, base_rating, recognised):
    assert metrics.is_recognised(total, rating, base_total, base_rating, S) is recognised


def test_items_done_takes_the_latest_status_up_to_the_period():
    st = pd.DataFrame(
        [
            ("A", "2018-Q1", "RS", "done"),
            ("A", "2018-Q1", "KT", "in_progress"),
            ("A", "2018-Q2", "KT", "done"),
            ("A", "2018-Q3", "RS", "in_progress"),  # RS reopened in Q3
            ("B", "2018-Q2", "LT", "done"),
        ],
        columns=["unit_code", "period", "item_code", "status"],
    )
    assert metrics.items_done(st, "2018-Q1", S).to_dict() == {"A": 1}
    assert metrics.items_done(st, "2018-Q2", S).to_dict() == {"A": 2, "B": 1}
    assert metrics.items_done(st, "2018-Q3", S).to_dict() == {"A": 1, "B": 1}


def test_progress_row_for_a_unit_behind():
    u = units(("A", "Đơn vị A", 2, True, 63.0, None, 1))
    t = totals(("A", "2018-Q2", 58.0))
    row = metrics.progress(u, t, metrics.NONE_DONE, S, "2018-Q2").iloc[0]
    # baseline 63 (Trung bình) → target 70; Q2 expects 63 + 7 × 0.5 = 66.5; 58 < 61.5 → behind
    assert (row["baseline_rating"], row["target_total"], row["expected_total"]) == ("Trung bình", 70, 66.5)
    assert (row["total"], row["delta"], row["rating"], row["status"]) == (58, -5, "Trung bình", "behind")
    assert not row["recognised"] and row["items_done"] == 0


def test_progress_without_scores_has_no_status():
    u = units(("A", "a", 1, False, 80.0, None, None))
    row = metrics.progress(u, totals(), metrics.NONE_DONE, S, "2018-Q4").iloc[0]
    assert pd.isna(row["total"]) and row["status"] is None and not row["recognised"]


def test_counts_by_status():
    frame = pd.DataFrame({"status": ["on_track", "behind", None, "behind"], "recognised": [True, False, False, False]})
    assert metrics.status_counts(frame) == {"on_track": 1, "at_risk": 0, "behind": 2, "no_data": 1, "recognised": 1}


def test_editable_thresholds_change_the_outcome():
    strict = Settings(recognised_points=20, at_risk_band=1)
    assert not metrics.is_recognised(69.5, "Trung bình", 59.5, "Trung bình", strict)
    assert metrics.status_of(58, 61, strict.at_risk_band) == "behind"


def test_empty_cells_show_as_a_dash_never_nan():
    import datetime as dt

    from doandata import i18n

    assert i18n.fmt_date(float("nan")) == "—" and i18n.fmt_date(None) == "—" and i18n.fmt_date(pd.NaT) == "—"
    assert i18n.fmt_date(dt.date(2018, 6, 28)) == "28/06/2018"
    assert i18n.text_or_dash(float("nan")) == "—" and i18n.text_or_dash("Tổ 1") == "Tổ 1"
    assert i18n.fmt_number(1500000, "vi", 0) == "1.500.000" and i18n.fmt_number(8.5, "en") == "8.5"
    assert i18n.fmt_number(8.5, "vi") == "8,5" and i18n.fmt_signed(-5, "vi") == "-5"
