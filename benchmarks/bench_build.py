"""One document build against one bare kaleido export, in the same process (issue #16, "Speed").

In one process on a copy of the seeded sample store, interleaved so that the machine's load falls
on both alike:
  bare export  a simple plotly bar chart through `fig.to_image` (a fresh Chromium each time: what
               every picture of a document cost before pictures.py kept one browser);
  cold build   the sơ kết .docx through builds.document, the first of the process (it starts the
               kept browser);
  warm builds  documents not yet kept: each round forgets the kept documents and pictures (as after
               an edit bumped the store version) and builds the next of the sơ kết, the tổng kết
               and the quarters 2018-Q1..Q3 (.docx, two pictures each), in the kept browser;
  two at once  two different documents in two threads (builds.MAX_RUNNING), wall time.
Also one sơ kết build timed part by part (gather, figures, pictures, .docx layout, .xlsx).
Prints seconds (median of --repeat) and the ratio warm build / bare export; the goal is ≤ 1×.

Run:  python benchmarks/bench_build.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOCUMENTS = [("midyear", "2018-Q2"), ("final", "2018-Q3"), ("quarter", "2018-Q1"), ("quarter", "2018-Q3")]


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def bare_export() -> bytes:
    """The named alternative: one simple figure through plotly's own to_image (kaleido, fresh Chromium)."""
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=["A", "B", "C"], y=[3, 1, 2]))
    return fig.to_image(format="png", width=1400, height=600, scale=1)


def parts(store) -> dict[str, float]:
    """One sơ kết .docx build, part by part, its pictures not yet kept."""
    from doandata import pictures, reports

    pictures.forget()
    took = {}
    start = time.perf_counter()
    frames = reports.frames_for(store, "2018-Q2")
    report = reports.gather("midyear", "2018-Q2", frames, "vi")
    took["read and gather"] = time.perf_counter() - start
    figures = {}
    took["chart figures (plotly)"] = timed(lambda: figures.update(reports.chart_figures(report)))
    images = {}
    took["two pictures (kept browser)"] = timed(lambda: images.update(pictures.render(figures)))
    took[".docx layout (python-docx)"] = timed(lambda: reports.to_docx(report, None, images))
    took[".xlsx (openpyxl, not in the .docx build)"] = timed(lambda: reports.to_xlsx(report))
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from doandata import builds, ingest, pictures
    from doandata.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/store.db")
        ingest.seed(store, ROOT / "sample_data")
        store.settings()
        bare_export()  # imports and plotly.js read once, outside the timings

        def build(kind, period, fmt="docx"):
            data = builds.document(store, kind, period, fmt)
            assert data[:2] == b"PK"

        cold = timed(lambda: build("midyear", "2018-Q2"))
        bares, warms = [], []
        for i in range(args.repeat):
            bares.append(timed(bare_export))
            builds.forget()
            pictures.forget()
            warms.append(timed(lambda i=i: build(*DOCUMENTS[i % len(DOCUMENTS)])))
        builds.forget()
        pictures.forget()
        threads = [threading.Thread(target=build, args=d) for d in DOCUMENTS[:2]]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        both = time.perf_counter() - start
        took = parts(store)
        builds.forget()
        again = timed(lambda: build("midyear", "2018-Q2"))  # its pictures kept, the document not
        started = pictures.starts

        bare, warm = statistics.median(bares), statistics.median(warms)
        print(f"Document builds on the sample store, median of {args.repeat}\n")
        print("| seconds | s |")
        print("| --- | ---: |")
        print(f"| bare export: one simple figure, `fig.to_image` (fresh Chromium) | {bare:.2f} |")
        print(f"| cold build: the sơ kết .docx, first in the process (starts the browser) | {cold:.2f} |")
        print(f"| warm build: a .docx not yet kept, its two pictures drawn in the kept browser | {warm:.2f} |")
        print(f"| warm build, pictures kept too (other signing fields, after the .docx was dropped) | {again:.2f} |")
        print(f"| two different .docx at once, in two threads (wall) | {both:.2f} |")
        print("\none warm sơ kết build, part by part:\n\n| part | s |\n| --- | ---: |")
        for name, seconds in took.items():
            print(f"| {name} | {seconds:.2f} |")
        print(
            f"\nbrowsers started: {started}; warm runs: {', '.join(f'{w:.2f}' for w in warms)}; "
            f"bare runs: {', '.join(f'{b:.2f}' for b in bares)}"
        )
        print(
            f"\nwarm build / bare export: {warm / bare:.2f}× (goal ≤ 1×); cold build / bare export: {cold / bare:.2f}×"
        )
        pictures.shutdown()
        store.dispose()


if __name__ == "__main__":
    main()
