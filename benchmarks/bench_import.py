"""Import benchmark: a 20,000-unit × 40-criterion scorecard.

Prints, in one run, the whole-process wall time and peak memory of
  python -m doandata import FILE            (read, find the table, check, store in SQLite)
against a bare pandas.read_excel of the same file with calamine and with openpyxl, and the ratios.
Goal: import ≤ 3 × bare calamine, ≤ 0.5 × bare openpyxl, peak memory < 1 GiB.

Run:  python benchmarks/bench_import.py [--units 20000] [--criteria 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doandata.store import Store  # noqa: E402
from doandata.validate import Batch, derived_frames  # noqa: E402


def make_store(url: str, n_units: int, n_criteria: int) -> None:
    """The unit list and the criteria, stored directly (set-up, not timed)."""
    store = Store(url)
    units = pd.DataFrame(
        {
            "unit_code": [f"DV{i:05d}" for i in range(n_units)],
            "name": [f"Đơn vị số {i}" for i in range(n_units)],
            "cluster": [1 + i % 40 for i in range(n_units)],
            "unit_type": "Đoàn cơ sở",
            "special": [i % 4 == 0 for i in range(n_units)],
            "baseline_total": [50 + i % 45 for i in range(n_units)],
            "baseline_rating": None,
            "group_no": None,
            "companion_code": None,
            "members": 30,
            "party_committee": "",
            "note": "",
        }
    )
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
    store.import_batch(Batch(frames=derived_frames({"units": units}), kinds=["units"]), filename="units", by="bench")
    store.import_batch(Batch(frames={"criteria": criteria}, kinds=["criteria"]), filename="criteria", by="bench")
    store.dispose()


def make_scorecard(path: Path, n_units: int, n_criteria: int) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Bảng điểm")
    ws.append(["BẢNG ĐIỂM THI ĐUA - QUÝ II/2018"])
    ws.append([])
    ws.append(["STT", "Mã đơn vị", "Tên đơn vị", *[f"TC{j + 1}" for j in range(n_criteria)]])
    for i in range(n_units):
        ws.append([i + 1, f"DV{i:05d}", f"Đơn vị số {i}", *[(i + j) % 5 * 0.5 for j in range(n_criteria)]])
    wb.save(path)


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--criteria", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    xlsx = work / "bang_diem_quy_2_2018.xlsx"
    make_scorecard(xlsx, args.units, args.criteria)
    print(f"file: {args.units:,} units × {args.criteria} criteria, {xlsx.stat().st_size / 2**20:.1f} MiB")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    read = "import pandas as pd, sys; pd.read_excel(sys.argv[1], engine='{}', header=2)"
    cases = {
        "python -m doandata import": None,
        "pandas.read_excel calamine": [sys.executable, "-c", read.format("calamine"), str(xlsx)],
        "pandas.read_excel openpyxl": [sys.executable, "-c", read.format("openpyxl"), str(xlsx)],
    }
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for i in range(args.repeat):
        url = f"sqlite:///{work / f'store{i}.db'}"
        make_store(url, args.units, args.criteria)
        results["python -m doandata import"].append(
            run([sys.executable, "-m", "doandata", "--db", url, "import", str(xlsx)], env)
        )
        for name, cmd in cases.items():
            if cmd:
                results[name].append(run(cmd, env))
    median = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
    peak = {k: max(m for _, m in v) for k, v in results.items()}
    print(f"{'whole process':<30}{'median s':>10}{'peak MiB':>10}")
    for name in cases:
        print(f"{name:<30}{median[name]:>10.2f}{peak[name]:>10.0f}")
    imp = median["python -m doandata import"]
    r_cal = imp / median["pandas.read_excel calamine"]
    r_opx = imp / median["pandas.read_excel openpyxl"]
    print(f"import / bare calamine read: {r_cal:.2f}×  (goal ≤ 3)")
    print(f"import / bare openpyxl read: {r_opx:.2f}×  (goal ≤ 0.5)")
    print(f"import peak memory: {peak['python -m doandata import']:.0f} MiB  (goal < 1024)")


if __name__ == "__main__":
    main()
