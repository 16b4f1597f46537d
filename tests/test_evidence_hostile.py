"""Hostile evidence (#19, threats.md): what an editor types or an upload carries as a criterion's
evidence is stored clean (no control characters, NFC), kept within its length, and read back as
typed (the unit page's table, `scores --json`), never as a formula or markup; a stage forged into an
upload is refused in Vietnamese."""

import json
import unicodedata

import pytest

from doandata import contract as C
from doandata import ingest, tables
from doandata.store import EditRefused, Store
from tests.conftest import NEXT, SEEDED, cli_main
from tests.test_editing import app_on, open_page, sign_in
from tests.test_stages import card, imported

HOSTILE = {
    "formula": '=HYPERLINK("http://evil.example","bấm")',
    "plus": "+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)",
    "minus": "-2+3",
    "markdown": "**đậm** [a](javascript:alert(1))",
    "html": "<img src=x onerror=alert(1)>",
    "combining": unicodedata.normalize("NFD", "Biên bản kiện toàn Chương trình"),
}


def evidence_text(store: Store, unit: str, period: str, criterion: str):
    return store.card_scores(period, unit).set_index("criterion").loc[criterion, ["evidence_text", "evidence_link"]]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_evidence_reads_back_as_typed_on_the_page_and_in_scores_json(store, db_url, case):
    typed = HOSTILE[case]
    assert store.save_evidence("BDMDN", "2018-Q3", "TC1", typed, typed, by="Nguyễn Văn A") == NEXT
    stored = unicodedata.normalize("NFC", typed)  # "Chương" as one letter each, as a search finds it
    assert evidence_text(store, "BDMDN", "2018-Q3", "TC1").tolist() == [stored, stored]
    table = tables.stages_table(store.card_scores("2018-Q3", "BDMDN")).set_index("Tiêu chí")
    assert table.loc["TC1", "Minh chứng"] == f"{stored} {stored}"  # one text cell
    out = cli_main("scores", "--period", "2018-Q3", "--unit", "BDMDN", "--json", db_url=db_url)
    assert out.returncode == 0, out.stderr
    row = next(r for r in json.loads(out.stdout) if r["criterion"] == "TC1")
    assert row["evidence"] == {"text": stored, "link": stored}


def test_control_characters_are_dropped_and_lines_joined(store):
    store.save_evidence("BDMDN", "2018-Q3", "TC1", "Biên\x00 bản\x1b[31m\r\nsố 5", "a\tb.pdf", by="A")
    assert evidence_text(store, "BDMDN", "2018-Q3", "TC1").tolist() == ["Biên bản[31m số 5", "a b.pdf"]


@pytest.mark.parametrize("field", ["text", "link"])
def test_evidence_beyond_its_limit_is_refused_in_vietnamese_and_nothing_stored(store, field):
    before = store.evidence(["BDMDN"])
    long = "x" * 10_000
    with pytest.raises(EditRefused) as refused:
        store.save_evidence("BDMDN", "2018-Q3", "TC1", **{"text": "ngắn", "link": ""} | {field: long}, by="A")
    assert refused.value.message("vi") == (
        f"Minh chứng dài 10000 ký tự, quá giới hạn {C.EVIDENCE_CHARS} ký tự: không lưu gì. Hãy ghi ngắn lại, "
        "hoặc ghi đường dẫn hay tên tệp chứa toàn văn."
    )
    assert len(store.history()) == SEEDED
    assert store.evidence(["BDMDN"]).equals(before)
    assert store.save_evidence("BDMDN", "2018-Q3", "TC1", "x" * C.EVIDENCE_CHARS, by="A") == NEXT  # the limit itself


