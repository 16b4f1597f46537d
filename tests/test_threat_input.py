"""What an attacker tried next, in the cells: control characters, lookalike codes, periods that
disagree, lengths the store cannot hold, error cells. Each is refused or cleaned before the preview."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from doandata import ingest
from doandata.problems import Problem, Unreadable
from tests import hostile
from tests.conftest import SAMPLE, cli_main
from tests.hostile import UNIT_HEADER, unit_list
from tests.messy import convert


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx from raw rows, one list per Excel row, as a person would type it."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def problems(data: bytes, store, name: str = "dv.xlsx", period: str | None = None) -> list[Problem]:
    return ingest.inspect(data, name, store, period).batch.problems


def said(data: bytes, store, name: str = "dv.xlsx", period: str | None = None) -> list[str]:
    return [p.line() for p in problems(data, store, name, period)]


def stored_names(store) -> dict[str, str]:
    units = store.units()
    return dict(zip(units["unit_code"], units["name"]))


def converted(data: bytes, tmp_path: Path, fmt: str) -> bytes:
    """The same workbook saved again by LibreOffice as .xls or .ods."""
    path = tmp_path / "dv.xlsx"
    path.write_bytes(data)
    return convert(path, fmt).read_bytes()


def with_content(ods: bytes, old: bytes, new: bytes) -> bytes:
    """The .ods with its content.xml edited as a hand-written file would have it."""
    src = zipfile.ZipFile(io.BytesIO(ods))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "content.xml":
                assert old in body
                body = body.replace(old, new)
            dst.writestr(info, body)
    return out.getvalue()


# ---------------------------------------------------------------- #2 control characters


def test_control_characters_leave_names_from_xlsx_ods_and_xls(store, tmp_path):
    """_x0001_ in an .xlsx, &#1; in an .ods, a raw \\x01 in an .xls: the name is stored without it."""
    xlsx = unit_list(["CTL1", "Chi đoàn_x0001_ Điều khiển_x001F_", 3])
    plain = unit_list(["CTL2", "Chi đoàn MARK Điều khiển", 3])
    ods = with_content(converted(plain, tmp_path, "ods"), b"MARK", b"&#1;&#27;")
    xls = converted(unit_list(["CTL3", "Chi đoàn_x0001_ Điều khiển", 3]), tmp_path, "xls")
    for data, name in ((xlsx, "dv.xlsx"), (ods, "dv.ods"), (xls, "dv.xls")):
        outcome = ingest.import_bytes(data, name, store)
        assert outcome.batch.ok, [p.line() for p in outcome.batch.problems]
    names = stored_names(store)
    assert names["CTL1"] == "Chi đoàn Điều khiển"
    assert names["CTL2"] == "Chi đoàn Điều khiển"
    assert names["CTL3"] == "Chi đoàn Điều khiển"


def test_bidi_overrides_leave_names_and_sheet_names(store):
    data = workbook(
        {
            "Danh sách\u202e đơn vị": [
                ["DANH SÁCH CƠ SỞ ĐOÀN"],
                UNIT_HEADER,
                ["BIDI", "Chi đoàn \u202egnáohT\u202c \u2066Mới\u2069", 2],
                ["BIDI", "lặp lại", 2],
            ]
        }
    )
    lines = said(data, store)
    assert lines[0].startswith("Lỗi: Sheet Danh sách đơn vị, dòng 4")
    ingest.import_bytes(unit_list(["BIDI", "Chi đoàn \u202egnáohT\u202c \u2066Mới\u2069", 2]), "dv.xlsx", store)
    assert stored_names(store)["BIDI"] == "Chi đoàn gnáohT Mới"


# ---------------------------------------------------------------- #1 plain codes, #13 lookalikes


