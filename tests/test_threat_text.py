"""User text is shown as text: a unit called <img src=x onerror=alert(1)> runs no script anywhere,
and one called [a link](http://…) is no link."""

import dataclasses
import datetime as dt
import io
import zipfile
from urllib.parse import urlsplit

import docx
import openpyxl
import pytest
from playwright.sync_api import sync_playwright

from doandata import charts, ingest, metrics, reports, templates
from doandata.settings import Milestone
from doandata.validate import Batch
from pages._filters import OVERVIEW_PARTS
from pages._widgets import WORD_JOINER
from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app, wait_for_app

NAME = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script> Khó khăn"


@pytest.fixture
def hostile_store(store):
    units = store.units()
    units.loc[units["unit_code"] == "HND", "name"] = NAME
    store.import_batch(Batch(frames={"units": units.drop(columns=[])}, kinds=["units"]), filename="ten_doc.xlsx")
    rep = store.reports()
    rep = rep[(rep["unit_code"] == "HND") & (rep["period"] == "2018-Q3")].copy()
    rep["difficulties"] = SCRIPT
    store.import_batch(Batch(frames={"reports": rep}, kinds=["reports"], periods=["2018-Q3"]), filename="bc.xlsx")
    return store


def test_chart_text_is_escaped(hostile_store):
    frame = metrics.of_period(hostile_store, "2018-Q3")
    fig = charts.progress_bullets(frame, "2018-Q3", hostile_store.settings())
    shown = [str(v) for trace in fig.data for v in (trace.y if trace.y is not None else [])]
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and NAME not in shown
    assert charts.safe(NAME) == "&lt;img src=x onerror=alert(1)&gt;"


def test_exports_hold_the_text_literally(hostile_store):
    d = docx.Document(io.BytesIO(reports.build(hostile_store, "quarter", "2018-Q3", "docx", with_images=False)))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    assert NAME in cells and SCRIPT in cells
    data = reports.build(hostile_store, "quarter", "2018-Q3", "xlsx")
    values = {c.value for ws in openpyxl.load_workbook(io.BytesIO(data)) for row in ws.iter_rows() for c in row}
    assert NAME in values and SCRIPT in values
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_no_script_runs_in_any_page(hostile_store, db_url):
    dialogs = []
    with running_app(db_url) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in (
            *(f"tong_quan?q=2018-Q3&xem={part}" for part in OVERVIEW_PARTS),  # every part of the overview
            "don_vi?unit=HND&q=2018-Q3",
            "to_cong_tac?q=2018-Q3",
            "cum?q=2018-Q3",
            "lich_su",
        ):
            page.goto(f"{base}/{path}")
            wait_for_app(page)
            page.mouse.move(700, 500)
        page.goto(f"{base}/don_vi?unit=HND&q=2018-Q3")
        wait_for_app(page)
        assert page.locator("h1").first.inner_text() == NAME  # shown literally
        page.get_by_text("Quý III/2018 — họp tổ").first.click()
        assert page.get_by_text(SCRIPT).count() >= 1
        assert page.locator("img[src='x']").count() == 0 and page.locator("script", has_text="alert(2)").count() == 0
        browser.close()
    assert dialogs == []


# What an attacker tried next: markdown in uploaded names, which Streamlit's titles, captions,
# alerts and expander labels would render as a link, a picture fetched from outside, coloured text.
TRACKER = "tracker.example"
LINK = f"[Phiên làm việc hết hạn - bấm vào đây](http://{TRACKER}/phien)"
PIXEL = f"![](http://{TRACKER}/pixel.png)"
COLOUR = ":red[**ĐÃ GIẢI THỂ**]"


@pytest.fixture
def markdown_store(store):
    """The special units HND, DLS and LMHTX named with markdown, each the companion of the next;
    the leading units of their clusters, two working-group leaders, two reporters and a milestone
    too. Stored through the same import as an upload, from workbooks the template writer makes."""
    units = store.units().set_index("unit_code")
    for code, name, mate, leader in (
        ("HND", LINK, "DLS", "LDLD"),
        ("DLS", PIXEL, "LMHTX", "VKSND"),
        ("LMHTX", COLOUR, "HND", "CVLS"),
    ):
        units.loc[code, ["name", "companion_code"]] = name, mate
        units.loc[leader, "name"] = f"{name} (cụm trưởng)"
    members = store.members()
    leaders = members.index[members["role"] == "Tổ trưởng"]
    members.loc[leaders[0], "name"], members.loc[leaders[1], "name"] = LINK, PIXEL
    reps = store.reports()
    reps = reps[reps["period"] == "2018-Q3"].set_index("unit_code")
    reps.loc["HND", "reporter"], reps.loc["DLS", "reporter"] = COLOUR, LINK
    for kind, rows, period in (
        ("units", units.reset_index(), None),
        ("groups", members, None),
        ("reports", reps.reset_index(), "2018-Q3"),
    ):
        data = templates.write_workbook(kind, rows=rows, period=period)
        outcome = ingest.import_bytes(data, f"{LINK}.xlsx", store, period)
        assert outcome.batch.ok, [p.line() for p in outcome.batch.problems]
    settings = store.settings()
    ahead = Milestone("custom_0", dt.date.today() + dt.timedelta(days=30), LINK, f"{PIXEL} {COLOUR}")
    store.save_settings(dataclasses.replace(settings, milestones=(*settings.milestones, ahead)), by=COLOUR)
    return store


