"""Tổng quan: the chosen quarter against the 2017 baseline, rating movement, plan items, timeline."""

import datetime as dt

import streamlit as st

from doandata import charts, i18n, metrics, tables
from doandata import settings as S
from pages import _deep_link, _filters, _share, _sidebar, _snapshot, _stages, _support, _widgets
from pages._filters import OVERVIEW_PART

f = _sidebar.sidebar()
snap = _snapshot.load()
lang, settings = f.lang, snap.settings
pname = i18n.period_name(f.period, lang)

st.title(i18n.t("overview.header", lang, period=pname))
_filters.resolve((OVERVIEW_PART,), snap, f)  # the part on screen (below), from the link or the session
unknown = st.session_state.pop(_deep_link.UNKNOWN_PAGE, None)
if unknown:
    st.info(i18n.t("nav.unknown_page", lang, page=_widgets.literal(unknown)))
if snap.units.empty:
    st.info(i18n.t("overview.empty", lang))
    st.stop()
frame = snap.progress(f.period, snap.filtered_units(f))
if frame.empty:
    st.info(i18n.t("overview.no_units", lang))
    st.stop()
subject = tables.subject(frame, f.shown, lang)
st.caption(i18n.t("overview.caption", lang, subject=subject, baseline=settings.baseline_year))

counts = metrics.status_counts(frame)
for col, key in zip(st.columns(5), ("on_track", "at_risk", "behind", "recognised", "no_data")):
    col.metric(i18n.t(f"metric.{key}", lang), i18n.fmt_number(counts[key], lang, 0))
_stages.rests_on(frame, pname, lang)  # which scoring stage the figures rest on (#19)

# one part of the overview at a time (#17): a filter change in a meeting redraws one chart, not
# five, and twenty phones each draw one; the part is in the link, so it reopens the same part
st.segmented_control(
    i18n.t("overview.part_label", lang),
    OVERVIEW_PART.allowed(snap, f),
    key=OVERVIEW_PART.key,
    required=True,
    format_func=lambda p: i18n.t(f"overview.part.{p}", lang),
    width="stretch",
)
part = _filters.settle((OVERVIEW_PART,), snap, f)[OVERVIEW_PART]
_filters.say_ignored(lang)  # xem=abc: said above the part shown instead, the first
_share.show({OVERVIEW_PART: part})


def progress() -> None:
    if frame["group"].nunique(dropna=False) > 1:  # the counts above, group by group
        key = _widgets.view_key(snap, f, "groups")
        _widgets.table(_widgets.cached(key, lambda: tables.group_status_table(frame, lang)), lang)
    if len(frame) > charts.MAX_BARS:
        st.caption(i18n.t("overview.bullets_cut", lang, shown=charts.MAX_BARS, n=i18n.fmt_number(len(frame), lang, 0)))
    bullets_key = _widgets.view_key(snap, f, "bullets")
    _widgets.show(
        _widgets.figure(bullets_key, lambda: charts.progress_bullets(frame, f.period, settings, lang, subject=subject))
    )


def support_given() -> None:
    _support.overview_section(snap, f, frame, lang)  # actions, meetings, missing reports (#15)


def plan_items() -> None:
    followed = metrics.by_group(frame.sort_values("items_done", kind="stable"))
    if not len(followed):
        st.info(i18n.t("overview.no_followed", lang))
        return
    shown = followed.head(charts.MAX_BARS)
    codes = list(shown["unit_code"])
    if len(followed) > len(shown):
        st.caption(i18n.t("overview.items_cut", lang, shown=len(shown), n=i18n.fmt_number(len(followed), lang, 0)))
    items_title = i18n.t("chart.items_title", lang, period=pname)

    def items_grid() -> tuple[bool, object]:  # whether any item was reported, and the grid's chart
        grid = metrics.plan_item_matrix(snap.unit_rows(codes).statuses, codes, f.period, settings)
        names = [charts.short_name(n) for n in shown["unit_name"]]
        chart = charts.status_grid(grid, names, list(grid.columns), items_title, lang, subject)
        return bool((grid != "none").to_numpy().any()), _widgets.wired(chart)

    reported, grid_chart = _widgets.cached(_widgets.view_key(snap, f, "items"), items_grid)
    _widgets.chart_or_no_data(grid_chart, reported, items_title, lang)
    if reported:
        st.caption(" · ".join(tables.plan_item_labels(lang).values()))


def ratings() -> None:
    left, right = st.columns(2)
    with left:

        def moves() -> tuple[bool, object]:  # whether any unit has a rating then and now, and the chart
            table = metrics.rating_transitions(frame, settings)
            return bool(table.to_numpy().any()), _widgets.wired(charts.transitions(table, f.period, settings, lang))

        moved, moves_chart = _widgets.cached(_widgets.view_key(snap, f, "moves"), moves)
        _widgets.chart_or_no_data(moves_chart, moved, moves_chart.layout.title.text, lang)
    with right:
        st.subheader(i18n.t("overview.recognised", lang))
        recognised = frame[frame["recognised"]].sort_values("delta", ascending=False)
        _widgets.table(
            _widgets.cached(
                _widgets.view_key(snap, f, "recognised"), lambda: tables.recognised_table(recognised, lang)
            ),
            lang,
        )
    _stages.largest_gaps(snap, f, frame, lang)  # self-scores far above the checks (#19)


def plan_milestones() -> None:
    today = dt.date.today()
    _widgets.show(
        _widgets.figure(
            _widgets.view_key(snap, f, "milestones", today), lambda: charts.milestones(settings, today, lang)
        )
    )
    ms = metrics.milestone_status(settings, today)
    upcoming = ms[ms["next"]]
    if len(upcoming):
        row = upcoming.iloc[0]
        m = S.Milestone(row["key"], row["date"], row["name"], row["note"])
        st.info(
            i18n.t(
                "overview.next_due",
                lang,
                name=_widgets.literal(i18n.milestone_name(m, lang)),
                date=i18n.fmt_date(m.date, lang),
                note=_widgets.literal(i18n.milestone_note(m, lang)),
            )
        )
    else:
        st.info(i18n.t("overview.plan_over", lang, year=settings.plan_year))


def figures() -> None:
    st.subheader(i18n.t("overview.table", lang))
    _widgets.table(
        _widgets.cached(_widgets.view_key(snap, f, "table"), lambda: tables.progress_table(frame, lang)), lang
    )
    scale = ", ".join(f"{i18n.rating_name(r.name, lang)} ≥ {i18n.fmt_number(r.minimum, lang)}" for r in settings.scale)
    st.caption(i18n.t("scale.note", lang, scale=_widgets.literal(scale)))


PARTS = {
    "tien-do": progress,
    "ho-tro": support_given,
    "noi-dung": plan_items,
    "xep-loai": ratings,
    "moc": plan_milestones,
    "bang": figures,
}
PARTS[part]()
