"""Failed editor sign-ins, counted in the store so every app instance on it holds back the same
client (auth.Throttle reads and writes them through this)."""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql
import sqlalchemy.dialects.sqlite

from .schema import login_failures


class LoginCounts:
    """auth.LoginCounts in the store. A failure is counted by one atomic upsert, outside the import
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

    def failed(self, client: str, now: float) -> int:
        table = login_failures
        upsert = self._insert(table).values(client=client, failures=1, last_at=now)
        upsert = upsert.on_conflict_do_update(
            index_elements=[table.c.client], set_={"failures": table.c.failures + 1, "last_at": now}
        )
        with self.engine.begin() as conn:
            conn.execute(table.delete().where(table.c.last_at < now - self.FORGET_AFTER))
            return conn.execute(upsert.returning(table.c.failures)).scalar_one()

    def clear(self, client: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(login_failures.delete().where(login_failures.c.client == client))
