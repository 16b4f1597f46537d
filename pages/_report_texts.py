"""The report's wording on Báo cáo (#16): each prose part drafted from the figures, edited by editors.

Viewers read each part as plain text; a signed-in editor gets a text area per part, prefilled with
the stored text or the draft, with "Lưu" and "Về bản nháp". Each save is one history entry
(Store.save_report_texts), so the next document built carries it (builds keeps them by store version).
"""

import streamlit as st

from doandata import drafts, i18n, reports
from pages import _editor, _snapshot, _widgets

SAVED = "report_text_saved"


@st.cache_data(show_spinner=False, max_entries=16)
def _texts(url: str, version: int, kind: str, period: str, lang: str) -> dict:
    return reports.texts_of(_snapshot.store(), kind, period, lang)


def show(kind: str, period: str, lang: str) -> None:
    snap = _snapshot.load()
    st.header(i18n.t("texts.header", lang))
    st.caption(i18n.t("texts.caption", lang))
    message = st.session_state.pop(SAVED, None)
    if message:
        st.success(message)
    texts = _texts(snap.url, snap.version, kind, period, lang)
    editor = _editor.signed_in()
    if not editor:
        st.caption(i18n.t("texts.sign_in", lang))
        _editor.offer_sign_in(lang)
    for part in drafts.PARTS:
        text = texts[part]
        st.subheader(i18n.t(f"texts.part.{part}", lang))
        st.caption(_state(text, lang))
        if editor:
            _form(kind, period, part, text, lang)
        else:
            st.text(text["text"])  # as typed: never markdown


def _state(text: dict, lang: str) -> str:
    if not text["edited"]:
        return i18n.t("texts.draft", lang)
    return i18n.t("texts.edited", lang, by=_widgets.literal(text["by"]), at=i18n.fmt_datetime(text["at"], lang))


def _form(kind: str, period: str, part: str, text: dict, lang: str) -> None:
    # the key follows the part's stored version: after a save or a revert the box shows what is stored
    with st.form(f"text_{kind}_{period}_{part}"):
        value = st.text_area(
            i18n.t(f"texts.part.{part}", lang),
            value=text["text"],
            height=90 if part in ("opening", "results", "recipients") else 240,
            key=f"text_{kind}_{period}_{part}_{text['entry'] or 0}",
            label_visibility="collapsed",
        )
        c1, c2 = st.columns(2)
        save = c1.form_submit_button(i18n.t("texts.save", lang), type="primary", width="stretch")
        revert = c2.form_submit_button(i18n.t("texts.revert", lang), disabled=not text["edited"], width="stretch")
    if not (save or revert):
        return
    store = _snapshot.store()
    change = {part: "" if revert else value}
    entry = _editor.write(lang, lambda by: store.save_report_texts(kind, period, change, by=by), "texts.unchanged")
    if entry is None:
        return
    st.session_state[SAVED] = i18n.t("texts.reverted" if revert else "texts.saved", lang, entry=entry)
    st.rerun()
