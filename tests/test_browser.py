"""The real app in real Chromium: links people share open exactly their view."""

import time
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
import sqlalchemy as sa

from doandata import brief, i18n
from doandata.settings import Settings
from pages._filters import OVERVIEW_PARTS
from tests.browser import (
    CHART_PARTS,
    choose,
    overview_links,
    running_app,
    selected_part,
    show_part,
    wait_for_app,
)
from tests.conftest import NEXT, SEEDED


def metric_values(page) -> dict:
    """The page's metrics, label → value, once they are drawn (a cold server may still be on its
    second run when the text first settles)."""
    page.wait_for_selector("[data-testid='stMetricLabel']", timeout=30000)
    labels = page.locator("[data-testid='stMetricLabel']").all_inner_texts()
    values = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    return dict(zip([label.strip() for label in labels], [v.strip() for v in values]))


def test_a_cold_deep_link_opens_the_unit_with_our_navigation(browser, db_url):
    # the very first request after the server starts is a shared link to a unit, in English
    with running_app(db_url) as base:
        page = browser.new_page()
        page.goto(f"{base}/don_vi?unit=LMHTX&q=2018-Q2&lang=en")
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == "Chi đoàn Liên minh Hợp tác xã Thành phố"
        assert page.locator("text=Page not found").count() == 0
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Overview" in nav and "Unit" in nav and "state" not in nav
        m = metric_values(page)
        assert m["Total Q2 2018"] == "58" and m["Status"] == "Behind"


def test_an_overview_link_reopens_its_filters(browser, db_url):
    with running_app(db_url) as base:
        page = browser.new_page()
        page.goto(f"{base}/tong_quan?q=2018-Q3&cum=8&ds=dac-thu")
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == "Tổng quan tiến độ — Quý III/2018"
        m = metric_values(page)
        assert (m["Đúng tiến độ"], m["Cần chú ý"], m["Chậm tiến độ"]) == ("1", "0", "1")  # BDMDN, LMHTX
        assert page.locator("text=Page not found").count() == 0
        # the app's root forwards to the overview with the same query
        root = browser.new_page()
        root.goto(f"{base}/?q=2018-Q1&lang=en")
        wait_for_app(root)
        assert root.url == f"{base}/tong_quan?q=2018-Q1&lang=en"
        assert root.locator("h1").first.inner_text() == "Progress overview — Q1 2018"
        assert root.locator("text=Page not found").count() == 0
        chosen = [
            i.input_value() for i in page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox'] input").all()
        ]
        assert chosen == ["Quý III/2018", "Cụm 8", "Tất cả các tổ", "Chỉ đơn vị đặc thù"]


def test_every_page_opens_from_the_navigation(browser, db_url):
    """A viewer clicks through the whole menu, in Vietnamese then in English: each page shows its
    own heading, no error box, and keeps the chosen quarter in its address."""
    from doandata import i18n

    with running_app(db_url) as base:
        for lang in ("vi", "en"):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/tong_quan?q=2018-Q2&lang={lang}")
            wait_for_app(page)
            pname = i18n.period_name("2018-Q2", lang)
            expected = {
                "nav.overview": i18n.t("overview.header", lang, period=pname),
                "nav.unit": "Đoàn Cục Thi hành án dân sự Thành phố",  # the first followed unit of the list
                "nav.groups": i18n.t("groups.header", lang, period=pname),
                "nav.clusters": i18n.t("clusters.header", lang, period=pname),
                "nav.reports": i18n.t("reports.header", lang),
                "nav.meeting": i18n.t("hop.header", lang, at=i18n.fmt_date(brief.default_at(Settings()), lang)),
                "nav.commendations": i18n.t("commend.header", lang),
                "nav.templates": i18n.t("templates.header", lang),
                "nav.upload": i18n.t("upload.header", lang),
                "nav.history": i18n.t("history.header", lang),
                "nav.settings": i18n.t("settings.header", lang),
            }
            for key, heading in expected.items():
                page.locator("[data-testid='stSidebarNav'] a", has_text=i18n.t(key, lang)).first.click()
                wait_for_app(page)
                assert page.locator("h1").first.inner_text() == heading, key
                assert page.locator("[data-testid='stException']").count() == 0, key
                assert "q=2018-Q2" in page.url, key


