"""Alembic's entry point. doandata.migrate hands over a connection already inside the write
transaction (and, on PostgreSQL, holding the migration lock), so every revision runs in it:
an upgrade that fails half-way leaves the store on its old revision, unchanged."""
from alembic import context

from doandata.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic -c doandata/migrations/alembic.ini …` from a shell
    from doandata import migrate

    migrate.upgrade_from_shell(context)
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
