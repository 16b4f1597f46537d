"""Evidence in real Chromium (#19): an editor signs in on the unit page and enters a criterion's
evidence; a viewer, in a browser context of their own, reads it in the stages table as typed, markup
and all, and nothing of it runs."""

from tests.browser import choose, running_app, wait_for_app
from tests.test_editing import HASH, PASSWORD

TEXT = "**đậm** <img src=x onerror=alert(1)> Biên bản kiện toàn BCH"
LINK = "[a](javascript:alert(1))"


def test_an_editor_enters_evidence_and_a_viewer_reads_it_as_text(browser, db_url):
    with running_app(db_url, env={"DOANDATA_EDITOR_PASSWORD_HASH": HASH}) as base:
        url = f"{base}/don_vi?unit=BDMDN&q=2018-Q3"
        editor = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        editor.goto(url)
        wait_for_app(editor)
        editor.get_by_text("Người biên tập: đăng nhập để sửa", exact=True).click()  # the folded sign-in
        editor.get_by_label("Họ tên người biên tập (ghi vào lịch sử)").fill("Tống Thị Thùy Dương")
        editor.get_by_label("Mật khẩu biên tập").fill(PASSWORD)
        editor.get_by_role("button", name="Đăng nhập").click()
        header = editor.get_by_text("Thêm, sửa minh chứng — Quý III/2018", exact=True)
        header.wait_for(timeout=30000)  # signed in: the evidence form is offered
        header.click()
        choose(editor, "Tiêu chí", "TC2 —")
        wait_for_app(editor)  # the form of TC2 drawn anew (its key names the criterion)
        editor.get_by_label("Minh chứng (nội dung ngắn)").fill(TEXT)
        editor.get_by_label("Đường dẫn hoặc tên tệp văn phòng lưu").fill(LINK)
        editor.get_by_role("button", name="Lưu minh chứng").click()
        editor.get_by_text("Đã lưu minh chứng tiêu chí TC2, Quý III/2018", exact=False).wait_for(timeout=30000)

        viewer = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()  # no sign-in
        alerts = []
        viewer.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
        viewer.goto(url)
        wait_for_app(viewer)
        cell = viewer.locator("[data-testid='stDataFrame'] td", has_text="Biên bản kiện toàn BCH")
        cell.first.wait_for(state="attached", timeout=30000)  # the grid draws on a canvas; its cells are for readers
        assert cell.first.inner_text() == f"{TEXT} {LINK}"  # the asterisks, the tag and the link as typed
        assert viewer.locator("strong", has_text="đậm").count() == 0
        assert viewer.locator("img[src='x']").count() == 0 and viewer.locator("a[href^='javascript']").count() == 0
        assert viewer.get_by_role("button", name="Lưu minh chứng").count() == 0
        assert alerts == []
