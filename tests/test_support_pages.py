"""The support work on the pages (#15), through Streamlit's AppTest: what the unit, working-group and
overview pages say of the sample's support plans and meetings, and the editors' edits there (an
action's status, result and evidence; a meeting), each a history entry that can be undone."""

import datetime as dt
import io

import docx
import pytest
from streamlit.testing.v1 import AppTest

from doandata import reports
from doandata.store import Store
from pages._widgets import literal
from tests.conftest import NEXT, ROOT
from tests.test_editing import HASH, open_page, sign_in

Q3 = "2018-Q3"
CTHADS = "Đoàn Cục Thi hành án dân sự Thành phố"


@pytest.fixture
def app(db_url, monkeypatch):
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", HASH)
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def texts(app) -> list[str]:
    """What the page says in markdown, captions, alerts and text, in order of kind."""
    return [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success")
        for e in getattr(app, kind)
    ]


def table(app, first_column: str):
    """The first table whose first column is named so."""
    return next(d.value for d in app.dataframe if d.value.columns[0] == first_column)


def metrics(app) -> dict:
    return {m.label: m.value for m in app.metric}


def action(db_url, unit, number) -> dict:
    s = Store(db_url)
    try:
        rows = s.support_actions([unit])
        return rows[rows["action_no"] == number].iloc[0].to_dict()
    finally:
        s.dispose()


# ---------------------------------------------------------------- what viewers see


def test_the_unit_page_shows_the_plan_its_actions_reinforcements_and_meetings(app):
    open_page(app, "pages/don_vi.py", unit="LMHTX", q=Q3)
    said = texts(app)
    assert "Phương án hỗ trợ" in said and "Các việc hỗ trợ" in said
    assert "**Đánh giá ban đầu**" in said
    assert "**Thống nhất với Cấp ủy ngày 20/01/2018**" in said
    # KT due 30/06 and not started is overdue at the end of Q3; TH due 15/10 is open
    assert "2 việc: 0 hoàn thành, 2 chưa hoàn thành, trong đó 1 quá hạn (tính đến 30/09/2018)." in said
    actions = table(app, "Số")
    assert list(actions["Tình trạng"]) == ["Chưa thực hiện · Quá hạn", "Đang thực hiện"]
    assert list(actions["Hạn"]) == ["30/06/2018", "15/10/2018"]
    staff = table(app, "Họ và tên")
    assert list(staff["Họ và tên"]) == ["Trần Minh Hoàng"]
    assert "Công viên lịch sử" in staff["Từ đơn vị"].iloc[0] or "công viên lịch sử" in staff["Từ đơn vị"].iloc[0]
    # the Q2 meeting of group 1 discussed LMHTX
    labels = [e.label for e in app.expander]
    assert any(label.startswith("Tổ 1 — họp ngày 27/06/2018") for label in labels)
    # a viewer is told how to edit, and gets no form
    assert any("Người biên tập đăng nhập" in t for t in said)
    assert not [b for b in app.button if b.label == "Lưu cập nhật"]


def test_the_timeline_colours_done_open_and_overdue(app):
    open_page(app, "pages/don_vi.py", unit="DLS", q=Q3)
    chart = next(c for c in app.get("plotly_chart") if "Các việc hỗ trợ theo hạn" in c.proto.spec)
    assert '"Hoàn thành"' in chart.proto.spec and '"Chưa hoàn thành"' in chart.proto.spec
    assert "Hết Quý III" in chart.proto.spec  # the period's end: "/" is escaped in the JSON


def test_a_unit_without_a_plan_says_so(app):
    open_page(app, "pages/don_vi.py", unit="BDVTU", q=Q3, shown="all")
    said = texts(app)
    assert any(t.startswith("Chưa có phương án hỗ trợ cho đơn vị này.") for t in said)
    assert "Không có cán bộ tăng cường cho đơn vị này." in said


