"""Every page's first call: the filters of the link, drawn in the sidebar and written back to it.

The filters are drawn by each page (not by dashboard.py) so a page run alone, as AppTest does,
has the same state."""

from __future__ import annotations

import streamlit as st

from doandata import i18n
from pages import _deep_link, _editor, _filters, _share, _snapshot, _widgets
from pages._filters import ALL, CLUSTER, GROUP, LANG, QUARTER, SHOWN, SIDEBAR, Filters, filters, resolve, settle

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def sidebar() -> Filters:
    _deep_link.ensure_entrypoint()
    snap = _snapshot.load()
    resolve(SIDEBAR, snap)
    with st.sidebar:
        _draw(snap)
    values = settle(SIDEBAR, snap)
    f = filters(values)
    _filters.say_ignored(f.lang)
    _share.reserve(f.lang, f.present)
    _share.show(values)
    _widgets.page_style(f.present)
    if not f.present:
        _editor.badge(f.lang)
    if snap.sample:  # one line on every page, above the title, that the figures are the sample's
        st.caption(":material/info: " + i18n.t("sample.banner", f.lang))
    return f


def _draw(snap: _snapshot.Snapshot) -> None:
    st.radio(
        i18n.t("filter.language", st.session_state[LANG.key]),
        LANG.allowed(snap, None),
        key=LANG.key,
        horizontal=True,
        format_func=LANGUAGE_NAMES.get,
    )
    lang = st.session_state[LANG.key]
    st.selectbox(
        i18n.t("filter.quarter", lang),
        QUARTER.allowed(snap, None),
        key=QUARTER.key,
        format_func=lambda p: i18n.period_name(p, lang),
    )
    st.selectbox(
        i18n.t("filter.cluster", lang),
        CLUSTER.allowed(snap, None),
        key=CLUSTER.key,
        format_func=lambda c: i18n.t("filter.cluster_all", lang) if c == ALL else i18n.t("cluster.label", lang, n=c),
    )
    st.selectbox(
        i18n.t("filter.group", lang),
        GROUP.allowed(snap, None),
        key=GROUP.key,
        format_func=lambda g: i18n.t("filter.group_all", lang) if g == ALL else i18n.t("group.label", lang, n=g),
    )
    st.selectbox(
        i18n.t("filter.shown", lang),
        SHOWN.allowed(snap, None),
        key=SHOWN.key,
        format_func=lambda v: i18n.t(f"shown.{v}", lang),
        help=i18n.t("filter.shown_help", lang),
    )
