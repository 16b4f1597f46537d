"""The progress rules of domain.md: pandas in, pandas out, no store and no Streamlit.

Inputs are plain frames: units (unit_code, name, cluster, special, baseline_total, baseline_rating),
totals (unit_code, period, total), statuses (unit_code, period, item_code, status).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import contract as C
from .settings import Settings

STATUS_ORDER = ("on_track", "at_risk", "behind")


def _scale(settings: Settings) -> list[C.Rating]:
    return sorted(settings.scale, key=lambda r: r.minimum)


def rating_name(total: float | None, settings: Settings) -> str | None:
    rating = C.rating_for(total, settings.scale)
    return rating.name if rating else None


def level(rating_name_: str | None, settings: Settings) -> int | None:
    names = [r.name for r in _scale(settings)]
    return names.index(rating_name_) if rating_name_ in names else None


def totals_from_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """A unit's total for a period is the sum of its criterion points."""
    if scores.empty:
        return pd.DataFrame(columns=["unit_code", "period", "total"])
    return scores.groupby(["unit_code", "period"], as_index=False)["points"].sum() \
        .rename(columns={"points": "total"})


def baselines(units: pd.DataFrame, totals: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Baseline total from the 2017 scorecard when uploaded, else Điểm 2017 of the unit list;
    rating from Xếp loại 2017 when given (the official result), else from the baseline total."""
    base = units[["unit_code", "baseline_total", "baseline_rating"]].copy()
    from_card = totals[totals["period"] == settings.baseline_period].set_index("unit_code")["total"]
    card = base["unit_code"].map(from_card)
    base["baseline_total"] = card.where(card.notna(), pd.to_numeric(base["baseline_total"], errors="coerce"))
    given = base["baseline_rating"].where(base["baseline_rating"].notna() & (base["baseline_rating"] != ""), None)
    base["baseline_rating"] = [g if isinstance(g, str) and g else rating_name(t, settings)
                               for g, t in zip(given, base["baseline_total"])]
    return base


def target_total(baseline_rating: str | None, settings: Settings, override: float | None = None) -> float | None:
    """The minimum total of the level one above the baseline level; the top level keeps its own."""
    if override is not None and not _nan(override):
        return float(override)
    idx = level(baseline_rating, settings)
    if idx is None:
        return None
    scale = _scale(settings)
    return float(scale[min(idx + 1, len(scale) - 1)].minimum)


def fraction_for(period: str, settings: Settings) -> float:
    q = C.quarter_of(period)
    return 0.0 if q is None else settings.quarter_fractions[q - 1]


def expected_total(baseline: float | None, target: float | None, fraction: float) -> float | None:
    """baseline + (target - baseline) x f; a unit already at or above its target stays at the target."""
    if _nan(baseline) or _nan(target):
        return None
    if baseline >= target:
        return float(target)
    return float(baseline + (target - baseline) * fraction)


def status_of(total: float | None, expected: float | None, band: float) -> str | None:
    """On track at or above expected; 'at risk' within the band below it; behind lower still."""
    if _nan(total) or _nan(expected):
        return None
    if total >= expected - 1e-9:
        return "on_track"
    if total >= expected - band - 1e-9:
        return "at_risk"
    return "behind"


def is_recognised(total: float | None, rating: str | None, baseline_total: float | None,
                  baseline_rating: str | None, settings: Settings) -> bool:
    """A level (or more) above the baseline rating, or at least N points above the baseline total."""
    if _nan(total):
        return False
    now, then = level(rating, settings), level(baseline_rating, settings)
    by_level = now is not None and then is not None and now - then >= settings.recognised_levels
    by_points = not _nan(baseline_total) and total - baseline_total >= settings.recognised_points - 1e-9
    return bool(by_level or by_points)


def items_done(statuses: pd.DataFrame, period: str, settings: Settings) -> pd.Series:
    """Per unit: plan items whose latest status reported up to and including the period is done."""
    latest = latest_statuses(statuses, period, settings)
    if latest.empty:
        return pd.Series(dtype=int)
    return latest[latest["status"] == "done"].groupby("unit_code").size()


def latest_statuses(statuses: pd.DataFrame, period: str, settings: Settings) -> pd.DataFrame:
    order = {p: i for i, p in enumerate(settings.periods)}
    if statuses.empty or period not in order:
        return pd.DataFrame(columns=["unit_code", "item_code", "status", "period"])
    upto = statuses[statuses["period"].map(order).le(order[period])].copy()
    upto["_order"] = upto["period"].map(order)
    upto = upto.sort_values("_order").drop_duplicates(["unit_code", "item_code"], keep="last")
    return upto.drop(columns="_order")


def progress(units: pd.DataFrame, totals: pd.DataFrame, statuses: pd.DataFrame, settings: Settings,
             period: str) -> pd.DataFrame:
    """One row per unit for one period: every figure of the summary (the CLI's JSON keys)."""
    base = baselines(units, totals, settings)
    frame = units[["unit_code", "name", "cluster", "special"]].rename(columns={"name": "unit_name"}).copy()
    frame["period"] = period
    this = totals[totals["period"] == period].set_index("unit_code")["total"]
    frame["total"] = frame["unit_code"].map(this).astype(float)
    frame["rating"] = [rating_name(t, settings) for t in frame["total"]]
    frame["baseline_total"] = base["baseline_total"].astype(float).to_numpy()
    frame["baseline_rating"] = base["baseline_rating"].to_numpy()
    frame["delta"] = frame["total"] - frame["baseline_total"]
    frame["target_total"] = [target_total(r, settings, settings.targets.get(c))
                             for c, r in zip(frame["unit_code"], frame["baseline_rating"])]
    f = fraction_for(period, settings)
    frame["expected_total"] = [expected_total(b, t, f) for b, t in zip(frame["baseline_total"], frame["target_total"])]
    frame["status"] = [status_of(t, e, settings.at_risk_band) for t, e in zip(frame["total"], frame["expected_total"])]
    frame["recognised"] = [is_recognised(t, r, bt, br, settings) for t, r, bt, br in zip(
        frame["total"], frame["rating"], frame["baseline_total"], frame["baseline_rating"])]
    done = items_done(statuses, period, settings)
    frame["items_done"] = frame["unit_code"].map(done).fillna(0).astype(int)
    frame["target_total"] = frame["target_total"].astype(float)
    frame["expected_total"] = frame["expected_total"].astype(float)
    return frame.reset_index(drop=True)


def status_counts(frame: pd.DataFrame) -> dict[str, int]:
    counts = {s: int((frame["status"] == s).sum()) for s in STATUS_ORDER}
    counts["no_data"] = int(frame["status"].isna().sum())
    counts["recognised"] = int(frame["recognised"].sum())
    return counts


def unit_timeline(unit_code: str, units: pd.DataFrame, totals: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """One unit across the baseline and the plan's quarters: total, expected, baseline, target."""
    rows = []
    for period in settings.periods:
        p = progress(units[units["unit_code"] == unit_code], totals, pd.DataFrame(
            columns=["unit_code", "period", "item_code", "status"]), settings, period)
        rows.append(p.iloc[0] if len(p) else None)
    frame = pd.DataFrame([r for r in rows if r is not None])
    return frame[["period", "total", "rating", "baseline_total", "target_total", "expected_total", "status"]] \
        .reset_index(drop=True)


def criteria_compare(scores: pd.DataFrame, criteria: pd.DataFrame, unit_code: str, period: str,
                     settings: Settings) -> pd.DataFrame:
    """Per criterion of one unit: points in the period and in the baseline year, and the change."""
    mine = scores[scores["unit_code"] == unit_code]
    now = mine[mine["period"] == period].set_index("criterion_code")["points"]
    then = mine[mine["period"] == settings.baseline_period].set_index("criterion_code")["points"]
    frame = criteria[["code", "content", "section", "max_points"]].copy()
    frame["points"] = frame["code"].map(now).astype(float)
    frame["baseline_points"] = frame["code"].map(then).astype(float)
    frame["change"] = frame["points"] - frame["baseline_points"]
    return frame.reset_index(drop=True)


def _nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or (
        isinstance(value, np.floating) and np.isnan(value))
