"""Entry point: page config and navigation. Run: streamlit run dashboard.py"""
import streamlit as st

from doandata import i18n
from pages import _state

lang = _state.language()
st.set_page_config(page_title=i18n.t("app.title", lang), page_icon=":material/dashboard:", layout="wide")

# Page URLs are the file names (/tong_quan, /don_vi): Streamlit checks a deep link against the
# files of pages/ before the script runs, so a url_path that differs from the file name would show
# "Page not found" to whoever opens a shared link.
PAGES = [
    st.Page("pages/tong_quan.py", title=i18n.t("nav.overview", lang), icon=":material/dashboard:", default=True),
    st.Page("pages/don_vi.py", title=i18n.t("nav.unit", lang), icon=":material/apartment:"),
    st.Page("pages/to_cong_tac.py", title=i18n.t("nav.groups", lang), icon=":material/groups:"),
    st.Page("pages/cum.py", title=i18n.t("nav.clusters", lang), icon=":material/hub:"),
    st.Page("pages/mau_bieu.py", title=i18n.t("nav.templates", lang), icon=":material/download:"),
]
page = st.navigation(PAGES)
page.run()
