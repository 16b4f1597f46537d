"""Small pieces several pages draw: user text for markdown, a chart, a table, the presentation
style, a template's download button."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from doandata import charts, config, contract, i18n, templates
from pages import _filters
from pages._snapshot import Snapshot

# Every page: a metric's value wraps instead of being cut ("91 · Vững m…" in a quarter of a laptop);
# on a phone, where Streamlit gives each column the whole width, a row of metrics shows two a line
# (the overview's nine numbers took two screens one under another).
PAGE_CSS = """<style>
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
    > [data-testid="stColumn"] { min-width: calc(50% - 1rem) !important; }
}
</style>"""
# Presentation mode: no sidebar, no toolbar, larger text, metrics and their changes larger still,
# the share box's link large beside its QR code; the filters come from the link.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; max-width: 100%; }
[data-testid="stMetricValue"] { font-size: 3rem; }
[data-testid="stMetricLabel"] p { font-size: 1.1rem; }
[data-testid="stMetricDelta"] { font-size: 1.5rem; }
[data-testid="stMetricDelta"] svg { width: 1.5rem; height: 1.5rem; }
[class*="st-key-present_share"] code { font-size: 1.3rem; }
[class*="st-key-present_share"] [data-testid="stCaptionContainer"] { font-size: 1.1rem; }
[data-testid="stButtonGroup"] button p, [data-testid="stWidgetLabel"] p { font-size: 1.1rem; }
</style>"""

# what a browser is told it downloads, by the file's ending
MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


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


# The columns that matter, first and in this order, in every table that has them, so a phone and
# a laptop see them without scrolling sideways: a unit's name, what to do about a problem, the
# status (progress, a history entry's state, the rating an upload brings) and the total.
LEAD = (
    "col.unit_name",
    "chart.special_unit",
    "col.severity",
    "col.what_to_do",
    "col.status",
    "col.state",
    "col.new_rating",
    "col.total",
    "col.new_total",
    "col.rating",
)
NAME_WIDTH = 220  # px of a unit's name: the status and the total still fit beside it on a phone
MESSAGE_ROW_PX = 76  # three lines of a problem's message (Streamlit wraps text in rows over 4 rem)
# Columns of free text (a problem's message, a criterion's evidence, the working group's reason):
# wide, and their rows three lines tall once any of them holds more than a short line
# (the reason narrower: a laptop's table then shows the evidence whole beside it)
WRAPPED = {"col.what_to_do": "large", "col.evidence": "large", "col.reason": "medium"}
SHORT_TEXT = 40
TABLE_HEAD_PX, TALL_TABLE_PX = 40, 900


def table(frame, lang: str) -> None:
    """A table, its columns that matter first; where it has no rows, a line in the reader's
    language (Streamlit's empty grid says "empty" in English)."""
    if frame.empty:
        st.caption(i18n.t("table.empty", lang))
        return
    lead = [name for name in (i18n.t(key, lang) for key in LEAD) if name in frame.columns]
    order = list(dict.fromkeys([*lead, *frame.columns]))
    names = {i18n.t("col.unit_name", lang), i18n.t("chart.special_unit", lang)}
    config = {name: st.column_config.Column(width=NAME_WIDTH) for name in lead if name in names}
    message = i18n.t("col.what_to_do", lang)
    # messages, evidence and reasons wrap in a wide column instead of being cut, where they are long
    wrapped = {
        name: width
        for name, width in ((i18n.t(key, lang), width) for key, width in WRAPPED.items())
        if name in frame.columns and (name == message or frame[name].astype(str).str.len().max() > SHORT_TEXT)
    }
    for name, width in wrapped.items():
        config[name] = st.column_config.TextColumn(width=width)
    tall = bool(wrapped)
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_order=order,
        column_config=config,
        row_height=MESSAGE_ROW_PX if tall else None,
        # tall rows: a unit's ten criteria in view without an inner scroll, longer lists up to a screen
        height=min(TABLE_HEAD_PX + MESSAGE_ROW_PX * len(frame), TALL_TABLE_PX) if tall else "auto",
    )


