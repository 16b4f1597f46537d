"""The view a link names: every URL parameter declared once, and how it meets its widget.

Each `Param` knows its name in the URL, its widget's key, how to read it from the link and write
it back, the values it may take and its default. `resolve` (before a widget is drawn) and `settle`
(after) read this table and are the only code that writes st.query_params or the keep_/wrote_
state, so deep links and widgets cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from doandata import brief, i18n, metrics

if TYPE_CHECKING:
    from pages._snapshot import Snapshot

ALL = 0  # "all clusters / all groups" (a None value would show as an empty selectbox)
KEEP, WROTE = "keep_", "wrote_"


@dataclass(frozen=True)
class Filters:
    """The sidebar's choices for this run."""

    lang: str
    period: str
    cluster: int  # ALL: every cluster
    group: int  # ALL: every group
    shown: str  # metrics.SHOWN: the followed units (default), all, or one group
    present: bool = False


@dataclass(frozen=True)
class Param:
    name: str  # in the URL
    key: str | None  # of its widget; None: no widget, the link alone decides on every run
    parse: Callable[[str], Any]  # the link's text -> a value, None when the text means nothing
    dump: Callable[[Any], str | None]  # a value -> the link's text, None to leave it out
    allowed: Callable[[Snapshot, Filters | None], Sequence]  # the values it may take
    default: Callable[[Snapshot, Filters | None], Any]

    def from_link(self) -> Any:
        text = st.query_params.get(self.name)
        return None if text is None else self.parse(text)


def _text(text: str) -> str:
    return text


def _number(text: str) -> int | None:
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


def _flag(text: str) -> bool | None:
    return {"1": True, "0": False}.get(text)


def _flag_text(value: bool) -> str | None:
    return "1" if value else None


def _number_text(value: int) -> str | None:
    return str(value) if value else None  # ALL is the absence of the parameter


def _always(value) -> Callable[..., Any]:
    return lambda snap, f: value


# Param(name in the URL, widget key, parse, dump, allowed, default)
LANG = Param("lang", "f_lang", _text, lambda v: None if v == "vi" else v, _always(i18n.LANGS), _always("vi"))
QUARTER = Param("q", "f_q", _text, _text, lambda s, f: s.settings.quarters, lambda s, f: s.default_period())
CLUSTER = Param("cum", "f_cum", _number, _number_text, lambda s, f: [ALL, *s.cluster_numbers()], _always(ALL))
GROUP = Param("to", "f_to", _number, _number_text, lambda s, f: [ALL, *s.group_numbers()], _always(ALL))
# which units: the followed ones (đặc thù and khó khăn) unless the link says otherwise
_SHOWN_TEXT = {"all": "tat-ca", "dac_thu": "dac-thu", "kho_khan": "kho-khan"}
SHOWN = Param(
    "ds",
    "f_ds",
    {text: value for value, text in _SHOWN_TEXT.items()}.get,
    _SHOWN_TEXT.get,
    _always(metrics.SHOWN),
    _always("followed"),
)
UNIT = Param(
    "unit",
    "f_unit",
    _text,
    _text,
    # any unit of the cluster and group chosen (a companion too); the first followed one by default
    lambda s, f: list(s.filtered_units(f, every=True)["unit_code"]),
    lambda s, f: metrics.by_group(s.filtered_units(f, every=True))["unit_code"].iloc[0],
)
# presentation mode: no sidebar, no toolbar, larger text; the filters come from the link
PRESENT = Param("present", None, _flag, _flag_text, _always((True, False)), _always(False))


class _Days:
    """Any day from 2000 to 2100: the values a meeting date may take."""

    def __contains__(self, value) -> bool:
        return isinstance(value, dt.date) and dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31)


def _day(text: str) -> dt.date | None:
    return brief.parse_date(text) if len(text) <= 10 else None


def _day_text(value: dt.date) -> str:
    return value.isoformat()


# the meeting brief's two meetings (pages/hop.py): this one (the latest quarterly meeting up to today
# by default) and the one before it; in the link, so it reopens the same meeting next week
MEETING_AT = Param("ngay", "f_hop_at", _day, _day_text, _always(_Days()), lambda s, f: brief.default_at(s.settings))
MEETING_SINCE = Param(
    "tu",
    "f_hop_since",
    _day,
    _day_text,
    _always(_Days()),
    lambda s, f: brief.default_since(st.session_state.get(MEETING_AT.key) or brief.default_at(s.settings), s.settings),
)

# the brief's section on screen in presentation mode (1, 2, 3): a projector's link reopens it
MEETING_PART = Param("phan", None, _number, str, _always((1, 2, 3)), _always(1))

