"""Họp giao ban: the meeting brief (issue #20) of the meeting whose date the link holds, since the
one before it: what changed, who will miss the tổng kết target at the current pace, what to decide;
each item links to the page where it is acted on. The brief is doandata.brief's; this page draws it.

In presentation mode (`present=1`) one section fills the screen, large, with the brief's QR code,
previous/next buttons and the section in the link (`phan=2`). Printed (the browser's Print → PDF),
every section shows on clean A4 pages, whatever the screen showed: the print style below."""

import datetime as dt

import pandas as pd
import streamlit as st

from doandata import brief as B
from doandata import charts, i18n
from pages import _filters, _share, _sidebar, _snapshot, _widgets
from pages._filters import MEETING_AT, MEETING_PART, MEETING_SINCE

PARTS = (1, 2, 3)  # I. since the last meeting, II. early warning, III. to decide
# Print → PDF: the brief alone on A4 pages (no sidebar, toolbar, header, buttons, date pickers or
# projector box), Streamlit's full-height scrolling boxes let loose so every page prints, text at
# a paper size, a chart or table never cut across two pages, and all three sections shown. The
# table and the chart are drawn at the screen's width (a grid is a canvas, plotly does not redraw
# for a printer): the printed page has its own copies instead, the changes in lines and the chart
# at a page's width, laid out off screen.
PRINT_WIDTH = 680  # px: the print copy of the chart fits an A4 page's width (186 mm at 96 px an inch, 703 px)
PRINT_CSS = """<style>
@media screen {
  [class*="st-key-hop_print_only"] { position: absolute !important; left: -300vw !important; visibility: hidden; }
}
@media print {
  @page { size: A4; margin: 12mm 12mm 14mm 12mm; }
  html { font-size: 12px !important; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottom"], [data-testid="stButton"], [data-testid="stDownloadButton"],
  [data-testid="stDateInput"], [data-testid="stHorizontalBlock"]:has([data-testid="stDateInput"]),
  [data-testid="stElementToolbar"], .st-key-hop_nav, [class*="st-key-present_share"] { display: none !important; }
  html, body, #root, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] { height: auto !important; min-height: 0 !important;
    overflow: visible !important; position: static !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  [class*="st-key-hop_part_"] { position: static !important; left: auto !important; visibility: visible !important;
    width: auto !important; }
  [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]),
  [data-testid="stElementContainer"]:has([data-testid="stDataFrame"]), [data-testid="stMetric"],
  [data-testid="stHorizontalBlock"] { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, [data-testid="stHeading"] { break-after: avoid; page-break-after: avoid; }
  [class*="st-key-hop_screen_only"] { display: none !important; }
  [class*="st-key-hop_print_only"] { position: static !important; left: auto !important; visibility: visible !important; }
  [data-testid="stMetricValue"] { font-size: 1.8rem !important; }
  [data-testid="stVerticalBlock"] { gap: 0.3rem !important; }
  [data-testid="stVerticalBlock"] > :not(:last-child) { margin-bottom: 0.3rem !important; }
}
</style>"""
# Presentation mode: the sections not on screen are laid out off it (a chart drawn in a hidden box
# would have no width when printed), larger lines; the brief's QR code and link stay in a column
# on the right (on a screen wide enough), so the section starts under the title.
PRESENT_CSS = """<style>
@media screen {
  %s { position: absolute !important; left: -300vw !important; width: 90vw; visibility: hidden; }
  [class*="st-key-hop_part_"] [data-testid="stText"], [class*="st-key-hop_part_"] [data-testid="stText"] * { font-size: 1.15rem; }
  [class*="st-key-hop_part_"] h3 { font-size: 2rem; }
  [class*="st-key-hop_part_"] [data-testid="stMetricLabel"], [class*="st-key-hop_part_"] [data-testid="stMetricLabel"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
  .st-key-hop_nav button p { font-size: 1.2rem; }
}
@media screen and (min-width: 900px) {
  [data-testid="stMainBlockContainer"] { padding-right: 300px !important; }
  [class*="st-key-present_share"] { position: fixed !important; top: 1.5rem; right: 1.5rem; width: 250px !important;
    flex-direction: column !important; gap: 0.5rem !important; z-index: 5; }
  [class*="st-key-present_share"] img { width: 240px !important; height: auto !important; }
  [class*="st-key-present_share"] code { font-size: 0.75rem !important; }
  [class*="st-key-present_share"] [data-testid="stCaptionContainer"] { font-size: 0.8rem !important; }
}
</style>"""


@st.cache_data(show_spinner=False, max_entries=8)
def _brief(url: str, version: int, at: dt.date, since: dt.date) -> B.Brief:
    return B.build(_snapshot._open(url), at=at, since=since)


