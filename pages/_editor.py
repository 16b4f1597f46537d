"""The editor role: the sign-in form, the check before every write, the badge in the sidebar."""

from __future__ import annotations

import time

import sqlalchemy as sa
import streamlit as st

from doandata import auth, backup, config, i18n
from doandata.store import ReadOnlyStore
from pages import _snapshot


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # noqa: BLE001 - no secrets.toml is a normal set-up
        return {}


def _hash() -> str | None:
    return config.editor_password_hash(_secrets())


def signed_in() -> str | None:
    """The signed-in editor's name, checked again against the configuration on every call."""
    name = st.session_state.get("editor_name")
    return name if name and _hash() else None


def _client() -> str:
    peer = st.context.ip_address
    return auth.client_address(
        peer if isinstance(peer, str) else None,
        st.context.headers.get("X-Forwarded-For"),
        config.trusted_proxies(_secrets()),
    )


def require(lang: str) -> str:
    """Stop the page unless an editor is signed in; a viewer gets the sign-in form instead."""
    if _hash() is None:
        st.warning(i18n.t("auth.not_configured", lang))
        st.stop()
    store = _snapshot.store()
    if store.read_only:  # nothing can be stored, not even a sign-in's count
        st.warning(ReadOnlyStore(backup.sqlite_path(store.engine)).message(lang))
        st.stop()
    name = signed_in()
    if name:
        return name
    st.info(i18n.t("auth.editors_only", lang))
    with st.form("login"):
        who = st.text_input(i18n.t("auth.name", lang))
        password = st.text_input(i18n.t("auth.password", lang), type="password")
        sent = st.form_submit_button(i18n.t("auth.sign_in", lang), type="primary")
    if sent:
        try:
            ok, wait = auth.check_login(password, _hash(), _client(), auth.Throttle(store.login_counts()))
        except sa.exc.SQLAlchemyError as exc:
            _snapshot.unavailable(exc)
        if ok and who.strip():
            st.session_state["editor_name"] = who.strip()
            st.rerun()
        if ok:
            st.error(i18n.t("auth.name_needed", lang))
        else:
            time.sleep(0.5)  # every wrong try costs time, on top of the growing wait
            st.error(i18n.t("auth.wrong", lang, seconds=int(wait + 0.999)))
    st.stop()


def badge(lang: str) -> None:
    """Who is signed in, and the sign-out button."""
    name = signed_in()
    if name:
        st.sidebar.caption(i18n.t("auth.signed_in", lang, name=name))
        if st.sidebar.button(i18n.t("auth.sign_out", lang), key="sign_out"):
            del st.session_state["editor_name"]
            st.rerun()
