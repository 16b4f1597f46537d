"""Support plans, reinforcement staff and working-group minutes (#15): reading them as offices make
them, all-or-nothing checks that name sheet, row, column and unit, history and undo of imports and of
the in-app edits, the overdue rule at its boundaries, missing meetings and reports, the CLI's JSON."""

import datetime as dt
import io
import json
import re

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from doandata import ingest, support, templates
from doandata.read import find_tables, read_sheets
from doandata.store import EditorRequired, EditRefused, UnknownAction
from tests.conftest import NEXT, SEEDED, cli_main
from tests.messy import convert, nfd

D = dt.date
DLS = "Đoàn Đoàn Luật sư Thành phố"
HND = "Chi đoàn Hội Nông dân Thành phố"
Q3 = [f"2018-Q{q}" for q in (1, 2, 3)]
QUARTERS = [*Q3, "2018-Q4"]


def lines(outcome) -> list[str]:
    return [p.line() for p in outcome.batch.problems]


def plan(rows: list[dict], reinforcements: list[dict] | None = None) -> bytes:
    parts = {"reinforcements": pd.DataFrame(reinforcements)} if reinforcements else None
    return templates.write_workbook("support", pd.DataFrame(rows), parts=parts)


def action(**values) -> dict:
    base = {"unit_code": "DLS", "item_code": "RS", "action": "Rà soát cán bộ", "owner": "Tổ 2", "due": D(2018, 9, 30)}
    return {**base, **values}


def minutes(rows: list[dict]) -> bytes:
    return templates.write_workbook("meetings", pd.DataFrame(rows))


# ---------------------------------------------------------------- reading as offices make them


def messy_plan(path):
    """A plan typed by hand: a title block, STT, headers without diacritics or in NFD, a section row
    per unit naming it (its rows leave the unit empty), text and real dates, a blank row, a signature;
    and a reinforcement sheet of its own making."""
    wb = Workbook()
    ws = wb.active
    ws.title = "PA ho tro"
    ws["A1"] = "ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP. HỒ CHÍ MINH"
    ws["A2"] = "PHƯƠNG ÁN HỖ TRỢ CƠ SỞ ĐOÀN KHÓ KHĂN, ĐẶC THÙ NĂM 2018"
    header = ["STT", "ma don vi", nfd("Tên đơn vị"), "NỘI DUNG KẾ HOẠCH", "Việc cần làm", "Người phụ trách"]
    ws.append([])
    ws.append([*header, "Thời hạn", "Trạng thái", "Kết quả", "Minh chứng"])
    ws.append(["1. " + DLS])
    ws.append(
        [1, None, None, "RS", "Rà soát cán bộ Đoàn", "Tổ 2", "15/07/2018", "hoàn thành", "Đã rà soát", "Biên bản"]
    )
    ws.append([2, None, None, "Bồi dưỡng, tập huấn nghiệp vụ cán bộ", "Cử cán bộ dự tập huấn", "Tổ 2", "31/10/2018"])
    ws.append([])
    ws.append(["2. " + HND])
    ws.append([1, "hnd", None, "CSVC - Cơ sở vật chất", "Bố trí phòng sinh hoạt", "Chi đoàn", dt.datetime(2018, 9, 30)])
    ws.cell(row=10, column=8, value="Đang thực hiện")
    ws.append([2, None, HND, "KP", "Vận động kinh phí", "Chi đoàn", "30-08-2018", "Quá hạn"])
    ws.append([])
    ws.append([None, None, "Người lập biểu"])
    extra = wb.create_sheet("Tang cuong")
    extra["A1"] = "DANH SÁCH CÁN BỘ TĂNG CƯỜNG"
    extra.append([])
    extra.append(["TT", "Họ tên", "Đơn vị cử", "Đơn vị được tăng cường", "Từ ngày", "Đến ngày", "Nhiệm vụ"])
    extra.append([1, "Trần Văn An", "Ban Tổ chức Đoàn Khối", "dls", "01/07/2018", "31/12/2018", "Hỗ trợ đại hội"])
    extra.append([2, "Lê Thị Bình", "VKSND", DLS, dt.datetime(2018, 8, 1), None, ""])
    wb.save(path)
    return path