def test_a_long_evidence_an_upload_brought_is_kept_whole_when_an_editor_changes_its_link(db_url, monkeypatch):
    """Streamlit cuts a text box's value at its max_chars: the page offered the first 500 characters
    of an uploaded 10,000, and saving the link stored the cut text."""
    long = "Biên bản " + "x" * 10_000
    imported(card([{"unit": "HND", "Minh chứng TC1": long}], extra=("Minh chứng TC1",)), Store(db_url), by="A")
    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/don_vi.py", unit="HND", q="2018-Q4")
    sign_in(app)
    assert next(s for s in app.selectbox if s.label == "Tiêu chí").value == "TC1"
    box = next(t for t in app.text_area if t.label == "Minh chứng (nội dung ngắn)")
    assert box.value == long  # offered whole
    next(t for t in app.text_input if t.label == "Đường dẫn hoặc tên tệp văn phòng lưu").input("bien_ban.pdf")
    next(b for b in app.button if b.label == "Lưu minh chứng").click().run()
    assert not app.exception, app.exception
    assert evidence_text(Store(db_url), "HND", "2018-Q4", "TC1").tolist() == [long, "bien_ban.pdf"]


@pytest.mark.parametrize("forged", ["xyz", "xyz\x00\x1b", "=1+1", "a" * 300])
def test_a_stage_forged_into_an_upload_is_refused_naming_the_stages(store, forged):
    outcome = ingest.inspect(card([{"unit": "HND"}]), "q4.xlsx", store, stage=forged)
    assert not outcome.batch.ok
    (problem,) = [p for p in outcome.batch.problems if p.code == "stage_choice_invalid"]
    message = problem.message("vi")
    assert message.startswith("Giai đoạn chấm đã chọn “") and "\x00" not in message
    assert message.endswith("Hãy chọn một trong: Đơn vị tự chấm, Tổ công tác thẩm định, Ban Thường vụ duyệt.")
    assert len(store.history()) == SEEDED


def test_long_evidence_wraps_in_a_wide_column_of_the_unit_page(db_url, monkeypatch):
    """The evidence column was as narrow as its header, and a sentence of evidence was cut after a few words."""
    sentence = "Biên bản Đại hội chi đoàn nhiệm kỳ 2017–2019, lưu tại văn phòng Đoàn khối, tủ hồ sơ số 3"
    Store(db_url).save_evidence("BDMDN", "2018-Q3", "TC2", sentence, by="A")
    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/don_vi.py", unit="BDMDN", q="2018-Q3")
    grid = next(d for d in app.dataframe if "Minh chứng" in d.value.columns)
    assert grid.value.set_index("Tiêu chí").loc["TC2", "Minh chứng"] == sentence
    columns = json.loads(grid.proto.columns)
    assert columns["Minh chứng"]["width"] == "large" and columns["Lý do điều chỉnh"]["width"] == "medium"
    assert grid.proto.row_height == 76  # three lines a row: the sentence wraps instead of being cut


def test_the_review_and_the_templates_hold_no_formula_after_hostile_evidence(store):
    """The review .docx/.xlsx and the templates do not write evidence (the unit page and `scores` do);
    what they write after an editor typed formulas as evidence is still no formula and no such text."""
    import io

    import docx
    import openpyxl

    from doandata import reports, templates

    for code, typed in zip(["TC1", "TC2", "TC3", "TC4"], HOSTILE.values()):
        store.save_evidence("BDMDN", "2018-Q3", code, typed, typed, by="A")
    books = {"review": reports.build(store, "quarter", "2018-Q3", "xlsx")}
    settings, criteria, units = store.settings(), store.criteria(), store.units()
    books |= {
        kind: templates.write_workbook(kind, period="2018-Q3", criteria=criteria, units=units, settings=settings)
        for kind in ("scores", "units")
    }
    for name, data in books.items():
        wb = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
        assert cells, name
        assert not [c.coordinate for c in cells if c.data_type == "f"], name
        assert not [c.value for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value], name
    document = docx.Document(io.BytesIO(reports.build(store, "quarter", "2018-Q3", "docx", with_images=False)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "HYPERLINK" not in text and "onerror" not in text