def test_codes_outside_the_plain_set_are_refused_with_row_unit_and_rule(store):
    data = unit_list(
        ["DLЅ", "Đoàn Luật sư Thành phố", 6],  # a Cyrillic Ѕ: NFKC keeps it
        ["MỚI", "Chi đoàn Mới", 2],
        ["A B", "Chi đoàn Cách", 2],
        ["<b>", "Chi đoàn Thẻ", 2],
        ["OK-1.a_b", "Chi đoàn Hợp lệ", 2],
    )
    lines = said(data, store)
    assert lines[:4] == [
        f"Lỗi: Sheet Danh sách đơn vị, dòng {row}, cột Mã đơn vị (A): Mã “{code}” của “{name}” không hợp lệ. "
        "Mã chỉ được gồm chữ cái không dấu, chữ số và dấu . _ - (A–Z, 0–9, . _ -), dài tối đa 40 ký tự. "
        "Hãy gõ lại mã bằng bàn phím thay vì dán từ nơi khác."
        for row, code, name in (
            (3, "DLЅ", "Đoàn Luật sư Thành phố"),
            (4, "MỚI", "Chi đoàn Mới"),
            (5, "A B", "Chi đoàn Cách"),
            (6, "<b>", "Chi đoàn Thẻ"),
        )
    ]
    assert not any("OK-1.A_B" in line or "dòng 7" in line for line in lines if line.startswith("Lỗi"))


def test_codes_are_refused_wherever_they_are_read(store):
    scorecard = workbook(
        {
            "Bảng điểm": [
                ["BẢNG ĐIỂM QUÝ III/2018"],
                ["Mã đơn vị", "Tên đơn vị", "TC1"],
                ["DLЅ", "Đoàn Luật sư", 5],
            ]
        }
    )
    assert any(
        "cột Mã đơn vị (A): Mã “DLЅ” của “Đoàn Luật sư” không hợp lệ" in x for x in said(scorecard, store, "q3.xlsx")
    )
    groups = workbook(
        {"Tổ công tác": [["Tổ", "Họ và tên", "Vai trò", "Đơn vị phụ trách"], [1, "Lê Văn A", "Tổ trưởng", "DLS, HNDЅ"]]}
    )
    assert any("Mã “DLS, HNDЅ” của “Lê Văn A” không hợp lệ" in x for x in said(groups, store, "to.xlsx"))
    companion = workbook({"Danh sách": [[*UNIT_HEADER, "Đơn vị đồng hành"], ["MOI", "Chi đoàn Mới", 2, "DLЅ"]]})
    assert "cột Đơn vị đồng hành (D): Mã “DLЅ” của “Chi đoàn Mới” không hợp lệ" in said(companion, store)[0]


def test_lookalike_codes_are_one_unit_or_refused_and_a_twin_name_is_said(store):
    name = stored_names(store)["DLS"]
    before = len(stored_names(store))
    for code in ("DLS\u200b", "D\u200bLS", "ＤＬＳ", "\ufeffdls"):
        outcome = ingest.import_bytes(unit_list([code, name, 6]), f"dv_{len(code)}.xlsx", store)
        assert outcome.batch.ok and outcome.batch.frames["units"]["unit_code"].tolist() == ["DLS"]
    assert len(stored_names(store)) == before
    assert not ingest.inspect(unit_list(["DLЅ", name, 6]), "dv.xlsx", store).batch.ok
    twin = said(unit_list(["DLS2", name.upper(), 6]), store)
    assert twin == [
        f"Lưu ý: Sheet Danh sách đơn vị, dòng 3 (DLS2 — {name.upper()}), cột Tên đơn vị (B): Đơn vị mới “{name.upper()}” trùng tên với "
        "đơn vị DLS đã có. Nếu đây là cùng một đơn vị, hãy dùng mã DLS; nếu không, hãy đặt tên khác để phân biệt."
    ]
    same_file = said(unit_list(["NEW1", "Chi đoàn Sinh đôi", 6], ["NEW2", "Chi đoàn Sinh đôi", 6]), store)
    assert [line.split(": ", 2)[1] for line in same_file] == [
        "Sheet Danh sách đơn vị, dòng 4 (NEW2 — Chi đoàn Sinh đôi), cột Tên đơn vị (B)"
    ]


# ---------------------------------------------------------------- #10 lengths and ranges


