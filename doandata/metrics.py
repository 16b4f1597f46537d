"""The progress rules of domain.md: pandas in, pandas out, no store and no Streamlit.

Inputs are plain frames: units (unit_code, name, cluster, special, baseline_total, baseline_rating),
totals (unit_code, period, total), statuses (unit_code, period, item_code, status).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import contract as C
from . import periods
from .cells import is_blank
from .settings import Settings

STATUS_ORDER = ("on_track", "at_risk", "behind")
# Who is followed (domain.md): đặc thù units, then khó khăn ones (2017 rating among the weak levels);
# a unit both special and weak is đặc thù.
GROUPS = ("dac_thu", "kho_khan")
NONE_DONE = pd.Series(dtype=int)  # no plan item done by any unit


def _scale(settings: Settings) -> list[C.Rating]:
    return sorted(settings.scale, key=lambda r: r.minimum)


def rating_name(total: float | None, settings: Settings) -> str | None:
    rating = C.rating_for(total, settings.scale)
    return rating.name if rating else None


def totals_from_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """A unit's total for a period is the sum of its criterion points."""
    if scores.empty:
        return pd.DataFrame(columns=["unit_code", "period", "total"])
    return scores.groupby(["unit_code", "period"], as_index=False)["points"].sum().rename(columns={"points": "total"})


def fraction_for(period: str, settings: Settings) -> float:
    q = periods.quarter_of(period)
    return 0.0 if q is None else settings.quarter_fractions[q - 1]


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


def progress(
    units: pd.DataFrame, totals: pd.DataFrame, done: pd.Series, settings: Settings, period: str
) -> pd.DataFrame:
    """One row per unit for one period: every figure of the summary (the CLI's JSON keys).
    `totals` is long (unit_code, period, total); `done` is items_done(...) per unit code."""

    def of(p):
        return totals[totals["period"] == p].set_index("unit_code")["total"]

    return figures(units, of(period), of(settings.baseline_period), done, settings, period)


