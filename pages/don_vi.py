"""Đơn vị: one unit's path from 2017 to the target, its criteria, plan items, people and reports."""

import streamlit as st

from doandata import cells, charts, i18n, metrics, support, tables
from doandata.stages import stage_totals, unit_path
from pages import _share, _sidebar, _snapshot, _stages, _support, _widgets
from pages._filters import UNIT, resolve, say_ignored, settle

f = _sidebar.sidebar()
snap = _snapshot.load()
lang, settings = f.lang, snap.settings
units = snap.filtered_units(f, every=True)  # a companion too, whatever the set shown elsewhere
if units.empty:
    st.info(i18n.t("unit.none", lang) if snap.units.empty else i18n.t("overview.no_units", lang))
    st.stop()

names = dict(zip(units["unit_code"], units["name"]))
groups = dict(zip(units["unit_code"], units["group"]))
resolve([UNIT], snap, f)
if not f.present:
    st.selectbox(
        i18n.t("filter.unit", lang),
        list(metrics.by_group(units)["unit_code"]),  # the followed units first
        key=UNIT.key,
        format_func=lambda c: (
            f"{c} — {names[c]}" + (f" · {tables.group_name(groups[c], lang)}" if isinstance(groups[c], str) else "")
        ),
    )
values = settle([UNIT], snap, f)
say_ignored(lang)  # a unit code that is none of the units shown
_share.show(values)  # the link names the unit chosen, not the one of the link this run began with
code = values[UNIT]
unit = units[units["unit_code"] == code].iloc[0]

st.title(_widgets.literal(unit["name"]))
kind = i18n.t(f"unit.kind_{unit['group'] if isinstance(unit['group'], str) else 'other'}", lang)
st.caption(i18n.t("unit.caption", lang, code=_widgets.literal(code), cluster=int(unit["cluster"]), kind=kind))

row = snap.progress(f.period, units[units["unit_code"] == code]).iloc[0]
pname = i18n.period_name(f.period, lang)
c1, c2, c3, c4 = st.columns(4)
c1.metric(
    i18n.t("unit.metrics_total", lang, period=pname),
    i18n.fmt_number(row["total"], lang),
    i18n.fmt_signed(row["delta"], lang) if not cells.is_blank(row["delta"]) else None,
)
c2.metric(
    i18n.t("unit.metrics_baseline", lang, year=settings.baseline_year),
    _widgets.literal(
        f"{i18n.fmt_number(row['baseline_total'], lang)} · {i18n.rating_name(row['baseline_rating'], lang)}"
    ),
)
c3.metric(i18n.t("unit.metrics_target", lang), i18n.fmt_number(row["target_total"], lang))
c4.metric(i18n.t("unit.metrics_status", lang), i18n.status_name(row["status"], lang))
if row["recognised"]:
    st.success(i18n.t("unit.recognised", lang, period=pname))

own = snap.unit_rows([code])
_widgets.show(
    _widgets.figure(
        _widgets.view_key(snap, f, "timeline", code),
        lambda: charts.unit_timeline(
            metrics.unit_timeline(code, snap.units, own.totals, settings), unit["name"], settings, lang
        ),
    )
)

scores = _snapshot.store().scores(periods=[settings.baseline_period, f.period], unit_code=code)
compare = metrics.criteria_compare(scores, snap.criteria, code, f.period, settings)
_widgets.show(
    _widgets.figure(
        _widgets.view_key(snap, f, "criteria", code), lambda: charts.criteria_bars(compare, f.period, settings, lang)
    )
)
st.subheader(i18n.t("unit.criteria", lang, period=pname, baseline=settings.baseline_year))
_widgets.table(tables.criteria_table(compare, lang), lang)
moved = compare.dropna(subset=["change"]).sort_values("change")
if len(moved):
    up, down = moved.iloc[-1], moved.iloc[0]
    st.caption(
        i18n.t(
            "unit.moved",
            lang,
            up=_widgets.literal(up["code"]),
            up_by=i18n.fmt_signed(up["change"], lang),
            down=_widgets.literal(down["code"]),
            down_by=i18n.fmt_signed(down["change"], lang),
        )
    )

gap = metrics.gap_to_next_rating(compare, row["total"], settings)
# the three stages side by side (#19): what the working group changed, why, and the evidence
st.subheader(i18n.t("unit.stages_header", lang, period=pname))
stages = _snapshot.store().card_scores(f.period, code)
path = unit_path(stage_totals(_snapshot.store(), unit_codes=[code]), code, settings)
if len(path):  # the self-score against the group's check over the quarters
    _widgets.show(
        _widgets.figure(_widgets.view_key(snap, f, "stages", code), lambda: charts.stage_path(path, unit["name"], lang))
    )
if stages.empty:
    st.caption(i18n.t("unit.stages_none", lang))
