"""Shared page state: the store, cached frames, and the sidebar filters kept in the URL.

Every filter lives in st.query_params, so a link reopens exactly the view it was copied from;
widgets are initialised from the URL and write back to it on every run.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import sqlalchemy as sa
import streamlit as st

from doandata import auth, charts, config, contract, i18n, ingest, links, migrate, templates
from doandata.store import Store, default_url

log = logging.getLogger("doandata")
ENTRYPOINT_SEEN = "_entrypoint_seen"  # set by dashboard.py on every run it makes
PARAMS = ("lang", "q", "cum", "to", "dt", "unit", "present")
# Presentation mode: no sidebar, no toolbar, larger text; the filters come from the link.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; max-width: 100%; }
</style>"""
ALL = 0  # "all clusters / all groups" (a None value would show as an empty selectbox)


@st.cache_resource(show_spinner=False)
def store(url: str) -> Store:
    s = Store(url)
    ingest.ensure_seeded(s)
    return s


def current_store() -> Store:
    """The store, or a plain message and a stopped page when it cannot be opened."""
    try:
        return store(default_url())
    except migrate.NewerStore as exc:
        st.error(i18n.t("store.newer", language(), found=exc.found, known=exc.known))
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        unavailable(exc)
    st.stop()


def unavailable(exc: Exception) -> None:
    """The database went away (a restart, the network): say so plainly and stop the page."""
    log.error("store unavailable: %s: %s", type(exc).__name__, str(exc).splitlines()[0][:200] if str(exc) else "")
    st.error(i18n.t("store.unavailable", language()))
    st.stop()


@st.cache_data(show_spinner=False, max_entries=4)
def frames(url: str, version: int) -> dict:
    """The small frames every page draws from, read once per store version (an upload anywhere,
    through any instance, makes a new version)."""
    return {**store(url).basics(), "version": version}


@st.cache_data(show_spinner=False, max_entries=16)
def period_progress(url: str, version: int, period: str):
    """Every unit's figures for one quarter (totals and items done added up in the database)."""
    s = store(url)
    return s.progress(period, frames(url, version)["settings"], frames(url, version)["units"])


@st.cache_data(show_spinner=False, max_entries=64)
def unit_rows(url: str, version: int, codes: tuple[str, ...]) -> dict:
    """The few units' own rows: totals of every period, plan-item statuses, quarterly reports."""
    return store(url).unit_rows(list(codes))


def data() -> dict:
    s = current_store()
    try:
        return frames(s.url, s.version())
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        unavailable(exc)


@st.cache_data(show_spinner=False, max_entries=20)
def _template_bytes(kind: str, period: str, url: str, version: int) -> bytes:
    d = frames(url, version)
    criteria = d["criteria"] if len(d["criteria"]) else None
    return templates.write_workbook(kind, period=period, criteria=criteria, units=d["units"], settings=d["settings"])


