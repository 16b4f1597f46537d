"""The prose of a report for Thường trực, drafted from its figures (#16).

A review as the office writes one has five parts: I. Tình hình (advantages, difficulties), II. Kết
quả (the figures, one content of the plan after another), III. Đánh giá chung (strengths,
weaknesses, causes, lessons), IV. Đề xuất tuyên dương, khen thưởng and V. Nhiệm vụ thời gian tới.
The prose parts, the opening and the recipients are drafted here from a `reports.Report`, every
sentence from the catalogue (`doc.draft.*`) in the report's language; editors edit them in the app
(Store.save_report_texts) and the document prints the edited text where there is one
(`text_of`). A draft is lines of plain text: one paragraph of the document per line.
"""

from __future__ import annotations

from . import i18n, metrics

# The parts an editor can edit, in the order of the document; `recipients` is Nơi nhận, a line each.
PARTS = ("opening", "situation", "results", "assessment", "commendation", "tasks", "recipients")
# The parts whose lines "1. Thuận lợi" are the part's own small headings.
HEADED = ("situation", "assessment", "commendation")
QUOTED = 160  # characters of a unit's own words quoted in a draft
QUOTED_UNITS = 4  # units whose difficulties part I quotes; all are in part II's table


def drafts(report, candidates: list[str] | None = None) -> dict[str, str]:
    """Every part's draft; `candidates` are the commendation's lines (commendation_candidates unless given)."""
    return {
        "opening": opening(report),
        "situation": situation(report),
        "results": results(report),
        "assessment": assessment(report),
        "commendation": proposal(report)
        if candidates is None and report.proposal is not None
        else commendation(report, commendation_candidates(report) if candidates is None else candidates),
        "tasks": tasks(report),
        "recipients": i18n.t("doc.recipients", report.lang),
    }


def text_of(report, part: str) -> str:
    """The part as the document prints it: the editors' text where there is one, else the draft."""
    edited = (report.texts or {}).get(part, "")
    return edited if edited.strip() else drafts(report).get(part, "")


def _t(report, key: str, **params) -> str:
    return i18n.t(f"doc.draft.{key}", report.lang, **params)


def _names(names: list[str]) -> str:
    return ", ".join(names)


def _quoted(text: str) -> str:
    text = " ".join(str(text).split()).rstrip(".;")
    return text if len(text) <= QUOTED else text[: QUOTED - 1].rstrip() + "…"


def _followed(report) -> int:
    return sum(report.counts[s] for s in metrics.STATUS_ORDER) + report.counts["no_data"]


def opening(report) -> str:
    from .reports import _pname, plan_cited

    what = (
        _t(report, "opening.quarter", period=_pname(report.period, report.lang))
        if report.kind == "quarter"
        else _t(
            report,
            {"midyear": "opening.midyear", "final": "opening.final"}[report.kind],
            year=report.settings.plan_year,
        )
    )
    return _t(report, "opening", plan=plan_cited(report.settings, report.lang), what=what)


