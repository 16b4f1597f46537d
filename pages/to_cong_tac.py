"""Tổ công tác: members and roles, the units each group follows and how they fare, reports in."""

import streamlit as st

from doandata import i18n, metrics, tables
from pages import _editor, _sidebar, _snapshot, _stages, _support, _widgets

f = _sidebar.sidebar()
snap = _snapshot.load()
lang, settings = f.lang, snap.settings
pname = i18n.period_name(f.period, lang)


def units_and_reports(codes: list[str]) -> None:
    """The units' figures for the quarter, whether each quarterly report came in, and a reminder."""
    chosen = snap.units[metrics.among(snap.units["unit_code"], codes)]
    frame = snap.progress(f.period, chosen)
    key = _widgets.view_key(snap, f, "table", tuple(codes))
    _widgets.table(_widgets.cached(key, lambda: tables.progress_table(frame, lang)), lang)
    st.subheader(i18n.t("groups.reports", lang, period=pname))
    arrivals = metrics.report_arrivals(snap.unit_rows(codes).reports, codes, f.period, settings)
    _widgets.table(tables.arrivals_table(arrivals, dict(zip(chosen["unit_code"], chosen["name"])), lang), lang)
    missing = int((~arrivals).to_numpy().sum())
    if missing:
        st.warning(i18n.t("groups.missing", lang, n=missing))


st.title(i18n.t("groups.header", lang, period=pname))
members = snap.members
if members.empty:
    st.info(i18n.t("groups.none", lang))
    st.stop()
items = tables.plan_item_labels(lang)
groups = sorted(int(g) for g in members["group_no"].dropna().unique())
followed: set[str] = set()
for group in groups:
    people = members[members["group_no"] == group]
    codes = metrics.group_units(snap.units, people, group)
    followed |= set(codes)
    if f.group and group != f.group:
        continue
    leader = people[people["role"] == "Tổ trưởng"]["name"]
    st.header(i18n.t("groups.group", lang, n=group, leader=_widgets.literal(leader.iloc[0] if len(leader) else "—")))
    _widgets.table(tables.members_table(people, items, lang), lang)
    st.subheader(i18n.t("groups.units", lang))
    if codes:
        units_and_reports(codes)
    else:
        st.write(i18n.t("groups.no_units", lang))
    _support.group_section(snap, f, group, codes, lang)  # meetings, actions, missing reports (#15)
    _stages.approval_section(f.period, pname, group, codes, lang)  # the Standing Committee's approval (#19)

orphans = snap.units[snap.units["group"].notna() & ~metrics.among(snap.units["unit_code"], followed)]
if not f.group and len(orphans):
    st.header(i18n.t("groups.orphans", lang))
    st.caption(i18n.t("groups.orphans_note", lang))
    units_and_reports(list(orphans["unit_code"]))

# ---------------------------------------------------------------- a meeting typed in by an editor (#15)
_support.meeting_form(snap, lang, f.group)
_editor.offer_sign_in(lang)
