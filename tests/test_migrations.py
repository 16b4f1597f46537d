"""Versioned schema: a store made by the first release (before migrations were versioned) upgrades in
place on SQLite and on PostgreSQL, and then gives exactly the figures that release gave.

tests/data/store_first_release.db was written by the first release (commit d36f82e): the sample
data seeded, then the Q3 reports undone. store_first_release_<period>.json is what that release's
`summary --json` printed for it.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic import command

from doandata import ingest, migrate
from doandata.store import Store, make_engine
from tests.conftest import ROOT, SAMPLE, run_cli

DATA = ROOT / "tests" / "data"
FIRST_RELEASE = DATA / "store_first_release.db"
TABLES = (
    "uploads",
    "upload_changes",
    "units",
    "clusters",
    "working_groups",
    "members",
    "criteria",
    "scores",
    "score_meta",
    "reports",
    "statuses",
    "settings",
)


# the summary's keys that neither the rating scale nor the quarter shares decide
SCALE_FREE = (
    "unit_code",
    "unit_name",
    "cluster",
    "special",
    "period",
    "total",
    "baseline_total",
    "delta",
    "items_done",
)
RELEASE_12 = DATA / "store_release_12.db"  # the sample seeded by the release of stop 12 (ef9f78f), revision 0004
RELEASE_12_EDITED = DATA / "store_release_12_edited.db"  # the same, then Khá set to 65 and the band to 4 (#11)


def recorded(period: str) -> list[dict]:
    return json.loads((DATA / f"store_first_release_{period}.json").read_text(encoding="utf-8"))


def first_release_on(backend: str, tmp_path, request, source=FIRST_RELEASE, revision=migrate.FIRST) -> str:
    """A store holding an older release's data (the first one by default), in its schema, on the backend."""
    if backend == "sqlite":
        target = tmp_path / "old.db"
        shutil.copy(source, target)
        return f"sqlite:///{target}"
    url = request.getfixturevalue("pg_cluster").database(f"old_{source.stem}")
    engine = make_engine(url)  # not Store(url): that would upgrade to the newest revision
    migrate.upgrade(engine, revision)
    old = sa.create_engine(f"sqlite:///{source}")
    with old.connect() as src, engine.begin() as dst:
        for name in TABLES:
            rows = [dict(r) for r in src.execute(sa.text(f"SELECT * FROM {name}")).mappings()]
            table = sa.Table(name, sa.MetaData(), autoload_with=dst)
            for column in table.c:  # SQLite keeps booleans as 0/1
                if isinstance(column.type, sa.Boolean):
                    for row in rows:
                        row[column.name] = None if row[column.name] is None else bool(row[column.name])
            if rows:
                dst.execute(table.insert(), rows)
        dst.execute(sa.text("SELECT setval('uploads_id_seq', (SELECT max(id) FROM uploads))"))
    old.dispose()
    engine.dispose()
    return url


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_first_release_store_upgrades_in_place(backend, tmp_path, request):
    url = first_release_on(backend, tmp_path, request)
    assert migrate.revision(make_engine(url)) == migrate.FIRST

    for period in ("2018-Q2", "2018-Q3"):
        result = run_cli("summary", "--period", period, "--json", db_url=url)
        assert result.returncode == 0, result.stderr
        # the figures the first release gave, but for what the plan's rating words (revision 0005)
        # and the reviews' dates changed: the levels, the targets and the expectations that follow
        rows = {r["unit_code"]: r for r in json.loads(result.stdout)}
        for old in recorded(period):
            new = rows[old["unit_code"]]
            assert {k: new[k] for k in SCALE_FREE} == {k: old[k] for k in SCALE_FREE}

    store = Store(url)
    assert migrate.revision(store.engine) == migrate.head()
    history = store.history()
    assert list(history["id"]) == list(range(12, 0, -1))
    assert history.iloc[0]["action"] == "upgrade"  # revision 0005: the plan's rating words
    assert history.iloc[1]["action"] == "rollback" and history.iloc[1]["target_id"] == 10
    # the card totals the new revision keeps were added up from the old points
    totals = store.totals(periods=["2018-Q3"]).set_index("unit_code")["total"]
    assert totals["BDVTU"] == 92.0 and len(totals) == 24

    # and the upgraded store goes on working: undo the undo, the Q3 reports are back
    before = {r["unit_code"]: r["items_done"] for r in recorded("2018-Q3")}
    store.rollback(11, by="Tổ 1")
    result = run_cli("summary", "--period", "2018-Q3", "--json", db_url=url)
    after = {r["unit_code"]: r["items_done"] for r in json.loads(result.stdout)}
    assert sum(after.values()) > sum(before.values())
    store.dispose()


