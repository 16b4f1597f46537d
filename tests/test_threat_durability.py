"""The store survives: WAL with a busy timeout, online backup and restore, a killed import changes nothing."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import sqlalchemy as sa

from doandata.store import Store
from tests.conftest import NEXT, ROOT, SEEDED, run_cli


def test_sqlite_runs_in_wal_with_a_busy_timeout(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_backup_and_restore_with_the_online_api(db_url, tmp_path):
    copy = tmp_path / "sao_luu.db"
    out = run_cli("backup", str(copy), db_url=db_url)
    assert out.returncode == 0 and "Đã sao lưu" in out.stdout
    with sqlite3.connect(copy) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("SELECT count(*) FROM uploads").fetchone()[0] == SEEDED
    run_cli("rollback", "7", db_url=db_url)  # the Q3 scorecard undone after the backup
    q3 = json.loads(run_cli("summary", "--period", "2018-Q3", "--json", db_url=db_url).stdout)
    assert all(r["total"] is None for r in q3)
    out = run_cli("restore", str(copy), db_url=db_url)
    assert out.returncode == 0 and "Đã khôi phục" in out.stdout
    history = run_cli("history", db_url=db_url).stdout.splitlines()
    assert "rollback" not in "\n".join(history) and len(history) == SEEDED + 1  # the sample, and the restore
    assert history[0].startswith(f"#{NEXT + 1} ") and " restore " in history[0]  # #NEXT was the undo: never again
    bad = run_cli("restore", str(ROOT / "README.md"), db_url=db_url)
    assert bad.returncode == 1 and "không phải bản sao lưu" in bad.stderr


def test_a_killed_import_leaves_the_store_as_it_was(db_url, tmp_path):
    # a scorecard big enough that the import is still writing when it is killed
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_import import make_scorecard, make_store

    url = f"sqlite:///{tmp_path / 'big.db'}"
    make_store(url, 20000, 40)
    xlsx = tmp_path / "bang_diem_quy_2_2018.xlsx"
    make_scorecard(xlsx, 20000, 40)
    before = Store(url)
    counts = {
        t: before.engine.connect().execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in ("uploads", "scores")
    }
    before.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "doandata", "--db", url, "import", str(xlsx)], cwd=ROOT)
    wal = tmp_path / "big.db-wal"
    deadline = time.time() + 60
    start_size = wal.stat().st_size if wal.exists() else 0
    while time.time() < deadline and (not wal.exists() or wal.stat().st_size <= start_size + 2**20):
        time.sleep(0.02)  # until the import is writing its rows
    writing = wal.exists() and wal.stat().st_size > start_size + 2**20
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert writing and proc.returncode == -signal.SIGKILL  # killed half-way through its transaction
    after = Store(url)
    with after.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in counts} == counts
    after.dispose()