def messy_minutes(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Bien ban"
    ws["A1"] = "TỔNG HỢP BIÊN BẢN HỌP TỔ CÔNG TÁC QUÝ III/2018"
    ws.append([])
    ws.append(["TT", "Tổ công tác", "Ngày họp", "Thành phần có mặt", "Vắng mặt", "Đơn vị được bàn", "Kết luận"])
    ws.append([1, "Tổ số 1", "28/09/2018", "4 đồng chí", "", "BDMDN\nĐoàn Sở Tài chính", "Thống nhất phân công"])
    ws.append([2, "Tổ 2", dt.datetime(2018, 9, 29), "3 đồng chí", "1 đồng chí", "dls; VKSND", "Tiếp tục theo dõi"])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messy_support")
    return {"plan": messy_plan(folder / "phuong_an.xlsx"), "minutes": messy_minutes(folder / "bien_ban.xlsx")}


def check_messy_plan(store, path):
    out = ingest.import_bytes(path.read_bytes(), path.name, store, by="Tổ 2")
    assert out.batch.ok, lines(out)
    assert [p.code for p in out.batch.problems] == ["status_overdue_typed"]
    assert out.batch.problems[0].row == 11 and out.batch.problems[0].unit == HND
    actions = store.support_actions(["DLS", "HND"])
    got = [tuple(r) for r in actions[["unit_code", "action_no", "item_code", "due", "status"]].itertuples(index=False)]
    assert [(u, n, i, str(d)[:10], s) for u, n, i, d, s in got] == [
        ("DLS", 1, "RS", "2018-07-15", "done"),
        ("DLS", 2, "TH", "2018-10-31", "not_started"),
        ("HND", 1, "CSVC", "2018-09-30", "in_progress"),
        ("HND", 2, "KP", "2018-08-30", "not_started"),  # "Quá hạn" read as not started, said
    ]
    assert actions.iloc[0]["result"] == "Đã rà soát" and actions.iloc[0]["evidence"] == "Biên bản"
    staff = store.reinforcements()
    staff = staff[staff["to_unit"] == "DLS"]
    assert staff["name"].tolist() == ["Trần Văn An", "Lê Thị Bình"]
    assert staff["from_unit"].tolist() == ["Ban Tổ chức Đoàn Khối", "VKSND"]  # another body kept as written
    assert str(staff.iloc[1]["start"])[:10] == "2018-08-01" and staff.iloc[1]["end"] is None


def test_a_hand_made_plan_reads_with_its_quirks(store, messy):
    check_messy_plan(store, messy["plan"])


def test_hand_made_minutes_read_with_their_quirks(store, messy):
    path = messy["minutes"]
    out = ingest.import_bytes(path.read_bytes(), path.name, store, by="Tổ 1")
    assert out.batch.ok and out.batch.problems == [], lines(out)
    assert out.batch.periods == ["2018-Q3"]
    q3 = store.meetings().query("period == '2018-Q3'")
    assert q3["group_no"].tolist() == [1, 2]  # "Tổ số 1", "Tổ 2"
    assert q3["units_discussed"].tolist() == ["BDMDN,STC", "DLS,VKSND"]  # by code or name, any separator
    assert q3["absent"].tolist() == ["", "1 đồng chí"]


@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_the_same_files_saved_by_libreoffice_read_alike(store, messy, fmt):
    check_messy_plan(store, convert(messy["plan"], fmt))
    path = convert(messy["minutes"], fmt)
    out = ingest.import_bytes(path.read_bytes(), path.name, store)
    assert out.batch.ok, lines(out)
    assert store.meetings().query("period == '2018-Q3'")["units_discussed"].tolist() == ["BDMDN,STC", "DLS,VKSND"]


def test_the_templates_load_and_carry_their_sheets(store):
    for kind, sheets in (("support", ["Phương án hỗ trợ", "Tăng cường cán bộ"]), ("meetings", ["Biên bản họp tổ"])):
        data = templates.write_workbook(kind, units=store.units())
        tables, _ = find_tables(read_sheets(data, "mau.xlsx"), [])
        assert [t.sheet for t in tables] == sheets and all(not t.rows for t in tables)


# ---------------------------------------------------------------- all or nothing


def test_a_plan_with_errors_stores_nothing_and_says_each(store):
    before = (len(store.history()), store.support_actions().to_json())
    data = plan(
        [
            action(unit_code="KHONGCO"),
            action(item_code="ZZ"),
            action(action="", owner="", due="31/02/2018"),
            action(status="Tạm dừng"),
        ],
        [{"name": "Trần Văn An", "from_unit": "VKSND", "to_unit": "XYZ", "start": D(2018, 9, 1), "end": D(2018, 8, 1)}],
    )
    out = ingest.import_bytes(data, "pa.xlsx", store)
    assert not out.batch.ok and out.imported is None
    assert (len(store.history()), store.support_actions().to_json()) == before
    said = lines(out)
    assert said == [
        "Lỗi: Sheet Phương án hỗ trợ, dòng 6 (KHONGCO), cột Mã đơn vị (B): Không có đơn vị “KHONGCO” trong danh sách đơn vị. "
        "Hãy kiểm tra mã (hoặc tên) đơn vị, hoặc bổ sung đơn vị vào Danh sách đơn vị trước.",
        f"Lỗi: Sheet Phương án hỗ trợ, dòng 7 (DLS — {DLS}), cột Nội dung kế hoạch (D): Mã nội dung kế hoạch “ZZ” "
        "không có. Hãy dùng một trong: RS, KT, TH, LT, CSVC, PT, KP, DH.",
        f"Lỗi: Sheet Phương án hỗ trợ, dòng 8 (DLS — {DLS}), cột Việc cần làm (E): Ô này bắt buộc nhưng đang để trống. "
        "Hãy điền vào.",
        f"Lỗi: Sheet Phương án hỗ trợ, dòng 8 (DLS — {DLS}), cột Người/bộ phận phụ trách (F): Ô này bắt buộc nhưng "
        "đang để trống. Hãy điền vào.",
        f"Lỗi: Sheet Phương án hỗ trợ, dòng 8 (DLS — {DLS}), cột Hạn (G): “31/02/2018” không phải là ngày. "
        "Hãy nhập theo dạng ngày/tháng/năm, ví dụ 28/03/2018.",
        f"Lỗi: Sheet Phương án hỗ trợ, dòng 9 (DLS — {DLS}), cột Trạng thái (I): Tình trạng “Tạm dừng” không hiểu "
        "được. Hãy chọn một trong: Chưa thực hiện, Đang thực hiện, Hoàn thành.",
        "Lỗi: Sheet Tăng cường cán bộ, dòng 6 (XYZ), cột Đến đơn vị (D): Không có đơn vị “XYZ” trong danh sách đơn vị. "
        "Hãy kiểm tra mã (hoặc tên) đơn vị, hoặc bổ sung đơn vị vào Danh sách đơn vị trước.",
        "Lỗi: Sheet Tăng cường cán bộ, dòng 6 (XYZ), cột Đến ngày (F): Đến ngày 01/08/2018 trước Từ ngày 01/09/2018. "
        "Hãy kiểm tra lại hai ngày.",
    ]


def test_minutes_with_errors_store_nothing_and_say_each(store):
    before = len(store.history())
    data = minutes(
        [
            {"group_no": "Tổ 7", "meeting_date": D(2018, 9, 28), "units_discussed": "DLS, Đơn vị không có"},
            {"group_no": 1, "meeting_date": "hôm qua"},
            {"group_no": 2, "meeting_date": D(2018, 9, 20)},
            {"group_no": "Tổ số 2", "meeting_date": "20/09/2018"},
            {"group_no": 1, "meeting_date": D(2019, 1, 5)},  # outside the plan's quarters: a warning only
        ]
    )
    out = ingest.import_bytes(data, "bb.xlsx", store)
    assert not out.batch.ok and len(store.history()) == before
    assert lines(out) == [
        "Lỗi: Sheet Biên bản họp tổ, dòng 6 (Tổ 7), cột Tổ (B): Không có tổ công tác “7”. Các tổ đã có: Tổ 1, Tổ 2. "
        "Hãy sửa số tổ, hoặc tải lên danh sách Tổ công tác trước.",
        "Lỗi: Sheet Biên bản họp tổ, dòng 6 (Tổ 7), cột Đơn vị được bàn (G): Không có đơn vị “Đơn vị không có” trong "
        "danh sách đơn vị. Hãy kiểm tra mã (hoặc tên) đơn vị, hoặc bổ sung đơn vị vào Danh sách đơn vị trước.",
        "Lỗi: Sheet Biên bản họp tổ, dòng 7 (Tổ 1), cột Ngày họp (C): “hôm qua” không phải là ngày. Hãy nhập theo dạng "
        "ngày/tháng/năm, ví dụ 28/03/2018.",
        "Lỗi: Sheet Biên bản họp tổ, dòng 9 (Tổ 2), cột Ngày họp (C): Tổ 2 có hai dòng cùng ngày họp 20/09/2018 "
        "(lần đầu ở dòng 8). Mỗi cuộc họp ghi một dòng.",
        "Lưu ý: Sheet Biên bản họp tổ, dòng 10 (Tổ 1), cột Ngày họp (C): Ngày họp 05/01/2019 không thuộc quý nào của "
        "kế hoạch (Quý I/2018, Quý II/2018, Quý III/2018, Quý IV/2018): cuộc họp vẫn được lưu nhưng không được tính "
        "cho quý nào. Hãy kiểm tra lại năm của ngày họp.",
    ]


def test_upload_text_is_stored_without_control_characters(store):
    out = ingest.import_bytes(plan([action(action="Rà soát\x07 cán bộ\u202e", result="=1+1")]), "pa.xlsx", store)
    assert out.batch.ok, lines(out)
    row = store.support_actions(["DLS"]).iloc[0]
    assert row["action"] == "Rà soát cán bộ" and row["result"] == "=1+1"  # stored as typed text
    again = templates.write_workbook("support", store.support_actions(["DLS"]))
    cell = load_workbook(io.BytesIO(again)).worksheets[0]["J6"]
    assert cell.value == "=1+1" and cell.data_type == "s"  # written back as text, never a formula


# ---------------------------------------------------------------- history and undo


def test_a_plan_upload_replaces_its_units_plans_and_undoes(any_store):
    sample = any_store.support_actions()
    out = ingest.import_bytes(plan([action(), action(item_code="KT", action="Kiện toàn")]), "pa_dls.xlsx", any_store)
    assert out.imported.id == NEXT and (out.imported.rows_added, out.imported.rows_replaced) == (1, 1)
    now = any_store.support_actions()
    assert now[now["unit_code"] == "DLS"]["item_code"].tolist() == ["RS", "KT"]
    assert (
        now[now["unit_code"] != "DLS"]
        .reset_index(drop=True)
        .equals(sample[sample["unit_code"] != "DLS"].reset_index(drop=True))
    )
    undo = any_store.rollback(out.imported.id, by="Ban Tổ chức")
    assert any_store.support_actions().equals(sample)
    any_store.rollback(undo)  # undo the undo
    assert any_store.support_actions(["DLS"])["item_code"].tolist() == ["RS", "KT"]


def test_minutes_replace_their_groups_quarter_and_undo(any_store):
    sample = any_store.meetings()
    data = minutes([{"group_no": 2, "meeting_date": D(2018, 9, 26), "units_discussed": "DLS"}])
    out = ingest.import_bytes(data, "bb_to_2_q3.xlsx", any_store, by="Tổ 2")
    assert out.imported.id == NEXT and any_store.upload(NEXT)["periods"] == "2018-Q3"
    assert support.meetings_missing(any_store.meetings(), [1, 2], Q3) == {1: [], 2: []}
    any_store.rollback(out.imported.id)
    assert any_store.meetings().equals(sample)
    assert support.meetings_missing(any_store.meetings(), [1, 2], Q3) == {1: [], 2: ["2018-Q3"]}


def test_an_action_edited_in_the_app_is_an_entry_that_undoes(any_store):
    before = any_store.support_actions(["DLS"])
    entry = any_store.update_action(
        "DLS", 3, by="Tống Thị Thùy Dương", status="Hoàn thành", result="Đã bố trí\x00 tủ hồ sơ", evidence="Ảnh chụp"
    )
    assert entry == NEXT
    row = any_store.upload(entry)
    assert (row["action"], row["kinds"], row["by"], row["rows_replaced"]) == (
        "edit",
        "support",
        "Tống Thị Thùy Dương",
        1,
    )
    after = any_store.support_actions(["DLS"])
    assert after.loc[2, ["status", "result", "evidence"]].tolist() == ["done", "Đã bố trí tủ hồ sơ", "Ảnh chụp"]
    assert after.drop(index=2).equals(before.drop(index=2))  # the plan's other actions as they were
    assert any_store.update_action("DLS", 3, by="Tống Thị Thùy Dương", status="done") is None  # no change, no entry
    any_store.rollback(entry, by="Ban Tổ chức")
    assert any_store.support_actions(["DLS"]).equals(before)


def test_a_meeting_added_in_the_app_is_an_entry_that_undoes(any_store):
    entry = any_store.add_meeting(
        by="Nguyễn Thị Bích Liên",
        group_no=2,
        meeting_date=D(2018, 9, 28),
        place="Văn phòng Đoàn Khối",
        present="4 đồng chí",
        units_discussed=["DLS", "Đoàn Viện Kiểm sát nhân dân Thành phố"],
        conclusions="Tiếp tục\x1b theo dõi",
    )
    assert entry == NEXT and any_store.upload(entry)["periods"] == "2018-Q3"
    q3 = any_store.meetings().query("group_no == 2 and period == '2018-Q3'")
    assert q3[["units_discussed", "conclusions"]].values.tolist() == [["DLS,VKSND", "Tiếp tục theo dõi"]]
    assert support.meetings_missing(any_store.meetings(), [1, 2], Q3)[2] == []
    any_store.rollback(entry, by="Ban Tổ chức")
    assert support.meetings_missing(any_store.meetings(), [1, 2], Q3)[2] == ["2018-Q3"]


def test_edits_are_refused_with_a_message_and_store_nothing(store):
    count = len(store.history())
    with pytest.raises(EditorRequired) as caught:
        store.update_action("DLS", 1, by="  ", status="done")
    assert caught.value.message().startswith("Chỉ người biên tập đã đăng nhập mới sửa được")
    with pytest.raises(UnknownAction) as caught:
        store.update_action("DLS", 9, by="Tổ 2", status="done")
    assert caught.value.message() == "Phương án hỗ trợ của đơn vị DLS không có việc số 9."
    with pytest.raises(EditRefused) as caught:
        store.update_action("DLS", 1, by="Tổ 2", status="Quá hạn")
    assert caught.value.message() == (
        "Không chọn được trạng thái “Quá hạn”: ứng dụng tự tính quá hạn từ Hạn và Trạng thái. "
        "Hãy chọn một trong: Chưa thực hiện, Đang thực hiện, Hoàn thành."
    )
    with pytest.raises(EditRefused) as caught:
        store.add_meeting(by="Tổ 5", group_no=5, meeting_date=D(2018, 9, 1), units_discussed=["ZZZ"])
    assert caught.value.message().splitlines() == [
        "Không có tổ công tác “5”. Các tổ đã có: Tổ 1, Tổ 2. Hãy sửa số tổ, hoặc tải lên danh sách Tổ công tác trước.",
        "Không có đơn vị “ZZZ” trong danh sách đơn vị. Hãy kiểm tra mã (hoặc tên) đơn vị, hoặc bổ sung đơn vị vào "
        "Danh sách đơn vị trước.",
    ]
    with pytest.raises(EditRefused) as caught:
        store.add_meeting(by="Tổ 2", group_no=2, meeting_date=D(2018, 6, 28))
    assert caught.value.message().startswith("Tổ 2 đã có cuộc họp ngày 28/06/2018.")
    with pytest.raises(EditorRequired):
        store.add_meeting(by="", group_no=2, meeting_date=D(2018, 9, 28))
    assert len(store.history()) == count


# ---------------------------------------------------------------- the rules


def test_a_period_ends_on_its_last_day():
    assert [support.period_end(p) for p in QUARTERS] == [
        D(2018, 3, 31),
        D(2018, 6, 30),
        D(2018, 9, 30),
        D(2018, 12, 31),
    ]
    assert support.period_end("2017") == D(2017, 12, 31)
    assert support.judged_at("2018-Q3") == D(2018, 9, 30)
    assert (
        support.judged_at("now", today=D(2018, 8, 1)) == support.judged_at(None, today=D(2018, 8, 1)) == D(2018, 8, 1)
    )


@pytest.mark.parametrize(
    "due, status, overdue",
    [
        (D(2018, 9, 29), "not_started", True),  # the day before the period's end
        (D(2018, 9, 29), "in_progress", True),
        (D(2018, 9, 29), "done", False),  # done is never overdue
        (D(2018, 9, 30), "not_started", False),  # due on the last day: not before it
        (D(2018, 10, 1), "in_progress", False),
        ("2018-09-29", "not_started", True),  # as a frame may hold it
        (None, "not_started", False),
    ],
)
def test_overdue_is_due_before_the_day_and_not_done(due, status, overdue):
    assert support.is_overdue(due, status, support.judged_at("2018-Q3")) is overdue


def test_overdue_for_now_is_judged_at_today():
    today = D(2018, 8, 15)
    frame = pd.DataFrame({"due": [D(2018, 8, 14), D(2018, 8, 15)], "status": ["in_progress", "in_progress"]})
    assert support.with_overdue(frame, support.judged_at("now", today))["overdue"].tolist() == [True, False]
    assert support.with_overdue(frame.iloc[:0], today)["overdue"].tolist() == []


def test_each_group_meetings_actions_and_missing_reports(store):
    units, members, reports = store.units(), store.members(), store.reports()
    meetings, actions = store.meetings(), store.support_actions()
    counts = support.meetings_per_quarter(meetings, [1, 2], QUARTERS)
    assert counts.loc[1].tolist() == [1, 1, 1, 0] and counts.loc[2].tolist() == [1, 1, 0, 0]
    assert support.meetings_missing(meetings, [1, 2], Q3) == {1: [], 2: ["2018-Q3"]}
    summary = support.group_summary(units, members, actions, meetings, reports, QUARTERS, "2018-Q3").set_index(
        "group_no"
    )
    assert summary.loc[1, ["actions", "open", "overdue", "done"]].tolist() == [5, 2, 0, 3]  # BDMDN's and STC's plans
    assert summary.loc[2, ["actions", "open", "overdue", "done"]].tolist() == [8, 5, 1, 3]  # DLS, STP (RS late), SKHDT
    assert summary.loc[2, "2018-Q3"] == 0 and summary.loc[1, "missing_reports"] == []
    # CTHADS sent no Q3 report: a group that follows it says so by name, in the unit list's order
    assigned = units.assign(group_no=units["group_no"].where(~units["unit_code"].isin(["CTHADS", "HND"]), 1))
    assert sorted(support.group_units(assigned, members, 1)) == ["BDMDN", "CTHADS", "HND", "STC"]
    assert support.missing_reports(assigned, members, reports, 1, "2018-Q3") == [
        "Đoàn Cục Thi hành án dân sự Thành phố"
    ]
    assert sorted(support.missing_reports(assigned, members, reports, 1, "2018-Q4")) == [
        "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố",
        HND,
        "Đoàn Cục Thi hành án dân sự Thành phố",
        "Đoàn Sở Tài chính",
    ]
    overdue = support.group_summary(assigned, members, actions, meetings, reports, QUARTERS, "2018-Q3")
    assert overdue.set_index("group_no").loc[1, "overdue"] == 1  # CTHADS's KT, due 31/07, running


def test_a_group_follows_only_the_units_of_its_own_members(store):
    units = store.units().assign(group_no=None)
    members = store.members()
    assert support.group_units(units, members, 1) == ["BDMDN"]  # named by group 1's members alone
    assert support.group_units(units, members, 2) == ["DLS"]
    assert support.unit_groups(store.units(), members) == {"BDMDN": 1, "DLS": 2, "STC": 1, "STP": 2, "SKHDT": 2}


# ---------------------------------------------------------------- the command line


def test_actions_json(db_url):
    out = cli_main("actions", "--period", "2018-Q3", "--json", db_url=db_url)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 23 and all(
        list(r) == ["unit_code", "group", "item", "action", "owner", "partner", "due", "status", "overdue", "result"]
        for r in rows
    )
    assert all(re.fullmatch(r"2018-\d\d-\d\d", r["due"]) and r["status"] in ("todo", "doing", "done") for r in rows)
    late = {(r["unit_code"], r["item"]) for r in rows if r["overdue"]}
    assert late == {("CTHADS", "KT"), ("HCTD", "PT"), ("LMHTX", "KT"), ("STP", "RS")}
    first = rows[0]
    assert first == {
        "unit_code": "BDMDN",
        "group": 1,
        "item": "RS",
        "action": "Rà soát, bổ sung cán bộ Đoàn còn thiếu sau sắp xếp",
        "owner": "Nguyễn Trần Tuấn",
        "partner": "Cấp ủy đơn vị",
        "due": "2018-03-31",
        "status": "done",
        "overdue": False,
        "result": "Ví dụ minh họa: bổ sung 1 Phó Bí thư Chi đoàn",
    }
    assert {r["group"] for r in rows if r["unit_code"] == "CTHADS"} == {None}
    # LMHTX's KT is due 30/06: not overdue at Q2's end, overdue at Q3's
    q2 = json.loads(cli_main("actions", "--period", "Quý II/2018", "--json", db_url=db_url).stdout)
    assert [r for r in q2 if r["overdue"]] == []
    group2 = json.loads(cli_main("actions", "--period", "2018-Q3", "--group", "2", "--json", db_url=db_url).stdout)
    assert {r["unit_code"] for r in group2} == {"DLS", "STP", "SKHDT"} and len(group2) == 8


def test_actions_as_text_and_bad_input(db_url):
    out = cli_main("actions", "--period", "2018-Q3", db_url=db_url)
    assert out.returncode == 0
    assert (
        "LMHTX    #1   KT    30/06/2018  Chưa thực hiện   QUÁ HẠN   Kiện toàn chức danh Bí thư Chi đoàn" in out.stdout
    )
    bad = cli_main("actions", "--period", "2018-Q9", db_url=db_url)
    assert bad.returncode == 2 and bad.stderr.startswith("Kỳ “2018-Q9” không hợp lệ.") and "now" in bad.stderr
    bad = cli_main("meetings", "--group", "hai", db_url=db_url)
    assert bad.returncode == 2 and "“hai” không phải là số cho --group" in bad.stderr and "Traceback" not in bad.stderr
    helped = cli_main("actions", "--help", db_url=db_url)
    assert helped.returncode == 0 and "quá hạn là Hạn trước ngày cuối kỳ" in helped.stdout


def test_meetings_json(db_url):
    out = cli_main("meetings", "--json", db_url=db_url)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["group"], r["date"], r["period"]) for r in rows] == [
        (1, "2018-03-28", "2018-Q1"),
        (1, "2018-06-27", "2018-Q2"),
        (1, "2018-09-27", "2018-Q3"),
        (2, "2018-03-29", "2018-Q1"),
        (2, "2018-06-28", "2018-Q2"),
    ]
    assert all(list(r) == ["group", "date", "period", "present", "absent", "units", "conclusions"] for r in rows)
    assert rows[1]["units"] == ["BDMDN", "LMHTX"] and rows[1]["absent"] == "Nguyễn Như Tâm"
    assert "Nguyễn Như Tâm" not in rows[1]["present"] and "Phạm Văn Linh" in rows[1]["present"]
    assert len(json.loads(cli_main("meetings", "--group", "2", "--json", db_url=db_url).stdout)) == 2
    text = cli_main("meetings", "--lang", "en", db_url=db_url).stdout.splitlines()
    assert text[0] == "Group 1  28 Mar 2018  Q1 2018  at Văn phòng Đoàn Khối; units discussed: BDMDN"


