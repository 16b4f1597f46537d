"""Versioned schema upgrades (Alembic). Every store is brought to the newest revision when it is
opened, so a store made by an older release upgrades in place.

Several app instances may start at once on one store: the upgrade runs in a single write
transaction (BEGIN IMMEDIATE on SQLite, a transaction-level advisory lock on PostgreSQL), so one
instance upgrades and the others then find nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from .errors import Code, DoanError, Exit
from .schema import write_transaction

FIRST = "0001"  # the schema `metadata.create_all` made before migrations were versioned
_LOCK = 771016  # PostgreSQL advisory-lock key of schema upgrades (other writes hold schema.WRITE_LOCK)


class NewerStore(DoanError):
    """The store was upgraded by a newer release than this one: refuse rather than guess."""

    code = Code.NEWER_STORE
    exit_status = Exit.UNREADABLE

    def __init__(self, found: str, known: str):
        super().__init__(found=found, known=known)
        self.found, self.known = found, known


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def known() -> set[str]:
    """Every revision this release knows."""
    return {s.revision for s in ScriptDirectory.from_config(config()).walk_revisions()}


def revision(engine: sa.Engine) -> str | None:
    """The store's revision; FIRST for a store made before versioning; None for an empty store."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None and sa.inspect(conn).has_table("uploads"):
            return FIRST
        return current


def upgrade(engine: sa.Engine, target: str = "head") -> str | None:
    """Bring the store to the target revision; returns the revision it had before."""
    before = revision(engine)
    if target == "head" and before == head():
        return before  # the common case: no write lock taken at start
    if before is not None and before not in known():
        raise NewerStore(before, head())
    cfg = config()
    with locked(engine) as conn:
        stamp_unversioned(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return before


@contextmanager
def locked(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One write transaction that no other upgrade can enter. On SQLite, foreign keys are off
    while a revision rebuilds a table (SQLite's own procedure for changing a table: a dropped
    parent would count its children as violations) and checked before the commit."""
    if engine.dialect.name != "sqlite":
        with write_transaction(engine, lock=_LOCK) as conn:
            yield conn
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: before BEGIN
        try:
            with conn.execution_options(write=True).begin():
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken:
                    raise sa.exc.IntegrityError("PRAGMA foreign_key_check", None, Exception(str(tuple(broken))))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def stamp_unversioned(conn: sa.Connection) -> None:
    inspector = sa.inspect(conn)
    if inspector.has_table("uploads") and not inspector.has_table("alembic_version"):
        conn.execute(
            sa.text(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
        conn.execute(sa.text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": FIRST})
