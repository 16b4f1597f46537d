"""Hostile and broken files, made on the fly (nothing large is committed)."""

from __future__ import annotations

import io
import zipfile

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
