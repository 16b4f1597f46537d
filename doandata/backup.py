"""Backup and restore of a SQLite store while the app runs (SQLite's online backup API, never a
file copy). A PostgreSQL store is backed up with pg_dump, which is consistent while the app runs.

A backup is written beside its target under a temporary name and renamed when complete, so a full
disk leaves nothing behind (and an older backup of the same name untouched). A restore reads the
backup's schema revision first: an older one is upgraded once restored, a newer one is refused;
it keeps the highest upload id ever given, so ids are never given twice, and it is itself an entry
of the history, so the store's version (the pages' cache key) moves on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

from . import history, migrate
from .errors import Code, DoanError
from .schema import is_read_only, write_transaction
from .store import ReadOnlyStore

# A file holding these tables is a store this app made.
STORE_TABLES = {"uploads", "units", "scores"}


class NotSQLite(DoanError):
    """Backups of PostgreSQL are made with pg_dump, which is consistent while the app runs."""

    code = Code.NOT_SQLITE

    def __init__(self, url: str):
        super().__init__(url=url)


class NotABackup(DoanError):
    code = Code.NOT_A_BACKUP

    def __init__(self, file: str):
        super().__init__(file=file)


class NewerBackup(DoanError):
    """A backup made by a newer release: restoring it would leave a store this app cannot read."""

    code = Code.NEWER_BACKUP

    def __init__(self, file: str, found: str, known: str):
        super().__init__(file=file, found=found, known=known)


class DiskFull(DoanError):
    code = Code.DISK_FULL

    def __init__(self, file: str):
        super().__init__(file=file)


def sqlite_path(engine: sa.Engine) -> str | None:
    """The store's file, or None for PostgreSQL or an in-memory store."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, ":memory:"):
        return None
    return url.database.removeprefix("file:")  # a read-only store is opened by a file: URI


def backup_to(engine: sa.Engine, target: str) -> None:
    """A consistent copy of the store in the file target, complete or not there at all."""
    source = sqlite_path(engine)
    if source is None:
        raise NotSQLite(str(engine.url))
    final = Path(target)
    partial = final.with_name(f".{final.name}.{os.getpid()}.partial")
    try:
        with closing(_connect(engine, source)) as live, closing(sqlite3.connect(partial)) as copy:
            live.backup(copy)
        os.replace(partial, final)
    except (sqlite3.Error, OSError) as exc:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        if _disk_full(exc):
            raise DiskFull(target) from None
        raise OSError(str(exc)) from None  # the folder is missing or cannot be written


def _connect(engine: sa.Engine, path: str) -> sqlite3.Connection:
    """The store's file as the engine opens it: a store on a read-only disk is immutable there."""
    if is_read_only(engine):
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    return sqlite3.connect(path)


def _disk_full(exc: BaseException) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or getattr(exc, "errno", None) == errno.ENOSPC


def restore_from(engine: sa.Engine, backup: str) -> int:
    """Replace the store's content with a backup made by backup_to, online, in one step; returns
    the history entry that records the restore."""
    target = sqlite_path(engine)
    if target is None:
        raise NotSQLite(str(engine.url))
    if is_read_only(engine):
        raise ReadOnlyStore(target)
    try:
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        _check_revision(source, backup)
    except sqlite3.DatabaseError:
        raise NotABackup(backup) from None
    with closing(source):
        high = _highest_upload_id(engine)
        engine.dispose()
        try:
            with closing(sqlite3.connect(target, timeout=30)) as live:
                source.backup(live)  # one transaction on the store: all of the backup or nothing
        except sqlite3.Error as exc:
            if _disk_full(exc):
                raise DiskFull(target) from None
            raise OSError(str(exc)) from None
    migrate.upgrade(engine)  # a backup of an older release: brought to this release's schema
    with write_transaction(engine) as conn:
        _keep_highest_upload_id(conn, high)
        return history.new_entry(conn, action="restore", kinds="", filename=Path(backup).name[:255])


def _check_revision(source: sqlite3.Connection, backup: str) -> None:
    tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables >= STORE_TABLES:
        raise NotABackup(backup)
    found = migrate.FIRST  # the first release kept no revision
    if "alembic_version" in tables:
        row = source.execute("SELECT version_num FROM alembic_version").fetchone()
        found = row[0] if row else migrate.FIRST
    if found not in migrate.known():
        raise NewerBackup(backup, found, migrate.head())


def _highest_upload_id(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        highest = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM uploads").scalar_one()
        if sa.inspect(conn).has_table("sqlite_sequence"):
            given = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'uploads'").scalar()
            highest = max(highest, given or 0)
    return highest


def _keep_highest_upload_id(conn: sa.Connection, highest: int) -> None:
    """AUTOINCREMENT gives the next upload an id above sqlite_sequence's: the restored backup's
    sequence may be lower than what the store had given already."""
    given = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'uploads'").scalar()
    if given is None:
        conn.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('uploads', ?)", (highest,))
    elif given < highest:
        conn.exec_driver_sql("UPDATE sqlite_sequence SET seq = ? WHERE name = 'uploads'", (highest,))
