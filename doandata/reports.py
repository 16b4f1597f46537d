"""The quarterly report for Thường trực, the sơ kết and the tổng kết, as finished documents.

`gather` computes everything the report says from the store's frames (metrics only); `to_docx`
lays it out in the Youth Union's administrative format (QĐ 367, HD 29: heading, issuing body,
number, place and date, title, body, signature, recipients; A4, margins 20/20/30/20 mm), one
function per part of the document, and `to_xlsx` writes the same tables one sheet each with native
Excel charts. Every word of both comes from the catalogue (`doc.*` in i18n.py) in the report's
language; every cell goes through xlsx.py, so text that came from an upload is always text.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field, replace

import pandas as pd

from . import charts, i18n, metrics, periods, stages, support, tables, xlsx
from . import contract as C
from .settings import Settings
from .text import xml_safe

KINDS = ("quarter", "midyear", "final")


@dataclass
class Signing:
    """What the app cannot know: left blank for handwriting unless filled in the form. The parts
    left None are the catalogue's wording (doc.place, doc.superior, …) in the report's language."""

    number: str = ""
    code: str = "BC/ĐTN"
    place: str | None = None
    date: dt.date | None = None
    signer: str | None = None  # None: the name in settings (blank when none); "" left blank for handwriting
    signer_title: str | None = None
    on_behalf: str | None = None
    superior: str | None = None
    issuer: str | None = None
    recipients: tuple[str, ...] | None = None

    def worded(self, lang: str) -> Signing:
        """This signing with every part left None filled from the catalogue."""
        parts = ("place", "signer_title", "on_behalf", "superior", "issuer")
        filled = {k: i18n.t(f"doc.{k}", lang) for k in parts if getattr(self, k) is None}
        if self.signer is None:
            filled["signer"] = ""
        if self.recipients is None:
            filled["recipients"] = tuple(i18n.t("doc.recipients", lang).split("\n"))
        return replace(self, **filled)


@dataclass
class Report:
    kind: str
    period: str
    title: str
    subtitle: str
    frame: pd.DataFrame  # progress of every unit
    special: pd.DataFrame
    counts: dict
    by_status: dict[str, list[str]]
    recognised: pd.DataFrame
    commended: pd.DataFrame
    sections: pd.DataFrame  # criteria sections: mean points now and in the baseline year
    items: pd.DataFrame  # plan items: units done / in progress / not started
    activity: dict
    pairs: pd.DataFrame
    voices: pd.DataFrame  # difficulties and proposals from the quarterly reports
    models: pd.DataFrame
    tasks: list[str]
    settings: Settings
    figures: dict = field(default_factory=dict)
    lang: str = "vi"  # the language both documents are written in
    span: list[str] = field(default_factory=list)  # the quarters whose report figures `activity` adds up
    support: dict = field(default_factory=dict)  # support.overview at the period: actions, missing reports
    texts: dict = field(default_factory=dict)  # part -> the editors' text (drafts.PARTS); the others drafted
    groups: int = 0  # working groups at work
    meetings: int = 0  # their meetings over the span
    # the commendation proposal's lines (commendations.lines: by kind, decisions said, refused left
    # out); None: drafted from the recognised units alone (a Report gathered without a store)
    proposal: list[str] | None = None
    # scoring in stages (#19): the largest gaps between self-scores and checks (stages.largest_gaps,
    # every unit, all of them), and how many units wait for checking / approval (stages.waiting)
    gaps: pd.DataFrame = field(default_factory=pd.DataFrame)
    waiting: dict = field(default_factory=dict)


def resolve_kind(text: str, settings: Settings) -> tuple[str, str] | None:
    """'2018-Q2' / 'Quý II/2018' -> ('quarter', '2018-Q2'); 'so-ket' -> ('midyear', Q2); 'tong-ket' -> ('final', Q3)."""
    return periods.report_period(text, settings.plan_year)


def gather(kind: str, period: str, frames: dict, lang: str = "vi", texts: dict | None = None) -> Report:
    """Everything the document says, from the same metrics as the pages, worded in `lang`."""
    settings: Settings = frames["settings"]
    units, statuses, frame = frames["units"], frames["statuses"], frames["progress"]
    # the plan's subject: the followed units (đặc thù, then khó khăn), the furthest behind first in each
    special = metrics.by_group(metrics.worst_first(metrics.in_set(frame, "followed")))
    names = {s: special[special["status"] == s]["unit_name"].tolist() for s in metrics.STATUS_ORDER}
    recognised = metrics.worst_first(frame[frame["recognised"]]).iloc[::-1]
    commended = recognised[(recognised["status"] == "on_track")]
    reports = frames["reports"]
    here = reports[reports["period"] == period]
    span = periods.figure_periods(kind, period)  # a review adds up its months: Q1–Q2, Q1–Q3
    meetings = frames.get("meetings")
    return Report(
        kind=kind,
        period=period,
        title=i18n.t(f"doc.title.{kind}", lang),
        subtitle=_subtitle(kind, period, settings, lang),
        frame=frame,
        special=special,
        counts=metrics.status_counts(special),
        by_status=names,
        recognised=recognised,
        commended=commended,
        sections=_sections(frames, period, settings),
        items=_items(statuses, list(special["unit_code"]), period, settings, lang),
        activity=_activity(reports[reports["period"].isin(span)]),
        pairs=metrics.worst_first(
            metrics.companion_pairs(units[units["unit_code"].isin(special["unit_code"])], frame, settings)
        ),
        voices=_voices(here, units),
        models=_models(reports, units, period, settings, lang),
        tasks=_tasks(special, statuses, period, settings, lang),
        settings=settings,
        lang=lang,
        span=span,
        support=_support_seen(frames, period, list(special["unit_code"])),
        texts=dict(texts or {}),
        groups=len(support.groups_of(units, frames.get("members"), meetings)),
        meetings=int(meetings["period"].isin(span).sum()) if meetings is not None and len(meetings) else 0,
        gaps=stages.largest_gaps(frames["stage_totals"], units, period) if "stage_totals" in frames else pd.DataFrame(),
        waiting=stages.waiting(frames["stage_counts"], period) if "stage_counts" in frames else {},
    )


def _span(report: Report) -> str:
    """The time the activity figures cover: 'Trong Quý III/2018'; a review's 'Trong 6 tháng đầu năm 2018'."""
    if report.kind == "quarter":
        return _t(report, "doc.span.quarter", period=_pname(report.period, report.lang))
    months = 3 * len(report.span or [report.period])
    return _t(report, "doc.span.review", months=months, year=periods.year_of(report.period))


def _pname(period: str, lang: str) -> str:
    """A quarter as a sentence says it, mid-sentence in lower case: 'quý II/2018' ('Q2 2018')."""
    q = periods.quarter_of(period)
    if not q:
        return i18n.period_name(period, lang)
    return i18n.t("doc.period", lang, quarter=_quarter(q, lang), year=periods.year_of(period))


