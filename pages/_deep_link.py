"""A cold deep link: the first visitor after a restart opens a shared link to a page."""

from __future__ import annotations

import streamlit as st

ENTRYPOINT_SEEN = "_entrypoint_seen"  # set by dashboard.py on every run it makes


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


UNKNOWN_PAGE = "_unknown_page"  # the address asked for, said once on the overview


def forget_unknown_page(pages) -> None:
    """An address no page has (/khong_co) opens the default page, not Streamlit's English "Page not
    found": the browser asks for a page by its name; a name none of `pages` has is kept for the
    overview to say, and the request cleared so the navigation takes its default page."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    manager = ctx.pages_manager if ctx else None
    if manager is None or manager.intended_page_script_hash or not manager.intended_page_name:
        return
    if manager.intended_page_name in {page.url_path for page in pages}:
        return
    st.session_state[UNKNOWN_PAGE] = manager.intended_page_name
    manager.set_script_intent("", "")
