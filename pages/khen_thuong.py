"""Tuyên dương, khen thưởng: the commendation proposal of a quarter or a review (III.2.1 of the plan),
the Standing Committee's decisions, the individuals editors add, and the printable list. The rules are
doandata.commendations'; this page draws them and hands the changes to the store."""

import streamlit as st

from doandata import commendations as K
from doandata import i18n
from pages import _editor, _sidebar, _snapshot, _widgets

SAVED = "commend_saved"  # the message of the last change, shown once after the rerun


@st.cache_data(show_spinner=False, max_entries=8)
def _candidates(url: str, version: int, key: str, lang: str) -> list[dict]:
    """The proposal as the store holds it at `version` (any change makes a new version)."""
    return [c.record() for c in K.candidates(_snapshot._open(url), key, lang)]


@st.cache_data(show_spinner=False, max_entries=8)
def _file(url: str, version: int, key: str, fmt: str, lang: str) -> bytes:
    return K.build(_snapshot._open(url), key, fmt, lang)


@st.cache_data(show_spinner=False, max_entries=4)
def _people(url: str, version: int) -> list[dict]:
    s = _snapshot._open(url)
    return K.suggestions(s.members(), s.reinforcements())


f = _sidebar.sidebar()
lang = f.lang
snap = _snapshot.load()
settings = snap.settings
st.title(i18n.t("commend.header", lang))
st.caption(i18n.t("commend.caption", lang))
if snap.units.empty:
    st.info(i18n.t("reports.empty", lang), icon=":material/info:")
    st.page_link("pages/tai_len.py", label=i18n.t("nav.upload", lang), icon=":material/upload_file:")
    st.stop()

targets = {t.key: t for t in K.targets(settings)}
keys = list(targets)
key = st.selectbox(
    i18n.t("commend.which", lang),
    keys,
    index=keys.index(f.period) if f.period in keys else 0,
    format_func=lambda k: K.target_name(targets[k], lang),
    key="commend_target",
)
target = targets[key]
message = st.session_state.pop(SAVED, None)
if message:
    st.success(message)

cands = [K.Candidate(**r) for r in _candidates(snap.url, snap.version, key, lang)]
count = {k: sum(c.kind == k for c in cands) for k in K.KINDS}
st.caption(
    i18n.t(
        "commend.counts",
        lang,
        n=len(cands),
        units=count["unit"],
        mates=count["companion"],
        people=count["person"],
        agreed=sum(c.decision == "agreed" for c in cands),
        refused=sum(c.decision == "refused" for c in cands),
    )
)
frame = K.table(cands, lang)
if frame.empty:
    st.caption(i18n.t("commend.lines.none", lang))
else:
    # names and reasons as typed or drafted, in cells (never markdown); the reason wraps on three lines
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        row_height=_widgets.MESSAGE_ROW_PX,
        height=min(40 + _widgets.MESSAGE_ROW_PX * len(frame), 2000),  # every row in view, no inner scroll
        column_config={
            i18n.t("commend.col.name", lang): st.column_config.TextColumn(width=_widgets.NAME_WIDTH),
            i18n.t("commend.col.reason", lang): st.column_config.TextColumn(width="large"),
        },
    )
for col, fmt, icon in zip(st.columns(2), ("docx", "xlsx"), (":material/description:", ":material/table:")):
    col.download_button(
        i18n.t(f"commend.get_{fmt}", lang),
        _file(snap.url, snap.version, key, fmt, lang),
        file_name=K.file_name(target, fmt),
        icon=icon,
        width="stretch",
        mime=_widgets.MIME[fmt],
        key=f"commend_get_{fmt}",
    )

# ---------------------------------------------------------------- editors: decisions and individuals

if not _editor.signed_in():
    st.caption(i18n.t("commend.viewer", lang))
    _editor.offer_sign_in(lang)
    st.stop()
store = _snapshot.store()


def _done(text: str) -> None:
    st.session_state[SAVED] = text
    st.rerun()


