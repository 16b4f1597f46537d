"""The workbook parse, run in a child process with a memory and CPU bound.

A hostile file (a zip bomb whose directory lies, a sheet of a million rows, a parser bug that loops)
can then cost at most the bound, and the app and the other users go on. The parent sends the bytes
on stdin and reads back a pickled result: ("ok", sheets) or ("error", code, params).

Run by read.read_sheets as:  python -m doandata.parse_child MEMORY_BYTES CPU_SECONDS MAX_ROWS MAX_COLS
"""

from __future__ import annotations

import pickle
import resource
import sys


def _limit(memory: int, cpu: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def main() -> None:
    memory, cpu, max_rows, max_cols = (int(v) for v in sys.argv[1:5])
    data = sys.stdin.buffer.read()
    _limit(memory, cpu)
    from .problems import Unreadable
    from .read import parse_grids

    try:
        result = ("ok", parse_grids(data, max_rows, max_cols))
    except Unreadable as exc:
        result = ("error", exc.problem.code, exc.problem.params)
    except MemoryError:
        result = ("error", "file_too_complex", {})
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    main()