# the overview's part on screen (#17): only that part is drawn, so a filter change in a meeting
# redraws one chart, not five; the link reopens the same part
OVERVIEW_PARTS = ("tien-do", "ho-tro", "noi-dung", "xep-loai", "moc", "bang")
OVERVIEW_PART = Param(
    "xem",
    "f_xem",
    {p: p for p in OVERVIEW_PARTS}.get,
    lambda v: None if v == OVERVIEW_PARTS[0] else v,
    _always(OVERVIEW_PARTS),
    _always(OVERVIEW_PARTS[0]),
)

PARAMS = (
    LANG,
    QUARTER,
    CLUSTER,
    GROUP,
    SHOWN,
    UNIT,
    MEETING_AT,
    MEETING_SINCE,
    MEETING_PART,
    OVERVIEW_PART,
    PRESENT,
)  # in a link
SIDEBAR = (LANG, QUARTER, CLUSTER, GROUP, SHOWN, PRESENT)  # every page's; UNIT is the unit page's


def language() -> str:
    """The language before the page runs (for the navigation's titles)."""
    state = st.session_state
    for value in (state.get(LANG.key), LANG.from_link(), state.get(KEEP + LANG.key)):
        if value in i18n.LANGS:
            return value
    return LANG.default(None, None)


def resolve(params: Iterable[Param], snap: Snapshot, f: Filters | None = None) -> None:
    """Set each parameter's widget value before the widget is drawn.

    A link that differs from what this session last wrote wins (a shared link opened, a
    presentation link); then a value the user just changed in the widget; then the value kept from
    the previous run (Streamlit drops widget state and the query string when the page changes);
    then the default. An absent parameter has no opinion."""
    state = st.session_state
    for param in params:
        if param.key is None:
            continue
        allowed = param.allowed(snap, f)
        from_link = param.from_link()
        written, kept, current = state.get(WROTE + param.key), state.get(KEEP + param.key), state.get(param.key)
        if _valid(from_link, allowed) and from_link != written:
            value = from_link
        elif _valid(current, allowed) and current != kept:
            value = current
        elif _valid(kept, allowed):
            value = kept
        else:
            value = param.default(snap, f)
        state[param.key] = state[KEEP + param.key] = value
        state[WROTE + param.key] = from_link if _valid(from_link, allowed) and from_link == value else written


def _valid(value, allowed: Sequence) -> bool:
    return value is not None and value in allowed


def settle(params: Iterable[Param], snap: Snapshot, f: Filters | None = None) -> dict[Param, Any]:
    """After the widgets are drawn: keep each value for the next page and write it into the link."""
    state = st.session_state
    values = {}
    _note_ignored(params, snap, f)
    for param in params:
        if param.key is None:
            value = param.from_link()
            if not _valid(value, param.allowed(snap, f)):
                value = param.default(snap, f)
        else:
            value = state[param.key]
            state[KEEP + param.key] = state[WROTE + param.key] = value
        text = param.dump(value)
        if text is None:
            if param.name in st.query_params:
                del st.query_params[param.name]
        elif st.query_params.get(param.name) != text:
            st.query_params[param.name] = text
        values[param] = value
    return values


IGNORED = "_link_ignored"  # the link's values this run could not use: name=text, said once by say_ignored
IGNORED_SHOWN = 40  # characters of a value said back


def _note_ignored(params: Iterable[Param], snap: Snapshot, f: Filters | None) -> None:
    """Before the link is rewritten: its values that mean nothing here (phan=99, ngay=31/02/2026, a
    code that is no unit), unless this session wrote them (a filter changed since), kept to be said."""
    state = st.session_state
    for param in params:
        text = st.query_params.get(param.name)
        if text is None:
            continue
        value = param.parse(text)
        written = param.key and value is not None and value == state.get(WROTE + param.key)
        if written or _valid(value, param.allowed(snap, f)):
            continue
        shown = text if len(text) <= IGNORED_SHOWN else text[:IGNORED_SHOWN] + "…"
        state.setdefault(IGNORED, []).append(f"{param.name}={shown}")


def say_ignored(lang: str) -> None:
    """One line, above the page, naming the link's values that were not used and that the page shows
    its usual view instead (never a traceback, nothing else changed)."""
    ignored = st.session_state.pop(IGNORED, None)
    if ignored:
        from pages._widgets import literal

        st.warning(i18n.t("link.ignored", lang, values=literal("; ".join(ignored))), icon=":material/link_off:")


def filters(values: dict[Param, Any]) -> Filters:
    """The sidebar's settled values as Filters."""
    return Filters(
        lang=values[LANG],
        period=values[QUARTER],
        cluster=values[CLUSTER],
        group=values[GROUP],
        shown=values[SHOWN],
        present=values[PRESENT],
    )
