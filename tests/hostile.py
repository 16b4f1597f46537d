"""Hostile and broken files, made on the fly (nothing large is committed)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def xlsx_parts(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, body in parts.items():
            z.writestr(name, body)
    return buffer.getvalue()


def zip_bomb(unpacked_mb: int = 300) -> bytes:
    """A small .xlsx whose one sheet inflates to hundreds of megabytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("xl/worksheets/sheet1.xml", "w") as part:
            block = b" " * 2**20
            for _ in range(unpacked_mb):
                part.write(block)
    return buffer.getvalue()


def declared_million_rows(path_like_openpyxl: bytes) -> bytes:
    """A real workbook whose sheet declares A1:Z1048576 (as files saved by some tools do)."""
    src = zipfile.ZipFile(io.BytesIO(path_like_openpyxl))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                body = (
                    body.replace(b"<sheetData", b'<dimension ref="A1:Z1048576"/><sheetData', 1)
                    if b"<dimension" not in body
                    else __import__("re").sub(
                        rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:Z1048576"/>', body, count=1
                    )
                )
            dst.writestr(info, body)
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>"""


def with_entity(workbook: bytes, text: bytes) -> bytes:
    """A real workbook whose first sheet declares the billion laughs' entities and holds `text` in
    the first unit name: valid as long as `text` names no entity, so a parser that expanded one
    would show it."""
    doctype = b"<!DOCTYPE" + BILLION_LAUGHS.split(b"<!DOCTYPE", 1)[1].split(b"]>", 1)[0] + b"]>"
    src = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = body.index(b"<t>Chi")  # openpyxl writes inline strings: the first unit's name
                end = body.index(b"</t>", start)
                body = doctype + body[:start] + b"<t>" + text + body[end:]
            dst.writestr(info, body)
    return out.getvalue()


# ---------------------------------------------------------------- hostile cells in real workbooks

UNIT_HEADER = ["Mã đơn vị", "Tên đơn vị", "Cụm"]


def unit_list(*rows: list, sheet: str = "Danh sách đơn vị") -> bytes:
    """A unit list as a person would type it: title, header, rows; text stays text, also when it
    starts with = (openpyxl would otherwise write it as a formula)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in (["DANH SÁCH CƠ SỞ ĐOÀN"], UNIT_HEADER, *rows):
        ws.append(row)
    for cells in ws.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def control_characters() -> bytes:
    """Names holding C0 controls as an .xlsx writes them (_x0001_), which calamine decodes."""
    return unit_list(["CTL1", "Chi đoàn_x0001_ Điều khiển_x001B_[31m", 3], ["CTL2", "Chi đoàn_x0008_ Lùi", 3])


def bidi_names() -> bytes:
    """A right-to-left override that shows a name reversed, in a name and the sheet's name."""
    return unit_list(["BIDI", "Chi đoàn \u202egnáohT\u202c Mới", 2], sheet="Danh sách\u202e đơn vị")


def lookalike_codes() -> bytes:
    """DLS four more times: a zero-width space after it and inside it, fullwidth, a Cyrillic Ѕ."""
    name = "Đoàn Luật sư Thành phố"
    return unit_list(*([code, name, 6] for code in ("DLS\u200b", "D\u200bLS", "ＤＬＳ", "DLЅ")))


def over_long() -> bytes:
    """A code, a name and a cluster past what the store's columns hold (PostgreSQL refuses them)."""
    return unit_list(["N" * 41, "Chi đoàn Mã dài", 2], ["TENDAI", "Đ" * 256, 2], ["CUMLON", "Cụm lớn", 2**31])


def formula_like_names() -> bytes:
    """Names that a spreadsheet would run as formulas if written back as they are: stored as text."""
    names = ["=2+2*10", '=HYPERLINK("http://x.example","Bấm")', "@SUM(1+1)", "+84 28 3829", "-1+1"]
    return unit_list(*([f"CT{i}", name, 2] for i, name in enumerate(names, start=1)))


def error_cells(scorecard: Path) -> bytes:
    """A scorecard with #DIV/0! and #REF! saved as cell values (as Excel and LibreOffice save a
    formula they cannot compute) and a formula with no saved result (as openpyxl writes one)."""
    wb = openpyxl.load_workbook(scorecard)
    wb.worksheets[0]["F6"] = "=SUM(D6:E6)"
    out = io.BytesIO()
    wb.save(out)
    src = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    first = src.read("xl/worksheets/sheet1.xml")
    cells = [m for m in (b'<c r="D6"', b'<c r="E7"') if m in first]
    assert len(cells) == 2, "the scorecard's first units are scored in D6 and E7"
    fixed = io.BytesIO()
    with zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, error in ((b"D6", b"#DIV/0!"), (b"E7", b"#REF!")):
                    start = body.index(b'<c r="' + ref + b'"')
                    end = body.index(b"</c>", start) + 4
                    body = body[:start] + b'<c r="' + ref + b'" t="e"><f>1/0</f><v>' + error + b"</v></c>" + body[end:]
            dst.writestr(info, body)
    return fixed.getvalue()
