"""Entry point: page config and navigation. Run: streamlit run dashboard.py"""

from pathlib import Path

import streamlit as st

from doandata import i18n, safety
from pages import _deep_link, _filters

safety.require_defused_xml()  # fail closed: no XML parsing with entity expansion

st.session_state[_deep_link.ENTRYPOINT_SEEN] = True
lang = _filters.language()
# The browser tab's icon is a file the app serves itself: a Material icon as page_icon makes the
# browser fetch it from an external font host, which an office network without internet blocks.
# (Material icons elsewhere, in the navigation and on buttons, come from the font Streamlit serves.)
FAVICON = Path(__file__).parent / "assets" / "favicon.png"
st.set_page_config(page_title=i18n.t("app.title", lang), page_icon=FAVICON, layout="wide")

# Page URLs are the file names (/tong_quan, /don_vi): until a session has called st.navigation,
# Streamlit routes a deep link by the files of pages/, so any other url_path would show "Page not
# found" to the first person who opens a shared link after a restart. The app root forwards to
# /tong_quan with its query, so the overview has one address whichever way it is opened.
OVERVIEW = st.Page("pages/tong_quan.py", title=i18n.t("nav.overview", lang), icon=":material/dashboard:")


def _root() -> None:
    st.switch_page(OVERVIEW, query_params=dict(st.query_params))


PAGES = [
    st.Page(_root, title=i18n.t("nav.overview", lang), default=True, visibility="hidden"),
    OVERVIEW,
    st.Page("pages/don_vi.py", title=i18n.t("nav.unit", lang), icon=":material/apartment:"),
    st.Page("pages/to_cong_tac.py", title=i18n.t("nav.groups", lang), icon=":material/groups:"),
    st.Page("pages/cum.py", title=i18n.t("nav.clusters", lang), icon=":material/hub:"),
    st.Page("pages/bao_cao.py", title=i18n.t("nav.reports", lang), icon=":material/description:"),
    st.Page("pages/hop.py", title=i18n.t("nav.meeting", lang), icon=":material/co_present:"),
    st.Page("pages/khen_thuong.py", title=i18n.t("nav.commendations", lang), icon=":material/military_tech:"),
    st.Page("pages/mau_bieu.py", title=i18n.t("nav.templates", lang), icon=":material/download:"),
    st.Page("pages/tai_len.py", title=i18n.t("nav.upload", lang), icon=":material/upload_file:"),
    st.Page("pages/lich_su.py", title=i18n.t("nav.history", lang), icon=":material/history:"),
    st.Page("pages/cai_dat.py", title=i18n.t("nav.settings", lang), icon=":material/settings:"),
]
_deep_link.forget_unknown_page(PAGES)
page = st.navigation(PAGES)
page.run()
