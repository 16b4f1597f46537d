"""Hostile and broken files: each refused with its own clear message, quickly, storing nothing."""

import io
import time

import openpyxl
import pytest

from doandata import cli, ingest, safety
from doandata.problems import Unreadable
from doandata.read import read_sheets
from tests.conftest import SAMPLE, run_cli
from tests.hostile import declared_million_rows, with_entity, zip_bomb


def answer(data: bytes, name: str, store) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        outcome = ingest.inspect(data, name, store)
        text = "; ".join(p.message() for p in outcome.batch.problems) or "ok"
    except Unreadable as exc:
        text = exc.problem.message()
    return text, time.perf_counter() - start


def test_a_zip_bomb_is_refused_before_it_is_inflated(store):
    bomb = zip_bomb(300)
    assert len(bomb) < 2 * 2**20
    text, seconds = answer(bomb, "bom.xlsx", store)
    # 300 MB of sheet and a few bytes more, rounded up: never shown as equal to the limit
    assert text.startswith("Tệp bom.xlsx khi giải nén lên tới 300,1 MB, vượt giới hạn 200 MB")
    assert seconds < 3


def test_an_extreme_compression_ratio_is_refused_even_under_the_size_limit(store):
    bomb = zip_bomb(60)  # 60 MB unpacked: under the 200 MB limit, but compressed ~1000 times
    text, seconds = answer(bomb, "nen.xlsx", store)
    assert text.startswith("Tệp nen.xlsx nén tới ") and "bất thường" in text and seconds < 3


def test_a_sheet_declaring_a_million_rows_is_refused_at_once(store):
    data = declared_million_rows((SAMPLE / "05_bang_diem_quy_1_2018.xlsx").read_bytes())
    text, seconds = answer(data, "trieu_dong.xlsx", store)
    assert "1048576 dòng × 26 cột, quá giới hạn 100000 dòng" in text and seconds < 3


def test_a_sheet_with_more_rows_than_allowed_is_counted_and_refused(store, monkeypatch, tmp_path):
    monkeypatch.setenv("DOANDATA_MAX_ROWS", "1000")
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Bảng điểm")
    for i in range(1500):
        ws.append([i, f"DV{i}"])
    out = io.BytesIO()
    wb.save(out)
    text, _ = answer(out.getvalue(), "dai.xlsx", store)
    assert text.startswith("Sheet Bảng điểm của tệp dai.xlsx có 1500 dòng × 2 cột, quá giới hạn 1000 dòng")


def test_the_parse_runs_within_a_memory_bound(store, monkeypatch):
    monkeypatch.setenv("DOANDATA_PARSE_MEMORY_MB", "12")  # too little for any parse: the child is stopped
    text, _ = answer((SAMPLE / "05_bang_diem_quy_1_2018.xlsx").read_bytes(), "q1.xlsx", store)
    assert text.startswith("Tệp q1.xlsx cần quá nhiều bộ nhớ để đọc nên đã dừng")


def test_the_parse_runs_within_a_time_bound(store, monkeypatch):
    monkeypatch.setenv("DOANDATA_PARSE_SECONDS", "0")
    text, seconds = answer((SAMPLE / "05_bang_diem_quy_1_2018.xlsx").read_bytes(), "q1.xlsx", store)
    assert text.startswith("Tệp q1.xlsx cần hơn 0 giây để đọc nên đã dừng") and seconds < 5


def cells_of(data: bytes) -> list[str]:
    return [str(v) for sheet in read_sheets(data, "dv.xlsx") for row in sheet.grid for v in row if v is not None]


def test_entity_expansion_is_not_performed(store):
    units = (SAMPLE / "01_danh_sach_don_vi.xlsx").read_bytes()
    # the same file with a plain name reads: it is valid apart from the entity
    assert "lol lol" in cells_of(with_entity(units, b"lol lol"))
    for entity in (b"&lol1;", b"&lol9;"):  # ten "lol", then a billion
        start = time.perf_counter()
        try:
            cells = cells_of(with_entity(units, entity))
        except Unreadable as exc:
            assert exc.problem.code == "file_corrupt"  # refused as it is, not stopped for its size
            cells = []
        assert time.perf_counter() - start < 10 and not any("lollol" in c for c in cells)
    text, _ = answer(with_entity(units, b"&lol9;"), "lol.xlsx", store)
    assert "lol" not in text.replace("lol.xlsx", "")
    assert safety.require_defused_xml() is None  # openpyxl parses with defusedxml


@pytest.mark.parametrize(
    "data, name, words",
    [
        (b"", "rong.xlsx", "rỗng (0 byte)"),
        (b"Ma don vi,Ten don vi,Cum\nDLS,Doan Luat su,6\n", "danh_sach.xlsx", "không phải là bảng tính"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "bao_cao.xlsx", "không phải là bảng tính"),
        ((SAMPLE / "05_bang_diem_quy_1_2018.xlsx").read_bytes()[:4000], "cat_do.xlsx", "bị cắt dở"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "hong.xls", "bị hỏng hoặc lưu dở dang"),
    ],
)
def test_each_broken_file_has_its_own_message(store, data, name, words):
    text, seconds = answer(data, name, store)
    assert words in text and seconds < 5


def test_encrypted_files_say_so(store, corpus):
    for name in ("pass_protected.xlsx", "pass_protected.ods"):
        text, _ = answer((corpus / name).read_bytes(), name, store)
        assert "được đặt mật khẩu" in text


def test_hostile_files_store_nothing(db_url, tmp_path):
    before = run_cli("history", db_url=db_url).stdout
    for i, data in enumerate((zip_bomb(250), b"", b"PK\x03\x04junk")):
        path = tmp_path / f"f{i}.xlsx"
        path.write_bytes(data)
        out = run_cli("import", str(path), db_url=db_url)
        assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.count("\n") == 1
    assert run_cli("history", db_url=db_url).stdout == before


def test_every_corpus_file_answers_within_a_time_bound(db_url, capsys, corpus):
    slowest = 0.0
    for path in sorted(p for p in corpus.iterdir() if p.suffix in (".xls", ".xlsx", ".xlsm", ".ods")):
        start = time.perf_counter()
        code = cli.main(["--db", db_url, "validate", str(path)])
        slowest = max(slowest, time.perf_counter() - start)
        assert code in (1, 2) and "Traceback" not in capsys.readouterr().err
    assert slowest < 15
