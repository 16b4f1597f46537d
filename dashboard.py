"""Entry point: page config, the shared sidebar, navigation. Run: streamlit run dashboard.py"""
import streamlit as st

from doandata import i18n
from pages import _state

lang = _state.language()
st.set_page_config(page_title=i18n.t("app.title", lang), page_icon=":material/dashboard:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title=i18n.t("nav.overview", lang), icon=":material/dashboard:", url_path="tong-quan", default=True),
    st.Page("pages/unit.py", title=i18n.t("nav.unit", lang), icon=":material/apartment:", url_path="don-vi"),
]
page = st.navigation(PAGES)
page.run()