def _subject_period(period: str, lang: str) -> str:
    """A quarter as the subject line ends: 'quý III năm 2018' (no dash, no slash)."""
    q = periods.quarter_of(period)
    if not q:
        return i18n.period_name(period, lang)
    return i18n.t("doc.period.subject", lang, quarter=_quarter(q, lang), year=periods.year_of(period))


def _quarter(q: int, lang: str) -> str:
    """The quarter's numeral as the language writes it: II in Vietnamese, 2 in English."""
    return str(q) if lang == "en" else periods.ROMAN[q - 1]


def _lower_first(text: str) -> str:
    """Mid-sentence: only the first letter lowered, so names in it (Đoàn, Cấp ủy) keep their capitals."""
    return text[:1].lower() + text[1:]


def plan_cited(settings: Settings, lang: str) -> str:
    """The plan as the documents cite it: number, date and subject from settings."""
    return i18n.t(
        "doc.plan_cited",
        lang,
        number=settings.plan_number,
        date=i18n.fmt_date(settings.plan_date, lang),
        title=settings.plan_title,
    )


def _subtitle(kind: str, period: str, settings: Settings, lang: str) -> str:
    plan = i18n.t("doc.plan", lang, year=settings.plan_year)
    return i18n.t(
        f"doc.subtitle.{kind}", lang, plan=plan, year=settings.plan_year, period=_subject_period(period, lang)
    )


def _item_name(item: C.PlanItem, lang: str) -> str:
    """The contract's own Vietnamese name (the one templates print); the catalogue's in English."""
    return item.name if lang == "vi" else i18n.t(f"plan.{item.code}", lang)


def _sections(frames: dict, period: str, settings: Settings) -> pd.DataFrame:
    """Mean points of the followed units per section of the scorecard, now and in the baseline year."""
    means, criteria = frames["section_means"], frames["criteria"]
    if means.empty:
        return pd.DataFrame(columns=["section", "max_points", "baseline", "now", "change"])
    mean = means.set_index(["section", "period"])["mean"].unstack()
    out = pd.DataFrame({"section": criteria.drop_duplicates("section")["section"]})
    out["max_points"] = out["section"].map(criteria.groupby("section")["max_points"].sum())
    out["baseline"] = out["section"].map(mean.get(settings.baseline_period, pd.Series(dtype=float)))
    out["now"] = out["section"].map(mean.get(period, pd.Series(dtype=float)))
    # to one decimal as both documents print them, so the change is the difference the reader sees
    out[["baseline", "now"]] = out[["baseline", "now"]].astype(float).round(1)
    out["change"] = (out["now"] - out["baseline"]).round(1)
    return out.reset_index(drop=True)


def _items(statuses: pd.DataFrame, codes: list[str], period: str, settings: Settings, lang: str) -> pd.DataFrame:
    grid = metrics.plan_item_matrix(statuses, codes, period, settings)
    return pd.DataFrame(
        {
            "item": [f"{p.code} — {_item_name(p, lang)}" for p in C.PLAN_ITEMS],
            "done": [int((grid[p.code] == "done").sum()) for p in C.PLAN_ITEMS],
            "in_progress": [int((grid[p.code] == "in_progress").sum()) for p in C.PLAN_ITEMS],
            "not_started": [int((grid[p.code].isin(["not_started", "none"])).sum()) for p in C.PLAN_ITEMS],
        }
    )


ACTIVITY_KEYS = ("reports", "activities", "participants", "trained", "admitted", "funds")


def _activity(reports: pd.DataFrame) -> dict:
    def total(key):
        return float(pd.to_numeric(reports.get(key, pd.Series(dtype=float)), errors="coerce").sum())

    return {
        "reports": len(reports),
        "activities": total("activities"),
        "participants": total("participants"),
        "trained": total("trained"),
        "admitted": total("admitted"),
        "funds": total("funds"),
    }


