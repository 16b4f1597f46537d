"""The documents' prose edited in the app and the commendation proposal (issue #16): two new row
tables, versioned like the others (upload_id, current).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _rows_table(name: str, key: tuple[str, ...], *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("upload_id", sa.Integer(), sa.ForeignKey("uploads.id"), nullable=False),
        *columns,
        sa.Column("current", sa.Boolean(), nullable=False),
    )
    op.create_index(f"ix_{name}_key", name, ["current", *key], unique=False)
    op.create_index(f"ix_{name}_upload", name, ["upload_id"], unique=False)


def upgrade() -> None:
    _rows_table(
        "report_texts",
        ("kind", "period", "part"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("part", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    _rows_table(
        "commendations",
        ("period",),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("unit_code", sa.String(40), nullable=True),
        sa.Column("role", sa.String(255), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    for name in ("commendations", "report_texts"):
        op.drop_index(f"ix_{name}_upload", table_name=name)
        op.drop_index(f"ix_{name}_key", table_name=name)
        op.drop_table(name)
