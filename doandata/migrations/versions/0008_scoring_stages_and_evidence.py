"""Scoring in stages, with evidence (issue #19): score_meta and scores gain the card's stage (self,
checked, approved; the cards stored before are the working groups', so checked), scores the group's
reason for a changed criterion, score_meta's key becomes (unit, period, stage), and a new row table
holds the evidence per unit, period and criterion.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NOT NULL with a server default: every card already stored becomes a checked one
    op.add_column("score_meta", sa.Column("stage", sa.String(16), nullable=False, server_default="checked"))
    op.add_column("scores", sa.Column("stage", sa.String(16), nullable=False, server_default="checked"))
    op.add_column("scores", sa.Column("reason", sa.Text(), nullable=True))
    op.drop_index("ix_score_meta_key", table_name="score_meta")
    op.create_index("ix_score_meta_key", "score_meta", ["current", "unit_code", "period", "stage"], unique=False)
    op.create_table(
        "evidence",
        sa.Column("upload_id", sa.Integer(), sa.ForeignKey("uploads.id"), nullable=False),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("criterion_code", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("current", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_evidence_key", "evidence", ["current", "unit_code", "period"], unique=False)
    op.create_index("ix_evidence_upload", "evidence", ["upload_id"], unique=False)


RANK = "CASE {col} WHEN 'self' THEN 1 WHEN 'checked' THEN 2 WHEN 'approved' THEN 3 ELSE 0 END"


def downgrade() -> None:
    # one card per unit and period again: the one that counted (the highest stage present)
    op.execute(
        sa.text(
            "UPDATE score_meta SET current = :no WHERE current AND EXISTS (SELECT 1 FROM score_meta AS higher "
            "WHERE higher.current AND higher.unit_code = score_meta.unit_code AND higher.period = score_meta.period "
            f"AND {RANK.format(col='higher.stage')} > {RANK.format(col='score_meta.stage')})"
        ).bindparams(no=False)
    )
    op.drop_index("ix_evidence_upload", table_name="evidence")
    op.drop_index("ix_evidence_key", table_name="evidence")
    op.drop_table("evidence")
    op.drop_index("ix_score_meta_key", table_name="score_meta")
    op.create_index("ix_score_meta_key", "score_meta", ["current", "unit_code", "period"], unique=False)
    with op.batch_alter_table("scores") as batch:
        batch.drop_column("reason")
        batch.drop_column("stage")
    with op.batch_alter_table("score_meta") as batch:
        batch.drop_column("stage")
