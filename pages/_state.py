"""Shared page state: the store, cached frames, and the sidebar filters kept in the URL.

Every filter lives in st.query_params, so a link reopens exactly the view it was copied from;
widgets are initialised from the URL and write back to it on every run.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from doandata import i18n, ingest, metrics
from doandata.store import Store, default_url

PARAMS = ("lang", "q", "cum", "to", "dt", "unit")
ALL = 0  # "all clusters / all groups" (a None value would show as an empty selectbox)


@st.cache_resource(show_spinner=False)
def store(url: str) -> Store:
    s = Store(url)
    ingest.ensure_seeded(s)
    return s


def current_store() -> Store:
    return store(default_url())


@st.cache_data(show_spinner=False, max_entries=4)
def frames(url: str, version: int) -> dict:
    """Everything the pages draw from, read once per store version (an upload invalidates it)."""
    s = store(url)
    return {
        "settings": s.settings(), "units": s.units(), "totals": s.totals(), "statuses": s.statuses(),
        "criteria": s.criteria(), "members": s.members(), "clusters": s.clusters(),
    }


def data() -> dict:
    s = current_store()
    return frames(s.url, s.version())


@dataclass
class Filters:
    lang: str
    period: str
    cluster: int | None
    group: int | None
    special_only: bool


def language() -> str:
    value = st.session_state.get("f_lang") or st.query_params.get("lang", "vi")
    return value if value in i18n.LANGS else "vi"


def _init(key: str, value) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _param_int(name: str) -> int | None:
    try:
        return int(st.query_params.get(name, ""))
    except ValueError:
        return None


def default_period(d: dict) -> str:
    """The latest quarter with scores, else the first quarter of the plan."""
    quarters = d["settings"].quarters
    have = [p for p in quarters if p in set(d["totals"]["period"])]
    return have[-1] if have else quarters[0]


def ensure_entrypoint() -> None:
    """Hand a cold deep link over to dashboard.py's navigation.

    While a pages/ folder sits beside the entrypoint and no session has called st.navigation yet
    (the first visitor after a restart), Streamlit routes by file name and runs the page script
    alone. The page then switches Streamlit to the entrypoint router and reruns: same URL, same
    query parameters, our navigation and titles.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def sidebar() -> Filters:
    ensure_entrypoint()
    d = data()
    settings = d["settings"]
    quarters = settings.quarters
    clusters = sorted(int(c) for c in d["units"]["cluster"].dropna().unique())
    groups = sorted(int(g) for g in d["units"]["group_no"].dropna().unique())
    q = st.query_params.get("q")
    _init("f_lang", language())
    _init("f_q", q if q in quarters else default_period(d))
    _init("f_cum", _param_int("cum") if _param_int("cum") in clusters else ALL)
    _init("f_to", _param_int("to") if _param_int("to") in groups else ALL)
    _init("f_dt", st.query_params.get("dt") == "1")
    lang = st.session_state["f_lang"]
    with st.sidebar:
        st.radio(i18n.t("filter.language", lang), list(i18n.LANGS), key="f_lang", horizontal=True,
                 format_func=lambda x: {"vi": "Tiếng Việt", "en": "English"}[x])
        lang = st.session_state["f_lang"]
        st.selectbox(i18n.t("filter.quarter", lang), quarters, key="f_q",
                     format_func=lambda p: i18n.period_name(p, lang))
        st.selectbox(i18n.t("filter.cluster", lang), [ALL, *clusters], key="f_cum",
                     format_func=lambda c: i18n.t("filter.cluster_all", lang) if c == ALL
                     else i18n.t("cluster.label", lang, n=c))
        st.selectbox(i18n.t("filter.group", lang), [ALL, *groups], key="f_to",
                     format_func=lambda g: i18n.t("filter.group_all", lang) if g == ALL
                     else i18n.t("group.label", lang, n=g))
        st.toggle(i18n.t("filter.special_only", lang), key="f_dt")
    f = Filters(lang, st.session_state["f_q"], st.session_state["f_cum"], st.session_state["f_to"],
                st.session_state["f_dt"])
    _write_params(f)
    return f


def _write_params(f: Filters) -> None:
    wanted = {"lang": f.lang if f.lang != "vi" else None, "q": f.period,
              "cum": str(f.cluster) if f.cluster else None, "to": str(f.group) if f.group else None,
              "dt": "1" if f.special_only else None}
    for key, value in wanted.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def filtered_units(units, f: Filters):
    chosen = units
    if f.cluster:
        chosen = chosen[chosen["cluster"] == f.cluster]
    if f.group:
        chosen = chosen[chosen["group_no"] == f.group]
    if f.special_only:
        chosen = chosen[chosen["special"]]
    return chosen


def progress_for(d: dict, f: Filters, period: str | None = None):
    units = filtered_units(d["units"], f)
    return metrics.progress(units, d["totals"], d["statuses"], d["settings"], period or f.period)
