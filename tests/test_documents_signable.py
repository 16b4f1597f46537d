"""The documents the office signs as they come out (#16, "What a reader of the current documents
found"): the plan cited from settings, page numbers from page 2, dates as the office writes them,
"quý" in lower case mid-sentence, no em dash in the subject, an STT column and a repeated centred
header row in every table, numbers to one decimal in the .docx and the .xlsx, no "X → X" rating."""

import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import replace

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from doandata import reports
from doandata.settings import Settings

CITATION = (
    "Kế hoạch số 15-KH/ĐTN ngày 09/02/2018 của Ban Thường vụ Đoàn Khối về hỗ trợ công tác Đoàn và phong "
    "trào thanh niên các cơ sở Đoàn khó khăn, đặc thù năm 2018"
)
KINDS = [("quarter", "2018-Q3"), ("midyear", "2018-Q2"), ("final", "2018-Q3")]


def committee(store, kind="quarter", period="2018-Q3", signing=None) -> docx.document.Document:
    return docx.Document(io.BytesIO(reports.build(store, kind, period, "docx", signing, with_images=False)))


def group(store, period="2018-Q3", signing=None) -> docx.document.Document:
    return docx.Document(io.BytesIO(reports.build_group(store, 2, period, signing)))


def every_document(store):
    return [committee(store, k, p) for k, p in KINDS] + [group(store)]


def body(d) -> str:
    lines = [p.text for p in d.paragraphs]
    lines += [p.text for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join(lines)


def test_the_plan_settings_default_to_the_plan_and_survive_a_round_trip():
    s = Settings()
    assert (s.plan_number, s.plan_date, s.plan_title) == (
        "15-KH/ĐTN",
        dt.date(2018, 2, 9),
        "hỗ trợ công tác Đoàn và phong trào thanh niên các cơ sở Đoàn khó khăn, đặc thù năm 2018",
    )
    edited = Settings(plan_number="20-KH/ĐTN", plan_date=dt.date(2018, 3, 1), plan_title="hỗ trợ khác")
    assert Settings.from_json(edited.to_json()) == edited
    old = Settings().to_json()
    for key in ("plan_number", "plan_date", "plan_title"):
        old.pop(key)
    assert Settings.from_json(old) == Settings()  # settings stored before these fields still load


def test_every_document_cites_the_plan(store):
    for d in every_document(store):
        assert CITATION in body(d)


def test_the_citation_comes_from_settings(store):
    s = store.settings()
    store.save_settings(
        Settings.from_json({**s.to_json(), "plan_number": "99-KH/ĐTN", "plan_date": "2018-03-01"}), by="test"
    )
    text = body(committee(store))
    assert "Kế hoạch số 99-KH/ĐTN ngày 01/03/2018 của Ban Thường vụ Đoàn Khối về hỗ trợ" in text


def test_pages_are_numbered_from_page_2(store):
    for d in every_document(store):
        section = d.sections[0]
        assert section.different_first_page_header_footer
        numbered = section.header._element.xml + section.footer._element.xml
        assert re.search(r"w:instrText[^>]*>\s*PAGE\s*<", numbered) or 'w:instr="PAGE' in numbered
        first = section.first_page_header._element.xml + section.first_page_footer._element.xml
        assert "PAGE" not in first


def test_dates_carry_a_leading_zero_only_on_days_1_to_9_and_months_1_and_2(store):
    for day, written in [
        (dt.date(2018, 7, 5), "ngày 05 tháng 7 năm 2018"),
        (dt.date(2018, 2, 9), "ngày 09 tháng 02 năm 2018"),
        (dt.date(2018, 10, 12), "ngày 12 tháng 10 năm 2018"),
    ]:
        d = committee(store, signing=reports.Signing(date=day))
        assert f"TP. Hồ Chí Minh, {written}" in body(d)
        g = group(store, signing=reports.Signing(code="BC/TCT", date=day))
        assert f"TP. Hồ Chí Minh, {written}" in body(g)


def test_quy_is_lower_case_mid_sentence_and_names_keep_their_capitals(store):
    text = body(committee(store, "quarter", "2018-Q2"))
    assert "Đến hết quý II/2018" in text or "đến hết quý II/2018" in text
    assert "Trong quý II/2018" in text
    assert not re.search(r"\S Quý [IV]+/", text)  # never "Quý" after a word in a sentence
    assert "đoàn khó khăn" not in text and "cấp ủy" not in text  # names are never lowered


def test_the_subject_line_has_no_em_dash(store):
    d = committee(store, "quarter", "2018-Q3")
    paragraphs = [p.text for p in d.paragraphs]
    subject = paragraphs[paragraphs.index("BÁO CÁO") + 1]
    assert "—" not in subject and subject.endswith("quý III năm 2018")
    g = [p.text for p in group(store).paragraphs]
    assert "—" not in g[g.index("BÁO CÁO") + 1] and "quý III năm 2018" in g[g.index("BÁO CÁO") + 1]


def data_tables(d):
    """The body's tables: all but the heading and the signature block."""
    return d.tables[1:-1]


def test_every_table_has_an_stt_column_and_a_repeated_centred_header(store):
    for d in every_document(store):
        assert data_tables(d)
        for table in data_tables(d):
            header = table.rows[0]
            assert header.cells[0].text == "STT"
            assert [r.cells[0].text for r in table.rows[1:]] == [str(i) for i in range(1, len(table.rows))]
            tr_pr = header._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
            assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)  # rows stay whole
            assert all(p.alignment == 1 for c in header.cells for p in c.paragraphs)  # CENTER
        signature = d.tables[-1].rows[0]._tr.trPr
        assert signature is not None and signature.find(qn("w:cantSplit")) is not None


