"""The editor role: the sign-in form, the check before every write, the badge in the sidebar."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

import sqlalchemy as sa
import streamlit as st

from doandata import auth, backup, config, i18n, schema, text
from doandata.errors import DoanError
from doandata.store import ReadOnlyStore
from pages import _snapshot, _widgets

log = logging.getLogger("doandata.auth")
NAME_CHARS = schema.uploads.c.by.type.length  # the editor's name goes into every history entry


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # noqa: BLE001 - no secrets.toml is a normal set-up
        return {}


def _hash() -> str | None:
    return config.editor_password_hash(_secrets())


def _fingerprint(stored: str) -> str:
    """What a session keeps of the hash it signed in with: enough to notice a new password."""
    return hashlib.sha256(stored.encode()).hexdigest()[:16]


def signed_in() -> str | None:
    """The signed-in editor's name while the sign-in holds: made with the password configured now
    (a new hash signs every editor out) and younger than the session's hours. Called before every
    write, through require."""
    name, stored = st.session_state.get("editor_name"), _hash()
    if not name or not stored:
        return None
    hours = config.editor_session_hours(_secrets())
    if (
        st.session_state.get("editor_key") != _fingerprint(stored)
        or time.time() - st.session_state.get("editor_since", 0.0) > hours * 3600
    ):
        _sign_out()
        st.session_state["editor_ended"] = True
        return None
    return name


def _sign_in(name: str) -> None:
    st.session_state.update(editor_name=name, editor_key=_fingerprint(_hash() or ""), editor_since=time.time())


def _sign_out() -> None:
    for key in ("editor_name", "editor_key", "editor_since"):
        st.session_state.pop(key, None)


def _client() -> str:
    peer = st.context.ip_address
    return auth.client_address(
        peer if isinstance(peer, str) else None,
        st.context.headers.get("X-Forwarded-For"),
        config.trusted_proxies(_secrets()),
    )


@st.cache_resource(show_spinner=False)
def _log_shared_counter() -> None:
    """Once per process, at the first sign-in form that cannot tell its visitor's address."""
    log.warning(
        "no client address for editor sign-ins (a proxy on this machine without X-Forwarded-For, or "
        "DOANDATA_TRUSTED_PROXIES unset): every visitor shares one failure counter, so one person's wrong "
        "passwords make every editor wait; have the proxy send X-Forwarded-For and set DOANDATA_TRUSTED_PROXIES"
    )


def _warn_if_shared(lang: str) -> None:
    """Without an address every visitor shares the one counter of auth.UNKNOWN: say so."""
    if _client() == auth.UNKNOWN:
        _log_shared_counter()
        st.warning(i18n.t("auth.shared_counter", lang))


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
    if st.session_state.pop("editor_ended", False):
        st.info(i18n.t("auth.session_ended", lang))
    st.info(i18n.t("auth.editors_only", lang))
    _warn_if_shared(lang)
    _login_form(store, lang, "login")
    st.stop()


def write(lang: str, change: Callable[[str], int | None], unchanged: str | None = None) -> int | None:
    """An editor's change as every page makes it: the role checked again where the write happens,
    `change(by)` run, a refusal said in the reader's language; `unchanged` (a catalogue key) said when
    the store reports nothing changed. The history entry, or None when nothing was stored."""
    by = require(lang)
    try:
        entry = change(by)
    except DoanError as exc:
        st.error(exc.message(lang))
        return None
    if entry is None and unchanged:
        st.info(i18n.t(unchanged, lang))
    return entry


def offer_sign_in(lang: str) -> None:
    """On a page everyone reads and editors also write (support, wording, commendations): the sign-in
    form folded under the page's read-only view, so an editor signs in where the work is."""
    if _hash() is None or signed_in():  # no editor password set up: nobody edits
        return
    store = _snapshot.store()
    if store.read_only:
        return
    with st.expander(i18n.t("auth.sign_in_here", lang), icon=":material/login:"):
        _warn_if_shared(lang)
        _login_form(store, lang, "login_here")


def _login_form(store, lang: str, key: str) -> None:
    with st.form(key):
        who = st.text_input(i18n.t("auth.name", lang), max_chars=NAME_CHARS)
        password = st.text_input(i18n.t("auth.password", lang), type="password")
        sent = st.form_submit_button(i18n.t("auth.sign_in", lang), type="primary")
    if sent:
        try:
            ok, wait = auth.check_login(password, _hash(), _client(), auth.Throttle(store.login_counts()))
        except sa.exc.SQLAlchemyError as exc:
            _snapshot.unavailable(exc)
        who = text.clean_text(who)[:NAME_CHARS]  # what the history's column holds, as typed
        if ok and who:
            _sign_in(who)
            st.rerun()
        if ok:
            st.error(i18n.t("auth.name_needed", lang))
        else:
            time.sleep(0.5)  # every wrong try costs time, on top of the growing wait
            st.error(i18n.t("auth.wrong", lang, seconds=int(wait + 0.999)))


def badge(lang: str) -> None:
    """Who is signed in, and the sign-out button."""
    name = signed_in()
    if name:
        st.sidebar.caption(i18n.t("auth.signed_in", lang, name=_widgets.literal(name)))
        if st.sidebar.button(i18n.t("auth.sign_out", lang), key="sign_out"):
            _sign_out()
            st.rerun()


def password_again(lang: str, key: str) -> str:
    """The password field of a restore or a change of settings."""
    return st.text_input(i18n.t("auth.password_again", lang), type="password", key=key)


def confirm(password: str, lang: str) -> None:
    """Before a restore or a change of settings the password is asked again, so a session that
    another client took over (a leaked session id) cannot do either; a wrong one counts as a failed
    sign-in. Stops the page unless it is right."""
    if not password:
        st.error(i18n.t("auth.password_again_needed", lang))
        st.stop()
    try:
        ok, wait = auth.check_login(password, _hash(), _client(), auth.Throttle(_snapshot.store().login_counts()))
    except sa.exc.SQLAlchemyError as exc:
        _snapshot.unavailable(exc)
    if not ok:
        time.sleep(0.5)
        st.error(i18n.t("auth.wrong", lang, seconds=int(wait + 0.999)))
        st.stop()
