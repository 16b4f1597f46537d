"""The marking of an uploaded .xlsx (markup.mark_own), run in a child process with the parse's
memory and CPU bound: openpyxl holds the whole workbook, and the file came from someone else.
The parent sends (bytes, problems, language) pickled on stdin and reads back the marked bytes, or
None when openpyxl could not open the file (the parent then rebuilds the copy from the grids).

Run by markup.marked_workbook as:  python -m doandata.mark_child MEMORY_BYTES CPU_SECONDS
"""

from __future__ import annotations

import pickle
import sys

from .parse_child import _limit


def main() -> None:
    memory, cpu = (int(v) for v in sys.argv[1:3])
    payload = sys.stdin.buffer.read()
    _limit(memory, cpu)
    from .markup import mark_own
    from .safety import require_defused_xml

    data, problems, lang = pickle.loads(payload)  # written by our own parent, never by the uploader
    try:
        require_defused_xml()  # no entity expansion in the uploaded XML, or no own copy at all
        result = mark_own(data, problems, lang)
    except Exception:  # noqa: BLE001 - openpyxl refuses what calamine read: the parent rebuilds it
        result = None
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    main()
