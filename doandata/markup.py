"""The uploaded workbook handed back with its faulty cells marked, so people fix it where it is.

Works for any format we read (.xlsx, .xls, .ods): the values come from the same grids the checks
saw, written into a new .xlsx; errors red, warnings yellow, each with a comment saying what to do,
and a first sheet listing every problem.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from . import i18n, xlsx
from .problems import ERROR, Problem
from .read import Sheet, read_sheets

FILLS = {ERROR: PatternFill("solid", fgColor="F8CBAD"), "warning": PatternFill("solid", fgColor="FFF2CC")}
LIST_TITLE = {"vi": "Danh sách lỗi", "en": "Problems"}
HEADERS = {
    "vi": ["Mức độ", "Sheet", "Dòng", "Đơn vị", "Cột", "Giá trị", "Nội dung, cách sửa"],
    "en": ["Severity", "Sheet", "Row", "Unit", "Column", "Value", "What to do"],
}


def marked_workbook(data: bytes, filename: str, problems: list[Problem], lang: str = "vi") -> bytes:
    sheets = read_sheets(data, filename)
    wb = Workbook()
    listing = wb.active
    listing.title = LIST_TITLE[lang]
    _listing(listing, problems, lang)
    by_sheet: dict[str, list[Problem]] = {}
    for p in problems:
        by_sheet.setdefault(p.sheet, []).append(p)
    for sheet in sheets:
        ws = wb.create_sheet(_safe_title(sheet.name))
        _copy(ws, sheet)
        for p in by_sheet.get(sheet.name, []):
            _mark(ws, p, lang)
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
            p.row,
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


def _copy(ws, sheet: Sheet) -> None:
    for r, row in enumerate(sheet.grid, start=1):
        for c, value in enumerate(row, start=1):
            if value in ("", None):
                continue
            xlsx.write(ws, r, c, value)


def _mark(ws, p: Problem, lang: str) -> None:
    if not p.row:
        return
    col = (p.col or 0) + 1
    cell = ws.cell(row=p.row, column=col)
    worse = cell.fill == FILLS[ERROR]
    if not worse:
        cell.fill = FILLS.get(p.severity, FILLS["warning"])
    note = p.message(lang)
    cell.comment = Comment(xlsx.clean(note if cell.comment is None else cell.comment.text + "\n" + note), "doandata")


def _letter(index: int) -> str:
    return get_column_letter(index + 1)


def _safe_title(name: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31]
    return cleaned or "Sheet"
