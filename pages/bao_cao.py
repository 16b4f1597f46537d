"""Báo cáo: the report for Thường trực (a quarter, the sơ kết or the tổng kết) as .docx and .xlsx."""

import streamlit as st

from doandata import builds, i18n, periods, reports
from pages import _sidebar, _snapshot, _widgets

f = _sidebar.sidebar()
lang = f.lang
snap = _snapshot.load()
settings = snap.settings
st.title(i18n.t("reports.header", lang))
st.caption(i18n.t("reports.caption", lang))
if snap.units.empty:
    st.info(i18n.t("reports.empty", lang), icon=":material/info:")
    c1, c2 = st.columns(2)
    c1.page_link("pages/tai_len.py", label=i18n.t("nav.upload", lang), icon=":material/upload_file:")
    c2.page_link("pages/mau_bieu.py", label=i18n.t("nav.templates", lang), icon=":material/download:")
    st.stop()
choices = [("quarter", q) for q in settings.quarters] + [(r.key, q) for r, q in periods.reviews(settings.plan_year)]
labels = {c: i18n.period_name(c[1], lang) if c[0] == "quarter" else i18n.t(f"reports.{c[0]}", lang) for c in choices}
with st.form("report"):
    chosen = st.selectbox(
        i18n.t("reports.which", lang), choices, format_func=labels.get, index=choices.index(("quarter", f.period))
    )
    c1, c2, c3 = st.columns(3)
    number = c1.text_input(i18n.t("reports.number", lang), help=i18n.t("reports.blank_help", lang))
    date = c2.date_input(
        i18n.t("reports.date", lang), value=None, format="DD/MM/YYYY", help=i18n.t("reports.blank_help", lang)
    )
    signer = c3.text_input(i18n.t("reports.signer", lang), help=i18n.t("reports.blank_help", lang))
    code = st.text_input(i18n.t("reports.code", lang), value="BC/ĐTN")
    made = st.form_submit_button(i18n.t("reports.make", lang), type="primary")

if made:
    signing = reports.Signing(number=number.strip(), code=code.strip() or "BC/ĐTN", signer=signer.strip(), date=date)
    store = _snapshot.store()
    waiting = st.empty()

    def wait_turn() -> None:
        waiting.info(i18n.t("reports.waiting", lang), icon=":material/hourglass_top:")

    with st.spinner(i18n.t("reports.making", lang)):
        st.session_state["report_files"] = {
            fmt: builds.document(store, chosen[0], chosen[1], fmt, signing, on_wait=wait_turn)
            for fmt in ("docx", "xlsx")
        } | {"name": f"bao_cao_{chosen[0]}_{chosen[1]}"}
    waiting.empty()
files = st.session_state.get("report_files")
if files:
    st.success(i18n.t("reports.ready", lang))
    for col, fmt, icon in zip(st.columns(2), ("docx", "xlsx"), (":material/description:", ":material/table:")):
        col.download_button(
            i18n.t(f"reports.get_{fmt}", lang),
            files[fmt],
            file_name=f"{files['name']}.{fmt}",
            icon=icon,
            width="stretch",
            mime=_widgets.MIME[fmt],
        )
