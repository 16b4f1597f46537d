"""Read a workbook as offices send it and find the table in each sheet.

Reading gives raw grids (python-calamine reads .xlsx, .xlsm, .xls and .ods); finding the table
gives, per recognised sheet, the header row, which column holds what, and the data rows with their
Excel row numbers. Typing the cells and checking them is validate.py's job.
"""

from __future__ import annotations

import io
import math
import os
import pickle
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine
from defusedxml import ElementTree as DefusedET

from . import config, i18n
from . import contract as C
from .cells import CellError, is_blank
from .problems import Problem, Unreadable, warning
from .text import UNSEEN, strip_controls

HEADER_SCAN_ROWS = 40
MAX_SHEETS = 50
MAX_RATIO = 200
MIN_RATIO_CHECK = 20 * 2**20
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Sheet:
    name: str
    grid: list[list]  # grid[i][j] is Excel row i+1, column j+1


@dataclass
class Table:
    """One recognised table: which kind, where its columns are, its data rows."""

    kind: C.WorkbookKind
    sheet: str
    header_row: int  # Excel row number
    columns: dict[str, int]  # contract key (or criterion / plan-item code) -> column index
    headers: dict[str, str]  # same keys -> the header text as the user wrote it
    rows: list[tuple[int, dict[str, object], str]]  # (Excel row, raw values by key, section)
    title_lines: list[str] = field(default_factory=list)  # each row above the header, as one text
    problems: list[Problem] = field(default_factory=list)

    def column_label(self, key: str) -> str:
        return self.headers.get(key, key)

    def at(self, row: int | None, key: str | None = None) -> dict:
        """Where a problem is, as Excel shows it: sheet, row, header text and column."""
        where: dict = {"sheet": self.sheet, "row": row}
        if key is not None:
            where["column"] = self.column_label(key)
            if key in self.columns:
                where["col"] = self.columns[key]
        return where


# ---------------------------------------------------------------- reading bytes into grids


def sniff(data: bytes) -> str:
    """What the content really is, whatever the file name says."""
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                if "[Content_Types].xml" in names:
                    return "xlsx"
                if "mimetype" in names and b"spreadsheet" in zf.read("mimetype"):
                    manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
                    return "ods-encrypted" if b"encryption-data" in manifest else "ods"
        except zipfile.BadZipFile:
            return "truncated"  # a zip without its central directory: cut off while saving or sending
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if not data:
        return "empty"
    return "other"


def check_limits(data: bytes, filename: str, max_bytes: int, max_unpacked: int) -> None:
    """Refuse a file too big to take, or one whose parts unpack to more than the limit (a zip
    bomb), before anything is inflated."""
    if len(data) > max_bytes:
        raise Unreadable("file_too_big", file=filename, size=_mb(len(data), up=True), limit=_mb(max_bytes))
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                unpacked = sum(info.file_size for info in zf.infolist())
        except zipfile.BadZipFile:
            return  # read_sheets says what is wrong with it
        if unpacked > max_unpacked:
            raise Unreadable(
                "file_unpacks_too_big", file=filename, size=_mb(unpacked, up=True), limit=_mb(max_unpacked)
            )
        # workbooks compress 5-30×; a part that shrinks hundreds of times over many megabytes is a bomb
        if unpacked > MIN_RATIO_CHECK and unpacked > MAX_RATIO * len(data):
            raise Unreadable("file_ratio", file=filename, ratio=int(unpacked / max(len(data), 1)))


def _mb(size: int, up: bool = False) -> str:
    """Megabytes with one decimal, three under 1 MB (12 kB is not '0'); a size over a limit is
    rounded up, so that it never reads as equal to the limit."""
    mb = size / 2**20
    decimals = 1 if mb >= 1 else 3
    if up:
        mb = math.ceil(mb * 10**decimals) / 10**decimals
    return i18n.fmt_number(mb, "vi", decimals)


