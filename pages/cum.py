"""Cụm: units per cluster, and each special unit beside the strong unit that accompanies it."""
import streamlit as st

from doandata import charts, i18n, metrics, tables
from pages import _state

f = _state.sidebar()
d = _state.data()
lang, settings = f.lang, d["settings"]
pname = i18n.period_name(f.period, lang)
st.title(i18n.t("clusters.header", lang, period=pname))
units = _state.filtered_units(d["units"], f)
if units.empty:
    st.info(i18n.t("overview.no_units", lang))
    st.stop()
frame = metrics.progress(units, d["totals"], d["statuses"], settings, f.period)
pairs = metrics.companion_pairs(units, metrics.progress(d["units"], d["totals"], d["statuses"], settings, f.period))
if len(pairs):
    _state.show(charts.companion_pairs(pairs, f.period, settings, lang))
    st.dataframe(tables.pairs_table(pairs, lang), hide_index=True, width="stretch")
leaders = dict(zip(d["clusters"]["cluster"], d["clusters"]["leader_code"]))
names = dict(zip(d["units"]["unit_code"], d["units"]["name"]))
for cluster, part in frame.groupby("cluster", sort=True):
    leader = leaders.get(cluster)
    st.subheader(i18n.t("clusters.cluster", lang, n=int(cluster),
                        leader=names.get(leader, "—") if isinstance(leader, str) else "—"))
    st.dataframe(tables.progress_table(part, lang), hide_index=True, width="stretch")
