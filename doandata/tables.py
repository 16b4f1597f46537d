"""Frames as the pages and reports show them: catalogue headers, Vietnamese numbers, words not codes."""

from __future__ import annotations

import pandas as pd

from . import contract as C
from . import i18n, metrics
from .cells import is_blank


def _num(series: pd.Series, lang: str, signed: bool = False) -> list[str]:
    fmt = i18n.fmt_signed if signed else i18n.fmt_number
    return [fmt(v, lang) for v in series]


def progress_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The overview's table: one row per unit, sorted by status then by change."""
    data = metrics.worst_first(frame)
    return pd.DataFrame(
        {
            i18n.t("col.unit_code", lang): data["unit_code"],
            i18n.t("col.unit_name", lang): data["unit_name"],
            i18n.t("col.cluster", lang): data["cluster"].astype("Int64"),
            i18n.t("col.unit_group", lang): [group_name(g, lang) for g in data["group"]],
            i18n.t("col.baseline_total", lang): _num(data["baseline_total"], lang),
            i18n.t("col.total", lang): _num(data["total"], lang),
            i18n.t("col.delta", lang): _num(data["delta"], lang, signed=True),
            i18n.t("col.rating", lang): [i18n.rating_name(r, lang) for r in data["rating"]],
            i18n.t("col.expected_total", lang): _num(data["expected_total"], lang),
            i18n.t("col.target_total", lang): _num(data["target_total"], lang),
            i18n.t("col.status", lang): [i18n.status_name(s, lang) for s in data["status"]],
            i18n.t("col.recognised", lang): [i18n.t("yes" if r else "no", lang) for r in data["recognised"]],
            i18n.t("col.items_done", lang): data["items_done"],
        }
    ).reset_index(drop=True)


def group_name(group: str | None, lang: str = "vi") -> str:
    return i18n.t(f"group.{'other' if is_blank(group) else group}", lang)


def subject(frame: pd.DataFrame, shown: str, lang: str = "vi") -> str:
    """Which units a chart, a count or a table is about, in words: "9 đơn vị được theo dõi: 6 đặc
    thù, 3 khó khăn"."""
    counts = metrics.group_counts(frame)
    n = i18n.fmt_number(len(frame), lang, 0)
    return i18n.t(f"set.{shown}", lang, n=n, **{k: i18n.fmt_number(v, lang, 0) for k, v in counts.items()})


def group_status_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The counts of the overview per group (đặc thù, khó khăn, the rest when shown)."""
    rows = []
    for group, part in metrics.by_group(frame).groupby(frame["group"].fillna("other"), sort=False):
        counts = metrics.status_counts(part)
        rows.append(
            {
                i18n.t("col.unit_group", lang): group_name(None if group == "other" else group, lang),
                i18n.t("col.units_count", lang): len(part),
                **{i18n.status_name(s, lang): counts[s] for s in metrics.STATUS_ORDER},
                i18n.t("metric.recognised", lang): counts["recognised"],
                i18n.t("metric.no_data", lang): counts["no_data"],
            }
        )
    return pd.DataFrame(rows)


def criteria_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("col.criterion", lang): frame["code"] + " — " + frame["content"].fillna(""),
            i18n.t("col.max_points", lang): _num(frame["max_points"], lang),
            i18n.t("col.baseline_points", lang): _num(frame["baseline_points"], lang),
            i18n.t("col.points", lang): _num(frame["points"], lang),
            i18n.t("col.change", lang): _num(frame["change"], lang, signed=True),
        }
    )


def stages_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """A unit's period criterion by criterion (Store.card_scores): the self-score, the working group's
    check and the approval side by side, the group's reason and the evidence (#19). Text as data."""
    evidence = [
        " ".join(v for v in (t, k) if isinstance(v, str) and v) or "—"
        for t, k in zip(frame["evidence_text"], frame["evidence_link"])
    ]
    return pd.DataFrame(
        {
            i18n.t("col.criterion", lang): frame["criterion"],  # the code: its content is in the table above
            i18n.t("col.self_score", lang): _num(frame["self"], lang),
            i18n.t("col.checked_score", lang): _num(frame["checked"], lang),
            i18n.t("col.approved_score", lang): _num(frame["approved"], lang),
            i18n.t("col.reason", lang): [i18n.text_or_dash(v) for v in frame["reason"]],
            i18n.t("col.evidence", lang): evidence,
        }
    )


