"""The progress rules of domain.md, each on hand-computed cases through metrics.figures, and figures
held to the rules stated plainly (rules_of_domain_md) on every combination."""

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
        (59.5, "Trung bình"),
        (60, "Khá"),
        (69.9, "Khá"),
        (70, "Tiên tiến"),
        (79.9, "Tiên tiến"),
        (80, "Vững mạnh"),
        (89.5, "Vững mạnh"),
        (90, "Xuất sắc"),
        (100, "Xuất sắc"),
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


def figures_of(*rows, period="2018-Q2", settings=S, card=None):
    """metrics.figures for units given as (code, baseline_total, baseline_rating, total)."""
    u = units(*[(code, code, 1, False, base, rating, None) for code, base, rating, _ in rows])
    total = pd.Series({code: t for code, _, _, t in rows}, dtype=float)
    frame = metrics.figures(u, total, pd.Series(card or {}, dtype=float), metrics.NONE_DONE, settings, period)
    return frame.set_index("unit_code")


def test_baseline_prefers_the_2017_scorecard_and_the_official_rating():
    base = figures_of(("A", 40.0, None, None), ("B", 75.0, "Vững mạnh", None), ("C", 72.0, None, None), card={"A": 52})
    assert base.loc["A", "baseline_total"] == 52.0  # scorecard beats the unit list's 40
    assert base.loc["A", "baseline_rating"] == "Trung bình"  # from the total, none given
    assert base.loc["B", "baseline_rating"] == "Vững mạnh"  # official result kept although 75 is Tiên tiến
    assert base.loc["C", "baseline_total"] == 72.0 and base.loc["C", "baseline_rating"] == "Tiên tiến"


@pytest.mark.parametrize(
    "rating, target",
    [
        ("Yếu", 50),
        ("Trung bình", 60),
        ("Khá", 70),
        ("Tiên tiến", 80),
        ("Vững mạnh", 90),
        ("Xuất sắc", 90),
        ("Vững mạnh xuất sắc", 90),  # an older sheet's word for Xuất sắc
    ],
)
def test_target_is_the_minimum_of_the_next_level(rating, target):
    assert figures_of(("A", None, rating, None)).loc["A", "target_total"] == target


def test_a_target_set_for_the_unit_wins():
    frame = figures_of(("A", 72, "Khá", 80), ("B", 72, "Khá", 80), settings=Settings(targets={"A": 85}))
    # B: Khá aims at Tiên tiến (70), already passed: expected to stay there
    assert (frame.loc["A", "target_total"], frame.loc["B", "target_total"]) == (85, 70)
    assert frame.loc["A", "expected_total"] == pytest.approx(72 + 13 * 0.6) and frame.loc["A", "status"] == "on_track"
    assert frame.loc["B", "expected_total"] == 70


@pytest.mark.parametrize(
    "period, expected", [("2018-Q1", 57.4), ("2018-Q2", 62.8), ("2018-Q3", 70.0), ("2018-Q4", 70.0)]
)
def test_expected_total_closes_the_gap_by_quarter(period, expected):
    # baseline 52, target 70: gap 18; by the calendar from deployment to the tổng kết (10/2018):
    # Q1 0.3 (5.4), Q2 the sơ kết 0.6 (10.8), Q3 (the data of the tổng kết) all of it, Q4 stays
    row = figures_of(("A", 52, None, None), period=period, settings=Settings(targets={"A": 70})).loc["A"]
    assert row["expected_total"] == pytest.approx(expected)


def test_a_unit_at_or_above_its_target_is_expected_to_stay_there():
    frame = figures_of(("A", 92, "Vững mạnh", None), ("B", 90, "Vững mạnh", None), period="2018-Q1")
    assert frame["target_total"].tolist() == [90, 90] and frame["expected_total"].tolist() == [90, 90]


@pytest.mark.parametrize(
    "total, status",
    [
        (62.8, "on_track"),
        (70, "on_track"),
        (62.79, "at_risk"),
        (57.8, "at_risk"),
        (57.79, "behind"),
        (40, "behind"),
        (None, None),
    ],
)
def test_status_boundaries_around_expected_62_8(total, status):
    # baseline 52, target 70; Q2: 52 + 18 × 0.6 = 62.8; "cần chú ý" down to 5 points below it
    assert figures_of(("A", 52, None, total), settings=Settings(targets={"A": 70})).loc["A", "status"] == status


