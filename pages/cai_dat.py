"""Cài đặt (editors): the rating scale, progress thresholds, milestones, per-unit targets, plan year."""

import dataclasses

import pandas as pd
import streamlit as st

from doandata import cells, i18n
from doandata import settings as S
from doandata.text import clean_text
from pages import _editor, _sidebar, _snapshot, _widgets

f = _sidebar.sidebar()
lang = f.lang
st.title(i18n.t("settings.header", lang))
editor = _editor.require(lang)
snap = _snapshot.load()
current: S.Settings = snap.settings
saved = st.session_state.pop("settings_saved", None)
if saved:
    st.success(i18n.t("settings.saved", lang, entry=saved))
st.caption(i18n.t("settings.caption", lang))


def saved(value: float, unit: str = "") -> str:
    """The stored value in the reader's numbers ("2,5"): Streamlit's number box writes a decimal point."""
    return i18n.t("settings.saved_value", lang, value=i18n.fmt_number(value, lang, 4) + unit)


with st.form("settings"):
    st.subheader(i18n.t("settings.years", lang))
    c1, c2 = st.columns(2)
    plan_year = c1.number_input(i18n.t("settings.plan_year", lang), 2000, 2100, current.plan_year, step=1)
    baseline_year = c2.number_input(i18n.t("settings.baseline_year", lang), 2000, 2100, current.baseline_year, step=1)

    st.subheader(i18n.t("settings.plan", lang))
    st.caption(i18n.t("settings.plan_note", lang))
    c1, c2 = st.columns(2)
    plan_number = c1.text_input(i18n.t("settings.plan_number", lang), current.plan_number)
    plan_date = c2.date_input(i18n.t("settings.plan_date", lang), current.plan_date, format="DD/MM/YYYY")
    plan_title = st.text_input(i18n.t("settings.plan_title", lang), current.plan_title)

    st.subheader(i18n.t("settings.signer", lang))
    st.caption(i18n.t("settings.signer_note", lang))
    c1, c2, c3 = st.columns(3)
    signer_on_behalf = c1.text_input(
        i18n.t("settings.signer_on_behalf", lang),
        current.signer_on_behalf,
        max_chars=80,
        placeholder=i18n.t("doc.on_behalf", lang),
    )
    signer_title = c2.text_input(
        i18n.t("settings.signer_title", lang),
        current.signer_title,
        max_chars=80,
        placeholder=i18n.t("doc.signer_title", lang),
    )
    signer_name = c3.text_input(i18n.t("settings.signer_name", lang), current.signer_name, max_chars=80)

    st.subheader(i18n.t("settings.scale", lang))
    st.caption(i18n.t("settings.scale_note", lang))
    scale_cols = list(zip(st.columns(len(current.scale)), current.scale))
    names = [
        col.text_input(i18n.t("settings.level_name", lang, n=i + 1), r.name, max_chars=40, key=f"scale_name_{r.key}")
        for i, (col, r) in enumerate(scale_cols)
    ]
    minima = [
        col.number_input(
            i18n.t("settings.level_minimum", lang, name=i18n.rating_name(r.name, lang)),
            0.0,
            100.0,
            float(r.minimum),
            step=1.0,
            format="%g",
            key=f"scale_{r.key}",
            help=saved(r.minimum),
        )
        for col, r in scale_cols
    ]
    level_names = {r.key: i18n.rating_name(r.name, lang) for r in current.scale}
    weak_levels = st.multiselect(
        i18n.t("settings.weak_levels", lang),
        list(level_names),
        default=[k for k in current.weak_levels if k in level_names],
        format_func=level_names.get,
        key="weak_levels",
        help=i18n.t("settings.weak_levels_help", lang),
    )

    st.subheader(i18n.t("settings.progress", lang))
    cols = st.columns(4)
    # shares of the gap as percentages; the store keeps fractions (0.25), the office reads 25%
    percents = [
        col.number_input(
            i18n.t("settings.fraction_percent", lang, q=q + 1),
            0.0,
            100.0,
            float(v * 100),
            step=5.0,
            format="%g",
            key=f"fraction_{q}",
            help=saved(v * 100, "%"),
        )
        for q, (col, v) in enumerate(zip(cols, current.quarter_fractions))
    ]
    c1, c2, c3 = st.columns(3)
    band = c1.number_input(
        i18n.t("settings.band", lang),
        0.0,
        50.0,
        float(current.at_risk_band),
        step=0.5,
        format="%g",
        help=saved(current.at_risk_band),
    )
    levels = c2.number_input(i18n.t("settings.rec_levels", lang), 1, 4, int(current.recognised_levels), step=1)
    points = c3.number_input(
        i18n.t("settings.rec_points", lang),
        0.5,
        100.0,
        float(current.recognised_points),
        step=0.5,
        format="%g",
        help=saved(current.recognised_points),
    )

    st.subheader(i18n.t("settings.milestones", lang))
    ms = pd.DataFrame(
        {
            "key": [m.key for m in current.milestones],
            "name": [m.name for m in current.milestones],
            "date": [m.date for m in current.milestones],
            "note": [m.note for m in current.milestones],
        }
    )
    edited_ms = st.data_editor(
        ms,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="milestones",
        column_config={
            "key": None,
            "name": st.column_config.TextColumn(i18n.t("settings.ms_name", lang), required=True),
            "date": st.column_config.DateColumn(i18n.t("settings.ms_date", lang), format="DD/MM/YYYY", required=True),
            "note": st.column_config.TextColumn(i18n.t("settings.ms_note", lang)),
        },
    )

    st.subheader(i18n.t("settings.targets", lang))
    codes = list(snap.units["unit_code"])
    targets = pd.DataFrame(
        {"unit_code": list(current.targets), "target": list(current.targets.values())}, columns=["unit_code", "target"]
    )
    edited_targets = st.data_editor(
        targets,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="targets",
        column_config={
            "unit_code": st.column_config.SelectboxColumn(i18n.t("col.unit_code", lang), options=codes, required=True),
            "target": st.column_config.NumberColumn(i18n.t("col.target_total", lang), min_value=0, max_value=100),
        },
    )
    again = _editor.password_again(lang, key="settings_password")
    submitted = st.form_submit_button(i18n.t("settings.save", lang), type="primary")

