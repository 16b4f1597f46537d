"""The commendation proposal (III.2.1 of the plan: *tham mưu tuyên dương, khen thưởng các đơn vị, cá
nhân*): who is proposed for a quarter or a review, why, and what the Standing Committee decided.

Candidates come from three places:
- *unit*: the followed units with recognised progress in the quarter the proposal reads (the same
  `recognised` column of metrics.figures the overview counts and the report lists);
- *companion*: the companion (đơn vị đồng hành) of a followed unit that progressed, or whose plan item
  DH (Đơn vị xuất sắc trong cụm đồng hành) is done by then;
- *person*: individuals editors add, with a role and a reason.

The units' reasons are drafted from the figures. Decisions (proposed → agreed / refused) are stored
in the `commendations` table, the period's list whole at each change (Store.decide_commendation,
add_person, remove_person), so each change is one history entry that can be undone. A unit without
a stored row is "proposed"; a stored decision on a unit that the figures no longer propose is kept
and shown as such (`current` False), never dropped silently.

No Streamlit here: the page, the CLI and the report call these functions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from . import i18n, metrics, periods
from .errors import Code, DoanError
from .settings import Settings
from .text import clean_text

KINDS = ("unit", "companion", "person")
DECISIONS = ("proposed", "agreed", "refused")
ROLES = ("member", "cadre", "reinforcement")
COMPANION_ITEM = "DH"  # Đơn vị xuất sắc trong cụm đồng hành
EMPTY = "none"  # the kind of the one row that stores an empty list (so that storing it is a change)
PERSON_PREFIX = "P"  # a person's key: P1, P2, … (its position in the period's list)
NAME_CHARS = 255  # the table's name and role columns
# a change's words on the Lịch sử page (kind.<change>): the history entry's `kinds`
CHANGES = {
    "proposed": "commend_proposed",
    "agreed": "commend_agreed",
    "refused": "commend_refused",
    "added": "commend_person_added",
    "removed": "commend_person_removed",
}


class Refused(DoanError):
    """A change to the proposal that cannot be made: said in the reader's words, nothing stored."""

    code = Code.COMMENDATION_REFUSED

    def __init__(self, why: str, **params):
        super().__init__(**params)
        self.why = why

    def message(self, lang: str = "vi") -> str:
        return i18n.t(f"commend.refused.{self.why}", lang, **self.params)


@dataclass(frozen=True)
class Target:
    """What a proposal is for: `key` is what the store keeps ('2018-Q2', or a review's key: 'midyear',
    'final'); `kind` is reports.KINDS' (quarter, midyear, final); `quarter` the quarter it reads."""

    key: str
    kind: str
    quarter: str


def target(text: str, settings: Settings) -> Target | None:
    """'2018-Q2' / 'Quý II/2018' -> the quarter; 'so-ket' / 'midyear' -> the sơ kết (reads Q2);
    'tong-ket' / 'final' -> the tổng kết (reads Q3); None for anything else."""
    found = periods.report_period(str(text or ""), settings.plan_year)
    if found is None:
        return None
    kind, quarter = found
    return Target(quarter if kind == "quarter" else kind, kind, quarter)


def targets(settings: Settings) -> list[Target]:
    """Every proposal there can be: the plan's quarters, then its reviews."""
    out = [Target(q, "quarter", q) for q in settings.quarters]
    return out + [Target(r.key, r.key, q) for r, q in periods.reviews(settings.plan_year)]


def target_name(t: Target, lang: str = "vi") -> str:
    """'Quý II/2018', 'Sơ kết 6 tháng đầu năm 2018'."""
    if t.kind == "quarter":
        return i18n.period_name(t.quarter, lang)
    return i18n.t(f"reports.{t.kind}", lang)


def choices(settings: Settings) -> str:
    """What the command line takes, for its error message."""
    return ", ".join(periods.report_choices(settings.plan_year))


