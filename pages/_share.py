"""The share box: the link to this view, to copy, and its QR code for the projector."""

from __future__ import annotations

import streamlit as st

from doandata import i18n, links
from pages import _filters


def share_box(lang: str) -> None:
    with st.sidebar.expander(i18n.t("share.title", lang), icon=":material/share:"):
        st.caption(i18n.t("share.caption", lang))
        params = {p.name: st.query_params.get(p.name) for p in _filters.PARAMS}
        url = links.view_url(st.context.url, params)
        st.code(url, language=None, wrap_lines=True)
        st.image(links.qr_png(url), width=200)
        st.caption(i18n.t("share.present_link", lang))
        present = _filters.PRESENT
        st.code(
            links.view_url(st.context.url, {**params, present.name: present.dump(True)}),
            language=None,
            wrap_lines=True,
        )
