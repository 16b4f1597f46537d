"""Workbooks people really send: every quirk read, every error said once with its place."""

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from doandata import cli, templates
from doandata.store import Store
from tests.conftest import NEXT, cli_main
from tests.messy import CODES, convert, messy_scorecard

HEADER = ["STT", "Mã đơn vị", "Tên đơn vị", *CODES, "Tổng điểm"]


def write(path, sheets: dict) -> str:
    """A workbook from raw rows, one list per Excel row, as a person would type it."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return str(path)


def scorecard(*units, title="BẢNG ĐIỂM QUÝ III/2018", header=HEADER):
    """Title on row 1, blank row 2, header on row 3, units from row 4."""
    rows = [[title], [], header]
    for i, (code, name, points, *total) in enumerate(units, start=1):
        rows.append([i, code, name, *points, *(total or [None])])
    return rows


FULL = [10, 10, 10, 15, 15, 10, 10, 8, 6, 6]
HALF = [5, 5, 5, 7.5, 7.5, 5, 5, 4, 3, 3]


def lines(out):
    return [x for x in (out.stdout + out.stderr).splitlines() if x.strip()]


def totals(db_url, period):
    out = cli_main("summary", "--period", period, "--json", db_url=db_url)
    return {r["unit_code"]: r["total"] for r in json.loads(out.stdout)}


# ---------------------------------------------------------------- quirks, three writers

MESSY_ROWS = [
    ("SECTION", "I. CÁC ĐƠN VỊ ĐẶC THÙ"),
    (1, "BDMDN", "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố", ["8,5", "7.5", 6, 10, 9, 6, 5, 5, 3, 3], 63),
    ("BLANK",),
    (2, "", "CHI DOAN HOI NONG DAN THANH PHO", [5, 5, 5, 8, 8, 5, 5, 4, 3, 4], 52),
    ("SECTION", "II. CÁC ĐƠN VỊ KHÁC"),
    (3, "vptu", "Đoàn Văn phòng Thành ủy", [9, 9, 9, 13, 13, 9, 9, 7, 5, 5], 88),
]


@pytest.fixture(scope="module")
def messy_files(tmp_path_factory):
    base = messy_scorecard(tmp_path_factory.mktemp("messy") / "bang_diem_to_1.xlsx", MESSY_ROWS)
    return {"xlsx": base, "xls": convert(base, "xls"), "ods": convert(base, "ods")}


def stage_default(sheet: str) -> str:
    """What a scorecard naming no stage is told (#19): it is stored as the working group's."""
    return (
        f"Lưu ý: Sheet {sheet}: Bảng điểm không ghi giai đoạn chấm (cột “Giai đoạn”, dòng “Giai đoạn:” ở đầu sheet, "
        "hoặc chọn khi tải lên): được lưu là “Tổ công tác thẩm định”."
    )


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_messy_scorecard_imports_from_every_writer(messy_files, db_url, fmt):
    out = cli_main("import", str(messy_files[fmt]), db_url=db_url)
    assert out.returncode == 0, out.stderr
    # the notes sheet is reported and skipped; the title, the two-row header, the sections, the
    # blank row, the totals row, the notes and the signature are understood
    assert lines(out) == [
        stage_default("Bang diem"),
        "Lưu ý: Sheet Ghi chep: Sheet này không có bảng nào của hệ thống nên được bỏ qua.",
        f"Đã lưu lần tải lên #{NEXT}: Bảng điểm, kỳ Quý II/2018, 3 dòng, 3 đơn vị.",
    ]
    # the file names no stage, so its cards are stored as the working group's check (#19)
    store = Store(db_url)
    checked = store.stage_points("checked", ["2018-Q2"]).groupby("unit_code")["points"].sum()
    store.dispose()
    assert (checked["BDMDN"], checked["HND"], checked["VPTU"]) == (63, 52, 88)  # "8,5" and "7.5" read as numbers
    t = totals(db_url, "2018-Q2")
    assert t["VPTU"] == 89  # Q2 is approved in the sample: its figures rest on the approved cards
    assert t["DLS"] == 68  # units the file does not hold keep their values


def test_merged_header_cells_and_nfd_headers_are_found(messy_files):
    from doandata.read import find_tables, read_sheets

    for fmt, path in messy_files.items():
        tables, _ = find_tables(read_sheets(path.read_bytes(), path.name), CODES)
        table = tables[0]
        assert table.header_row == 6 and table.kind.key == "scores", fmt
        assert [r for r, _, _ in table.rows] == [8, 10, 12], fmt
        assert [s for _, _, s in table.rows] == [
            "I. CÁC ĐƠN VỊ ĐẶC THÙ",
            "I. CÁC ĐƠN VỊ ĐẶC THÙ",
            "II. CÁC ĐƠN VỊ KHÁC",
        ], fmt


# ---------------------------------------------------------------- every error kind, exactly


def test_scorecard_errors_are_all_said_at_once_with_their_place(tmp_path, db_url):
    path = write(
        tmp_path / "q3.xlsx",
        {
            "Bảng điểm": scorecard(
                ("DLS", "", [11, *HALF[1:]]),  # row 4: above the maximum of TC1
                ("HND", "", [5, -2, *HALF[2:]]),  # row 5: negative
                ("VPTU", "", [5, 5, "tám", *HALF[3:]]),  # row 6: not a number
                ("XYZ", "", HALF),  # row 7: unknown unit
                ("DLS", "", HALF),  # row 8: duplicate
                ("", "Đơn vị không có thật", HALF),  # row 9: unknown name
            )
        },
    )
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 1
    assert lines(out) == [
        "Lỗi: Sheet Bảng điểm, dòng 4 (DLS — Đoàn Đoàn Luật sư Thành phố), cột TC1 (D): Điểm 11 vượt điểm tối đa 10 của tiêu chí. "
        "Hãy sửa lại, tối đa là 10.",
        "Lỗi: Sheet Bảng điểm, dòng 5 (HND — Chi đoàn Hội Nông dân Thành phố), cột TC2 (E): Điểm -2 bị âm. Điểm phải từ 0 trở lên.",
        "Lỗi: Sheet Bảng điểm, dòng 6 (VPTU — Đoàn Văn phòng Thành ủy), cột TC3 (F): Điểm “tám” không phải là số. Hãy nhập số, ví dụ 8 hoặc 8,5.",
        "Lỗi: Sheet Bảng điểm, dòng 7 (XYZ), cột Mã đơn vị (B): Không có đơn vị “XYZ” trong danh sách đơn vị. "
        "Hãy kiểm tra mã (hoặc tên) đơn vị, hoặc bổ sung đơn vị vào Danh sách đơn vị trước.",
        "Lỗi: Sheet Bảng điểm, dòng 8 (DLS — Đoàn Đoàn Luật sư Thành phố), cột Mã đơn vị (B): Đơn vị DLS xuất hiện hai lần (lần đầu ở dòng 4). "
        "Hãy giữ một dòng cho mỗi đơn vị.",
        "Lỗi: Sheet Bảng điểm, dòng 9 (Đơn vị không có thật), cột Tên đơn vị (C): Không có đơn vị “Đơn vị không có thật” trong danh sách "
        "đơn vị. Hãy kiểm tra mã (hoặc tên) đơn vị, hoặc bổ sung đơn vị vào Danh sách đơn vị trước.",
        stage_default("Bảng điểm"),
        "Không lưu gì: tệp có 6 lỗi. Hãy sửa các lỗi trên rồi tải lên lại.",
    ]
    assert totals(db_url, "2018-Q3")["DLS"] == 73  # nothing changed


def test_a_missing_criterion_column_is_an_error(tmp_path, db_url):
    header = [h for h in HEADER if h != "TC7"]
    path = write(tmp_path / "q3.xlsx", {"Bảng điểm": scorecard(("DLS", "", HALF[:6] + HALF[7:]), header=header)})
    out = cli_main("validate", path, db_url=db_url)
    assert out.returncode == 1
    assert lines(out)[0] == (
        "Lỗi: Sheet Bảng điểm, dòng 3, cột TC7: Thiếu cột tiêu chí TC7. "
        "Hãy thêm cột TC7 vào dòng tiêu đề (xem mẫu bảng điểm)."
    )


def test_warnings_import_and_are_shown(tmp_path, db_url):
    header = [*HEADER, "Điểm thưởng"]
    path = write(tmp_path / "q3.xlsx", {"Bảng điểm": scorecard(("DLS", "", [*HALF, 60, 2]), header=header)})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert lines(out)[:3] == [
        stage_default("Bảng điểm"),
        "Lưu ý: Sheet Bảng điểm, dòng 3, cột Điểm thưởng (O): Cột “Điểm thưởng” không thuộc mẫu nên được bỏ qua. "
        "Nếu đây là một tiêu chí, hãy thêm nó vào Bộ tiêu chí trước.",
        "Lưu ý: Sheet Bảng điểm, dòng 4 (DLS — Đoàn Đoàn Luật sư Thành phố), cột Tổng điểm (N): Tổng điểm ghi 60 nhưng cộng các tiêu chí được 50. "
        "Ứng dụng dùng 50.",
    ]
    assert totals(db_url, "2018-Q3")["DLS"] == 50


def test_report_status_words_and_dates(tmp_path, db_url):
    header = [
        "STT",
        "Mã đơn vị",
        "RS",
        "KT - Kiện toàn tổ chức",
        "Liên tịch với Cấp ủy",
        "Ngày họp tổ",
        "Kinh phí vận động (VNĐ)",
    ]
    path = write(
        tmp_path / "bao_cao_quy_4_2018.xlsx",
        {
            "Báo cáo quý": [
                ["BÁO CÁO TIẾN ĐỘ"],
                header,
                [1, "DLS", "hoàn thành", "Dang thuc hien", "Chưa thực hiện", "28/12/2018", "1.500.000"],
                [2, "HND", "xong", "Hoàn thành", "", 43462, 2000000],
                [3, "BDMDN", "đã nộp", "Hoàn thành", "", "31/02/2018", ""],
            ]
        },
    )
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 1
    assert lines(out)[:2] == [
        "Lỗi: Sheet Báo cáo quý, dòng 5 (BDMDN — Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố), cột RS (C): Tình trạng “đã nộp” không hiểu được. "
        "Hãy chọn một trong: Chưa thực hiện, Đang thực hiện, Hoàn thành.",
        "Lỗi: Sheet Báo cáo quý, dòng 5 (BDMDN — Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố), cột Ngày họp tổ (F): “31/02/2018” không phải là ngày. "
        "Hãy nhập theo dạng ngày/tháng/năm, ví dụ 28/03/2018.",
    ]
    # fixed, the same file imports; the period came from the file name
    wb = openpyxl.load_workbook(path)
    wb.active["C5"], wb.active["F5"] = "Hoàn thành", "30/12/2018"
    wb.save(path)
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0 and "Quý IV/2018" in out.stdout, out.stderr
    from doandata.store import Store

    s = Store(db_url)
    reports = s.reports().set_index(["unit_code", "period"])
    assert reports.loc[("DLS", "2018-Q4"), "meeting_date"] == dt.date(2018, 12, 28)
    assert reports.loc[("HND", "2018-Q4"), "meeting_date"] == dt.date(2018, 12, 28)  # serial 43462
    assert reports.loc[("DLS", "2018-Q4"), "funds"] == 1_500_000
    st = s.statuses().set_index(["unit_code", "period", "item_code"])["status"]
    assert (st[("DLS", "2018-Q4", "RS")], st[("DLS", "2018-Q4", "KT")], st[("DLS", "2018-Q4", "LT")]) == (
        "done",
        "in_progress",
        "not_started",
    )
    s.dispose()


def test_unit_list_errors(tmp_path, db_url):
    path = write(
        tmp_path / "dv.xlsx",
        {
            "Danh sách": [
                ["DANH SÁCH ĐƠN VỊ"],
                ["Mã đơn vị", "Tên đơn vị", "Xếp loại 2017", "Điểm 2017"],
                ["A1", "Đơn vị A", "Giỏi", 80],
                ["A1", "Đơn vị A bis", "Khá", 95],
            ]
        },
    )
    out = cli_main("validate", path, db_url=db_url)
    assert out.returncode == 1
    assert lines(out)[:4] == [
        "Lỗi: Sheet Danh sách, dòng 2, cột Cụm: Thiếu cột bắt buộc “Cụm”. Hãy thêm cột này vào dòng tiêu đề (xem mẫu).",
        "Lỗi: Sheet Danh sách, dòng 3 (A1 — Đơn vị A), cột Xếp loại 2017 (C): Xếp loại “Giỏi” không có trong thang xếp loại. "
        "Hãy dùng một trong: Yếu, Trung bình, Khá, Tiên tiến, Vững mạnh, Xuất sắc.",
        "Lỗi: Sheet Danh sách, dòng 4 (A1 — Đơn vị A bis), cột Mã đơn vị (A): Đơn vị A1 xuất hiện hai lần (lần đầu ở dòng 3). "
        "Hãy giữ một dòng cho mỗi đơn vị.",
        "Lưu ý: Sheet Danh sách, dòng 4 (A1 — Đơn vị A bis), cột Xếp loại 2017 (C): Xếp loại 2017 là “Khá” nhưng điểm 95 tương ứng "
        "“Xuất sắc”. Ứng dụng giữ xếp loại chính thức “Khá”; hãy kiểm tra lại nếu nhập nhầm.",
    ]


# ---------------------------------------------------------------- periods


def test_period_order_choice_then_column_then_title_sheet_or_filename(tmp_path, db_url):
    rows = scorecard(("DLS", "", HALF), title="BẢNG ĐIỂM QUÝ I/2018")
    path = write(tmp_path / "bang_diem_q3_2018.xlsx", {"Quý II năm 2018": rows})
    out = cli_main("validate", path, "--period", "2018-Q4", db_url=db_url)
    assert "kỳ Quý IV/2018" in out.stdout  # the choice at upload wins
    out = cli_main("validate", path, db_url=db_url)  # title, sheet name and file name disagree: said, not guessed
    assert out.returncode == 1 and "tiêu đề: Quý I/2018; tên sheet: Quý II/2018; tên tệp: Quý III/2018" in out.stderr
    path = write(tmp_path / "bang_diem.xlsx", {"Bảng điểm": rows})
    assert "kỳ Quý I/2018" in cli_main("validate", path, db_url=db_url).stdout  # the title
    rows = scorecard(("DLS", "", HALF), title="BẢNG ĐIỂM")
    path = write(tmp_path / "bang_diem.xlsx", {"Quý II năm 2018": rows})
    assert "kỳ Quý II/2018" in cli_main("validate", path, db_url=db_url).stdout  # the sheet name
    path = write(tmp_path / "bang_diem_q3_2018.xlsx", {"Bảng điểm": rows})
    assert "kỳ Quý III/2018" in cli_main("validate", path, db_url=db_url).stdout  # the file name
    with_column = [["BẢNG ĐIỂM QUÝ I/2018"], [], [*HEADER, "Kỳ"], [1, "DLS", "", *HALF, None, "Q2/2018"]]
    path = write(tmp_path / "bang_diem_q3_2018.xlsx", {"Bảng điểm": with_column})
    assert "kỳ Quý II/2018" in cli_main("validate", path, db_url=db_url).stdout  # a Kỳ column beats the title


def test_without_any_period_the_upload_asks_and_imports_nothing(tmp_path, db_url):
    path = write(tmp_path / "bang_diem.xlsx", {"Bảng điểm": scorecard(("DLS", "", HALF), title="BẢNG ĐIỂM")})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 1
    assert lines(out)[0].startswith("Lỗi: Sheet Bảng điểm: Không xác định được kỳ (quý) của bảng này")
    assert "--period 2018-Q2" in lines(out)[0]
    out = cli_main("import", path, "--period", "2019-Q1", db_url=db_url)
    assert out.returncode == 1 and "Kỳ Quý I/2019 không thuộc kế hoạch" in out.stderr


# ---------------------------------------------------------------- several sheets, one upload


def test_a_workbook_with_a_scorecard_and_a_report_is_one_upload(tmp_path, db_url):
    path = write(
        tmp_path / "to_2_quy_4.xlsx",
        {
            "Bảng điểm": scorecard(("DLS", "", FULL), title="BẢNG ĐIỂM QUÝ IV/2018"),
            "Báo cáo quý": [
                ["BÁO CÁO QUÝ IV/2018"],
                ["Mã đơn vị", "RS", "KT", "Khó khăn - tồn tại"],
                ["DLS", "Hoàn thành", "Hoàn thành", "Không còn khó khăn lớn"],
            ],
            "Hướng dẫn": [["Điền điểm vào bảng"]],
        },
    )
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert "Bảng điểm, Báo cáo quý, kỳ Quý IV/2018" in out.stdout
    assert totals(db_url, "2018-Q4")["DLS"] == 100
    assert cli_main("history", db_url=db_url).stdout.count("to_2_quy_4.xlsx") == 1


# ---------------------------------------------------------------- templates


@pytest.mark.parametrize("kind", ["units", "groups", "criteria", "scores", "reports"])
def test_every_template_filled_in_imports(kind, tmp_path, db_url):
    path = tmp_path / f"mau_{kind}.xlsx"
    out = cli_main("template", kind, "-o", str(path), "--period", "2018-Q4", db_url=db_url)
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert wb.sheetnames[:1] == [ws.title] and "Hướng dẫn" in wb.sheetnames
    header = {str(c.value).split("\n")[0]: c.column for c in ws[5] if c.value}  # "TC1\n<its name>\n(tối đa 10)"
    fill = {
        "units": {
            "Mã đơn vị": "MOI1",
            "Tên đơn vị": "Chi đoàn Đơn vị mới",
            "Cụm": 3,
            "Đặc thù": "x",
            "Điểm 2017": 58,
            "Xếp loại 2017": "Trung bình",
            "Đơn vị đồng hành": "TAND",
        },
        "groups": {
            "Tổ": 3,
            "Họ và tên": "Lê Văn Mới",
            "Vai trò": "Tổ trưởng",
            "Đơn vị phụ trách": "CTHADS",
            "Nội dung phụ trách": "RS, KT",
        },
        "criteria": {"Mã tiêu chí": "TC1", "Nội dung": "Một tiêu chí", "Điểm tối đa": 100, "Nhóm": "I. Chung"},
    }.get(kind)
    if fill:
        for header_text, value in fill.items():
            ws.cell(row=6, column=header[header_text], value=value)
    elif kind == "scores":
        first = ws.cell(row=6, column=header["Mã đơn vị"]).value
        assert first == "BDVTU" and ws.max_row == 5 + 24  # every unit comes pre-filled
        for code, maximum in zip(CODES, FULL):
            ws.cell(row=6, column=header[code], value=maximum)
    else:
        # the followed units, đặc thù first (CTHADS is the first in the list), then khó khăn (STC)
        listed = [ws.cell(row=r, column=header["Mã đơn vị"]).value for r in range(6, ws.max_row + 1)]
        assert listed == ["CTHADS", "HND", "HCTD", "DLS", "BDMDN", "LMHTX", "STC", "STP", "SKHDT"]
        ws.cell(row=6, column=header["RS - Rà soát cán bộ"], value="Hoàn thành")
    wb.save(path)
    out = cli_main("import", str(path), db_url=db_url)
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"Đã lưu lần tải lên #{NEXT}" in out.stdout
    if kind == "scores":
        assert totals(db_url, "2018-Q4")["BDVTU"] == 100
        assert "bỏ qua" in out.stdout  # the 23 units not scored yet are skipped, with a note


def test_a_template_left_empty_stores_nothing(tmp_path, db_url):
    path = tmp_path / "mau.xlsx"
    cli_main("template", "scores", "-o", str(path), "--period", "2018-Q4", db_url=db_url)
    out = cli_main("import", str(path), db_url=db_url)
    assert out.returncode == 1 and "Tệp không có số liệu nào để lưu" in out.stderr


# ---------------------------------------------------------------- the marked-up workbook


def test_the_marked_workbook_points_at_each_faulty_cell(tmp_path, db_url):
    path = write(
        tmp_path / "q3.xlsx", {"Bảng điểm": scorecard(("DLS", "", [11, *HALF[1:]]), ("HND", "", [5, -2, *HALF[2:]]))}
    )
    marked = tmp_path / "q3_danh_dau.xlsx"
    out = cli_main("validate", path, "--marked", str(marked), db_url=db_url)
    assert out.returncode == 1 and str(marked) in out.stdout
    wb = openpyxl.load_workbook(marked)
    assert wb.sheetnames == ["Danh sách lỗi", "Bảng điểm"]
    listing = [[c.value for c in row] for row in wb["Danh sách lỗi"].iter_rows(min_row=2)]
    assert wb["Danh sách lỗi"]["D1"].value == "Đơn vị"
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in listing] == [
        ("Lỗi", "Bảng điểm", 4, "DLS — Đoàn Đoàn Luật sư Thành phố", "TC1 (D)"),
        ("Lỗi", "Bảng điểm", 5, "HND — Chi đoàn Hội Nông dân Thành phố", "TC2 (E)"),
        ("Lưu ý", "Bảng điểm", None, None, None),  # no stage named: stored as the group's (#19)
    ]
    ws = wb["Bảng điểm"]
    assert ws["D4"].value == 11 and ws["D4"].fill.fgColor.rgb.endswith("F8CBAD")
    assert "vượt điểm tối đa 10" in ws["D4"].comment.text
    assert ws["E5"].comment is not None and ws["E4"].comment is None


