"""A problem found in a workbook is a record, never an exception string.

Records carry a message code and its parameters; the text is rendered from the catalogue in the
reader's language, so the CLI, the upload page and the marked-up workbook all say the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from . import i18n
from .errors import Code, DoanError, Exit

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    sheet: str = ""
    row: int | None = None  # as Excel numbers it
    column: str = ""  # the header as the user wrote it, or the column letter
    value: str = ""
    col: int | None = None  # 0-based column index in the sheet, when known
    unit: str = ""  # the row's unit, "DLS — Đoàn Luật sư Thành phố": "dòng 9" alone sends a clerk counting
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "vi") -> str:
        return i18n.t(f"problem.{self.code}", lang, value=self.value, column=self.column, **self.params)

    def location(self, lang: str = "vi") -> str:
        parts = []
        if self.sheet:
            parts.append(i18n.t("loc.sheet", lang, sheet=self.sheet))
        if self.row:
            unit = f" ({self.unit})" if self.unit else ""
            parts.append(i18n.t("loc.row", lang, row=self.row) + unit)
        if self.column:
            letter = f" ({column_letter(self.col)})" if self.col is not None else ""
            parts.append(i18n.t("loc.column", lang, column=self.column) + letter)
        return ", ".join(parts)

    def line(self, lang: str = "vi") -> str:
        label = i18n.t("severity." + self.severity, lang)
        where = self.location(lang)
        return f"{label}: {where}: {self.message(lang)}" if where else f"{label}: {self.message(lang)}"

    def as_record(self, lang: str = "vi") -> dict:
        record = asdict(self)
        record.pop("params")
        record["message"] = self.message(lang)
        return record


def error(code: str, **kw) -> Problem:
    return _make(ERROR, code, kw)


def warning(code: str, **kw) -> Problem:
    return _make(WARNING, code, kw)


def _make(severity: str, code: str, kw: dict) -> Problem:
    fields = {k: kw.pop(k) for k in ("sheet", "row", "column", "value", "col", "unit") if k in kw}
    if "value" in fields:
        fields["value"] = "" if fields["value"] is None else str(fields["value"])
    return Problem(severity, code, params=kw, **fields)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the letters Excel shows above a column."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


class Unreadable(DoanError):
    """The file cannot be read as a workbook at all; `problem` says why (its code is a problem code,
    the same the upload page and the marked workbook use)."""

    code = Code.UNREADABLE
    exit_status = Exit.UNREADABLE

    def __init__(self, code: str, **params):
        super().__init__(**params)
        self.problem = error(code, **params)

    def message(self, lang: str = "vi") -> str:
        return self.problem.line(lang)
