"""Upload ids are never reused: on SQLite the uploads table becomes AUTOINCREMENT, so an id once
given (and then removed by restoring a backup) is not given again, and history #12 always means one
upload. PostgreSQL's sequences never hand an id out twice: nothing to do there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _recreate_uploads(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # the rows of every other table point at uploads: migrate.locked turns foreign keys off while
    # the table is rebuilt and checks them before the commit
    with op.batch_alter_table("uploads", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}):
        pass


def upgrade() -> None:
    _recreate_uploads(True)


def downgrade() -> None:
    _recreate_uploads(False)