def test_lengths_and_ranges_of_the_store_are_checked_before_the_preview(any_store):
    """At the store's limits a unit imports on SQLite and PostgreSQL alike; one past them is an
    error that names the cell, before anything is written."""
    at_limit = unit_list(["M" * 40, "Đ" * 255, 2**31 - 1])
    outcome = ingest.import_bytes(at_limit, "dv.xlsx", any_store)
    assert outcome.batch.ok and outcome.imported is not None
    assert stored_names(any_store)["M" * 40] == "Đ" * 255
    past = unit_list(["N" * 41, "Chi đoàn Mã dài", 2], ["TENDAI", "Đ" * 256, 2], ["CUMLON", "Chi đoàn Cụm lớn", 2**31])
    history = len(any_store.history())
    outcome = ingest.import_bytes(past, "dv.xlsx", any_store)
    assert not outcome.batch.ok and outcome.imported is None and len(any_store.history()) == history
    assert [p.line() for p in outcome.batch.problems] == [
        f"Lỗi: Sheet Danh sách đơn vị, dòng 3, cột Mã đơn vị (A): Mã “{'N' * 41}” của “Chi đoàn Mã dài” không hợp "
        "lệ. Mã chỉ được gồm chữ cái không dấu, chữ số và dấu . _ - (A–Z, 0–9, . _ -), dài tối đa 40 ký tự. "
        "Hãy gõ lại mã bằng bàn phím thay vì dán từ nơi khác.",
        f"Lỗi: Sheet Danh sách đơn vị, dòng 4 (TENDAI — {'Đ' * 59}…), cột Tên đơn vị (B): Ô này dài 256 ký tự, quá giới hạn 255 ký tự của "
        "cột. Hãy rút gọn lại.",
        "Lỗi: Sheet Danh sách đơn vị, dòng 5 (CUMLON — Chi đoàn Cụm lớn), cột Cụm (C): Số 2.147.483.648 quá lớn để lưu. Hãy ghi số không quá "
        "2.147.483.647.",
    ]


def test_a_long_reporter_or_rating_word_is_said_in_a_quarterly_workbook(store):
    data = workbook(
        {
            "Báo cáo quý": [
                ["BÁO CÁO TIẾN ĐỘ - QUÝ III/2018"],
                ["Mã đơn vị", "Tên đơn vị", "RS", "Số hoạt động", "Người báo cáo"],
                ["DLS", "", "Hoàn thành", 2**40, "Nguyễn " * 40],
            ]
        }
    )
    lines = said(data, store, "bc_q3.xlsx")
    assert [line.split(": ", 2)[1] for line in lines if line.startswith("Lỗi")] == [
        "Sheet Báo cáo quý, dòng 3 (DLS — Đoàn Đoàn Luật sư Thành phố), cột Số hoạt động (D)",
        "Sheet Báo cáo quý, dòng 3 (DLS — Đoàn Đoàn Luật sư Thành phố), cột Người báo cáo (E)",
    ]


def test_a_file_name_longer_than_the_history_keeps_is_refused_before_reading(any_store):
    name = "d" * 252 + ".xlsx"
    assert said(unit_list(["DAI", "Chi đoàn Tên tệp dài", 2]), any_store, name) == [
        "Lỗi: Tên tệp dài 257 ký tự, quá giới hạn 255 ký tự. Hãy đổi tên tệp cho ngắn lại rồi tải lên."
    ]
    assert ingest.import_bytes(unit_list(["DAI", "Chi đoàn Tên tệp dài", 2]), name[5:], any_store).imported


# ---------------------------------------------------------------- #9 the period of a sheet