def read_sheets(data: bytes, filename: str = "") -> list[Sheet]:
    """All sheets of a workbook as grids, parsed in a bounded child process; raises Unreadable."""
    kind = sniff(data)
    if kind == "empty":
        raise Unreadable("file_empty", file=filename)
    if kind == "truncated":
        raise Unreadable("file_truncated", file=filename)
    if kind in ("other", "zip"):
        raise Unreadable("file_not_workbook", file=filename)
    if kind == "ods-encrypted":
        raise Unreadable("file_encrypted", file=filename)
    limits = config.parse_limits()
    cmd = [
        sys.executable,
        "-m",
        "doandata.parse_child",
        str(limits.memory),
        str(limits.cpu_seconds),
        str(limits.max_rows),
        str(limits.max_cols),
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))}
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=limits.wall_seconds, env=env)
    except subprocess.TimeoutExpired:
        raise Unreadable("file_too_slow", file=filename, seconds=limits.wall_seconds) from None
    try:
        result = pickle.loads(done.stdout) if done.returncode == 0 else None
    except Exception:  # noqa: BLE001 - a child that died half-way wrote half a result
        result = None
    if result is None:  # killed by its memory or CPU bound
        raise Unreadable("file_too_complex", file=filename)
    if result[0] == "error":
        raise Unreadable(result[1], file=filename, **result[2])
    return result[1]


def parse_grids(data: bytes, max_rows: int, max_cols: int) -> list[Sheet]:
    """The calamine parse itself (in the child): every worksheet as a grid, merged cells filled."""
    if data.startswith(ZIP_MAGIC):
        _check_declared_sizes(data, max_rows, max_cols)
    kind = sniff(data)
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise Unreadable("file_encrypted") from None
    except Exception:  # noqa: BLE001 - any parser failure is the same answer to the user
        if kind == "ole" and _looks_encrypted_ooxml(data):
            raise Unreadable("file_encrypted") from None
        raise Unreadable("file_corrupt") from None
    metas = [m for m in workbook.sheets_metadata if m.typ == calamine.SheetTypeEnum.WorkSheet]
    if len(metas) > MAX_SHEETS:
        raise Unreadable("too_many_sheets", count=len(metas), limit=MAX_SHEETS)
    try:
        errors = ERROR_CELLS[kind](data) if kind in ERROR_CELLS else {}
    except Exception:  # noqa: BLE001 - a workbook part calamine read and defusedxml will not
        raise Unreadable("file_corrupt") from None
    sheets = []
    for meta in metas:
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
            if sheet.height > max_rows or sheet.width > max_cols:
                raise Unreadable(
                    "sheet_too_big",
                    sheet_name=strip_controls(meta.name),
                    rows=sheet.height,
                    cols=sheet.width,
                    max_rows=max_rows,
                    max_cols=max_cols,
                )
            grid = sheet.to_python(skip_empty_area=False)
            _fill_merged(grid, sheet.merged_cell_ranges)
        except Unreadable:
            raise
        except Exception:  # noqa: BLE001
            raise Unreadable("file_corrupt") from None
        _mark_errors(grid, errors.get(meta.name, ()))
        sheets.append(Sheet(strip_controls(meta.name), _tidy(grid)))
    return sheets


def _tidy(grid: list[list]) -> list[list]:
    """Control characters and bidi overrides leave every text cell on the way in (a name holding
    one would break what is written after it: XML, the terminal, the order shown); a number that
    is none (NaN, infinity) is an error cell, not an empty one."""
    for row in grid:
        for j, value in enumerate(row):
            kind = type(value)
            if kind is str and UNSEEN.search(value):
                row[j] = strip_controls(value)
            elif kind is float and not math.isfinite(value):
                row[j] = CellError(str(value).upper())
    return grid


def _mark_errors(grid: list[list], marks) -> None:
    """calamine reads an error cell (#REF!) and a formula with no saved result as empty: put them
    back as CellError, so that they are errors naming their cell rather than a silent 0."""
    for r, c, text in marks:
        while len(grid) <= r:
            grid.append([""] * (len(grid[0]) if grid else 0))
        row = grid[r]
        if len(row) <= c:
            row.extend([""] * (c + 1 - len(row)))
        if is_blank(row[c]):
            row[c] = CellError(text)


