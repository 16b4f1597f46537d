"""Support plans, reinforcement staff and working-group meetings (issue #15): the rules, on plain
frames as the store reads them (Store.support_actions, Store.meetings, Store.reports), so the
pages, the reports and the CLI say the same thing.

- An action is **overdue** at a day when its due date is before that day and it is not done. For
  a period the day is the period's end (Q3 2018: 30/09/2018, so an action due on 30/09 is not
  overdue at Q3, one due on 29/09 is); for "now" it is today. Nobody types "Quá hạn": it is said
  here, from the due date and the status.
- A working group's units are those the unit list assigns to it (Tổ công tác) and those its own
  members follow (Đơn vị phụ trách).
- A group should meet once a quarter: its meetings are counted per quarter of the plan, and a
  quarter without one is a missing meeting.
- A quarterly report is missing when a unit of the group has no current report for the quarter.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import metrics, periods

DONE = "done"
# The statuses of an action as the CLI's JSON says them (contract.STATUSES keys -> short words).
JSON_STATUS = {"not_started": "todo", "in_progress": "doing", "done": "done"}
NOW = "now"


def period_end(period: str) -> dt.date:
    """The last day of a period: 2018-Q3 -> 30/09/2018; a year -> 31/12."""
    year, quarter = int(periods.year_of(period)), periods.quarter_of(period)
    if quarter is None:
        return dt.date(year, 12, 31)
    first_of_next = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def judged_at(period: str | None, today: dt.date | None = None) -> dt.date:
    """The day overdue is judged at: the period's end, or today for "now" (None or "now")."""
    if period in (None, NOW):
        return today or dt.date.today()
    return period_end(period)


def is_overdue(due: dt.date | None, status: str | None, day: dt.date) -> bool:
    """Due before the day and not done."""
    if _missing(due):
        return False
    return _as_date(due) < day and status != DONE


