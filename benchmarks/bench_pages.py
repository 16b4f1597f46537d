"""Page benchmark: 5,000 units × 5 periods × 40 criteria in a SQLite store.

Prints the time of one full rerun of each page through Streamlit's AppTest (cached data, median
of several reruns) against the time of loading the same frames from the store alone.
Goal: each page's rerun within 0.5 s.

Run:  python benchmarks/bench_pages.py [--units 5000] [--criteria 40] [--reruns 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doandata import contract as C  # noqa: E402
from doandata import metrics  # noqa: E402
from doandata.store import Store  # noqa: E402
from doandata.validate import Batch, derived_frames  # noqa: E402

PAGES = ["pages/tong_quan.py", "pages/don_vi.py", "pages/to_cong_tac.py", "pages/cum.py", "pages/mau_bieu.py"]
PERIODS = ["2017", "2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"]


def fill(url: str, n_units: int, n_criteria: int) -> None:
    rng = np.random.default_rng(7)
    store = Store(url)
    codes = [f"DV{i:05d}" for i in range(n_units)]
    special = [i % 4 == 0 for i in range(n_units)]
    units = pd.DataFrame(
        {
            "unit_code": codes,
            "name": [f"Đơn vị số {i}" for i in range(n_units)],
            "cluster": [1 + i % 40 for i in range(n_units)],
            "unit_type": "Đoàn cơ sở",
            "special": special,
            "baseline_total": None,
            "baseline_rating": None,
            "group_no": [1 + i % 2 if s else None for i, s in enumerate(special)],
            "companion_code": [codes[i + 1] if s and i + 1 < n_units else None for i, s in enumerate(special)],
            "members": 30,
            "party_committee": "",
            "note": "",
        }
    )
    store.import_batch(Batch(frames=derived_frames({"units": units}), kinds=["units"]), filename="units")
    maximum = 100 / n_criteria
    criteria = pd.DataFrame(
        {
            "code": [f"TC{j + 1}" for j in range(n_criteria)],
            "content": [f"Tiêu chí {j + 1}" for j in range(n_criteria)],
            "max_points": maximum,
            "section": "I",
            "plan_item": None,
            "position": range(n_criteria),
        }
    )
    store.import_batch(Batch(frames={"criteria": criteria}, kinds=["criteria"]), filename="criteria")
    members = pd.DataFrame(
        {
            "group_no": [1, 1, 2, 2],
            "name": ["A", "B", "C", "D"],
            "role": ["Tổ trưởng", "Thành viên"] * 2,
            "title": "",
            "unit_codes": "",
            "item_codes": "",
            "position": range(4),
        }
    )
    store.import_batch(Batch(frames=derived_frames({"members": members}), kinds=["groups"]), filename="groups")
    level = rng.uniform(0.45, 0.9, n_units)
    for k, period in enumerate(PERIODS):
        points = np.clip(level[:, None] + rng.normal(0.01 * k, 0.05, (n_units, n_criteria)), 0, 1) * maximum
        scores = pd.DataFrame(
            {
                "unit_code": np.repeat(codes, n_criteria),
                "period": period,
                "criterion_code": np.tile(criteria["code"], n_units),
                "points": np.round(points.reshape(-1) * 2) / 2,
            }
        )
        meta = pd.DataFrame(
            {"unit_code": codes, "period": period, "total_given": None, "rating_given": None, "note": ""}
        )
        frames = {"scores": scores, "score_meta": meta}
        if period != "2017":
            tracked = [c for c, s in zip(codes, special) if s]
            frames["reports"] = pd.DataFrame(
                {
                    "unit_code": tracked,
                    "period": period,
                    "difficulties": "Khó khăn",
                    "proposals": "Đề xuất",
                    "models": "",
                    "reporter": "Tổ",
                }
            )
            frames["statuses"] = pd.DataFrame(
                [
                    (c, period, item, rng.choice(["not_started", "in_progress", "done"]))
                    for c in tracked
                    for item in C.PLAN_ITEM_CODES
                ],
                columns=["unit_code", "period", "item_code", "status"],
            )
        store.import_batch(Batch(frames=frames, kinds=["scores"], periods=[period]), filename=period)
    store.dispose()


def load_frames(url: str) -> float:
    start = time.perf_counter()
    s = Store(url)
    basics = s.basics()  # what the pages cache per store version, then the quarter's figures
    metrics.of_period(s, "2018-Q3", basics["settings"], basics["units"])
    s.dispose()
    return time.perf_counter() - start


def rerun_times(url: str, reruns: int) -> dict[str, float]:
    os.environ["DOANDATA_DB_URL"] = url
    from streamlit.testing.v1 import AppTest

    out = {}
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.query_params.update({"q": "2018-Q3", "unit": "DV00004"})
    for page in PAGES:
        at.switch_page(page).run()  # first run of the page: fills the caches
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
        times = []
        for _ in range(reruns):
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        out[page] = statistics.median(times)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--criteria", type=int, default=40)
    parser.add_argument("--reruns", type=int, default=5)
    args = parser.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-pages-')) / 'store.db'}"
    start = time.perf_counter()
    fill(url, args.units, args.criteria)
    print(
        f"store: {args.units:,} units × {len(PERIODS)} periods × {args.criteria} criteria "
        f"= {args.units * len(PERIODS) * args.criteria:,} score rows (filled in {time.perf_counter() - start:.0f} s)"
    )
    load = statistics.median(load_frames(url) for _ in range(3))
    print(f"loading the overview's frames and figures alone (no cache): {load:.3f} s")
    times = rerun_times(url, args.reruns)
    print(f"{'page':<24}{'rerun s':>9}{'× load':>9}  goal ≤ 0.5 s")
    for page, t in times.items():
        print(f"{page:<24}{t:>9.3f}{t / load:>9.2f}  {'ok' if t <= 0.5 else 'SLOW'}")


if __name__ == "__main__":
    main()