def test_the_group_page_shows_meetings_open_actions_and_missing_reports(app):
    open_page(app, "pages/to_cong_tac.py", q=Q3)
    quarters = [d.value for d in app.dataframe if d.value.columns[0] == "Quý"]
    assert list(quarters[0]["Họp tổ"]) == ["Đã họp 28/03/2018", "Đã họp 27/06/2018", "Đã họp 27/09/2018", "Chưa họp"]
    assert list(quarters[1]["Họp tổ"]) == ["Đã họp 29/03/2018", "Đã họp 28/06/2018", "Chưa họp", "Chưa họp"]
    said = texts(app)
    assert "2 việc chưa hoàn thành, trong đó 0 quá hạn; 3 việc đã hoàn thành." in said  # group 1
    assert "5 việc chưa hoàn thành, trong đó 1 quá hạn; 3 việc đã hoàn thành." in said  # group 2
    open2 = [d.value for d in app.dataframe if d.value.columns[0] == "Tên đơn vị" and "Hạn" in d.value.columns][1]
    assert open2.iloc[0]["Tình trạng"] == "Chưa thực hiện · Quá hạn"  # the overdue first
    assert open2.iloc[0]["Tên đơn vị"] == "Đoàn Sở Tư pháp"


def test_the_group_page_names_the_missing_reports(app):
    open_page(app, "pages/to_cong_tac.py", q="2018-Q4")  # nobody has reported Q4
    names = literal("Đoàn Sở Tài chính, Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố")
    assert f"Chưa nhận báo cáo Quý IV/2018 của: {names}." in [w.value for w in app.warning]


def test_the_overview_counts_actions_and_names_groups_and_missing_reports(app):
    open_page(app, "pages/tong_quan.py", q=Q3, xem="ho-tro")
    shown = metrics(app)
    assert shown["Việc đã hoàn thành"] == "10/23"
    assert shown["Việc quá hạn"] == "4"
    assert shown["Tổ chưa họp trong quý"] == "1"
    assert shown["Báo cáo quý chưa nhận"] == "1"
    assert f"Tổ chưa họp: Tổ 2. Chưa nhận báo cáo Quý III/2018 của: {CTHADS}." in texts(app)


def test_the_overview_in_english(app):
    open_page(app, "pages/tong_quan.py", q=Q3, lang="en", xem="ho-tro")
    shown = metrics(app)
    assert shown["Actions done"] == "10/23" and shown["Actions overdue"] == "4"
    assert f"Groups not met: Group 2. No Q3 2018 report yet from: {CTHADS}." in texts(app)


# ---------------------------------------------------------------- what editors do


def fill_action(app, number: int, status: str, result: str = "", evidence: str = ""):
    pick = next(s for s in app.selectbox if s.label == "Việc cần cập nhật")
    pick.set_value(number).run()
    assert not app.exception, app.exception
    next(s for s in app.selectbox if s.label == "Tình trạng").set_value(status)
    next(t for t in app.text_area if t.label == "Kết quả").input(result)
    next(t for t in app.text_input if t.label.startswith("Minh chứng")).input(evidence)
    return app


def edit_action(app, number: int, status: str, result: str = "", evidence: str = ""):
    fill_action(app, number, status, result, evidence)
    next(b for b in app.button if b.label == "Lưu cập nhật").click().run()
    assert not app.exception, app.exception
    return app


