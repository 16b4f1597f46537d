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
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from doandata import i18n


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


def app_port() -> int:
    """A free port for a test server: from DOANDATA_TEST_PORTS ("8651-8659") when it is set (tests
    run beside other servers on one machine), else any free one."""
    span = os.environ.get("DOANDATA_TEST_PORTS", "")
    if not span:
        return free_port()
    first, _, last = span.partition("-")
    for port in range(int(first), int(last or first) + 1):
        with contextlib.closing(socket.socket()) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port just closed is free, as to streamlit
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in DOANDATA_TEST_PORTS={span}")


@contextlib.contextmanager
def running_app(db_url: str, env: dict | None = None):
    """Start the dashboard as a user does and yield its base URL; stop it afterwards."""
    port = app_port()
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


# The overview shows one part at a time (#17), chosen in its segmented control and kept in the link
# as xem=; these are the parts that draw a chart, the default (no xem in the link) first.
CHART_PARTS = ("tien-do", "noi-dung", "xep-loai", "moc")


def overview_links(query: str) -> list[str]:
    """The overview at `query` once for each part that draws a chart: every chart it has."""
    return [f"tong_quan?{query}", *(f"tong_quan?{query}&xem={part}" for part in CHART_PARTS[1:])]


def show_part(page, part: str, lang: str = "vi") -> None:
    """Click a part of the overview in "Xem phần", as a person does; return once it is the part
    selected, the address names it (no xem= for the default) and the run has finished."""
    group = page.get_by_role("radiogroup", name=i18n.t("overview.part_label", lang))
    name = i18n.t(f"overview.part.{part}", lang)
    wait_for_app(page)
    group.get_by_role("radio", name=name, exact=True).click()
    group.get_by_role("radio", name=name, exact=True, checked=True).wait_for(timeout=30000)
    page.wait_for_url(lambda url: _xem(url) == (None if part == CHART_PARTS[0] else part), timeout=30000)
    wait_for_app(page)


def selected_part(page, lang: str = "vi") -> str:
    """The name of the overview part selected in "Xem phần"."""
    group = page.get_by_role("radiogroup", name=i18n.t("overview.part_label", lang))
    return group.get_by_role("radio", checked=True).inner_text().strip()


def _xem(url: str) -> str | None:
    return parse_qs(urlsplit(url).query).get("xem", [None])[0]
