"""The Store: what the app reads from and writes to its database (SQLAlchemy Core; a SQLite file or
PostgreSQL by URL). Its tables are declared in schema.py; what makes a row *current*, and undo, is
history.py; backups are backup.py, failed sign-ins logins.py, schema upgrades migrate.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from . import contract as C
from . import history, logins, migrate, periods
from .batch import SUPPORT_FRAMES, Batch, Context
from .errors import Code, DoanError, Exit
from .problems import Problem, error
from .schema import (
    FRAME_TABLES,
    clusters,
    criteria,
    default_url,
    evidence,
    is_read_only,
    make_engine,
    meetings,
    members,
    reinforcements,
    report_texts,
    reports,
    score_meta,
    scores,
    settings_table,
    statuses,
    support_actions,
    units,
    upload_changes,
    uploads,
    working_groups,
    write_transaction,
)
from .schema import commendations as commendations_table
from .settings import Settings

log = logging.getLogger("doandata.store")

# What an upload's "rows added / replaced" counts: one row per unit, member, criterion, scorecard or
# report (not the derived clusters and groups, nor the points and statuses inside a scorecard or report).
COUNTED = ("units", "members", "criteria", "score_meta", "reports", *SUPPORT_FRAMES)


class DuplicateUpload(DoanError):
    """The very same file is stored already (and active): nothing new to store, not a failure."""

    code = Code.DUPLICATE_UPLOAD
    exit_status = Exit.OK

    def __init__(self, upload: dict):
        super().__init__(id=upload["id"], at=upload["at"])
        self.upload = upload


class ReadOnlyStore(DoanError):
    """The store's disk or folder cannot be written: it is shown, nothing is stored."""

    code = Code.READ_ONLY_STORE

    def __init__(self, file: str):
        super().__init__(file=file)


class UnknownUpload(DoanError):
    code = Code.UNKNOWN_UPLOAD

    def __init__(self, upload_id: int):
        super().__init__(id=upload_id)


class EditorRequired(DoanError):
    """An edit in the app names the signed-in editor who makes it (pages/_editor.require checks the
    role where the write happens; the store refuses an edit that names nobody)."""

    code = Code.EDITOR_REQUIRED


class UnknownAction(DoanError):
    code = Code.UNKNOWN_ACTION

    def __init__(self, unit: str, number: int):
        super().__init__(unit=unit, number=number)


class EditRefused(DoanError):
    """An edit in the app that breaks the workbook's rules: each problem, said as the upload says it."""

    code = Code.EDIT_REFUSED

    def __init__(self, problems: list[Problem]):
        super().__init__()
        self.problems = problems

    def message(self, lang: str = "vi") -> str:
        return "\n".join(p.message(lang) for p in self.problems)


class NothingToApprove(DoanError):
    """Approval asked for a period (and group) without a checked card waiting for it (#19)."""

    code = Code.NOTHING_TO_APPROVE

    def __init__(self, period: str, group: int | None):
        from .i18n import period_name

        super().__init__(period=period_name(period), group=group if group is not None else "—")


class UnknownGroup(DoanError):
    code = Code.UNKNOWN_GROUP

    def __init__(self, group: int, known: list[int]):
        super().__init__(group=group, allowed=", ".join(str(g) for g in known) or "—")


@dataclass
class Imported:
    id: int
    rows_added: int
    rows_replaced: int


