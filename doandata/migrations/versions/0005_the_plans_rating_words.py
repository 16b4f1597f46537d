"""The plan's rating words: a store whose scale was never edited moves from the earlier default
(Yếu, Trung bình, Khá ≥ 70, Vững mạnh ≥ 80 with "tiên tiến" read as Vững mạnh, Vững mạnh xuất sắc)
to the plan's (Yếu < 50 ≤ Trung bình < 60 ≤ Khá < 70 ≤ Tiên tiến < 80 ≤ Vững mạnh < 90 ≤ Xuất sắc),
and quarter shares never edited move from 25/50/75/100 % to 30/60/100/100 % (the tổng kết in
October reads Q3), with the reviews' default notes that said them. Recorded as one history entry ("upgrade") that says so; a scale or shares an
editor changed are kept as they are. An empty store has nothing to move.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen here, as a revision must not change when the app's code does.
_OLD_SCALE = [("weak", "Yếu", 0.0), ("average", "Trung bình", 50.0), ("fair", "Khá", 70.0),
              ("strong", "Vững mạnh", 80.0), ("excellent", "Vững mạnh xuất sắc", 90.0)]  # fmt: skip
_NEW_SCALE = [
    {"key": "weak", "name": "Yếu", "minimum": 0.0, "aliases": ["yeu", "kem"]},
    {"key": "average", "name": "Trung bình", "minimum": 50.0, "aliases": ["trung binh", "tb"]},
    {"key": "fair", "name": "Khá", "minimum": 60.0, "aliases": ["kha"]},
    {"key": "advanced", "name": "Tiên tiến", "minimum": 70.0, "aliases": ["tien tien", "tt"]},
    {"key": "strong", "name": "Vững mạnh", "minimum": 80.0, "aliases": ["vung manh", "vm"]},
    {"key": "excellent", "name": "Xuất sắc", "minimum": 90.0, "aliases": ["xuat sac", "xs", "vung manh xuat sac", "vmxs"]},
]  # fmt: skip
_OLD_SHARES, _NEW_SHARES = [0.25, 0.5, 0.75, 1.0], [0.3, 0.6, 1.0, 1.0]
# the reviews' notes that went with the old shares, by milestone key: old -> new
_NOTES = {
    "midyear": ("Kỳ vọng: khép lại một nửa khoảng cách", "Kỳ vọng: khép lại 60% khoảng cách đến mục tiêu"),
    "final": ("Kỳ vọng: đạt mục tiêu", "Kỳ vọng: đạt mục tiêu (số liệu đến hết quý III)"),
}

_uploads = sa.table(
    "uploads",
    sa.column("id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("kinds", sa.String),
    sa.column("by", sa.String),
    sa.column("at", sa.DateTime),
    sa.column("filename", sa.String),
    sa.column("sha256", sa.String),
    sa.column("periods", sa.String),
    sa.column("rows_added", sa.Integer),
    sa.column("rows_replaced", sa.Integer),
    sa.column("active", sa.Boolean),
)
_changes = sa.table(
    "upload_changes", sa.column("entry_id", sa.Integer), sa.column("upload_id", sa.Integer), sa.column("active", sa.Boolean)
)
_settings = sa.table(
    "settings",
    sa.column("upload_id", sa.Integer),
    sa.column("data", sa.Text),
    sa.column("current", sa.Boolean),
)


def _unedited_scale(scale) -> bool:
    if not scale:
        return True
    try:
        return [(r["key"], r["name"], float(r["minimum"])) for r in scale] == _OLD_SCALE
    except (KeyError, TypeError, ValueError):
        return False


def _note(milestone: dict) -> dict:
    """A review's milestone with the old default note gets the new one (the English pages read a
    default note in English only when it is the default); an edited note is kept."""
    old, new = _NOTES.get(milestone.get("key"), (None, None))
    return {**milestone, "note": new} if old is not None and milestone.get("note") == old else milestone


def upgrade() -> None:
    conn = op.get_bind()
    if conn.execute(sa.select(sa.func.count()).select_from(_uploads)).scalar_one() == 0:
        return  # a new store starts on the new defaults
    row = conn.execute(sa.select(_settings.c.data).where(_settings.c.current)).first()
    data = json.loads(row.data) if row else {}
    moved = {}
    if _unedited_scale(data.get("scale")):
        moved["scale"] = _NEW_SCALE
    shares = data.get("quarter_fractions")
    if shares is None or [float(f) for f in shares] == _OLD_SHARES:
        moved["quarter_fractions"] = _NEW_SHARES
        notes = [_note(m) for m in data.get("milestones") or []]
        if notes != (data.get("milestones") or []):
            moved["milestones"] = notes
    if not moved:
        return
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    values = dict(action="upgrade", kinds="settings", by="", at=at, filename="", sha256="", periods="")
    entry = conn.execute(
        _uploads.insert().values(**values, rows_added=0, rows_replaced=0, active=True).returning(_uploads.c.id)
    ).scalar_one()
    conn.execute(_changes.insert().values(entry_id=entry, upload_id=entry, active=True))
    conn.execute(_settings.update().where(_settings.c.current).values(current=False))
    conn.execute(_settings.insert().values(upload_id=entry, data=json.dumps({**data, **moved}), current=True))


def downgrade() -> None:
    pass  # the entry stays in the history; an editor can change the settings back
