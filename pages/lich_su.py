"""Lịch sử: every upload, undo and settings change; editors can restore the state before any of them."""

import streamlit as st

from doandata import i18n, tables
from doandata.store import UnknownUpload
from pages import _editor, _sidebar, _snapshot, _widgets

f = _sidebar.sidebar()
lang = f.lang
store = _snapshot.store()
st.title(i18n.t("history.header", lang))
restored = st.session_state.pop("restored", None)
if restored:
    st.success(i18n.t("history.restored", lang, **restored))
history = store.history()
if history.empty:
    st.info(i18n.t("history.empty", lang))
    st.stop()
_widgets.table(tables.history_table(history, lang), lang)

editor = _editor.signed_in()
if not editor:
    st.caption(i18n.t("history.viewer_note", lang))
    st.stop()
samples = store.sample_uploads()
if samples:
    st.subheader(i18n.t("sample.remove_header", lang))
    st.write(i18n.t("sample.remove_text", lang, n=len(samples)))
    sure_sample = st.checkbox(i18n.t("sample.remove_sure", lang), key="unseed_sure")
    again_sample = _editor.password_again(lang, key="unseed_password")
    if st.button(i18n.t("sample.remove_button", lang), disabled=not sure_sample, key="unseed_go"):
        _editor.require(lang)  # checked again where the write happens
        _editor.confirm(again_sample, lang)
        entry = store.remove_sample(by=_editor.signed_in())
        del st.session_state["unseed_password"]
        st.session_state["sample_removed"] = entry
        st.rerun()
removed = st.session_state.pop("sample_removed", None)
if removed:
    st.success(i18n.t("sample.removed", lang, entry=removed))
st.subheader(i18n.t("history.restore_header", lang))
# a backup put back is not undone from here (its rows are the backup's own): restore another backup;
# an upgrade moved defaults no one had edited: before it the defaults are the same, edit the settings
labels = {
    int(r["id"]): tables.history_label(r, lang)
    for r in history.to_dict("records")
    if r["active"] and r["action"] not in ("restore", "upgrade")
}
target = st.selectbox(i18n.t("history.restore_pick", lang), list(labels), format_func=labels.get, key="restore_pick")
sure = st.checkbox(i18n.t("history.restore_sure", lang, id=target), key=f"restore_sure_{target}")
again = _editor.password_again(lang, key="restore_password")
if st.button(i18n.t("history.restore_button", lang, id=target), type="primary", disabled=not sure, key="restore_go"):
    _editor.require(lang)  # checked again where the write happens
    _editor.confirm(again, lang)
    try:
        entry = store.rollback(target, by=_editor.signed_in())
    except UnknownUpload as exc:
        st.error(exc.message(lang))
        st.stop()
    st.session_state["restored"] = {"id": target, "entry": entry}
    del st.session_state["restore_password"]  # the password is not kept in the session
    st.rerun()