def test_an_editor_marks_an_action_done_and_undoes_it(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    open_page(app, "pages/don_vi.py", unit="LMHTX", q=Q3)
    edit_action(app, 1, "done", "Đã kiện toàn Bí thư Chi đoàn", "Quyết định số 12/QĐ")
    assert [s.value for s in app.success] == [
        f"Đã lưu cập nhật việc số 1 của Chi đoàn Liên minh Hợp tác xã Thành phố: mục lịch sử #{NEXT} "
        "(hoàn tác được ở trang Lịch sử)."
    ]
    changed = action(db_url, "LMHTX", 1)
    assert (changed["status"], changed["result"], changed["evidence"]) == (
        "done",
        "Đã kiện toàn Bí thư Chi đoàn",
        "Quyết định số 12/QĐ",
    )
    # the page says it at once: no longer overdue
    assert "2 việc: 1 hoàn thành, 1 chưa hoàn thành, trong đó 0 quá hạn (tính đến 30/09/2018)." in texts(app)
    assert table(app, "Số")["Tình trạng"].iloc[0] == "Hoàn thành"
    # the overview counts it
    open_page(app, "pages/tong_quan.py", q=Q3, xem="ho-tro")
    assert metrics(app)["Việc đã hoàn thành"] == "11/23" and metrics(app)["Việc quá hạn"] == "3"
    # the history names it, by whom, and restoring before it undoes it
    s = Store(db_url)
    try:
        entry = s.history().set_index("id").loc[NEXT]
        assert (entry["action"], entry["by"]) == ("edit", "Nguyễn Trần Tuấn")
        s.rollback(NEXT, by="Nguyễn Trần Tuấn")
    finally:
        s.dispose()
    assert action(db_url, "LMHTX", 1)["status"] == "not_started"
    open_page(app, "pages/tong_quan.py", q=Q3, xem="ho-tro")
    assert metrics(app)["Việc đã hoàn thành"] == "10/23" and metrics(app)["Việc quá hạn"] == "4"


def test_saving_nothing_new_stores_nothing(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    open_page(app, "pages/don_vi.py", unit="LMHTX", q=Q3)
    edit_action(app, 2, "in_progress")  # as it stands: in progress, no result, no evidence
    assert [i.value for i in app.info][-1] == "Không có gì thay đổi, chưa lưu gì."
    s = Store(db_url)
    try:
        assert s.history()["id"].max() == NEXT - 1
    finally:
        s.dispose()


def test_the_role_is_checked_where_the_action_is_written(app, db_url):
    """A sign-in that ended between drawing the form and sending it stores nothing: the page is a
    viewer's again (the role is checked before the form is drawn and again before the write)."""
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    open_page(app, "pages/don_vi.py", unit="LMHTX", q=Q3)
    fill_action(app, 1, "done", "x")
    app.session_state["editor_since"] = 0.0  # the session's hours run out while the form is filled in
    next(b for b in app.button if b.label == "Lưu cập nhật").click().run()
    assert not app.exception, app.exception
    assert action(db_url, "LMHTX", 1)["status"] == "not_started"
    assert not [b for b in app.button if b.label == "Lưu cập nhật"]
    assert any(t.startswith("Người biên tập đăng nhập") for t in texts(app))


def test_an_editor_records_a_meeting_and_undoes_it(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    open_page(app, "pages/to_cong_tac.py", q=Q3)
    form = {w.label: w for w in [*app.text_input, *app.text_area, *app.multiselect]}
    app.selectbox(key="meeting_group").set_value(2)
    app.date_input(key="meeting_date").set_value(dt.date(2018, 9, 28))
    form["Địa điểm"].input("Văn phòng Đoàn Khối")
    form["Có mặt"].input("Nguyễn Thị Bích Liên, Nguyễn Trần Tuấn")
    form["Vắng"].input("Phạm Hồng Khải")
    form["Đơn vị được bàn"].set_value(["DLS", "STP"])
    form["Kết luận"].input("Đoàn Sở Tư pháp rà soát cán bộ trong tháng 10")
    form["Giải pháp đề xuất"].input("Ban Tổ chức cử cán bộ hướng dẫn")
    next(b for b in app.button if b.label == "Lưu cuộc họp").click().run()
    assert not app.exception, app.exception
    assert f"Đã lưu cuộc họp của Tổ 2 ngày 28/09/2018: mục lịch sử #{NEXT} (hoàn tác được ở trang Lịch sử)." in [
        s.value for s in app.success
    ]
    quarters = [d.value for d in app.dataframe if d.value.columns[0] == "Quý"]
    assert quarters[1]["Họp tổ"].iloc[2] == "Đã họp 28/09/2018"
    open_page(app, "pages/tong_quan.py", q=Q3, xem="ho-tro")
    assert metrics(app)["Tổ chưa họp trong quý"] == "0"
    open_page(app, "pages/don_vi.py", unit="STP", q=Q3)
    assert any(e.label.startswith("Tổ 2 — họp ngày 28/09/2018") for e in app.expander)
    s = Store(db_url)
    try:
        met = s.meetings()
        row = met[(met["group_no"] == 2) & (met["period"] == Q3)].iloc[0]
        assert (row["units_discussed"], row["absent"]) == ("DLS,STP", "Phạm Hồng Khải")
        s.rollback(NEXT, by="Nguyễn Trần Tuấn")
        met = s.meetings()
        assert met[(met["group_no"] == 2) & (met["period"] == Q3)].empty
    finally:
        s.dispose()
    open_page(app, "pages/tong_quan.py", q=Q3, xem="ho-tro")
    assert metrics(app)["Tổ chưa họp trong quý"] == "1"


def test_a_second_meeting_on_the_same_day_is_refused_with_the_reason(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    open_page(app, "pages/to_cong_tac.py", q=Q3)
    app.selectbox(key="meeting_group").set_value(1)
    app.date_input(key="meeting_date").set_value(dt.date(2018, 9, 27))  # group 1 met that day
    next(b for b in app.button if b.label == "Lưu cuộc họp").click().run()
    assert not app.exception, app.exception
    assert app.error and "27/09/2018" in app.error[0].value
    s = Store(db_url)
    try:
        assert s.history()["id"].max() == NEXT - 1
    finally:
        s.dispose()


def test_viewers_get_no_meeting_form(app):
    open_page(app, "pages/to_cong_tac.py", q=Q3)
    assert not [b for b in app.button if b.label == "Lưu cuộc họp"]


def test_minutes_text_is_shown_as_typed_not_as_markdown(app, db_url):
    typed = "**đậm** [bấm](http://x.example) :red[đỏ]"
    s = Store(db_url)
    try:
        s.add_meeting(by="Nguyễn Trần Tuấn", group_no=2, meeting_date=dt.date(2018, 9, 28), units_discussed=["STP"],
                      conclusions=typed, place="<b>Phòng</b>")  # fmt: skip
    finally:
        s.dispose()
    open_page(app, "pages/don_vi.py", unit="STP", q=Q3)
    said = texts(app)
    assert f"**Kết luận:** {literal(typed)}" in said
    assert any(e.label.endswith(literal("<b>Phòng</b>")) for e in app.expander)


def test_the_reports_page_makes_a_groups_report(app, db_url):
    open_page(app, "pages/bao_cao.py", q=Q3)
    assert "Báo cáo của tổ công tác" in texts(app)
    group = next(s for s in app.selectbox if s.label == "Tổ công tác" and s.options == ["Tổ 1", "Tổ 2"])
    group.set_value(2)
    next(b for b in app.button if b.label == "Lập báo cáo của tổ").click().run()
    assert not app.exception, app.exception
    assert [d.proto.label for d in app.get("download_button")][-1] == "Tải báo cáo của tổ (.docx)"
    made = app.session_state["group_report_file"]
    assert made["name"] == "bao_cao_to_2_2018-Q3.docx"
    s = Store(db_url)
    try:
        expected = reports.build_group(s, 2, Q3)
    finally:
        s.dispose()
    # what the button hands out is the group's report of the quarter chosen
    paragraphs = [p.text for p in docx.Document(io.BytesIO(made["data"])).paragraphs]
    assert paragraphs == [p.text for p in docx.Document(io.BytesIO(expected)).paragraphs]
    assert "TỔ CÔNG TÁC SỐ 2" in [
        p.text for t in docx.Document(io.BytesIO(made["data"])).tables[:1] for p in t.rows[0].cells[0].paragraphs
    ]


def test_the_unit_and_group_pages_in_english(app):
    open_page(app, "pages/don_vi.py", unit="LMHTX", q=Q3, lang="en")
    said = texts(app)
    assert "Support plan" in said and "Reinforcement staff" in said
    assert "2 actions: 0 done, 2 open, 1 of them overdue (at 30 Sep 2018)." in said
    assert list(table(app, "No.")["Status"]) == ["Not started · Overdue", "In progress"]
    open_page(app, "pages/to_cong_tac.py", q=Q3, lang="en")
    quarters = [d.value for d in app.dataframe if d.value.columns[0] == "Quarter"]
    assert list(quarters[1]["Meeting"]) == ["Met on 29 Mar 2018", "Met on 28 Jun 2018", "Not held", "Not held"]
    assert "5 open actions, 1 of them overdue; 3 done." in texts(app)