def test_the_marked_workbook_of_a_template_keeps_its_look(tmp_path, db_url):
    """A template filled in with one score over its maximum: the copy handed back has the
    template's widths, frozen header, drop-down lists and header notes, and the faulty cell marked."""
    path = tmp_path / "mau.xlsx"
    cli_main("template", "scores", "-o", str(path), "--period", "2018-Q4", db_url=db_url)
    wb = openpyxl.load_workbook(path)
    ws = wb["Bảng điểm"]
    codes = [f"TC{i}" for i in range(1, len(FULL) + 1)]
    points_columns = [c.column for c in ws[5] if str(c.value or "").split("\n")[0] in codes]  # not Minh chứng, Lý do
    for j, points in zip(points_columns, FULL, strict=True):
        ws.cell(row=6, column=j, value=points)
    ws["D6"] = 11  # TC1 of BDVTU, over its maximum of 10
    wb.save(path)
    marked = tmp_path / "mau_can_sua.xlsx"
    out = cli_main("validate", str(path), "--marked", str(marked), db_url=db_url)
    assert out.returncode == 1 and "vượt điểm tối đa 10" in out.stderr
    template = openpyxl.load_workbook(path)["Bảng điểm"]
    book = openpyxl.load_workbook(marked)
    assert book.sheetnames[0] == "Danh sách lỗi" and "Bảng điểm" in book.sheetnames
    ws = book["Bảng điểm"]
    assert ws.freeze_panes == template.freeze_panes == "D6"
    for letter in "ABCDEMNO":
        assert ws.column_dimensions[letter].width == template.column_dimensions[letter].width, letter
    name, criterion = templates.SCORECARD_WIDTHS["unit_name"], templates.CRITERION_WIDTH
    assert ws.column_dimensions["C"].width == name and ws.column_dimensions["D"].width == criterion
    assert len(ws.data_validations.dataValidation) == len(template.data_validations.dataValidation) > 0
    assert ws["D5"].comment.author == "Ban Tổ chức" and "tối đa 10" in ws["D5"].comment.text
    assert ws["D5"].value.startswith("TC1\n") and ws.print_title_rows == "$5:$5"
    assert ws["D6"].value == 11 and ws["D6"].fill.fgColor.rgb.endswith("F8CBAD")
    assert "vượt điểm tối đa 10" in ws["D6"].comment.text
    assert ws["E6"].comment is None and ws["D7"].comment is None
    listing = [[c.value for c in row] for row in book["Danh sách lỗi"].iter_rows(min_row=2)]
    assert listing[0][:5] == ["Lỗi", "Bảng điểm", 6, "BDVTU — Chi đoàn Ban Dân vận Thành ủy", "TC1 (D)"]
    assert {r[0] for r in listing[1:]} == {"Lưu ý"}  # the units not scored yet


