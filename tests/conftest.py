"""Shared fixtures: a real SQLite store seeded from sample_data/, copied fresh for each test."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doandata import cli, ingest
from doandata.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
# The real-world spreadsheets live beside the repository (../shared/corpus); a checkout elsewhere
# names their folder in DOANDATA_CORPUS.
CORPUS = Path(os.environ.get("DOANDATA_CORPUS") or ROOT.parent / "shared" / "corpus" / "excel-wild")
# A seeded store holds one history entry per sample workbook; the next upload is #NEXT.
SEEDED = len(list(SAMPLE.glob("*.xlsx")))
NEXT = SEEDED + 1


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-world spreadsheets, or a failure that says where they are looked for (never a skip)."""
    if not CORPUS.is_dir():
        pytest.fail(
            f"The real-world spreadsheets are not at {CORPUS}: clone the repository beside ../shared, "
            "or set DOANDATA_CORPUS to the folder holding them.",
            pytrace=False,
        )
    return CORPUS


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seeded.db"
    store = Store(f"sqlite:///{path}")
    ingest.seed(store, SAMPLE)
    store.engine.dispose()
    return path


@pytest.fixture
def db_url(seeded_file, tmp_path) -> str:
    """A seeded SQLite store of its own for each test."""
    target = tmp_path / "store.db"
    shutil.copy(seeded_file, target)
    return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def pg_cluster():
    from tests.postgres import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_seeded(pg_cluster) -> str:
    """A seeded PostgreSQL database used as the template of each test's own database."""
    url = pg_cluster.database("seeded")
    store = Store(url)
    ingest.seed(store, SAMPLE)
    store.dispose()
    return "seeded"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request, tmp_path) -> str:
    """A seeded store of its own on each backend: the store, import and summary tests run on both."""
    if request.param == "sqlite":
        target = tmp_path / "store.db"
        shutil.copy(request.getfixturevalue("seeded_file"), target)
        return f"sqlite:///{target}"
    cluster = request.getfixturevalue("pg_cluster")
    template = request.getfixturevalue("pg_seeded")
    return cluster.database(f"t_{abs(hash(request.node.nodeid)) % 10**12}", template=template)


@pytest.fixture
def any_store(any_url) -> Store:
    s = Store(any_url)
    yield s
    s.dispose()


@pytest.fixture
def store(db_url) -> Store:
    s = Store(db_url)
    yield s
    s.dispose()


@pytest.fixture
def empty_store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'empty.db'}")
    yield s
    s.dispose()


def cli_main(*args: str, db_url: str | None = None) -> subprocess.CompletedProcess:
    """The CLI in this process (cli.main, as Datasette's CliRunner does): its exit code, also when
    argparse exits, and what it printed. Fast, and a failure's traceback points at its line."""
    argv = [*(["--db", db_url] if db_url else []), *args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(ROOT):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def run_cli(*args: str, db_url: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The CLI as a user runs it: a separate process, its exit code, its stdout and stderr (for what
    only a process shows: exit codes as the shell sees them, no traceback, start-up)."""
    full_env = {**os.environ, **(env or {})}
    if db_url:
        full_env["DOANDATA_DB_URL"] = db_url
    return subprocess.run(
        [sys.executable, "-m", "doandata", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (the browser tests')."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(url: str, monkeypatch, page: str, params: dict | None = None):
    """The dashboard on the store at `url`, run once on `page` with the link's `params`, as AppTest
    sees it; no exception on the way."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DOANDATA_DB_URL", url)
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params.update(params or {})
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app
