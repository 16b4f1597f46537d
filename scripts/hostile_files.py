"""Try every hostile and broken file we know of and print what each got, with counts and times.

The 121 files of ../shared/corpus/excel-wild/ plus generated ones (zip bomb, a million declared
rows, entity expansion, truncated, renamed CSV and PDF, empty). Each must get a clear answer,
quickly, with nothing stored.

Run:  python scripts/hostile_files.py
"""

from __future__ import annotations

import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doandata import ingest  # noqa: E402
from doandata.problems import Unreadable  # noqa: E402
from doandata.store import Store  # noqa: E402
from tests.hostile import BILLION_LAUGHS, declared_million_rows, xlsx_parts, zip_bomb  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "excel-wild"


def generated() -> dict[str, bytes]:
    sample = (ROOT / "sample_data" / "05_bang_diem_quy_1_2018.xlsx").read_bytes()
    return {
        "zip_bomb_300MB.xlsx": zip_bomb(300),
        "million_rows.xlsx": declared_million_rows(sample),
        "billion_laughs.xlsx": xlsx_parts({"xl/sharedStrings.xml": BILLION_LAUGHS}),
        "truncated.xlsx": sample[:4000],
        "csv_renamed.xlsx": b"Ma don vi,Cum\nDLS,6\n",
        "pdf_renamed.xlsx": b"%PDF-1.7\n1 0 obj",
        "empty.xlsx": b"",
    }


def main() -> None:
    store = Store(f"sqlite:///{Path(tempfile.mkdtemp()) / 'store.db'}")
    ingest.seed(store)
    before = len(store.history())
    files = {p.name: p.read_bytes() for p in sorted(CORPUS.iterdir()) if p.suffix in (".xls", ".xlsx", ".xlsm", ".ods")}
    files.update(generated())
    outcomes, slowest = collections.Counter(), (0.0, "")
    for name, data in files.items():
        start = time.perf_counter()
        try:
            batch = ingest.inspect(data, name, store).batch
            code = "accepted" if batch.ok else "refused: " + batch.problems[0].code
        except Unreadable as exc:
            code = "unreadable: " + exc.problem.code
        seconds = time.perf_counter() - start
        slowest = max(slowest, (seconds, name))
        outcomes[code] += 1
    print(f"{len(files)} files tried ({len(files) - len(generated())} from the corpus, {len(generated())} generated)")
    for code, count in outcomes.most_common():
        print(f"{count:>5}  {code}")
    print(f"slowest: {slowest[1]} in {slowest[0]:.2f} s; uploads stored: {len(store.history()) - before}")


if __name__ == "__main__":
    main()
