"""Helpers for real-browser tests: a real `streamlit run` on a free port, Debian's Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout


def until_healthy(base: str, proc: subprocess.Popen, seconds: float) -> bool:
    """Wait until the server at `base` says it is healthy: True; False when its process ended or
    the time ran out first."""
    deadline = time.time() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                return False
            time.sleep(0.3)


CHROMIUM = os.environ.get("DOANDATA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(db_url: str, env: dict | None = None):
    """Start the dashboard as a user does and yield its base URL; stop it afterwards."""
    port = free_port()
    full_env = {**os.environ, "DOANDATA_DB_URL": db_url, **(env or {})}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        if not until_healthy(base, proc, seconds=60):
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise RuntimeError(f"streamlit did not start: {out[-2000:]}")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_app(page, timeout: int = 60000) -> None:
    """Until the script runs have finished and the page's text has not changed for a second."""
    page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=timeout)
    page.wait_for_selector("h1", timeout=timeout)
    deadline = time.time() + timeout / 1000
    last, stable_since = None, time.time()
    while time.time() < deadline:
        running = (
            page.locator("[data-testid='stStatusWidget']").count() > 0
            or page.locator("[data-stale='true']").count() > 0
        )  # elements of a run being replaced
        text = page.locator("[data-testid='stMain']").inner_text()
        if text != last or running:
            last, stable_since = text, time.time()
        elif time.time() - stable_since >= 1.0:
            return
        page.wait_for_timeout(200)
    state = "a run was still going" if running else "its text kept changing"
    raise TimeoutError(f"the page at {page.url} did not settle: {state}; last text: {(last or '')[:300]!r}")


def choose(page, label: str, option: str, attempts: int = 3) -> None:
    """Pick `option` in the select box `label`, as a person does: once the page has settled, open
    the list and click the entry. A run that starts just then (a widget reset after a save) redraws
    the box and closes its list; a person opens it again, and so does this."""
    for _ in range(attempts):
        wait_for_app(page)
        page.get_by_role("combobox", name=label, exact=True).click()
        entry = page.get_by_role("option", name=option)
        try:
            entry.wait_for(timeout=5000)
        except PlaywrightTimeout:  # the list closed before it showed
            page.keyboard.press("Escape")
            continue
        entry.click()
        return
    raise AssertionError(f"the list of {label!r} never showed {option!r}")
