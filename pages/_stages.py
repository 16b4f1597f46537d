"""Scoring in stages on the pages (#19): which stage the figures rest on, and the Standing Committee's
approval of a working group's checked scorecards, as one history entry that can be undone."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from doandata import charts, i18n, stages, tables
from doandata import contract as C
from pages import _editor, _snapshot, _widgets
from pages._filters import Filters
from pages._snapshot import Snapshot

APPROVED = "stage_approved_message"
EVIDENCE_SAVED = "stage_evidence_message"


def rests_on(frame: pd.DataFrame, period_name: str, lang: str) -> None:
    """One line under the overview's counts while some totals are not approved yet: how many rest
    on the units' self-scores, how many on the groups' checking, and that the highest stage counts."""
    if "stage" not in frame.columns:
        return
    counts = frame["stage"].value_counts()
    waiting_check, waiting_approval = int(counts.get("self", 0)), int(counts.get("checked", 0))
    if waiting_check or waiting_approval:
        st.caption(i18n.t("stages.rests_on", lang, period=period_name, self=waiting_check, checked=waiting_approval))


def largest_gaps(snap: Snapshot, f: Filters, frame: pd.DataFrame, lang: str) -> None:
    """On the overview, only when there are any: the units shown whose self-score of the quarter is
    above the working group's check, the largest gaps first (a conversation to have). Read once
    per store version and view."""

    def found() -> pd.DataFrame:
        totals = stages.stage_totals(_snapshot.store(), periods=[f.period], unit_codes=list(frame["unit_code"]))
        return stages.largest_gaps(totals, frame.rename(columns={"unit_name": "name"}), f.period)

    gaps = _widgets.cached(_widgets.view_key(snap, f, "gaps"), found)
    if gaps.empty:
        return
    st.markdown(f"**{i18n.t('stages.gaps_header', lang)}**")
    period_name = i18n.period_name(f.period, lang)
    st.caption(
        i18n.t("stages.gaps_caption", lang, period=period_name, n=len(gaps), shown=min(len(gaps), stages.GAPS_SHOWN))
    )
    _widgets.table(tables.gaps_table(gaps.head(stages.GAPS_SHOWN), lang), lang)


def approval_section(period: str, period_name: str, group: int, codes: list[str], lang: str) -> None:
    """Under a working group: its units whose checked scorecard of the quarter waits for approval,
    and, for an editor, the approval of them all in one step."""
    message = st.session_state.pop(APPROVED, None)
    if message:
        st.success(message)
    if not codes:
        return
    store = _snapshot.store()
    waiting = [c for c in store.approvable(period, group) if c in codes]
    if not waiting:
        return
    st.subheader(i18n.t("stages.approve_header", lang, period=period_name))
    st.write(i18n.t("stages.waiting", lang, n=len(waiting), codes=", ".join(waiting)))
    if not _editor.signed_in():
        st.caption(i18n.t("stages.approve_viewer", lang))
        return
    with st.form(f"approve_{group}"):
        sure = st.checkbox(i18n.t("stages.approve_confirm", lang, n=len(waiting), group=group, period=period_name))
        sent = st.form_submit_button(i18n.t("stages.approve", lang, group=group), type="primary")
    if not sent:
        return
    if not sure:
        st.warning(i18n.t("stages.approve_tick", lang))
        return
    entry = _editor.write(lang, lambda by: store.approve(period, group, by=by))
    if entry is None:
        return
    st.session_state[APPROVED] = i18n.t("stages.approved", lang, n=len(waiting), group=group, entry=entry)
    st.rerun()


def evidence_editor(
    period: str,
    period_name: str,
    code: str,
    stages: pd.DataFrame,
    criteria: pd.DataFrame,
    lang: str,
    offer_sign_in: bool = True,
) -> None:
    """Under the unit's stages table: for an editor, a criterion's evidence of the period (a short
    text, a link or the name of a file the office keeps) added, changed or emptied, one history entry
    each; a viewer reads it in the table above, as text, and is offered the sign-in here unless the
    page offers it further down (`offer_sign_in` False: one sign-in form a page)."""
    message = st.session_state.pop(EVIDENCE_SAVED, None)
    if message:
        st.success(message)
    if criteria.empty:
        return
    if not _editor.signed_in():
        st.caption(i18n.t("stages.evidence_viewer", lang))
        if offer_sign_in:
            _editor.offer_sign_in(lang)
        return
    contents = dict(zip(criteria["code"], criteria["content"]))
    with st.expander(i18n.t("stages.evidence_header", lang, period=period_name), icon=":material/attach_file:"):
        criterion = st.selectbox(
            i18n.t("stages.evidence_pick", lang),
            list(contents),
            format_func=lambda c: f"{c} — {charts.short_name(str(contents[c] or ''))}",
            key=f"evidence_pick_{code}",
        )
        held = stages[stages["criterion"] == criterion] if len(stages) else stages
        text = _text(held["evidence_text"].iloc[0]) if len(held) else ""
        link = _text(held["evidence_link"].iloc[0]) if len(held) else ""
        with st.form(f"evidence_{code}_{period}_{criterion}"):
            # Streamlit cuts a box's value at max_chars: a longer text an upload brought is offered whole
            text = st.text_area(
                i18n.t("stages.evidence_text", lang), value=text, max_chars=max(C.EVIDENCE_CHARS, len(text)), height=80
            )
            link = st.text_input(
                i18n.t("stages.evidence_link", lang), value=link, max_chars=max(C.EVIDENCE_CHARS, len(link))
            )
            sent = st.form_submit_button(i18n.t("stages.evidence_save", lang), type="primary")
    if not sent:
        return
    store = _snapshot.store()
    entry = _editor.write(
        lang,
        lambda by: store.save_evidence(code, period, criterion, text, link, by=by),
        "stages.evidence_unchanged",
    )
    if entry is None:
        return
    st.session_state[EVIDENCE_SAVED] = i18n.t(
        "stages.evidence_saved", lang, criterion=criterion, period=period_name, entry=entry
    )
    st.rerun()


def _text(value) -> str:
    return value if isinstance(value, str) else ""