def chart_or_no_data(fig, has_data: bool, title: str, lang: str) -> None:
    """A chart, or "Chưa có số liệu" where it would be a grid of identical cells (a quarter not reported yet)."""
    if has_data:
        show(fig)
    else:  # a chart's title may hold the line breaks charts.wrap put in
        st.info(i18n.t("chart.no_data", lang, title=title.replace("<br>", " ")))


# Streamlit's drop zone has no parameter for its words ("Drag and drop…", "20MB per file", the
# "Upload" button; README, "Languages"): its line of instructions is hidden by its test id and the
# button's word replaced, and a caption above says both in the reader's language. Should the test
# id change, Streamlit's English shows again beside the caption; nothing breaks.
UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after { content: "%s"; }
</style>"""


def uploader_in_vietnamese(lang: str) -> None:
    """The caption above a file uploader, and its drop zone without Streamlit's English."""
    limit = min(config.max_upload_bytes() / 2**20, st.get_option("server.maxUploadSize"))
    st.caption(i18n.t("upload.drop_note", lang, limit=i18n.fmt_number(limit, lang)))
    st.html(UPLOADER_CSS % i18n.t("upload.choose_file", lang))


def page_style(present: bool) -> None:
    """Every page's style, with the presentation mode's when the link asks for it."""
    st.html(PAGE_CSS + (PRESENT_CSS if present else ""))


# plotly's toolbar sat over the chart titles on a phone: no toolbar (Streamlit's own full-screen
# button stays); the figure as charts.py laid it out, not restyled by Streamlit's theme, whose grey
# small tick labels a projector's audience cannot read
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}


def show(fig) -> None:
    """Draw a figure; in presentation mode with larger text for the projector (one viewer: its
    copy is made anew, the shared figure stays as it is)."""
    if _filters.PRESENT.from_link():
        fig = charts.for_projector(fig)
    st.plotly_chart(fig, width="stretch", theme=None, config=CHART_CONFIG)


def figure(key: tuple, build: Callable[[], go.Figure]) -> go.Figure:
    """The figure `build` makes, for the view `key` names (`view_key`). Built once per store
    version and view for every visitor: plotly's figure objects cost a page run more than reading
    and computing the data behind them (a meeting's twenty viewers of one overview share its
    figures), and so does the dict st.plotly_chart sends of them (`Wired`)."""
    return cached(key, lambda: wired(build()))


class Wired(go.Figure):
    """A figure made once and shared, never changed afterwards, whose dict for the browser is made
    once too: st.plotly_chart asks every run for `to_dict()`, a deep copy that cost a third of the
    overview's run. The dict leaves out what plotly_white holds for trace types and subplots the
    figure does not have (three quarters of its bytes, parsed by every browser at every change)."""

    def to_dict(self) -> dict:
        return self._wire


def wired(fig: go.Figure) -> Wired:
    """`fig` itself, its dict for the browser made now (the figure is not copied)."""
    wire = go.Figure.to_dict(fig)
    template = wire["layout"].get("template")
    if isinstance(template, dict):
        types = {trace.get("type", "scatter") for trace in wire["data"]}
        template["data"] = {name: value for name, value in template.get("data", {}).items() if name in types}
        layout = template.get("layout", {})
        for part in UNUSED_SUBPLOTS:
            layout.pop(part, None)
    fig.__class__ = Wired  # the same object, its to_dict answered from `_wire`
    fig._wire = wire
    return fig


# what plotly_white sets for kinds of subplot the dashboard's cartesian charts never have
UNUSED_SUBPLOTS = ("geo", "polar", "scene", "ternary", "mapbox", "map")


def view_key(snap: Snapshot, f: _filters.Filters, part: str, *more) -> tuple:
    """What a part of a page depends on: the store's version, the view's filters and language,
    and whatever else the page names (a unit, a cluster, today's date)."""
    return (part, snap.url, snap.version, dataclasses.astuple(f), *more)


def cached(key: tuple, build: Callable):
    """What `build` makes for `key`, made once for every session: a figure, or a table whose
    numbers Babel wrote one by one (5,000 units' rows cost 0.5 s a run)."""
    return _cached(key, build)


@st.cache_resource(show_spinner=False, max_entries=512)
def _cached(key: tuple, _build: Callable):
    # shared by every session and never changed once made: st.plotly_chart and st.dataframe copy
    return _build()


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
        mime=MIME["xlsx"],
    )