def situation(report) -> str:
    """I. Advantages (the plan deployed, the groups at work, the reports in, the units on track)
    and difficulties (the units behind, the reports missing, the units' own words)."""
    from .reports import _pname, _span

    groups = metrics.group_counts(report.special)
    pname = _pname(report.period, report.lang)
    seen = report.support or {}
    lines = [_t(report, "advantages")]
    lines.append(
        _t(
            report,
            "deployed",
            groups=report.groups,
            n=_followed(report),
            dac_thu=groups["dac_thu"],
            kho_khan=groups["kho_khan"],
        )
    )
    lines.append(_t(report, "met", span=_span(report), meetings=report.meetings, reports=report.activity["reports"]))
    if report.counts["on_track"]:
        lines.append(
            _t(
                report,
                "on_track",
                period=pname,
                n=report.counts["on_track"],
                recognised=len(report.recognised),
                baseline=report.settings.baseline_year,
            )
        )
    if seen.get("done"):
        lines.append(_t(report, "actions_done", done=seen["done"], n=seen["actions"]))
    lines.append(_t(report, "difficulties"))
    hard = False
    for status in ("behind", "at_risk"):
        names = report.by_status.get(status) or []
        if names:
            hard = True
            key = {"behind": "units_behind", "at_risk": "units_at_risk"}[status]
            lines.append(_t(report, key, n=len(names), names=_names(names)))
    if seen.get("reports_missing"):
        hard = True
        missing = seen["reports_missing"]
        lines.append(_t(report, "missing", n=len(missing), period=pname, names=_names(missing)))
    if seen.get("overdue"):
        hard = True
        lines.append(_t(report, "overdue", n=seen["overdue"], period=pname))
    said = [r for r in report.voices.to_dict("records") if r["difficulties"] != "—"]
    if said:
        hard = True
        lines.append(_t(report, "voices", n=len(said), period=pname))
        lines += [f"- {r['unit_name']}: {_quoted(r['difficulties'])}." for r in said[:QUOTED_UNITS]]
        if len(said) > QUOTED_UNITS:  # the rest are in the table of part II
            lines.append(_t(report, "voices_more", n=len(said) - QUOTED_UNITS))
    if not hard:
        lines.append(_t(report, "no_difficulties"))
    return "\n".join(lines)


def results(report) -> str:
    """II. The opening of the results: the followed units and where they stand, the reports in."""
    from .reports import _pname, _span

    counts, groups = report.counts, metrics.group_counts(report.special)
    lines = [
        i18n.t(
            "doc.general.text",
            report.lang,
            n=_followed(report),
            period=_pname(report.period, report.lang),
            on_track=counts["on_track"],
            at_risk=counts["at_risk"],
            behind=counts["behind"],
            no_data=i18n.t("doc.general.no_data", report.lang, n=counts["no_data"]) if counts["no_data"] else "",
            recognised=len(report.recognised),
            baseline=report.settings.baseline_year,
            dac_thu=groups["dac_thu"],
            kho_khan=groups["kho_khan"],
        ),
        i18n.t("doc.general.reports", report.lang, span=_span(report), n=report.activity["reports"]),
    ]
    seen = report.support
    if seen:
        pname = _pname(report.period, report.lang)
        lines.append(
            i18n.t(
                "doc.support", report.lang, n=seen["actions"], done=seen["done"], overdue=seen["overdue"], period=pname
            )
        )
        missing = seen["reports_missing"]
        if missing:
            lines.append(
                i18n.t("doc.support.missing", report.lang, period=pname, n=len(missing), names=", ".join(missing))
            )
        else:
            lines.append(i18n.t("doc.support.all_in", report.lang, period=pname))
    return "\n".join(lines)