def of_period(store, period: str, settings: Settings | None = None, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every unit's figures for one quarter, read from `store` (anything with Store's `figures` and
    `settings`): the store adds up in SQL, the rules apply here, so the store never imports them."""
    settings = settings or store.settings()
    return stored_figures(store.figures(period, settings), settings, period, units)


def stored_figures(
    read: pd.DataFrame, settings: Settings, period: str, units: pd.DataFrame | None = None
) -> pd.DataFrame:
    """figures() from the store's read of a period (Store.figures: each unit with its total, its
    2017 scorecard's total and its plan items done, added up in the database), for every unit read
    or for the units given."""
    by_code = read.set_index("unit_code")
    frame = figures(
        read if units is None else units,
        by_code["total"],
        by_code["baseline_card"],
        by_code["items_done"].dropna(),
        settings,
        period,
    )
    if "stage" in by_code:  # the stage each total rests on (#19): self, checked, approved, or none
        frame["stage"] = frame["unit_code"].map(by_code["stage"]).astype(object)
        frame.loc[frame["stage"].isna(), "stage"] = None
    return frame


def figures(
    units: pd.DataFrame, total: pd.Series, baseline_card: pd.Series, done: pd.Series, settings: Settings, period: str
) -> pd.DataFrame:
    """progress() from per-unit series (unit code -> the period's total, the 2017 scorecard's total,
    plan items done), the rules of domain.md applied column-wise to every unit at once."""
    codes = units["unit_code"]
    frame = units[["unit_code", "name", "cluster", "special"]].rename(columns={"name": "unit_name"}).copy()
    frame["period"] = period
    frame["total"] = codes.map(total).astype(float)
    frame["rating"] = _ratings(frame["total"].to_numpy(), settings)
    card = codes.map(baseline_card).astype(float)
    listed = pd.to_numeric(units["baseline_total"], errors="coerce").astype(float)
    frame["baseline_total"] = card.where(card.notna(), listed).to_numpy()
    given = units["baseline_rating"]
    given_ok = given.map(lambda g: isinstance(g, str) and g != "").to_numpy()
    frame["baseline_rating"] = np.where(
        given_ok, given.to_numpy(dtype=object), _ratings(frame["baseline_total"].to_numpy(), settings)
    )
    frame["delta"] = frame["total"] - frame["baseline_total"]

    scale = _scale(settings)
    minimums = np.array([r.minimum for r in scale], dtype=float)
    base_level = _levels(frame["baseline_rating"], settings)
    # a word of an older scale or a renamed level is shown by the level's name today
    names = np.array([r.name for r in scale] + [None], dtype=object)
    frame["baseline_rating"] = names[base_level.fillna(len(scale)).astype(int).to_numpy()]
    target = pd.Series(minimums[np.minimum(base_level.fillna(0).astype(int) + 1, len(scale) - 1)], index=frame.index)
    target = target.where(base_level.notna())
    overrides = codes.map(settings.targets).astype(float)
    frame["target_total"] = overrides.where(overrides.notna(), target).astype(float)

    f = fraction_for(period, settings)
    base, tgt = frame["baseline_total"], frame["target_total"]
    expected = np.where(base >= tgt, tgt, base + (tgt - base) * f)
    frame["expected_total"] = pd.Series(expected, index=frame.index).where(base.notna() & tgt.notna()).astype(float)

    t, e = frame["total"], frame["expected_total"]
    status = np.select([t >= e - 1e-9, t >= e - settings.at_risk_band - 1e-9], ["on_track", "at_risk"], "behind")
    frame["status"] = pd.Series(status, index=frame.index, dtype=object).where(t.notna() & e.notna(), None)

    weak = {i for i, r in enumerate(scale) if r.key in settings.weak_levels}
    special = units["special"].fillna(False).astype(bool).to_numpy()
    kho_khan = base_level.isin(weak).to_numpy()
    frame["group"] = pd.Series(
        np.select([special, kho_khan], [GROUPS[0], GROUPS[1]], ""), index=frame.index, dtype=object
    ).replace("", None)
    frame["followed"] = frame["group"].notna()

    now_level = _levels(frame["rating"], settings)
    by_level = (now_level - base_level) >= settings.recognised_levels
    by_points = (t - base) >= settings.recognised_points - 1e-9
    # only a followed unit is proposed for công nhận tiến bộ
    earned = t.notna() & (by_level.fillna(False) | by_points.fillna(False))
    frame["recognised"] = (earned & frame["followed"]).astype(bool)
    frame["items_done"] = codes.map(done).fillna(0).astype(int)
    return frame.reset_index(drop=True)


def _levels(words: pd.Series, settings: Settings) -> pd.Series:
    """Each rating word's position on the scale (lowest 0) by name, key or alias; NaN when none."""
    found = {w: C.level_of(w, settings.scale) for w in words.dropna().unique()}
    return words.map(found).astype(float)


# Which units a page, a chart or a report is about: the followed ones by default (domain.md).
SHOWN = ("followed", "all", *GROUPS)


def among(column: pd.Series, values) -> np.ndarray:
    """`column.isin(values)`, as a boolean array. pandas' own isin on a column of Arrow strings (the
    unit codes) walks the values in Python: 18 ms for 5,000 units at every page run, where
    Arrow's is_in takes a quarter of a millisecond. Any other column, or values Arrow cannot hold
    as strings, go through pandas."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        try:
            wanted = pa.array(list(values), type=pa.string())
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            pass
        else:
            found = pc.is_in(pa.array(column.array), value_set=wanted, skip_nulls=False)
            return found.fill_null(False).to_numpy(zero_copy_only=False)
    return column.isin(values).to_numpy(dtype=bool)


def in_set(frame: pd.DataFrame, shown: str) -> pd.DataFrame:
    """The rows of a frame holding `group` (figures(), or units with unit_groups()) in the set."""
    if shown == "all":
        return frame
    if shown == "followed":
        return frame[frame["group"].notna()]
    return frame[frame["group"] == shown]


def by_group(frame: pd.DataFrame) -> pd.DataFrame:
    """Đặc thù units first, then khó khăn ones, then the rest, each in the order they came."""
    rank = frame["group"].map({g: i for i, g in enumerate(GROUPS)}).fillna(len(GROUPS))
    return frame.assign(_g=rank).sort_values("_g", kind="stable").drop(columns="_g")


def group_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many units of each group, and of none ("other")."""
    out = {g: int((frame["group"] == g).sum()) for g in GROUPS}
    out["other"] = int(frame["group"].isna().sum())
    return out


