"""Đơn vị: one unit's totals per quarter against baseline and expected path, and its criteria."""
import streamlit as st

from doandata import charts, i18n, metrics, tables
from pages import _state

f = _state.sidebar()
d = _state.data()
lang, settings = f.lang, d["settings"]
units = _state.filtered_units(d["units"], f)
if units.empty:
    st.info(i18n.t("unit.none", lang) if d["units"].empty else i18n.t("overview.no_units", lang))
    st.stop()

codes = list(units["unit_code"])
names = dict(zip(units["unit_code"], units["name"]))
wanted = st.query_params.get("unit")
if st.session_state.get("f_unit") not in codes:
    st.session_state["f_unit"] = wanted if wanted in codes else codes[0]
code = st.selectbox(i18n.t("filter.unit", lang), codes, key="f_unit", format_func=lambda c: f"{c} — {names[c]}")
st.query_params["unit"] = code
unit = units[units["unit_code"] == code].iloc[0]

st.title(unit["name"])
kind = i18n.t("unit.special" if unit["special"] else "unit.regular", lang)
st.caption(i18n.t("unit.caption", lang, code=code, cluster=int(unit["cluster"]), kind=kind))

row = metrics.progress(units[units["unit_code"] == code], d["totals"], d["statuses"], settings, f.period).iloc[0]
pname = i18n.period_name(f.period, lang)
c1, c2, c3, c4 = st.columns(4)
c1.metric(i18n.t("unit.metrics_total", lang, period=pname), i18n.fmt_number(row["total"], lang),
          i18n.fmt_signed(row["delta"], lang) if row["delta"] == row["delta"] else None)
c2.metric(i18n.t("unit.metrics_baseline", lang, year=settings.baseline_year),
          f"{i18n.fmt_number(row['baseline_total'], lang)} · {i18n.rating_name(row['baseline_rating'], lang)}")
c3.metric(i18n.t("unit.metrics_target", lang), i18n.fmt_number(row["target_total"], lang))
c4.metric(i18n.t("unit.metrics_status", lang), i18n.t(f"status.{row['status'] or 'no_data'}", lang))

timeline = metrics.unit_timeline(code, d["units"], d["totals"], settings)
st.plotly_chart(charts.unit_timeline(timeline, unit["name"], settings, lang), width="stretch")

scores = _state.current_store().scores(periods=[settings.baseline_period, f.period], unit_code=code)
compare = metrics.criteria_compare(scores, d["criteria"], code, f.period, settings)
st.plotly_chart(charts.criteria_bars(compare, f.period, settings, lang), width="stretch")
st.subheader(i18n.t("unit.criteria", lang, period=pname, baseline=settings.baseline_year))
st.dataframe(tables.criteria_table(compare, lang), hide_index=True, width="stretch")
