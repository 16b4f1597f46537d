"""The support work (#15) as the unit, working-group and overview pages show it, and the editors'
forms where it is changed: an action's status, result and evidence; a meeting. The rules are
doandata.support's; this module only draws them and hands edits to the store."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from doandata import charts, i18n, metrics, support, tables
from doandata import contract as C
from pages import _editor, _snapshot, _widgets
from pages._filters import Filters
from pages._snapshot import Snapshot

SAVED = "support_saved"  # the message of the last edit, shown once after the rerun


@st.cache_data(show_spinner=False, max_entries=4)
def _frames(url: str, version: int) -> dict[str, pd.DataFrame]:
    """The support plans, reinforcements, meetings and quarterly reports, read once per store version."""
    s = _snapshot._open(url)
    return {
        "actions": s.support_actions(),
        "reinforcements": s.reinforcements(),
        "meetings": s.meetings(),
        "reports": s.reports()[["unit_code", "period", "proposals"]],
    }


def frames(snap: Snapshot) -> dict[str, pd.DataFrame]:
    return _frames(snap.url, snap.version)


def _saved_message() -> None:
    message = st.session_state.pop(SAVED, None)
    if message:
        st.success(message)


# ---------------------------------------------------------------- unit page


def unit_section(snap: Snapshot, f: Filters, code: str, lang: str) -> None:
    """The unit's support plan, its actions on a timeline and in a table (editors update them
    here), the reinforcement staff and the meetings that discussed the unit."""
    data = frames(snap)
    day = support.judged_at(f.period)
    pname = i18n.period_name(f.period, lang)
    names = dict(zip(snap.units["unit_code"], snap.units["name"]))
    st.header(i18n.t("support.header", lang))
    _saved_message()
    plan = support.unit_plan(data["actions"], code)
    actions = support.with_overdue(plan["actions"], day)
    if actions.empty:
        st.info(i18n.t("support.none", lang))
    else:
        if plan["assessment"]:
            st.markdown(f"**{i18n.t('support.assessment', lang)}**")
            st.text(plan["assessment"])
        if plan["agreed"] or plan["agreed_date"]:
            st.markdown(
                "**"
                + (
                    i18n.t("support.agreed", lang, date=i18n.fmt_date(plan["agreed_date"], lang))
                    if plan["agreed_date"]
                    else i18n.t("support.agreed_undated", lang)
                )
                + "**"
            )
            if plan["agreed"]:
                st.text(plan["agreed"])
        counts = support.action_counts(actions, [code], day)
        st.subheader(i18n.t("support.actions", lang))
        st.caption(
            i18n.t(
                "support.counts",
                lang,
                n=counts["actions"],
                done=counts["done"],
                open=counts["open"],
                overdue=counts["overdue"],
                day=i18n.fmt_date(day, lang),
            )
        )
        _widgets.show(
            _widgets.figure(
                _widgets.view_key(snap, f, "actions", code),
                lambda: charts.actions_timeline(actions, day, i18n.t("chart.actions_day", lang, period=pname), lang),
            )
        )
        _widgets.table(tables.actions_table(actions, lang), lang)
        st.caption(i18n.t("support.overdue_note", lang, day=i18n.fmt_date(day, lang)))
        _action_editor(actions, code, names.get(code, code), lang)

    st.subheader(i18n.t("support.reinforcements", lang))
    sent = support.reinforcements_to(data["reinforcements"], code)
    if sent.empty:
        st.write(i18n.t("support.reinforcements_none", lang))
    else:
        _widgets.table(tables.reinforcements_table(sent, names, lang), lang)

    st.subheader(i18n.t("support.meetings", lang))
    held = support.meetings_about(data["meetings"], code)
    if held.empty:
        st.write(i18n.t("support.meetings_none", lang))
    for meeting in held.to_dict("records"):
        _meeting(meeting, data["actions"], names, day, lang)


def _meeting(meeting: dict, actions: pd.DataFrame, names: dict, day: dt.date, lang: str) -> None:
    label = i18n.t(
        "support.meeting_of",
        lang,
        group=int(meeting["group_no"]),
        date=i18n.fmt_date(tables._day(meeting["meeting_date"]), lang),
        place=_widgets.literal(i18n.text_or_dash(meeting["place"])),
    )
    with st.expander(label):
        units = [names.get(c, c) for c in str(meeting["units_discussed"] or "").split(",") if c]
        for key, value in (
            ("support.present", meeting["present"]),
            ("support.absent", meeting["absent"]),
            ("support.units", ", ".join(units)),
            ("support.conclusions", meeting["conclusions"]),
            ("support.solutions", meeting["solutions"]),
        ):
            # one line each, the label bold and the minutes' text as typed (literal: no markdown of theirs)
            st.markdown(f"**{i18n.t(key, lang)}:** {_widgets.literal(i18n.text_or_dash(value if value else None))}")
        linked = support.linked_actions(actions, meeting)
        if len(linked):
            st.markdown(f"**{i18n.t('support.linked', lang)}**")
            _widgets.table(tables.actions_table(support.with_overdue(linked, day), lang, names), lang)


def _action_editor(actions: pd.DataFrame, code: str, unit_name: str, lang: str) -> None:
    """For editors: pick an action, change its status, result and evidence; the role is checked
    again right before the write, and the change is a history entry."""
    editor = _editor.signed_in()
    if not editor:
        st.caption(i18n.t("support.edit_viewer", lang))
        _editor.offer_sign_in(lang)
        return
    st.subheader(i18n.t("support.edit", lang))
    labels = {
        int(r["action_no"]): f"{int(r['action_no'])}. {r['item_code']} — {charts.short_name(str(r['action']))}"
        for r in actions.to_dict("records")
    }
    number = st.selectbox(
        i18n.t("support.edit_pick", lang), list(labels), format_func=labels.get, key=f"action_pick_{code}"
    )
    row = actions[actions["action_no"] == number].iloc[0]
    keys = [s.key for s in C.STATUSES]
    with st.form(f"action_{code}_{number}"):
        status = st.selectbox(
            i18n.t("support.edit_status", lang),
            keys,
            index=keys.index(row["status"]) if row["status"] in keys else 0,
            format_func=lambda k: i18n.t(f"item.{k}", lang),
        )
        result = st.text_area(i18n.t("support.edit_result", lang), value=_text(row["result"]), height=80)
        evidence = st.text_input(i18n.t("support.edit_evidence", lang), value=_text(row["evidence"]))
        sent = st.form_submit_button(i18n.t("support.edit_save", lang), type="primary")
    if not sent:
        return
    store = _snapshot.store()
    entry = _editor.write(
        lang,
        lambda by: store.update_action(code, int(number), by=by, status=status, result=result, evidence=evidence),
        "support.edit_unchanged",
    )
    if entry is None:
        return
    st.session_state[SAVED] = i18n.t(
        "support.edit_saved", lang, number=int(number), unit=_widgets.literal(unit_name), entry=entry
    )
    st.rerun()


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


# ---------------------------------------------------------------- working-group page


def group_section(snap: Snapshot, f: Filters, group: int, codes: list[str], lang: str) -> None:
    """A working group's quarterly meetings (Q1–Q4, held or not, with the dates), its units' open
    and overdue actions, and the units whose report for the quarter has not come in, by name."""
    data = frames(snap)
    pname = i18n.period_name(f.period, lang)
    names = dict(zip(snap.units["unit_code"], snap.units["name"]))
    st.subheader(i18n.t("groups.meetings", lang))
    dates = support.meeting_dates(data["meetings"], group, list(snap.settings.quarters))
    _widgets.table(tables.meetings_by_quarter(dates, lang), lang)

    day = support.judged_at(f.period)
    st.subheader(i18n.t("groups.actions", lang, period=pname))
    counts = support.action_counts(data["actions"], codes, day)
    st.caption(
        i18n.t("groups.actions_counts", lang, open=counts["open"], overdue=counts["overdue"], done=counts["done"])
    )
    mine = support.with_overdue(data["actions"][metrics.among(data["actions"]["unit_code"], codes)], day)
    open_ = mine[mine["status"] != support.DONE].sort_values(["overdue", "due"], ascending=[False, True])
    _widgets.table(tables.actions_table(open_, lang, names), lang)

    missing = support.missing_reports(snap.units, snap.members, data["reports"], group, f.period)
    if missing:
        st.warning(i18n.t("groups.reports_missing", lang, period=pname, names=_widgets.literal(", ".join(missing))))
    elif codes:
        st.success(i18n.t("groups.reports_all_in", lang, period=pname))


def meeting_form(snap: Snapshot, lang: str, chosen: int | None = None) -> None:
    """For editors: a meeting typed in, as a row of the minutes would be, stored as a history entry."""
    _saved_message()
    if not _editor.signed_in():
        return
    groups = support.groups_of(snap.units, snap.members)
    if not groups:
        return
    names = dict(zip(snap.units["unit_code"], snap.units["name"]))
    st.header(i18n.t("meeting.header", lang))
    with st.form("meeting_form"):
        c1, c2 = st.columns(2)
        group = c1.selectbox(
            i18n.t("meeting.group", lang),
            groups,
            index=groups.index(chosen) if chosen in groups else 0,  # the group the sidebar shows
            format_func=lambda g: i18n.t("meeting.group_name", lang, n=g),
            key="meeting_group",
        )
        day = c2.date_input(i18n.t("meeting.date", lang), value=None, format="DD/MM/YYYY", key="meeting_date")
        place = st.text_input(i18n.t("meeting.place", lang))
        c3, c4 = st.columns(2)
        present = c3.text_area(i18n.t("support.present", lang), height=80)
        absent = c4.text_area(i18n.t("support.absent", lang), height=80)
        units = st.multiselect(i18n.t("support.units", lang), list(names), format_func=lambda c: f"{c} — {names[c]}")
        conclusions = st.text_area(i18n.t("support.conclusions", lang), height=100)
        solutions = st.text_area(i18n.t("support.solutions", lang), height=100)
        sent = st.form_submit_button(i18n.t("meeting.save", lang), type="primary")
    if not sent:
        return
    if day is None:
        st.error(i18n.t("meeting.date_needed", lang))
        return
    store = _snapshot.store()
    entry = _editor.write(
        lang,
        lambda by: store.add_meeting(
            by=by,
            group_no=int(group),
            meeting_date=day,
            place=place,
            present=present,
            absent=absent,
            units_discussed=units,
            conclusions=conclusions,
            solutions=solutions,
        ),
    )
    if entry is None:
        return
    st.session_state[SAVED] = i18n.t("meeting.saved", lang, group=group, date=i18n.fmt_date(day, lang), entry=entry)
    st.rerun()


# ---------------------------------------------------------------- overview


def overview_section(snap: Snapshot, f: Filters, frame: pd.DataFrame, lang: str) -> None:
    """Actions done and overdue, groups that have not met in the quarter, followed units whose
    quarterly report has not come in: a few numbers and one line of names."""
    pname = i18n.period_name(f.period, lang)

    def counted() -> tuple[dict, str]:  # once per view (a third of the 5,000-unit overview's run)
        data = frames(snap)
        expected = list(metrics.in_set(frame, "followed")["unit_code"])
        groups = support.groups_of(snap.units, snap.members, data["meetings"])
        seen = support.overview(
            snap.units, data["actions"], data["meetings"], data["reports"], groups, f.period, expected
        )
        nobody = i18n.t("overview.nobody", lang)
        caption = i18n.t(
            "overview.support_caption",
            lang,
            groups=", ".join(i18n.t("meeting.group_name", lang, n=g) for g in seen["groups_not_met"]) or nobody,
            period=pname,
            names=_widgets.literal(", ".join(seen["reports_missing"])) or nobody,
        )
        return seen, caption

    seen, caption = _widgets.cached(_widgets.view_key(snap, f, "support"), counted)
    st.subheader(i18n.t("overview.support", lang, period=pname))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(
        i18n.t("overview.actions_done", lang),
        f"{i18n.fmt_number(seen['done'], lang, 0)}/{i18n.fmt_number(seen['actions'], lang, 0)}",
    )
    c2.metric(i18n.t("overview.actions_overdue", lang), i18n.fmt_number(seen["overdue"], lang, 0))
    c3.metric(i18n.t("overview.groups_not_met", lang), i18n.fmt_number(len(seen["groups_not_met"]), lang, 0))
    c4.metric(i18n.t("overview.reports_missing", lang), i18n.fmt_number(len(seen["reports_missing"]), lang, 0))
    st.caption(caption)