def _ratings(totals: np.ndarray, settings: Settings) -> np.ndarray:
    """rating_name for many totals: the highest level whose minimum each total reaches."""
    scale = _scale(settings)
    minimums = np.array([r.minimum for r in scale], dtype=float)
    names = np.array([r.name for r in scale] + [None], dtype=object)
    reached = np.searchsorted(minimums, totals, side="right") - 1
    reached = np.where(np.isnan(totals) | (reached < 0), len(scale), reached)
    return names[reached]


def worst_first(frame: pd.DataFrame) -> pd.DataFrame:
    """Behind first, then at risk, then on track, then no data; within each, the biggest fall first."""
    order = {"behind": 0, "at_risk": 1, "on_track": 2}
    rank = frame["status"].map(order).fillna(3)
    return frame.assign(_rank=rank).sort_values(["_rank", "delta"], kind="stable").drop(columns="_rank")


def status_counts(frame: pd.DataFrame) -> dict[str, int]:
    counts = {s: int((frame["status"] == s).sum()) for s in STATUS_ORDER}
    counts["no_data"] = int(frame["status"].isna().sum())
    counts["recognised"] = int(frame["recognised"].sum())
    return counts


def unit_timeline(unit_code: str, units: pd.DataFrame, totals: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """One unit across the baseline and the plan's quarters: total, expected, baseline, target."""
    rows = []
    for period in settings.periods:
        p = progress(units[units["unit_code"] == unit_code], totals, NONE_DONE, settings, period)
        rows.append(p.iloc[0] if len(p) else None)
    frame = pd.DataFrame([r for r in rows if r is not None])
    return frame[
        ["period", "total", "rating", "baseline_total", "target_total", "expected_total", "status"]
    ].reset_index(drop=True)


def criteria_compare(
    scores: pd.DataFrame, criteria: pd.DataFrame, unit_code: str, period: str, settings: Settings
) -> pd.DataFrame:
    """Per criterion of one unit: points in the period and in the baseline year, and the change."""
    mine = scores[scores["unit_code"] == unit_code]
    now = mine[mine["period"] == period].set_index("criterion_code")["points"]
    then = mine[mine["period"] == settings.baseline_period].set_index("criterion_code")["points"]
    frame = criteria[["code", "content", "section", "max_points"]].copy()
    frame["points"] = frame["code"].map(now).astype(float)
    frame["baseline_points"] = frame["code"].map(then).astype(float)
    frame["change"] = frame["points"] - frame["baseline_points"]
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------- views of the overview and unit pages


def rating_transitions(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Units counted by 2017 rating (rows) and rating in the period (columns), lowest level first."""
    names = [r.name for r in _scale(settings)]
    data = frame.dropna(subset=["rating", "baseline_rating"])
    table = pd.crosstab(
        pd.Categorical(data["baseline_rating"], categories=names),
        pd.Categorical(data["rating"], categories=names),
        dropna=False,
    )
    table.index.name, table.columns.name = "baseline_rating", "rating"
    return table


def plan_item_matrix(statuses: pd.DataFrame, unit_codes: list[str], period: str, settings: Settings) -> pd.DataFrame:
    """Latest status of each plan item per unit up to the period ('none' where never reported)."""
    latest = latest_statuses(statuses, period, settings)
    latest = latest[among(latest["unit_code"], unit_codes)]
    matrix = latest.pivot_table(index="unit_code", columns="item_code", values="status", aggfunc="last")
    return matrix.reindex(index=unit_codes, columns=list(C.PLAN_ITEM_CODES)).fillna("none")


def item_history(statuses: pd.DataFrame, unit_code: str, settings: Settings) -> pd.DataFrame:
    """One unit's plan-item statuses as reported each quarter (items × quarters)."""
    mine = statuses[statuses["unit_code"] == unit_code]
    matrix = mine.pivot_table(index="item_code", columns="period", values="status", aggfunc="last")
    return matrix.reindex(index=list(C.PLAN_ITEM_CODES), columns=settings.quarters).fillna("none")


def gap_to_next_rating(compare: pd.DataFrame, total: float | None, settings: Settings) -> dict:
    """How far the unit is from the next level, and where the points can come from: the criteria
    with the most room left (maximum minus points), largest first."""
    current = C.rating_for(total, settings.scale)
    higher = [r for r in _scale(settings) if current is None or r.minimum > current.minimum]
    room = compare.assign(room=compare["max_points"] - compare["points"].fillna(0))
    room = room[room["room"] > 0].sort_values("room", ascending=False)
    if is_blank(total) or not higher:
        return {"next": None, "needed": 0.0, "room": room}
    nxt = higher[0]
    return {"next": nxt.name, "needed": float(nxt.minimum - total), "room": room}


def report_arrivals(reports: pd.DataFrame, unit_codes: list[str], upto: str, settings: Settings) -> pd.DataFrame:
    """Whether each unit's quarterly report came in, for the quarters up to the chosen one."""
    quarters = [q for q in settings.quarters if q <= upto]
    came = set(zip(reports["unit_code"], reports["period"]))
    return pd.DataFrame({q: [(u, q) in came for u in unit_codes] for q in quarters}, index=unit_codes)


def milestone_status(settings: Settings, today) -> pd.DataFrame:
    """The plan's milestones in date order, which are past, and the next one due."""
    ms = sorted(settings.milestones, key=lambda m: m.date)
    frame = pd.DataFrame(
        {
            "key": [m.key for m in ms],
            "name": [m.name for m in ms],
            "date": [m.date for m in ms],
            "note": [m.note for m in ms],
        }
    )
    frame["past"] = frame["date"] <= today
    upcoming = frame.index[~frame["past"]]
    frame["next"] = False
    if len(upcoming):
        frame.loc[upcoming[0], "next"] = True
    return frame


def pair_problems(cluster, mate_cluster, mate_baseline_rating, settings: Settings) -> list[str]:
    """What is wrong with a companion (II.3: the same cụm, rated Vững mạnh or Xuất sắc in 2017):
    'other_cluster', 'not_strong', or nothing."""
    out = []
    if not is_blank(cluster) and not is_blank(mate_cluster) and int(cluster) != int(mate_cluster):
        out.append("other_cluster")
    level = C.level_of(mate_baseline_rating, settings.scale) if isinstance(mate_baseline_rating, str) else None
    if level is not None and _scale(settings)[level].key not in C.COMPANION_LEVELS:
        out.append("not_strong")
    return out


def companion_lines(reports: pd.DataFrame, companion_name: str | None, companion_code: str | None) -> pd.DataFrame:
    """period, text: the sentences of a unit's quarterly reports about its companionship (naming
    the companion, its code or "đồng hành"), newest first."""
    keys = [C.fold(k) for k in ("đồng hành", companion_name, companion_code) if isinstance(k, str) and k]
    rows = []
    for rep in reports.sort_values("period", ascending=False).to_dict("records"):
        for field in ("difficulties", "proposals", "models"):
            text = rep.get(field)
            if not isinstance(text, str):
                continue
            for line in text.splitlines():
                if line.strip() and any(k in C.fold(line) for k in keys):
                    rows.append({"period": rep["period"], "text": line.strip()})
    return pd.DataFrame(rows, columns=["period", "text"])


def companion_pairs(units: pd.DataFrame, frame: pd.DataFrame, settings: Settings | None = None) -> pd.DataFrame:
    """Each unit with a companion (the special ones, as II.3 has it, and any other) beside the unit
    that accompanies it; `problems` says what the plan would want otherwise (pair_problems)."""
    pairs = units.loc[units["companion_code"].notna(), ["cluster", "unit_code", "companion_code"]]
    figures = frame.set_index("unit_code")
    mine = figures.reindex(pairs["unit_code"])
    mate = figures.reindex(pairs["companion_code"])
    out = pd.DataFrame(
        {
            "cluster": pairs["cluster"].to_numpy(),
            "unit_code": pairs["unit_code"].to_numpy(),
            "unit_name": units.set_index("unit_code")["name"].reindex(pairs["unit_code"]).to_numpy(),
            "total": mine["total"].to_numpy(),
            "baseline_total": mine["baseline_total"].to_numpy(),
            "delta": mine["delta"].to_numpy(),
            "status": mine["status"].to_numpy(),
            "companion_code": pairs["companion_code"].to_numpy(),
            "companion_name": mate["unit_name"].to_numpy(),
            "companion_total": mate["total"].to_numpy(),
        }
    )
    out["status"] = out["status"].astype(object).where(out["status"].notna(), None)
    out["problems"] = [
        pair_problems(c, mc, mr, settings or Settings())
        for c, mc, mr in zip(out["cluster"], mate["cluster"].to_numpy(), mate["baseline_rating"].to_numpy())
    ]
    return out


def cluster_summary(frame: pd.DataFrame, clusters: pd.DataFrame, names: dict) -> pd.DataFrame:
    """Per cluster: its leader, how many units and special units, how many on track, the mean total."""
    grouped = frame.groupby("cluster")
    out = pd.DataFrame(
        {
            "units": grouped.size(),
            "special": grouped["special"].sum(),
            "on_track": grouped["status"].apply(lambda s: int((s == "on_track").sum())),
            "at_risk": grouped["status"].apply(lambda s: int((s == "at_risk").sum())),
            "behind": grouped["status"].apply(lambda s: int((s == "behind").sum())),
            "mean_total": grouped["total"].mean(),
            "mean_delta": grouped["delta"].mean(),
        }
    )
    leaders = dict(zip(clusters["cluster"], clusters["leader_code"]))
    out["leader"] = [names.get(leaders.get(c)) for c in out.index]
    return out.reset_index()


def followers(members: pd.DataFrame, unit_code: str) -> pd.DataFrame:
    """The working-group members who follow a unit, and the plan items each follows."""
    if members.empty:
        return members.assign(items=[])
    mine = members[members["unit_codes"].fillna("").str.split(",").apply(lambda codes: unit_code in codes)]
    return mine.assign(items=mine["item_codes"].fillna("").str.split(",").apply(lambda c: [x for x in c if x]))


def group_units(units: pd.DataFrame, members: pd.DataFrame, group_no: int) -> list[str]:
    """The units a working group follows: assigned in the unit list or named by its members."""
    named = {c for codes in members["unit_codes"].fillna("") for c in codes.split(",") if c}
    assigned = set(units.loc[units["group_no"] == group_no, "unit_code"])
    return [c for c in units["unit_code"] if c in named | assigned]


def preview_changes(
    scores: pd.DataFrame, totals: pd.DataFrame, units: pd.DataFrame, settings: Settings
) -> pd.DataFrame:
    """What a scorecard upload would change: per unit and period, the total and rating now and after."""
    if scores is None or scores.empty:
        return pd.DataFrame(
            columns=["unit_code", "unit_name", "period", "old_total", "new_total", "old_rating", "new_rating", "change"]
        )
    new = totals_from_scores(scores).rename(columns={"total": "new_total"})
    frame = new.merge(totals.rename(columns={"total": "old_total"}), on=["unit_code", "period"], how="left")
    frame["unit_name"] = frame["unit_code"].map(dict(zip(units["unit_code"], units["name"])))
    frame["old_rating"] = [rating_name(t, settings) for t in frame["old_total"]]
    frame["new_rating"] = [rating_name(t, settings) for t in frame["new_total"]]
    frame["change"] = frame["new_total"] - frame["old_total"]
    # units new to the period first, then the biggest changes; unchanged units last
    order = frame["change"].abs().fillna(float("inf"))
    frame = frame.assign(_o=order).sort_values(["_o", "unit_code"], ascending=[False, True]).drop(columns="_o")
    return frame[
        ["unit_code", "unit_name", "period", "old_total", "new_total", "old_rating", "new_rating", "change"]
    ].reset_index(drop=True)