def _voices(reports: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    names = dict(zip(units["unit_code"], units["name"]))
    rows = [
        {
            "unit_name": names.get(r["unit_code"], r["unit_code"]),
            "difficulties": i18n.text_or_dash(r["difficulties"]),
            "proposals": i18n.text_or_dash(r["proposals"]),
        }
        for r in reports.to_dict("records")
        if i18n.text_or_dash(r["difficulties"]) != "—" or i18n.text_or_dash(r["proposals"]) != "—"
    ]
    return pd.DataFrame(rows, columns=["unit_name", "difficulties", "proposals"])


def _models(reports: pd.DataFrame, units: pd.DataFrame, period: str, settings: Settings, lang: str) -> pd.DataFrame:
    """Effective models reported up to the period, the latest per unit."""
    names = dict(zip(units["unit_code"], units["name"]))
    upto = reports[reports["period"].isin([q for q in settings.quarters if q <= period])]
    said = upto["models"].map(lambda v: i18n.text_or_dash(v) != "—").astype(bool)  # bool also when no report came in
    upto = upto[said].sort_values("period")
    upto = upto.drop_duplicates("unit_code", keep="last")
    return pd.DataFrame(
        {
            "unit_name": [names.get(c, c) for c in upto["unit_code"]],
            "model": upto["models"].tolist(),
            "period": [_pname(p, lang) for p in upto["period"]],
        }
    )


def _tasks(special: pd.DataFrame, statuses: pd.DataFrame, period: str, settings: Settings, lang: str) -> list[str]:
    """Tasks for the next quarter, drawn from the figures: who is behind, which items have not started."""
    tasks = []
    for status in ("behind", "at_risk"):
        names = special[special["status"] == status]["unit_name"].tolist()
        if names:
            tasks.append(i18n.t(f"doc.task.{status}", lang, units=", ".join(names)))
    grid = metrics.plan_item_matrix(statuses, list(special["unit_code"]), period, settings)
    idle = [p for p in C.PLAN_ITEMS if (grid[p.code].isin(["not_started", "none"])).sum() > len(grid) / 2]
    if idle:
        tasks.append(i18n.t("doc.task.idle", lang, items="; ".join(_lower_first(_item_name(p, lang)) for p in idle)))
    later = [q for q in settings.quarters if q > period]
    if later:
        tasks.append(i18n.t("doc.task.meeting", lang, period=_pname(later[0], lang)))
    tasks.append(i18n.t("doc.task.models", lang))
    return tasks


# ---------------------------------------------------------------- figures


def chart_figures(report: Report) -> dict:
    """The overview's charts for the document, about the followed units as the document is."""
    return {
        "progress": charts.progress_bullets(
            report.special,
            report.period,
            report.settings,
            report.lang,
            subject=tables.subject(report.special, "followed", report.lang),
        ),
        "transitions": charts.transitions(
            metrics.rating_transitions(report.special, report.settings), report.period, report.settings, report.lang
        ),
    }


def chart_images(report: Report) -> dict[str, bytes]:
    """The overview's charts as PNG, drawn by the one Chromium kept alive for every document
    (pictures.py, plotly through kaleido) and kept by what they show; empty when no browser can
    render them, and the document says so instead of failing."""
    from . import pictures

    try:
        return pictures.render(chart_figures(report), width=1400)
    except Exception:  # noqa: BLE001 - no Chrome/Chromium for kaleido: the report still comes out
        return {}


# ---------------------------------------------------------------- Word

CENTER, JUSTIFY = "center", "justify"


def to_docx(report: Report, signing: Signing | None = None, images: dict[str, bytes] | None = None) -> bytes:
    """The report in the Union's administrative layout, part by part as the document reads."""
    from docx import Document

    signing = signed(report, signing)
    doc = Document()
    _page(doc)
    _heading(doc, report, signing)
    _title(doc, report)
    _prose(doc, report, "opening")
    _situation(doc, report)
    _results(doc, report, images)
    _assessment(doc, report)
    _recognition_and_commendation(doc, report)
    _tasks_ahead(doc, report)
    _recipients_and_signature(doc, report, signing)
    return _saved(doc)


def signed(report: Report, signing: Signing | None = None) -> Signing:
    """Who signs and who receives: what the form gave, else the settings' signer (#16) and the
    editors' Nơi nhận, else the catalogue's wording in the report's language."""
    from . import drafts

    signing = signing or Signing()
    s = report.settings
    edited = (report.texts or {}).get("recipients", "")
    recipients = signing.recipients or (tuple(_recipient(x) for x in edited.split("\n") if _recipient(x)) or None)
    return replace(
        signing,
        signer=s.signer_name if signing.signer is None else signing.signer,
        signer_title=signing.signer_title or s.signer_title or None,
        on_behalf=signing.on_behalf or s.signer_on_behalf or None,
        recipients=recipients or tuple(drafts.text_of(report, "recipients").split("\n")),
    ).worded(report.lang)


def _recipient(line: str) -> str:
    """A line of Nơi nhận as the editors typed it, without the dash and the ';' the layout adds."""
    return line.strip().lstrip("-–•").strip().rstrip(";.").strip()


def _prose(doc, report: Report, part: str) -> None:
    """A prose part, the editors' text or the draft: a paragraph per line; in the parts with their
    own small headings, a short line "1. Thuận lợi" is one (bold italic)."""
    from . import drafts

    for line in drafts.text_of(report, part).split("\n"):
        if not line.strip():
            continue
        if part in drafts.HEADED and _small_heading(line):
            _para(doc, line, bold=True, italic=True)
        else:
            _body(doc, line)


def _small_heading(line: str) -> bool:
    import re

    return bool(re.match(r"^\d+\.\s", line)) and len(line) <= 60 and not line.rstrip().endswith((".", ";", ":"))


def _situation(doc, report: Report) -> None:
    """I. The situation: advantages and difficulties (drafted, edited in the app)."""
    _para(doc, _t(report, "doc.general"), bold=True)
    _prose(doc, report, "situation")


def _assessment(doc, report: Report) -> None:
    """III. Strengths, weaknesses, causes and lessons (drafted, edited in the app)."""
    _para(doc, _t(report, "doc.assessment"), bold=True)
    _prose(doc, report, "assessment")


def _saved(document) -> bytes:
    """A python-docx Document or an openpyxl Workbook as the bytes of its file."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(doc) -> None:
    """A4 portrait, margins 20/20/30/20 mm, Times New Roman 14 (HD 29-HD/TWĐTN-VP)."""
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    normal.element.rPr.rFonts.set(_qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(3)
    _page_numbers(section)


def _page_numbers(section) -> None:
    """The page number centred at the top from page 2 on (HD 29): a PAGE field in the header, the
    first page's header left empty."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        run.font.size = Pt(14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(_qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(_qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    section.first_page_header.paragraphs[0].text = ""


def _heading(doc, report: Report, signing: Signing) -> None:
    """The issuing body and the number on the left, the Union's name and place-date on the right."""
    head = doc.add_table(rows=1, cols=2)
    # Each line on one line in Times New Roman 14 (Liberation Serif 2 has its metrics and the
    # Vietnamese letters): the issuer in bold takes 10.0 cm, the place and date in italics 9.1 cm,
    # more than the 16 cm between the margins. As the office does in Word, both are condensed
    # (0.5 and 0.4 pt between letters) and the heading reaches into the margins.
    _widths(head, list(HEAD_WIDTHS))
    _outdent(head, HEAD_INDENT)
    left, right = head.rows[0].cells
    left.paragraphs[0].text = ""
    _condense(_para(left, signing.superior, size=14, align=CENTER), 0.5)
    _condense(_para(left, signing.issuer, bold=True, size=14, align=CENTER), 0.5)
    _para(left, "***", align=CENTER)
    number = signing.number or "      "
    _para(left, _t(report, "doc.number", number=number, code=signing.code), size=14, align=CENTER)
    union = _para(right, _t(report, "doc.union"), bold=True, size=15, align=CENTER)
    union.runs[0].underline = True
    _para(right, "")
    _condense(_para(right, _place_date(report, signing), italic=True, size=14, align=CENTER), 0.4)
    _drop_first_empty(left)
    _drop_first_empty(right)


HEAD_WIDTHS = (9.7, 8.8)  # cm: the heading's two columns, no padding at their sides
HEAD_INDENT = -1.7  # cm from the left margin (30 mm): from 13 mm off the paper's left edge to 12 mm off its right
FOOT_WIDTHS = (7.0, 9.0)  # cm: Nơi nhận, and "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" (7.5 cm in bold 14) on one line


def _condense(paragraph, points: float):
    """Letters closer by `points` (Word's Font > Advanced > Condensed), so a heading line stays whole."""
    from docx.oxml import OxmlElement

    for run in paragraph.runs:
        spacing = OxmlElement("w:spacing")
        spacing.set(_qn("w:val"), str(-round(points * 20)))
        run._r.get_or_add_rPr().append(spacing)
    return paragraph


def _outdent(table, indent_cm: float) -> None:
    """The table shifted by `indent_cm` from the left margin, its cells without side padding, so
    the heading's lines have the room they need."""
    from docx.oxml import OxmlElement

    tbl_pr = table._tbl.tblPr
    ind = OxmlElement("w:tblInd")
    ind.set(_qn("w:w"), str(round(indent_cm / 2.54 * 1440)))
    ind.set(_qn("w:type"), "dxa")
    tbl_pr.append(ind)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(_qn("w:w"), "0")
        edge.set(_qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.append(margins)


def _title(doc, report: Report) -> None:
    _para(doc, "")
    _para(doc, report.title, bold=True, size=15, align=CENTER)
    _para(doc, report.subtitle, bold=True, size=14, align=CENTER)
    _para(doc, "-----", align=CENTER)


def _results(doc, report: Report, images: dict[str, bytes] | None) -> None:
    """II. The results: the opening (drafted, edited in the app) and the progress chart, then the
    four contents the plan names, the units by progress, the effective models and the units' words."""
    from docx.shared import Cm

    _para(doc, _t(report, "doc.results"), bold=True)
    _prose(doc, report, "results")
    if images and "progress" in images:
        doc.add_picture(io.BytesIO(images["progress"]), width=Cm(16))
    elif images is not None:
        _para(doc, _t(report, "doc.no_charts"), italic=True, size=12)
    _scorecard_results(doc, report, images)
    _organisation_and_cadres(doc, report)
    _movement_and_care(doc, report)
    _companion_clusters(doc, report)
    _units_by_progress(doc, report)
    _effective_models(doc, report)
    _difficulties_and_proposals(doc, report)


def _scorecard_results(doc, report: Report, images: dict[str, bytes] | None) -> None:
    """II.1 Every special unit's total, then the mean per criteria section and the rating chart."""
    from docx.shared import Cm

    lang, year = report.lang, report.settings.baseline_year
    _para(doc, _t(report, "doc.results.scorecards"), bold=True, italic=True)
    _table(
        doc,
        report,
        _columns(report, "unit", ("points_in", year), "points_now", "change", "rating", "status"),
        [
            [
                r["unit_name"],
                i18n.fmt_number(r["baseline_total"], lang),
                i18n.fmt_number(r["total"], lang),
                i18n.fmt_signed(r["delta"], lang),
                i18n.rating_name(r["rating"], lang),
                i18n.status_name(r["status"], lang),
            ]
            for r in report.special.to_dict("records")
        ],
        [6.0, 1.8, 1.8, 1.8, 2.4, 2.4],
    )
    if len(report.sections):
        _body(doc, _t(report, "doc.results.sections"))
        _table(
            doc,
            report,
            _columns(report, "section", "max_points", ("year", year), "this_period", "change"),
            [
                [
                    r["section"],
                    i18n.fmt_number(r["max_points"], lang),
                    i18n.fmt_number(r["baseline"], lang),
                    i18n.fmt_number(r["now"], lang),
                    i18n.fmt_signed(r["change"], lang),
                ]
                for r in report.sections.to_dict("records")
            ],
            [7.0, 2.0, 2.2, 2.2, 2.2],
        )
    if images and "transitions" in images:
        doc.add_picture(io.BytesIO(images["transitions"]), width=Cm(14))
    _stage_gaps(doc, report)


def _stage_gaps(doc, report: Report) -> None:
    """Under II.1 (#19): how many units wait for the working group's check or the Standing Committee's
    approval, and the units that scored themselves furthest above the group's check."""
    if not report.waiting and report.gaps.empty:
        return
    lang = report.lang
    _para(doc, _t(report, "doc.results.gaps"), italic=True)
    if report.waiting:
        _body(
            doc, _t(report, "doc.results.gaps_waiting", period=i18n.period_name(report.period, lang), **report.waiting)
        )
    if report.gaps.empty:
        _body(doc, _t(report, "doc.results.gaps_none"))
        return
    shown = report.gaps.head(stages.GAPS_SHOWN)
    _body(doc, _t(report, "doc.results.gaps_some", n=len(report.gaps), shown=len(shown)))
    _table(
        doc,
        report,
        _columns(report, "unit", "self_score", "checked_score", "gap"),
        [
            [
                r["unit_name"],
                i18n.fmt_number(r["self"], lang),
                i18n.fmt_number(r["checked"], lang),
                i18n.fmt_signed(r["gap"], lang),
            ]
            for r in shown.to_dict("records")
        ],
        [8.0, 2.6, 2.6, 2.6],
    )


def _organisation_and_cadres(doc, report: Report) -> None:
    """II.2 The four organisational plan items: how many units have done, started, not started each."""
    _para(doc, _t(report, "doc.results.organisation"), bold=True, italic=True)
    items = report.items.set_index("item")
    for code in ("RS", "KT", "TH", "LT"):
        label = next(i for i in items.index if i.startswith(code + " "))
        row = items.loc[label]
        counts = {k: row[k] for k in ("done", "in_progress", "not_started")}
        _body(doc, _t(report, "doc.results.item", item=label.split(" — ")[1], **counts))


def _movement_and_care(doc, report: Report) -> None:
    """II.3 The activity figures of the quarterly reports, added up over the report's span."""
    _para(doc, _t(report, "doc.results.movement"), bold=True, italic=True)
    figures = {k: i18n.fmt_number(report.activity[k], report.lang, decimals=0) for k in ACTIVITY_KEYS[1:]}
    _body(doc, _t(report, "doc.results.activity", span=_span(report), **figures))


def _companion_clusters(doc, report: Report) -> None:
    """II.4 Each special unit beside the unit of its cluster that accompanies it."""
    _para(doc, _t(report, "doc.results.companions"), bold=True, italic=True)
    if not len(report.pairs):
        return
    lang = report.lang
    _table(
        doc,
        report,
        _columns(report, "special_unit", "total", "status", "companion", "points"),
        [
            [
                r["unit_name"],
                i18n.fmt_number(r["total"], lang),
                i18n.status_name(r["status"], lang),
                i18n.text_or_dash(r["companion_name"]),
                i18n.fmt_number(r["companion_total"], lang),
            ]
            for r in report.pairs.to_dict("records")
        ],
        [5.0, 1.8, 2.4, 5.0, 1.6],
    )


def _units_by_progress(doc, report: Report) -> None:
    """II.5 The followed units named under their status."""
    _para(doc, _t(report, "doc.by_status"), bold=True, italic=True)
    for status in metrics.STATUS_ORDER:
        names = report.by_status[status]
        listed = "; ".join(names) if names else _t(report, "doc.by_status.none")
        _body(
            doc,
            _t(report, "doc.by_status.line", status=i18n.status_name(status, report.lang), n=len(names), names=listed),
        )


def _recognition_and_commendation(doc, report: Report) -> None:
    """IV. Units proposed for recognised progress (the figures), then the commendation proposal
    (drafted from the candidates' lines, edited in the app)."""
    lang = report.lang
    _para(doc, _t(report, "doc.recognition"), bold=True)
    _para(doc, _t(report, "doc.recognition.recognised", n=len(report.recognised)), italic=True)
    for r in report.recognised.to_dict("records"):
        same = r["baseline_rating"] == r["rating"]  # progress in points only: say the points, the level once
        line = _t(
            report,
            "doc.recognition.unit_points" if same else "doc.recognition.unit",
            unit=r["unit_name"],
            before=i18n.fmt_number(r["baseline_total"], lang),
            after=i18n.fmt_number(r["total"], lang),
            change=i18n.fmt_signed(r["delta"], lang),
            rating_before=i18n.rating_name(r["baseline_rating"], lang),
            rating_after=i18n.rating_name(r["rating"], lang),
            rating=i18n.rating_name(r["rating"], lang),
        )
        _para(doc, line, indent=True)
    _para(doc, _t(report, "doc.recognition.commended"), italic=True)
    _prose(doc, report, "commendation")


def _difficulties_and_proposals(doc, report: Report) -> None:
    """II.7 What the units wrote in their quarterly reports, as they wrote it."""
    _para(doc, _t(report, "doc.voices"), bold=True, italic=True)
    if not len(report.voices):
        _para(doc, _t(report, "doc.voices.none"), indent=True)
        return
    _table(
        doc,
        report,
        _columns(report, "unit", "difficulties", "proposals"),
        [[r["unit_name"], r["difficulties"], r["proposals"]] for r in report.voices.to_dict("records")],
        [4.2, 6.0, 6.0],
    )


def _effective_models(doc, report: Report) -> None:
    """II.6 The latest effective model each unit reported."""
    _para(doc, _t(report, "doc.models"), bold=True, italic=True)
    for r in report.models.to_dict("records"):
        _body(doc, _t(report, "doc.models.line", unit=r["unit_name"], period=r["period"], model=r["model"]))
    if report.models.empty:
        _para(doc, _t(report, "doc.models.none"), indent=True)


def _tasks_ahead(doc, report: Report) -> None:
    """V. The tasks: drawn from the figures, numbered (drafted, edited in the app)."""
    _para(doc, _t(report, "doc.tasks"), bold=True)
    _prose(doc, report, "tasks")


def _recipients_and_signature(doc, report: Report, signing: Signing) -> None:
    """Recipients on the left; on the right who signs on behalf of whom, with room for the signature."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    _para(doc, "")
    foot = doc.add_table(rows=1, cols=2)
    _widths(foot, list(FOOT_WIDTHS))
    foot.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # the signature never apart from its title
    left, right = foot.rows[0].cells
    run = left.paragraphs[0].add_run(_t(report, "doc.recipients_title"))
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for i, who in enumerate(signing.recipients):
        _para(left, f"- {who}{'.' if i == len(signing.recipients) - 1 else ';'}", size=11)
    right.paragraphs[0].text = ""
    _condense(_para(right, signing.on_behalf, bold=True, align=CENTER), 0.2)
    _para(right, signing.signer_title, bold=True, align=CENTER)
    for _ in range(3):
        _para(right, "")
    _para(right, signing.signer, bold=True, align=CENTER)
    _drop_first_empty(right)


def _para(container, text: str = "", *, bold=False, italic=False, size=None, align=None, indent=False):
    """One paragraph of one run, in the document or in a table cell."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    if align == CENTER:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == JUSTIFY:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        p.paragraph_format.first_line_indent = Cm(1)
    run = p.add_run(xml_safe(text))
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    if text.rstrip().endswith(":") or (bold and hasattr(container, "add_section")):  # not in a table cell
        p.paragraph_format.keep_with_next = True  # a heading or "…:" never ends a page alone
    return p


def _t(report: Report, key: str, **params) -> str:
    """A sentence of the catalogue in the report's language."""
    return i18n.t(key, report.lang, **params)


def _columns(report: Report, *keys) -> list[str]:
    """Column headers from the catalogue's doc.col.*; a (key, year) pair fills in the year."""
    return [
        _t(report, f"doc.col.{k[0]}", year=k[1]) if isinstance(k, tuple) else _t(report, f"doc.col.{k}") for k in keys
    ]


def _body(doc, text: str):
    """A paragraph of running text: justified, first line indented."""
    return _para(doc, text, align=JUSTIFY, indent=True)


def _table(doc, report, header: list[str], rows: list[list], widths_cm: list[float]) -> None:
    """A ruled table, 12 pt, fixed column widths: an STT column first (the widest column gives up its
    room), the header bold, centred and repeated on every page (w:tblHeader)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    stt = 1.4  # "STT" in bold 12 on one line, with the cell padding
    widest = widths_cm.index(max(widths_cm))
    widths_cm = [stt] + [w - stt if i == widest else w for i, w in enumerate(widths_cm)]
    header = [_t(report, "doc.col.number"), *header]
    rows = [[i, *values] for i, values in enumerate(rows, start=1)]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.paragraphs[0].add_run(xml_safe(text)).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    repeat = OxmlElement("w:tblHeader")
    repeat.set(_qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.paragraphs[0].add_run("" if value is None else xml_safe(str(value)))
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _widths(table, widths_cm)
    for row in table.rows:
        whole = OxmlElement("w:cantSplit")  # a row is not cut across two pages
        row._tr.get_or_add_trPr().insert(0, whole)
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(12)


def _qn(tag: str):
    from docx.oxml.ns import qn

    return qn(tag)


def _widths(table, widths_cm: list[float]) -> None:
    """Column widths that Word and LibreOffice both honour: the grid and every cell, no autofit."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _drop_first_empty(cell) -> None:
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)


def _month(month: int) -> str:
    """A leading zero only on months 1 and 2 (HD 29: 'ngày 09 tháng 02', 'ngày 05 tháng 7')."""
    return f"{month:02d}" if month <= 2 else str(month)


def _place_date(report: Report, signing: Signing) -> str:
    """Place and date of signing; without a date, room to write it by hand."""
    d = signing.date
    if d:
        return _t(report, "doc.place_date", place=signing.place, day=f"{d.day:02d}", month=_month(d.month), year=d.year)
    return _t(report, "doc.place_date_blank", place=signing.place, year=report.settings.plan_year)


# ---------------------------------------------------------------- Excel


def to_xlsx(report: Report) -> bytes:
    """The report's tables, one sheet each, with native Excel charts where a chart helps."""
    from openpyxl import Workbook

    wb = Workbook()
    _summary_sheet(wb, report)
    wb.remove(wb.worksheets[0])
    _units_sheet(wb, report)
    _by_progress_sheet(wb, report)
    _recognition_sheet(wb, report)
    _sections_sheet(wb, report)
    _plan_items_sheet(wb, report)
    _companions_sheet(wb, report)
    _voices_sheet(wb, report)
    _models_sheet(wb, report)
    _tasks_sheet(wb, report)
    _gaps_sheet(wb, report)
    return _saved(wb)


def _sheet(wb, report: Report, name: str, header: list[str], rows: list[list], widths: list[int], heading=None):
    """The sheet doc.sheet.<name>: its heading (doc.heading.<name>) and the report's subtitle on top,
    the header on row 4 (bold, centred), one row per record below, an STT column first."""
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(_t(report, f"doc.sheet.{name}"))
    xlsx.write(ws, 1, 1, heading or _t(report, f"doc.heading.{name}")).font = Font(bold=True, size=13)
    xlsx.write(ws, 2, 1, report.subtitle)
    for j, text in enumerate([_t(report, "doc.col.number"), *header], start=1):
        cell = xlsx.write(ws, 4, j, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, values in enumerate(rows, start=5):
        for j, value in enumerate([i - 4, *values], start=1):
            xlsx.write(ws, i, j, value)
    for j, width in enumerate([6, *widths], start=1):
        ws.column_dimensions[chr(64 + j)].width = width
    ws.print_title_rows = "4:4"  # the header repeated on every printed page
    return ws


def _gaps_sheet(wb, report: Report) -> None:
    """The largest gaps between self-scores and checks (#19), then the units still waiting for the
    working group's check and for the Standing Committee's approval."""
    from openpyxl.styles import Font

    if not report.waiting and report.gaps.empty:
        return
    shown = report.gaps.head(stages.GAPS_SHOWN)
    ws = _sheet(
        wb,
        report,
        "gaps",
        _columns(report, "unit_code", "unit", "self_score", "checked_score", "gap"),
        [
            [r["unit_code"], r["unit_name"], _n(r["self"]), _n(r["checked"]), _n(r["gap"])]
            for r in shown.to_dict("records")
        ],
        [12, 48, 14, 14, 12],
    )
    below = ws.max_row + 2
    if shown.empty:
        xlsx.write(ws, 5, 3, _t(report, "doc.results.gaps_none")).font = Font(italic=True)
        below = 7
    if report.waiting:  # in the units' wide column, the counts beside them
        xlsx.write(ws, below, 3, _t(report, "doc.col.waiting")).font = Font(bold=True)
        waits = (("doc.col.waiting_check", "check"), ("doc.col.waiting_approval", "approval"))
        for i, (label, key) in enumerate(waits, start=1):
            xlsx.write(ws, below + i, 3, _t(report, label))
            xlsx.write(ws, below + i, 4, report.waiting[key])
    ws.page_setup.orientation = "landscape"  # printed one page wide
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _summary_sheet(wb, report: Report) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    counts, lang = report.counts, report.lang
    summary = _sheet(
        wb,
        report,
        "summary",
        _columns(report, "status", "units"),
        [[i18n.status_name(s, lang), counts[s]] for s in metrics.STATUS_ORDER]
        + [[i18n.status_name(None, lang), counts["no_data"]]],
        [40, 12],
        heading=report.title,
    )
    # the units recognised for their progress are some of those above, not a fifth group: no STT
    below = summary.max_row + 1
    xlsx.write(summary, below, 2, _t(report, "doc.col.recognised")).font = Font(italic=True)
    xlsx.write(summary, below, 3, counts["recognised"]).font = Font(italic=True)
    chart = BarChart()
    chart.title, chart.y_axis.title = _t(report, "doc.chart.by_status"), _t(report, "doc.col.units")
    chart.x_axis.title = _t(report, "doc.col.status")
    chart.add_data(Reference(summary, min_col=3, min_row=4, max_row=7), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=2, min_row=5, max_row=7))
    summary.add_chart(chart, "E4")
    _activity_rows(summary, report, summary.max_row + 2)


def _activity_rows(ws, report: Report, row: int) -> None:
    """The quarterly reports' figures added up over the report's span, as in II.3 of the .docx: a
    table in the summary's columns (STT, what, how many)."""
    from openpyxl.styles import Alignment, Font

    xlsx.write(ws, row, 1, _t(report, "doc.col.activity")).font = Font(bold=True)
    xlsx.write(ws, row + 1, 1, _span(report)).font = Font(italic=True)
    for j, key in enumerate(("doc.col.number", "doc.col.figure", "doc.col.value"), start=1):
        cell = xlsx.write(ws, row + 2, j, _t(report, key))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, key in enumerate(ACTIVITY_KEYS, start=1):
        i = row + 2 + number
        xlsx.write(ws, i, 1, number)
        xlsx.write(ws, i, 2, _t(report, f"doc.col.{key}"))
        xlsx.write(ws, i, 3, _n(report.activity[key])).number_format = "#,##0"


def _units_sheet(wb, report: Report) -> None:
    from openpyxl.chart import BarChart, Reference

    lang, year = report.lang, report.settings.baseline_year
    units = _sheet(
        wb,
        report,
        "units",
        _columns(
            report,
            "unit_code",
            "unit",
            ("points_in", year),
            "total",
            "change",
            "rating",
            "expected",
            "target",
            "status",
            "recognised",
        ),
        [
            [
                r["unit_code"],
                r["unit_name"],
                _n(r["baseline_total"]),
                _n(r["total"]),
                _n(r["delta"]),
                _rating(report, r["rating"]),
                _n(r["expected_total"]),
                _n(r["target_total"]),
                i18n.status_name(r["status"], lang),
                i18n.t("yes" if r["recognised"] else "no", lang),
            ]
            for r in report.special.to_dict("records")
        ],
        [12, 48, 11, 11, 11, 18, 10, 10, 16, 12],
    )
    last = 4 + len(report.special)
    bars = BarChart()
    bars.type = "bar"
    bars.title = _t(report, "doc.chart.units", period=_pname(report.period, lang), year=year)
    bars.y_axis.title, bars.x_axis.title = _t(report, "doc.chart.points"), _t(report, "doc.col.unit")
    bars.add_data(Reference(units, min_col=4, max_col=5, min_row=4, max_row=last), titles_from_data=True)
    bars.set_categories(Reference(units, min_col=3, min_row=5, max_row=last))
    bars.height, bars.width = 4 + 0.8 * len(report.special), 24
    units.add_chart(bars, f"A{last + 3}")


def _by_progress_sheet(wb, report: Report) -> None:
    _sheet(
        wb,
        report,
        "by_status",
        _columns(report, "status", "unit"),
        [[i18n.status_name(s, report.lang), name] for s in metrics.STATUS_ORDER for name in report.by_status[s]],
        [18, 60],
    )


def _recognition_sheet(wb, report: Report) -> None:
    year = report.settings.baseline_year
    _sheet(
        wb,
        report,
        "recognised",
        _columns(report, "unit", ("rating_in", year), "rating_now", ("points_in", year), "points_now", "commended"),
        [
            [
                r["unit_name"],
                _rating(report, r["baseline_rating"]),
                _rating(report, r["rating"]),
                _n(r["baseline_total"]),
                _n(r["total"]),
                _t(report, "yes") if r["status"] == "on_track" else "",
            ]
            for r in report.recognised.to_dict("records")
        ],
        [48, 16, 16, 12, 12, 18],
    )


def _sections_sheet(wb, report: Report) -> None:
    from openpyxl.chart import BarChart, Reference

    sections = _sheet(
        wb,
        report,
        "sections",
        _columns(report, "section", "max_points", ("year", report.settings.baseline_year), "this_period", "change"),
        [
            [r["section"], _n(r["max_points"]), _n(r["baseline"]), _n(r["now"]), _n(r["change"])]
            for r in report.sections.to_dict("records")
        ],
        [40, 12, 12, 12, 12],
    )
    if not len(report.sections):
        return
    groups = BarChart()
    groups.title, groups.y_axis.title = _t(report, "doc.heading.sections"), _t(report, "doc.col.points")
    end = 4 + len(report.sections)
    groups.add_data(Reference(sections, min_col=4, max_col=5, min_row=4, max_row=end), titles_from_data=True)
    groups.set_categories(Reference(sections, min_col=2, min_row=5, max_row=end))
    sections.add_chart(groups, "H4")


def _plan_items_sheet(wb, report: Report) -> None:
    _sheet(
        wb,
        report,
        "items",
        [_t(report, "doc.col.item")] + [_t(report, f"item.{k}") for k in ("done", "in_progress", "not_started")],
        report.items[["item", "done", "in_progress", "not_started"]].values.tolist(),
        [50, 12, 14, 14],
    )


def _companions_sheet(wb, report: Report) -> None:
    _sheet(
        wb,
        report,
        "companions",
        _columns(report, "cluster", "special_unit", "total", "status", "companion", "companion_points"),
        [
            [
                _n(r["cluster"]),
                r["unit_name"],
                _n(r["total"]),
                i18n.status_name(r["status"], report.lang),
                r["companion_name"] or "",
                _n(r["companion_total"]),
            ]
            for r in report.pairs.to_dict("records")
        ],
        [8, 44, 11, 16, 44, 12],
    )


def _voices_sheet(wb, report: Report) -> None:
    _sheet(
        wb,
        report,
        "voices",
        _columns(report, "unit", "difficulties", "proposals"),
        report.voices.values.tolist(),
        [40, 60, 60],
    )


def _models_sheet(wb, report: Report) -> None:
    _sheet(
        wb,
        report,
        "models",
        _columns(report, "unit", "period", "model"),
        [[r["unit_name"], r["period"], r["model"]] for r in report.models.to_dict("records")],
        [40, 14, 70],
    )


def _tasks_sheet(wb, report: Report) -> None:
    _sheet(
        wb,
        report,
        "tasks",
        _columns(report, "task"),
        [[t] for t in _task_lines(report)],
        [110],
    )


def _task_lines(report: Report) -> list[str]:
    """Part V as the .docx prints it (the editors' text where there is one), a task a line, without
    the numbers the sheet's STT column gives."""
    import re

    from . import drafts

    lines = [line.strip() for line in drafts.text_of(report, "tasks").split("\n") if line.strip()]
    return [re.sub(r"^(\d+[.)]|[-–•])\s*", "", line) for line in lines]


def _rating(report: Report, name: str | None) -> str:
    """A rating as the catalogue names it in the report's language; empty where there is none."""
    return i18n.rating_name(name, report.lang) if name else ""


def _n(value):
    """A number for a cell, or empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return round(float(value), 1) if not isinstance(value, (int,)) else value  # one decimal, as the .docx


def frames_for(store, period: str) -> dict:
    """What a report needs from the store; the section means are added up in the database."""
    settings, units = store.settings(), store.units()
    progress = metrics.of_period(store, period, settings, units)
    followed = list(metrics.in_set(progress, "followed")["unit_code"])
    return {
        "settings": settings,
        "units": units,
        "progress": progress,
        "statuses": store.statuses(),
        "criteria": store.criteria(),
        "reports": store.reports(),
        "section_means": store.section_means([settings.baseline_period, period], unit_codes=followed),
        "actions": store.support_actions(),
        "meetings": store.meetings(),
        "members": store.members(),
        "stage_totals": stages.stage_totals(store, periods=[period]),
        "stage_counts": store.stage_counts([period]),
    }


def build(
    store,
    kind: str,
    period: str,
    fmt: str,
    signing: Signing | None = None,
    with_images: bool = True,
    lang: str = "vi",
) -> bytes:
    """The finished document, .docx or .xlsx, in `lang` (Vietnamese unless asked)."""
    report = with_proposal(
        gather(kind, period, frames_for(store, period), lang, store.report_texts(kind, period)), store
    )
    if fmt == "xlsx":
        return to_xlsx(report)
    return to_docx(report, signing, chart_images(report) if with_images else None)


def with_proposal(report: Report, store) -> Report:
    """The report with its part IV drafted from the commendation proposal of the same quarter or
    review (the page Tuyên dương, khen thưởng), the Standing Committee's decisions included."""
    from . import commendations

    target = commendations.Target(
        report.period if report.kind == "quarter" else report.kind, report.kind, report.period
    )
    report.proposal = commendations.lines(store, target, report.lang)
    return report


def texts_of(store, kind: str, period: str, lang: str = "vi") -> dict[str, dict]:
    """Each part an editor can edit (drafts.PARTS): {text, draft, edited, by, at, entry}: the text the
    document prints, the draft from the figures, and who edited it when, in which history entry
    (None when it is the draft)."""
    from . import drafts

    edits = store.report_text_edits(kind, period)
    report = with_proposal(gather(kind, period, frames_for(store, period), lang), store)
    drafted = drafts.drafts(report)
    out = {}
    for part in drafts.PARTS:
        edit = edits.get(part)
        out[part] = {
            "text": edit["text"] if edit else drafted[part],
            "draft": drafted[part],
            "edited": bool(edit),
            "by": edit["by"] if edit else None,
            "at": edit["at"] if edit else None,
            "entry": edit["entry"] if edit else None,
        }
    return out


# ---------------------------------------------------------------- support work (#15)


def _support_seen(frames: dict, period: str, followed: list[str]) -> dict:
    """The support work the Standing Committee's report counts: the actions (in all, done, overdue at
    the period's end) and the followed units whose report for the period has not come in."""
    if "actions" not in frames:
        return {}
    groups = support.groups_of(frames["units"], frames["members"], frames["meetings"])
    return support.overview(
        frames["units"], frames["actions"], frames["meetings"], frames["reports"], groups, period, followed
    )


@dataclass
class GroupReport:
    """What a working group reports to Thường trực for a quarter (support.group_quarter, worded)."""

    group_no: int
    period: str
    title: str
    subtitle: str
    leader: str
    units: pd.DataFrame  # the group's units with the quarter's figures and whether the report came in
    meetings: pd.DataFrame
    actions: pd.DataFrame  # with `overdue` at the quarter's end
    counts: dict
    missing_reports: list[str]
    proposals: pd.DataFrame  # the units' own proposals in their quarterly reports
    names: dict
    settings: Settings
    lang: str = "vi"


def group_frames_for(store, period: str) -> dict:
    """What a working group's report needs from the store."""
    settings, units = store.settings(), store.units()
    return {
        "settings": settings,
        "units": units,
        "progress": metrics.of_period(store, period, settings, units),
        "members": store.members(),
        "reports": store.reports(),
        "actions": store.support_actions(),
        "meetings": store.meetings(),
    }


def gather_group(group_no: int, period: str, frames: dict, lang: str = "vi") -> GroupReport:
    """Everything a group's quarterly report says, from support.group_quarter and the quarter's figures."""
    settings, units = frames["settings"], frames["units"]
    held = support.group_quarter(
        units, frames["members"], frames["actions"], frames["meetings"], frames["reports"], group_no, period
    )
    codes = list(held["units"]["unit_code"])
    progress = frames["progress"]
    mine = progress[metrics.among(progress["unit_code"], codes)].set_index("unit_code").reindex(codes).reset_index()
    reports = frames["reports"]
    sent = set(reports.loc[reports["period"] == period, "unit_code"]) if len(reports) else set()
    mine["reported"] = [c in sent for c in mine["unit_code"]]
    actions = held["actions"]
    done = int((actions["status"] == support.DONE).sum()) if len(actions) else 0
    names = dict(zip(units["unit_code"], units["name"]))
    plan = i18n.t("doc.plan", lang, year=settings.plan_year)
    return GroupReport(
        group_no=group_no,
        period=period,
        title=i18n.t("doc.group.title", lang),
        subtitle=i18n.t("doc.group.subtitle", lang, n=group_no, period=_subject_period(period, lang), plan=plan),
        leader=support.group_leader(frames["members"], group_no),
        units=mine,
        meetings=held["meetings"],
        actions=actions,
        counts={
            "actions": len(actions),
            "done": done,
            "open": len(actions) - done,
            "overdue": int(actions["overdue"].sum()) if len(actions) else 0,
        },
        missing_reports=held["missing_reports"],
        proposals=held["proposals"],
        names=names,
        settings=settings,
        lang=lang,
    )


def group_signing(report: GroupReport, signing: Signing | None = None) -> Signing:
    """The group's heading and signature: the bloc's committee over TỔ CÔNG TÁC SỐ N, signed
    TM. TỔ CÔNG TÁC / TỔ TRƯỞNG by the leader, unless given."""
    signing = signing or Signing(code="BC/TCT")
    lang = report.lang
    return replace(
        signing,
        superior=signing.superior or i18n.t("doc.group.superior", lang),
        issuer=signing.issuer or i18n.t("doc.group.issuer", lang, n=report.group_no),
        on_behalf=signing.on_behalf or i18n.t("doc.group.on_behalf", lang),
        signer_title=signing.signer_title or i18n.t("doc.group.signer_title", lang),
        signer=signing.signer or report.leader,
        recipients=signing.recipients or tuple(i18n.t("doc.group.recipients", lang).split("\n")),
    ).worded(lang)


def group_to_docx(report: GroupReport, signing: Signing | None = None) -> bytes:
    """The group's report in the same layout as the Standing Committee's: heading, title, I–V,
    recipients and the signature block."""
    from docx import Document

    signing = group_signing(report, signing)
    doc = Document()
    _page(doc)
    _heading(doc, report, signing)
    _title(doc, report)
    _group_basis(doc, report)
    _group_units(doc, report)
    _group_meetings(doc, report)
    _group_actions(doc, report)
    _group_reports(doc, report)
    _group_proposals(doc, report)
    _recipients_and_signature(doc, report, signing)
    return _saved(doc)


def _group_basis(doc, report: GroupReport) -> None:
    """The plan the group works under, cited, before part I."""
    pname = _pname(report.period, report.lang)
    plan = plan_cited(report.settings, report.lang)
    _body(doc, _t(report, "doc.group.basis", plan=plan, n=report.group_no, period=pname))


def _group_units(doc, report: GroupReport) -> None:
    """I. The units, each with the quarter's total, rating, progress and whether its report came in."""
    pname = _pname(report.period, report.lang)
    _para(doc, _t(report, "doc.group.units"), bold=True)
    _body(doc, _t(report, "doc.group.units.text", n=len(report.units), period=pname))
    if len(report.units):
        _table(
            doc,
            report,
            _columns(
                report,
                "unit",
                ("points_in", report.settings.baseline_year),
                "points_now",
                "rating_now",
                "status",
                "report",
            ),
            [
                [
                    report.names.get(r["unit_code"], r["unit_code"]),
                    i18n.fmt_number(r.get("baseline_total"), report.lang),
                    i18n.fmt_number(r.get("total"), report.lang),
                    _rating(report, r.get("rating") if isinstance(r.get("rating"), str) else None),
                    i18n.status_name(r.get("status") if isinstance(r.get("status"), str) else None, report.lang),
                    i18n.t("groups.came" if r["reported"] else "groups.not_came", report.lang),
                ]
                for r in report.units.to_dict("records")
            ],
            [5.0, 2.0, 2.0, 2.4, 2.6, 2.0],
        )
        _para(doc, "")  # the next part's heading clear of the table


def _group_meetings(doc, report: GroupReport) -> None:
    """II. The quarter's meetings: when, where, who, which units, what was concluded."""
    pname = _pname(report.period, report.lang)
    _para(doc, _t(report, "doc.group.meetings"), bold=True)
    if report.meetings.empty:
        _body(doc, _t(report, "doc.group.meetings.none", period=pname))
        return
    for m in report.meetings.to_dict("records"):
        units = [report.names.get(c, c) for c in str(m["units_discussed"] or "").split(",") if c]
        _body(
            doc,
            _t(
                report,
                "doc.group.meeting",
                date=i18n.fmt_date(tables._day(m["meeting_date"]), report.lang),
                place=i18n.text_or_dash(m["place"] or None),
                present=i18n.text_or_dash(m["present"] or None),
                absent=i18n.text_or_dash(m["absent"] or None),
                units=", ".join(units) or "—",
            ),
        )
        if m["conclusions"]:
            _body(doc, _t(report, "doc.group.conclusions", text=m["conclusions"]))


def _group_actions(doc, report: GroupReport) -> None:
    """III. The units' actions counted at the quarter's end, then listed, the overdue first."""
    pname = _pname(report.period, report.lang)
    _para(doc, _t(report, "doc.group.actions"), bold=True)
    if report.actions.empty:
        _body(doc, _t(report, "doc.group.actions.none"))
        return
    _body(
        doc,
        _t(
            report,
            "doc.group.actions.text",
            period=pname,
            **{"n": report.counts["actions"]},
            **{k: report.counts[k] for k in ("done", "open", "overdue")},
        ),
    )
    rows = report.actions.sort_values(["overdue", "unit_code", "action_no"], ascending=[False, True, True])
    _table(
        doc,
        report,
        _columns(report, "unit", "action", "owner", "due", "action_state"),
        [
            [
                report.names.get(r["unit_code"], r["unit_code"]),
                f"{r['item_code']}: {r['action']}",
                i18n.text_or_dash(r["owner"]),
                i18n.fmt_date(tables._day(r["due"]), report.lang),
                tables.action_state(r["status"], bool(r["overdue"]), report.lang),
            ]
            for r in rows.to_dict("records")
        ],
        [3.3, 5.0, 2.6, 2.9, 2.2],  # a date at 12 pt on one line, also in a wider font than Times
    )
    _para(doc, "")


def _group_reports(doc, report: GroupReport) -> None:
    """IV. The quarterly reports missing from the group's units, by name."""
    pname = _pname(report.period, report.lang)
    _para(doc, _t(report, "doc.group.reports"), bold=True)
    if report.missing_reports:
        _body(doc, _t(report, "doc.group.reports.missing", period=pname, names=", ".join(report.missing_reports)))
    else:
        _body(doc, _t(report, "doc.group.reports.all", period=pname))


def _group_proposals(doc, report: GroupReport) -> None:
    """V. The solutions the meetings proposed, then the units' own proposals, as written."""
    _para(doc, _t(report, "doc.group.proposals"), bold=True)
    lines = [
        _t(
            report,
            "doc.group.proposals.solution",
            date=i18n.fmt_date(tables._day(m["meeting_date"]), report.lang),
            text=m["solutions"],
        )
        for m in report.meetings.to_dict("records")
        if m.get("solutions")
    ]
    lines += [
        _t(
            report,
            "doc.group.proposals.unit",
            unit=report.names.get(r["unit_code"], r["unit_code"]),
            text=r["proposals"],
        )
        for r in report.proposals.to_dict("records")
    ]
    for line in lines:
        _body(doc, line)
    if not lines:
        _body(doc, _t(report, "doc.group.proposals.none"))


def build_group(store, group_no: int, period: str, signing: Signing | None = None, lang: str = "vi") -> bytes:
    """A working group's quarterly report to Thường trực, as .docx."""
    return group_to_docx(gather_group(group_no, period, group_frames_for(store, period), lang), signing)
