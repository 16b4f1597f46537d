"""The templates print: A4 landscape, one page wide, the header on every page; the scorecard's
header says each criterion's name and maximum; old templates and the sample still load."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from doandata import contract, ingest, templates
from tests.conftest import cli_main

OLD = Path(__file__).parent / "data" / "old_templates"
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def template(store, kind: str) -> bytes:
    return templates.write_workbook(
        kind, period="2018-Q4", criteria=store.criteria(), units=store.units(), settings=store.settings()
    )


@pytest.mark.parametrize("kind", contract.LOAD_ORDER)
def test_every_template_prints_a4_landscape_one_page_wide(store, tmp_path, kind):
    path = tmp_path / f"mau_{kind}.xlsx"
    out = cli_main("template", kind, "-o", str(path), "--period", "2018-Q4", db_url=str(store.engine.url))
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden":
            continue
        setup = ws.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9), ws.title
        assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_margins.left <= 0.5 and ws.page_margins.top <= 0.75, ws.title
        if ws.title != "Hướng dẫn":  # a table: its header row on every printed page
            assert ws.print_title_rows == f"${templates.HEADER_ROW}:${templates.HEADER_ROW}", ws.title
            assert ws.cell(row=templates.HEADER_ROW, column=1).value == "STT"


def test_the_scorecard_header_says_each_criterions_name_and_maximum(store):
    ws = openpyxl.load_workbook(io.BytesIO(template(store, "scores")))["Bảng điểm"]
    header = {str(c.value).split("\n")[0]: c for c in ws[templates.HEADER_ROW] if c.value}
    criteria = store.criteria()
    assert len(criteria) == 10
    for code, content, maximum in zip(criteria["code"], criteria["content"], criteria["max_points"]):
        cell = header[code]
        assert cell.value == f"{code}\n{content}\n(tối đa {maximum:g})"
        assert cell.alignment.wrap_text and f"tối đa {maximum:g}" in cell.comment.text
    assert header["TC1"].value.endswith("(tối đa 10)") and header["TC9"].value.endswith("(tối đa 6)")
    instructions = [
        [c.value for c in row]
        for row in openpyxl.load_workbook(io.BytesIO(template(store, "scores")))["Hướng dẫn"].iter_rows()
    ]
    assert ["TC1", "điểm tiêu chí: Rà soát, kiện toàn đội ngũ cán bộ Đoàn (tối đa 10)"] in instructions


def as_pdf(soffice: str, xlsx, tmp_path) -> None:
    """LibreOffice prints the workbook to a PDF beside it, with its own profile in `tmp_path`."""
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=180,
    )


def test_libreoffice_prints_the_scorecard_one_page_wide(store, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed: bash scripts/test.sh installs it"
    xlsx = tmp_path / "mau_scores.xlsx"
    xlsx.write_bytes(template(store, "scores"))
    as_pdf(soffice, xlsx, tmp_path)
    pdf = tmp_path / "mau_scores.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert width > height and round(width) == 842  # A4 landscape
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    ws = openpyxl.load_workbook(xlsx)["Bảng điểm"]
    for cell in ws[templates.HEADER_ROW]:  # every column of the header on the first page: one page wide
        assert all(word in first for word in str(cell.value).split("\n")[0].split()), cell.value  # words may wrap
    assert "(tối đa" in first and "Trang 1/" in first  # "(tối đa 10)" wraps in a criterion's narrow column
    units = store.units()
    last = units["name"].iloc[-1]
    assert last in first  # the 24 units fit on the first page too


@pytest.mark.parametrize("path", sorted(OLD.glob("*.xlsx")) + sorted(SAMPLE.glob("*.xlsx")), ids=lambda p: p.name)
def test_old_templates_and_the_sample_still_load(store, path):
    """Templates made before the header said each criterion's name and maximum still load, and the new sample."""
    batch = ingest.inspect(path.read_bytes(), path.name, store).batch
    assert batch.ok, [p.line() for p in batch.problems]
    assert batch.rows() > 0
    if "bang_diem" in path.name:
        assert len(batch.frames["scores"]["criterion_code"].unique()) == 10


def test_the_scorecard_prints_at_a_readable_scale_with_its_evidence_and_reason_columns_narrow(store, tmp_path):
    """36 columns (ten criteria, each with its Minh chứng and Lý do, #19) one page wide: at the widths of
    the other templates LibreOffice printed them at a third of their size (a unit's name 3.5 pt high);
    the evidence and reason columns narrow with upright headers, the name, total, rating and note
    narrower, the page holds them at about 60 %: the names' letters at least 6 pt high."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed: bash scripts/test.sh installs it"
    xlsx = tmp_path / "mau_scores.xlsx"
    xlsx.write_bytes(template(store, "scores"))
    ws = openpyxl.load_workbook(xlsx)["Bảng điểm"]
    header = {str(c.value).replace("\n", " "): c for c in ws[templates.HEADER_ROW] if c.value}
    for name in ("Minh chứng TC1", "Lý do TC1", "Minh chứng TC10", "Lý do TC10"):
        cell = header[name]
        assert ws.column_dimensions[cell.column_letter].width == templates.EVIDENCE_WIDTH, name
        assert cell.alignment.text_rotation == 90, name
    as_pdf(soffice, xlsx, tmp_path)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "mau_scores.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', boxes)
    heights = [float(y1) - float(y0) for _x0, y0, _x1, y1, word in words if word in ("Ngoại", "Tư", "Nội")]
    assert len(heights) >= 3 and min(heights) >= 6.0, heights  # 11 pt printed at 55 % or more
    right = max(float(x1) for _x0, _y0, x1, _y1, _w in words)
    assert right <= 842 - 0.4 * 72 + 1  # every column inside the right margin: one page wide
