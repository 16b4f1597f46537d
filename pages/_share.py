"""The share box: the link to this view, to copy, and its QR code for the projector.

The box is reserved in the sidebar before the page runs and filled from the values `settle`
returns: first the sidebar's, then again once the page has settled its own (the unit page's unit),
so the link, its QR code and the presentation link always name the view on screen."""

from __future__ import annotations

from typing import Any

import streamlit as st

from doandata import i18n, links
from pages import _filters
from pages._filters import Param

BOX = "share_box_"  # this run's place in the sidebar, its language and the view's link texts so far


def reserve(lang: str | None) -> None:
    """Hold the box's place in the sidebar; None (presentation mode): no box in this run."""
    st.session_state[BOX] = None if lang is None else (st.sidebar.empty(), lang, {})


def show(values: dict[Param, Any]) -> None:
    """Add settled parameter values to the view and draw the box anew from all of them."""
    box = st.session_state.get(BOX)
    if box is None:
        return
    where, lang, texts = box
    texts.update({param.name: param.dump(value) for param, value in values.items()})
    params = {p.name: texts[p.name] for p in _filters.PARAMS if texts.get(p.name) is not None}
    url = links.view_url(st.context.url, params)
    present = _filters.PRESENT
    with where.container(), st.expander(i18n.t("share.title", lang), icon=":material/share:"):
        st.caption(i18n.t("share.caption", lang))
        st.code(url, language=None, wrap_lines=True)
        st.image(links.qr_png(url), width=200)
        st.caption(i18n.t("share.present_link", lang))
        st.code(
            links.view_url(st.context.url, {**params, present.name: present.dump(True)}),
            language=None,
            wrap_lines=True,
        )
