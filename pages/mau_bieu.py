"""Mẫu biểu: every workbook of the contract as a template to download."""
import streamlit as st

from doandata import contract, i18n, templates
from pages import _state

f = _state.sidebar()
d = _state.data()
lang = f.lang
st.title(i18n.t("templates.header", lang))
st.caption(i18n.t("templates.caption", lang))
periods = d["settings"].periods
period = st.selectbox(i18n.t("templates.period", lang), periods, index=periods.index(f.period),
                      format_func=lambda p: i18n.period_name(p, lang), key="template_period")


@st.cache_data(show_spinner=False, max_entries=20)
def template_bytes(kind: str, period: str, version: int) -> bytes:
    criteria = d["criteria"] if len(d["criteria"]) else None
    return templates.write_workbook(kind, period=period, criteria=criteria, units=d["units"], settings=d["settings"])


version = _state.current_store().version()
for kind in contract.LOAD_ORDER:
    name = i18n.t(f"kind.{kind}", lang)
    left, right = st.columns([2, 3])
    suffix = f"_{period}" if contract.KINDS[kind].periodic else ""
    left.download_button(i18n.t("templates.download", lang, kind=name), template_bytes(kind, period, version),
                         file_name=f"mau_{kind}{suffix}.xlsx", key=f"dl_{kind}", width="stretch",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    right.write(i18n.t(f"templates.help.{kind}", lang))
