"""Backup and restore of a SQLite store while the app runs (SQLite's online backup API, never a
file copy). A PostgreSQL store is backed up with pg_dump, which is consistent while the app runs."""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa

from .errors import Code, DoanError

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


def sqlite_path(engine: sa.Engine) -> str | None:
    """The store's file, or None for PostgreSQL or an in-memory store."""
    url = engine.url
    return url.database if url.get_backend_name() == "sqlite" and url.database not in (None, ":memory:") else None


def backup_to(engine: sa.Engine, target: str) -> None:
    """A consistent copy of the store in the file target."""
    source = sqlite_path(engine)
    if source is None:
        raise NotSQLite(str(engine.url))
    try:
        with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
            live.backup(copy)
    except sqlite3.OperationalError as exc:  # the target cannot be created or written
        raise OSError(str(exc)) from None


def restore_from(engine: sa.Engine, backup: str) -> None:
    """Replace the store's content with a backup made by backup_to, online, in one step."""
    target = sqlite_path(engine)
    if target is None:
        raise NotSQLite(str(engine.url))
    try:
        with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as source:
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables >= STORE_TABLES:
                raise NotABackup(backup)
            engine.dispose()
            with sqlite3.connect(target, timeout=30) as live:
                source.backup(live)
    except sqlite3.DatabaseError:
        raise NotABackup(backup) from None