def test_no_request_leaves_the_app(browser, db_url):
    """Office networks have no internet: every page, its icons and its favicon come from the app
    itself. The favicon once came from an external font host (a Material icon as page_icon)."""
    from doandata import i18n

    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        own, outside = urlsplit(base).netloc, []

        def only_the_app(route):
            if urlsplit(route.request.url).netloc == own:
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_app)
        page.goto(f"{base}/tong_quan?q=2018-Q2")
        wait_for_app(page)
        headings = {
            "nav.overview": i18n.t("overview.header", "vi", period="Quý II/2018"),
            "nav.unit": "Đoàn Cục Thi hành án dân sự Thành phố",
            "nav.groups": i18n.t("groups.header", "vi", period="Quý II/2018"),
            "nav.clusters": i18n.t("clusters.header", "vi", period="Quý II/2018"),
            "nav.reports": i18n.t("reports.header", "vi"),
            "nav.meeting": i18n.t("hop.header", "vi", at=i18n.fmt_date(brief.default_at(Settings()), "vi")),
            "nav.commendations": i18n.t("commend.header", "vi"),
            "nav.templates": i18n.t("templates.header", "vi"),
            "nav.upload": i18n.t("upload.header", "vi"),
            "nav.history": i18n.t("history.header", "vi"),
            "nav.settings": i18n.t("settings.header", "vi"),
        }
        # plotly charts each page draws; the first followed unit (CTHADS) reports its plan items and
        # has a support plan (its actions' timeline) and its self-scores beside the checked ones (#19);
        # the overview draws one in each part that has one; the meeting brief its chart twice, for the
        # screen and for print (#20)
        charts = {"nav.overview": 1, "nav.unit": 5, "nav.clusters": 1, "nav.meeting": 2}

        def drawn(key: str, n: int) -> None:
            page.locator(".js-plotly-plot .main-svg").nth(n - 1).wait_for(timeout=30000)
            assert page.locator(".js-plotly-plot").count() == n, key

        for key, heading in headings.items():
            page.locator("[data-testid='stSidebarNav'] a", has_text=i18n.t(key, "vi")).first.click()
            wait_for_app(page)
            assert page.locator("h1").first.inner_text() == heading, key
            assert page.locator("[data-testid='stException']").count() == 0, key
            if key in charts:
                drawn(key, charts[key])
            if key == "nav.overview":  # every other part of the overview, clicked as a person does
                for part in (*OVERVIEW_PARTS[1:], OVERVIEW_PARTS[0]):
                    show_part(page, part)
                    assert page.locator("[data-testid='stException']").count() == 0, part
                    if part in CHART_PARTS:
                        drawn(part, 1)
            icon = page.evaluate("document.querySelector(\"link[rel*='icon']\").href")
            assert icon.startswith(("data:", base)), (key, icon)
            assert icon.startswith("data:") or page.request.get(icon).ok, (key, icon)
        assert outside == []


