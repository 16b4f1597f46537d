"""Cụm: units per cluster, and each special unit beside the strong unit that accompanies it."""

import streamlit as st

from doandata import charts, i18n, metrics, tables
from pages import _sidebar, _snapshot, _widgets

f = _sidebar.sidebar()
snap = _snapshot.load()
lang, settings = f.lang, snap.settings
pname = i18n.period_name(f.period, lang)
st.title(i18n.t("clusters.header", lang, period=pname))
units = snap.filtered_units(f)
if units.empty:
    st.info(i18n.t("overview.no_units", lang))
    st.stop()
frame = snap.progress(f.period, units)
st.caption(tables.subject(frame, f.shown, lang))
pairs = metrics.companion_pairs(units, snap.progress(f.period), settings)
if len(pairs):
    worst = metrics.worst_first(pairs)
    if len(pairs) > charts.MAX_BARS:
        st.caption(i18n.t("clusters.pairs_cut", lang, shown=charts.MAX_BARS, n=i18n.fmt_number(len(pairs), lang, 0)))
    _widgets.show(
        _widgets.figure(
            _widgets.view_key(snap, f, "pairs"),
            lambda: charts.companion_pairs(worst.head(charts.MAX_BARS), f.period, settings, lang),
        )
    )
    _widgets.table(
        _widgets.cached(_widgets.view_key(snap, f, "pairs_table"), lambda: tables.pairs_table(worst, lang)), lang
    )
    if any(len(p) for p in pairs["problems"]):
        st.caption(i18n.t("clusters.pairs_note", lang))
names = dict(zip(snap.units["unit_code"], snap.units["name"]))
summary = metrics.cluster_summary(frame, snap.clusters, names)
st.subheader(i18n.t("clusters.summary", lang))
_widgets.table(tables.cluster_table(summary, lang), lang)
if len(summary) <= 12:  # details per cluster while they fit on a screen; the filter narrows it
    for cluster, part in frame.groupby("cluster", sort=True):
        leader = summary.set_index("cluster").loc[cluster, "leader"]
        st.subheader(i18n.t("clusters.cluster", lang, n=int(cluster), leader=_widgets.literal(leader or "—")))
        key = _widgets.view_key(snap, f, "table", cluster)
        _widgets.table(_widgets.cached(key, lambda part=part: tables.progress_table(part, lang)), lang)
else:
    st.caption(i18n.t("clusters.pick_one", lang))
