"""Try every hostile and broken file we know of and print what each got, with counts and times.

The 121 files of ../shared/corpus/excel-wild/ plus generated ones (zip bomb, a million declared
rows, entity expansion, truncated, renamed CSV and PDF, empty; control characters, bidi overrides,
lookalike codes, error cells, over-long names, formula-like names). Each must get a clear answer,
quickly, with nothing stored. The generated files are also written to a folder, so that each can be
tried by hand:  python -m doandata validate <folder>/lookalike_codes.xlsx

Run:  python scripts/hostile_files.py [folder]
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
from tests import hostile  # noqa: E402
from tests.hostile import BILLION_LAUGHS, declared_million_rows, xlsx_parts, zip_bomb  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "excel-wild"


def generated() -> dict[str, bytes]:
    sample = (ROOT / "sample_data" / "05_bang_diem_quy_1_2018.xlsx").read_bytes()
    q3 = ROOT / "sample_data" / "07_bang_diem_quy_3_2018.xlsx"
    return {
        "zip_bomb_300MB.xlsx": zip_bomb(300),
        "million_rows.xlsx": declared_million_rows(sample),
        "billion_laughs.xlsx": xlsx_parts({"xl/sharedStrings.xml": BILLION_LAUGHS}),
        "truncated.xlsx": sample[:4000],
        "csv_renamed.xlsx": b"Ma don vi,Cum\nDLS,6\n",
        "pdf_renamed.xlsx": b"%PDF-1.7\n1 0 obj",
        "empty.xlsx": b"",
        "control_characters.xlsx": hostile.control_characters(),
        "bidi_names.xlsx": hostile.bidi_names(),
        "lookalike_codes.xlsx": hostile.lookalike_codes(),
        "over_long.xlsx": hostile.over_long(),
        "formula_like_names.xlsx": hostile.formula_like_names(),
        "error_cells_07_bang_diem_quy_3_2018.xlsx": hostile.error_cells(q3),
    }


def main() -> None:
    store = Store(f"sqlite:///{Path(tempfile.mkdtemp()) / 'store.db'}")
    ingest.seed(store)
    before = len(store.history())
    files = {p.name: p.read_bytes() for p in sorted(CORPUS.iterdir()) if p.suffix in (".xls", ".xlsx", ".xlsm", ".ods")}
    made = generated()
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        (folder / name).write_bytes(data)
    files.update(made)
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
        if name in made:
            print(f"{name}: {code}")
    print(f"generated files written to {folder}")
    print(f"{len(files)} files tried ({len(files) - len(made)} from the corpus, {len(made)} generated)")
    for code, count in outcomes.most_common():
        print(f"{count:>5}  {code}")
    print(f"slowest: {slowest[1]} in {slowest[0]:.2f} s; uploads stored: {len(store.history()) - before}")


if __name__ == "__main__":
    main()