class Store:
    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine = make_engine(self.url)
        self.read_only = is_read_only(self.engine)
        if self.read_only:
            self.upgraded_from = migrate.revision(self.engine)
            if self.upgraded_from not in migrate.known():
                raise migrate.NewerStore(str(self.upgraded_from), migrate.head())
            log.warning("the store %s is read-only: shown, nothing can be stored", self.engine.url.database)
        else:
            self.upgraded_from = migrate.upgrade(self.engine)

    # ------------------------------------------------------------ writing

    def _write(self):
        if self.read_only:
            raise ReadOnlyStore(self.engine.url.database.removeprefix("file:"))  # as backup.sqlite_path
        return write_transaction(self.engine)

    def import_batch(
        self, batch: Batch, *, filename: str = "", sha256: str = "", by: str = "", action: str = "import"
    ) -> Imported:
        """Store a checked batch in one transaction: all or nothing. The same file is a duplicate
        only for the same periods: chosen for another quarter at upload, it is another upload."""
        periods = ",".join(batch.periods)
        with self._write() as conn:
            if sha256:
                same = (
                    conn.execute(
                        sa.select(uploads).where(
                            uploads.c.sha256 == sha256, uploads.c.periods == periods, uploads.c.active
                        )
                    )
                    .mappings()
                    .first()
                )
                if same:
                    raise DuplicateUpload(dict(same))
            upload_id = history.new_entry(
                conn,
                action=action,
                kinds=",".join(batch.kinds),
                by=by,
                filename=filename[:255],
                sha256=sha256,
                periods=periods,
            )
            added = replaced = 0
            for name, frame in batch.frames.items():
                if frame is None or frame.empty:
                    continue
                table = FRAME_TABLES[name]
                if name == "evidence":
                    frame = _merged_evidence(conn, frame)
                _insert(conn, table, frame, upload_id)
                if "current" not in table.c:
                    continue
                count = history.supersede(conn, table, upload_id)
                if name in COUNTED:
                    replaced += count
                    added += len(frame) - count
            card_totals(conn, upload_id)
            conn.execute(
                uploads.update().where(uploads.c.id == upload_id).values(rows_added=added, rows_replaced=replaced)
            )
        return Imported(upload_id, added, replaced)

    def rollback(self, upload_id: int, by: str = "") -> int:
        """Restore the state just before upload_id (history.restore_before); returns the new entry."""
        with self._write() as conn:
            target = conn.execute(sa.select(uploads).where(uploads.c.id == upload_id)).mappings().first()
            if target is None:
                raise UnknownUpload(upload_id)
            return history.restore_before(conn, target, by)

    def sample_uploads(self) -> list[int]:
        """The sample data's uploads still active: while there are any, the pages say the figures
        are the sample's."""
        with self.engine.connect() as conn:
            query = sa.select(uploads.c.id).where(*_SAMPLE).order_by(uploads.c.id)
            return list(conn.execute(query).scalars())

    def remove_sample(self, by: str = "") -> int | None:
        """Take the sample data out, to start real work: one history entry ("unseed") that switches
        every sample upload off, undone like any other. None when there is no sample to remove."""
        with self._write() as conn:
            query = sa.select(uploads.c.id, uploads.c.kinds).where(*_SAMPLE)
            found = conn.execute(query).all()
            if not found:
                return None
            kinds = ",".join(dict.fromkeys(k for _, ks in found for k in ks.split(",") if k))
            return history.switch_off(conn, [r.id for r in found], action="unseed", kinds=kinds, by=by)

    def save_settings(self, settings: Settings, by: str = "") -> int:
        with self._write() as conn:
            entry = history.new_entry(conn, action="settings", kinds="settings", by=by)
            conn.execute(
                settings_table.insert().values(upload_id=entry, data=json.dumps(settings.to_json()), current=True)
            )
            history.supersede(conn, settings_table, entry)
        return entry

    # ------------------------------------------------------------ editing in the app (#15)

    def update_action(
        self,
        unit_code: str,
        action_no: int,
        *,
        by: str,
        status: str | None = None,
        result: str | None = None,
        evidence: str | None = None,
        meeting_date: dt.date | None = None,
    ) -> int | None:
        """Change an action's status, result or evidence (None: unchanged), as a history entry of its
        own that can be undone like an upload: the unit's plan is stored again with the change. Returns
        the entry, or None when nothing changed. `status` is a key (not_started, in_progress, done) or
        a status word (Hoàn thành); "Quá hạn" is the app's to compute and is refused. `meeting_date`
        links the change to the working-group meeting that decided it."""
        by = _editor(by)
        changes = {}
        if status is not None:
            changes["status"] = _status_key(status)
        for key, value in (("result", result), ("evidence", evidence)):
            if value is not None:
                changes[key] = C.clean_text(value)
        if meeting_date is not None:
            changes["meeting_date"] = meeting_date.date() if isinstance(meeting_date, dt.datetime) else meeting_date
        with self._write() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    sa.select(*_data_columns(support_actions))
                    .where(support_actions.c.current, support_actions.c.unit_code == unit_code)
                    .order_by(support_actions.c.action_no)
                ).mappings()
            ]
            target = next((r for r in rows if r["action_no"] == action_no), None)
            if target is None:
                raise UnknownAction(unit_code, action_no)
            if all(target[k] == v for k, v in changes.items()):
                return None
            target.update(changes)
            entry = history.new_entry(conn, action="edit", kinds="support", by=by)
            conn.execute(support_actions.insert(), [{**r, "upload_id": entry, "current": True} for r in rows])
            replaced = history.supersede(conn, support_actions, entry)
            conn.execute(uploads.update().where(uploads.c.id == entry).values(rows_replaced=replaced))
        return entry

    def add_meeting(
        self,
        *,
        by: str,
        group_no: int,
        meeting_date: dt.date,
        place: str = "",
        present: str = "",
        absent: str = "",
        units_discussed: list[str] | tuple[str, ...] = (),
        conclusions: str = "",
        solutions: str = "",
    ) -> int:
        """Record a working group's meeting typed in the app, as a history entry of its own that can be
        undone; checked as a row of the Biên bản họp tổ workbook is (known group and units, one
        meeting of a group a day). The units are codes or names; they are stored as codes."""
        by = _editor(by)
        problems: list[Problem] = []
        if not isinstance(meeting_date, dt.date):
            problems.append(error("required_empty", column=C.MEETINGS.column("meeting_date").header))
        groups = self.working_groups()
        if groups and group_no not in groups:
            allowed = ", ".join(f"Tổ {g}" for g in groups)
            problems.append(error("group_unknown", value=group_no, allowed=allowed))
        known = self.units()
        codes = {c: c for c in known["unit_code"]} | {C.fold(n): c for c, n in zip(known["unit_code"], known["name"])}
        found = []
        for named in units_discussed:
            code = codes.get(C.normal_code(named)) or codes.get(C.fold(named))
            if code is None:
                problems.append(error("unit_unknown", value=C.clean_text(named)))
            elif code not in found:
                found.append(code)
        if problems:
            raise EditRefused(problems)
        if isinstance(meeting_date, dt.datetime):
            meeting_date = meeting_date.date()
        period = periods.quarter_code(meeting_date.year, (meeting_date.month - 1) // 3 + 1)
        new = {
            "group_no": int(group_no),
            "meeting_date": meeting_date,
            "period": period,
            "place": C.clean_text(place),
            "present": C.clean_text(present),
            "absent": C.clean_text(absent),
            "units_discussed": ",".join(found),
            "conclusions": C.clean_text(conclusions),
            "solutions": C.clean_text(solutions),
        }
        with self._write() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    sa.select(*_data_columns(meetings)).where(
                        meetings.c.current, meetings.c.group_no == new["group_no"], meetings.c.period == period
                    )
                ).mappings()
            ]
            if any(r["meeting_date"] == meeting_date for r in rows):
                raise EditRefused(
                    [
                        error(
                            "meeting_held",
                            value=meeting_date.strftime("%d/%m/%Y"),
                            group=new["group_no"],
                        )
                    ]
                )
            entry = history.new_entry(conn, action="edit", kinds="meetings", by=by, periods=period)
            conn.execute(meetings.insert(), [{**r, "upload_id": entry, "current": True} for r in [*rows, new]])
            history.supersede(conn, meetings, entry)
            conn.execute(uploads.update().where(uploads.c.id == entry).values(rows_added=1))
        return entry

    # ------------------------------------------------------------ the commendation proposal (#16)

    def commendations(self, period: str) -> pd.DataFrame:
        """The stored rows of a proposal (a quarter '2018-Q2' or a review's key 'midyear', 'final'):
        decisions on units and the persons added, by kind and position (commendations.py reads them)."""
        table = self._src(commendations_table)
        query = (
            sa.select(*_data_columns(table))
            .where(table.c.current, table.c.period == period)
            .order_by(table.c.kind, table.c.position)
        )
        return self._frame(query)

    def decide_commendation(self, period: str, kind: str | None, key: str, decision: str, *, by: str) -> int | None:
        """Record the Standing Committee's decision on a candidate (proposed, agreed, refused; "Đồng
        ý" too): the period's list stored again whole, one history entry. `key` is a unit's code or a
        person's P<n>; `kind` None when the key names one candidate. None when nothing changed."""
        from . import commendations as K

        by = _editor(by)
        t, cands = self._proposal(period)
        before = {(c.kind, c.key): c.decision for c in cands}
        cands, chosen = K.decide(cands, kind, key, decision)
        if before[(chosen.kind, chosen.key)] == chosen.decision:
            return None
        return self._store_proposal(t, cands, by, K.CHANGES[chosen.decision])

    def add_person(
        self, period: str, *, name: str, role: str = "", reason: str, unit: str | None = None, by: str
    ) -> int:
        """Add an individual to a proposal (a working-group member, a unit's cadre, a reinforcement
        staff member; `role` a commendations.ROLES key or words), with the reason. One history entry."""
        from . import commendations as K

        by = _editor(by)
        t, cands = self._proposal(period)
        cands, _ = K.added(cands, self.units(), name, role, reason, unit)
        return self._store_proposal(t, cands, by, K.CHANGES["added"])

    def remove_person(self, period: str, key: str, *, by: str) -> int:
        """Take an individual (P<n>) out of a proposal. One history entry."""
        from . import commendations as K

        by = _editor(by)
        t, cands = self._proposal(period)
        cands, _ = K.removed(cands, key)
        return self._store_proposal(t, cands, by, K.CHANGES["removed"])

    def _proposal(self, period: str):
        from . import commendations as K

        settings = self.settings()
        t = K.target(period, settings)
        if t is None:
            raise K.Refused("period", value=C.clean_text(period), allowed=K.choices(settings))
        return t, K.candidates(self, t)

    def _store_proposal(self, t, cands, by: str, change: str) -> int:
        from . import commendations as K

        rows = [{**r, "period": t.key} for r in K.stored_rows(cands)]
        with self._write() as conn:
            entry = history.new_entry(conn, action="commendation", kinds=change, by=by, periods=t.quarter)
            conn.execute(commendations_table.insert(), [{**r, "upload_id": entry, "current": True} for r in rows])
            history.supersede(conn, commendations_table, entry)
        return entry

    # ------------------------------------------------------------ the reports' edited prose (#16)

    def report_text_edits(self, kind: str, period: str) -> dict[str, dict]:
        """The edited parts of a report: part -> {text, by, at, entry}; a part reverted to the draft
        (stored empty) is not among them."""
        query = (
            sa.select(report_texts.c.part, report_texts.c.text, uploads.c.by, uploads.c.at, uploads.c.id)
            .join(uploads, uploads.c.id == report_texts.c.upload_id)
            .where(report_texts.c.current, report_texts.c.kind == kind, report_texts.c.period == period)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return {r.part: {"text": r.text, "by": r.by, "at": r.at, "entry": r.id} for r in rows if r.text}

    def report_texts(self, kind: str, period: str) -> dict[str, str]:
        """part -> the edited text of a report kind and period (the document drafts the others)."""
        return {part: edit["text"] for part, edit in self.report_text_edits(kind, period).items()}

    def save_report_texts(self, kind: str, period: str, texts: dict[str, str], *, by: str) -> int | None:
        """Store edited parts of a report as one history entry (undone like any other); an empty text
        puts the part back to the draft. Each line is cleaned (no control characters, inner spaces
        collapsed), empty lines dropped. Returns the entry, or None when nothing changed."""
        by = _editor(by)
        cleaned = {str(part)[:32]: clean_lines(text) for part, text in texts.items()}
        now = self.report_texts(kind, period)
        changed = {part: text for part, text in cleaned.items() if now.get(part, "") != text}
        if not changed:
            return None
        with self._write() as conn:
            entry = history.new_entry(conn, action="report_text", kinds=kind, by=by, periods=period)
            conn.execute(
                report_texts.insert(),
                [
                    {"kind": kind, "period": period, "part": part, "text": text, "upload_id": entry, "current": True}
                    for part, text in changed.items()
                ],
            )
            replaced = history.supersede(conn, report_texts, entry)
            conn.execute(uploads.update().where(uploads.c.id == entry).values(rows_replaced=replaced))
        return entry

    # ------------------------------------------------------------ scoring in stages (#19)

    def approvable(self, period: str, group: int | None = None) -> list[str]:
        """The units whose current checked card of the period is not approved yet (no approved card,
        or one older than the checked card), of a working group's units or of all."""
        with self.engine.connect() as conn:
            return _approvable(conn, period, self._group_units(group), self._src)

    def approve(self, period: str, group: int | None = None, *, by: str) -> int:
        """Ban Thường vụ duyệt: the period's current checked cards (of a working group's units, or of
        all) copied into approved cards, points, reasons and all, in one history entry ("approve")
        that records who and when and is undone like an upload. Refused when nothing waits for it."""
        by = _editor(by)
        codes = self._group_units(group)
        with self._write() as conn:
            waiting = _approvable(conn, period, codes)
            if not waiting:
                raise NothingToApprove(period, group)
            entry = history.new_entry(conn, action="approve", kinds="scores", by=by, periods=period)
            checked = sa.and_(
                score_meta.c.current,
                score_meta.c.stage == "checked",
                score_meta.c.period == period,
                score_meta.c.unit_code.in_(waiting),
            )
            meta_cols = [c.name for c in _data_columns(score_meta) if c.name != "stage"]
            conn.execute(
                score_meta.insert().from_select(
                    ["upload_id", *meta_cols, "stage", "current"],
                    sa.select(
                        sa.literal(entry), *[score_meta.c[c] for c in meta_cols], sa.literal("approved"), sa.true()
                    ).where(checked),
                )
            )
            source = sa.select(score_meta.c.upload_id, score_meta.c.unit_code).where(checked).subquery()
            point_cols = ["unit_code", "period", "criterion_code", "points", "reason"]
            conn.execute(
                scores.insert().from_select(
                    ["upload_id", *point_cols, "stage"],
                    sa.select(sa.literal(entry), *[scores.c[c] for c in point_cols], sa.literal("approved")).where(
                        scores.c.upload_id == source.c.upload_id,
                        scores.c.unit_code == source.c.unit_code,
                        scores.c.period == period,
                        scores.c.stage == "checked",
                    ),
                )
            )
            replaced = history.supersede(conn, score_meta, entry)
            conn.execute(
                uploads.update()
                .where(uploads.c.id == entry)
                .values(rows_added=len(waiting) - replaced, rows_replaced=replaced)
            )
        return entry

    def _group_units(self, group: int | None) -> list[str] | None:
        """A working group's units (support.unit_groups), None for all; an unknown group is refused."""
        if group is None:
            return None
        from . import support

        known = support.groups_of(self.units(), self.members())
        if group not in known:
            raise UnknownGroup(group, known)
        groups = support.unit_groups(self.units(), self.members())
        return sorted(code for code, g in groups.items() if g == group)

    def stage_points(self, stage: str, periods: list[str] | None = None) -> pd.DataFrame:
        """unit_code, period, criterion_code, points of the current cards of one stage."""
        query = (
            sa.select(scores.c.unit_code, scores.c.period, scores.c.criterion_code, scores.c.points)
            .select_from(scores.join(score_meta, sa.and_(_same_card(score_meta), score_meta.c.current)))
            .where(score_meta.c.stage == stage)
        )
        if periods is not None:
            query = query.where(score_meta.c.period.in_(list(periods)))
        return self._frame(query)

    def card_scores(self, period: str, unit_code: str) -> pd.DataFrame:
        """One unit's period, criterion by criterion (in the criteria's order): the points of each
        stage's current card (self, checked, approved; NaN where none), the group's reason and the
        evidence (text, link)."""
        query = (
            sa.select(scores.c.criterion_code, scores.c.stage, scores.c.points, scores.c.reason)
            .select_from(scores.join(score_meta, sa.and_(_same_card(score_meta), score_meta.c.current)))
            .where(score_meta.c.period == period, score_meta.c.unit_code == unit_code)
        )
        points = self._frame(query)
        shown = self._frame(
            sa.select(evidence.c.criterion_code, evidence.c.text, evidence.c.link).where(
                evidence.c.current, evidence.c.period == period, evidence.c.unit_code == unit_code
            )
        )
        order = [c for c in self.criteria()["code"]]
        order += [c for c in dict.fromkeys(points["criterion_code"]) if c not in order]
        frame = pd.DataFrame({"criterion": order})
        for stage in C.STAGE_KEYS:
            mine = points[points["stage"] == stage]
            frame[stage] = frame["criterion"].map(dict(zip(mine["criterion_code"], mine["points"]))).astype(float)
        why = points[points["reason"].notna()].sort_values("stage", key=lambda st: st.map(_RANKS))
        reasons = dict(zip(why["criterion_code"], why["reason"]))  # the highest stage's reason last, kept
        frame["reason"] = frame["criterion"].map(reasons)
        frame["evidence_text"] = frame["criterion"].map(dict(zip(shown["criterion_code"], shown["text"])))
        frame["evidence_link"] = frame["criterion"].map(dict(zip(shown["criterion_code"], shown["link"])))
        held = set(points["criterion_code"]) | set(shown["criterion_code"])
        return frame[frame["criterion"].isin(held)].reset_index(drop=True)

    def evidence(self, unit_codes: list[str] | None = None) -> pd.DataFrame:
        """The current evidence: unit_code, period, criterion_code, text, link."""
        return self._current(evidence, "unit_code", "period", "criterion_code", unit_codes=unit_codes)

    def stage_counts(self, periods: list[str] | None = None) -> pd.DataFrame:
        """period, stage, units: how many units' totals rest on each stage. Units at `self` wait for
        the working group's checking; at `checked`, for the Standing Committee's approval."""
        query = (
            sa.select(score_meta.c.period, score_meta.c.stage, sa.func.count().label("units"))
            .where(counted_card(score_meta))
            .group_by(score_meta.c.period, score_meta.c.stage)
            .order_by(score_meta.c.period, score_meta.c.stage)
        )
        if periods is not None:
            query = query.where(score_meta.c.period.in_(list(periods)))
        return self._frame(query)

    def save_evidence(
        self, unit_code: str, period: str, criterion_code: str, text: str, link: str = "", *, by: str
    ) -> int | None:
        """An editor's evidence for one criterion of a unit's period (#19): a short text and a link or
        a file name the office keeps, cleaned as an upload's cells are; both empty removes it. The
        unit's evidence of the period is stored again with the change, as a history entry of its own
        ("edit") undone like an upload. None when nothing changed; an unknown unit, criterion or
        period is refused, naming it."""
        by = _editor(by)
        unit_code, criterion_code = C.normal_code(unit_code), C.normal_code(criterion_code)
        text, link = C.clean_text(text), C.clean_text(link)
        problems: list[Problem] = []
        if unit_code not in set(self.units()["unit_code"]):
            problems.append(error("unit_unknown", value=unit_code))
        known = list(self.criteria()["code"])
        if known and criterion_code not in known:
            problems.append(error("criterion_unknown", value=criterion_code, allowed=", ".join(known)))
        quarters = self.settings().quarters
        if period not in quarters:
            problems.append(error("period_outside_plan", value=period, allowed=", ".join(quarters)))
        if problems:
            raise EditRefused(problems)
        with self._write() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    sa.select(*_data_columns(evidence))
                    .where(evidence.c.current, evidence.c.unit_code == unit_code, evidence.c.period == period)
                    .order_by(evidence.c.criterion_code)
                ).mappings()
            ]
            old = next((r for r in rows if r["criterion_code"] == criterion_code), None)
            held = (old["text"] or "", old["link"] or "") if old else ("", "")
            if held == (text, link):
                return None
            # a short text (C.EVIDENCE_CHARS), whatever sent it; a longer one an upload brought is kept as it is
            long = [len(v) for v, h in zip((text, link), held) if len(v) > C.EVIDENCE_CHARS and v != h]
            if long:
                raise EditRefused([error("evidence_too_long", length=n, limit=C.EVIDENCE_CHARS) for n in long])
            # removed evidence stays as an empty row: the entry holds the unit and period's key, so
            # the entry supersedes the older rows and its undo brings them back
            rows = [r for r in rows if r["criterion_code"] != criterion_code]
            new = {"unit_code": unit_code, "period": period, "criterion_code": criterion_code}
            rows.append({**new, "text": text or None, "link": link or None})
            entry = history.new_entry(conn, action="edit", kinds="scores", by=by, periods=period)
            conn.execute(evidence.insert(), [{**r, "upload_id": entry, "current": True} for r in rows])
            history.supersede(conn, evidence, entry)
            conn.execute(uploads.update().where(uploads.c.id == entry).values(rows_replaced=int(old is not None)))
        return entry

    # ------------------------------------------------------------ reading

    def _frame(self, query) -> pd.DataFrame:
        with self.engine.connect() as conn:
            return pd.read_sql_query(query, conn)

    def _current(self, table: sa.Table, *order: str, unit_codes: list[str] | None = None) -> pd.DataFrame:
        table = self._src(table)
        cols = [c for c in table.c if c.name not in ("upload_id", "current")]
        query = sa.select(*cols).where(table.c.current)
        if unit_codes is not None:
            query = query.where(table.c.unit_code.in_(list(unit_codes)))
        if order:
            query = query.order_by(*[table.c[o] for o in order])
        return self._frame(query)

    def units(self) -> pd.DataFrame:
        frame = self._current(units, "cluster", "unit_code")
        frame["special"] = frame["special"].astype(bool)
        return frame

    def clusters(self) -> pd.DataFrame:
        return self._current(clusters, "cluster")

    def members(self) -> pd.DataFrame:
        return self._current(members, "group_no", "position")

    def criteria(self) -> pd.DataFrame:
        return self._current(criteria, "position")

    def scores(self, periods: list[str] | None = None, unit_code: str | None = None) -> pd.DataFrame:
        query = sa.select(scores.c.unit_code, scores.c.period, scores.c.criterion_code, scores.c.points).select_from(
            _current_cards()
        )
        if periods:
            query = query.where(scores.c.period.in_(periods))
        if unit_code:
            query = query.where(scores.c.unit_code == unit_code)
        return self._frame(query)

    def totals(
        self, periods: list[str] | None = None, unit_codes: list[str] | None = None, stage: str | None = None
    ) -> pd.DataFrame:
        """Each unit's total per period: the sum of its criterion points, added up in the database
        when the card was imported; of the card that counts (counted_card), with its stage, or of the
        current cards of one stage (an upload's preview compares a self-score with the self-score)."""
        meta = self._src(score_meta)
        query = sa.select(meta.c.unit_code, meta.c.period, meta.c.points_total.label("total"), meta.c.stage).where(
            self._counted(meta) if stage is None else sa.and_(meta.c.current, meta.c.stage == stage)
        )
        if periods is not None:
            query = query.where(meta.c.period.in_(periods))
        if unit_codes is not None:
            query = query.where(meta.c.unit_code.in_(list(unit_codes)))
        return self._frame(query)

    def basics(self) -> dict:
        """The small frames every page draws from (no scores, statuses or reports)."""
        return {
            "settings": self.settings(),
            "units": self.units(),
            "criteria": self.criteria(),
            "members": self.members(),
            "clusters": self.clusters(),
            "scored_periods": self.scored_periods(),
        }

    def unit_rows(self, codes: list[str]) -> dict:
        """A few units' own rows: totals of every period, plan-item statuses, quarterly reports."""
        return {
            "totals": self.totals(unit_codes=codes),
            "statuses": self.statuses(unit_codes=codes),
            "reports": self.reports(unit_codes=codes),
        }

    def items_done(self, period: str, settings: Settings) -> pd.Series:
        """Per unit: how many plan items have 'done' as their latest status reported up to and
        including the period (metrics.items_done, counted in the database)."""
        frame = self._frame(_items_done_query(period, settings))
        return frame.set_index("unit_code")["items_done"].astype(int)

    def figures(self, period: str, settings: Settings) -> pd.DataFrame:
        """Per unit (in the order of units()): what progress needs of it, with the period's total,
        the 2017 scorecard's total and the plan items done, all added up in the database and read
        in one query; `stage`: the stage of the card the total rests on (#19)."""
        now, base = self._src(score_meta, "now"), self._src(score_meta, "base")
        done = _items_done_query(period, settings, self._src(statuses)).subquery()
        query = (
            sa.select(
                units.c.unit_code,
                units.c.name,
                units.c.cluster,
                units.c.special,
                units.c.baseline_total,
                units.c.baseline_rating,
                now.c.points_total.label("total"),
                base.c.points_total.label("baseline_card"),
                done.c.items_done,
                now.c.stage,
            )
            .select_from(
                units.outerjoin(
                    now, sa.and_(self._counted(now), now.c.unit_code == units.c.unit_code, now.c.period == period)
                )
                .outerjoin(
                    base,
                    sa.and_(
                        self._counted(base),
                        base.c.unit_code == units.c.unit_code,
                        base.c.period == settings.baseline_period,
                    ),
                )
                .outerjoin(done, done.c.unit_code == units.c.unit_code)
            )
            .where(units.c.current)
            .order_by(units.c.cluster, units.c.unit_code)
        )
        frame = self._frame(query)
        frame["special"] = frame["special"].astype(bool)
        return frame

    def section_means(
        self, periods: list[str], special_only: bool = False, unit_codes: list[str] | None = None
    ) -> pd.DataFrame:
        """section, period, mean: the mean over units (those given, the special ones, or all) of each
        unit's points in a section of the scorecard, added up in the database."""
        query = (
            sa.select(
                criteria.c.section,
                scores.c.period,
                (sa.func.sum(scores.c.points) / sa.func.count(sa.distinct(scores.c.unit_code))).label("mean"),
            )
            .select_from(
                _current_cards()
                .join(criteria, sa.and_(criteria.c.current, criteria.c.code == scores.c.criterion_code))
                .join(units, sa.and_(units.c.current, units.c.unit_code == scores.c.unit_code))
            )
            .where(scores.c.period.in_(periods))
            .group_by(criteria.c.section, scores.c.period)
        )
        if special_only:
            query = query.where(units.c.special)
        if unit_codes is not None:
            query = query.where(units.c.unit_code.in_(unit_codes))
        return self._frame(query)

    def score_meta(self) -> pd.DataFrame:
        """The cards that count, one per unit and period (counted_card)."""
        cols = [c for c in score_meta.c if c.name not in ("upload_id", "current")]
        return self._frame(sa.select(*cols).where(counted_card(score_meta)))

    def reports(self, unit_codes: list[str] | None = None) -> pd.DataFrame:
        """Current quarterly reports, of the units given (a short list) or of all."""
        return self._current(reports, "period", "unit_code", unit_codes=unit_codes)

    def statuses(self, unit_codes: list[str] | None = None) -> pd.DataFrame:
        """Current plan-item statuses, of the units given (a short list) or of all."""
        return self._current(statuses, unit_codes=unit_codes)

    def support_actions(self, unit_codes: list[str] | None = None) -> pd.DataFrame:
        """The current support plans: one row per action, by unit and number."""
        return self._current(support_actions, "unit_code", "action_no", unit_codes=unit_codes)

    def reinforcements(self) -> pd.DataFrame:
        """The current reinforcement staff, by the unit they go to."""
        return self._current(reinforcements, "to_unit", "start", "position")

    def meetings(self) -> pd.DataFrame:
        """The current working-group meetings, by group and date."""
        return self._current(meetings, "group_no", "meeting_date")

    # ------------------------------------------------------------ the meeting brief (#20)

    # The rows a past meeting read: the brief's link fixes its meeting, so it reads the same next week.
    # None: the ordinary reads (the `current` flags, unchanged); a list: the uploads active at a day.
    _as_of_ids: list[int] | None = None
    AS_OF_TABLES = ("score_meta", "reports", "statuses", "commendations")

    def as_of(self, day: dt.date | dt.datetime) -> Store:
        """The store as it stood at the end of `day` (a datetime: just before it), for what a meeting
        reviews: scorecards, reports, plan-item statuses and commendation decisions are read from the
        rows whose entry was made by then and not replaced by an entry made by then; undo and restore
        entries count by their own time. The sample's own imports count as made before any meeting:
        they stand for the plan year's data (ingest.seed stores them all at the first start). Units,
        criteria, groups and settings are read as today. Read-only: it shares the engine, writes nothing."""
        cutoff = day if isinstance(day, dt.datetime) else dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
        with self.engine.connect() as conn:
            entries = conn.execute(sa.select(uploads.c.id, uploads.c.at, uploads.c.action, uploads.c.by)).all()
            counted = {r.id for r in entries if r.at < cutoff or (r.action == "import" and r.by == SAMPLE_BY)}
            changes = conn.execute(
                sa.select(upload_changes.c.entry_id, upload_changes.c.upload_id, upload_changes.c.active).order_by(
                    upload_changes.c.entry_id
                )
            ).all()
        state: dict[int, bool] = {}
        for entry, upload, active in changes:
            if entry in counted:
                state[upload] = bool(active)
        view = copy.copy(self)
        view._as_of_ids = sorted(u for u, active in state.items() if active)
        view.read_only = True
        return view

    def _src(self, table: sa.Table, name: str | None = None):
        """The table to read (an alias when named), or, as of a day, its rows then with `current`
        recomputed: the newest of the uploads active then holding the row's key (history's rule)."""
        if self._as_of_ids is None or table.name not in self.AS_OF_TABLES:
            return table if name is None else table.alias(name)
        key = [table.c[k] for k in table.info["key"]]
        newest = sa.func.max(table.c.upload_id).over(partition_by=key or None)
        cols = [c for c in table.c if c.name != "current"]
        query = sa.select(*cols, (table.c.upload_id == newest).label("current"))
        return query.where(table.c.upload_id.in_(self._as_of_ids)).subquery(name)

    def _counted(self, meta) -> sa.ColumnElement:
        """counted_card of the cards read (as of a day when the store is)."""
        return counted_card(meta, None if self._as_of_ids is None else self._src(score_meta))

    def action_versions(self) -> pd.DataFrame:
        """Every stored version of every action, of the history entries still active, with the entry's
        id and time (`entry`, `at`), oldest first: when an action was completed is read from them."""
        cols = [c for c in support_actions.c if c.name not in ("upload_id", "current")]
        query = (
            sa.select(*cols, uploads.c.id.label("entry"), uploads.c.at)
            .select_from(support_actions.join(uploads, uploads.c.id == support_actions.c.upload_id))
            .where(uploads.c.active)
            .order_by(uploads.c.at, uploads.c.id, support_actions.c.unit_code, support_actions.c.action_no)
        )
        return self._frame(query)

    def working_groups(self) -> list[int]:
        """The numbers of the working groups the store knows."""
        query = sa.select(working_groups.c.group_no).where(working_groups.c.current).distinct()
        with self.engine.connect() as conn:
            return sorted(int(g) for g in conn.execute(query).scalars())

    def scored_periods(self) -> list[str]:
        """The periods holding at least one current scorecard."""
        meta = self._src(score_meta)
        query = sa.select(meta.c.period).where(meta.c.current).distinct()
        with self.engine.connect() as conn:
            return sorted(conn.execute(query).scalars())

    def settings(self) -> Settings:
        frame = self._current(settings_table)
        return Settings.from_json(json.loads(frame["data"].iloc[0])) if len(frame) else Settings()

    def history(self) -> pd.DataFrame:
        return self._frame(sa.select(uploads).order_by(uploads.c.id.desc()))

    def upload(self, upload_id: int) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(uploads).where(uploads.c.id == upload_id)).mappings().first()
        return dict(row) if row else None

    def version(self) -> int:
        """The id of the newest history entry: a cache key that changes with every write."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.coalesce(sa.func.max(uploads.c.id), 0))).scalar_one()

    def is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(uploads)).scalar_one() == 0

    def context(self, period_choice: str | None = None, filename: str = "", stage_choice: str | None = None) -> Context:
        unit_frame = self.units().rename(columns={"unit_code": "code"})[
            ["code", "name", "cluster", "baseline_total", "baseline_rating"]
        ]
        return Context(
            unit_frame,
            self.criteria(),
            self.settings(),
            period_choice,
            filename,
            self.working_groups(),
            stage_choice=stage_choice,
            self_points=lambda periods: self.stage_points("self", periods),
        )

    def login_counts(self) -> logins.LoginCounts:
        """The failed sign-ins every instance on this store counts together (see auth.Throttle)."""
        return logins.LoginCounts(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


SAMPLE_BY = "Dữ liệu mẫu"  # who the sample's uploads are by (ingest.seed)
_SAMPLE = (uploads.c.action == "import", uploads.c.by == SAMPLE_BY, uploads.c.active)


def _editor(by: str) -> str:
    name = C.clean_text(by or "")[: uploads.c.by.type.length]
    if not name:
        raise EditorRequired()
    return name


def clean_lines(text: str | None) -> str:
    """An edited text as stored: each line cleaned (contract.clean_text), the empty ones dropped."""
    lines = (C.clean_text(line) for line in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _status_key(value: str) -> str:
    if value in {s.key for s in C.STATUSES}:
        return value
    status = C.parse_status(value)
    if status is None:
        code = "status_overdue_computed" if C.fold(value) in C.OVERDUE_WORDS else "status_unknown"
        raise EditRefused([error(code, value=value, allowed=", ".join(C.STATUS_NAMES))])
    return status.key


def _data_columns(table: sa.Table) -> list[sa.Column]:
    return [c for c in table.c if c.name not in ("upload_id", "current")]


def _items_done_query(period: str, settings: Settings, statuses=statuses):
    """unit_code, items_done: the plan items whose latest status up to the period is 'done'
    (per unit and item, the last quarter reported is the last quarter reported 'done'); `statuses`
    the table, or its rows as of a day (Store.as_of)."""
    order = {p: i for i, p in enumerate(settings.periods)}
    upto = [p for p in settings.periods if period in order and order[p] <= order[period]]
    rank = sa.case({p: order[p] for p in upto}, value=statuses.c.period, else_=-1) if upto else sa.literal(-1)
    per_item = (
        sa.select(
            statuses.c.unit_code,
            sa.func.max(rank).label("last"),
            sa.func.max(sa.case((statuses.c.status == "done", rank))).label("last_done"),
        )
        .where(statuses.c.current, statuses.c.period.in_(upto))
        .group_by(statuses.c.unit_code, statuses.c.item_code)
        .subquery()
    )
    return (
        sa.select(per_item.c.unit_code, sa.func.count().label("items_done"))
        .where(per_item.c.last == per_item.c.last_done)
        .group_by(per_item.c.unit_code)
    )


_RANKS = {s.key: s.rank for s in C.STAGES}


def stage_rank(column) -> sa.ColumnElement:
    """A stage's rank in SQL (self 1, checked 2, approved 3; anything else 0)."""
    return sa.case(_RANKS, value=column, else_=0)