def downloaded(page, button: str, folder):
    """Click a download button as a user does; the file saved under the name the browser suggests."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_a_downloaded_template_filled_in_imports(browser, db_url, tmp_path):
    from tests.conftest import run_cli

    with running_app(db_url) as base:
        page = browser.new_page()
        page.goto(f"{base}/mau_bieu?q=2018-Q4")
        wait_for_app(page)
        path = downloaded(page, "Tải mẫu Bảng điểm", tmp_path)
    assert path.name == "mau_scores_2018-Q4.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Bảng điểm"]
    assert ws["A3"].value == "Kỳ: Quý IV/2018"
    header = {str(c.value).split("\n")[0]: c.column for c in ws[5] if c.value}  # "TC1\n<its name>\n(tối đa 10)"
    assert ws.cell(row=6, column=header["Mã đơn vị"]).value == "BDVTU"
    for j in range(1, 11):
        ws.cell(row=6, column=header[f"TC{j}"], value="5,5")
    wb.save(path)
    out = run_cli("import", str(path), db_url=db_url)
    assert out.returncode == 0 and "Quý IV/2018, 1 dòng, 1 đơn vị" in out.stdout, out.stdout + out.stderr


def test_meeting_features_in_the_real_browser(browser, db_url):
    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/tong_quan?q=2018-Q1&ds=dac-thu")
        wait_for_app(page)
        # the navigation keeps the filters when the page changes
        page.locator("[data-testid='stSidebarNav'] a", has_text="Cụm").click()
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == "Các cụm và đơn vị đồng hành — Quý I/2018"
        chosen = [
            i.input_value() for i in page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox'] input").all()
        ]
        assert chosen[-1] == "Chỉ đơn vị đặc thù"
        assert "q=2018-Q1" in page.url and "ds=dac-thu" in page.url
        # the share box shows the link of this very view and its QR code
        page.get_by_text("Chia sẻ liên kết trang này").click()
        page.locator("[data-testid='stSidebar'] [data-testid='stImage'] img").first.wait_for(timeout=30000)
        link = page.locator("[data-testid='stSidebar'] code").first.inner_text().strip()
        assert link.startswith(f"{base}/cum?") and "q=2018-Q1" in link and "ds=dac-thu" in link
        assert page.locator("[data-testid='stSidebar'] [data-testid='stImage'] img").count() == 1
        # the link opened elsewhere reopens the same view
        other = browser.new_page()
        other.goto(link)
        wait_for_app(other)
        assert other.locator("h1").first.inner_text() == "Các cụm và đơn vị đồng hành — Quý I/2018"
        # presentation mode: no sidebar, larger text
        other.goto(f"{base}/don_vi?unit=DLS&q=2018-Q3&present=1")
        wait_for_app(other)
        assert other.locator("h1").first.inner_text() == "Đoàn Đoàn Luật sư Thành phố"
        assert not other.locator("[data-testid='stSidebar']").is_visible()
        assert other.evaluate("getComputedStyle(document.documentElement).fontSize") == "21px"


def shared_view(page) -> tuple[str, str, str]:
    """The share box's link, its presentation link and the text its QR code decodes to, once the
    run has finished; the box is opened as a person does when it is closed."""
    import io

    import zxingcpp
    from PIL import Image

    wait_for_app(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stExpander']").first
    image = box.locator("[data-testid='stImage'] img")
    if not image.is_visible():
        box.locator("summary").click()
    image.wait_for(timeout=30000)
    link, present = (c.strip() for c in box.locator("code").all_inner_texts())
    png = page.request.get(image.get_attribute("src")).body()
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
    return link, present, decoded[0] if len(decoded) == 1 else decoded


def query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def assert_link_is_the_view(page, names: dict, **expected) -> None:
    """The share box, its QR code and the presentation link name exactly the view on screen: the
    address bar's parameters, the unit whose name is the heading, and what the test just chose."""
    link, present, decoded = shared_view(page)
    assert decoded == link
    assert present == f"{link}&present=1"
    assert urlsplit(link).path == urlsplit(page.url).path == "/don_vi"
    assert query(link) == query(page.url), (link, page.url)
    assert names[query(link)["unit"]] == page.locator("h1").first.inner_text()
    for name, value in expected.items():
        assert query(link).get(name) == value, (name, link)


def test_the_share_box_names_the_view_on_screen(browser, db_url):
    """The issue "The meeting face": the link, its QR code and the presentation link lagged one
    step behind the unit picker, and a unit page reached from the overview had no unit at all."""
    from doandata.store import Store

    store = Store(db_url)
    names = dict(zip(store.units()["unit_code"], store.units()["name"]))
    store.dispose()
    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/tong_quan?q=2018-Q2")
        wait_for_app(page)
        # the overview's part (#17): the link and its QR code name the part on screen, and reopen it
        for part in ("xep-loai", "moc"):
            show_part(page, part)
            link, present, decoded = shared_view(page)
            assert decoded == link and present == f"{link}&present=1"
            assert urlsplit(link).path == urlsplit(page.url).path == "/tong_quan"
            assert query(link) == query(page.url) == {"q": "2018-Q2", "xem": part}, (link, page.url)
        fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
        other = fresh.new_page()
        other.goto(link)
        wait_for_app(other)
        assert selected_part(other) == "Mốc kế hoạch" and query(other.url)["xem"] == "moc"
        title = other.locator(".js-plotly-plot .g-gtitle")  # the part's chart: the plan's milestones
        title.wait_for(state="attached", timeout=30000)
        words = i18n.t("chart.timeline_title", "vi", year=2018).split()  # the title wraps in lines
        assert "".join(title.text_content().split()).startswith("".join(words))
        assert other.locator(".js-plotly-plot").count() == 1
        fresh.close()
        show_part(page, "tien-do")  # the default part: no xem in the link
        link, present, decoded = shared_view(page)
        assert decoded == link and present == f"{link}&present=1"
        assert query(link) == query(page.url) == {"q": "2018-Q2"}, (link, page.url)
        page.locator("[data-testid='stSidebarNav'] a", has_text="Đơn vị").click()
        assert_link_is_the_view(page, names, unit="CTHADS", q="2018-Q2")  # the first followed unit
        choose(page, "Đơn vị", f"HND — {names['HND']}")
        assert_link_is_the_view(page, names, unit="HND", q="2018-Q2")
        choose(page, "Quý", "Quý III/2018")
        assert_link_is_the_view(page, names, unit="HND", q="2018-Q3")
        choose(page, "Cụm", "Cụm 8")  # HND is not in cluster 8: the page shows its first followed unit
        assert_link_is_the_view(page, names, unit="BDMDN", cum="8")
        choose(page, "Cụm", "Tất cả các cụm")
        choose(page, "Tổ công tác", "Tổ 2")
        assert_link_is_the_view(page, names, to="2")
        page.locator("[data-testid='stSidebar'] label", has_text="English").click()
        page.get_by_text("Share a link to this view").wait_for(timeout=30000)
        assert_link_is_the_view(page, names, lang="en", to="2", q="2018-Q3")


