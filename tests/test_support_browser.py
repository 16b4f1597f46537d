"""The support work in real Chromium (#15): an editor marks an action done on the unit page, and the
overview's counts change."""

from tests.browser import choose, running_app, show_part, wait_for_app
from tests.test_browser import metric_values
from tests.test_editing import HASH, PASSWORD

DONE, OVERDUE = "Việc đã hoàn thành", "Việc quá hạn"


def go(page, name: str) -> None:
    """Follow the sidebar's link to a page, as a person does: the session, and its sign-in, go along."""
    page.locator("[data-testid='stSidebarNav'] a", has_text=name).first.click()
    wait_for_app(page)


def support_counts(page, done: str) -> dict:
    """The overview's support counts, once the count of actions done reads `done`."""
    page.locator("[data-testid='stMetricValue']", has_text=done).wait_for(timeout=30000)
    return metric_values(page)


def test_an_editor_marks_an_action_done_and_the_overview_counts_it(browser, db_url):
    with running_app(db_url, env={"DOANDATA_EDITOR_PASSWORD_HASH": HASH}) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/tong_quan?q=2018-Q3&xem=ho-tro")  # the overview's part on the support given
        wait_for_app(page)
        before = support_counts(page, "10/23")
        assert (before[DONE], before[OVERDUE]) == ("10/23", "4")

        # a shared link to the unit; the editor signs in right there, under the unit's actions
        page.goto(f"{base}/don_vi?unit=LMHTX&q=2018-Q3")
        wait_for_app(page)
        page.get_by_text("Người biên tập đăng nhập (ô “Người biên tập: đăng nhập để sửa”", exact=False).wait_for()
        page.get_by_text("Người biên tập: đăng nhập để sửa", exact=True).click()  # the folded sign-in
        page.get_by_label("Họ tên người biên tập (ghi vào lịch sử)").fill("Tống Thị Thùy Dương")
        page.get_by_label("Mật khẩu biên tập").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("button", name="Lưu cập nhật").wait_for(timeout=30000)  # signed in, the form drawn
        assert page.locator("h1").first.inner_text() == "Chi đoàn Liên minh Hợp tác xã Thành phố"  # still here

        # LMHTX's action 1 (KT, due 30/06, not started) is overdue at the end of Q3
        page.get_by_text("2 việc: 0 hoàn thành, 2 chưa hoàn thành, trong đó 1 quá hạn", exact=False).wait_for()
        choose(page, "Tình trạng", "Hoàn thành")
        page.get_by_label("Kết quả", exact=True).fill("Đã kiện toàn Bí thư Chi đoàn")
        page.get_by_role("button", name="Lưu cập nhật").click()
        page.get_by_text("Đã lưu cập nhật việc số 1", exact=False).wait_for(timeout=30000)
        page.get_by_text("2 việc: 1 hoàn thành, 1 chưa hoàn thành, trong đó 0 quá hạn", exact=False).wait_for()

        go(page, "Tổng quan")
        show_part(page, "ho-tro")  # the support part, clicked as a person does (it may be on screen already)
        after = support_counts(page, "11/23")
        assert (after[DONE], after[OVERDUE]) == ("11/23", "3")


def test_an_editor_approves_a_groups_q3_scorecards_and_the_overview_says_so(browser, db_url):
    """#19 in Chromium: on Tổ công tác an editor signs in, confirms and records the Standing Committee's
    approval of group 1's checked Q3 scorecards (BDMDN, STC); the overview's line then counts none
    waiting for approval."""
    from tests.test_stages_pages import AFTER, BEFORE

    with running_app(db_url, env={"DOANDATA_EDITOR_PASSWORD_HASH": HASH}) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/tong_quan?q=2018-Q3")
        wait_for_app(page)
        page.get_by_text(BEFORE, exact=True).wait_for(timeout=30000)

        page.goto(f"{base}/to_cong_tac?q=2018-Q3&to=1")
        wait_for_app(page)
        page.get_by_text("2 đơn vị đã được Tổ công tác thẩm định, chờ duyệt: BDMDN, STC.").wait_for(timeout=30000)
        page.get_by_text("Người biên tập: đăng nhập để sửa", exact=True).click()  # the folded sign-in
        page.get_by_label("Họ tên người biên tập (ghi vào lịch sử)").fill("Tống Thị Thùy Dương")
        page.get_by_label("Mật khẩu biên tập").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("button", name="Ghi duyệt cho Tổ 1").wait_for(timeout=30000)  # signed in
        page.get_by_text("Ban Thường vụ đã duyệt điểm thẩm định của 2 đơn vị Tổ 1", exact=False).click()
        page.get_by_role("button", name="Ghi duyệt cho Tổ 1").click()
        page.get_by_text("Đã ghi duyệt bảng điểm của 2 đơn vị Tổ 1", exact=False).wait_for(timeout=30000)
        assert page.get_by_role("button", name="Ghi duyệt cho Tổ 1").count() == 0  # nothing waits any more

        go(page, "Tổng quan")  # the view keeps group 1: both its followed units are approved now
        page.locator("[data-testid='stMetricValue']").first.wait_for(timeout=30000)
        assert page.get_by_text("chờ Ban Thường vụ duyệt", exact=False).count() == 0
        page.goto(f"{base}/tong_quan?q=2018-Q3")  # every followed unit
        wait_for_app(page)
        page.get_by_text(AFTER, exact=True).wait_for(timeout=30000)
        assert page.get_by_text(BEFORE, exact=True).count() == 0