if submitted:
    _editor.require(lang)  # the role is checked again where the write happens
    _editor.confirm(again, lang)
    rows = edited_ms.dropna(subset=["name", "date"])
    new = dataclasses.replace(
        current,
        plan_year=int(plan_year),
        baseline_year=int(baseline_year),
        plan_number=" ".join(str(plan_number).split()),
        plan_date=plan_date or current.plan_date,
        plan_title=" ".join(str(plan_title).split()),
        signer_on_behalf=clean_text(signer_on_behalf),
        signer_title=clean_text(signer_title),
        signer_name=clean_text(signer_name),
        scale=S.renamed(tuple(dataclasses.replace(r, minimum=float(m)) for r, m in zip(current.scale, minima)), names),
        weak_levels=tuple(weak_levels),
        quarter_fractions=tuple(round(float(x) / 100, 6) for x in percents),
        at_risk_band=float(band),
        recognised_levels=int(levels),
        recognised_points=float(points),
        milestones=tuple(
            S.Milestone(
                str(k) if isinstance(k, str) and k else f"custom_{i}",
                pd.Timestamp(dt_).date(),
                str(n).strip(),
                "" if cells.is_blank(note) else str(note),
            )
            for i, (k, n, dt_, note) in enumerate(zip(rows["key"], rows["name"], rows["date"], rows["note"]))
        ),
        targets={
            str(c): float(t)
            for c, t in zip(edited_targets["unit_code"], edited_targets["target"])
            if isinstance(c, str) and c and pd.notna(t)
        },
    )
    if new.plan_year != current.plan_year and rows["key"].tolist() == [m.key for m in current.milestones]:
        new = dataclasses.replace(new, milestones=S.default_milestones(new.plan_year))  # the new year's dates
    wrong = S.check(new, set(codes))
    if wrong:
        for key, params in wrong:
            st.error(i18n.t(key, lang, **{k: _widgets.literal(v) for k, v in params.items()}))
    else:
        st.session_state["settings_saved"] = _snapshot.store().save_settings(new, by=editor)
        st.rerun()
