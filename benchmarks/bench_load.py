"""Load benchmark: 50,000 units × 5 periods × 40 criteria = 10 million score rows, on PostgreSQL
and on SQLite.

Fills each store through the real import path (Store.import_batch, card totals added up in the
database), then times, cold (a new Store and connection each time, median of --repeat runs):

  overview   what the overview page reads after an upload: the page frames (settings, units,
             criteria, members, clusters) and every unit's figures for the quarter (totals,
             2017 totals and plan items done aggregated in the database; the rules vectorised)
  unit       one unit's own rows and figures: totals of every period, 80 criterion points,
             plan-item statuses, reports; timeline, criteria comparison and item history
  summary    `python -m doandata summary --period 2018-Q3 --json` in-process (50,000 rows of JSON),
             and the same as a separate process, interpreter start included

Named alternative: adding up the 10 million points at read time, as the first release did
(SUM over scores joined to the current cards), which the stored card totals replace.
Goal: overview, unit and summary each under 1 s.

Run:  python benchmarks/bench_load.py [--units 50000] [--criteria 40] [--repeat 3]
                                      [--backends postgresql,sqlite] [--pg-url postgresql://…]
Without --pg-url a throw-away PostgreSQL cluster is started (Debian's packages, as scripts/test.sh).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from benchmarks.bench_pages import fill  # noqa: E402
from doandata import cli, metrics  # noqa: E402
from doandata.store import Store, _current_cards, scores  # noqa: E402

PERIOD = "2018-Q3"


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def overview(url: str) -> None:
    s = Store(url)
    basics = s.basics()
    frame = metrics.of_period(s, PERIOD, basics["settings"], basics["units"])
    metrics.status_counts(frame)
    metrics.rating_transitions(frame, basics["settings"])
    s.dispose()


def unit(url: str, code: str) -> None:
    s = Store(url)
    settings = s.settings()
    own = s.unit_rows([code])
    one = s.units()
    one = one[one["unit_code"] == code]
    metrics.unit_timeline(code, one, own["totals"], settings)
    points = s.scores(periods=[settings.baseline_period, PERIOD], unit_code=code)
    metrics.criteria_compare(points, s.criteria(), code, PERIOD, settings)
    metrics.item_history(own["statuses"], code, settings)
    s.dispose()


def summary(url: str) -> None:
    os.environ["DOANDATA_DB_URL"] = url
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert cli.main(["summary", "--period", PERIOD, "--json"]) == 0
    assert out.getvalue().count('"unit_code"') > 0


def summary_process(url: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "doandata", "summary", "--period", PERIOD, "--json"],
        cwd=ROOT,
        env={**os.environ, "DOANDATA_DB_URL": url},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def sum_at_read_time(url: str) -> None:
    s = Store(url)
    query = (
        sa.select(scores.c.unit_code, scores.c.period, sa.func.sum(scores.c.points))
        .select_from(_current_cards())
        .group_by(scores.c.unit_code, scores.c.period)
    )
    s._frame(query)
    s.dispose()


def stored_totals(url: str) -> None:
    s = Store(url)
    s.totals()
    s.dispose()


def bench(name: str, url: str, n_units: int, n_criteria: int, repeat: int) -> dict:
    start = time.perf_counter()
    fill(url, n_units, n_criteria)
    filled = time.perf_counter() - start
    s = Store(url)
    with s.engine.connect() as conn:
        rows = conn.execute(sa.select(sa.func.count()).select_from(scores)).scalar_one()
    s.dispose()
    code = f"DV{n_units // 2:05d}"
    result = {
        "backend": name,
        "score rows": rows,
        "fill": filled,
        "overview": timed(lambda: overview(url), repeat),
        "unit": timed(lambda: unit(url, code), repeat),
        "summary": timed(lambda: summary(url), repeat),
        "summary (process)": timed(lambda: summary_process(url), repeat),
        "totals stored": timed(lambda: stored_totals(url), repeat),
        "totals summed at read": timed(lambda: sum_at_read_time(url), repeat),
    }
    print(f"  {name}: filled {rows:,} score rows in {filled:.0f} s", flush=True)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=50000)
    ap.add_argument("--criteria", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--backends", default="postgresql,sqlite")
    ap.add_argument("--pg-url", default=None)
    args = ap.parse_args()
    print(
        f"Load benchmark: {args.units:,} units × 5 periods × {args.criteria} criteria "
        f"= {args.units * 5 * args.criteria:,} score rows; timings are medians of {args.repeat} cold runs"
    )
    results, cluster = [], None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for backend in args.backends.split(","):
                if backend == "postgresql":
                    url = args.pg_url
                    if url is None:
                        from tests.postgres import Cluster

                        cluster = Cluster()
                        url = cluster.database("load")
                else:
                    url = f"sqlite:///{Path(tmp) / 'load.db'}"
                results.append(bench(backend, url, args.units, args.criteria, args.repeat))
    finally:
        if cluster:
            cluster.stop()
    keys = ["overview", "unit", "summary", "summary (process)", "totals stored", "totals summed at read"]
    print()
    print(f"{'':24}" + "".join(f"{r['backend']:>14}" for r in results))
    for key in keys:
        print(f"{key + ' (s)':24}" + "".join(f"{r[key]:>14.3f}" for r in results))
    print()
    for r in results:
        ok = all(r[k] < 1 for k in ("overview", "unit", "summary"))
        print(
            f"{r['backend']}: overview, unit and summary each under 1 s: {'yes' if ok else 'NO'}; "
            f"stored card totals read {r['totals summed at read'] / r['totals stored']:.1f}× faster than "
            f"summing the points at read time"
        )
    if len(results) == 2:
        a, b = results
        print(
            f"{a['backend']} / {b['backend']}: overview {a['overview'] / b['overview']:.2f}×, "
            f"unit {a['unit'] / b['unit']:.2f}×, summary {a['summary'] / b['summary']:.2f}×"
        )


if __name__ == "__main__":
    main()
