"""Browser benchmark: the meeting's load, in Debian's Chromium against a real `streamlit run`.

Serves the dashboard on the sample data and on the 5,000-unit store of bench_pages.py, and a
minimal Streamlit page with one plotly chart the same way (the same command, flags and
bootstrap), and prints, against the minimal page:

- a new visitor (a fresh browser context: empty cache) until the first chart is drawn;
- a filter change (the quarter in the sidebar; the minimal page's select box) until the page has
  settled: the new content shown, no element stale, no run going;
- 20 viewers opening the overview within one second: every page run the server made for them,
  timed in the server (wall and CPU time of the script thread), the server process's CPU time,
  and each viewer's wait until the whole overview was on screen. Each tab loads the page first and
  its websocket (where Streamlit's session and page run begin) is held until all twenty have
  loaded; then they connect one after another within a second, so the server meets twenty
  sessions at once, as it does when twenty phones each load the page on their own CPU.

Each server is started through this file (`--serve`), which runs Streamlit's own command line
after wrapping ScriptRunner._run_script to log each run's wall and thread CPU time; the app's
code is not changed. Chromium and Playwright's driver run at a lower priority (`--browser-nice
10`); in the meeting the servers run on the first half of the machine's cores and the browsers on
the rest (`--cores split`): a meeting's server does not share its cores with twenty phones.
`--cores shared` lets them compete for the same cores, as the benchmark did before; on 2 cores
the twenty tabs then slow the server. The single-viewer measures run on any core.

Run:  python benchmarks/bench_browser.py [--units 5000] [--viewers 20] [--trials 5] [--no-big]
          [--only first,change,meeting] [--port 8611] [--cores split|shared] [--browser-nice 10]
(--only: the measures to take, the others left out of the report; --port, or BENCH_BROWSER_PORT:
the first of the three ports the servers use.)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import until_healthy  # noqa: E402  (the tests' own wait for a server)

CHROMIUM = os.environ.get("DOANDATA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SERVERS = ("minimal", "sample", "big")  # on three ports from --port on (8611–8613 by default)
MEASURES = ("first", "change", "meeting")
VIEWPORT = {"width": 1366, "height": 768}

MINIMAL = '''"""One plotly chart and one select box: what any Streamlit page costs."""
import plotly.graph_objects as go
import streamlit as st

st.title("Một biểu đồ")
n = st.selectbox("Số cột", [10, 20, 30])
fig = go.Figure(go.Bar(x=list(range(n)), y=[i % 7 for i in range(n)]))
fig.update_layout(title=f"{n} cột")
st.plotly_chart(fig, width="stretch")
'''


# ---------------------------------------------------------------- the server side


def serve(log: str, args: list[str]) -> None:
    """`streamlit run` with every script run's wall and CPU time appended to `log` (JSON lines)."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    run = script_runner.ScriptRunner._run_script
    # BENCH_PROFILE: a file name; cProfile's figures of the n-th run (CPU time of the script thread,
    # so other processes' load does not count) go to "<name>.<n>"
    profile_to = os.environ.get("BENCH_PROFILE")
    count = iter(range(1, 10**9))

    def timed(self, rerun_data):
        start, wall, cpu = time.time(), time.perf_counter(), time.thread_time()
        if profile_to:
            import cProfile

            profile = cProfile.Profile(time.thread_time)
            profile.enable()
        try:
            return run(self, rerun_data)
        finally:
            if profile_to:
                profile.disable()
                profile.dump_stats(f"{profile_to}.{next(count)}")
            line = {
                "start": start,
                "wall": time.perf_counter() - wall,
                "cpu": time.thread_time() - cpu,
                "page": rerun_data.page_name,
            }
            with open(log, "a") as out:
                out.write(json.dumps(line) + "\n")

    script_runner.ScriptRunner._run_script = timed
    sys.argv = ["streamlit", "run", *args]
    sys.exit(cli.main())


