"""Workbooks as offices really make them, written by real writers (openpyxl, then LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

CODES = [f"TC{i}" for i in range(1, 11)]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def messy_scorecard(
    path: Path,
    rows: list[tuple],
    title: str = "BẢNG ĐIỂM THI ĐUA - QUÝ II/2018",
    sheet: str = "Bang diem",
    extra_sheets: bool = True,
) -> Path:
    """A scorecard with a title block, a two-row merged header (lower case, no diacritics, NFD),
    an STT column, section rows, blank rows, a totals row, notes and a signature block.

    rows: (stt, code, name, [10 points as typed], total) or ("SECTION", text)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "THÀNH ĐOÀN TP. HỒ CHÍ MINH"
    ws["A2"] = "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
    ws["A3"] = title
    ws.merge_cells("A3:O3")
    ws["A3"].font = Font(bold=True)
    # two-row header: identity columns merged vertically, criteria under a merged group title
    for col, text in ((1, "STT"), (2, "ma don vi"), (3, nfd("Tên Đơn Vị")), (14, "TỔNG ĐIỂM"), (15, "Ghi chú")):
        ws.cell(row=5, column=col, value=text)
        ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
    ws.cell(row=5, column=4, value="Điểm các tiêu chí")
    ws.merge_cells(start_row=5, start_column=4, end_row=5, end_column=13)
    for j, code in enumerate(CODES, start=4):
        ws.cell(row=6, column=j, value=code.lower() if j % 2 else code)
    r = 7
    for row in rows:
        if row[0] == "SECTION":
            ws.cell(row=r, column=1, value=row[1])
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=15)
        elif row[0] == "BLANK":
            pass
        else:
            stt, code, name, points, total = row
            ws.cell(row=r, column=1, value=stt)
            ws.cell(row=r, column=2, value=code)
            ws.cell(row=r, column=3, value=name)
            for j, p in enumerate(points, start=4):
                ws.cell(row=r, column=j, value=p)
            ws.cell(row=r, column=14, value=total)
        r += 1
    ws.cell(row=r, column=3, value="Tổng cộng")
    ws.cell(row=r, column=14, value=999)
    ws.cell(row=r + 2, column=2, value="Ghi chú: điểm do tổ công tác chấm, đã thống nhất với đơn vị.")
    ws.cell(row=r + 4, column=3, value="Người lập biểu")
    ws.cell(row=r + 4, column=10, value="TM. BAN THƯỜNG VỤ")
    ws.cell(row=r + 5, column=10, value="BÍ THƯ")
    ws.cell(row=r + 8, column=10, value="Phạm Văn Linh")
    if extra_sheets:
        notes = wb.create_sheet("Ghi chep")
        notes["A1"] = "Sổ tay họp tổ"
        notes["A2"] = "Họp ngày 25/06/2018 tại Văn phòng Đoàn Khối"
    wb.save(path)
    return path


def convert(path: Path, fmt: str) -> Path:
    """Save the workbook again with LibreOffice (xls = Excel 97-2003, ods = OpenDocument)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed: run bash scripts/test.sh, which installs it")
    target = {"xls": "xls:MS Excel 97", "ods": "ods", "xlsx": "xlsx:Calc MS Excel 2007 XML"}[fmt]
    out_dir = Path(tempfile.mkdtemp(prefix="lo-out-"))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    produced = out_dir / (path.stem + "." + fmt)
    final = path.with_name(path.stem + "_lo." + fmt)
    shutil.move(produced, final)
    shutil.rmtree(profile, ignore_errors=True)
    return final