def with_title(path: Path, **cells: str) -> bytes:
    """A sample workbook (made by the template writer) with cells of its title block rewritten."""
    wb = openpyxl.load_workbook(path)
    for ref, text in cells.items():
        wb.worksheets[0][ref] = text
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_period_line_that_disagrees_with_the_title_is_an_error_naming_them_all(store):
    q3 = SAMPLE / "07_bang_diem_quy_3_2018.xlsx"
    assert openpyxl.load_workbook(q3).worksheets[0]["A3"].value == "Kỳ: Quý III/2018"
    changed = with_title(q3, A3="Kỳ: Quý IV/2018")
    outcome = ingest.inspect(changed, q3.name, store)
    assert not outcome.batch.ok
    assert [p.line() for p in outcome.batch.problems if p.severity == "error"] == [
        "Lỗi: Sheet Bảng điểm: Các nơi ghi kỳ của bảng không khớp nhau — dòng “Kỳ:”: Quý IV/2018; "
        "tiêu đề: Quý III/2018; tên sheet: —; tên tệp: Quý III/2018. Không lưu gì để tránh nhầm kỳ. "
        "Hãy sửa cho cùng một kỳ (dòng “Kỳ:” là nơi mẫu biểu ghi kỳ) hoặc chọn kỳ khi tải lên."
    ]
    assert not ingest.inspect(changed, "bang_diem.xlsx", store).batch.ok  # the title alone disagrees too
    # the choice at upload settles it
    assert ingest.inspect(changed, q3.name, store, period="2018-Q4").batch.periods == ["2018-Q4"]


def test_the_period_line_alone_names_the_period_and_the_template_hint_none(store):
    q3 = SAMPLE / "07_bang_diem_quy_3_2018.xlsx"
    only_line = with_title(q3, A2="BẢNG ĐIỂM THI ĐUA CÁC CƠ SỞ ĐOÀN", A3="Kỳ: Quý IV/2018")
    assert ingest.inspect(only_line, "bang_diem.xlsx", store).batch.periods == ["2018-Q4"]
    agreeing = ingest.inspect(q3.read_bytes(), q3.name, store).batch
    assert agreeing.ok and agreeing.periods == ["2018-Q3"]
    # the template's hint names no period: a template left as it came takes the file's
    hint = with_title(q3, A2="BẢNG ĐIỂM THI ĐUA CÁC CƠ SỞ ĐOÀN", A3="Kỳ: (ghi ví dụ Quý II/2018)")
    assert ingest.inspect(hint, q3.name, store).batch.periods == ["2018-Q3"]


# ---------------------------------------------------------------- #12 error cells


