"""Report flood benchmark: eight viewers click "Lập báo cáo" at once.

Each click asks for the .docx (charts drawn by Chromium through kaleido) and the .xlsx of the same
report. "before" calls reports.build directly in eight threads (no cache, no cap, as the page did);
"after" goes through builds.document (kept documents, one build per document, two at a time);
"after, 8 different" asks for eight different documents (another number each), so only the cap
helps. Each run is a fresh process on a copy of the seeded sample store; the parent samples that
process's tree every 50 ms (processes, proportional memory) and a ninth thread in it times a small page
read every 0.2 s (what another viewer waits for while the reports are made).

Since doandata/pictures.py every mode draws its pictures in the one kept Chromium (and keeps them),
so "before" no longer reproduces the old page's Chromium per picture; the README's table was
measured before that. benchmarks/bench_build.py times one build against a bare export.

Run:  python benchmarks/bench_reports.py [--clicks 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODES = ("before", "after", "after, 8 different")


def click(mode: str, store, n: int) -> None:
    from doandata import builds, reports

    signing = reports.Signing(number=str(n) if mode == "after, 8 different" else "")
    for fmt in ("docx", "xlsx"):
        if mode == "before":
            reports.build(store, "quarter", "2018-Q2", fmt, signing)
        else:
            builds.document(store, "quarter", "2018-Q2", fmt, signing)


def child(mode: str, url: str, clicks: int) -> None:
    """One flood in this process; prints its wall time and the slowest page read during it."""
    from doandata import metrics
    from doandata.store import Store

    store = Store(url)
    metrics.of_period(store, "2018-Q2", store.settings(), store.units())  # warm the imports
    done, waits = threading.Event(), []

    def probe():
        while not done.is_set():
            t = time.perf_counter()
            metrics.of_period(store, "2018-Q2", store.settings(), store.units())
            waits.append(time.perf_counter() - t)
            time.sleep(0.2)

    probing = threading.Thread(target=probe)
    probing.start()
    start = time.perf_counter()
    threads = [threading.Thread(target=click, args=(mode, store, n)) for n in range(clicks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    done.set()
    probing.join()
    print(json.dumps({"wall": wall, "page_read_max": max(waits), "page_read_median": statistics.median(waits)}))


def tree(pid: int) -> list[int]:
    """pid and every process below it (read from /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


def pss_mib(pids: list[int]) -> float:
    """Proportional set size: pages shared by the Chromium processes counted once in all."""
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def run(mode: str, url: str, clicks: int) -> dict:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, "--url", url, "--clicks", str(clicks)],
        stdout=subprocess.PIPE,
        text=True,
    )
    most_procs, most_mib = 0, 0.0
    while proc.poll() is None:
        pids = tree(proc.pid)
        most_procs, most_mib = max(most_procs, len(pids)), max(most_mib, pss_mib(pids))
        time.sleep(0.05)
    return json.loads(proc.stdout.read().strip().splitlines()[-1]) | {"procs": most_procs, "mib": most_mib}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clicks", type=int, default=8)
    parser.add_argument("--child")
    parser.add_argument("--url")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.url, args.clicks)

    from doandata import ingest
    from doandata.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/store.db"
        store = Store(url)
        ingest.seed(store, ROOT / "sample_data")
        store.dispose()
        print(f"{args.clicks} clicks at once, each a .docx with charts and an .xlsx (quarter 2018-Q2)\n")
        print(f"| {'mode':<20} | wall s | peak processes | peak MiB (PSS) | slowest page read s |")
        print(f"| {'---':<20} | ---: | ---: | ---: | ---: |")
        results = {}
        for mode in MODES:
            r = results[mode] = run(mode, url, args.clicks)
            print(f"| {mode:<20} | {r['wall']:.1f} | {r['procs']} | {r['mib']:.0f} | {r['page_read_max']:.2f} |")
        before, after = results["before"], results["after"]
        print(
            f"\nafter / before: wall {after['wall'] / before['wall']:.2f}×, processes {after['procs']}/{before['procs']}, "
            f"memory {after['mib'] / before['mib']:.2f}×, slowest page read {after['page_read_max'] / before['page_read_max']:.2f}×"
        )


if __name__ == "__main__":
    main()
