"""The store's tables and how to open it: SQLAlchemy Core metadata, the URL, the engine.

Every row table carries the upload that brought the row and a `current` flag (see history.py).
The newest Alembic revision (migrations/) makes exactly these tables; test_migrations holds the two
together.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

DEFAULT_DB_PATH = Path("data") / "doandata.db"
WRITE_LOCK = 771015  # PostgreSQL advisory-lock key of imports, restores, settings (upgrades: migrate._LOCK)

metadata = sa.MetaData()


def _rows_table(name: str, *columns: sa.Column, key: tuple[str, ...]) -> sa.Table:
    table = sa.Table(
        name,
        metadata,
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
        *columns,
        sa.Column("current", sa.Boolean, nullable=False, default=True),
    )
    sa.Index(f"ix_{name}_key", table.c.current, *[table.c[k] for k in key])
    sa.Index(f"ix_{name}_upload", table.c.upload_id)
    table.info["key"] = key
    return table


uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action", sa.String(16), nullable=False),  # import | rollback | settings | seed
    sa.Column("kinds", sa.String(80), nullable=False, default=""),
    sa.Column("by", sa.String(120), nullable=False, default=""),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("filename", sa.String(255), nullable=False, default=""),
    sa.Column("sha256", sa.String(64), nullable=False, default=""),
    sa.Column("periods", sa.String(120), nullable=False, default=""),
    sa.Column("rows_added", sa.Integer, nullable=False, default=0),
    sa.Column("rows_replaced", sa.Integer, nullable=False, default=0),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("target_id", sa.Integer, nullable=True),  # for a rollback: the upload undone
    sa.Index("ix_uploads_sha", "sha256"),
    sqlite_autoincrement=True,  # an id is never given twice, not even after a restore (revision 0004)
)

# An entry's effect on which uploads are active, replayed to find the state before any entry.
upload_changes = sa.Table(
    "upload_changes",
    metadata,
    sa.Column("entry_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
    sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
)

units = _rows_table(
    "units",
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("cluster", sa.Integer),
    sa.Column("unit_type", sa.String(80)),
    sa.Column("special", sa.Boolean, nullable=False, default=False),
    sa.Column("baseline_total", sa.Float),
    sa.Column("baseline_rating", sa.String(40)),
    sa.Column("group_no", sa.Integer),
    sa.Column("companion_code", sa.String(40)),
    sa.Column("members", sa.Integer),
    sa.Column("party_committee", sa.String(255)),
    sa.Column("note", sa.Text),
    key=("unit_code",),
)
clusters = _rows_table(
    "clusters",
    sa.Column("cluster", sa.Integer, nullable=False),
    sa.Column("leader_code", sa.String(40)),
    key=("cluster",),
)
working_groups = _rows_table(
    "working_groups",
    sa.Column("group_no", sa.Integer, nullable=False),
    sa.Column("leader", sa.String(255)),
    key=(),
)
members = _rows_table(
    "members",
    sa.Column("group_no", sa.Integer),
    sa.Column("name", sa.String(255)),
    sa.Column("role", sa.String(80)),
    sa.Column("title", sa.Text),
    sa.Column("unit_codes", sa.Text),
    sa.Column("item_codes", sa.Text),
    sa.Column("position", sa.Integer),
    key=(),
)
criteria = _rows_table(
    "criteria",
    sa.Column("code", sa.String(40), nullable=False),
    sa.Column("content", sa.Text),
    sa.Column("max_points", sa.Float),
    sa.Column("section", sa.Text),
    sa.Column("plan_item", sa.String(16)),
    sa.Column("position", sa.Integer),
    key=(),
)
# Criterion points never change after import, so they carry no `current` flag of their own: a
# unit's points in a period are current when its score_meta row (same upload, unit, period) is.
# A re-upload of 20,000 units then flips 20,000 flags, not 800,000.
scores = sa.Table(
    "scores",
    metadata,
    sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("criterion_code", sa.String(40), nullable=False),
    sa.Column("points", sa.Float, nullable=False),
    # the card's stage (#19; contract.STAGES), and the working group's reason for a changed criterion
    sa.Column("stage", sa.String(16), nullable=False, server_default="checked"),
    sa.Column("reason", sa.Text),
    sa.Index("ix_scores_card", "upload_id", "unit_code", "period"),
)
score_meta = _rows_table(
    "score_meta",
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("total_given", sa.Float),
    sa.Column("rating_given", sa.String(40)),
    sa.Column("note", sa.Text),
    sa.Column("points_total", sa.Float),  # the sum of the card's points, added up at import
    # A period may hold a unit's card at each stage (#19): self, checked, approved. Each stage's card is
    # replaced by the next of the same stage; the highest stage present is the one that counts.
    sa.Column("stage", sa.String(16), nullable=False, server_default="checked"),
    key=("unit_code", "period", "stage"),
)
sa.Index("ix_score_meta_period", score_meta.c.current, score_meta.c.period)
# Evidence (minh chứng) per unit, period and criterion (#19), whatever the stage: an upload brings the
# non-empty evidence cells of its cards, merged with those already stored for the unit and period.
evidence = _rows_table(
    "evidence",
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("criterion_code", sa.String(40), nullable=False),
    sa.Column("text", sa.Text),
    sa.Column("link", sa.Text),
    key=("unit_code", "period"),
)
reports = _rows_table(
    "reports",
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("activities", sa.Integer),
    sa.Column("participants", sa.Integer),
    sa.Column("trained", sa.Integer),
    sa.Column("admitted", sa.Integer),
    sa.Column("funds", sa.Float),
    sa.Column("difficulties", sa.Text),
    sa.Column("proposals", sa.Text),
    sa.Column("models", sa.Text),
    sa.Column("meeting_date", sa.Date),
    sa.Column("reporter", sa.String(255)),
    key=("unit_code", "period"),
)
statuses = _rows_table(
    "statuses",
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("item_code", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    key=("unit_code", "period"),
)
settings_table = _rows_table("settings", sa.Column("data", sa.Text, nullable=False), key=())

# Support plans and working-group minutes (#15). A unit's plan is replaced whole by the next upload
# or edit holding that unit; a group's meetings of a quarter by the next holding that group and quarter.
support_actions = _rows_table(
    "support_actions",
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("action_no", sa.Integer, nullable=False),  # 1, 2, … in the unit's plan, kept by edits
    sa.Column("item_code", sa.String(16), nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("owner", sa.String(255), nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("partner", sa.String(255)),
    sa.Column("status", sa.String(16), nullable=False),  # contract.STATUSES keys
    sa.Column("result", sa.Text),
    sa.Column("evidence", sa.Text),
    sa.Column("assessment", sa.Text),
    sa.Column("agreed_date", sa.Date),
    sa.Column("agreed", sa.Text),
    sa.Column("meeting_date", sa.Date),  # the working-group meeting that set or changed the action
    key=("unit_code",),
)
reinforcements = _rows_table(
    "reinforcements",
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("from_unit", sa.String(255)),  # a unit's code, or the body that sent the cadre
    sa.Column("to_unit", sa.String(40), nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date),
    sa.Column("task", sa.Text),
    sa.Column("position", sa.Integer),
    key=("to_unit",),
)
meetings = _rows_table(
    "meetings",
    sa.Column("group_no", sa.Integer, nullable=False),
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("period", sa.String(10), nullable=False),  # the quarter of the date
    sa.Column("place", sa.String(255)),
    sa.Column("present", sa.Text),
    sa.Column("absent", sa.Text),
    sa.Column("units_discussed", sa.Text),  # unit codes, comma-separated
    sa.Column("conclusions", sa.Text),
    sa.Column("solutions", sa.Text),
    key=("group_no", "period"),
)

# The documents' prose, edited in the app (#16): one row per part of one report and period
# (kind: quarter, so_ket, tong_ket; part: situation, assessment, commendation, tasks, recipients, …).
report_texts = _rows_table(
    "report_texts",
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("part", sa.String(32), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    key=("kind", "period", "part"),
)
# The commendation proposal of a period (#16): the Standing Committee's decision on each candidate
# the data proposes (kind unit or companion) and the individuals editors add (kind person). A
# period's list is stored again whole by each change, so every change is a history entry.
commendations = _rows_table(
    "commendations",
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # unit, companion, person
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("unit_code", sa.String(40)),  # the unit (a person's unit, when known)
    sa.Column("role", sa.String(255)),  # a person's role: working-group member, unit cadre, reinforcement
    sa.Column("reason", sa.Text),
    sa.Column("decision", sa.String(16), nullable=False),  # proposed, agreed, refused
    sa.Column("position", sa.Integer),
    key=("period",),
)

# Failed editor sign-ins per client address, shared by every app instance on the store.
login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("client", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_at", sa.Float, nullable=False),  # seconds since the epoch
)

# Which batch frame goes to which table.
FRAME_TABLES = {
    "units": units,
    "clusters": clusters,
    "working_groups": working_groups,
    "members": members,
    "criteria": criteria,
    "scores": scores,
    "score_meta": score_meta,
    "evidence": evidence,
    "reports": reports,
    "statuses": statuses,
    "support_actions": support_actions,
    "reinforcements": reinforcements,
    "meetings": meetings,
}
ROW_TABLES = (*[t for t in FRAME_TABLES.values() if "current" in t.c], report_texts, commendations, settings_table)


def default_url() -> str:
    return os.environ.get("DOANDATA_DB_URL") or f"sqlite:///{DEFAULT_DB_PATH}"


def make_engine(url: str | None = None) -> sa.Engine:
    url = url or default_url()
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            if _not_writable(Path(path)):
                # a read-only disk or folder: WAL could not make its -shm file, and nobody can write
                # the file while it is so, so it is opened as immutable
                url = f"sqlite:///file:{Path(path).resolve()}?mode=ro&immutable=1&uri=true"
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        _sqlite_pragmas(engine)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return sa.create_engine(url, pool_pre_ping=True)


def _not_writable(path: Path) -> bool:
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def is_read_only(engine: sa.Engine) -> bool:
    """Opened read-only by make_engine: the store can be shown, not written."""
    return engine.url.get_backend_name() == "sqlite" and engine.url.query.get("mode") == "ro"


def _sqlite_pragmas(engine: sa.Engine) -> None:
    """WAL with a busy timeout, and BEGIN IMMEDIATE for writes (SQLAlchemy's pysqlite recipe),
    so a read-then-write transaction cannot fail with SQLITE_BUSY half-way."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


@contextmanager
def write_transaction(engine: sa.Engine, lock: int = WRITE_LOCK) -> Iterator[sa.Connection]:
    """One write transaction, all or nothing: BEGIN IMMEDIATE on SQLite; on PostgreSQL the writes
    holding the same advisory lock take turns."""
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
        yield conn