class Server:
    """A `streamlit run` of `script` on `port`, started through `serve`, its runs read from its log."""

    def __init__(self, script: Path, port: int, env: dict, folder: Path):
        self.log = folder / f"runs-{port}.jsonl"
        self.log.write_text("")
        self.base = f"http://127.0.0.1:{port}"
        flags = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
        flags += ["--browser.gatherUsageStats", "false"]
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.log), "--", str(script), *flags],
            cwd=script.parent,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not until_healthy(self.base, self.proc, seconds=90):
            raise SystemExit(f"streamlit on port {port} did not start")

    def runs(self, since: float = 0.0) -> list[dict]:
        return [r for r in map(json.loads, self.log.read_text().splitlines()) if r["start"] >= since]

    def cpu(self) -> float:
        """The server process's CPU time so far (all its threads: the page runs, and the event loop
        that opens sessions and sends what the runs produce)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ---------------------------------------------------------------- the browser side

# the page has settled: the text it should show is there, no element is stale, no run is going,
# and every chart on screen has drawn
SETTLED = """expect => {
    if (document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]')) return false;
    const charts = [...document.querySelectorAll('.js-plotly-plot')];
    if (!charts.length || !charts.every(c => c.querySelector('.main-svg'))) return false;
    const title = charts[0].querySelector('.g-gtitle');
    return !!title && title.textContent.includes(expect);
}"""


IDLE = "() => new Promise(done => requestIdleCallback(() => done(), {timeout: 30000}))"


async def first_chart(browser, url: str, trials: int) -> list[float]:
    """A new visitor (a fresh context: nothing cached) until the first chart is drawn."""
    times = []
    for _ in range(trials):
        context = await browser.new_context(viewport=VIEWPORT)
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(url, wait_until="commit")
        await page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=120000)
        times.append(time.perf_counter() - start)
        await context.close()
    return times


async def filter_change(browser, url: str, label: str, options: list[tuple[str, str]], trials: int) -> list[float]:
    """Choose another value in the select box `label` and wait until the page has settled on it;
    `options` alternate: (the entry to click, a text the first chart's title shows for it)."""
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    await page.goto(url)
    await page.wait_for_function(SETTLED, arg=options[-1][1], timeout=120000, polling=50)
    times = []
    for i in range(trials):
        entry, expect = options[i % len(options)]
        await page.get_by_role("combobox", name=label, exact=True).click()
        option = page.get_by_role("option", name=entry, exact=True)
        await option.wait_for(timeout=30000)
        start = time.perf_counter()
        await option.click()
        await page.wait_for_function(SETTLED, arg=expect, timeout=120000, polling=50)
        times.append(time.perf_counter() - start)
    await context.close()
    return times


async def meeting(
    browser, server: Server, url: str, expect: str, viewers: int
) -> tuple[list[float], list[dict], float]:
    """`viewers` people open `url` within one second; the page runs the server made for them, and
    each one's wait until the page has settled (inf for a wait past two minutes), and the server
    process's CPU time from the first connection until every viewer's page had settled.

    The viewers share one browser context (its HTTP cache warm, as for members who opened the app
    before). Each tab loads the page first, and its connection to the server (Streamlit's
    websocket, where the session and its page run begin) is held until every tab has loaded; then
    the connections go through one after another within one second. So the server meets twenty
    sessions within a second, as it does when twenty phones each load the page on their own CPU,
    and not spread over the time twenty tabs take to load on the benchmark's cores."""
    context = await browser.new_context(viewport=VIEWPORT)
    warm = await context.new_page()
    await warm.goto(url)
    await warm.wait_for_function(SETTLED, arg=expect, timeout=120000, polling=100)
    await warm.close()
    gates = [asyncio.Event() for _ in range(viewers)]
    waiting = [asyncio.Event() for _ in range(viewers)]
    pages = []
    for i in range(viewers):
        page = await context.new_page()

        async def hold(socket, i=i):
            waiting[i].set()
            await gates[i].wait()
            socket.connect_to_server()

        await page.route_web_socket("**/_stcore/stream", hold)
        pages.append(page)
    for page in pages:
        await page.goto(url, wait_until="commit")
    await asyncio.wait_for(asyncio.gather(*(w.wait() for w in waiting)), timeout=300)
    for page in pages:  # every tab done loading and idle, waiting for its connection alone
        await page.evaluate(IDLE)
    began, cpu = time.time(), server.cpu()

    async def viewer(i: int) -> float:
        await asyncio.sleep(i / viewers)  # all within one second
        start = time.perf_counter()
        gates[i].set()
        try:
            await pages[i].wait_for_function(SETTLED, arg=expect, timeout=120000, polling=100)
        except PlaywrightTimeout:
            return float("inf")
        return time.perf_counter() - start

    waits = await asyncio.gather(*(viewer(i) for i in range(viewers)))
    cpu = server.cpu() - cpu
    await context.close()
    return list(waits), server.runs(since=began), cpu


def most_at_once(runs: list[dict]) -> int:
    """The most page runs going on at the same moment."""
    edges = sorted([(x["start"], 1) for x in runs] + [(x["start"] + x["wall"], -1) for x in runs])
    going = most = 0
    for _, step in edges:
        going += step
        most = max(most, going)
    return most


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def split_cores(how: str) -> tuple[set[int], set[int]] | None:
    """The cores the servers and the browsers run on in the meeting: "split" gives the servers the
    first half of this process's cores and Chromium the rest (on two cores, one each), as a
    meeting's server does not share its cores with the phones; "shared" (None): any core."""
    cores = sorted(os.sched_getaffinity(0))
    if how == "shared" or len(cores) < 2:
        return None
    half = len(cores) // 2
    return set(cores[:half]), set(cores[half:])


def process_tree(pid: int) -> set[int]:
    """`pid` and the processes it started, and theirs."""
    found, todo = set(), [pid]
    while todo:
        pid = todo.pop()
        found.add(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):  # the process ended meanwhile
                todo += [int(c) for c in (task / "children").read_text().split()]
    return found


def pin(pids: set[int], cpus: set[int]) -> None:
    """Every thread of `pids` onto `cpus` (threads and processes started later inherit them)."""
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):  # ended meanwhile
                os.sched_setaffinity(int(task.name), cpus)


