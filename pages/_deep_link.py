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
