"""A working group's quarterly report to Thường trực (#15), read back from the .docx: its heading and
signature, its units, meetings, actions, missing reports and proposals; the Standing Committee's
report counting the actions and naming the missing reports; `report --group` on the command line."""

import io

import docx
import pytest

from doandata import reports
from tests.conftest import cli_main

Q3 = "2018-Q3"
CTHADS = "Đoàn Cục Thi hành án dân sự Thành phố"


def read(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """The document's paragraphs (body and table cells, in order of appearance) and its tables."""
    doc = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return paragraphs, tables


def cells(tables) -> list[str]:
    return [line for t in tables for row in t for cell in row for line in cell.split("\n")]


def test_the_group_report_is_headed_and_signed_for_the_group(store):
    paragraphs, tables = read(reports.build_group(store, 2, Q3))
    heading, foot = cells(tables[:1]), cells(tables[-1:])
    assert "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP" in heading and "TỔ CÔNG TÁC SỐ 2" in heading
    assert "Số:       -BC/TCT" in heading and "ĐOÀN TNCS HỒ CHÍ MINH" in heading
    assert "TP. Hồ Chí Minh, ngày     tháng     năm 2018" in heading
    assert paragraphs[1:3] == [
        "BÁO CÁO",
        "Hoạt động của Tổ công tác số 2 Quý III/2018 thực hiện Kế hoạch hỗ trợ công tác Đoàn và phong trào "
        "thanh niên các cơ sở Đoàn khó khăn, đặc thù năm 2018",
    ]
    assert [line for line in foot if line] == [
        "Nơi nhận:",
        "- Thường trực Đoàn Khối (để báo cáo);",
        "- Ban Tổ chức Đoàn Khối;",
        "- Lưu Tổ công tác.",
        "TM. TỔ CÔNG TÁC",
        "TỔ TRƯỞNG",
        "Nguyễn Thị Bích Liên",
    ]


def test_the_group_report_covers_units_meetings_actions_reports_and_proposals(store):
    paragraphs, tables = read(reports.build_group(store, 2, Q3))
    parts = [p for p in paragraphs if p[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert parts == [
        "I. ĐƠN VỊ TỔ PHỤ TRÁCH",
        "II. HỌP TỔ",
        "III. CÁC VIỆC HỖ TRỢ",
        "IV. BÁO CÁO QUÝ CỦA CÁC ĐƠN VỊ",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert "Tổ phụ trách 3 đơn vị. Kết quả bảng điểm Quý III/2018 và tiến độ của từng đơn vị:" in paragraphs
    units = tables[1]
    assert units[0] == ["Đơn vị", "Điểm 2017", "Điểm kỳ này", "Xếp loại kỳ này", "Tiến độ", "Báo cáo quý"]
    assert [r[0] for r in units[1:]] == ["Đoàn Sở Tư pháp", "Đoàn Đoàn Luật sư Thành phố", "Đoàn Sở Kế hoạch và Đầu tư"]
    assert units[2][1:] == ["61", "73", "Tiên tiến", "Đúng tiến độ", "đã nộp"]
    # group 2 did not meet in Q3 (the sample's missing meeting)
    assert "Trong Quý III/2018, Tổ chưa họp (Kế hoạch yêu cầu họp mỗi quý)." in paragraphs
    assert (
        "Đến hết Quý III/2018, phương án hỗ trợ các đơn vị của Tổ có 8 việc: 3 hoàn thành, "
        "5 chưa hoàn thành, trong đó 1 quá hạn." in paragraphs
    )
    actions = tables[2]
    assert actions[0] == ["Đơn vị", "Việc cần làm", "Phụ trách", "Hạn", "Tình trạng"]
    assert len(actions) == 1 + 8
    assert actions[1][0] == "Đoàn Sở Tư pháp" and actions[1][3:] == ["31/08/2018", "Chưa thực hiện · Quá hạn"]
    assert [r[4] for r in actions[2:]].count("Hoàn thành") == 3
    assert "Đã nhận đủ báo cáo Quý III/2018 của các đơn vị." in paragraphs
    assert any(p.startswith("- Đoàn Sở Tư pháp: ") for p in paragraphs)  # the units' own proposals


def test_a_meeting_held_is_told_with_its_conclusions_and_solutions(store):
    paragraphs, _ = read(reports.build_group(store, 1, Q3))
    met = store.meetings()
    q3 = met[(met["group_no"] == 1) & (met["period"] == Q3)].iloc[0]
    line = next(p for p in paragraphs if p.startswith("Ngày 27/09/2018, tại "))
    assert f"tại {q3['place']}: có mặt {q3['present']};" in line
    assert line.endswith("Đơn vị được bàn: Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố.")
    assert f"Kết luận: {q3['conclusions']}" in paragraphs
    assert f"- Họp tổ ngày 27/09/2018: {q3['solutions']}" in paragraphs


def test_the_missing_reports_are_named(store):
    paragraphs, _ = read(reports.build_group(store, 1, "2018-Q4"))
    assert (
        "Chưa nhận báo cáo Quý IV/2018 của: Đoàn Sở Tài chính, Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố."
        in paragraphs
    )


def test_an_edit_in_the_app_reaches_the_group_report(store):
    store.update_action("STP", 1, by="Nguyễn Trần Tuấn", status="Hoàn thành", result="Đã rà soát")
    paragraphs, tables = read(reports.build_group(store, 2, Q3))
    assert (
        "Đến hết Quý III/2018, phương án hỗ trợ các đơn vị của Tổ có 8 việc: 4 hoàn thành, "
        "4 chưa hoàn thành, trong đó 0 quá hạn." in paragraphs
    )
    assert "Quá hạn" not in " ".join(cells(tables[2:3]))


def test_the_group_report_in_english_has_no_vietnamese_of_ours(store):
    paragraphs, tables = read(reports.build_group(store, 2, Q3, lang="en"))
    foot = [line for line in cells(tables[-1:]) if line]
    assert foot[-3:] == ["FOR THE WORKING GROUP", "GROUP LEADER", "Nguyễn Thị Bích Liên"]
    assert "WORKING GROUP 2" in cells(tables[:1])
    assert "The group did not meet in Q3 2018 (the plan asks for a meeting every quarter)." in paragraphs
    assert (
        "At the end of Q3 2018 the support plans of the group's units hold 8 actions: 3 done, 5 open, 1 of them overdue."
        in paragraphs
    )
    assert tables[2][1][4] == "Not started · Overdue"


def test_the_committee_report_counts_actions_and_names_missing_reports(store):
    paragraphs, _ = read(reports.build(store, "quarter", Q3, "docx", with_images=False))
    assert (
        "Công tác hỗ trợ: phương án hỗ trợ các đơn vị có 23 việc; đến hết Quý III/2018, 10 việc hoàn thành, "
        "4 việc quá hạn." in paragraphs
    )
    assert f"Chưa nhận báo cáo Quý III/2018 của 1 đơn vị: {CTHADS}." in paragraphs


# ---------------------------------------------------------------- the command line


def test_cli_report_group_writes_the_groups_docx(db_url, tmp_path):
    out = tmp_path / "to_2.docx"
    done = cli_main(
        "report", "--group", "2", "--period", "Quý III/2018", "--number", "7", "--date", "05/10/2018",
        "-o", str(out), db_url=db_url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Đã ghi báo cáo: {out}"
    paragraphs, tables = read(out.read_bytes())
    heading = cells(tables[:1])
    assert "Số: 7-BC/TCT" in heading and "TP. Hồ Chí Minh, ngày 05 tháng 10 năm 2018" in heading
    assert "TỔ CÔNG TÁC SỐ 2" in heading
    assert "Trong Quý III/2018, Tổ chưa họp (Kế hoạch yêu cầu họp mỗi quý)." in paragraphs
    assert cells(tables[-1:])[-1] == "Nguyễn Thị Bích Liên"


def test_cli_report_group_takes_a_signer_and_a_code(db_url, tmp_path):
    out = tmp_path / "to_1.docx"
    done = cli_main(
        "report", "--period", Q3, "--group", "1", "--signer", "Võ Thành Khoa", "--code", "BC/TCT1",
        "-o", str(out), db_url=db_url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    _, tables = read(out.read_bytes())
    assert "Số:       -BC/TCT1" in cells(tables[:1])
    assert cells(tables[-1:])[-1] == "Võ Thành Khoa"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--group", "9", "-o", "x.docx"), "Không có Tổ 9; các tổ: 1, 2."),
        (("--group", "1", "-o", "x.xlsx"), "Báo cáo của tổ công tác chỉ lập thành .docx"),
    ],
)
def test_cli_report_group_refuses_what_it_cannot_write(db_url, tmp_path, args, message):
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    done = cli_main("report", "--period", Q3, *args, db_url=db_url)
    assert done.returncode == 2
    assert message in done.stderr
    assert not list(tmp_path.glob("x.*"))


def test_cli_report_without_group_is_the_committees_as_before(db_url, tmp_path):
    out = tmp_path / "bc.xlsx"
    done = cli_main("report", "--period", "so-ket", "-o", str(out), db_url=db_url)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
