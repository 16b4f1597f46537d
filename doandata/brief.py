"""The meeting brief (issue #20): what changed since the last meeting, who will miss the tổng kết
target at the current pace, and what the committee must decide. Plain frames in, a Brief out; no
Streamlit.

- A meeting at the day D reviews the latest quarter of the plan that ended before D and holds
  scores (the one that ended before D when none does; the baseline year before the plan's first
  quarter ends). The meeting `since` reviews its own quarter: the status changes compare the two.
  Each meeting reads the scores, reports, plan-item statuses and commendation decisions as the store
  held them at the end of its day (Store.as_of), so a brief's link reads the same next week.
- What happened between the two meetings is read from the dates the store keeps: the history's
  times (uploads), the actions' due dates and the time of the entry that set each action done for
  good (its completion), the working groups' meeting dates.
- The early warning draws, per followed unit, a least-squares line through its 2017 total (x = 0)
  and its totals of the quarters reviewed so far (x = 1, 2, 3), read at the tổng kết's quarter;
  the band is ±2 residual standard errors of that prediction, at least the at-risk band of the
  settings; with only one point (the baseline) the line is flat and the band three times that
  floor, with two points the band is twice it. Once the tổng kết's quarter is reviewed its total is
  known: the projection is that total.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from . import commendations, i18n, metrics, periods, support
from .settings import Settings

FINAL = periods.REVIEW_BY_KEY["final"]
DECIDE_KINDS = ("commendations", "overdue_no_date", "no_group", "no_companion", "approvals")


# ---------------------------------------------------------------- dates


def reviewed_quarter(day: dt.date, settings: Settings, scored: list[str] | None = None) -> str:
    """The quarter a meeting on `day` reviews: the latest of the plan's quarters that ended before
    the day and holds scores (of `scored`); without scores, the latest that ended; before the plan's
    first quarter ends, the baseline year."""
    ended = [q for q in settings.quarters if support.period_end(q) < day]
    if not ended:
        return settings.baseline_period
    with_scores = [q for q in ended if scored is None or q in scored]
    return (with_scores or ended)[-1]


def meeting_dates(settings: Settings) -> list[dt.date]:
    """The quarterly meetings of the plan (the settings' milestones 'meeting_q…'), in date order."""
    return sorted(m.date for m in settings.milestones if m.key.startswith("meeting_q"))


def default_at(settings: Settings, today: dt.date | None = None) -> dt.date:
    """The meeting a page opens on: the latest quarterly meeting up to today, else today."""
    today = today or dt.date.today()
    past = [d for d in meeting_dates(settings) if d <= today]
    return past[-1] if past else today


def default_since(at: dt.date, settings: Settings) -> dt.date:
    """The meeting before `at`: the latest quarterly meeting before it, else the end of the quarter
    before the one holding `at`."""
    before = [d for d in meeting_dates(settings) if d < at]
    if before:
        return before[-1]
    start = dt.date(at.year, (at.month - 1) // 3 * 3 + 1, 1)
    return start - dt.timedelta(days=1)


def parse_date(text: str) -> dt.date | None:
    """dd/mm/yyyy or yyyy-mm-dd; None for anything else."""
    text = str(text or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------- the projection


@dataclass
class Projection:
    unit_code: str
    unit_name: str
    points: list[tuple[int, float]]  # (0 for the baseline, n for the quarter n, total)
    projected: float | None
    low: float | None
    high: float | None
    target: float | None
    known: bool = False  # the tổng kết's quarter is in hand: its total, no projection

    @property
    def shortfall(self) -> float | None:
        if self.projected is None or self.target is None or self.projected >= self.target - 1e-9:
            return None
        return round(self.target - self.projected, 2)


def project(points: list[tuple[float, float]], at_x: float, floor: float) -> tuple[float, float, float] | None:
    """A least-squares line through the points read at `at_x`: (value, low, high). One point: the
    line is flat, the band ±3×floor; two: the line through both, ±2×floor; more: ±2 standard errors
    of the prediction, at least ±floor. None without points."""
    pts = [(float(x), float(y)) for x, y in points if y is not None and not pd.isna(y)]
    n = len(pts)
    if n == 0:
        return None
    if n == 1:
        y = pts[0][1]
        return y, y - 3 * floor, y + 3 * floor
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    xbar, ybar = sum(xs) / n, sum(ys) / n
    sxx = sum((x - xbar) ** 2 for x in xs)
    if sxx == 0:
        return ybar, ybar - 3 * floor, ybar + 3 * floor
    slope = sum((x - xbar) * (y - ybar) for x, y in pts) / sxx
    value = ybar + slope * (at_x - xbar)
    if n == 2:
        half = 2 * floor
    else:
        resid = sum((y - (ybar + slope * (x - xbar))) ** 2 for x, y in pts)
        se = math.sqrt(resid / (n - 2)) * math.sqrt(1 + 1 / n + (at_x - xbar) ** 2 / sxx)
        half = max(2 * se, floor)
    return value, value - half, value + half


def projections(frames: dict[str, pd.DataFrame], followed: pd.DataFrame, quarter: str, settings: Settings):
    """Per followed unit (rows of metrics.figures), its Projection to the tổng kết from the totals of
    the quarters up to `quarter` (the one the meeting reviews)."""
    final_q = periods.quarter_code(settings.plan_year, FINAL.quarter)
    totals = frames["totals"]
    upto = periods.quarter_of(quarter) or 0
    out = []
    for row in followed.to_dict("records"):
        mine = totals[totals["unit_code"] == row["unit_code"]].set_index("period")["total"]
        pts = [(0, row["baseline_total"])] if not pd.isna(row["baseline_total"]) else []
        for q in range(1, min(upto, FINAL.quarter) + 1):
            value = mine.get(periods.quarter_code(settings.plan_year, q))
            if value is not None and not pd.isna(value):
                pts.append((q, float(value)))
        target = None if pd.isna(row["target_total"]) else float(row["target_total"])
        known = upto >= FINAL.quarter and final_q in mine.index and not pd.isna(mine[final_q])
        if known:
            value = float(mine[final_q])
            found = (value, value, value)
        else:
            found = project(pts, FINAL.quarter, settings.at_risk_band)
        out.append(
            Projection(
                row["unit_code"],
                row["unit_name"],
                [(int(x), float(y)) for x, y in pts],
                *(round(v, 2) for v in found) if found else (None, None, None),
                target,
                bool(known),
            )
        )
    return out


# ---------------------------------------------------------------- actions


def completions(versions: pd.DataFrame) -> dict[tuple[str, int], dt.datetime]:
    """When each action now done was completed: the time of the entry that first set it done and
    after which it stayed done (its versions read oldest first)."""
    out: dict[tuple[str, int], dt.datetime] = {}
    if versions.empty:
        return out
    for key, rows in versions.groupby(["unit_code", "action_no"], sort=False):
        since = None
        for status, at in zip(rows["status"], rows["at"]):
            if status == support.DONE:
                since = since or pd.Timestamp(at).to_pydatetime()
            else:
                since = None
        if since is not None:
            out[(key[0], int(key[1]))] = since
    return out


def as_of(versions: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Each action as the store held it at the end of the day (the latest version stored by then)."""
    if versions.empty:
        return versions
    upto = versions[pd.to_datetime(versions["at"]).dt.date <= day]
    return upto.drop_duplicates(["unit_code", "action_no"], keep="last").reset_index(drop=True)


# ---------------------------------------------------------------- the brief


@dataclass
class Brief:
    at: dt.date
    since: dt.date
    quarter: str  # the quarter the meeting at `at` reviews
    since_quarter: str  # the one the meeting at `since` reviewed
    changed: list[dict] = field(default_factory=list)
    counts_before: dict = field(default_factory=dict)
    counts_after: dict = field(default_factory=dict)
    uploads: list[dict] = field(default_factory=list)
    missing_reports: list[dict] = field(default_factory=list)
    actions_done: list[dict] = field(default_factory=list)
    actions_overdue: list[dict] = field(default_factory=list)
    meetings_held: list[dict] = field(default_factory=list)
    meetings_missed: list[int] = field(default_factory=list)
    projections: list[Projection] = field(default_factory=list)
    to_decide: dict[str, list[dict]] = field(default_factory=dict)
    newer: int = 0  # history entries after the day `at`
    final_quarter: str = ""

    @property
    def projected_short(self) -> list[Projection]:
        return [p for p in self.projections if p.shortfall is not None]

    def record(self) -> dict:
        """What the CLI's JSON prints (numbers plain, dates ISO)."""
        return {
            "at": self.at.isoformat(),
            "since": self.since.isoformat(),
            "quarter": self.quarter,
            "since_quarter": self.since_quarter,
            "changed": self.changed,
            "counts_before": self.counts_before,
            "counts_after": self.counts_after,
            "uploads": self.uploads,
            "missing_reports": self.missing_reports,
            "actions_done": self.actions_done,
            "actions_overdue": self.actions_overdue,
            "meetings_held": self.meetings_held,
            "meetings_missed": self.meetings_missed,
            "projected_short": [
                {
                    "unit_code": p.unit_code,
                    "unit_name": p.unit_name,
                    "projected": p.projected,
                    "low": p.low,
                    "high": p.high,
                    "target": p.target,
                    "shortfall": p.shortfall,
                    "points": len(p.points),
                    "known": p.known,
                }
                for p in self.projected_short
            ],
            "to_decide": self.to_decide,
            "newer": self.newer,
        }


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 2)


def _iso(value) -> str | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return support._as_date(value).isoformat()


def build(store, at: dt.date | None = None, since: dt.date | None = None) -> Brief:
    """The brief of the meeting on `at` (default today) since the meeting on `since` (default the
    quarterly meeting before it, or the end of the quarter before)."""
    settings = store.settings()
    at = at or dt.date.today()
    since = since or default_since(at, settings)
    # what each meeting reviewed, as the store held it at the end of its day (Store.as_of): a later
    # re-upload of a quarter changes today's brief, not that meeting's
    held, held_before = store.as_of(at), store.as_of(since)
    scored = held.scored_periods()
    quarter = reviewed_quarter(at, settings, scored)
    since_quarter = reviewed_quarter(since, settings, held_before.scored_periods())
    units = store.units()
    names = dict(zip(units["unit_code"], units["name"]))
    after = metrics.of_period(held, quarter, settings, units)
    before = metrics.of_period(held_before, since_quarter, settings, units)
    followed = after[after["followed"]]
    codes = list(followed["unit_code"])
    brief = Brief(at, since, quarter, since_quarter, final_quarter=periods.quarter_code(settings.plan_year, 3))

    # status changes of the followed units
    was = before.set_index("unit_code")
    for row in followed.to_dict("records"):
        old = was.loc[row["unit_code"]]
        if old["status"] != row["status"] and (old["status"] is not None or row["status"] is not None):
            brief.changed.append(
                {
                    "unit_code": row["unit_code"],
                    "unit_name": row["unit_name"],
                    "before": old["status"],
                    "after": row["status"],
                    "total_before": _num(old["total"]),
                    "total_after": _num(row["total"]),
                }
            )
    brief.counts_before = metrics.status_counts(before[metrics.among(before["unit_code"], codes)])
    brief.counts_after = metrics.status_counts(followed)

    # the history between the two days (the day `since` excluded, the day `at` included)
    history = store.history()
    days = pd.to_datetime(history["at"]).dt.date
    between = history[(days > since) & (days <= at) & history["active"].astype(bool)]
    brief.uploads = [
        {
            "id": int(r["id"]),
            "at": pd.Timestamp(r["at"]).isoformat(),
            "action": r["action"],
            "kinds": r["kinds"],
            "filename": r["filename"],
            "by": r["by"],
        }
        for r in between.sort_values(["at", "id"]).to_dict("records")
    ]
    brief.newer = int((days > at).sum())

    # the reviewed quarter's reports still missing, of the followed units
    reports = held.reports()
    sent = set(reports.loc[reports["period"] == quarter, "unit_code"]) if len(reports) else set()
    if periods.quarter_of(quarter):
        brief.missing_reports = [{"unit_code": c, "unit_name": names[c]} for c in codes if c not in sent]

    # actions completed, and become overdue, between the days
    versions = store.action_versions()
    done = completions(versions)
    for (code, no), when in sorted(done.items(), key=lambda kv: (kv[1], kv[0])):
        if since < when.date() <= at:
            row = versions[(versions["unit_code"] == code) & (versions["action_no"] == no)].iloc[-1]
            brief.actions_done.append(
                {
                    "unit_code": code,
                    "unit_name": names.get(code, code),
                    "action_no": no,
                    "action": row["action"],
                    "done_on": when.date().isoformat(),
                }
            )
    then = support.with_overdue(as_of(versions, at), at) if len(versions) else versions
    overdue = then[then["overdue"]] if len(then) else then
    for row in overdue.to_dict("records"):
        item = {
            "unit_code": row["unit_code"],
            "unit_name": names.get(row["unit_code"], row["unit_code"]),
            "action_no": int(row["action_no"]),
            "action": row["action"],
            "due": _iso(row["due"]),
            "owner": row["owner"],
        }
        if since <= support._as_date(row["due"]) < at:
            brief.actions_overdue.append(item)
        brief.to_decide.setdefault("overdue_no_date", []).append(item)

    # the working groups' meetings: held between the days, missed in the reviewed quarter
    meetings = store.meetings()
    if len(meetings):
        for row in meetings.sort_values(["meeting_date", "group_no"]).to_dict("records"):
            if since < support._as_date(row["meeting_date"]) <= at:
                brief.meetings_held.append(
                    {"group_no": int(row["group_no"]), "meeting_date": _iso(row["meeting_date"])}
                )
    members = store.members()
    groups_of_unit = support.unit_groups(units, members)
    if periods.quarter_of(quarter):
        met = set(meetings.loc[meetings["period"] == quarter, "group_no"].astype(int)) if len(meetings) else set()
        with_units = sorted({groups_of_unit[c] for c in codes if c in groups_of_unit})
        brief.meetings_missed = [g for g in with_units if g not in met]

    # the early warning
    frames = {"totals": held.totals(unit_codes=codes)}
    brief.projections = projections(frames, followed, quarter, settings)

    # to decide
    if periods.quarter_of(quarter):
        proposal = commendations.candidates(held, quarter)
        brief.to_decide["commendations"] = [
            {"kind": c.kind, "key": c.key, "name": c.name, "unit_code": c.unit_code, "period": quarter}
            for c in proposal
            if c.decision == "proposed" and c.current
        ]
        # scorecards the working groups checked that wait for the Standing Committee's approval (#19)
        brief.to_decide["approvals"] = [
            {"unit_code": c, "unit_name": names.get(c, c), "period": quarter} for c in held.approvable(quarter)
        ]
    brief.to_decide["no_group"] = [{"unit_code": c, "unit_name": names[c]} for c in codes if c not in groups_of_unit]
    special = units[metrics.among(units["unit_code"], codes) & units["special"]]
    brief.to_decide["no_companion"] = [
        {"unit_code": c, "unit_name": names[c]}
        for c, mate in zip(special["unit_code"], special["companion_code"])
        if not isinstance(mate, str) or not mate
    ]
    brief.to_decide = {k: brief.to_decide.get(k, []) for k in DECIDE_KINDS}
    return brief


# ---------------------------------------------------------------- words (the CLI's text, the .docx)


def _names(items: list[dict], lang: str) -> str:
    return "; ".join(i.get("unit_name") or i.get("name") or i["unit_code"] for i in items) or i18n.t("brief.none", lang)


def _n(value, lang: str) -> str:
    return i18n.fmt_number(value, lang)


def title(b: Brief, lang: str = "vi") -> str:
    return i18n.t(
        "brief.title",
        lang,
        at=i18n.fmt_date(b.at, lang),
        quarter=i18n.period_name(b.quarter, lang),
        since=i18n.fmt_date(b.since, lang),
        since_quarter=i18n.period_name(b.since_quarter, lang),
    )


def method_line(lang: str = "vi") -> str:
    return i18n.t("brief.method", lang, final=i18n.t("review.final", lang))


def sections(b: Brief, lang: str = "vi") -> list[tuple[str, list[str]]]:
    """The brief as three headed lists of lines: since the last meeting, the early warning, to decide."""
    t = i18n.t
    since = [
        t("brief.changed", lang, n=len(b.changed)),
        *(
            t(
                "brief.changed_line",
                lang,
                unit=c["unit_name"],
                before=i18n.status_name(c["before"], lang),
                after=i18n.status_name(c["after"], lang),
                total_before=_n(c["total_before"], lang),
                total_after=_n(c["total_after"], lang),
            )
            for c in b.changed
        ),
        t(
            "brief.counts",
            lang,
            **{f"{s}_before": b.counts_before.get(s, 0) for s in metrics.STATUS_ORDER},
            **{f"{s}_after": b.counts_after.get(s, 0) for s in metrics.STATUS_ORDER},
        ),
        t("brief.uploads", lang, n=len(b.uploads)),
        t(
            "brief.missing",
            lang,
            quarter=i18n.period_name(b.quarter, lang),
            n=len(b.missing_reports),
            names=_names(b.missing_reports, lang),
        ),
        t("brief.done", lang, n=len(b.actions_done), names=_actions(b.actions_done, lang)),
        t("brief.overdue", lang, n=len(b.actions_overdue), names=_actions(b.actions_overdue, lang)),
        t(
            "brief.meetings",
            lang,
            held=len(b.meetings_held),
            quarter=i18n.period_name(b.quarter, lang),
            missed=", ".join(f"{g}" for g in b.meetings_missed) or t("brief.none", lang),
        ),
    ]
    short = b.projected_short
    warning = [t("brief.short", lang, n=len(short), of=len(b.projections), final=t("review.final", lang))]
    for p in short:
        warning.append(
            t(
                "brief.short_line",
                lang,
                unit=p.unit_name,
                projected=_n(p.projected, lang),
                low=_n(p.low, lang),
                high=_n(p.high, lang),
                target=_n(p.target, lang),
                shortfall=_n(p.shortfall, lang),
            )
            + ("" if p.known or len(p.points) > 2 else " " + t("brief.few_points", lang, n=len(p.points)))
        )
    warning.append(method_line(lang))
    d = b.to_decide
    decide = [
        t("brief.decide.commendations", lang, n=len(d["commendations"]), names=_names(d["commendations"], lang)),
        t(
            "brief.decide.overdue_no_date",
            lang,
            n=len(d["overdue_no_date"]),
            names=_actions(d["overdue_no_date"], lang),
        ),
        t("brief.decide.no_group", lang, n=len(d["no_group"]), names=_names(d["no_group"], lang)),
        t("brief.decide.no_companion", lang, n=len(d["no_companion"]), names=_names(d["no_companion"], lang)),
        t(
            "brief.decide.approvals",
            lang,
            n=len(d["approvals"]),
            names=_names(d["approvals"], lang),
            quarter=i18n.period_name(b.quarter, lang),
        ),
    ]
    return [
        (t("brief.section.since", lang), since),
        (t("brief.section.warning", lang), warning),
        (t("brief.section.decide", lang), decide),
    ]


def _actions(items: list[dict], lang: str) -> str:
    return "; ".join(f"{a['unit_code']} #{a['action_no']} {a['action']}" for a in items) or i18n.t("brief.none", lang)


# ---------------------------------------------------------------- the one-page .docx


@dataclass
class _Doc:
    """What reports' heading and table read of a document."""

    lang: str
    settings: Settings
    subtitle: str = ""


def to_docx(b: Brief, settings: Settings, lang: str = "vi") -> bytes:
    """The brief on one A4 page: the Union's heading (reports' own), the title, then the three
    sections: the status changes and the units projected short in tables, the rest in lines."""
    from docx import Document
    from docx.shared import Pt

    from . import reports as R

    signing = R.Signing(code="TT/ĐTN", date=b.at).worded(lang)
    doc = Document()
    R._page(doc)
    head = _Doc(lang, settings)
    R._heading(doc, head, signing)
    R._para(doc, i18n.t("brief.doc.title", lang), bold=True, size=15, align=R.CENTER)
    R._para(doc, title(b, lang), italic=True, size=12, align=R.CENTER)
    (since, warning, decide) = sections(b, lang)
    compact = []

    def lines(items: list[str]) -> None:
        for line in items:
            compact.append(R._para(doc, "– " + line, size=11, align=R.JUSTIFY))

    compact.append(R._para(doc, since[0], bold=True, size=13))
    if b.changed:
        header = [i18n.t(f"brief.doc.col.{k}", lang) for k in ("unit", "before", "after")]
        rows = [
            [
                c["unit_name"],
                f"{i18n.status_name(c['before'], lang)} ({_n(c['total_before'], lang)})",
                f"{i18n.status_name(c['after'], lang)} ({_n(c['total_after'], lang)})",
            ]
            for c in b.changed
        ]
        R._table(doc, head, header, rows, [7.0, 4.5, 4.5])
    lines(since[1][len(b.changed) + 1 :])
    compact.append(R._para(doc, warning[0], bold=True, size=13))
    lines(warning[1][:1])
    short = b.projected_short
    if short:
        header = [i18n.t(f"brief.doc.col.{k}", lang) for k in ("unit", "projected", "range", "target", "shortfall")]
        rows = [
            [p.unit_name, _n(p.projected, lang), f"{_n(p.low, lang)}–{_n(p.high, lang)}", _n(p.target, lang)]
            + [_n(p.shortfall, lang)]
            for p in short
        ]
        R._table(doc, head, header, rows, [6.2, 2.4, 3.0, 2.2, 2.2])
    compact.append(R._para(doc, warning[1][-1], italic=True, size=10, align=R.JUSTIFY))
    compact.append(R._para(doc, decide[0], bold=True, size=13))
    lines(decide[1])
    for p in compact:  # one page: no room between the lines
        p.paragraph_format.space_before = Pt(2)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
    return R._saved(doc)


def file_name(b: Brief) -> str:
    return f"hop_giao_ban_{b.at.isoformat()}.docx"