def test_the_first_revision_is_the_first_release_schema(tmp_path):
    """Revision 0001 makes the very tables, columns and indexes the first release made."""
    engine = make_engine(f"sqlite:///{tmp_path / 'r1.db'}")
    migrate.upgrade(engine, migrate.FIRST)
    old = sa.create_engine(f"sqlite:///{FIRST_RELEASE}")

    def shape(e):
        inspector = sa.inspect(e)
        return {
            t: (
                [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(t)],
                sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(t)),
            )
            for t in inspector.get_table_names()
            if t != "alembic_version"
        }

    assert shape(engine) == shape(old)
    assert set(shape(old)) == set(TABLES)


def test_upgrade_down_and_up_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = Store(url)
    ingest.seed(store, SAMPLE)
    store.dispose()
    engine = make_engine(url)
    cfg = migrate.config()
    with migrate.locked(engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, migrate.FIRST)
    assert migrate.revision(engine) == migrate.FIRST
    assert "points_total" not in {c["name"] for c in sa.inspect(engine).get_columns("score_meta")}
    store = Store(url)
    totals = store.totals(periods=["2018-Q1"])
    assert len(totals) == 24 and totals["total"].notna().all()
    store.dispose()


def test_instances_starting_together_upgrade_and_seed_once(pg_cluster):
    """Four app processes start on one empty PostgreSQL store at the same moment: one creates the
    schema, the others wait and find nothing to do; the sample data is stored once; none fails."""
    url = pg_cluster.database("together")
    code = "from doandata import ingest; from doandata.store import Store; ingest.ensure_seeded(Store())"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "DOANDATA_DB_URL": url},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [o[1][-500:] for o in outs]
    engine = make_engine(url)
    assert migrate.revision(engine) == migrate.head()
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
        files = conn.execute(sa.text("SELECT filename FROM uploads ORDER BY id")).scalars().all()
    assert files == [p.name for p in sorted(SAMPLE.glob("*.xlsx"), key=ingest.sample_order)]  # stage order (#19)
    engine.dispose()


def test_upgrade_command_says_what_it_did(tmp_path):
    target = tmp_path / "old.db"
    shutil.copy(FIRST_RELEASE, target)
    url = f"sqlite:///{target}"
    first = run_cli("upgrade", db_url=url)
    assert (
        first.returncode == 0
        and first.stdout.strip() == f"Đã nâng cấp kho dữ liệu từ lược đồ 0001 lên {migrate.head()}."
    )
    again = run_cli("upgrade", db_url=url)
    assert again.stdout.strip() == f"Kho dữ liệu đã ở lược đồ mới nhất ({migrate.head()})."
    fresh = run_cli("upgrade", db_url=f"sqlite:///{tmp_path / 'new.db'}")
    assert fresh.stdout.strip() == f"Đã tạo kho dữ liệu mới với lược đồ {migrate.head()}."


def newer_store(db_url: str) -> None:
    """The store as a future release would leave it: a revision this release does not know."""
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()


def test_a_store_from_a_newer_release_is_refused_untouched(db_url):
    newer_store(db_url)
    out = run_cli("summary", "--period", "2018-Q2", db_url=db_url)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("Kho dữ liệu đã được một phiên bản ứng dụng mới hơn nâng cấp (lược đồ 0099;")
    engine = make_engine(db_url)
    assert migrate.revision(engine) == "0099"
    engine.dispose()


def test_the_app_says_so_too(db_url, monkeypatch):
    from streamlit.testing.v1 import AppTest

    newer_store(db_url)
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value.startswith("Kho dữ liệu đã được một phiên bản ứng dụng mới hơn nâng cấp")