def sign_in(page, url: str, name: str, password: str) -> None:
    """Open the upload page and send the sign-in form, as an editor does."""
    page.goto(url)
    wait_for_app(page)
    page.get_by_label("Họ tên người biên tập (ghi vào lịch sử)").fill(name)
    page.get_by_label("Mật khẩu biên tập").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def upload_as_editor(page, base: str, path, password: str, expect_id: int) -> None:
    """Sign in on the upload page, send the file, read the preview, confirm."""
    sign_in(page, f"{base}/tai_len?q=2018-Q3", "Tống Thị Thùy Dương", password)
    page.wait_for_selector("[data-testid='stFileUploader']", timeout=30000)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    page.get_by_role("button", name="Xác nhận lưu").wait_for(timeout=30000)
    wait_for_app(page)  # the preview's run has finished: the click is not lost in a redraw
    assert page.get_by_text("Những gì sẽ thay đổi").count() == 1
    page.get_by_role("button", name="Xác nhận lưu").click()
    page.get_by_text(f"Đã lưu lần tải lên #{expect_id}").wait_for(timeout=30000)


def cthads_raised(tmp_path):
    """The Q3 scorecard with CTHADS at 72.5 instead of 58.5 (TC1 6→10, TC2 4.5→10, TC4 10.5→15)."""
    from tests.test_store import rescored

    path = tmp_path / "bang_diem_quy_3_sua.xlsx"
    path.write_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "CTHADS", {"TC1": 10, "TC2": 10, "TC4": 15}))
    return path