if cands:
    st.subheader(i18n.t("commend.decide_header", lang))
    labels = {f"{c.kind}:{c.key}": f"{c.key} · {c.name} · {K.decision_name(c.decision, lang)}"[:160] for c in cands}
    pick = st.selectbox(i18n.t("commend.pick", lang), list(labels), format_func=labels.get, key="commend_pick")
    chosen = next(c for c in cands if f"{c.kind}:{c.key}" == pick)
    with st.form(f"commend_decide_{key}_{pick}"):
        decision = st.radio(
            i18n.t("commend.decision", lang),
            K.DECISIONS,
            index=K.DECISIONS.index(chosen.decision),
            format_func=lambda d: K.decision_name(d, lang),
            horizontal=True,
        )
        decided = st.form_submit_button(i18n.t("commend.save", lang), type="primary")
    if decided:
        decide = lambda by: store.decide_commendation(key, chosen.kind, chosen.key, decision, by=by)  # noqa: E731
        entry = _editor.write(lang, decide, "commend.unchanged")
        if entry is not None:
            _done(
                i18n.t(
                    "commend.saved",
                    lang,
                    name=_widgets.literal(chosen.name),
                    decision=K.decision_name(decision, lang),
                    entry=entry,
                )
            )

st.subheader(i18n.t("commend.add_header", lang))
people = _people(snap.url, snap.version)
names = dict(zip(snap.units["unit_code"], snap.units["name"]))
suggested = st.selectbox(
    i18n.t("commend.suggest", lang),
    [-1, *range(len(people))],
    format_func=lambda i: (
        i18n.t("commend.suggest_none", lang)
        if i < 0
        else f"{people[i]['name']} · {K.role_name(people[i]['role'], lang)}"
        + (f" · {names.get(people[i]['unit_code'], people[i]['unit_code'])}" if people[i]["unit_code"] else "")
    ),
    key="commend_suggest",
)
hint = people[suggested] if suggested >= 0 else {"name": "", "role": "cadre", "unit_code": None}
unit_options = ["", *snap.units["unit_code"]]
with st.form(f"commend_add_{key}_{suggested}", clear_on_submit=True):
    name = st.text_input(i18n.t("commend.name", lang), value=hint["name"], max_chars=K.NAME_CHARS)
    c1, c2 = st.columns(2)
    role = c1.selectbox(
        i18n.t("commend.role", lang),
        K.ROLES,
        index=K.ROLES.index(hint["role"]),
        format_func=lambda r: K.role_name(r, lang),
    )
    unit = c2.selectbox(
        i18n.t("commend.unit", lang),
        unit_options,
        index=unit_options.index(hint["unit_code"]) if hint["unit_code"] in unit_options else 0,
        format_func=lambda c: names.get(c, c) if c else i18n.t("commend.no_unit", lang),
    )
    reason = st.text_area(i18n.t("commend.reason", lang))
    add = st.form_submit_button(i18n.t("commend.add", lang))
if add:
    entry = _editor.write(
        lang, lambda by: store.add_person(key, name=name, role=role, reason=reason, unit=unit or None, by=by)
    )
    if entry is None:
        st.stop()
    _done(i18n.t("commend.added", lang, name=_widgets.literal(" ".join(name.split())), entry=entry))

persons = [c for c in cands if c.kind == "person"]
if persons:
    st.subheader(i18n.t("commend.remove_header", lang))
    who = {c.key: f"{c.key} · {c.name}"[:160] for c in persons}
    gone = st.selectbox(i18n.t("commend.remove_pick", lang), list(who), format_func=who.get, key="commend_remove_pick")
    if st.button(i18n.t("commend.remove", lang), key="commend_remove"):
        entry = _editor.write(lang, lambda by: store.remove_person(key, gone, by=by))
        if entry is None:
            st.stop()
        _done(
            i18n.t(
                "commend.removed",
                lang,
                name=_widgets.literal(next(c.name for c in persons if c.key == gone)),
                entry=entry,
            )
        )
