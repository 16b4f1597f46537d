"""The one way a value goes into a worksheet cell: text stays text, whatever it starts with.

The reports, the templates and the marked workbook all write through `write`, so a unit named
`=2+2*10` or `@SUM(A1:A9)` is shown as typed and never evaluates (OWASP CSV injection), in Excel,
in LibreOffice, and after someone edits the cell or saves the sheet as CSV.
"""

from __future__ import annotations

import datetime as dt

from .text import xml_safe

DATE_FORMAT = "DD/MM/YYYY"

# A formula starts with one of these (OWASP also names a leading tab or carriage return). Text
# whose first non-blank character is one is quoted too: LibreOffice 7.4 reads " =1+1" from a CSV
# as text, but spreadsheets differ on leading blanks, and the quote prefix shows nothing.
FORMULA_STARTS = ("=", "+", "-", "@")
BREAK_STARTS = ("\t", "\r", "\n")

clean = xml_safe  # text without the characters a workbook cannot store, so writing it never fails


def needs_quote(text: str) -> bool:
    """Would a spreadsheet read this text as a formula if it were typed in or read from CSV?"""
    return text.startswith(BREAK_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def fill(cell, value):
    """Put one value into a cell: text as text (with Excel's quote prefix where it looks like a
    formula), numbers as numbers, dates as dates shown dd/mm/yyyy, NaN as empty."""
    if isinstance(value, str):
        text = clean(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would make "=…" a formula and "#N/A" an error
        if needs_quote(text):
            cell.quotePrefix = True
        return cell
    if isinstance(value, (float, dt.date)) and value != value:  # NaN, NaT
        value = None
    cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def write(ws, row: int, column: int, value):
    """`fill` the cell at (row, column) and return it, for styling."""
    return fill(ws.cell(row=row, column=column), value)


def append(ws, values: list) -> None:
    """A row below the last one, like `Worksheet.append`, every value through `fill`."""
    ws.append([None] * len(values))  # moves openpyxl's own row counter, blank rows included
    for column, value in enumerate(values, start=1):
        fill(ws.cell(row=ws.max_row, column=column), value)


def choice_list(names: list[str]) -> str | None:
    """A drop-down's names written into its formula ("Yếu,Khá,…"), or None when they cannot be:
    a comma or a quote inside a name would split the list or end the string (and let the rest be
    read as a formula), and Excel takes at most 255 characters. Those names go into cells instead."""
    names = [clean(n) for n in names]
    joined = ",".join(names)
    if any("," in n or '"' in n for n in names) or len(joined) > 255:
        return None
    return f'"{joined}"'
