"""Alembic's entry point. doandata.migrate hands over a connection already inside the write
transaction (and, on PostgreSQL, holding the migration lock), so every revision runs in it:
an upgrade that fails half-way leaves the store on its old revision, unchanged."""

from alembic import context

from doandata import migrate
from doandata.schema import make_engine, metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:  # `alembic -c doandata/migrations/alembic.ini …` from a shell, on DOANDATA_DB_URL
    with migrate.locked(make_engine()) as conn:
        migrate.stamp_unversioned(conn)
        run(conn)