def test_every_sheet_has_an_stt_column(store):
    wb = openpyxl.load_workbook(io.BytesIO(reports.build(store, "quarter", "2018-Q3", "xlsx")))
    for ws in wb.worksheets:
        assert ws.cell(4, 1).value == "STT", ws.title


NUMBER = re.compile(r"(?<![\d,.])[+-]?\d+(?:\.\d{3})*,(\d+)(?![\d,])")


@pytest.mark.parametrize("kind,period", KINDS)
def test_numbers_are_rounded_to_one_decimal_in_the_docx(store, kind, period):
    text = body(committee(store, kind, period))
    assert all(len(m.group(1)) == 1 for m in NUMBER.finditer(text)), NUMBER.findall(text)


@pytest.mark.parametrize("kind,period", KINDS)
def test_numbers_are_rounded_to_one_decimal_in_the_xlsx(store, kind, period):
    wb = openpyxl.load_workbook(io.BytesIO(reports.build(store, kind, period, "xlsx")))
    floats = [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, float)]
    assert floats and all(round(v, 1) == v for v in floats), [v for v in floats if round(v, 1) != v]
    for _, _, _, baseline, now, change in wb[wb.sheetnames[4]].iter_rows(min_row=5, values_only=True):
        assert round(now - baseline, 1) == change  # the change is the difference of the printed means


def test_a_rating_is_never_said_to_move_to_itself(store):
    for kind, period in [("quarter", "2018-Q1"), ("quarter", "2018-Q2"), *KINDS]:
        text = body(committee(store, kind, period))
        assert not re.search(r"xếp loại ([^.,;→]+?) → \1[.,;)]", text), kind
    # a unit recognised for its points alone (+10 within the same level): the points said, the level once
    report = reports.gather("quarter", "2018-Q3", reports.frames_for(store, "2018-Q3"))
    recognised = report.recognised.copy()
    recognised["baseline_rating"] = recognised["rating"]
    text = body(docx.Document(io.BytesIO(reports.to_docx(replace(report, recognised=recognised)))))
    assert "- Đoàn Đoàn Luật sư Thành phố: 61 → 73 điểm (+12), giữ xếp loại Tiên tiến." in text
    assert not re.search(r"xếp loại ([^.,;→]+?) → \1[.,;)]", text)


def test_the_report_counts_the_units_reports_as_it_says(store):
    text = body(committee(store))
    assert "báo cáo quý của các tổ công tác" not in text
    assert "báo cáo quý của các đơn vị" in text


HEADING_LINES = [
    "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP",
    "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI",
    "TP. Hồ Chí Minh, ngày 05 tháng 10 năm 2018",  # the widest date the office writes
]


def rendered(store, tmp_path, kind="quarter", period="2018-Q3", signing=None, with_images=False) -> str:
    """The document as LibreOffice lays it out, read back by pdftotext -layout (pages split by \\f)."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    font = subprocess.run(["fc-match", "Times New Roman"], capture_output=True, text=True).stdout
    # scripts/test.sh installs them; a machine without them fails here rather than passing unchecked
    assert soffice and pdftotext, "needs LibreOffice and pdftotext (scripts/test.sh installs them)"
    assert "Liberation Serif" in font, f"Times New Roman falls back to {font!r}: install fonts-liberation2"
    source = tmp_path / "bao_cao.docx"
    source.write_bytes(reports.build(store, kind, period, "docx", signing, with_images=with_images))
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "bao_cao.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_heading_and_signature_lines_stay_whole_when_rendered(store, tmp_path):
    """LibreOffice with Times New Roman's metrics (Liberation Serif 2, with the Vietnamese letters):
    pdftotext -layout shows each heading line on one line."""
    signing = reports.Signing(number="12", date=dt.date(2018, 10, 5), signer="Phạm Văn Linh")
    text = rendered(store, tmp_path, signing=signing)
    for line in HEADING_LINES:
        assert re.search(" +".join(map(re.escape, line.split())), text), line  # on one line


def test_no_page_ends_on_a_line_that_announces_the_next(store, tmp_path):
    """The sơ kết as printed, charts included: a heading or a line ending in ":" ("a) Đơn vị tiến bộ
    (3 đơn vị):") is kept with what follows, never left alone at the foot of a page."""
    pages = rendered(store, tmp_path, "midyear", "2018-Q2", with_images=True).split("\f")
    assert len(pages) > 3
    for number, page in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip() and not line.strip().isdigit()]
        assert not lines[-1].endswith(":"), f"page {number} ends with {lines[-1]!r}"
        assert not re.match(r"^[IVX]+\. [A-ZĐ]", lines[-1]), f"page {number} ends with the heading {lines[-1]!r}"


def test_the_plan_cited_is_edited_on_the_settings_page(db_url, monkeypatch):

    from doandata.store import Store
    from tests.test_editing import PASSWORD, app_on, open_page, sign_in

    page = app_on(db_url, monkeypatch)
    open_page(page, "pages/cai_dat.py")
    sign_in(page)
    assert next(t for t in page.text_input if t.label == "Số kế hoạch").value == "15-KH/ĐTN"
    next(t for t in page.text_input if t.label == "Số kế hoạch").set_value("20-KH/ĐTN")
    page.text_input(key="settings_password").set_value(PASSWORD)
    next(b for b in page.button if b.label == "Lưu cài đặt").click().run()
    assert not page.exception
    saved = Store(db_url).settings()
    assert (saved.plan_number, saved.plan_date) == ("20-KH/ĐTN", dt.date(2018, 2, 9))