def counted_card(meta, higher=None) -> sa.ColumnElement:
    """The condition that a score_meta row (the table or an alias of it) is *the* card of its unit
    and period: current, and no current card of a higher stage beside it. Before any approval the
    latest stage present counts; every read of "the" total goes through here (#19). `higher`: the
    cards compared with (score_meta's rows as of a day, Store.as_of; the table by default)."""
    higher = score_meta.alias() if higher is None else higher
    return sa.and_(
        meta.c.current,
        ~sa.exists().where(
            higher.c.current,
            higher.c.unit_code == meta.c.unit_code,
            higher.c.period == meta.c.period,
            stage_rank(higher.c.stage) > stage_rank(meta.c.stage),
        ),
    )


def _approvable(conn: sa.Connection, period: str, codes: list[str] | None, src=None) -> list[str]:
    meta = score_meta if src is None else src(score_meta)
    approved = score_meta.alias("approved") if src is None else src(score_meta, "approved")
    query = sa.select(meta.c.unit_code).where(
        meta.c.current,
        meta.c.stage == "checked",
        meta.c.period == period,
        ~sa.exists().where(
            approved.c.current,
            approved.c.stage == "approved",
            approved.c.unit_code == meta.c.unit_code,
            approved.c.period == period,
            approved.c.upload_id > meta.c.upload_id,
        ),
    )
    if codes is not None:
        query = query.where(meta.c.unit_code.in_(codes))
    return sorted(conn.execute(query).scalars())