def with_overdue(actions: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The actions with an `overdue` column judged at the day."""
    out = actions.copy()
    out["overdue"] = [is_overdue(d, s, day) for d, s in zip(out["due"], out["status"])] if len(out) else []
    out["overdue"] = out["overdue"].astype(bool)
    return out


def group_units(units: pd.DataFrame, members: pd.DataFrame, group_no: int) -> list[str]:
    """The units a working group follows: assigned to it in the unit list, or followed by one of
    its own members; in the unit list's order."""
    assigned = set(units.loc[units["group_no"] == group_no, "unit_code"])
    own = members[members["group_no"] == group_no] if len(members) else members
    named = {c for codes in own.get("unit_codes", pd.Series(dtype=object)).fillna("") for c in codes.split(",") if c}
    return [c for c in units["unit_code"] if c in assigned | named]


def unit_groups(units: pd.DataFrame, members: pd.DataFrame) -> dict[str, int]:
    """Each unit's working group: the one the unit list names, else the first whose member follows it."""
    out: dict[str, int] = {}
    if len(members):
        for group, codes in zip(members["group_no"], members["unit_codes"].fillna("")):
            for code in codes.split(","):
                if code and not pd.isna(group):
                    out.setdefault(code, int(group))
    for code, group in zip(units["unit_code"], units["group_no"]):
        if not pd.isna(group):
            out[code] = int(group)
    return out


def groups_of(units: pd.DataFrame, members: pd.DataFrame, meetings: pd.DataFrame | None = None) -> list[int]:
    """Every working group known: from the members, the unit list and the meetings."""
    found = set()
    for frame in (members, units, meetings):
        if frame is not None and len(frame) and "group_no" in frame:
            found |= {int(g) for g in frame["group_no"].dropna()}
    return sorted(found)


def meetings_per_quarter(meetings: pd.DataFrame, groups: list[int], quarters: list[str]) -> pd.DataFrame:
    """Meetings held per group (rows) and quarter of the plan (columns); 0 where none."""
    counts = pd.DataFrame(0, index=pd.Index(groups, name="group_no"), columns=list(quarters), dtype=int)
    if len(meetings):
        held = meetings[meetings["period"].isin(quarters)].groupby(["group_no", "period"]).size()
        for (group, period), n in held.items():
            if int(group) in counts.index:
                counts.loc[int(group), period] = int(n)
    return counts


def meetings_missing(meetings: pd.DataFrame, groups: list[int], quarters: list[str]) -> dict[int, list[str]]:
    """Per group, the quarters (of those given: the quarters up to now) in which it did not meet."""
    counts = meetings_per_quarter(meetings, groups, quarters)
    return {g: [q for q in quarters if counts.loc[g, q] == 0] for g in groups}


def missing_reports(
    units: pd.DataFrame, members: pd.DataFrame, reports: pd.DataFrame, group_no: int, period: str
) -> list[str]:
    """The names of the group's units with no quarterly report for the period, in the unit list's order."""
    mine = group_units(units, members, group_no)
    reported = set(reports.loc[reports["period"] == period, "unit_code"]) if len(reports) else set()
    names = dict(zip(units["unit_code"], units["name"]))
    return [names[c] for c in mine if c not in reported]


def action_counts(actions: pd.DataFrame, unit_codes: list[str], day: dt.date) -> dict[str, int]:
    """How many actions the units have: in all, open (not done), overdue at the day, done."""
    mine = with_overdue(actions[metrics.among(actions["unit_code"], unit_codes)], day)
    done = int((mine["status"] == DONE).sum())
    return {"actions": len(mine), "open": len(mine) - done, "overdue": int(mine["overdue"].sum()), "done": done}


def group_summary(
    units: pd.DataFrame,
    members: pd.DataFrame,
    actions: pd.DataFrame,
    meetings: pd.DataFrame,
    reports: pd.DataFrame,
    quarters: list[str],
    period: str,
    day: dt.date | None = None,
) -> pd.DataFrame:
    """One row per working group: its meetings per quarter (a column per quarter), its units'
    actions (open, overdue at the period's end or the day given), and the names of its units whose
    report for the period is missing."""
    day = day or period_end(period)
    groups = groups_of(units, members, meetings)
    counts = meetings_per_quarter(meetings, groups, quarters)
    rows = []
    for group in groups:
        mine = group_units(units, members, group)
        rows.append(
            {
                "group_no": group,
                **{q: int(counts.loc[group, q]) for q in quarters},
                **action_counts(actions, mine, day),
                "missing_reports": missing_reports(units, members, reports, group, period),
            }
        )
    columns = ["group_no", *quarters, "actions", "open", "overdue", "done", "missing_reports"]
    return pd.DataFrame(rows, columns=columns)


def group_quarter(
    units: pd.DataFrame,
    members: pd.DataFrame,
    actions: pd.DataFrame,
    meetings: pd.DataFrame,
    reports: pd.DataFrame,
    group_no: int,
    quarter: str,
    day: dt.date | None = None,
) -> dict:
    """What a working group's quarterly report to Thường trực holds: its units, its meetings of the
    quarter (with their conclusions and proposals), its units' actions with the overdue ones at the
    quarter's end (or the day given), the reports missing, and the units' own proposals."""
    codes = group_units(units, members, group_no)
    mine = (
        with_overdue(actions[metrics.among(actions["unit_code"], codes)], day or period_end(quarter))
        if len(actions)
        else actions
    )
    held = meetings[(meetings["group_no"] == group_no) & (meetings["period"] == quarter)] if len(meetings) else meetings
    sent = (
        reports[(reports["period"] == quarter) & metrics.among(reports["unit_code"], codes)]
        if len(reports)
        else reports
    )
    proposals = sent[sent["proposals"].fillna("").str.strip() != ""] if len(sent) else sent
    return {
        "group_no": group_no,
        "quarter": quarter,
        "units": units[metrics.among(units["unit_code"], codes)][["unit_code", "name"]].reset_index(drop=True),
        "meetings": held.reset_index(drop=True),
        "actions": mine.reset_index(drop=True),
        "overdue": mine[mine["overdue"]].reset_index(drop=True) if len(mine) else mine,
        "missing_reports": missing_reports(units, members, reports, group_no, quarter),
        "proposals": proposals[["unit_code", "proposals"]].reset_index(drop=True) if len(proposals) else proposals,
    }


def overview(
    units: pd.DataFrame,
    actions: pd.DataFrame,
    meetings: pd.DataFrame,
    reports: pd.DataFrame,
    groups: list[int],
    quarter: str,
    expected: list[str],
    day: dt.date | None = None,
) -> dict:
    """What the overview says of the support work in a quarter: the actions (in all, done, overdue at
    the quarter's end or the day given), the groups that have not met in the quarter, and the names
    of the units expected to report (the followed ones, metrics says which) whose report is missing."""
    judged = with_overdue(actions, day or period_end(quarter))
    met = set(meetings.loc[meetings["period"] == quarter, "group_no"]) if len(meetings) else set()
    reported = set(reports.loc[reports["period"] == quarter, "unit_code"]) if len(reports) else set()
    names = dict(zip(units["unit_code"], units["name"]))
    return {
        "actions": len(judged),
        "done": int((judged["status"] == DONE).sum()),
        "overdue": int(judged["overdue"].sum()),
        "groups_not_met": [g for g in groups if g not in met],
        "reports_missing": [names.get(c, c) for c in expected if c not in reported],
    }


def linked_actions(actions: pd.DataFrame, meeting: dict) -> pd.DataFrame:
    """The actions a meeting set or changed: those that name its date (Theo họp tổ ngày) and belong
    to a unit it discussed (any unit, when the minutes name none)."""
    if not len(actions):
        return actions
    day = _as_date(meeting["meeting_date"])
    same_day = [not _missing(d) and _as_date(d) == day for d in actions["meeting_date"]]
    units = [c for c in str(meeting.get("units_discussed") or "").split(",") if c]
    mine = actions[same_day]
    return mine[metrics.among(mine["unit_code"], units)] if units else mine


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return pd.Timestamp(value).date()


# ---------------------------------------------------------------- what the pages and documents show


def unit_plan(actions: pd.DataFrame, unit_code: str) -> dict:
    """A unit's support plan: its starting assessment, what was agreed with its Cấp ủy and when
    (the first action that says so), and its actions by number."""
    mine = actions[actions["unit_code"] == unit_code].sort_values("action_no") if len(actions) else actions

    def first(column: str):
        values = [v for v in mine.get(column, pd.Series(dtype=object)) if not _missing(v) and str(v).strip()]
        return values[0] if values else None

    agreed_date = first("agreed_date")
    return {
        "actions": mine.reset_index(drop=True),
        "assessment": first("assessment"),
        "agreed": first("agreed"),
        "agreed_date": _as_date(agreed_date) if agreed_date is not None else None,
    }


def state(status: str | None, overdue: bool) -> str:
    """done, overdue or open: how a timeline colours an action."""
    return "done" if status == DONE else "overdue" if overdue else "open"


def reinforcements_to(reinforcements: pd.DataFrame, unit_code: str) -> pd.DataFrame:
    """The cadres sent to a unit."""
    if not len(reinforcements):
        return reinforcements
    return reinforcements[reinforcements["to_unit"] == unit_code].reset_index(drop=True)


def meetings_about(meetings: pd.DataFrame, unit_code: str) -> pd.DataFrame:
    """The meetings whose minutes name the unit among those discussed, newest first."""
    if not len(meetings):
        return meetings
    named = [unit_code in str(u or "").split(",") for u in meetings["units_discussed"]]
    return meetings[named].sort_values("meeting_date", ascending=False).reset_index(drop=True)


def meeting_dates(meetings: pd.DataFrame, group_no: int, quarters: list[str]) -> dict[str, list[dt.date]]:
    """Per quarter of the plan, the dates the group met (an empty list: it did not)."""
    out: dict[str, list[dt.date]] = {q: [] for q in quarters}
    if len(meetings):
        mine = meetings[meetings["group_no"] == group_no].sort_values("meeting_date")
        for period, day in zip(mine["period"], mine["meeting_date"]):
            if period in out:
                out[period].append(_as_date(day))
    return out


def group_leader(members: pd.DataFrame, group_no: int) -> str:
    """The name of the group's Tổ trưởng, or empty."""
    if not len(members):
        return ""
    leader = members[(members["group_no"] == group_no) & (members["role"] == "Tổ trưởng")]["name"]
    return str(leader.iloc[0]) if len(leader) else ""