@st.cache_data(show_spinner=False, max_entries=8)
def _docx(url: str, version: int, at: dt.date, since: dt.date, lang: str) -> bytes:
    store = _snapshot._open(url)
    return B.to_docx(_brief(url, version, at, since), store.settings(), lang)


f = _sidebar.sidebar()
lang = f.lang
snap = _snapshot.load()
t = i18n.t
if snap.units.empty:
    st.title(t("hop.header_empty", lang))
    st.info(t("reports.empty", lang), icon=":material/info:")
    st.page_link("pages/tai_len.py", label=t("nav.upload", lang), icon=":material/upload_file:")
    st.stop()

# the two meetings, from the link (or the latest quarterly meeting and the one before it)
heading = st.empty()  # the title above the dates, written once they are settled
_filters.resolve((MEETING_AT, MEETING_SINCE), snap, f)
if not f.present:
    left, right = st.columns(2)
    left.date_input(t("hop.at", lang), key=MEETING_AT.key, format="DD/MM/YYYY")
    right.date_input(t("hop.since", lang), key=MEETING_SINCE.key, format="DD/MM/YYYY")
values = _filters.settle((MEETING_AT, MEETING_SINCE), snap, f)
_share.show(values)
if f.present:  # the section on screen, from the link (the first by default), written back to it
    part = _filters.settle((MEETING_PART,), snap, f)[MEETING_PART]
    hidden = ", ".join(f".st-key-hop_part_{n}" for n in PARTS if n != part)
    st.html(PRINT_CSS + PRESENT_CSS % hidden)
else:
    part = None
    if MEETING_PART.name in st.query_params:
        del st.query_params[MEETING_PART.name]
    st.html(PRINT_CSS)
_filters.say_ignored(lang)  # ngay=31/02/2026, phan=99: said, the usual meeting or section shown
at, since = values[MEETING_AT], values[MEETING_SINCE]
heading.title(t("hop.header", lang, at=i18n.fmt_date(at, lang)))
if since >= at:
    st.error(t("cli.dates_order", lang, since=i18n.fmt_date(since, lang), at=i18n.fmt_date(at, lang)))
    st.stop()
b = _brief(snap.url, snap.version, at, since)
st.caption(B.title(b, lang))

# newer data than the meeting: say how much, and link today's brief
today = dt.date.today()
if b.newer and at < today:
    if f.present:  # on the projector, a line: the section needs the screen
        st.caption(":material/update: " + t("hop.newer", lang, n=b.newer))
    else:
        st.info(t("hop.newer", lang, n=b.newer), icon=":material/update:")
    st.page_link(
        "pages/hop.py",
        label=t("hop.today_link", lang),
        icon=":material/today:",
        query_params={MEETING_AT.name: today.isoformat(), MEETING_SINCE.name: at.isoformat()},
    )


def _link(page: str, label: str, icon: str, **params) -> None:
    """A link to the page where the item is acted on; its label may hold a unit's name: literal."""
    query = {k: str(v) for k, v in params.items() if v is not None}
    st.page_link(page, label=_widgets.literal(label), icon=icon, query_params=query)


def _units(items: list[dict], page: str = "pages/don_vi.py") -> None:
    for item in items:
        _link(page, item["unit_name"], ":material/apartment:", unit=item["unit_code"], q=b.quarter)


(since_title, since_lines), (warning_title, warning_lines), (decide_title, decide_lines) = B.sections(b, lang)
status = {k: i18n.status_name(k, lang) for k in ("on_track", "at_risk", "behind", None)}


def _metrics(*pairs) -> None:
    """Presentation mode: a section's numbers, large, above its lines."""
    if not f.present:
        return
    for column, (label, value, *delta) in zip(st.columns(len(pairs)), pairs):
        column.metric(label, value, delta[0] if delta and delta[0] else None)


def _go(n: int) -> None:
    st.query_params[MEETING_PART.name] = str(n)


def _nav() -> None:
    """Presentation mode: previous and next, and which section of three is on screen."""
    with st.container(key="hop_nav", horizontal=True, vertical_alignment="center", gap="large"):
        st.button(
            t("hop.prev", lang),
            key="hop_prev",
            icon=":material/arrow_back:",
            disabled=part == PARTS[0],
            on_click=_go,
            args=(part - 1,),
        )
        st.markdown(f"**{t('hop.part', lang, n=part, of=len(PARTS))}**", width="content")
        st.button(
            t("hop.next", lang),
            key="hop_next",
            icon=":material/arrow_forward:",
            disabled=part == PARTS[-1],
            on_click=_go,
            args=(part + 1,),
            type="primary",
        )


d = b.to_decide
if f.present:
    _nav()