def _merged_evidence(conn: sa.Connection, frame: pd.DataFrame) -> pd.DataFrame:
    """An upload's evidence, with the evidence already stored for the same units and periods that
    it does not replace (evidence survives a re-upload without it, #19)."""
    keys = list(dict.fromkeys(zip(frame["unit_code"], frame["period"])))
    cols = _data_columns(evidence)
    kept = []
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = sa.select(*cols).where(
            evidence.c.current, sa.tuple_(evidence.c.unit_code, evidence.c.period).in_(chunk)
        )
        kept.extend(dict(r) for r in conn.execute(query).mappings())
    if not kept:
        return frame
    old = pd.DataFrame.from_records(kept, columns=[c.name for c in cols])
    new_keys = set(zip(frame["unit_code"], frame["period"], frame["criterion_code"]))
    old = old[[k not in new_keys for k in zip(old["unit_code"], old["period"], old["criterion_code"])]]
    return pd.concat([frame, old], ignore_index=True)


def _current_cards():
    """Score rows joined to the score_meta row of the card that counts for their unit and period."""
    return scores.join(score_meta, sa.and_(_same_card(score_meta), counted_card(score_meta)))


def _same_card(meta) -> sa.ColumnElement:
    return sa.and_(
        meta.c.upload_id == scores.c.upload_id,
        meta.c.unit_code == scores.c.unit_code,
        meta.c.period == scores.c.period,
        meta.c.stage == scores.c.stage,
    )


