"""Periods, named in one place: the baseline year ('2017'), the plan's quarters ('2018-Q2'), the
ways people write them (Quý II/2018, Q2/2018, Năm 2017, 2018-Q2) and the plan's two reviews: the
sơ kết (06/2018: the first six months, Q1 and Q2 together, scores as of Q2) and the tổng kết
(10/2018: the data then in hand, Q1–Q3, scores as of Q3; Q4 comes after it, at the year's end).

A period is stored as its code: the year for the baseline, YEAR-Qn for a quarter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import fold

ROMAN = ("I", "II", "III", "IV")
_ROMAN_FOLDED = {r.lower(): q for q, r in enumerate(ROMAN, start=1)}


def quarter_code(year: int | str, quarter: int) -> str:
    return f"{year}-Q{quarter}"


def quarter_of(period: str) -> int | None:
    """2 for '2018-Q2'; None for a year."""
    return int(period.split("-Q")[1]) if "-Q" in period else None


def year_of(period: str) -> str:
    return period.split("-Q")[0]


def quarter_end(year: int | str, quarter: int) -> dt.date:
    """The last day of a quarter: 31/03, 30/06, 30/09, 31/12."""
    first_of_next = dt.date(int(year) + quarter // 4, quarter % 4 * 3 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def plan_periods(plan_year: int) -> list[str]:
    """The plan's four quarters."""
    return [quarter_code(plan_year, q) for q in range(1, 5)]


def period_label(period: str) -> str:
    """'2018-Q2' -> 'Quý II/2018'; '2017' -> 'Năm 2017' (the words on the users' documents)."""
    q = quarter_of(period)
    return f"Quý {ROMAN[q - 1]}/{year_of(period)}" if q else f"Năm {period}"


_QUARTER_PATTERNS = (
    re.compile(r"\b(?:quy|q)\s*(iv|iii|ii|i|[1-4])\s*(?:nam\s*)?(20\d\d)\b"),
    re.compile(r"\b(20\d\d)\s*q\s*([1-4])\b"),
)
_YEAR_PATTERN = re.compile(r"\bnam\s*(20\d\d)\b")


def find_period(text: object) -> str | None:
    """The period named in a free text ('Quý II/2018', 'Q2/2018', '2018-Q2', 'Năm 2017'...)."""
    folded = fold(str(text or "").replace("_", " "))
    if not folded:
        return None
    m = _QUARTER_PATTERNS[0].search(folded)
    if m:
        return quarter_code(m.group(2), _ROMAN_FOLDED.get(m.group(1)) or int(m.group(1)))
    m = _QUARTER_PATTERNS[1].search(folded)
    if m:
        return quarter_code(m.group(1), int(m.group(2)))
    m = _YEAR_PATTERN.search(folded)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(20\d\d)", folded)
    return m.group(1) if m else None


def normalise_period(text: object) -> str | None:
    """A period typed by a user on the command line or in a Kỳ cell."""
    return find_period(text)


# ---------------------------------------------------------------- the plan's reviews


@dataclass(frozen=True)
class Review:
    """A review of the plan, on the date of its milestone: scores as of its quarter, the quarterly
    reports' figures (activities, participants, funds, reports received) of the plan's quarters up
    to and including it, added up."""

    key: str  # also the key of its milestone in the settings
    name: str  # as the documents say it
    quarter: int  # the last quarter whose data it reads
    option: str  # as the command line takes it
    words: tuple[str, ...]  # folded spellings understood


REVIEWS = (
    # 06/2018, the end of Q2: six months, Q1 and Q2 together
    Review("midyear", "Sơ kết", 2, "so-ket", ("so ket", "soket", "midyear", "mid year")),
    # 10/2018: the data in hand is Q1–Q3; Q4's, when it comes, is the year's end after the review
    Review("final", "Tổng kết", 3, "tong-ket", ("tong ket", "tongket", "final")),
)
REVIEW_BY_KEY = {r.key: r for r in REVIEWS}


def reviews(plan_year: int) -> list[tuple[Review, str]]:
    """Each review of the plan with the quarter whose scores it reads."""
    return [(review, quarter_code(plan_year, review.quarter)) for review in REVIEWS]


def review_quarter(text: str, plan_year: int) -> str | None:
    """The quarter a review's name reads: 'so-ket' / 'Sơ kết' -> Q2; 'tong-ket' -> Q3; else None."""
    folded = fold(text)
    return next((period for review, period in reviews(plan_year) if folded in review.words), None)


def figure_periods(kind: str, period: str) -> list[str]:
    """The quarters whose quarterly-report figures a report adds up: a quarter's report its own; a
    review every quarter of the plan up to its own (the sơ kết Q1–Q2, the tổng kết Q1–Q3)."""
    q = quarter_of(period)
    if kind == "quarter" or q is None:
        return [period]
    return [quarter_code(year_of(period), i) for i in range(1, q + 1)]


def after_final(period: str) -> bool:
    """A quarter past the data of the tổng kết (Q4): the year's end, after the plan's review."""
    q = quarter_of(period)
    return q is not None and q > REVIEW_BY_KEY["final"].quarter


def report_period(text: str, plan_year: int) -> tuple[str, str] | None:
    """What a report is asked for: '2018-Q2' / 'Quý II/2018' -> ('quarter', '2018-Q2');
    'so-ket' -> ('midyear', Q2); 'tong-ket' -> ('final', Q3); None for anything else."""
    folded = fold(text)
    for review, period in reviews(plan_year):
        if folded in review.words:
            return review.key, period
    period = normalise_period(text)
    return ("quarter", period) if period in plan_periods(plan_year) else None


def report_choices(plan_year: int) -> list[str]:
    """What the report command takes, for its error message."""
    return [*plan_periods(plan_year), *(r.option for r in REVIEWS)]
