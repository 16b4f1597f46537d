"""Failed editor sign-ins, counted in the store so every app instance on it holds back the same
client (auth.Throttle reads and writes them through this)."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql
import sqlalchemy.dialects.sqlite

from .schema import login_failures


class LoginCounts:
    """auth.LoginCounts in the store. An attempt is counted by one atomic step, outside the import
    lock, so a sign-in never waits for an import on PostgreSQL; rows idle for a day are dropped."""

    FORGET_AFTER = 86_400.0

    def __init__(self, engine: sa.Engine):
        self.engine = engine
        self._insert = (
            sa.dialects.postgresql.insert if engine.dialect.name == "postgresql" else sa.dialects.sqlite.insert
        )

    def get(self, client: str) -> tuple[int, float]:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(login_failures.c.failures, login_failures.c.last_at).where(login_failures.c.client == client)
            ).first()
        return (row.failures, row.last_at) if row else (0, 0.0)

    def attempt(self, client: str, now: float, delay: Callable[[int], float]) -> tuple[float, int]:
        """(seconds still to wait, failures in a row). A client not waiting has this attempt counted
        as a failure at once (a success clears it), in the same transaction that read the count:
        the row is locked (an upsert; BEGIN IMMEDIATE on SQLite), so sign-ins at the same instant
        take turns and at most one of them is let through per wait."""
        table = login_failures
        touch = self._insert(table).values(client=client, failures=0, last_at=0.0)
        touch = touch.on_conflict_do_update(index_elements=[table.c.client], set_={"failures": table.c.failures})
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            conn.execute(table.delete().where(table.c.last_at < now - self.FORGET_AFTER))
            row = conn.execute(touch.returning(table.c.failures, table.c.last_at)).one()
            wait = max(0.0, delay(row.failures) - (now - row.last_at)) if row.failures else 0.0
            if wait > 0:
                return wait, row.failures
            conn.execute(table.update().where(table.c.client == client).values(failures=row.failures + 1, last_at=now))
            return 0.0, row.failures + 1

    def clear(self, client: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(login_failures.delete().where(login_failures.c.client == client))
