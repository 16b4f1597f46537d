"""The history: every write is an entry in `uploads`, and nothing is overwritten.

Every row belongs to an upload. A row is *current* when its upload is active and is the latest
active upload holding that row's key (a unit, a unit in a period, or the whole set for criteria and
working groups). Uploading a period again therefore replaces exactly the units it holds, the old rows
stay for history, and undo is flipping uploads off and recomputing *current* for the keys touched.
Which uploads are active is replayed from `upload_changes`, each entry's effect on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import sqlalchemy as sa

from .schema import ROW_TABLES, upload_changes, uploads


def new_entry(conn: sa.Connection, **values) -> int:
    """A history entry (an import, a restore, a settings change), active from the start."""
    entry = conn.execute(uploads.insert().values(at=_now(), active=True, **values)).inserted_primary_key[0]
    conn.execute(upload_changes.insert().values(entry_id=entry, upload_id=entry, active=True))
    return entry


def supersede(conn: sa.Connection, table: sa.Table, upload_id: int) -> int:
    """Older current rows with a key this upload holds stop being current; returns how many keys."""
    key = table.info["key"]
    older = sa.and_(table.c.current, table.c.upload_id != upload_id)
    if key:
        mine = sa.select(*[table.c[k] for k in key]).where(table.c.upload_id == upload_id)
        older = sa.and_(older, sa.tuple_(*[table.c[k] for k in key]).in_(mine))
        counted = sa.select(sa.func.count()).select_from(
            sa.select(*[table.c[k] for k in key]).where(older).distinct().subquery()
        )
        count = conn.execute(counted).scalar_one()
    else:
        count = conn.execute(sa.select(sa.func.count()).select_from(table).where(older)).scalar_one()
    conn.execute(table.update().where(older).values(current=False))
    return count


def restore_before(conn: sa.Connection, target: Mapping, by: str = "") -> int:
    """Restore the state just before the upload `target`; the restore is itself a new entry,
    recording which uploads it switched on or off."""
    before = _active_before(conn, target["id"])
    now = {r.id: r.active for r in conn.execute(sa.select(uploads.c.id, uploads.c.active))}
    entry = new_entry(
        conn,
        action="rollback",
        kinds=target["kinds"],
        by=by,
        filename=target["filename"],
        periods=target["periods"],
        target_id=target["id"],
    )
    flips = {uid: before.get(uid, False) for uid, active in now.items() if before.get(uid, False) != active}
    for uid, active in flips.items():
        conn.execute(upload_changes.insert().values(entry_id=entry, upload_id=uid, active=active))
        conn.execute(uploads.update().where(uploads.c.id == uid).values(active=active))
    for table in ROW_TABLES:
        _recompute_current(conn, table, list(flips))
    return entry


def switch_off(conn: sa.Connection, upload_ids: list[int], **values) -> int:
    """A new entry that switches the given uploads off (the sample data removed, say); undone like
    any other entry, by restoring the state before it."""
    entry = new_entry(conn, **values)
    for uid in upload_ids:
        conn.execute(upload_changes.insert().values(entry_id=entry, upload_id=uid, active=False))
    if upload_ids:
        conn.execute(uploads.update().where(uploads.c.id.in_(upload_ids)).values(active=False))
    for table in ROW_TABLES:
        _recompute_current(conn, table, list(upload_ids))
    return entry


def _active_before(conn: sa.Connection, entry_id: int) -> dict[int, bool]:
    """Which uploads were active just before entry_id, by replaying the history."""
    state: dict[int, bool] = {}
    query = sa.select(upload_changes).where(upload_changes.c.entry_id < entry_id).order_by(upload_changes.c.entry_id)
    for row in conn.execute(query):
        state[row.upload_id] = row.active
    return state


def _recompute_current(conn: sa.Connection, table: sa.Table, flipped: list[int]) -> None:
    if not flipped:
        return
    key = table.info["key"]
    other = table.alias("other")
    newest = (
        sa.select(sa.func.coalesce(sa.func.max(other.c.upload_id), -1))
        .join(uploads, uploads.c.id == other.c.upload_id)
        .where(uploads.c.active)
    )
    for k in key:
        newest = newest.where(other.c[k] == table.c[k])
    scope = sa.true()
    if key:
        touched = sa.select(*[table.c[k] for k in key]).where(table.c.upload_id.in_(flipped))
        scope = sa.tuple_(*[table.c[k] for k in key]).in_(touched)
    conn.execute(table.update().where(scope).values(current=(table.c.upload_id == newest.scalar_subquery())))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