@dataclass
class Candidate:
    kind: str  # unit, companion, person
    key: str  # a unit's code; P<n> for a person
    name: str
    unit_code: str | None
    unit_name: str | None
    role: str | None  # a person's role key (ROLES) or as typed
    reason: str
    decision: str  # proposed, agreed, refused
    current: bool = True  # False: a decision kept on a unit the figures no longer propose
    position: int | None = None

    def record(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- reading


def frames_for(store, quarter: str) -> dict:
    """What the candidates are drafted from: the units, the quarter's figures (metrics.of_period,
    as the overview and the report), the plan-item statuses."""
    settings, units = store.settings(), store.units()
    return {
        "settings": settings,
        "units": units,
        "progress": metrics.of_period(store, quarter, settings, units),
        "statuses": store.statuses(),
    }


def drafted(frames: dict, t: Target, lang: str = "vi") -> list[Candidate]:
    """The candidates the figures propose, each with its reason and the decision 'proposed'."""
    settings: Settings = frames["settings"]
    units, frame = frames["units"], frames["progress"]
    followed = metrics.by_group(metrics.in_set(frame, "followed"))
    progressed = followed[followed["recognised"]].sort_values("delta", ascending=False, kind="stable")
    progressed = metrics.by_group(progressed)
    out = [
        Candidate(
            "unit",
            r["unit_code"],
            r["unit_name"],
            r["unit_code"],
            r["unit_name"],
            None,
            _unit_reason(r, t, settings, lang),
            "proposed",
        )
        for r in progressed.to_dict("records")
    ]
    # companions: of each followed unit, in the same order, one candidate per companion
    latest = metrics.latest_statuses(frames["statuses"], t.quarter, settings)
    dh_done = set(latest.loc[(latest["item_code"] == COMPANION_ITEM) & (latest["status"] == "done"), "unit_code"])
    names = dict(zip(units["unit_code"], units["name"]))
    mates = dict(zip(units["unit_code"], units["companion_code"])) if "companion_code" in units else {}
    clauses: dict[str, list[str]] = {}
    for r in followed.to_dict("records"):
        mate = mates.get(r["unit_code"])
        if not isinstance(mate, str) or not mate or mate not in names:
            continue
        why = []
        if r["recognised"]:
            why.append(i18n.t("commend.reason.mate_progress", lang, change=i18n.fmt_number(r["delta"], lang)))
        if r["unit_code"] in dh_done:
            why.append(i18n.t("commend.reason.mate_item", lang))
        if why:
            line = i18n.t("commend.reason.mate", lang, unit=r["unit_name"], why="; ".join(why))
            clauses.setdefault(mate, []).append(line)
    out += [
        Candidate("companion", code, names[code], code, names[code], None, _sentence("; ".join(lines)), "proposed")
        for code, lines in clauses.items()
    ]
    return out


def _unit_reason(r: dict, t: Target, settings: Settings, lang: str) -> str:
    """'Tổng điểm quý II/2018 đạt 52, tăng 7 điểm so với năm 2017; xếp loại từ Yếu lên Trung bình.'"""
    from .reports import _pname

    same = r["baseline_rating"] == r["rating"]
    return i18n.t(
        "commend.reason.unit_points" if same else "commend.reason.unit",
        lang,
        period=_pname(t.quarter, lang),
        total=i18n.fmt_number(r["total"], lang),
        change=i18n.fmt_number(abs(r["delta"]), lang),
        more=i18n.t("commend.reason.up" if r["delta"] >= 0 else "commend.reason.down", lang),
        year=settings.baseline_year,
        before=i18n.rating_name(r["baseline_rating"], lang),
        rating=i18n.rating_name(r["rating"], lang),
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def merged(drafts: list[Candidate], stored: pd.DataFrame, lang: str = "vi") -> list[Candidate]:
    """The drafted candidates with their stored decisions, then the stored decisions on units the
    figures no longer propose (kept, `current` False), then the persons, by position."""
    stored = _live(stored)
    decided = {(r["kind"], r["unit_code"]): r for r in stored.to_dict("records") if r["kind"] in ("unit", "companion")}
    out = []
    for c in drafts:
        row = decided.pop((c.kind, c.key), None)
        if row is not None:
            c.decision = row["decision"]
        out.append(c)
    for (kind, code), row in decided.items():
        out.append(
            Candidate(kind, code, row["name"], code, row["name"], None, row["reason"] or "", row["decision"], False)
        )
    order = {k: i for i, k in enumerate(KINDS)}
    out.sort(key=lambda c: order[c.kind])  # stable: drafts first within a kind
    persons = stored[stored["kind"] == "person"].sort_values("position", kind="stable")
    for r in persons.to_dict("records"):
        out.append(
            Candidate(
                "person",
                f"{PERSON_PREFIX}{int(r['position'])}",
                r["name"],
                r["unit_code"] if isinstance(r["unit_code"], str) and r["unit_code"] else None,
                None,
                r["role"] if isinstance(r["role"], str) and r["role"] else None,
                r["reason"] or "",
                r["decision"],
                position=int(r["position"]),
            )
        )
    return out


def _live(stored: pd.DataFrame) -> pd.DataFrame:
    if stored is None or stored.empty:
        return pd.DataFrame(columns=["kind", "name", "unit_code", "role", "reason", "decision", "position"])
    return stored[stored["kind"] != EMPTY]


def candidates(store_or_frames, period: str | Target, lang: str = "vi", stored: pd.DataFrame | None = None):
    """The proposal of a quarter or a review: every candidate with its reason and decision. From a
    Store, or from frames (frames_for's, with `stored` the period's stored rows, Store.commendations)."""
    frames = store_or_frames if isinstance(store_or_frames, dict) else None
    settings = frames["settings"] if frames else store_or_frames.settings()
    t = period if isinstance(period, Target) else target(period, settings)
    if t is None:
        raise Refused("period", value=str(period), allowed=choices(settings))
    if frames is None:
        frames = frames_for(store_or_frames, t.quarter)
        stored = store_or_frames.commendations(t.key)
    out = merged(drafted(frames, t, lang), stored, lang)
    names = dict(zip(frames["units"]["unit_code"], frames["units"]["name"]))
    for c in out:
        if c.unit_name is None and c.unit_code:
            c.unit_name = names.get(c.unit_code, c.unit_code)
    return out


# ---------------------------------------------------------------- words


def kind_name(kind: str, lang: str = "vi") -> str:
    return i18n.t(f"commend.kind.{kind}", lang)


def decision_name(decision: str, lang: str = "vi") -> str:
    return i18n.t(f"commend.decision.{decision}", lang)


def role_name(role: str | None, lang: str = "vi") -> str:
    """A role key as people read it; a role typed in the app as typed; a dash for none."""
    if role in ROLES:
        return i18n.t(f"commend.role.{role}", lang)
    return i18n.text_or_dash(role)


def note(c: Candidate, lang: str = "vi") -> str:
    """What a reader should know besides the reason: a decision kept on a unit no longer proposed."""
    return "" if c.current else i18n.t("commend.stale", lang)


def unit_column(c: Candidate, lang: str = "vi") -> str:
    """The document's Đơn vị column: a person's unit and role; a unit's kind of candidacy."""
    if c.kind == "person":
        return " – ".join(x for x in (c.unit_name, role_name(c.role, lang) if c.role else None) if x) or "—"
    return kind_name(c.kind, lang)


def table(cands: list[Candidate], lang: str = "vi") -> pd.DataFrame:
    """The candidates as the page shows them: STT, name, decision and reason first (a phone shows the
    first columns), then the kind and the unit."""
    return pd.DataFrame(
        {
            i18n.t("doc.col.number", lang): list(range(1, len(cands) + 1)),
            i18n.t("commend.col.name", lang): [c.name for c in cands],
            i18n.t("commend.col.decision", lang): [decision_name(c.decision, lang) for c in cands],
            i18n.t("commend.col.reason", lang): [" ".join(x for x in (c.reason, note(c, lang)) if x) for c in cands],
            i18n.t("commend.col.kind", lang): [kind_name(c.kind, lang) for c in cands],
            i18n.t("commend.col.unit", lang): [
                unit_column(c, lang) if c.kind == "person" else i18n.text_or_dash(c.unit_code) for c in cands
            ],
        }
    )


def lines(store_or_frames, period: str | Target, lang: str = "vi", stored: pd.DataFrame | None = None) -> list[str]:
    """The part "Đề xuất tuyên dương, khen thưởng" of a report, as lines of text: by kind, each
    candidate with its reason and, once decided, the decision; refused candidates left out."""
    cands = [c for c in candidates(store_or_frames, period, lang, stored) if c.decision != "refused"]
    if not cands:
        return [i18n.t("commend.lines.none", lang)]
    out = []
    for n, kind in enumerate((k for k in KINDS if any(c.kind == k for c in cands)), start=1):
        mine = [c for c in cands if c.kind == kind]
        out.append(i18n.t(f"commend.lines.{kind}", lang, number="abc"[n - 1], n=len(mine)))  # a) b) c) inside IV.2
        for c in mine:
            who = c.name if c.kind != "person" else ", ".join(x for x in (c.name, unit_column(c, lang)) if x != "—")
            decided = i18n.t("commend.lines.agreed", lang) if c.decision == "agreed" else ""
            out.append(f"- {who}: {c.reason.rstrip('.')}{decided}.")
    return out


# ---------------------------------------------------------------- changes (the store keeps them)


def stored_rows(cands: list[Candidate]) -> list[dict]:
    """What the store keeps of a proposal: decisions on units (proposed ones need no row) and every
    person; one EMPTY row when there is nothing else, so that emptying a list is a change too."""
    rows = []
    for c in cands:
        if c.kind == "person":
            rows.append(_row(c, c.position))
        elif c.decision != "proposed":
            rows.append(_row(c, None))
    return rows or [
        {
            "kind": EMPTY,
            "name": "",
            "unit_code": None,
            "role": None,
            "reason": None,
            "decision": "proposed",
            "position": None,
        }
    ]


def _row(c: Candidate, position: int | None) -> dict:
    return {
        "kind": c.kind,
        "name": c.name[:NAME_CHARS],
        "unit_code": c.unit_code,
        "role": (c.role or None) and c.role[:NAME_CHARS],
        "reason": c.reason,
        "decision": c.decision,
        "position": position,
    }


def decision_key(text: str) -> str:
    """'agreed' / 'Đồng ý' / 'dong y' -> 'agreed'; Refused for anything else."""
    from .text import fold

    folded = fold(clean_text(text))
    for d in DECISIONS:
        if folded in {d, *(fold(i18n.t(f"commend.decision.{d}", lang)) for lang in i18n.LANGS)}:
            return d
    allowed = ", ".join(DECISIONS)
    raise Refused("decision", value=clean_text(text), allowed=allowed)


def decide(cands: list[Candidate], kind: str | None, key: str, decision: str) -> tuple[list[Candidate], Candidate]:
    """The list with one candidate's decision changed (kind None: the only candidate with that key)."""
    decision = decision_key(decision)
    key = clean_text(key)
    found = [c for c in cands if c.key.upper() == key.upper() and (kind is None or c.kind == kind)]
    if len(found) != 1:
        known = ", ".join(dict.fromkeys(c.key for c in cands)) or "—"
        raise Refused("ambiguous" if found else "unknown", value=key, allowed=known)
    found[0].decision = decision
    return cands, found[0]


def added(
    cands: list[Candidate], units: pd.DataFrame, name: str, role: str, reason: str, unit: str | None
) -> tuple[list[Candidate], Candidate]:
    """The list with a person added at the end, every text cleaned; Refused when the name or the
    reason is missing or the unit unknown."""
    name, reason, role = clean_text(name)[:NAME_CHARS], clean_text(reason), clean_text(role)[:NAME_CHARS]
    if not name:
        raise Refused("name")
    if not reason:
        raise Refused("reason")
    code = None
    if unit is not None and clean_text(unit):
        code = _unit_code(units, unit)
    position = max((c.position or 0 for c in cands if c.kind == "person"), default=0) + 1
    person = Candidate(
        "person", f"{PERSON_PREFIX}{position}", name, code, None, role or None, reason, "proposed", position=position
    )
    return [*cands, person], person


def _unit_code(units: pd.DataFrame, text: str) -> str:
    from .text import fold, normal_code

    codes = {c: c for c in units["unit_code"]}
    codes |= {fold(n): c for c, n in zip(units["unit_code"], units["name"])}
    code = codes.get(normal_code(text)) or codes.get(fold(text))
    if code is None:
        raise Refused("unit", value=clean_text(text))
    return code


def removed(cands: list[Candidate], key: str) -> tuple[list[Candidate], Candidate]:
    key = clean_text(key).upper()
    found = next((c for c in cands if c.kind == "person" and c.key.upper() == key), None)
    if found is None:
        known = ", ".join(c.key for c in cands if c.kind == "person") or "—"
        raise Refused("unknown", value=key, allowed=known)
    return [c for c in cands if c is not found], found


def suggestions(members: pd.DataFrame, reinforcements: pd.DataFrame) -> list[dict]:
    """People an editor may add: the working groups' members and the reinforcement staff, each
    with the role and unit the store knows."""
    out = [
        {"name": r["name"], "role": "member", "unit_code": None, "group_no": int(r["group_no"])}
        for r in members.to_dict("records")
        if isinstance(r["name"], str) and r["name"]
    ]
    out += [
        {"name": r["name"], "role": "reinforcement", "unit_code": r["to_unit"], "group_no": None}
        for r in reinforcements.to_dict("records")
        if isinstance(r["name"], str) and r["name"]
    ]
    return out


# ---------------------------------------------------------------- the printable list


@dataclass
class _Doc:
    """What reports' heading, table, sheet and signature read of a document."""

    lang: str
    settings: Settings
    subtitle: str


def _doc(t: Target, settings: Settings, lang: str) -> _Doc:
    from .reports import _subtitle

    return _Doc(lang, settings, _subtitle(t.kind, t.quarter, settings, lang))


def _rows(cands: list[Candidate], lang: str) -> list[list]:
    return [
        [
            c.name,
            unit_column(c, lang),
            " ".join(x for x in (c.reason, note(c, lang)) if x),
            decision_name(c.decision, lang),
        ]
        for c in cands
    ]


def to_docx(cands: list[Candidate], t: Target, settings: Settings, lang: str = "vi", signing=None) -> bytes:
    """Danh sách đề nghị tuyên dương, khen thưởng: the report's heading, A4 and signature (reports'
    own functions), the collectives and the individuals each in a table with an STT column."""
    from docx import Document

    from . import reports as R

    signing = (signing or R.Signing(code="DS/ĐTN")).worded(lang)
    doc = Document()
    R._page(doc)
    head = _doc(t, settings, lang)
    R._heading(doc, head, signing)
    R._para(doc, "")
    R._para(doc, i18n.t("commend.doc.title", lang), bold=True, size=15, align=R.CENTER)
    R._para(doc, head.subtitle, bold=True, size=14, align=R.CENTER)
    R._para(doc, "-----", align=R.CENTER)
    R._body(doc, i18n.t("commend.doc.basis", lang, plan=R.plan_cited(settings, lang)))
    header = [i18n.t(f"commend.doc.col.{k}", lang) for k in ("name", "unit", "reason", "decision")]
    for part, kinds in (("collective", ("unit", "companion")), ("individual", ("person",))):
        R._para(doc, i18n.t(f"commend.doc.{part}", lang), bold=True).paragraph_format.keep_with_next = True
        mine = [c for c in cands if c.kind in kinds]
        if mine:
            R._table(doc, head, header, _rows(mine, lang), [4.4, 3.4, 5.6, 2.6])
        else:
            R._para(doc, i18n.t("commend.doc.none", lang), indent=True)
    R._recipients_and_signature(doc, head, signing)
    return R._saved(doc)


def to_xlsx(cands: list[Candidate], t: Target, settings: Settings, lang: str = "vi") -> bytes:
    """The same list as a sheet: the title and subtitle on top, the header repeated on every printed
    page, one page wide; every cell through xlsx.write, so a name is never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from . import reports as R

    wb = Workbook()
    head = _doc(t, settings, lang)
    header = [i18n.t(f"commend.doc.col.{k}", lang) for k in ("kind", "name", "unit", "reason", "decision")]
    widths = [6, 18, 30, 28, 60, 16]  # STT first
    rows = [[kind_name(c.kind, lang), *r] for c, r in zip(cands, _rows(cands, lang))]
    ws = R._sheet(wb, head, "commendations", header, rows, widths[1:], heading=i18n.t("commend.doc.title", lang))
    wb.remove(wb.worksheets[0])
    for row in ws.iter_rows(min_row=4):
        lines = 1
        for cell, width in zip(row, widths):
            cell.alignment = Alignment(
                wrap_text=True, vertical="center" if cell.row == 4 else "top", horizontal=cell.alignment.horizontal
            )
            # a spreadsheet does not grow a row for wrapped text it did not lay out itself: say how tall
            lines = max(lines, -(-len(str(cell.value or "")) // max(1, int(width * 1.1))))
        ws.row_dimensions[row[0].row].height = 15 * lines + 2
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = "A5"
    return R._saved(wb)


def build(store, period: str, fmt: str, lang: str = "vi", signing=None) -> bytes:
    """The printable list of a quarter or a review, .docx or .xlsx."""
    settings = store.settings()
    t = target(period, settings)
    if t is None:
        raise Refused("period", value=str(period), allowed=choices(settings))
    cands = candidates(store, t, lang)
    if fmt == "xlsx":
        return to_xlsx(cands, t, settings, lang)
    return to_docx(cands, t, settings, lang, signing)


def file_name(t: Target, fmt: str) -> str:
    return f"khen_thuong_{t.key}.{fmt}"