def _insert(conn: sa.Connection, table: sa.Table, frame: pd.DataFrame, upload_id: int) -> None:
    """Bulk insert through the driver's executemany with plain tuples: SQLAlchemy's per-row
    parameter processing costs more than SQLite's own work at 800,000 score rows."""
    names = [c.name for c in table.c if c.name in frame.columns]
    columns = [_plain(frame[name], table.c[name].type) for name in names]
    n = len(frame)
    extra = ["current"] if "current" in table.c else []
    flat_columns = [[upload_id] * n, *columns, *([[True] * n] if extra else [])]
    quoted = [conn.dialect.identifier_preparer.quote(c) for c in ("upload_id", *names, *extra)]
    placeholder = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    one = "(" + ", ".join([placeholder] * len(quoted)) + ")"
    head = f"INSERT INTO {table.name} ({', '.join(quoted)}) VALUES "
    # several hundred rows per statement: far fewer statement executions than one row each
    per = max(1, 8000 // len(quoted))
    rows = list(zip(*flat_columns))
    full = n - n % per
    if full:
        chunks = [tuple(v for row in rows[b : b + per] for v in row) for b in range(0, full, per)]
        conn.exec_driver_sql(head + ", ".join([one] * per), chunks)
    if full < n:
        conn.exec_driver_sql(head + one, rows[full:])


def _plain(series: pd.Series, sa_type) -> list:
    """Python values the drivers take: None for missing, bool/int/float/str/date, no numpy."""
    missing = series.isna().to_numpy()
    if isinstance(sa_type, sa.Float) and not missing.any():
        return series.astype(float).tolist()  # numpy floats become Python floats here
    if isinstance(sa_type, sa.String) and not missing.any() and series.dtype == object:
        return series.tolist()
    if isinstance(sa_type, sa.Float):
        convert = float
    elif isinstance(sa_type, sa.Boolean):
        convert = bool
    elif isinstance(sa_type, sa.Integer):
        convert = int
    elif isinstance(sa_type, sa.Date):

        def convert(v):
            return v.isoformat() if hasattr(v, "isoformat") else str(v)
    else:
        convert = str
    return [None if m else convert(v) for v, m in zip(series.astype(object).tolist(), missing)]


def card_totals(conn: sa.Connection, upload_id: int) -> None:
    """Each scorecard of the upload gets its total, summed in the database."""
    points = sa.select(sa.func.sum(scores.c.points)).where(_same_card(score_meta)).scalar_subquery()
    conn.execute(score_meta.update().where(score_meta.c.upload_id == upload_id).values(points_total=points))