CHART_BOXES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
    const box = el => { if (!el) return null; const r = el.getBoundingClientRect();
                        return r.width ? {l: r.left, r: r.right, t: r.top, b: r.bottom} : null; };
    return {title: box(gd.querySelector('.g-gtitle text')), legend: box(gd.querySelector('.legend .scrollbox')),
            notes: [...gd.querySelectorAll('.annotation, .textpoint')].map(box).filter(Boolean)};
})"""


def overlap(a, b) -> bool:
    return bool(a and b) and a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.mark.parametrize("width", [1024, 1400])
def test_chart_legends_clear_the_titles_and_notes(browser, db_url, width):
    """On a projector's 1024 px as on a laptop, in presentation mode too: a chart's legend covers
    neither its title nor the milestone notes and unit names (it once grew up into the title beside
    long names)."""
    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": width, "height": 800})
        for path in (
            *overview_links("q=2018-Q3"),  # one part at a time: every part that has a chart
            *overview_links("q=2018-Q3&present=1"),
            "don_vi?unit=CTHADS&q=2018-Q3",
            "cum?q=2018-Q2",
        ):
            page.goto(f"{base}/{path}")
            wait_for_app(page)
            # the ratings' moves and the milestones' timeline have no legend; every other chart has
            legend = not any(f"xem={part}" in path for part in ("xep-loai", "moc"))
            page.wait_for_selector(
                ".js-plotly-plot .legend" if legend else ".js-plotly-plot .g-gtitle text",
                state="attached",
                timeout=30000,
            )
            charts = page.evaluate(CHART_BOXES)
            assert charts[0]["title"] and (charts[0]["legend"] or not legend), path
            for chart in charts:
                assert not overlap(chart["title"], chart["legend"]), (path, chart)
                assert not any(overlap(chart["legend"], note) for note in chart["notes"]), (path, chart)


def try_password(browser, base: str, client: str, password: str):
    """A visitor at `client` (the address a reverse proxy puts in X-Forwarded-For) tries to sign in."""
    page = browser.new_context(extra_http_headers={"X-Forwarded-For": client}).new_page()
    sign_in(page, f"{base}/tai_len", "Người thử", password)
    page.locator("[data-testid='stAlertContentError'], [data-testid='stFileUploader']").first.wait_for(timeout=30000)
    wait_for_app(page)
    return page


def test_instances_behind_a_proxy_hold_back_the_same_client(browser, pg_cluster, pg_seeded):
    """Behind a proxy on another machine every visitor arrives from the proxy's address: the app
    tells them apart by X-Forwarded-For (DOANDATA_TRUSTED_PROXIES=1), and both instances count one
    visitor's wrong passwords together. Streamlit's server (uvicorn) reads the header itself only
    from a proxy on the same machine; FORWARDED_ALLOW_IPS names another here, as for a remote one."""
    from doandata import auth
    from doandata.store import Store

    url = pg_cluster.database("behind_proxy", template=pg_seeded)
    password = "mat-khau-sau-proxy"
    env = {
        "DOANDATA_EDITOR_PASSWORD_HASH": auth.hash_password(password),
        "DOANDATA_TRUSTED_PROXIES": "1",
        "FORWARDED_ALLOW_IPS": "192.0.2.254",
    }
    with running_app(url, env=env) as first, running_app(url, env=env) as second:
        page = try_password(browser, first, "203.0.113.7", "doan-bua")
        assert page.get_by_text("Mật khẩu không đúng. Hãy chờ 1 giây rồi thử lại.").count() == 1
        time.sleep(1.5)  # the wait is over; the next failure is the second, on the other instance
        page = try_password(browser, second, "203.0.113.7", "doan-bua-nua")
        assert page.get_by_text("Mật khẩu không đúng. Hãy chờ 2 giây rồi thử lại.").count() == 1
        # another visitor through the same proxy is not held up
        page = try_password(browser, second, "198.51.100.2", password)
        assert page.locator("[data-testid='stFileUploader']").count() == 1
    store = Store(url)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT client, failures FROM login_failures")).all()
    store.dispose()
    assert dict(rows) == {"203.0.113.7": 2}


def test_an_editor_uploads_in_the_browser_and_a_viewer_cannot(browser, db_url, tmp_path):
    from doandata import auth

    password = "mat-khau-trinh-duyet"
    with running_app(db_url, env={"DOANDATA_EDITOR_PASSWORD_HASH": auth.hash_password(password)}) as base:
        editor = browser.new_page(viewport={"width": 1400, "height": 1000})
        upload_as_editor(editor, base, cthads_raised(tmp_path), password, expect_id=NEXT)
        # the next quarter's blank scorecard, straight from the upload page
        choose(editor, "Kỳ của tệp", "Quý IV/2018")
        editor.get_by_text("Chưa có mẫu? Tải mẫu của Quý IV/2018").wait_for(timeout=30000)
        wait_for_app(editor)
        blank = downloaded(editor, "Tải mẫu Bảng điểm", tmp_path)
        assert blank.name == "mau_scores_2018-Q4.xlsx"
        assert openpyxl.load_workbook(blank)["Bảng điểm"]["A3"].value == "Kỳ: Quý IV/2018"
        # the overview shows the new figure at once
        editor.locator("[data-testid='stSidebarNav'] a", has_text="Tổng quan").click()
        wait_for_app(editor)
        m = metric_values(editor)
        # the followed units: CTHADS 58.5 → 72.5 (against 60 expected): needing attention → on track
        assert (m["Đúng tiến độ"], m["Cần chú ý"], m["Chậm tiến độ"]) == ("6", "2", "1")
        # the same upload URL opened by a viewer: a password form, no upload control
        viewer = browser.new_page()
        viewer.goto(f"{base}/tai_len?q=2018-Q3")
        wait_for_app(viewer)
        assert viewer.locator("[data-testid='stFileUploader']").count() == 0
        assert viewer.get_by_label("Mật khẩu biên tập").count() == 1


def test_two_instances_on_one_postgresql_store(browser, pg_cluster, pg_seeded, tmp_path):
    """Two app processes (as behind a load balancer) share one PostgreSQL store: an upload through
    one shows in the other without a restart, in a session already open and in a new one."""
    from doandata import auth

    url = pg_cluster.database("two_instances", template=pg_seeded)
    password = "mat-khau-hai-may"
    env = {"DOANDATA_EDITOR_PASSWORD_HASH": auth.hash_password(password)}
    with running_app(url, env=env) as first, running_app(url, env=env) as second:
        watcher = browser.new_page(viewport={"width": 1400, "height": 1000})
        watcher.goto(f"{second}/tong_quan?q=2018-Q3")
        wait_for_app(watcher)
        m = metric_values(watcher)
        assert (m["Đúng tiến độ"], m["Cần chú ý"], m["Chậm tiến độ"]) == ("5", "3", "1")

        editor = browser.new_page(viewport={"width": 1400, "height": 1000})
        upload_as_editor(editor, first, cthads_raised(tmp_path), password, expect_id=NEXT)

        # the session open on the other instance: its next run reads the new store version
        watcher.locator("[data-testid='stSidebarNav'] a", has_text="Đơn vị").click()
        wait_for_app(watcher)
        watcher.locator("[data-testid='stSidebarNav'] a", has_text="Tổng quan").click()
        wait_for_app(watcher)
        m = metric_values(watcher)
        assert (m["Đúng tiến độ"], m["Cần chú ý"], m["Chậm tiến độ"]) == ("6", "2", "1")
        # a new visitor of the other instance sees the unit's new total
        fresh = browser.new_page()
        fresh.goto(f"{second}/don_vi?unit=CTHADS&q=2018-Q3")
        wait_for_app(fresh)
        fresh.get_by_text("Tổng điểm Quý III/2018").wait_for(timeout=30000)
        assert metric_values(fresh)["Tổng điểm Quý III/2018"] == "72,5"


def test_the_meeting_brief_reopens_the_same_meeting(browser, db_url, tmp_path):
    """#20: /hop opened on a meeting; its share link (and QR code) names that meeting's dates, and
    opened in a fresh page it shows the same meeting; the .docx it offers is that meeting's."""
    import docx

    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/hop?ngay=30/06/2018&tu=28/03/2018")
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == "Họp giao ban ngày 30/06/2018"
        assert page.get_by_text("Đơn vị đổi trạng thái: 4").count() == 1
        link, present, decoded = shared_view(page)
        assert decoded == link and present == f"{link}&present=1"
        assert query(link)["ngay"] == "2018-06-30" and query(link)["tu"] == "2018-03-28"
        # the same link next week: the same meeting
        again = browser.new_page(viewport={"width": 1366, "height": 768})
        again.goto(link)
        wait_for_app(again)
        assert again.locator("h1").first.inner_text() == "Họp giao ban ngày 30/06/2018"
        assert again.get_by_text("Đơn vị đổi trạng thái: 4").count() == 1
        # the sample was seeded today: every one of its uploads came after that meeting
        assert again.get_by_text(f"Sau ngày họp này đã có thêm {SEEDED} lần cập nhật dữ liệu.").count() == 1
        path = downloaded(again, "Tải bản tóm tắt (.docx, 1 trang)", tmp_path)
        assert path.name == "hop_giao_ban_2018-06-30.docx"
        text = "\n".join(p.text for p in docx.Document(path).paragraphs)
        assert "BẢN TÓM TẮT HỌP GIAO BAN" in text
        assert "Họp giao ban ngày 30/06/2018 (xem xét Quý I/2018)" in text
        cells = [c.text for t in docx.Document(path).tables for row in t.rows for c in row.cells]
        assert "Chi đoàn Liên minh Hợp tác xã Thành phố" in cells and "Chậm tiến độ (60)" in cells


