"""Periods as people write them, as the documents name them, and the plan's two reviews."""

import pytest

from doandata import i18n, periods
from doandata.settings import Settings


@pytest.mark.parametrize(
    "text, period",
    [
        ("Quý II/2018", "2018-Q2"),
        ("QUÝ IV NĂM 2018", "2018-Q4"),
        ("quy_3_2018", "2018-Q3"),
        ("Q2/2018", "2018-Q2"),
        ("2018-Q1", "2018-Q1"),
        ("BẢNG ĐIỂM QUÝ III/2018", "2018-Q3"),
        ("Năm 2017", "2017"),
        ("2017", "2017"),
        ("Quý V/2018", None),
        ("", None),
        (None, None),
    ],
)
def test_periods_are_found_in_what_people_write(text, period):
    assert periods.find_period(text) == period


def test_periods_are_named_for_the_documents_and_the_pages():
    assert [periods.period_label(p) for p in ("2017", "2018-Q2")] == ["Năm 2017", "Quý II/2018"]
    assert [i18n.period_name(p, "vi") for p in ("2017", "2018-Q4")] == ["Năm 2017", "Quý IV/2018"]
    assert [i18n.period_name(p, "en") for p in ("2017", "2018-Q4")] == ["Year 2017", "Q4 2018"]
    assert Settings(plan_year=2019).periods == ["2017", "2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]


@pytest.mark.parametrize(
    "text, asked",
    [
        ("so-ket", ("midyear", "2018-Q2")),
        ("Sơ kết", ("midyear", "2018-Q2")),
        ("tong-ket", ("final", "2018-Q3")),  # held in 10/2018 on the data then in hand
        ("Quý III/2018", ("quarter", "2018-Q3")),
        ("2018-Q3", ("quarter", "2018-Q3")),
        ("2017", None),  # the baseline has no report
        ("2019-Q1", None),
        ("bogus", None),
    ],
)
def test_a_report_is_asked_for_by_quarter_or_review(text, asked):
    assert periods.report_period(text, 2018) == asked


def test_the_reviews_are_milestones_of_the_plan():
    milestones = {m.key: m for m in Settings().milestones}
    assert [(r.key, milestones[r.key].name) for r in periods.REVIEWS] == [("midyear", "Sơ kết"), ("final", "Tổng kết")]
    assert [(r.key, p) for r, p in periods.reviews(2018)] == [("midyear", "2018-Q2"), ("final", "2018-Q3")]
    assert [i18n.t(f"review.{r.key}", "vi") for r in periods.REVIEWS] == [r.name for r in periods.REVIEWS]
    assert periods.report_choices(2018) == ["2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4", "so-ket", "tong-ket"]


def test_a_review_adds_up_the_quarters_of_the_plan_up_to_its_own():
    """The sơ kết (06/2018) reviews six months, Q1 and Q2 together; the tổng kết (10/2018) the nine
    months of data in hand, Q1–Q3; a quarter's report its own quarter."""
    assert periods.figure_periods("midyear", "2018-Q2") == ["2018-Q1", "2018-Q2"]
    assert periods.figure_periods("final", "2018-Q3") == ["2018-Q1", "2018-Q2", "2018-Q3"]
    assert periods.figure_periods("quarter", "2018-Q3") == ["2018-Q3"]


@pytest.mark.parametrize(
    "text, period", [("so-ket", "2018-Q2"), ("Tổng kết", "2018-Q3"), ("tong-ket", "2018-Q3"), ("2018-Q2", None)]
)
def test_a_review_word_names_the_quarter_the_review_reads(text, period):
    assert periods.review_quarter(text, 2018) == period


def test_only_the_quarter_after_the_final_review_is_the_year_end_after_it():
    assert [periods.after_final(p) for p in ("2017", "2018-Q2", "2018-Q3", "2018-Q4")] == [False, False, False, True]
