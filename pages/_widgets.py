"""Small pieces several pages draw: user text for markdown, a chart, the presentation style, a
template's download button."""

from __future__ import annotations

import re

import streamlit as st

from doandata import charts, contract, i18n, templates
from pages import _filters
from pages._snapshot import Snapshot

# Presentation mode: no sidebar, no toolbar, larger text; the filters come from the link.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; max-width: 100%; }
</style>"""


# CommonMark lets a backslash escape every ASCII punctuation mark, and only those
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# GitHub's autolinks (http://…, www.…, a@b.c) are found in the text after the escapes are read,
# so an invisible word joiner breaks each: after the scheme or www, and before the @
_AUTOLINK = re.compile(r"(?i)(https?|www)(?=://|\.)|(?=@)")
WORD_JOINER = "\u2060"


def literal(text) -> str:
    """User text (a unit's name, a leader, a reporter, a milestone's note) for a place Streamlit
    renders as markdown (a title, a caption, an alert, an expander's label): every punctuation mark
    escaped, addresses kept from turning into links and line breaks made spaces, so [a link](…),
    ![a picture](…), :red[colour] or $maths$ in an upload show as typed. Never mark user text up
    otherwise (no unsafe_allow_html)."""
    text = _AUTOLINK.sub(lambda m: (m.group(1) or "") + WORD_JOINER, " ".join(str(text).splitlines()))
    return _PUNCTUATION.sub(r"\\\1", text)


def presentation_style() -> None:
    st.html(PRESENT_CSS)


def show(fig) -> None:
    """Draw a figure; in presentation mode with larger text for the projector."""
    if _filters.PRESENT.from_link():
        fig = charts.for_projector(fig)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})


@st.cache_data(show_spinner=False, max_entries=20)
def _template_bytes(kind: str, period: str, url: str, version: int, _snap: Snapshot) -> bytes:
    # keyed by the store's version; the snapshot itself is not hashed (the leading underscore)
    criteria = _snap.criteria if len(_snap.criteria) else None
    return templates.write_workbook(kind, period=period, criteria=criteria, units=_snap.units, settings=_snap.settings)


def template_button(where, snap: Snapshot, kind: str, period: str, lang: str, key: str) -> None:
    """A button that downloads the template of `kind` for `period`, filled with the store's units."""
    suffix = f"_{period}" if contract.KINDS[kind].periodic else ""
    label = i18n.t("templates.download", lang, kind=i18n.t(f"kind.{kind}", lang))
    where.download_button(
        label,
        _template_bytes(kind, period, snap.url, snap.version, snap),
        file_name=f"mau_{kind}{suffix}.xlsx",
        key=key,
        width="stretch",
        icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
