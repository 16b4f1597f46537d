"""Báo cáo: the report for Thường trực (a quarter, the sơ kết or the tổng kết) as .docx and .xlsx."""

import streamlit as st

from doandata import builds, i18n, periods, pictures, reports, support
from pages import _report_texts, _sidebar, _snapshot, _widgets

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
pictures.warm()  # Chromium for the charts starts now, not at the first click
choices = [("quarter", q) for q in settings.quarters] + [(r.key, q) for r, q in periods.reviews(settings.plan_year)]
labels = {c: i18n.period_name(c[1], lang) if c[0] == "quarter" else i18n.t(f"reports.{c[0]}", lang) for c in choices}
chosen = st.selectbox(  # outside the form: the wording below follows the choice
    i18n.t("reports.which", lang), choices, format_func=labels.get, index=choices.index(("quarter", f.period))
)
with st.form("report"):
    c1, c2, c3 = st.columns(3)
    number = c1.text_input(i18n.t("reports.number", lang), help=i18n.t("reports.blank_help", lang))
    date = c2.date_input(
        i18n.t("reports.date", lang), value=None, format="DD/MM/YYYY", help=i18n.t("reports.blank_help", lang)
    )
    signer = c3.text_input(
        i18n.t("reports.signer", lang), settings.signer_name, help=i18n.t("reports.blank_help", lang)
    )
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

_report_texts.show(chosen[0], chosen[1], lang)

# ---------------------------------------------------------------- a working group's quarterly report (#15)


@st.cache_data(show_spinner=False, max_entries=16)
def _group_report(url: str, version: int, group: int, quarter: str, lang: str) -> bytes:
    # no charts: laid out in well under a second, so kept by store version without builds' queue
    return reports.build_group(_snapshot.store(), group, quarter, lang=lang)


st.header(i18n.t("reports.group_header", lang))
st.caption(i18n.t("reports.group_caption", lang))
group_numbers = support.groups_of(snap.units, snap.members)
if group_numbers:
    with st.form("group_report"):
        g1, g2 = st.columns(2)
        group_no = g1.selectbox(
            i18n.t("reports.group_pick", lang),
            group_numbers,
            index=group_numbers.index(f.group) if f.group in group_numbers else 0,
            format_func=lambda g: i18n.t("meeting.group_name", lang, n=g),
        )
        quarter = g2.selectbox(
            i18n.t("reports.group_quarter", lang),
            list(settings.quarters),
            index=list(settings.quarters).index(f.period) if f.period in settings.quarters else 0,
            format_func=lambda q: i18n.period_name(q, lang),
        )
        group_made = st.form_submit_button(i18n.t("reports.group_make", lang))
    if group_made:
        st.session_state["group_report_file"] = {
            "data": _group_report(snap.url, snap.version, int(group_no), quarter, lang),
            "name": f"bao_cao_to_{int(group_no)}_{quarter}.docx",
        }
    made_group = st.session_state.get("group_report_file")
    if made_group:
        st.download_button(
            i18n.t("reports.group_get", lang),
            made_group["data"],
            file_name=made_group["name"],
            icon=":material/description:",
            mime=_widgets.MIME["docx"],
        )
else:
    st.write(i18n.t("groups.none", lang))
