"""Tổng quan: units against their 2017 baseline for the chosen quarter, and the plan timeline."""
import datetime as dt

import streamlit as st

from doandata import charts, i18n, metrics, tables
from pages import _state

f = _state.sidebar()
d = _state.data()
lang, settings = f.lang, d["settings"]

st.title(i18n.t("overview.header", lang, period=i18n.period_name(f.period, lang)))
if d["units"].empty:
    st.info(i18n.t("overview.empty", lang))
    st.stop()
frame = _state.progress_for(d, f)
if frame.empty:
    st.info(i18n.t("overview.no_units", lang))
    st.stop()
st.caption(i18n.t("overview.caption", lang, n=len(frame), baseline=settings.baseline_year))

counts = metrics.status_counts(frame)
cols = st.columns(5)
for col, key in zip(cols, ("on_track", "at_risk", "behind", "recognised", "no_data")):
    col.metric(i18n.t(f"metric.{key}", lang), i18n.fmt_number(counts[key], lang, 0))

st.plotly_chart(charts.progress_bullets(frame, f.period, settings, lang), width="stretch")
st.plotly_chart(charts.milestones(settings, dt.date.today(), lang), width="stretch")

st.subheader(i18n.t("overview.table", lang))
st.dataframe(tables.progress_table(frame, lang), hide_index=True, width="stretch")
scale = ", ".join(f"{i18n.rating_name(r.name, lang)} ≥ {i18n.fmt_number(r.minimum, lang)}" for r in settings.scale)
st.caption(i18n.t("scale.note", lang, scale=scale))
