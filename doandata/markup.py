"""The uploaded workbook handed back with its faulty cells marked, so people fix it where it is.

An .xlsx comes back as itself (opened with openpyxl, in a bounded child process: mark_child.py),
so it keeps its look: column widths, the frozen header, the drop-down lists, the header notes, the
page setup. Any other format (.xls, .ods), or an .xlsx openpyxl cannot open, is rebuilt from the
grids the checks saw, and each recognised table is given the template's look (templates.dress).
Either way the cells stay where the user had them, so "dòng 12, cột D" points at the right cell:
errors red, warnings yellow, each with a comment saying what to do, and a first sheet listing every
problem. Marks and a listing left from an earlier round are taken off first.
"""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from . import config, i18n, xlsx
from .problems import ERROR, Problem
from .read import PACKAGE_ROOT, Sheet, find_tables, read_sheets, sniff
from .text import strip_controls

FILLS = {ERROR: PatternFill("solid", fgColor="F8CBAD"), "warning": PatternFill("solid", fgColor="FFF2CC")}
LIST_TITLE = {"vi": "Danh sách lỗi", "en": "Problems"}
HEADERS = {
    "vi": ["Mức độ", "Sheet", "Dòng", "Đơn vị", "Cột", "Giá trị", "Nội dung, cách sửa"],
    "en": ["Severity", "Sheet", "Row", "Unit", "Column", "Value", "What to do"],
}
AUTHOR = "doandata"  # the author of the comments the marks carry, so a later round can take them off


def marked_workbook(data: bytes, filename: str, problems: list[Problem], lang: str = "vi", store=None) -> bytes:
    """The workbook with its faulty cells marked and a first sheet listing the problems. `store`
    (optional) gives the criteria, units and settings a rebuilt sheet's drop-downs and notes need."""
    if sniff(data) == "xlsx":
        own = _in_child(data, problems, lang)
        if own is not None:
            return own
    return _rebuilt(data, filename, problems, lang, store)


def mark_own(data: bytes, problems: list[Problem], lang: str) -> bytes:
    """The user's own .xlsx, marked (run in the child: openpyxl holds the whole workbook)."""
    wb = load_workbook(io.BytesIO(data), data_only=True)  # a formula's saved value, as the checks read it
    for title in LIST_TITLE.values():
        if title in wb.sheetnames:
            del wb[title]
    by_sheet = _by_sheet(problems)
    for ws in wb.worksheets:
        _unmark(ws)
        for p in by_sheet.get(strip_controls(ws.title), []):
            _mark(ws, p, lang)
    listing = wb.create_sheet(LIST_TITLE[lang], 0)
    _listing(listing, problems, lang)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = False
    wb.active = 0
    listing.sheet_view.tabSelected = True
    return _saved(wb)


def _in_child(data: bytes, problems: list[Problem], lang: str) -> bytes | None:
    """mark_own in a child process bounded like the parse; None when it could not (openpyxl refused
    the file, or it needed more than the bound)."""
    limits = config.parse_limits()
    cmd = [sys.executable, "-m", "doandata.mark_child", str(limits.memory), str(limits.cpu_seconds)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))}
    payload = pickle.dumps((data, problems, lang), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        done = subprocess.run(cmd, input=payload, capture_output=True, timeout=limits.wall_seconds, env=env)
        result = pickle.loads(done.stdout) if done.returncode == 0 else None
    except Exception:  # noqa: BLE001 - too slow, killed half-way: the rebuilt copy instead
        return None
    return result if isinstance(result, bytes) else None


def _rebuilt(data: bytes, filename: str, problems: list[Problem], lang: str, store) -> bytes:
    from . import templates  # its pandas only for a rebuilt copy

    sheets = read_sheets(data, filename)
    criteria = store.criteria() if store is not None else None
    units = store.units() if store is not None else None
    settings = store.settings() if store is not None else None
    codes = list(criteria["code"]) if criteria is not None else []
    tables = {t.sheet: t for t in find_tables(sheets, codes)[0]}
    wb = Workbook()
    listing = wb.active
    listing.title = LIST_TITLE[lang]
    _listing(listing, problems, lang)
    by_sheet = _by_sheet(problems)
    for sheet in sheets:
        if sheet.name in LIST_TITLE.values():
            continue  # the listing of an earlier round
        ws = wb.create_sheet(_safe_title(sheet.name))
        _copy(ws, sheet)
        table = tables.get(sheet.name)
        if table is not None:
            templates.dress(
                wb,
                ws,
                table.kind.key,
                table.header_row,
                table.columns,
                criteria=criteria if criteria is not None and len(criteria) else None,
                units=units if units is not None and len(units) else None,
                settings=settings,
            )
        for p in by_sheet.get(sheet.name, []):
            _mark(ws, p, lang)
    if templates.LIST_SHEET in wb.sheetnames:
        wb.move_sheet(templates.LIST_SHEET, offset=len(wb.sheetnames))  # the drop-downs' lists, hidden, last
    return _saved(wb)


def _by_sheet(problems: list[Problem]) -> dict[str, list[Problem]]:
    by_sheet: dict[str, list[Problem]] = {}
    for p in problems:
        by_sheet.setdefault(p.sheet, []).append(p)
    return by_sheet


def _saved(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _listing(ws, problems: list[Problem], lang: str) -> None:
    xlsx.append(ws, HEADERS[lang])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, p in enumerate(sorted(problems, key=lambda p: (p.severity != ERROR, p.sheet, p.row or 0)), start=2):
        values = [
            i18n.t("severity." + p.severity, lang),
            p.sheet,
            p.row or None,
            p.unit,
            f"{p.column} ({_letter(p.col)})" if p.col is not None else p.column,
            p.value,
            p.message(lang),
        ]
        for j, value in enumerate(values, start=1):
            xlsx.write(ws, i, j, value)
        ws.cell(row=i, column=1).fill = FILLS.get(p.severity, FILLS["warning"])
    for j, width in enumerate((10, 18, 8, 36, 22, 18, 100), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _copy(ws, sheet: Sheet) -> None:
    for r, row in enumerate(sheet.grid, start=1):
        for c, value in enumerate(row, start=1):
            if value in ("", None):
                continue
            xlsx.write(ws, r, c, value)


def _unmark(ws) -> None:
    """Take off the marks of an earlier round (our comments, and the fill they came with); text
    that would read as a formula keeps its quote."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.comment is not None and cell.comment.author == AUTHOR:
                cell.comment = None
                if cell.fill in FILLS.values():
                    cell.fill = PatternFill()
            if cell.data_type == "s" and isinstance(cell.value, str) and xlsx.needs_quote(cell.value):
                cell.quotePrefix = True


def _mark(ws, p: Problem, lang: str) -> None:
    if not p.row:
        return
    col = (p.col or 0) + 1
    cell = ws.cell(row=p.row, column=col)
    worse = cell.fill == FILLS[ERROR] and cell.comment is not None and cell.comment.author == AUTHOR
    if not worse:
        cell.fill = FILLS.get(p.severity, FILLS["warning"])
    note = p.message(lang)
    cell.comment = Comment(xlsx.clean(note if cell.comment is None else cell.comment.text + "\n" + note), AUTHOR)


def _letter(index: int) -> str:
    return get_column_letter(index + 1)


def _safe_title(name: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31]
    return cleaned or "Sheet"