def _qr_text(locator) -> str:
    """What the QR code on screen decodes to."""
    import io

    import zxingcpp
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(locator.screenshot())))
    return found[0].text if found else ""


def test_the_brief_is_presented_section_by_section(browser, db_url):
    """#20: /hop?present=1 shows one section at a time, large, with the QR code of the brief's own
    link; the next section's button puts it in the link, and the link reopens it."""
    heads = [i18n.t(f"brief.section.{k}", "vi") for k in ("since", "warning", "decide")]
    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/hop?ngay=30/06/2018&tu=28/03/2018&present=1")
        wait_for_app(page)

        def shown() -> list[bool]:
            return [page.get_by_role("heading", name=h).is_visible() for h in heads]

        assert shown() == [True, False, False] and page.get_by_text("Phần 1/3").is_visible()
        assert query(page.url)["phan"] == "1"
        qr = _qr_text(page.locator("[class*='st-key-present_share'] [data-testid='stImage'] img").first)
        assert query(qr) == {"q": query(page.url)["q"], "ngay": "2018-06-30", "tu": "2018-03-28"}
        assert urlsplit(qr).path == "/hop"
        # the metrics above the lines: 4 units changed status, on track 9 -> 5
        assert metric_values(page)["Đơn vị đổi trạng thái"] == "4"
        page.get_by_role("button", name="Phần sau").click()
        page.get_by_role("heading", name=heads[1]).wait_for(state="visible", timeout=30000)
        wait_for_app(page)
        assert shown() == [False, True, False] and query(page.url)["phan"] == "2"
        # the chart's text is large enough for a projector
        ticks = page.locator("[class*='st-key-hop_screen_only_chart'] .ytick text")
        sizes = ticks.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= 20
        # the link reopens the same section
        page.reload()
        wait_for_app(page)
        page.get_by_role("heading", name=heads[1]).wait_for(state="visible", timeout=30000)
        assert shown() == [False, True, False] and page.get_by_text("Phần 2/3").is_visible()
        page.get_by_role("button", name="Phần sau").click()
        page.get_by_role("heading", name=heads[2]).wait_for(state="visible", timeout=30000)
        wait_for_app(page)
        assert query(page.url)["phan"] == "3" and page.get_by_role("button", name="Phần sau").is_disabled()