def q3_with(cells: dict[str, object]) -> bytes:
    """The Q3 sample scorecard with cells rewritten (row 6 is the first unit, D-M its TC1-TC10)."""
    wb = openpyxl.load_workbook(SAMPLE / "07_bang_diem_quy_3_2018.xlsx")
    for ref, value in cells.items():
        wb.worksheets[0][ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def errors_said(data: bytes, store, name: str) -> list[str]:
    batch = ingest.inspect(data, name, store).batch
    assert not batch.ok
    assert not any(p.code == "points_empty" for p in batch.problems)  # not an empty cell counted as 0
    return [p.line() for p in batch.problems if p.severity == "error"]


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_error_cells_saved_by_a_spreadsheet_are_errors_naming_the_cell(store, tmp_path, fmt):
    """LibreOffice computes =1/0 and a deleted reference and saves #DIV/0! and #REF! as the cells'
    values, as Excel does; calamine reads both as empty, in an .xlsx, an .ods and an old .xls."""
    path = tmp_path / "07_bang_diem_quy_3_2018.xlsx"
    # TC1 and TC2 (each criterion has its Minh chứng and Lý do columns beside it, #19)
    path.write_bytes(q3_with({"D6": "=1/0", "G7": "=#REF!+1"}))
    saved = convert(path, fmt)
    assert errors_said(saved.read_bytes(), store, saved.name) == [
        "Lỗi: Sheet Bảng điểm, dòng 6 (VPTU — Đoàn Văn phòng Thành ủy), cột TC1 (D): Ô có lỗi #DIV/0! thay cho giá trị (công thức không tính "
        "được, ví dụ tham chiếu đã bị xoá hoặc chia cho 0). Hãy sửa công thức hoặc ghi thẳng giá trị vào ô; "
        "ô lỗi không được tính là 0.",
        "Lỗi: Sheet Bảng điểm, dòng 7 (BTCTU — Chi đoàn Ban Tổ chức Thành ủy), cột TC2 (G): Ô có lỗi #REF! thay cho giá trị (công thức không tính được, "
        "ví dụ tham chiếu đã bị xoá hoặc chia cho 0). Hãy sửa công thức hoặc ghi thẳng giá trị vào ô; "
        "ô lỗi không được tính là 0.",
    ]


def test_a_formula_without_a_saved_result_is_an_error_naming_the_cell(store):
    data = q3_with({"J6": "=SUM(D6:G6)", "B8": "=A1"})  # openpyxl saves formulas without results
    lines = errors_said(data, store, "07_bang_diem_quy_3_2018.xlsx")
    assert [line.split(": ", 2)[1] for line in lines] == [
        "Sheet Bảng điểm, dòng 6 (VPTU — Đoàn Văn phòng Thành ủy), cột TC3 (J)",
        "Sheet Bảng điểm, dòng 8 (Chi đoàn Ban Dân vận Thành ủy), cột Mã đơn vị (B)",
    ]
    assert lines[0].endswith(
        "Ô có công thức nhưng tệp không lưu kết quả của nó (tệp do một chương trình khác tạo ra). Hãy mở tệp "
        "trong Excel hoặc LibreOffice, lưu lại rồi tải lên; hoặc ghi thẳng giá trị vào ô."
    )


def test_a_numeric_nan_is_an_error_not_a_zero(store):
    marker = 7.25
    data = q3_with({"M6": marker})  # TC4
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert body.count(b"<v>7.25</v>") == 1
                body = body.replace(b"<v>7.25</v>", b"<v>NaN</v>")
            dst.writestr(info, body)
    lines = errors_said(out.getvalue(), store, "07_bang_diem_quy_3_2018.xlsx")
    assert [line.split(": ", 2)[1] for line in lines] == [
        "Sheet Bảng điểm, dòng 6 (VPTU — Đoàn Văn phòng Thành ủy), cột TC4 (M)"
    ]
    assert "Ô có lỗi NAN thay cho giá trị" in lines[0]


# ---------------------------------------------------------------- the hostile files, as a user meets them


@pytest.mark.parametrize(
    "make, exit_code, words",
    [
        (hostile.control_characters, 0, "Tệp hợp lệ"),
        (hostile.bidi_names, 0, "Tệp hợp lệ"),
        (hostile.formula_like_names, 0, "Tệp hợp lệ"),
        (hostile.lookalike_codes, 1, "Mã “DLЅ” của “Đoàn Luật sư Thành phố” không hợp lệ"),
        (hostile.over_long, 1, "Ô này dài 256 ký tự, quá giới hạn 255 ký tự của cột"),
        (lambda: hostile.error_cells(SAMPLE / "07_bang_diem_quy_3_2018.xlsx"), 1, "Ô có lỗi #REF! thay cho giá trị"),
    ],
)
def test_each_hostile_file_gets_clear_vietnamese_lines(make, exit_code, words, db_url, tmp_path):
    path = tmp_path / "07_bang_diem_quy_3_2018.xlsx"
    path.write_bytes(make())
    out = cli_main("validate", str(path), db_url=db_url)
    assert out.returncode == exit_code and words in out.stdout + out.stderr
    assert "Traceback" not in out.stderr and "\x1b" not in out.stdout + out.stderr


def test_formula_like_names_are_stored_as_typed(store):
    outcome = ingest.import_bytes(hostile.formula_like_names(), "ct.xlsx", store)
    assert outcome.imported and stored_names(store)["CT1"] == "=2+2*10"


def test_a_file_name_with_control_characters_is_said_and_kept_without_them(store):
    name = "dv\x1b[2J\u202e.xlsx"
    with pytest.raises(Unreadable) as refused:
        ingest.inspect(b"", name, store)
    assert (
        refused.value.message()
        == "Lỗi: Tệp dv[2J.xlsx rỗng (0 byte). Hãy mở lại tệp gốc trong Excel, lưu lại rồi tải lên lần nữa."
    )
    assert ingest.import_bytes(unit_list(["TEP", "Chi đoàn Tên tệp", 2]), name, store).imported
    assert store.history()["filename"].iloc[0] == "dv[2J.xlsx"
