"""Support plans (one row per action for a unit), reinforcement staff and working-group meetings
(issue #15): three new row tables, versioned like the others (upload_id, current).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
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
        "support_actions",
        ("unit_code",),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("action_no", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(16), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(255), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("partner", sa.String(255), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("assessment", sa.Text(), nullable=True),
        sa.Column("agreed_date", sa.Date(), nullable=True),
        sa.Column("agreed", sa.Text(), nullable=True),
        sa.Column("meeting_date", sa.Date(), nullable=True),
    )
    _rows_table(
        "reinforcements",
        ("to_unit",),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("from_unit", sa.String(255), nullable=True),
        sa.Column("to_unit", sa.String(40), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("task", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
    )
    _rows_table(
        "meetings",
        ("group_no", "period"),
        sa.Column("group_no", sa.Integer(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("place", sa.String(255), nullable=True),
        sa.Column("present", sa.Text(), nullable=True),
        sa.Column("absent", sa.Text(), nullable=True),
        sa.Column("units_discussed", sa.Text(), nullable=True),
        sa.Column("conclusions", sa.Text(), nullable=True),
        sa.Column("solutions", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    for name in ("meetings", "reinforcements", "support_actions"):
        op.drop_index(f"ix_{name}_upload", table_name=name)
        op.drop_index(f"ix_{name}_key", table_name=name)
        op.drop_table(name)