def test_an_ods_marked_workbook_gets_the_templates_look(tmp_path, db_url):
    """Not an .xlsx: the copy is rebuilt from the values, each cell where it was, and dressed as the template."""
    path = tmp_path / "q3.xlsx"
    write(path, {"Bảng điểm": scorecard(("DLS", "", [11, *HALF[1:]]), ("HND", "", HALF))})
    ods = convert(Path(path), "ods")
    marked = tmp_path / "q3_can_sua.xlsx"
    out = cli_main("validate", str(ods), "--marked", str(marked), db_url=db_url)
    assert out.returncode == 1
    ws = openpyxl.load_workbook(marked)["Bảng điểm"]
    assert ws["D4"].value == 11 and ws["D4"].fill.fgColor.rgb.endswith("F8CBAD")
    assert ws.freeze_panes == "D4" and ws.column_dimensions["C"].width == templates.SCORECARD_WIDTHS["unit_name"]
    assert "tối đa 10" in ws["D3"].comment.text and ws["D3"].font.bold
    assert any("D4" in str(dv.sqref) for dv in ws.data_validations.dataValidation) is False  # scores: free numbers
    assert any("B4" in str(dv.sqref) for dv in ws.data_validations.dataValidation)  # the units' codes


def test_a_marked_workbook_uploaded_again_says_no_none(tmp_path, db_url, store):
    """The marked copy sent back as it is: no problem shows "None" (its listing sheet is ours,
    a warning without a row leaves the row cell empty), and the old marks are taken off."""
    from doandata import ingest, markup, tables

    path = tmp_path / "mau.xlsx"
    cli_main("template", "scores", "-o", str(path), "--period", "2018-Q4", db_url=db_url)
    wb = openpyxl.load_workbook(path)
    wb["Bảng điểm"]["D6"] = 11
    wb["Bảng điểm"]["Q5"] = "Cột lạ"  # an unknown column: a warning
    wb.create_sheet("Ghi chú riêng")["A1"] = "một sheet không phải bảng"  # a warning without a row
    wb.save(path)
    first = ingest.inspect(path.read_bytes(), "mau.xlsx", store)
    again = markup.marked_workbook(path.read_bytes(), "mau.xlsx", first.batch.problems, store=store)
    outcome = ingest.inspect(again, "mau_can_sua.xlsx", store)
    problems = outcome.batch.problems
    assert {p.code for p in problems} == {p.code for p in first.batch.problems}
    for lang in ("vi", "en"):
        frame = tables.problems_table(problems, lang)
        shown = [str(v) for v in frame.astype(object).to_numpy().ravel()]
        assert not frame.isna().to_numpy().any() and "None" not in shown and "<NA>" not in shown
        assert not any("None" in p.line(lang) for p in problems)
    twice = openpyxl.load_workbook(io.BytesIO(markup.marked_workbook(again, "x.xlsx", problems, store=store)))
    assert twice.sheetnames.count("Danh sách lỗi") == 1
    assert twice["Bảng điểm"]["D6"].comment.text.count("vượt điểm tối đa") == 1


# ---------------------------------------------------------------- the wild corpus


def test_every_corpus_file_gets_a_clear_answer_and_nothing_is_stored(db_url, capsys, corpus):
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".xls", ".xlsx", ".xlsm", ".ods"))
    assert len(files) == 121
    before = cli_main("history", db_url=db_url).stdout
    outcomes = {}
    for path in files:
        code = cli.main(["--db", db_url, "validate", str(path)])
        captured = capsys.readouterr()
        text = (captured.out + captured.err).strip()
        assert code in (1, 2), path.name
        assert text and "Traceback" not in text and "ngoài dự kiến" not in text, path.name
        outcomes[path.name] = text.splitlines()[-1]
    assert "được đặt mật khẩu" in outcomes["pass_protected.xlsx"]
    assert "được đặt mật khẩu" in outcomes["pass_protected.ods"]
    assert "rỗng (0 byte)" in outcomes["adhocallbabynames1996to2016.xls"]
    assert "không phải là bảng tính" in outcomes["too_small.xls"]
    assert "Không tìm thấy bảng nào" in outcomes["date_1904.xlsx"]
    assert cli_main("history", db_url=db_url).stdout == before
