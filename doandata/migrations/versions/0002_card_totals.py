"""Each scorecard row keeps its total (the sum of its criterion points), added up in the database
at import, so the pages read 50,000 totals instead of summing 10 million points.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The same statement as doandata.store.card_totals, frozen here: a revision must not change when the
# app's code does.
_BACKFILL = """
UPDATE score_meta SET points_total = (
    SELECT SUM(s.points) FROM scores s
    WHERE s.upload_id = score_meta.upload_id AND s.unit_code = score_meta.unit_code
      AND s.period = score_meta.period)
"""


def upgrade() -> None:
    op.add_column("score_meta", sa.Column("points_total", sa.Float(), nullable=True))
    op.execute(_BACKFILL)
    op.create_index("ix_score_meta_period", "score_meta", ["current", "period"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_score_meta_period", table_name="score_meta")
    with op.batch_alter_table("score_meta") as batch:
        batch.drop_column("points_total")
