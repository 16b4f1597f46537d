"""Họp giao ban: the meeting brief (issue #20) of the meeting whose date the link holds, since the
one before it: what changed, who will miss the tổng kết target at the current pace, what to decide;
each item links to the page where it is acted on. The brief is doandata.brief's; this page draws it."""

import datetime as dt

import pandas as pd
import streamlit as st

from doandata import brief as B
from doandata import charts, i18n
from pages import _filters, _share, _sidebar, _snapshot, _widgets
from pages._filters import MEETING_AT, MEETING_SINCE


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

# I. since the last meeting
st.subheader(since_title, divider="gray")
st.text(since_lines[0])
if b.changed:
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
    _widgets.table(frame, lang)
    _units(b.changed)
for line in since_lines[len(b.changed) + 1 :]:
    st.text(line)
if b.missing_reports or b.meetings_missed:
    _link("pages/to_cong_tac.py", t("hop.to_groups", lang), ":material/groups:", q=b.quarter)

# II. early warning
st.subheader(warning_title, divider="gray")
st.text(warning_lines[0])
if b.projections:
    _widgets.show(
        _widgets.figure(
            ("hop", snap.url, snap.version, at, since, lang), lambda: charts.projection_ranges(b.projections, lang)
        )
    )
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
st.subheader(decide_title, divider="gray")
d = b.to_decide
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
