"""Tải lên (editors): check a quarterly workbook, show what it holds and what it changes, store on confirm."""

import streamlit as st

from doandata import contract as C
from doandata import i18n, ingest, markup, metrics, tables
from doandata.problems import Unreadable
from doandata.store import DuplicateUpload
from pages import _editor, _sidebar, _snapshot, _widgets

f = _sidebar.sidebar()
lang = f.lang
st.title(i18n.t("upload.header", lang))
editor = _editor.require(lang)
snap = _snapshot.load()
store = _snapshot.store()

done = st.session_state.pop("upload_done", None)
if done:
    st.success(
        i18n.t(
            "upload.stored",
            lang,
            **{**done, "file": _widgets.literal(done["file"]), "by": _widgets.literal(done["by"])},
        )
    )

periods = [None, *snap.settings.periods]
period = st.selectbox(
    i18n.t("upload.period", lang),
    periods,
    key="upload_period",
    format_func=lambda p: i18n.t("upload.period_auto", lang) if p is None else i18n.period_name(p, lang),
)
# the scorecards' stage (#19): read from the file (a column or the title), else chosen here
stage = st.selectbox(
    i18n.t("upload.stage", lang),
    [None, *C.STAGE_KEYS],
    key="upload_stage",
    format_func=lambda s: i18n.t("upload.stage_auto", lang) if s is None else i18n.t(f"stage.{s}", lang),
    help=i18n.t("upload.stage_help", lang),
)
blank_period = period or f.period
st.caption(i18n.t("upload.templates", lang, period=i18n.period_name(blank_period, lang)))
scores_col, reports_col, others_col = st.columns(3)
for col, kind in ((scores_col, "scores"), (reports_col, "reports")):
    _widgets.template_button(col, snap, kind, blank_period, lang, key=f"upload_dl_{kind}")
others_col.page_link(
    "pages/mau_bieu.py",
    label=i18n.t("upload.other_templates", lang),
    icon=":material/description:",
    help=i18n.t("upload.other_templates_help", lang),
)
generation = st.session_state.setdefault("upload_generation", 0)
_widgets.uploader_in_vietnamese(lang)
uploaded = st.file_uploader(
    i18n.t("upload.drop", lang),
    type=["xlsx", "xlsm", "xls", "ods"],
    key=f"upload_{generation}",
    help=i18n.t("upload.drop_help", lang),
)
if uploaded is None:
    st.stop()

data, name = uploaded.getvalue(), uploaded.name
try:
    outcome = ingest.inspect(data, name, store, period, stage)
except Unreadable as exc:
    st.error(_widgets.literal(exc.problem.message(lang)))
    st.stop()
batch = outcome.batch

st.subheader(i18n.t("upload.recognised", lang))
st.write(tables.batch_summary(batch, lang))
if batch.problems:
    errors = sum(p.severity == "error" for p in batch.problems)
    (st.error if errors else st.warning)(
        i18n.t("upload.problems", lang, errors=errors, warnings=len(batch.problems) - errors)
    )
    _widgets.table(tables.problems_table(batch.problems, lang), lang)
    # made once per file and language (a child process opens the workbook), not on every rerun
    marked_key = (outcome.sha256, name, period, stage, lang, snap.version)
    kept = st.session_state.get("upload_marked")
    if not kept or kept[0] != marked_key:
        kept = (marked_key, markup.marked_workbook(data, name, batch.problems, lang, store=store))
        st.session_state["upload_marked"] = kept
    st.download_button(
        i18n.t("upload.marked", lang),
        kept[1],
        file_name=f"{name.rsplit('.', 1)[0]}_can_sua.xlsx",
        icon=":material/download:",
        mime=_widgets.MIME["xlsx"],
    )
if not batch.ok:
    st.info(i18n.t("upload.fix_then_retry", lang))
    st.stop()

new_scores = batch.frames.get("scores")
# a card is compared with the current card of its own stage (#19): a self-score with the self-score
one_stage = new_scores["stage"].iloc[0] if new_scores is not None and new_scores["stage"].nunique() == 1 else None
old_totals = None if new_scores is None else store.totals(periods=sorted(set(new_scores["period"])), stage=one_stage)
changes = metrics.preview_changes(new_scores, old_totals, snap.units, snap.settings)
st.subheader(i18n.t("upload.changes", lang))
if len(changes):
    moved = int((changes["change"].fillna(1) != 0).sum())
    st.write(i18n.t("upload.changes_count", lang, moved=moved, same=len(changes) - moved))
    _widgets.table(tables.changes_table(changes, lang), lang)
else:
    st.write(i18n.t("upload.changes_rows", lang, rows=batch.rows(), units=batch.units_touched()))

if st.button(i18n.t("upload.confirm", lang), type="primary", key="upload_confirm"):
    _editor.require(lang)  # the role is checked again where the write happens
    try:
        stored = ingest.import_bytes(data, name, store, period, by=editor, stage=stage).imported
    except DuplicateUpload as exc:
        st.warning(exc.message(lang))
        st.stop()
    record = store.upload(stored.id)
    st.session_state["upload_done"] = {
        "id": stored.id,
        "file": name,
        "by": editor,
        "when": i18n.fmt_datetime(record["at"], lang),
        "periods": ", ".join(i18n.period_name(p, lang) for p in batch.periods) or "—",
        "added": stored.rows_added,
        "replaced": stored.rows_replaced,
    }
    st.session_state["upload_generation"] = generation + 1  # a fresh, empty uploader
    st.rerun()
