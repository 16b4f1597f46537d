"""Periods, named in one place: the baseline year ('2017'), the plan's quarters ('2018-Q2'), the
ways people write them (Quý II/2018, Q2/2018, Năm 2017, 2018-Q2) and the plan's two reviews, the
sơ kết (mid-year, on the figures of Q2) and the tổng kết (final, on those of Q4).

A period is stored as its code: the year for the baseline, YEAR-Qn for a quarter.
"""

from __future__ import annotations

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
    """A review of the plan: reported on the figures of one quarter, on the date of its milestone."""

    key: str  # also the key of its milestone in the settings
    name: str  # as the documents say it
    quarter: int
    option: str  # as the command line takes it
    words: tuple[str, ...]  # folded spellings understood


REVIEWS = (
    # 06/2018 is the sơ kết, so its report reads the figures of Q2; the tổng kết (10/2018) those of Q4
    Review("midyear", "Sơ kết", 2, "so-ket", ("so ket", "soket", "midyear", "mid year")),
    Review("final", "Tổng kết", 4, "tong-ket", ("tong ket", "tongket", "final")),
)
REVIEW_BY_KEY = {r.key: r for r in REVIEWS}


def reviews(plan_year: int) -> list[tuple[Review, str]]:
    """Each review of the plan with the quarter whose figures it reports."""
    return [(review, quarter_code(plan_year, review.quarter)) for review in REVIEWS]


def report_period(text: str, plan_year: int) -> tuple[str, str] | None:
    """What a report is asked for: '2018-Q2' / 'Quý II/2018' -> ('quarter', '2018-Q2');
    'so-ket' -> ('midyear', Q2); 'tong-ket' -> ('final', Q4); None for anything else."""
    folded = fold(text)
    for review, period in reviews(plan_year):
        if folded in review.words:
            return review.key, period
    period = normalise_period(text)
    return ("quarter", period) if period in plan_periods(plan_year) else None


def report_choices(plan_year: int) -> list[str]:
    """What the report command takes, for its error message."""
    return [*plan_periods(plan_year), *(r.option for r in REVIEWS)]