def test_a_database_that_is_down_gets_a_plain_message(monkeypatch):
    """PostgreSQL restarting or unreachable: the page says to reload in a few minutes, no traceback,
    and the password in the URL is not shown."""
    from streamlit.testing.v1 import AppTest

    from tests.browser import free_port

    monkeypatch.setenv("DOANDATA_DB_URL", f"postgresql://doan:bimat@127.0.0.1:{free_port()}/doandata")
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value.startswith("Không mở được kho dữ liệu lúc này. Hãy tải lại trang sau ít phút")
    assert "bimat" not in at.error[0].value


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_revisions_make_the_tables_the_app_uses(backend, tmp_path, request):
    """Upgrading an empty store through every revision gives exactly the tables, columns, types and
    indexes the code declares (doandata.schema.metadata): no change made in one and not the other."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from doandata.schema import metadata

    url = (
        f"sqlite:///{tmp_path / 'new.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_cluster").database("revisions")
    )
    store = Store(url)
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata) == []
    store.dispose()


def _scale(store) -> list[tuple]:
    return [(r.key, r.name, r.minimum) for r in store.settings().scale]


PLAN_SCALE = [
    ("weak", "Yếu", 0),
    ("average", "Trung bình", 50),
    ("fair", "Khá", 60),
    ("advanced", "Tiên tiến", 70),
    ("strong", "Vững mạnh", 80),
    ("excellent", "Xuất sắc", 90),
]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_scale_never_edited_moves_to_the_plans_words_in_one_entry(backend, tmp_path, request):
    url = first_release_on(backend, tmp_path, request, RELEASE_12, "0004")
    store = Store(url)
    assert _scale(store) == PLAN_SCALE
    assert store.settings().quarter_fractions == (0.3, 0.6, 1.0, 1.0)
    history = store.history()
    assert len(history) == 11 and list(history["action"]).count("upgrade") == 1
    entry = history.iloc[0]
    assert entry["action"] == "upgrade" and entry["kinds"] == "settings"
    from doandata import tables

    assert tables.action_name(entry.to_dict()).startswith("Nâng cấp phiên bản: thang xếp loại theo lời của Kế hoạch")
    store.dispose()
    # opened again, by another instance: nothing more to move, no second entry
    again = Store(url)
    assert len(again.history()) == 11
    # the figures read the plan's words: BDMDN, 52 in 2017, is Trung bình and aims at Khá (60)
    rows = {
        r["unit_code"]: r for r in json.loads(run_cli("summary", "--period", "2018-Q2", "--json", db_url=url).stdout)
    }
    assert rows["BDMDN"]["baseline_rating"] == "Trung bình" and rows["BDMDN"]["target_total"] == 60
    assert rows["LDLD"]["rating"] in {"Vững mạnh", "Xuất sắc"}
    assert all(r["rating"] != "Vững mạnh xuất sắc" for r in rows.values())
    again.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_scale_an_editor_changed_is_kept(backend, tmp_path, request):
    url = first_release_on(backend, tmp_path, request, RELEASE_12_EDITED, "0004")
    store = Store(url)
    edited = [
        ("weak", "Yếu", 0),
        ("average", "Trung bình", 50),
        ("fair", "Khá", 65),
        ("strong", "Vững mạnh", 80),
        ("excellent", "Vững mạnh xuất sắc", 90),
    ]
    assert _scale(store) == edited
    settings = store.settings()
    assert settings.at_risk_band == 4.0  # the rest of the editor's settings too
    # the shares no one edited did move, in the one upgrade entry
    assert settings.quarter_fractions == (0.3, 0.6, 1.0, 1.0)
    assert list(store.history()["action"])[:2] == ["upgrade", "settings"]
    # with the shares, the reviews' notes that said them: the English pages translate them again
    from doandata import i18n

    notes = {m.key: m for m in settings.milestones}
    assert notes["midyear"].note == "Kỳ vọng: khép lại 60% khoảng cách đến mục tiêu"
    assert i18n.milestone_note(notes["final"], "en") != notes["final"].note
    # the old top word still reads as the editor's own top level
    rows = {
        r["unit_code"]: r for r in json.loads(run_cli("summary", "--period", "2018-Q3", "--json", db_url=url).stdout)
    }
    assert rows["CVLS"]["rating"] == "Vững mạnh xuất sắc"
    store.dispose()


def test_a_new_store_starts_on_the_plans_words_without_an_entry(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'new.db'}")
    assert store.history().empty and _scale(store) == PLAN_SCALE
    ingest.seed(store, SAMPLE)
    assert "upgrade" not in set(store.history()["action"])
    store.dispose()