def test_template_import_and_history_from_the_cli(db_url, tmp_path):
    for kind in ("support", "meetings"):
        out = cli_main("template", kind, "-o", str(tmp_path / f"{kind}.xlsx"), db_url=db_url)
        assert out.returncode == 0 and (tmp_path / f"{kind}.xlsx").is_file()
    path = tmp_path / "pa.xlsx"
    path.write_bytes(plan([action(status="Đang thực hiện")]))
    out = cli_main("import", str(path), "--by", "Tổ 2", db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"Đã lưu lần tải lên #{NEXT}: Phương án hỗ trợ, kỳ —, 1 dòng, 1 đơn vị."
    newest = cli_main("history", db_url=db_url).stdout.splitlines()
    assert len(newest) == SEEDED + 1 and newest[0].startswith(f"#{NEXT} ") and "support" in newest[0]
    path.write_bytes(plan([action(status="Quá hạn", item_code="XX")]))
    out = cli_main("import", str(path), db_url=db_url)
    assert out.returncode == 1 and "Mã nội dung kế hoạch “XX” không có" in out.stderr
    assert "Trạng thái “Quá hạn” không cần ghi" in out.stderr  # the warning is said with the errors


@pytest.mark.parametrize("kind", ["support", "meetings"])
def test_every_template_filled_in_by_hand_imports(kind, tmp_path, db_url):
    path = tmp_path / f"mau_{kind}.xlsx"
    assert cli_main("template", kind, "-o", str(path), db_url=db_url).returncode == 0
    empty = cli_main("import", str(path), db_url=db_url)
    assert empty.returncode == 1 and "không có dòng số liệu nào" in empty.stderr  # a blank template stores nothing
    wb = load_workbook(path)
    fills = {
        "support": [
            {"Mã đơn vị": "HCTD", "Nội dung kế hoạch": "PT", "Việc cần làm": "Một việc", "Hạn": "30/11/2018"},
            {"Họ và tên": "Lê Văn Mới", "Từ đơn vị": "MTTQ", "Đến đơn vị": "HCTD", "Từ ngày": "01/10/2018"},
        ],
        "meetings": [{"Tổ": "Tổ 2", "Ngày họp": "27/09/2018", "Đơn vị được bàn": "DLS", "Kết luận": "Đã họp"}],
    }[kind]
    for ws, fill in zip(wb.worksheets, fills):
        header = {c.value: c.column for c in ws[5] if c.value}
        for text, value in {**fill, "Người/bộ phận phụ trách": "Chi đoàn"}.items():
            if text in header:
                ws.cell(row=6, column=header[text], value=value)
    wb.save(path)
    out = cli_main("import", str(path), "--by", "Tổ 2", db_url=db_url)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith(f"Đã lưu lần tải lên #{NEXT}")
    if kind == "meetings":
        rows = json.loads(cli_main("meetings", "--group", "2", "--json", db_url=db_url).stdout)
        assert [r["date"] for r in rows] == ["2018-03-29", "2018-06-28", "2018-09-27"]  # Q3 no longer missing
    else:
        rows = json.loads(cli_main("actions", "--period", "2018-Q4", "--json", db_url=db_url).stdout)
        assert [r["action"] for r in rows if r["unit_code"] == "HCTD"] == ["Một việc"]


def test_a_meeting_is_linked_to_the_actions_it_set_or_changed(store):
    meetings = store.meetings().set_index(["group_no", "meeting_date"], drop=False)
    q2 = meetings.loc[(1, D(2018, 6, 27))].to_dict()  # group 1's Q2 meeting discussed BDMDN and LMHTX
    linked = support.linked_actions(store.support_actions(), q2)
    assert linked[["unit_code", "item_code"]].values.tolist() == [["BDMDN", "LT"], ["LMHTX", "KT"]]
    # an editor marks CTHADS's KT done as group 1 decided on 27/09: the Q3 meeting now lists it, if it discussed CTHADS
    entry = store.update_action("CTHADS", 2, by="Phạm Văn Linh", status="done", meeting_date=D(2018, 9, 27))
    q3 = {**meetings.loc[(1, D(2018, 9, 27))].to_dict(), "units_discussed": "BDMDN,CTHADS"}
    assert support.linked_actions(store.support_actions(), q3)[["unit_code", "item_code"]].values.tolist() == [
        ["CTHADS", "KT"]
    ]
    store.rollback(entry)
    assert support.linked_actions(store.support_actions(), q3).empty
    assert support.linked_actions(store.support_actions().iloc[:0], q3).empty


def test_the_overview_counts_actions_and_names_what_is_missing(store):
    from doandata import metrics

    units, meetings = store.units(), store.meetings()
    followed = metrics.of_period(store, "2018-Q3")
    expected = followed.loc[followed["followed"], "unit_code"].tolist()
    groups = support.groups_of(units, store.members(), meetings)
    said = support.overview(units, store.support_actions(), meetings, store.reports(), groups, "2018-Q3", expected)
    assert said == {
        "actions": 23,
        "done": 10,
        "overdue": 4,
        "groups_not_met": [2],
        "reports_missing": ["Đoàn Cục Thi hành án dân sự Thành phố"],
    }
    q4 = support.overview(units, store.support_actions(), meetings, store.reports(), groups, "2018-Q4", expected)
    assert q4["groups_not_met"] == [1, 2] and len(q4["reports_missing"]) == len(expected) == 9
    assert q4["overdue"] == 23 - 10  # every action not done is due before 31/12/2018


def test_taking_the_sample_out_takes_its_plans_and_minutes_and_undoes(store):
    entry = store.remove_sample(by="Ban Tổ chức")
    assert store.support_actions().empty and store.reinforcements().empty and store.meetings().empty
    store.rollback(entry, by="Ban Tổ chức")
    assert len(store.support_actions()) == 23 and len(store.reinforcements()) == 1 and len(store.meetings()) == 5


def test_a_unit_listed_without_actions_is_skipped_and_said(store):
    data = plan([{"unit_code": "HND", "unit_name": HND}, action()])
    out = ingest.import_bytes(data, "pa.xlsx", store)
    assert out.batch.ok and lines(out) == [
        f"Lưu ý: Sheet Phương án hỗ trợ, dòng 6 (HND — {HND}), cột Mã đơn vị (B): Dòng của đơn vị HND còn trống nên "
        "được bỏ qua."
    ]
    assert len(store.support_actions(["HND"])) == 3  # the sample's plan for HND stays
    assert store.support_actions(["DLS"])["action"].tolist() == ["Rà soát cán bộ"]


def test_what_a_groups_quarterly_report_holds(store):
    frames = dict(
        units=store.units(),
        members=store.members(),
        actions=store.support_actions(),
        meetings=store.meetings(),
        reports=store.reports(),
    )
    q3 = support.group_quarter(**frames, group_no=2, quarter="2018-Q3")
    assert sorted(q3["units"]["unit_code"]) == ["DLS", "SKHDT", "STP"]
    assert q3["meetings"].empty and q3["missing_reports"] == []  # group 2 did not meet in Q3
    assert q3["overdue"][["unit_code", "item_code"]].values.tolist() == [["STP", "RS"]]
    assert len(q3["actions"]) == 8 and sorted(q3["proposals"]["unit_code"]) == ["DLS", "SKHDT", "STP"]
    q2 = support.group_quarter(**frames, group_no=1, quarter="2018-Q2")
    assert q2["meetings"]["meeting_date"].astype(str).tolist() == ["2018-06-27"]
    assert q2["meetings"].iloc[0]["absent"] == "Nguyễn Như Tâm" and q2["overdue"].empty