def template_button(where, d: dict, kind: str, period: str, lang: str, key: str) -> None:
    """A button that downloads the template of `kind` for `period`, filled with the store's units."""
    suffix = f"_{period}" if contract.KINDS[kind].periodic else ""
    label = i18n.t("templates.download", lang, kind=i18n.t(f"kind.{kind}", lang))
    where.download_button(
        label,
        _template_bytes(kind, period, current_store().url, d["version"]),
        file_name=f"mau_{kind}{suffix}.xlsx",
        key=key,
        width="stretch",
        icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def of_units(d: dict, codes) -> dict:
    return unit_rows(current_store().url, d["version"], tuple(codes))


@dataclass
class Filters:
    lang: str
    period: str
    cluster: int | None
    group: int | None
    special_only: bool
    present: bool = False


def language() -> str:
    """The language before the page runs (for the navigation's titles)."""
    for value in (st.session_state.get("f_lang"), st.query_params.get("lang"), st.session_state.get("keep_f_lang")):
        if value in i18n.LANGS:
            return value
    return "vi"


def resolve(key: str, from_link, valid) -> None:
    """Set a filter widget's value before it is drawn.

    A link that differs from what this session last wrote wins (a shared link opened, a
    presentation link); then a value the user just changed in the widget; then the value kept from
    the previous run (Streamlit drops widget state and the query string when the page changes);
    then the default."""
    written = st.session_state.get("wrote_" + key)
    kept = st.session_state.get("keep_" + key)
    current = st.session_state.get(key)
    if valid(from_link) and from_link != written:
        value = from_link
    elif valid(current) and current != kept:
        value = current
    elif valid(kept):
        value = kept
    else:
        value = valid.default
    st.session_state[key] = value
    st.session_state["keep_" + key] = value
    st.session_state["wrote_" + key] = from_link if valid(from_link) and from_link == value else written


class Valid:
    def __init__(self, allowed, default):
        self.allowed, self.default = allowed, default

    def __call__(self, value) -> bool:
        return value is not None and value in self.allowed


def _param_int(name: str) -> int | None:
    try:
        return int(st.query_params.get(name, ""))
    except ValueError:
        return None


def default_period(d: dict) -> str:
    """The latest quarter with scores, else the first quarter of the plan."""
    quarters = d["settings"].quarters
    have = [p for p in quarters if p in set(d["scored_periods"])]
    return have[-1] if have else quarters[0]


def ensure_entrypoint() -> None:
    """Hand a cold deep link over to dashboard.py's navigation.

    While a pages/ folder sits beside the entrypoint and no session has called st.navigation yet
    (the first visitor after a restart), Streamlit routes by file name and runs the page script
    alone. The page then switches Streamlit to the entrypoint router and reruns: same URL, same
    query parameters, our navigation and titles.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if st.session_state.get(ENTRYPOINT_SEEN):
        return
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
    # an absent parameter has no opinion (the query string is dropped on every page change);
    # a fresh session without it gets the default anyway
    resolve("f_lang", st.query_params.get("lang"), Valid(i18n.LANGS, "vi"))
    resolve("f_q", st.query_params.get("q"), Valid(quarters, default_period(d)))
    resolve("f_cum", _param_int("cum"), Valid([ALL, *clusters], ALL))
    resolve("f_to", _param_int("to"), Valid([ALL, *groups], ALL))
    resolve("f_dt", {"1": True, "0": False}.get(st.query_params.get("dt", "")), Valid((True, False), False))
    lang = st.session_state["f_lang"]
    with st.sidebar:
        st.radio(
            i18n.t("filter.language", lang),
            list(i18n.LANGS),
            key="f_lang",
            horizontal=True,
            format_func=lambda x: {"vi": "Tiếng Việt", "en": "English"}[x],
        )
        lang = st.session_state["f_lang"]
        st.selectbox(
            i18n.t("filter.quarter", lang), quarters, key="f_q", format_func=lambda p: i18n.period_name(p, lang)
        )
        st.selectbox(
            i18n.t("filter.cluster", lang),
            [ALL, *clusters],
            key="f_cum",
            format_func=lambda c: (
                i18n.t("filter.cluster_all", lang) if c == ALL else i18n.t("cluster.label", lang, n=c)
            ),
        )
        st.selectbox(
            i18n.t("filter.group", lang),
            [ALL, *groups],
            key="f_to",
            format_func=lambda g: i18n.t("filter.group_all", lang) if g == ALL else i18n.t("group.label", lang, n=g),
        )
        st.toggle(i18n.t("filter.special_only", lang), key="f_dt")
    for key, value in (
        ("f_lang", lang),
        ("f_q", st.session_state["f_q"]),
        ("f_cum", st.session_state["f_cum"]),
        ("f_to", st.session_state["f_to"]),
        ("f_dt", st.session_state["f_dt"]),
    ):
        st.session_state["keep_" + key] = st.session_state["wrote_" + key] = value
    present = st.query_params.get("present") == "1"
    f = Filters(
        lang,
        st.session_state["f_q"],
        st.session_state["f_cum"],
        st.session_state["f_to"],
        st.session_state["f_dt"],
        present,
    )
    _write_params(f)
    if present:
        st.html(PRESENT_CSS)
    else:
        _share_box(lang)
        editor_badge(lang)
    return f


def _share_box(lang: str) -> None:
    """The link to this view, to copy, and its QR code for the projector."""
    with st.sidebar.expander(i18n.t("share.title", lang), icon=":material/share:"):
        st.caption(i18n.t("share.caption", lang))
        params = {k: st.query_params.get(k) for k in PARAMS}
        url = links.view_url(st.context.url, params)
        st.code(url, language=None, wrap_lines=True)
        st.image(links.qr_png(url), width=200)
        st.caption(i18n.t("share.present_link", lang))
        st.code(links.view_url(st.context.url, {**params, "present": "1"}), language=None, wrap_lines=True)


def show(fig) -> None:
    """Draw a figure; in presentation mode with larger text for the projector."""
    if st.query_params.get("present") == "1":
        fig = charts.for_projector(fig)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})


def _write_params(f: Filters) -> None:
    wanted = {
        "lang": f.lang if f.lang != "vi" else None,
        "q": f.period,
        "cum": str(f.cluster) if f.cluster else None,
        "to": str(f.group) if f.group else None,
        "dt": "1" if f.special_only else None,
        "present": "1" if f.present else None,
    }
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


def progress_for(d: dict, f: Filters, units=None):
    """Every figure of the chosen quarter for the filtered units (or the units given)."""
    chosen = filtered_units(d["units"], f) if units is None else units
    full = period_progress(current_store().url, d["version"], f.period)
    if len(chosen) == len(d["units"]):
        return full
    return full[full["unit_code"].isin(chosen["unit_code"])].reset_index(drop=True)


# ---------------------------------------------------------------- the editor role


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # noqa: BLE001 - no secrets.toml is a normal set-up
        return {}


def editor_hash() -> str | None:
    return config.editor_password_hash(_secrets())


def editor_name() -> str | None:
    """The signed-in editor's name, checked again against the configuration on every call."""
    name = st.session_state.get("editor_name")
    return name if name and editor_hash() else None


def _client() -> str:
    peer = st.context.ip_address
    return auth.client_address(
        peer if isinstance(peer, str) else None,
        st.context.headers.get("X-Forwarded-For"),
        config.trusted_proxies(_secrets()),
    )


def require_editor(lang: str) -> str:
    """Stop the page unless an editor is signed in; a viewer gets the sign-in form instead."""
    if editor_hash() is None:
        st.warning(i18n.t("auth.not_configured", lang))
        st.stop()
    name = editor_name()
    if name:
        return name
    st.info(i18n.t("auth.editors_only", lang))
    with st.form("login"):
        who = st.text_input(i18n.t("auth.name", lang))
        password = st.text_input(i18n.t("auth.password", lang), type="password")
        sent = st.form_submit_button(i18n.t("auth.sign_in", lang), type="primary")
    if sent:
        try:
            ok, wait = auth.check_login(
                password, editor_hash(), _client(), auth.Throttle(current_store().login_counts())
            )
        except sa.exc.SQLAlchemyError as exc:
            unavailable(exc)
        if ok and who.strip():
            st.session_state["editor_name"] = who.strip()
            st.rerun()
        if ok:
            st.error(i18n.t("auth.name_needed", lang))
        else:
            time.sleep(0.5)  # every wrong try costs time, on top of the growing wait
            st.error(i18n.t("auth.wrong", lang, seconds=int(wait + 0.999)))
    st.stop()


def editor_badge(lang: str) -> None:
    name = editor_name()
    if name:
        st.sidebar.caption(i18n.t("auth.signed_in", lang, name=name))
        if st.sidebar.button(i18n.t("auth.sign_out", lang), key="sign_out"):
            del st.session_state["editor_name"]
            st.rerun()