def test_markdown_in_uploads_is_shown_as_typed(markdown_store, db_url):
    """No link, no picture from outside, no coloured text: the names as they were typed."""
    titles = {
        "don_vi?unit=HND&q=2018-Q3": LINK,
        "don_vi?unit=DLS&q=2018-Q3": PIXEL,
        "don_vi?unit=LMHTX&q=2018-Q3": COLOUR,
    }
    pages = {
        "tong_quan?q=2018-Q3&xem=moc": [LINK, PIXEL, COLOUR],  # the next milestone's name and note
        "don_vi?unit=HND&q=2018-Q3": [LINK, PIXEL, COLOUR],  # title, companion, reporter
        "don_vi?unit=DLS&q=2018-Q3": [PIXEL, COLOUR, LINK],
        "don_vi?unit=LMHTX&q=2018-Q3": [COLOUR, LINK],
        "cum?q=2018-Q3": [f"{n} (cụm trưởng)" for n in (LINK, PIXEL, COLOUR)],  # cluster leaders
        "to_cong_tac?q=2018-Q3": [LINK, PIXEL],  # group leaders
        "lich_su": [],
    }
    outside = []
    with running_app(db_url) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})

        def only_the_app(route):
            if urlsplit(route.request.url).netloc == urlsplit(base).netloc:
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_app)
        for path, shown in pages.items():
            page.goto(f"{base}/{path}")
            wait_for_app(page)
            main = page.locator("[data-testid='stMain']")
            text = main.inner_text().replace(WORD_JOINER, "")  # it keeps an address from becoming a link
            for literal in shown:
                assert literal in text, (path, literal)
            if path in titles:
                assert page.locator("h1").first.inner_text().replace(WORD_JOINER, "") == titles[path]
            assert page.locator(f"a[href*='{TRACKER}']").count() == 0, path
            assert page.locator(f"img[src*='{TRACKER}']").count() == 0, path
            assert main.locator("span[style*='color'], strong", has_text="ĐÃ GIẢI THỂ").count() == 0, path
        browser.close()
    assert outside == []


@pytest.mark.parametrize(
    ("typed", "given"),
    [
        (LINK, "\\[Phiên làm việc hết hạn \\- bấm vào đây\\]\\(http\u2060\\:\\/\\/tracker\\.example\\/phien\\)"),
        (COLOUR, "\\:red\\[\\*\\*ĐÃ GIẢI THỂ\\*\\*\\]"),
        ("$x^2$ & www.doan.vn, a@b.vn", "\\$x\\^2\\$ \\& www\u2060\\.doan\\.vn\\, a\u2060\\@b\\.vn"),
        ("# Tiêu đề\n- mục", "\\# Tiêu đề \\- mục"),
        ("Chi đoàn Hội Nông dân", "Chi đoàn Hội Nông dân"),
    ],
)
def test_literal_escapes_what_markdown_would_read(typed, given):
    from pages._widgets import literal

    assert literal(typed) == given


# A store that already holds a control character (saved before names were cleaned on the way in,
# or restored from such a backup): every document and page that writes the name still works.
CONTROL = "Chi đoàn\x01 Hội\x1f Nông dân\x0b"


@pytest.fixture
def control_store(store):
    units = store.units()
    units.loc[units["unit_code"] == "HND", "name"] = CONTROL
    store.import_batch(Batch(frames={"units": units}, kinds=["units"]), filename="ten_co_ky_tu_dieu_khien.xlsx")
    return store


def test_documents_and_templates_survive_a_stored_control_character(control_store):
    shown = "Chi đoàn Hội Nông dân"
    d = docx.Document(io.BytesIO(reports.build(control_store, "quarter", "2018-Q3", "docx", with_images=False)))
    assert any(c.text.startswith(shown) for t in d.tables for r in t.rows for c in r.cells)
    data = reports.build(control_store, "quarter", "2018-Q3", "xlsx")
    values = {c.value for ws in openpyxl.load_workbook(io.BytesIO(data)) for row in ws.iter_rows() for c in row}
    assert any(isinstance(v, str) and v.startswith(shown) for v in values)
    for kind in ("units", "groups", "criteria", "scores", "reports"):
        book = templates.write_workbook(
            kind, period="2018-Q3", units=control_store.units(), settings=control_store.settings()
        )
        assert openpyxl.load_workbook(io.BytesIO(book))


@pytest.mark.parametrize("page", ["pages/mau_bieu.py", "pages/tai_len.py", "pages/bao_cao.py", "pages/don_vi.py"])
def test_pages_survive_a_stored_control_character(control_store, db_url, monkeypatch, page):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT
    from tests.test_editing import HASH, sign_in

    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", HASH)
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params.update({"unit": "HND"})
    app.switch_page(page).run()
    if page == "pages/tai_len.py":
        sign_in(app)
        assert app.get("file_uploader"), "the uploader is drawn"
    assert not app.exception, app.exception
