"""Scoring in stages, read side by side (#19): each unit's total of each stage per period, one unit's
self-score against the checked and approved totals over the quarters, the largest gaps between the
self-score and the working group's check, and how many units still wait. Pure pandas over the
store's frames (Store.totals(stage=…), Store.stage_counts)."""

from __future__ import annotations

import pandas as pd

from . import contract as C
from .settings import Settings

GAPS_SHOWN = 5  # the largest gaps the overview and the reports show


def stage_totals(store, periods: list[str] | None = None, unit_codes: list[str] | None = None) -> pd.DataFrame:
    """unit_code, period, self, checked, approved: the total of each stage's current card (NaN where
    the unit has no card of that stage)."""
    columns = ["unit_code", "period", *C.STAGE_KEYS]
    parts = [store.totals(periods, unit_codes, stage=s).assign(stage=s) for s in C.STAGE_KEYS]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    wide = pd.concat(parts, ignore_index=True).pivot_table(
        index=["unit_code", "period"], columns="stage", values="total", aggfunc="first"
    )
    wide = wide.reindex(columns=list(C.STAGE_KEYS)).astype(float).reset_index()
    wide.columns.name = None
    return wide[columns]


def unit_path(totals: pd.DataFrame, unit_code: str, settings: Settings) -> pd.DataFrame:
    """One unit over the plan's quarters: period, self, checked, approved (stage_totals' rows), a row
    for every quarter that holds a card of any stage, in the quarters' order."""
    mine = totals[(totals["unit_code"] == unit_code) & totals["period"].isin(settings.quarters)]
    mine = mine.dropna(subset=list(C.STAGE_KEYS), how="all")
    order = {p: i for i, p in enumerate(settings.quarters)}
    mine = mine.sort_values("period", key=lambda s: s.map(order))
    return mine[["period", *C.STAGE_KEYS]].reset_index(drop=True)


def largest_gaps(totals: pd.DataFrame, units: pd.DataFrame, period: str, top: int | None = None) -> pd.DataFrame:
    """The units whose self-score total of `period` exceeds the working group's checked total,
    largest gap first (then by code): unit_code, unit_name, self, checked, gap; `top` of them."""
    now = totals[(totals["period"] == period)].dropna(subset=["self", "checked"])
    now = now.assign(gap=(now["self"] - now["checked"]).round(2))
    now = now[now["gap"] > 0].sort_values(["gap", "unit_code"], ascending=[False, True])
    names = dict(zip(units["unit_code"], units["name"]))
    frame = pd.DataFrame(
        {
            "unit_code": now["unit_code"],
            "unit_name": [names.get(c, c) for c in now["unit_code"]],
            "self": now["self"],
            "checked": now["checked"],
            "gap": now["gap"],
        }
    ).reset_index(drop=True)
    return frame if top is None else frame.head(top)


def waiting(counts: pd.DataFrame, period: str) -> dict[str, int]:
    """How many units' totals of `period` wait (Store.stage_counts): for the working group's check
    (only a self-score) and for the Standing Committee's approval (checked, not approved)."""
    by_stage = counts[counts["period"] == period].groupby("stage")["units"].sum()
    return {"check": int(by_stage.get("self", 0)), "approval": int(by_stage.get("checked", 0))}
