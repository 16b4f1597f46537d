"""Tổ công tác: members and roles, the units each group follows and how they fare, reports in."""
import streamlit as st

from doandata import i18n, metrics, tables
from pages import _state

f = _state.sidebar()
d = _state.data()
lang, settings = f.lang, d["settings"]
pname = i18n.period_name(f.period, lang)
st.title(i18n.t("groups.header", lang, period=pname))
members = d["members"]
if members.empty:
    st.info(i18n.t("groups.none", lang))
    st.stop()
items = tables.plan_item_labels(lang)
groups = sorted(int(g) for g in members["group_no"].dropna().unique())
for group in [g for g in groups if not f.group or g == f.group]:
    people = members[members["group_no"] == group]
    leader = people[people["role"] == "Tổ trưởng"]["name"]
    st.header(i18n.t("groups.group", lang, n=group, leader=leader.iloc[0] if len(leader) else "—"))
    st.dataframe(tables.members_table(people, items, lang), hide_index=True, width="stretch")
    codes = metrics.group_units(d["units"], people, group)
    if not codes:
        st.write(i18n.t("groups.no_units", lang))
        continue
    assigned = d["units"][d["units"]["unit_code"].isin(codes)]
    frame = metrics.progress(assigned, d["totals"], d["statuses"], settings, f.period)
    st.subheader(i18n.t("groups.units", lang))
    st.dataframe(tables.progress_table(frame, lang), hide_index=True, width="stretch")
    st.subheader(i18n.t("groups.reports", lang, period=pname))
    arrivals = metrics.report_arrivals(d["reports"], codes, f.period, settings)
    st.dataframe(tables.arrivals_table(arrivals, dict(zip(assigned["unit_code"], assigned["name"])), lang),
                 hide_index=True, width="stretch")
    missing = int((~arrivals).to_numpy().sum())
    if missing:
        st.warning(i18n.t("groups.missing", lang, n=missing))

followed = {c for g in groups for c in metrics.group_units(d["units"], members[members["group_no"] == g], g)}
orphans = d["units"][d["units"]["special"] & ~d["units"]["unit_code"].isin(followed)]
if not f.group and len(orphans):
    st.header(i18n.t("groups.orphans", lang))
    st.caption(i18n.t("groups.orphans_note", lang))
    codes = list(orphans["unit_code"])
    frame = metrics.progress(orphans, d["totals"], d["statuses"], settings, f.period)
    st.dataframe(tables.progress_table(frame, lang), hide_index=True, width="stretch")
    arrivals = metrics.report_arrivals(d["reports"], codes, f.period, settings)
    st.dataframe(tables.arrivals_table(arrivals, dict(zip(orphans["unit_code"], orphans["name"])), lang),
                 hide_index=True, width="stretch")
    missing = int((~arrivals).to_numpy().sum())
    if missing:
        st.warning(i18n.t("groups.missing", lang, n=missing))