@contextlib.contextmanager
def cores_apart(split: tuple[set[int], set[int]] | None, servers: list[int]):
    """For the meeting: the servers on their cores, this process with Playwright's driver and
    Chromium (its zygote included, so the twenty tabs' renderers follow) on the others; then all
    back on every core for the single-viewer measures."""
    if not split:
        yield
        return
    server_pids = set().union(*(process_tree(pid) for pid in servers))
    browser_pids = process_tree(os.getpid()) - server_pids
    pin(server_pids, split[0])
    pin(browser_pids, split[1])
    try:
        yield
    finally:
        every = split[0] | split[1]
        pin(server_pids, every)
        pin(process_tree(os.getpid()) - server_pids, every)


# ---------------------------------------------------------------- the stores


def sample_store(folder: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from doandata import ingest
    from doandata.store import Store

    url = f"sqlite:///{folder / 'sample.db'}"
    store = Store(url)
    ingest.ensure_seeded(store)
    store.dispose()
    return url


def big_store(folder: Path, units: int) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pages import fill

    url = f"sqlite:///{folder / 'big.db'}"
    fill(url, units, 40)
    return url


# ---------------------------------------------------------------- the report


async def measure(args, folder: Path) -> None:
    from playwright.async_api import async_playwright

    minimal_py = folder / "minimal.py"
    minimal_py.write_text(MINIMAL)
    stores = {"sample": sample_store(folder)}
    if not args.no_big:
        start = time.perf_counter()
        stores["big"] = big_store(folder, args.units)
        print(f"5,000-unit store filled in {time.perf_counter() - start:.0f} s")
    ports = {name: args.port + i for i, name in enumerate(SERVERS)}
    servers = {"minimal": Server(minimal_py, ports["minimal"], {}, folder)}
    for name, url in stores.items():
        servers[name] = Server(ROOT / "dashboard.py", ports[name], {"DOANDATA_DB_URL": url}, folder)
    split = split_cores(args.cores)
    results: dict[str, dict] = {}
    # the servers are started; what starts from here (Playwright's driver, Chromium and its twenty
    # tabs) yields the CPU to them: the viewers' browsers stand in for phones, which a real meeting's
    # server does not share its cores with (--browser-nice 0 to let them compete as equals)
    os.nice(args.browser_nice)
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, server in servers.items():
                if name == "minimal":
                    url, label, options = f"{server.base}/", "Số cột", [("20", "20 cột"), ("10", "10 cột")]
                    expect = "10 cột"
                else:
                    url, label = f"{server.base}/tong_quan?q=2018-Q3", "Quý"
                    options = [("Quý II/2018", "Quý II/2018"), ("Quý III/2018", "Quý III/2018")]
                    expect = "Quý III/2018"
                await first_chart(browser, url, 1)  # a warm server: caches filled, modules imported
                r = results[name] = {}
                if "first" in args.only:
                    r["first"] = statistics.median(await first_chart(browser, url, args.trials))
                if "change" in args.only:
                    began = time.time()
                    r["change"] = statistics.median(await filter_change(browser, url, label, options, args.trials))
                    r["change_run"] = statistics.median(x["wall"] for x in server.runs(since=began))
                quiet = time.time()
                await first_chart(browser, url, 1)
                r["run_alone"] = statistics.median(x["wall"] for x in server.runs(since=quiet))
                r["cpu_alone"] = statistics.median(x["cpu"] for x in server.runs(since=quiet))
                if "meeting" in args.only:
                    with cores_apart(split, [s.proc.pid for s in servers.values()]):
                        waits, runs, cpu = await meeting(browser, server, url, expect, args.viewers)
                    r["server_cpu"] = cpu / args.viewers
                    r["wait_median"], r["wait_p95"] = statistics.median(waits), p95(waits)
                    walls = [x["wall"] for x in runs]
                    r["runs"], r["run_median"], r["run_p95"] = len(runs), statistics.median(walls), p95(walls)
                    r["cpu_median"] = statistics.median(x["cpu"] for x in runs)
                    r["spread"] = max(x["start"] for x in runs) - min(x["start"] for x in runs)
                    r["most_at_once"] = most_at_once(runs)
                print(f"{name}: measured {r}", flush=True)
            await browser.close()
    finally:
        for server in servers.values():
            server.stop()
    report(results, args.viewers, split)


def report(results: dict[str, dict], viewers: int, split: tuple[set[int], set[int]] | None) -> None:
    base = results["minimal"]
    print(
        f"\ncores: {os.cpu_count()}, load average at the end (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print(f"browser niceness: {os.nice(0)} (the servers': 0)")
    if split:
        print(f"in the meeting, cores {sorted(split[0])} the servers', {sorted(split[1])} the browsers'")
    else:
        print("in the meeting, the servers and the browsers on any core")
    print(f"{'seconds, median':<58}" + "".join(f"{name:>10}" for name in results))
    rows = [
        ("new visitor (empty cache) until the first chart", "first"),
        ("filter change until the page has settled", "change"),
        ("  of which the page run (server, wall)", "change_run"),
        ("one page run alone, wall (server)", "run_alone"),
        ("one page run alone, CPU (server)", "cpu_alone"),
        (f"{viewers} viewers within 1 s: page run, median (server)", "run_median"),
        (f"{viewers} viewers within 1 s: page run, p95 (server)", "run_p95"),
        (f"{viewers} viewers within 1 s: page run CPU, median", "cpu_median"),
        (f"{viewers} viewers within 1 s: server process CPU a viewer", "server_cpu"),
        (f"{viewers} viewers within 1 s: page runs made", "runs"),
        (f"{viewers} viewers within 1 s: first to last run's start", "spread"),
        (f"{viewers} viewers within 1 s: most runs going at once", "most_at_once"),
        (f"{viewers} viewers within 1 s: each viewer's wait, median", "wait_median"),
        (f"{viewers} viewers within 1 s: each viewer's wait, p95", "wait_p95"),
    ]
    for label, key in rows:
        if key not in base:
            continue
        print(
            f"{label:<58}"
            + "".join(f"{r[key]:>10.3f}" if isinstance(r[key], float) else f"{r[key]:>10}" for r in results.values())
        )
    print("\ngoals")
    for name, r in results.items():
        if name == "minimal":
            continue
        checks = []
        if "first" in r:
            checks.append(("first chart ≤ 1.5× minimal", r["first"] / base["first"], r["first"] <= 1.5 * base["first"]))
        if "change" in r:
            ratio = r["change"] / base["change"]
            checks.append(("filter change ≤ 1.5× minimal rerun", ratio, r["change"] <= 1.5 * base["change"]))
        if "run_median" in r:
            checks.append((f"{viewers} viewers: run median ≤ 1.5 s", r["run_median"], r["run_median"] <= 1.5))
            checks.append((f"{viewers} viewers: run p95 ≤ 3 s", r["run_p95"], r["run_p95"] <= 3))
        checks.append(("one page run < 0.1 s CPU", r["cpu_alone"], r["cpu_alone"] < 0.1))
        for label, value, ok in checks:
            print(f"  {name:<8}{label:<40}{value:>8.2f}  {'ok' if ok else 'MISSED'}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--serve":
        serve(sys.argv[2], sys.argv[4:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--viewers", type=int, default=20)
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--no-big", action="store_true", help="the sample data only")
    parser.add_argument(
        "--only",
        default=",".join(MEASURES),
        help="the measures to take, comma-separated: first (new visitor), change (filter), meeting (viewers)",
    )
    parser.add_argument(
        "--browser-nice",
        type=int,
        default=10,
        help="the niceness of Chromium (and Playwright's driver) against the servers' 0: in a meeting the"
        " viewers' browsers run on their own phones, not on the server's cores (0: the same priority)",
    )
    parser.add_argument(
        "--cores",
        choices=("split", "shared"),
        default="split",
        help="in the meeting, split: the servers on the first half of the cores, Chromium and Playwright on"
        " the rest, as a meeting's server does not share its cores with twenty phones; shared: all anywhere"
        " (the single-viewer measures run on any core either way)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("BENCH_BROWSER_PORT", "8611")),
        help="the first of the three ports the servers use (or BENCH_BROWSER_PORT)",
    )
    args = parser.parse_args()
    args.only = {m.strip() for m in args.only.split(",") if m.strip()}
    unknown = args.only - set(MEASURES)
    if unknown:
        parser.error(f"unknown measure(s): {', '.join(sorted(unknown))}; choose from {', '.join(MEASURES)}")
    folder = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    try:
        asyncio.run(measure(args, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