def gaps_table(gaps: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The largest gaps between a unit's self-score and the working group's check (stages.largest_gaps),
    largest first (#19)."""
    return pd.DataFrame(
        {
            i18n.t("col.unit_name", lang): gaps["unit_name"],
            i18n.t("col.gap", lang): _num(gaps["gap"], lang, signed=True),  # beside the name on a phone
            i18n.t("col.self_score", lang): _num(gaps["self"], lang),
            i18n.t("col.checked_score", lang): _num(gaps["checked"], lang),
        }
    )


def room_table(room: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Criteria with points still to win, most room first: where the next level can come from."""
    return pd.DataFrame(
        {
            i18n.t("col.criterion", lang): room["code"] + " — " + room["content"].fillna(""),
            i18n.t("col.points", lang): _num(room["points"], lang),
            i18n.t("col.max_points", lang): _num(room["max_points"], lang),
            i18n.t("col.room", lang): _num(room["room"], lang),
        }
    )


def plan_item_labels(lang: str = "vi") -> dict[str, str]:
    return {p.code: f"{p.code} — {i18n.t('plan.' + p.code, lang)}" for p in C.PLAN_ITEMS}


def followers_table(people: pd.DataFrame, items: dict[str, str], lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("col.group", lang): [i18n.t("group.label", lang, n=int(g)) for g in people["group_no"]],
            i18n.t("col.member", lang): people["name"],
            i18n.t("col.role", lang): people["role"],
            i18n.t("col.follows", lang): [
                "; ".join(items.get(c, c) for c in codes) or "—" for codes in people["items"]
            ],
        }
    )


def report_figures(report: pd.Series, lang: str = "vi") -> str:
    """One line of a quarterly report's figures, in the reader's number format."""
    parts = []
    for key in ("activities", "participants", "trained", "admitted"):
        value = report.get(key)
        if not is_blank(value):
            parts.append(f"{i18n.t('report.' + key, lang)}: {i18n.fmt_number(value, lang, 0)}")
    funds = report.get("funds")
    if not is_blank(funds):
        parts.append(f"{i18n.t('report.funds', lang)}: {i18n.fmt_number(funds, lang, 0)} đ")
    return " · ".join(parts)


def members_table(people: pd.DataFrame, items: dict[str, str], lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("col.member", lang): people["name"],
            i18n.t("col.role", lang): people["role"],
            i18n.t("col.title", lang): people["title"],
            i18n.t("col.units", lang): people["unit_codes"].fillna("").str.replace(",", ", "),
            i18n.t("col.follows", lang): [
                "; ".join(items.get(c, c) for c in str(codes).split(",") if c) or "—"
                for codes in people["item_codes"].fillna("")
            ],
        }
    )


def arrivals_table(arrivals: pd.DataFrame, names: dict[str, str], lang: str = "vi") -> pd.DataFrame:
    """Per unit and quarter: whether the report came in (✓) or not (✗)."""
    data = {i18n.t("col.unit_name", lang): [names.get(c, c) for c in arrivals.index]}
    for period in arrivals.columns:
        data[i18n.period_name(period, lang)] = [
            "✓ " + i18n.t("groups.came", lang) if v else "✗ " + i18n.t("groups.not_came", lang)
            for v in arrivals[period]
        ]
    return pd.DataFrame(data)


def pairs_table(pairs: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("col.cluster", lang): pairs["cluster"].astype("Int64"),
            i18n.t("chart.special_unit", lang): pairs["unit_name"],
            i18n.t("col.total", lang): _num(pairs["total"], lang),
            i18n.t("col.delta", lang): _num(pairs["delta"], lang, signed=True),
            i18n.t("col.status", lang): [i18n.status_name(s, lang) for s in pairs["status"]],
            i18n.t("chart.companion", lang): pairs["companion_name"],
            i18n.t("col.companion_total", lang): _num(pairs["companion_total"], lang),
            i18n.t("col.pair_note", lang): [pair_note(p, lang) for p in pairs["problems"]],
        }
    )


def pair_note(problems: list[str], lang: str = "vi") -> str:
    """ "⚠ Khác cụm; chưa đạt Vững mạnh" for a pair the plan would want otherwise, else empty."""
    return ("⚠ " + "; ".join(i18n.t(f"pair.{p}", lang) for p in problems)) if problems else ""


def recognised_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Units that earn công nhận tiến bộ: their 2017 and current rating and total."""
    return pd.DataFrame(
        {
            i18n.t("col.unit_name", lang): frame["unit_name"],
            i18n.t("col.baseline_rating", lang): [i18n.rating_name(r, lang) for r in frame["baseline_rating"]],
            i18n.t("col.rating", lang): [i18n.rating_name(r, lang) for r in frame["rating"]],
            i18n.t("col.delta", lang): _num(frame["delta"], lang, signed=True),
        }
    )


def cluster_table(summary: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("col.cluster", lang): summary["cluster"].astype("Int64"),
            i18n.t("col.leader", lang): [i18n.text_or_dash(x) for x in summary["leader"]],
            i18n.t("col.units_count", lang): summary["units"],
            i18n.t("col.special_count", lang): summary["special"].astype(int),
            i18n.t("status.on_track", lang): summary["on_track"],
            i18n.t("status.at_risk", lang): summary["at_risk"],
            i18n.t("status.behind", lang): summary["behind"],
            i18n.t("col.mean_total", lang): _num(summary["mean_total"], lang),
            i18n.t("col.mean_delta", lang): _num(summary["mean_delta"], lang, signed=True),
        }
    )


def problems_table(problems: list, lang: str = "vi") -> pd.DataFrame:
    """Every problem with its place as Excel shows it and what to do."""
    return pd.DataFrame(
        {
            i18n.t("col.severity", lang): [i18n.t("severity." + p.severity, lang) for p in problems],
            i18n.t("col.sheet", lang): [p.sheet for p in problems],
            # a problem of the whole sheet or file has no row: an empty cell, not the grid's "None"
            i18n.t("col.row", lang): [str(p.row) if p.row else "" for p in problems],
            i18n.t("col.unit", lang): [p.unit or "" for p in problems],
            i18n.t("col.column", lang): [p.location(lang).split(", ")[-1] if p.column else "" for p in problems],
            i18n.t("col.what_to_do", lang): [p.message(lang) for p in problems],
        }
    )


def changes_table(changes: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Per unit: the total and rating now and after the upload."""
    return pd.DataFrame(
        {
            i18n.t("col.unit_code", lang): changes["unit_code"],
            i18n.t("col.unit_name", lang): changes["unit_name"],
            i18n.t("col.period", lang): [i18n.period_name(p, lang) for p in changes["period"]],
            i18n.t("col.old_total", lang): _num(changes["old_total"], lang),
            i18n.t("col.new_total", lang): _num(changes["new_total"], lang),
            i18n.t("col.change", lang): _num(changes["change"], lang, signed=True),
            i18n.t("col.old_rating", lang): [i18n.rating_name(r, lang) for r in changes["old_rating"]],
            i18n.t("col.new_rating", lang): [i18n.rating_name(r, lang) for r in changes["new_rating"]],
        }
    )


def batch_summary(batch, lang: str = "vi") -> str:
    kinds = ", ".join(i18n.t(f"kind.{k}", lang) for k in dict.fromkeys(batch.kinds)) or "—"
    periods = ", ".join(i18n.period_name(p, lang) for p in batch.periods) or "—"
    return i18n.t("upload.summary", lang, kinds=kinds, periods=periods, rows=batch.rows(), units=batch.units_touched())


def history_table(history: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The upload history as people read it: newest first, who, when, what, and whether it still counts."""
    return pd.DataFrame(
        {
            "#": history["id"],
            i18n.t("col.when", lang): [i18n.fmt_datetime(v, lang) for v in history["at"]],
            i18n.t("col.by", lang): [i18n.text_or_dash(v) for v in history["by"]],
            i18n.t("col.action", lang): [action_name(r, lang) for r in history.to_dict("records")],
            i18n.t("col.file", lang): [i18n.text_or_dash(v) for v in history["filename"]],
            i18n.t("col.period", lang): [
                ", ".join(i18n.period_name(p, lang) for p in str(v).split(",") if p) or "—" for v in history["periods"]
            ],
            i18n.t("col.rows_added", lang): history["rows_added"],
            i18n.t("col.rows_replaced", lang): history["rows_replaced"],
            i18n.t("col.state", lang): [
                i18n.t("history.active" if a else "history.undone", lang) for a in history["active"]
            ],
        }
    )


def action_name(record: dict, lang: str = "vi") -> str:
    if record["action"] == "rollback":
        return i18n.t("history.action_rollback", lang, id=int(record["target_id"]))
    if record["action"] == "report_text":  # the wording of a report edited (#16): which report
        kind = str(record["kinds"])
        report = i18n.t(f"texts.kind.{kind}", lang) if kind in ("quarter", "midyear", "final") else kind
        return i18n.t("history.action_report_text", lang, report=report)
    kinds = ", ".join(
        i18n.t(f"kind.{k}", lang) for k in str(record["kinds"]).split(",") if f"kind.{k}" in i18n.CATALOGUE
    )
    return i18n.t(f"history.action_{record['action']}", lang, kinds=kinds or "—")


def history_label(record: dict, lang: str = "vi") -> str:
    return (
        f"#{record['id']} — {i18n.fmt_datetime(record['at'], lang)} — {action_name(record, lang)} — "
        f"{i18n.text_or_dash(record['filename'])}"
    )


# ---------------------------------------------------------------- support plans and meetings (#15)


def action_state(status: str | None, overdue: bool, lang: str = "vi") -> str:
    """An action's status as people read it; "Quá hạn" added where the rule says so, never typed."""
    word = i18n.t(f"item.{status}", lang) if status in {s.key for s in C.STATUSES} else i18n.text_or_dash(status)
    return f"{word} · {i18n.t('support.state_overdue', lang)}" if overdue else word


def actions_table(actions: pd.DataFrame, lang: str = "vi", names: dict | None = None) -> pd.DataFrame:
    """A support plan's actions (with an `overdue` column, support.with_overdue), one row each, the plan
    item's code before what is to be done, the due date and the status early so a phone shows them;
    with `names`, the unit's name first and fewer columns (a working group's actions across its units)."""
    if names is not None:  # across units: fewer columns, so the due date and the status stay in view
        return pd.DataFrame(
            {
                i18n.t("col.unit_name", lang): [names.get(c, c) for c in actions["unit_code"]],
                i18n.t("col.action_text", lang): [f"{c}: {a}" for c, a in zip(actions["item_code"], actions["action"])],
                i18n.t("col.due", lang): [i18n.fmt_date(_day(d), lang) for d in actions["due"]],
                i18n.t("col.action_state", lang): [
                    action_state(s, bool(o), lang) for s, o in zip(actions["status"], actions["overdue"])
                ],
                i18n.t("col.owner", lang): [i18n.text_or_dash(v) for v in actions["owner"]],
            }
        ).reset_index(drop=True)
    columns = {
        i18n.t("col.action_no", lang): actions["action_no"].astype("Int64"),
        i18n.t("col.action_text", lang): [f"{c}: {a}" for c, a in zip(actions["item_code"], actions["action"])],
        i18n.t("col.due", lang): [i18n.fmt_date(_day(d), lang) for d in actions["due"]],
        i18n.t("col.action_state", lang): [
            action_state(s, bool(o), lang) for s, o in zip(actions["status"], actions["overdue"])
        ],
        i18n.t("col.result", lang): [i18n.text_or_dash(v) for v in actions["result"]],
        i18n.t("col.owner", lang): [i18n.text_or_dash(v) for v in actions["owner"]],
        i18n.t("col.partner", lang): [i18n.text_or_dash(v) for v in actions["partner"]],
        i18n.t("col.evidence", lang): [i18n.text_or_dash(v) for v in actions["evidence"]],
    }
    return pd.DataFrame(columns).reset_index(drop=True)


def reinforcements_table(frame: pd.DataFrame, names: dict, lang: str = "vi") -> pd.DataFrame:
    """Who was sent, from which unit (its name when it is one of ours), when, for what."""
    return pd.DataFrame(
        {
            i18n.t("col.name", lang): frame["name"].astype(str),
            i18n.t("col.from_unit", lang): [names.get(u, i18n.text_or_dash(u)) for u in frame["from_unit"]],
            i18n.t("col.start", lang): [i18n.fmt_date(_day(d), lang) for d in frame["start"]],
            i18n.t("col.end", lang): [i18n.fmt_date(_day(d), lang) for d in frame["end"]],
            i18n.t("col.task", lang): [i18n.text_or_dash(v) for v in frame["task"]],
        }
    )


def meetings_by_quarter(dates: dict, lang: str = "vi") -> pd.DataFrame:
    """A group's quarters (support.meeting_dates): held on which dates, or not held."""
    return pd.DataFrame(
        {
            i18n.t("col.quarter", lang): [i18n.period_name(q, lang) for q in dates],
            i18n.t("col.meeting", lang): [
                i18n.t("groups.meeting_held", lang, dates=", ".join(i18n.fmt_date(d, lang) for d in days))
                if days
                else i18n.t("groups.meeting_not_held", lang)
                for days in dates.values()
            ],
        }
    )


def _day(value):
    """A stored date (a date, a Timestamp or ISO text) as a date; None where there is none."""
    import datetime as dt

    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()