@pytest.mark.parametrize(
    "total, base_total, recognised",
    [
        (70, 62, True),  # Khá → Tiên tiến: one level up, only 8 points
        (49.5, 39.5, True),  # exactly 10 points, Yếu both
        (49, 39.5, False),  # 9.5 points, Yếu both
        (79.5, 70, False),  # Tiên tiến both, 9.5 points
        (85, 81, False),  # Vững mạnh both (and not followed)
        (92, 80, False),  # Vững mạnh → Xuất sắc, +12: but a Vững mạnh unit is not followed
        (None, 50, False),
    ],
)
def test_recognised_progress(total, base_total, recognised):
    assert figures_of(("A", base_total, None, total)).loc["A", "recognised"] == recognised


def test_editable_thresholds_change_the_outcome():
    strict = Settings(recognised_points=20, at_risk_band=1, targets={"A": 70})
    assert not figures_of(("A", 39.5, None, 49.5), settings=strict).loc["A", "recognised"]  # 10 points, same level
    assert figures_of(("A", 52, None, 58), settings=strict).loc["A", "status"] == "behind"  # 4.8 under 62.8


def rules_of_domain_md(base_total, base_rating, total, period, settings, override):
    """The rules of domain.md for one unit, stated plainly: the oracle metrics.figures must match."""
    names = [r.name for r in sorted(settings.scale, key=lambda r: r.minimum)]
    minimums = sorted(r.minimum for r in settings.scale)
    weak = [r.name for r in settings.scale if r.key in settings.weak_levels]
    rating = metrics.rating_name(total, settings)
    base_rating = {"Vững mạnh xuất sắc": "Xuất sắc"}.get(base_rating, base_rating)  # an older sheet's word
    base_rating = base_rating or metrics.rating_name(base_total, settings)
    level = names.index(base_rating) if base_rating else None
    target = override if override is not None else None if level is None else minimums[min(level + 1, len(names) - 1)]
    q = int(period[-1]) if "-Q" in period else None
    fraction = 0.0 if q is None else settings.quarter_fractions[q - 1]
    if base_total is None or target is None:
        expected = None
    else:
        expected = target if base_total >= target else base_total + (target - base_total) * fraction
    status = None
    if total is not None and expected is not None:
        status = (
            "on_track"
            if total >= expected - 1e-9
            else "at_risk"
            if total >= expected - settings.at_risk_band - 1e-9
            else "behind"
        )
    up = rating and base_rating and names.index(rating) - names.index(base_rating) >= settings.recognised_levels
    by_points = total is not None and base_total is not None and total - base_total >= settings.recognised_points - 1e-9
    return {
        "target_total": target,
        "expected_total": expected,
        "status": status,
        "recognised": bool(base_rating in weak and total is not None and (up or by_points)),
        "group": "kho_khan" if base_rating in weak else None,  # none of these units is special
    }


def test_figures_match_the_plain_rules_on_every_combination():
    """Every baseline × rating given × total × quarter, with a target set for some units."""
    settings = Settings(targets={"U0": 85.0, "U7": 60.0}, at_risk_band=4)
    bases = [None, 0, 45, 49.9, 50, 62, 69.5, 70, 79.9, 80, 88, 90, 97]
    given = [None, "Yếu", "Khá", "Tiên tiến", "Vững mạnh", "Vững mạnh xuất sắc"]
    totals_ = [None, 0, 48, 55.5, 61, 64.99, 70, 75, 82.5, 90, 100]
    rows = [(base, rating, total) for base in bases for rating in given for total in totals_]
    codes = [f"U{i}" for i in range(len(rows))]
    u = units(*[(c, c, 1, False, b, r, None) for c, (b, r, _) in zip(codes, rows)])
    total = pd.Series([t for _, _, t in rows], index=codes, dtype=float)
    for period in settings.periods:
        frame = metrics.figures(u, total, pd.Series(dtype=float), metrics.NONE_DONE, settings, period)
        for code, (base, rating, t), row in zip(codes, rows, frame.to_dict("records")):
            want = rules_of_domain_md(base, rating, t, period, settings, settings.targets.get(code))
            got = {k: row[k] for k in want}
            got = {k: None if isinstance(v, float) and pd.isna(v) else v for k, v in got.items()}
            assert got == pytest.approx(want), (code, base, rating, t, period)


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
    # baseline 63 (Khá) → target 70 (Tiên tiến); Q2 expects 63 + 7 × 0.6 = 67.2; 58 < 62.2 → behind
    assert (row["baseline_rating"], row["target_total"]) == ("Khá", 70)
    assert row["expected_total"] == pytest.approx(67.2)
    assert (row["total"], row["delta"], row["rating"], row["status"]) == (58, -5, "Trung bình", "behind")
    assert row["group"] == "dac_thu" and row["followed"]
    assert not row["recognised"] and row["items_done"] == 0