def _printed(page, path) -> tuple[str, int]:
    """The page printed to an A4 PDF by Chromium (Print → Save as PDF): its text and page count."""
    import subprocess

    page.emulate_media(media="print")
    wait_for_app(page)
    page.locator("[class*='st-key-hop_print_only_chart'] .ytick text").first.wait_for(state="visible")
    page.pdf(path=str(path), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return text, pages


def test_the_brief_prints_on_a4_pages(browser, db_url, tmp_path):
    """#20: Print → PDF gives the brief alone: no sidebar, buttons or date pickers, every section
    (in presentation mode too), the changes in lines and the chart whole, on at most three pages."""
    heads = [i18n.t(f"brief.section.{k}", "vi") for k in ("since", "warning", "decide")]
    with running_app(db_url) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/hop?ngay=30/06/2018&tu=28/03/2018")
        wait_for_app(page)
        text, pages = _printed(page, tmp_path / "hop.pdf")
        assert pages <= 3
        flat = " ".join(text.split())
        assert all(h in flat for h in heads)
        assert "Chi đoàn Liên minh Hợp tác xã Thành phố: Đúng tiến độ (63 điểm) → Chậm tiến độ (60 điểm)" in flat
        assert i18n.t("chart.target", "vi") in flat  # the chart's legend: the chart is printed
        for absent in ("filter.language", "filter.shown", "nav.upload", "share.title", "hop.at", "hop.get_docx"):
            assert i18n.t(absent, "vi") not in flat, absent
        assert "Tiếng Việt" not in flat  # the sidebar's language choice
        # presentation mode on its second section: still every section printed, no buttons
        present = browser.new_page(viewport={"width": 1366, "height": 768})
        present.goto(f"{base}/hop?ngay=30/06/2018&tu=28/03/2018&present=1&phan=2")
        wait_for_app(present)
        text, pages = _printed(present, tmp_path / "hop_present.pdf")
        flat = " ".join(text.split())
        assert pages <= 3 and all(h in flat for h in heads)
        assert "Phần sau" not in flat and "Phần 2/3" not in flat and i18n.t("share.scan", "vi") not in flat
