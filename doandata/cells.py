"""Turn one cell as Excel, LibreOffice or WPS wrote it into a typed value.

Each parser returns (value, problem_code); problem_code is None when the cell is fine. Checking a
typed value against the domain (maximum points, known units) is validate.py's job.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from dataclasses import dataclass

from . import contract as C

Parsed = tuple[object, str | None]
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class CellError:
    """What a cell holds when it holds no value: a spreadsheet error (#REF!, #DIV/0!), a formula
    whose result the file never saved (text ""), or a number that is none (NaN). Never blank: it
    is an error that names its cell, not an empty cell counted as 0."""

    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def problem(self) -> str:
        return "cell_error" if self.text else "formula_no_value"


def is_blank(value: object) -> bool:
    """Nothing there: None, blank text, NaN (float or NumPy), pd.NA or NaT. The one test for it."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):  # NumPy's float64 too
        return math.isnan(value)
    return _missing_in_numpy_or_pandas(value)


def _missing_in_numpy_or_pandas(value: object) -> bool:
    # asked only when the library is loaded already: the parse child runs without pandas
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if pd is not None and (value is pd.NA or value is pd.NaT):
        return True
    if np is not None and isinstance(value, np.floating):
        return bool(np.isnan(value))
    return np is not None and isinstance(value, np.datetime64) and bool(np.isnat(value))


def parse_number(value: object) -> Parsed:
    """8.5, '8,5', '8.5', ' 8 ' -> 8.5; a decimal comma is what Vietnamese users type."""
    if isinstance(value, CellError):
        return None, value.problem
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "not_number"
    if isinstance(value, (int, float)):
        return float(value), None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[-+]?\d+([.,]\d+)?", text):
        return float(text.replace(",", ".")), None
    return None, "not_number"


def parse_money(value: object) -> Parsed:
    """'1.500.000', '1,500,000', '1 500 000 đ', 1500000 -> 1500000."""
    if isinstance(value, CellError):
        return None, value.problem
    if is_blank(value):
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), None
    text = re.sub(r"(vnd|vnđ|đ|dong|đồng)$", "", str(value).strip().lower()).strip()
    text = text.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text)), None
    return parse_number(text)


def parse_int(value: object) -> Parsed:
    number, problem = parse_number(value)
    if problem or number is None:
        return number, problem
    if number != int(number):
        return None, "not_integer"
    return int(number), None


def parse_numbered(value: object, words: tuple[str, ...], problem: str) -> Parsed:
    """'Cụm 7', 'cụm 07', 'Cụm số 7', '7', 7.0 -> 7: the word before the number is the column's own.
    Anything else is `problem`, which asks for the number of a cluster (or group), not a decimal."""
    if isinstance(value, str):
        folded = C.fold(value)
        for word in words:
            if folded.startswith(word + " ") and folded[len(word) + 1 :].isdigit():
                return int(folded[len(word) + 1 :]), None
    number, said = parse_int(value)
    return (None, problem) if said in ("not_number", "not_integer") else (number, said)


def parse_cluster(value: object) -> Parsed:
    return parse_numbered(value, C.NUMBERED_WORDS["cluster"], "not_cluster")


def parse_group(value: object) -> Parsed:
    return parse_numbered(value, C.NUMBERED_WORDS["group"], "not_group")


def parse_bool(value: object) -> Parsed:
    if isinstance(value, CellError):
        return None, value.problem
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and value in (0, 1):  # a 1 or 0 that a writer saved as 1.0
        return value == 1, None
    folded = C.fold(value)
    if folded in C.TRUE_WORDS:
        return True, None
    if folded in C.FALSE_WORDS:
        return False, None
    return None, "not_bool"


def parse_date(value: object) -> Parsed:
    """Dates typed as dd/mm/yyyy or stored as Excel serials (1900 system) or real dates."""
    if isinstance(value, CellError):
        return None, value.problem
    if is_blank(value):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        return None, "not_date"
    text = str(value).strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        day, month, year = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not m:
            return None, "not_date"
        year, month, day = map(int, m.groups())
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, "not_date"


def parse_text(value: object) -> Parsed:
    if isinstance(value, CellError):
        return None, value.problem
    if is_blank(value):
        return "", None
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return C.clean_text(value), None


# A code is typed, never pasted: plain letters, digits and . _ - (the length is the store's column).
CODE_PATTERN = re.compile(r"[A-Z0-9._-]+")
CODE_CHARS = "A–Z, 0–9, . _ -"


def parse_code(value: object) -> Parsed:
    """'dls', 'DLS\u200b', 'ＤＬＳ' -> 'DLS'; a code outside the plain set (a Cyrillic Ѕ, a space,
    a diacritic) is refused, so no lookalike becomes a unit of its own."""
    if isinstance(value, CellError):
        return None, value.problem
    if is_blank(value):
        return "", None
    if isinstance(value, float) and value == int(value):
        value = int(value)
    code = C.normal_code(value)
    if code and not CODE_PATTERN.fullmatch(code):
        return None, "code_invalid"
    return code, None


def parse_codes(value: object) -> Parsed:
    """'DV01, DV02; DV03' -> ['DV01', 'DV02', 'DV03'], each a plain code."""
    if isinstance(value, CellError):
        return None, value.problem
    codes = [parse_code(part) for part in C.split_codes(value)]
    if any(problem for _code, problem in codes):
        return None, "code_invalid"
    return [code for code, _ in codes if code], None


PARSERS = {
    "text": parse_text,
    "number": parse_number,
    "money": parse_money,
    "int": parse_int,
    "cluster": parse_cluster,
    "group": parse_group,
    "bool": parse_bool,
    "date": parse_date,
    "code": parse_code,
    "codes": parse_codes,
    "rating": parse_text,
    "period": parse_text,
}