def assessment(report) -> str:
    """III. Strengths, weaknesses, causes and the lessons, from the figures and the units' words."""
    from .reports import _item_name, _lower_first, _pname

    lang, counts = report.lang, report.counts
    pname = _pname(report.period, lang)
    items = _item_rows(report)
    lines = [_t(report, "strengths")]
    lines.append(
        _t(
            report,
            "strength.progress",
            on_track=counts["on_track"],
            n=_followed(report),
            recognised=len(report.recognised),
            period=pname,
        )
    )
    up = [r for r in report.sections.to_dict("records") if r["change"] == r["change"] and r["change"] > 0]
    if up:
        lines.append(
            _t(
                report,
                "strength.sections",
                sections=", ".join(f"{_section(r['section'])} ({i18n.fmt_signed(r['change'], lang)})" for r in up),
            )
        )
    best = max(items, key=lambda r: r["done"], default=None)
    if best and best["done"]:
        lines.append(_t(report, "strength.item", item=_lower_first(_item_name(best["item"], lang)), n=best["done"]))
    if len(report.models):
        lines.append(
            _t(report, "strength.models", n=len(report.models), units=_names(list(report.models["unit_name"])))
        )
    lines.append(_t(report, "weaknesses"))
    weak = False
    behind = (report.by_status.get("behind") or []) + (report.by_status.get("at_risk") or [])
    if behind:
        weak = True
        lines.append(_t(report, "weakness.units", n=len(behind), names=_names(behind)))
    down = [r for r in report.sections.to_dict("records") if r["change"] == r["change"] and r["change"] < 0]
    if down:
        weak = True
        lines.append(
            _t(
                report,
                "weakness.sections",
                sections=", ".join(f"{_section(r['section'])} ({i18n.fmt_signed(r['change'], lang)})" for r in down),
            )
        )
    idle = [r for r in items if r["not_started"] > len(report.special) / 2]
    if idle:
        weak = True
        lines.append(
            _t(report, "weakness.items", items="; ".join(_lower_first(_item_name(r["item"], lang)) for r in idle))
        )
    seen = report.support or {}
    if seen.get("reports_missing") or seen.get("overdue"):
        weak = True
        lines.append(
            _t(
                report,
                "weakness.follow_up",
                missing=len(seen.get("reports_missing") or []),
                overdue=seen.get("overdue", 0),
            )
        )
    if not weak:
        lines.append(_t(report, "weakness.none"))
    lines.append(_t(report, "causes"))
    said = [r for r in report.voices.to_dict("records") if r["difficulties"] != "—"]
    if said:
        quoted = "; ".join(_quoted(r["difficulties"]) for r in said[:3])  # as written: names keep their capitals
        lines.append(_t(report, "cause.objective", n=len(said), said=quoted))
    else:
        lines.append(_t(report, "cause.objective_none"))
    lines.append(_t(report, "cause.subjective"))
    lines.append(_t(report, "lessons"))
    lines.append(_t(report, "lesson.committee"))
    lines.append(_t(report, "lesson.groups"))
    lines.append(_t(report, "lesson.companions"))
    lines.append(_t(report, "lesson.figures"))
    return "\n".join(lines)


def _section(name: str) -> str:
    """A criteria section without its Roman numeral: 'I. Công tác tổ chức' -> 'Công tác tổ chức'."""
    head, dot, rest = str(name).partition(". ")
    return rest if dot and head.strip("IVXLC") == "" else str(name)


def _item_rows(report) -> list[dict]:
    """The plan items with their counts, each with its contract item (for its name in the language)."""
    from . import contract as C

    by_code = {p.code: p for p in C.PLAN_ITEMS}
    out = []
    for r in report.items.to_dict("records"):
        code = str(r["item"]).split(" ")[0]
        if code in by_code:
            out.append({**r, "item": by_code[code]})
    return out


def commendation_candidates(report) -> list[str]:
    """The lines of the commendation proposal: today the followed units with recognised progress
    that are on track (the commendations module may give others)."""
    lang = report.lang
    return [
        _t(
            report,
            "candidate",
            unit=r["unit_name"],
            before=i18n.fmt_number(r["baseline_total"], lang),
            after=i18n.fmt_number(r["total"], lang),
        )
        for r in report.commended.to_dict("records")
    ]


def commendation(report, candidates: list[str]) -> str:
    """IV. The proposal, from the candidates' lines (each printed as '- line')."""
    if not candidates:
        return _t(report, "commend.none")
    lines = [_t(report, "commend", n=len(candidates))]
    lines += [f"- {line.lstrip('- ').rstrip('.;')};" for line in candidates]
    lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)


def proposal(report) -> str:
    """IV. The proposal as the page Tuyên dương, khen thưởng holds it: its lines by kind, under a
    sentence that counts the candidates (lines "- …")."""
    n = sum(line.startswith("- ") for line in report.proposal)
    if not n:
        return "\n".join(report.proposal)  # commendations says there is none
    return "\n".join([_t(report, "commend", n=n), *report.proposal])


def tasks(report) -> str:
    """V. The tasks drawn from the figures, numbered."""
    return "\n".join(f"{i}. {task}" for i, task in enumerate(report.tasks, start=1))