# I. since the last meeting
with st.container(key="hop_part_1"):
    st.subheader(since_title, divider="gray")
    _metrics(
        (t("hop.m.changed", lang), len(b.changed)),
        (
            status["on_track"],
            b.counts_after.get("on_track", 0),
            b.counts_after.get("on_track", 0) - b.counts_before.get("on_track", 0),
        ),
        (t("hop.m.missing", lang), len(b.missing_reports)),
        (t("hop.m.done", lang), len(b.actions_done)),
        (t("hop.m.overdue", lang), len(b.actions_overdue)),
    )
    st.text(since_lines[0])
    if b.changed:
        # the changes as a table on screen; on a projector (a grid's text stays small) and on paper
        # (a grid is a canvas of the screen's width) as the brief's lines
        if not f.present:
            frame = pd.DataFrame(
                {
                    t("brief.doc.col.unit", lang): [c["unit_name"] for c in b.changed],
                    t("brief.doc.col.before", lang): [
                        f"{status[c['before']]} ({i18n.fmt_number(c['total_before'], lang)})" for c in b.changed
                    ],
                    t("brief.doc.col.after", lang): [
                        f"{status[c['after']]} ({i18n.fmt_number(c['total_after'], lang)})" for c in b.changed
                    ],
                }
            )
            with st.container(key="hop_screen_only"):
                _widgets.table(frame, lang)
        with st.container(key=None if f.present else "hop_print_only"):
            for line in since_lines[1 : len(b.changed) + 1]:
                st.text(line)
        _units(b.changed)
    for line in since_lines[len(b.changed) + 1 :]:
        st.text(line)
    if b.missing_reports or b.meetings_missed:
        _link("pages/to_cong_tac.py", t("hop.to_groups", lang), ":material/groups:", q=b.quarter)

# II. early warning
with st.container(key="hop_part_2"):
    st.subheader(warning_title, divider="gray")
    _metrics(
        (t("hop.m.short", lang), len(b.projected_short)),
        (t("hop.m.followed", lang), len(b.projections)),
    )
    st.text(warning_lines[0])
    if b.projections:
        key = ("hop", snap.url, snap.version, at, since, lang)
        with st.container(key="hop_screen_only_chart"):
            _widgets.show(_widgets.figure(key, lambda: charts.projection_ranges(b.projections, lang)))
        with st.container(key="hop_print_only_chart"):
            printed = _widgets.figure(
                (*key, "print"),
                lambda: charts.projection_ranges(b.projections, lang).update_layout(width=PRINT_WIDTH),
            )
            st.plotly_chart(printed, width="content", theme=None, config=_widgets.CHART_CONFIG)
    for p in b.projected_short:
        _link(
            "pages/don_vi.py",
            warning_lines[1 + b.projected_short.index(p)],
            ":material/trending_down:",
            unit=p.unit_code,
            q=b.quarter,
        )
    st.caption(warning_lines[-1])

# III. to decide
with st.container(key="hop_part_3"):
    st.subheader(decide_title, divider="gray")
    _metrics(
        (t("hop.m.commendations", lang), len(d["commendations"])),
        (t("hop.m.approvals", lang), len(d["approvals"])),
        (t("hop.m.overdue_no_date", lang), len(d["overdue_no_date"])),
        (t("hop.m.unassigned", lang), len(d["no_group"]) + len(d["no_companion"])),
    )
    st.text(decide_lines[0])
    if d["commendations"]:
        _link("pages/khen_thuong.py", t("hop.to_commendations", lang), ":material/military_tech:", q=b.quarter)
    st.text(decide_lines[1])
    for a in d["overdue_no_date"]:
        label = t(
            "hop.overdue_item",
            lang,
            unit=a["unit_name"],
            no=a["action_no"],
            due=i18n.fmt_date(dt.date.fromisoformat(a["due"]), lang),
        )
        _link("pages/don_vi.py", label, ":material/event_busy:", unit=a["unit_code"], q=b.quarter)
    st.text(decide_lines[2])
    if d["no_group"]:
        _link("pages/to_cong_tac.py", t("hop.to_groups", lang), ":material/groups:", q=b.quarter)
    st.text(decide_lines[3])
    if d["no_companion"]:
        _link("pages/cum.py", t("hop.to_clusters", lang), ":material/hub:", q=b.quarter)
    st.text(decide_lines[4])
    for u in d["approvals"]:  # the unit page shows the three scores side by side (#19)
        _link("pages/don_vi.py", u["unit_name"], ":material/fact_check:", unit=u["unit_code"], q=b.quarter)

if not f.present:
    st.divider()
    st.download_button(
        t("hop.get_docx", lang),
        _docx(snap.url, snap.version, at, since, lang),
        file_name=B.file_name(b),
        icon=":material/description:",
        mime=_widgets.MIME["docx"],
    )