else:
    rests = own.totals.loc[own.totals["period"] == f.period, "stage"]
    if len(rests):
        st.caption(i18n.t("unit.stages_rest", lang, stage=i18n.t(f"stage.{rests.iloc[0]}", lang)))
    _widgets.table(tables.stages_table(stages, lang), lang)
# editors add the evidence (#19); one sign-in form a page: the support actions' one below, if any
acted = len(support.unit_plan(_support.frames(snap)["actions"], code)["actions"]) > 0
_stages.evidence_editor(f.period, pname, code, stages, snap.criteria, lang, offer_sign_in=not acted)

st.subheader(i18n.t("unit.gap_header", lang))
if gap["next"] is None:
    st.write(i18n.t("unit.gap_no_data" if cells.is_blank(row["total"]) else "unit.gap_top", lang))
else:
    st.write(
        i18n.t(
            "unit.gap",
            lang,
            needed=i18n.fmt_number(gap["needed"], lang),
            next=_widgets.literal(i18n.rating_name(gap["next"], lang)),
        )
    )
    _widgets.table(tables.room_table(gap["room"], lang), lang)

history = metrics.item_history(own.statuses, code, settings)
items = tables.plan_item_labels(lang)
items_title = i18n.t("chart.unit_items_title", lang)
_widgets.chart_or_no_data(
    _widgets.figure(
        _widgets.view_key(snap, f, "items", code),
        lambda: charts.status_grid(
            history,
            [items[c] for c in history.index],
            [i18n.period_name(p, lang) for p in history.columns],
            items_title,
            lang,
        ),
    ),
    bool((history != "none").to_numpy().any()),
    items_title,
    lang,
)

left, right = st.columns(2)
with left:
    st.subheader(i18n.t("unit.people_header", lang))
    people = metrics.followers(snap.members, code)
    if people.empty:
        st.write(i18n.t("unit.people_none", lang))
    else:
        _widgets.table(tables.followers_table(people, items, lang), lang)
with right:
    st.subheader(i18n.t("unit.companion_header", lang))
    companion = unit["companion_code"]
    if isinstance(companion, str) and companion in set(snap.units["unit_code"]):
        mate = snap.progress(f.period, snap.units[snap.units["unit_code"] == companion]).iloc[0]
        st.write(
            i18n.t(
                "unit.companion",
                lang,
                name=_widgets.literal(mate["unit_name"]),
                code=_widgets.literal(companion),
                total=i18n.fmt_number(mate["total"], lang),
                rating=_widgets.literal(i18n.rating_name(mate["rating"], lang)),
            )
        )
        problems = metrics.pair_problems(unit["cluster"], mate["cluster"], mate["baseline_rating"], settings)
        if problems:
            st.warning(tables.pair_note(problems, lang))
        # what the companionship did: the DH item's status and the report's lines on it
        dh_now = metrics.latest_statuses(own.statuses, f.period, settings)
        dh_now = dh_now[dh_now["item_code"] == "DH"]["status"]
        st.write(
            i18n.t(
                "unit.companion_item",
                lang,
                item=items["DH"],
                status=i18n.t(f"item.{dh_now.iloc[0] if len(dh_now) else 'none'}", lang),
                period=pname,
            )
        )
        lines = metrics.companion_lines(own.reports, mate["unit_name"], companion)
        for line in lines.to_dict("records"):
            st.text(f"{i18n.period_name(line['period'], lang)}: {line['text']}")
        if lines.empty:
            st.caption(i18n.t("unit.companion_no_lines", lang))
    else:
        st.write(i18n.t("unit.companion_none", lang))
    accompanied = snap.units[snap.units["companion_code"] == code]
    if len(accompanied):
        st.caption(i18n.t("unit.accompanies", lang, names=_widgets.literal(", ".join(accompanied["name"].astype(str)))))

st.subheader(i18n.t("unit.reports_header", lang))
reports = own.reports
if reports.empty:
    st.write(i18n.t("unit.reports_none", lang))
for _, rep in reports.sort_values("period", ascending=False).iterrows():
    with st.expander(
        i18n.t(
            "unit.report_of",
            lang,
            period=i18n.period_name(rep["period"], lang),
            date=i18n.fmt_date(rep["meeting_date"], lang),
            reporter=_widgets.literal(i18n.text_or_dash(rep["reporter"])),
        ),
        expanded=rep["period"] == f.period,
    ):
        for key in ("difficulties", "proposals", "models"):
            if isinstance(rep[key], str) and rep[key]:
                st.markdown(f"**{i18n.t(f'report.{key}', lang)}**")
                st.text(rep[key])
        st.caption(tables.report_figures(rep, lang))

# ---------------------------------------------------------------- support plan, actions, meetings (#15)
_support.unit_section(snap, f, code, lang)
