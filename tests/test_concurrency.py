"""Several writers at once, on SQLite and on PostgreSQL: eight imports started together all land,
one after another, none fails with "database is locked" or a deadlock, and nothing is lost;
an import killed half-way leaves the store exactly as it was."""

import os
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from doandata.store import Store
from tests.conftest import ROOT
from tests.test_store import rescored

COUNTED = ("uploads", "upload_changes", "scores", "score_meta", "units", "statuses", "reports")


def counts(url: str) -> dict[str, int]:
    store = Store(url)
    with store.engine.connect() as conn:
        found = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in COUNTED}
    store.dispose()
    return found


def start_import(url: str, path, by: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "doandata", "import", str(path), "--by", by],
        cwd=ROOT,
        env={**os.environ, "DOANDATA_DB_URL": url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_eight_imports_at_once_all_land(any_url, tmp_path):
    """Eight corrected Q3 self-score workbooks come at the same moment; file i lowers unit i's first
    criterion. All eight are stored in turn; the last one stored is what the pages show. (Q3's
    self-scores count for the units working group 1 has not checked yet, #19: those eight.)"""
    store = Store(any_url)
    codes = [c for c in store.units()["unit_code"] if c not in ("BDMDN", "STC")][:8]
    before_totals = store.totals(periods=["2018-Q3"]).set_index("unit_code")["total"]
    store.dispose()
    before = counts(any_url)
    files = []
    for i, code in enumerate(codes):
        path = tmp_path / f"bang_diem_quy_3_2018_to_{i}.xlsx"
        path.write_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", code, {"TC1": 0}))
        files.append(path)
    procs = [start_import(any_url, path, f"Tổ {i}") for i, path in enumerate(files)]
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "locked" not in err.lower() and "deadlock" not in err.lower()
        assert "Đã lưu" in out

    after = counts(any_url)
    assert after["uploads"] == before["uploads"] + 8
    assert after["score_meta"] == before["score_meta"] + 8 * 24
    store = Store(any_url)
    history = store.history().head(8)
    assert sorted(history["by"]) == sorted(f"Tổ {i}" for i in range(8))
    assert (history["rows_replaced"] == 24).all() and (history["rows_added"] == 0).all()
    # exactly one current card per unit, quarter and stage, and it is the last stored file's
    with store.engine.connect() as conn:
        doubled = conn.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT unit_code, period FROM score_meta "
                "WHERE current GROUP BY unit_code, period, stage HAVING count(*) > 1) d"
            )
        )
        assert doubled.scalar_one() == 0
    last = int(history.iloc[0]["by"].split()[-1])
    totals = store.totals(periods=["2018-Q3"]).set_index("unit_code")["total"]
    for i, code in enumerate(codes):
        assert (totals[code] < before_totals[code]) == (i == last), code
    store.dispose()


def test_a_killed_import_on_postgresql_changes_nothing(pg_cluster, tmp_path):
    """kill -9 of an import while PostgreSQL is inserting its rows: the transaction dies with the
    client, the store holds what it held before, and the next import goes through."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_import import make_scorecard, make_store

    url = pg_cluster.database("killed")
    make_store(url, 20000, 40)
    xlsx = tmp_path / "bang_diem_quy_2_2018.xlsx"
    make_scorecard(xlsx, 20000, 40)
    before = counts(url)
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))

    size = sa.text("SELECT pg_relation_size('scores')")
    with engine.connect() as watch:
        start_size = watch.execute(size).scalar_one()
    proc = start_import(url, xlsx, "Tổ 1")
    writing = False
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not writing:
        with engine.connect() as watch:  # uncommitted rows already grow the table's file
            writing = watch.execute(size).scalar_one() > start_size + 8 * 2**20
        time.sleep(0.02)
    assert proc.poll() is None, proc.communicate()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert writing and proc.returncode == -signal.SIGKILL  # killed half-way through its transaction

    assert counts(url) == before
    again = start_import(url, xlsx, "Tổ 1")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    after = counts(url)
    assert after["uploads"] == before["uploads"] + 1 and after["score_meta"] == before["score_meta"] + 20000
    assert after["scores"] == before["scores"] + 20000 * 40
    engine.dispose()