def test_the_expected_path_follows_the_calendar_to_the_october_review():
    """By default 0.3 of the gap by Q1, 0.6 by the sơ kết (Q2), all of it by Q3 (the data of the
    tổng kết in 10/2018) and Q4; editable in the settings."""
    assert Settings().quarter_fractions == (0.3, 0.6, 1.0, 1.0)
    assert Settings.from_json({}).quarter_fractions == (0.3, 0.6, 1.0, 1.0)
    edited = Settings.from_json({"quarter_fractions": [0.25, 0.5, 0.75, 1.0]})
    assert edited.quarter_fractions == (0.25, 0.5, 0.75, 1.0)  # a stored choice is kept as stored
    notes = {m.key: m.note for m in Settings().milestones}
    assert notes["midyear"] == "Kỳ vọng: khép lại 60% khoảng cách đến mục tiêu"
    assert notes["final"] == "Kỳ vọng: đạt mục tiêu (số liệu đến hết quý III)"


def test_progress_without_scores_has_no_status():
    u = units(("A", "a", 1, False, 80.0, None, None))
    row = metrics.progress(u, totals(), metrics.NONE_DONE, S, "2018-Q4").iloc[0]
    assert pd.isna(row["total"]) and row["status"] is None and not row["recognised"]


def test_counts_by_status():
    frame = pd.DataFrame({"status": ["on_track", "behind", None, "behind"], "recognised": [True, False, False, False]})
    assert metrics.status_counts(frame) == {"on_track": 1, "at_risk": 0, "behind": 2, "no_data": 1, "recognised": 1}


def test_empty_cells_show_as_a_dash_never_nan():
    import datetime as dt

    from doandata import i18n

    assert i18n.fmt_date(float("nan")) == "—" and i18n.fmt_date(None) == "—" and i18n.fmt_date(pd.NaT) == "—"
    assert i18n.fmt_date(dt.date(2018, 6, 28)) == "28/06/2018"
    assert i18n.text_or_dash(float("nan")) == "—" and i18n.text_or_dash("Tổ 1") == "Tổ 1"
    assert i18n.fmt_number(1500000, "vi", 0) == "1.500.000" and i18n.fmt_number(8.5, "en") == "8.5"
    assert i18n.fmt_number(8.5, "vi") == "8,5" and i18n.fmt_signed(-5, "vi") == "-5"


@pytest.mark.parametrize(
    "values",
    [["U00007", "U04999"], [], ["U00007", None], [None], ("U00001",), {"U00002"}, [7, 8], ["nope"]],
    ids=["codes", "none", "a code and a blank", "a blank", "a tuple", "a set", "numbers", "unknown"],
)
def test_among_picks_the_rows_isin_picks(values):
    """metrics.among, the fast isin on unit codes (#17), keeps exactly the rows pandas' isin keeps,
    blanks and odd values included, for Arrow-backed and plain columns alike."""
    codes = [f"U{i:05d}" for i in range(5000)] + [None]
    for column in (pd.Series(codes, dtype="string[pyarrow]"), pd.Series(codes, dtype=object)):
        expected = column.isin(list(values)).to_numpy(dtype=bool)
        assert metrics.among(column, values).tolist() == expected.tolist()
