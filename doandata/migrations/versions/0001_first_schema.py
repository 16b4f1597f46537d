"""The first schema: the one `metadata.create_all` made before migrations were versioned.

A store made then has these tables and no alembic_version table; doandata.migrate stamps it with
this revision before upgrading. Never edit this file: add a revision instead.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('uploads',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('kinds', sa.String(length=80), nullable=False),
    sa.Column('by', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('periods', sa.String(length=120), nullable=False),
    sa.Column('rows_added', sa.Integer(), nullable=False),
    sa.Column('rows_replaced', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_uploads_sha', 'uploads', ['sha256'], unique=False)
    op.create_table('clusters',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('cluster', sa.Integer(), nullable=False),
    sa.Column('leader_code', sa.String(length=40), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_clusters_key', 'clusters', ['current', 'cluster'], unique=False)
    op.create_index('ix_clusters_upload', 'clusters', ['upload_id'], unique=False)
    op.create_table('criteria',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('content', sa.Text(), nullable=True),
    sa.Column('max_points', sa.Float(), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('plan_item', sa.String(length=16), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_criteria_key', 'criteria', ['current'], unique=False)
    op.create_index('ix_criteria_upload', 'criteria', ['upload_id'], unique=False)
    op.create_table('members',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('group_no', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('role', sa.String(length=80), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('unit_codes', sa.Text(), nullable=True),
    sa.Column('item_codes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_members_key', 'members', ['current'], unique=False)
    op.create_index('ix_members_upload', 'members', ['upload_id'], unique=False)
    op.create_table('reports',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('activities', sa.Integer(), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('trained', sa.Integer(), nullable=True),
    sa.Column('admitted', sa.Integer(), nullable=True),
    sa.Column('funds', sa.Float(), nullable=True),
    sa.Column('difficulties', sa.Text(), nullable=True),
    sa.Column('proposals', sa.Text(), nullable=True),
    sa.Column('models', sa.Text(), nullable=True),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('reporter', sa.String(length=255), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_reports_key', 'reports', ['current', 'unit_code', 'period'], unique=False)
    op.create_index('ix_reports_upload', 'reports', ['upload_id'], unique=False)
    op.create_table('score_meta',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('total_given', sa.Float(), nullable=True),
    sa.Column('rating_given', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_score_meta_key', 'score_meta', ['current', 'unit_code', 'period'], unique=False)
    op.create_index('ix_score_meta_upload', 'score_meta', ['upload_id'], unique=False)
    op.create_table('scores',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('criterion_code', sa.String(length=40), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_scores_card', 'scores', ['upload_id', 'unit_code', 'period'], unique=False)
    op.create_table('settings',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_settings_key', 'settings', ['current'], unique=False)
    op.create_index('ix_settings_upload', 'settings', ['upload_id'], unique=False)
    op.create_table('statuses',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('item_code', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_statuses_key', 'statuses', ['current', 'unit_code', 'period'], unique=False)
    op.create_index('ix_statuses_upload', 'statuses', ['upload_id'], unique=False)
    op.create_table('units',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('cluster', sa.Integer(), nullable=True),
    sa.Column('unit_type', sa.String(length=80), nullable=True),
    sa.Column('special', sa.Boolean(), nullable=False),
    sa.Column('baseline_total', sa.Float(), nullable=True),
    sa.Column('baseline_rating', sa.String(length=40), nullable=True),
    sa.Column('group_no', sa.Integer(), nullable=True),
    sa.Column('companion_code', sa.String(length=40), nullable=True),
    sa.Column('members', sa.Integer(), nullable=True),
    sa.Column('party_committee', sa.String(length=255), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_units_key', 'units', ['current', 'unit_code'], unique=False)
    op.create_index('ix_units_upload', 'units', ['upload_id'], unique=False)
    op.create_table('upload_changes',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['uploads.id'], ),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_table('working_groups',
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('group_no', sa.Integer(), nullable=False),
    sa.Column('leader', sa.String(length=255), nullable=True),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], )
    )
    op.create_index('ix_working_groups_key', 'working_groups', ['current'], unique=False)
    op.create_index('ix_working_groups_upload', 'working_groups', ['upload_id'], unique=False)


def downgrade() -> None:
    for table in ("working_groups", "upload_changes", "units", "statuses", "settings", "scores", "score_meta",
                  "reports", "members", "criteria", "clusters", "uploads"):
        op.drop_table(table)