def xls_error_cells(data: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """The error cells of an old .xls (BIFF keeps #DIV/0! as an error code), per sheet name, read
    with xlrd. A file calamine reads but xlrd does not (an odd writer) keeps its cells as calamine
    gave them: this is a second look for errors, not a second judge of the file."""
    import xlrd  # only the parse child of an .xls pays for it

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    except Exception:  # noqa: BLE001 - see the docstring
        return {}
    found: dict[str, list[tuple[int, int, str]]] = {}
    for index in range(book.nsheets):
        sheet = book.get_sheet(index)
        for r in range(sheet.nrows):
            for c, typ in enumerate(sheet.row_types(r)):
                if typ == xlrd.XL_CELL_ERROR:
                    text = xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#N/A")
                    found.setdefault(sheet.name, []).append((r, c, text))
    return found


ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODS_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
ODS_ERROR = b'value-type="error"'


def ods_error_cells(data: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """The error cells of an .ods (LibreOffice saves #DIV/0! as the cell's text, with
    calcext:value-type="error"), per sheet name: parsed only when there is one (defusedxml)."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if "content.xml" not in zf.namelist() or not _holds(zf, "content.xml", ODS_ERROR):
            return out
        with zf.open("content.xml") as stream:
            table, r, c = "", 0, 0
            for event, elem in DefusedET.iterparse(stream, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    if tag == ODS_TABLE + "table":
                        table, r = elem.get(ODS_TABLE + "name", ""), 0
                    elif tag == ODS_TABLE + "table-row":
                        c = 0
                    continue
                if tag in (ODS_TABLE + "table-cell", ODS_TABLE + "covered-table-cell"):
                    if elem.get(ODS_CALCEXT + "value-type") == "error":
                        out.setdefault(table, []).append((r, c, "".join(elem.itertext()).strip() or "#N/A"))
                    c += int(elem.get(ODS_TABLE + "number-columns-repeated", "1"))
                    elem.clear()
                elif tag == ODS_TABLE + "table-row":
                    r += int(elem.get(ODS_TABLE + "number-rows-repeated", "1"))
                    elem.clear()
    return out


def _holds(zf: zipfile.ZipFile, part: str, needle: bytes) -> bool:
    """Whether a part holds these bytes, read a few megabytes at a time."""
    tail = b""
    with zf.open(part) as stream:
        while chunk := stream.read(2**22):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def xlsx_error_cells(data: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """Per sheet name, the (row, column, text) of every error cell and every formula whose result
    was not saved (openpyxl and XlsxWriter save none), both 0-based."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name, part in _sheet_parts(zf).items():
            with zf.open(part) as stream:
                marks = _error_cells(stream)
            if marks:
                out[name] = marks
    return out


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    rels = DefusedET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(PKG_REL_NS + "Relationship")}
    parts = {}
    for sheet in DefusedET.fromstring(zf.read("xl/workbook.xml")).iter(MAIN_NS + "sheet"):
        target = targets.get(sheet.get(REL_NS + "id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if part in names:
            parts[sheet.get("name", "")] = part
    return parts


_TAG = rb"<(?:\w+:)?"
# a cell whose first child is a formula, with the value saved after it if any
FORMULA_CELL = re.compile(
    _TAG
    + rb"c\b([^>]*)>\s*"
    + _TAG
    + rb"f\b(?:[^>]*/>|[^>]*>[^<]*</(?:\w+:)?f>)\s*(?:"
    + _TAG
    + rb"v>([^<]*)<|"
    + _TAG
    + rb"v\s*/>)?"
)
ERROR_CELL = re.compile(_TAG + rb'c\b([^>]*\bt="e"[^>]*)>\s*' + _TAG + rb"v>([^<]*)<")
CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
CELL_TYPE = re.compile(rb'\bt="(\w+)"')


ERROR_CELLS = {"xlsx": xlsx_error_cells, "ods": ods_error_cells, "ole": xls_error_cells}


def _error_cells(stream) -> list[tuple[int, int, str]]:
    """Scanned, never parsed as XML (nothing in it is expanded), a few megabytes at a time, each
    piece cut after the end of a cell (</c>), so no cell is split."""
    marks, rest = [], b""
    while chunk := stream.read(2**22):
        text = rest + chunk
        cut = text.rfind(b"c>") + 2
        marks.extend(_marks_in(text[:cut]))
        rest = text[cut:]
    marks.extend(_marks_in(rest))
    return marks


def _marks_in(xml: bytes) -> list[tuple[int, int, str]]:
    marks = []
    if b"<f" in xml or b":f" in xml:
        for m in FORMULA_CELL.finditer(xml):
            kind = CELL_TYPE.search(m.group(1))
            kind = kind.group(1) if kind else b"n"
            if kind == b"e":
                marks.append((m.group(1), (m.group(2) or b"#N/A").decode()))
            elif not m.group(2) and kind not in (b"str", b"inlineStr"):
                marks.append((m.group(1), ""))
    if b't="e"' in xml:
        marks.extend((m.group(1), m.group(2).decode()) for m in ERROR_CELL.finditer(xml))
    out = []
    for attributes, text in marks:
        ref = CELL_REF.search(attributes)
        if ref:
            out.append((int(ref.group(2)) - 1, _column_number(ref.group(1).decode()) - 1, text))
    return out


DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def _check_declared_sizes(data: bytes, max_rows: int, max_cols: int) -> None:
    """A sheet that declares a million rows is refused before it is read (the declaration may
    also lie the other way: the child's bounds and the count after reading catch that)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if not name.startswith("xl/worksheets/") or not name.endswith(".xml"):
                continue
            with zf.open(name) as part:
                head = part.read(4096)
            m = DIMENSION.search(head)
            if m and (int(m.group(2)) > max_rows or _column_number(m.group(1).decode()) > max_cols):
                raise Unreadable(
                    "sheet_too_big",
                    sheet_name=name.rsplit("/", 1)[-1],
                    rows=int(m.group(2)),
                    cols=_column_number(m.group(1).decode()),
                    max_rows=max_rows,
                    max_cols=max_cols,
                )


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _looks_encrypted_ooxml(data: bytes) -> bool:
    return b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[: 65536 * 4]


def _fill_merged(grid: list[list], ranges) -> None:
    """Only the top-left cell of a merge holds the value: give it to every cell of the merge."""
    for (r0, c0), (r1, c1) in ranges or []:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if row[c] in ("", None):
                    row[c] = value


# ---------------------------------------------------------------- finding the table


def find_tables(sheets: list[Sheet], criteria_codes: list[str]) -> tuple[list[Table], list[Problem]]:
    """Each sheet recognised by its headers; unknown sheets are reported and skipped."""
    tables, problems = [], []
    for sheet in sheets:
        if not any(_is_filled(v) for row in sheet.grid for v in row):
            continue
        table = find_table(sheet, criteria_codes)
        if table is None:
            # the template's instructions and lists, the problem list of a marked copy sent back
            if C.fold(sheet.name) not in ("huong dan", "instructions", "danh muc", "danh sach loi", "problems"):
                problems.append(warning("sheet_unknown", sheet=sheet.name))
            continue
        tables.append(table)
    return tables, problems


def find_table(sheet: Sheet, criteria_codes: list[str]) -> Table | None:
    best: tuple[int, C.WorkbookKind, int, dict, dict] | None = None
    for r in range(min(len(sheet.grid), HEADER_SCAN_ROWS)):
        for candidate in _header_candidates(sheet.grid, r):
            for kind in C.KINDS.values():
                columns, headers = match_header(candidate, kind, criteria_codes)
                if not _is_header_of(kind, columns):
                    continue
                score = len(columns)
                if best is None or score > best[0]:
                    best = (score, kind, r, columns, headers)
    if best is None:
        return None
    _, kind, r, columns, headers = best
    table = Table(kind, sheet.name, r + 1, columns, headers, [], _title_lines(sheet, r))
    _collect_rows(sheet, table)
    _note_extra_columns(sheet, table)
    return table


def _header_candidates(grid: list[list], r: int) -> list[list]:
    """The row itself, and the row completed from the one above: a two-row header whose upper
    cells are merged (calamine reports no merges for .ods, so they arrive empty)."""
    row = grid[r]
    if r == 0:
        return [row]
    above = grid[r - 1]
    combined = [cell if _is_filled(cell) or j >= len(above) else above[j] for j, cell in enumerate(row)]
    return [row, combined] if combined != row else [row]


def match_header(row: list, kind: C.WorkbookKind, criteria_codes: list[str]) -> tuple[dict, dict]:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for j, cell in enumerate(row):
        if not _is_filled(cell) or not isinstance(cell, str):
            continue
        folded = C.fold(cell)
        key = next((col.key for col in kind.columns if col.key not in columns and col.matches(folded)), None)
        if key is None and kind.code_columns == "criteria":
            # "Minh chứng TC1" / "Lý do TC1" beside the points (#19) before "TC1" itself
            beside = C.beside_criterion(cell, criteria_codes)
            key = beside or C.code_of_header(cell, criteria_codes)
            if key and not beside and key not in columns:  # "TC1", however long the header (name, maximum)
                columns[key], headers[key] = j, key
                continue
        elif key is None and kind.code_columns == "plan_items":
            key = C.plan_item_by_header(cell)
        if key and key not in columns:
            columns[key] = j
            headers[key] = C.clean_text(cell)
    return columns, headers


def _is_header_of(kind: C.WorkbookKind, columns: dict) -> bool:
    if kind.code_columns:
        has_unit = "unit_code" in columns or "unit_name" in columns
        codes = [k for k in columns if k not in {c.key for c in kind.columns}]
        return has_unit and len(codes) > 0
    required = {c.key for c in kind.columns if c.required}
    return bool(required & columns.keys()) and bool(set(kind.signature) & columns.keys()) and len(columns) >= 2


def _title_lines(sheet: Sheet, header_index: int) -> list[str]:
    lines = [" ".join(dict.fromkeys(str(v) for v in row if _is_filled(v))) for row in sheet.grid[:header_index]]
    return [line for line in lines if line]


SECTION_PATTERN = re.compile(r"^\s*([IVX]+|[A-Z]|\d+|Phần\s+\w+|Nhóm\s+\w+)\s*[.):-]\s+\S", re.IGNORECASE)
PLACE_DATE = re.compile(r"\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\b")


def _collect_rows(sheet: Sheet, table: Table) -> None:
    key_cols = {table.columns.get(k) for k in ("unit_code", "unit_name", "code", "name", "group_no")} - {None}
    used = sorted(set(table.columns.values()))
    section = ""
    items = list(table.columns.items())
    for r in range(table.header_row, len(sheet.grid)):
        row = sheet.grid[r]
        filled = [v for v in row if v != "" and v is not None]
        if filled and type(filled[0]) is str:
            filled = [v for v in filled if type(v) is not str or v.strip()]
        if not filled:
            continue
        values = {key: row[j] if j < len(row) else "" for key, j in items}
        if _is_end_row(filled):
            break
        distinct = list(dict.fromkeys(str(v).strip() for v in filled))
        key_filled = any(j < len(row) and _is_filled(row[j]) for j in key_cols)
        if len(distinct) == 1 and isinstance(filled[0], str) and (SECTION_PATTERN.match(distinct[0]) or not key_filled):
            section = C.clean_text(distinct[0])
            continue
        if not any(_is_filled(row[j]) for j in used if j < len(row)):
            continue  # notes beside the table, in columns the table does not use
        table.rows.append((r + 1, values, section))


def _is_end_row(filled: list) -> bool:
    first = C.fold(filled[0]) if isinstance(filled[0], str) else ""
    if not first:
        return False
    if first in ("tong cong", "cong", "tong", "tong so") or first.startswith("tong cong"):
        return True
    if any(first.startswith(w) for w in ("nguoi lap", "tm ", "t m ", "xac nhan", "noi nhan", "ky ten")):
        return True
    return any(isinstance(v, str) and PLACE_DATE.search(C.fold(v)) for v in filled)


def _note_extra_columns(sheet: Sheet, table: Table) -> None:
    header = sheet.grid[table.header_row - 1]
    used = set(table.columns.values())
    for j, cell in enumerate(header):
        if j in used or not _is_filled(cell) or C.fold(cell) in C.SERIAL_HEADERS:
            continue
        # a merged title over the header row repeats itself: only real extra columns count
        if any(cell == header[k] for k in used if k < len(header)):
            continue
        table.problems.append(
            warning("column_unknown", sheet=table.sheet, row=table.header_row, column=C.clean_text(cell), col=j)
        )


def _is_filled(value: object) -> bool:
    return not is_blank(value)


def read_path(path: str | Path) -> tuple[bytes, str]:
    p = Path(path)
    try:
        return p.read_bytes(), p.name
    except FileNotFoundError:
        raise Unreadable("file_missing", file=str(path)) from None
    except IsADirectoryError:
        raise Unreadable("file_is_folder", file=str(path)) from None
    except PermissionError:
        raise Unreadable("file_no_access", file=str(path)) from None
