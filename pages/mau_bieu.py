"""Mẫu biểu: every workbook of the contract as a template to download."""

import streamlit as st

from doandata import contract, i18n
from pages import _sidebar, _snapshot, _widgets

f = _sidebar.sidebar()
snap = _snapshot.load()
lang = f.lang
st.title(i18n.t("templates.header", lang))
st.caption(i18n.t("templates.caption", lang))
periods = snap.settings.periods
period = st.selectbox(
    i18n.t("templates.period", lang),
    periods,
    index=periods.index(f.period),
    format_func=lambda p: i18n.period_name(p, lang),
    key="template_period",
)

for kind in contract.LOAD_ORDER:
    left, right = st.columns([2, 3])
    _widgets.template_button(left, snap, kind, period, lang, key=f"dl_{kind}")
    right.write(i18n.t(f"templates.help.{kind}", lang))
