"""The share box: the link to this view, to copy, and its QR code for the projector.

The box is reserved in the sidebar before the page runs and filled from the values `settle`
returns: first the sidebar's, then again once the page has settled its own (the unit page's unit)
if that changed the link, so the link, its QR code and the presentation link always name the view
on screen. In presentation mode the sidebar is hidden: the box is reserved at the top of the page instead and
shows a large QR code and the link (without `present`) for the room to open on their phones."""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from doandata import i18n, links
from pages import _filters
from pages._filters import Param

BOX = "share_box_"  # this run's place, its language, the view's link texts so far, and the link drawn


def reserve(lang: str, present: bool = False) -> None:
    """Hold the box's place: in the sidebar, or on the page itself in presentation mode."""
    st.session_state[BOX] = ((st if present else st.sidebar).empty(), lang, {}, present, {"url": None})


def show(values: dict[Param, Any]) -> None:
    """Add settled parameter values to the view and draw the box anew from all of them."""
    box = st.session_state.get(BOX)
    if box is None:
        return
    where, lang, texts, on_page, drawn = box
    texts.update({param.name: param.dump(value) for param, value in values.items()})
    present = _filters.PRESENT
    params = {p.name: texts[p.name] for p in _filters.PARAMS if texts.get(p.name) is not None and p is not present}
    url = links.view_url(st.context.url, params)
    if url == drawn["url"]:  # the page's own values left the link as the sidebar's drew it
        return  # (drawing it again would send the browser the same box twice in one run)
    drawn["url"] = url
    if on_page:
        _on_page(where, url, lang, len(texts))
        return
    with where.container(), st.expander(i18n.t("share.title", lang), icon=":material/share:"):
        st.caption(i18n.t("share.caption", lang))
        st.code(url, language=None, wrap_lines=True)
        st.image(qr_png(url), width=200)
        st.caption(i18n.t("share.present_link", lang))
        st.code(
            links.view_url(st.context.url, {**params, present.name: present.dump(True)}),
            language=None,
            wrap_lines=True,
        )


def _on_page(where, url: str, lang: str, drawn: int) -> None:
    """The projector's share box: a QR code large enough to scan from the back of the room and
    the link beside it (its key names it for the presentation style; one key a drawing)."""
    box = where.container(key=f"present_share_{drawn}", horizontal=True, vertical_alignment="center", gap="large")
    with box:
        st.image(qr_png(url), width=260)
        with st.container():
            st.caption(i18n.t("share.scan", lang))
            st.code(url, language=None, wrap_lines=True)


@functools.lru_cache(maxsize=512)
def qr_png(url: str) -> bytes:
    """A view's QR code, drawn once per link (drawing one cost a tenth of an overview's run)."""
    return links.qr_png(url)
