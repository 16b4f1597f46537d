"""User text is shown as text: a unit called <img src=x onerror=alert(1)> runs no script anywhere."""

import io
import zipfile

import docx
import openpyxl
import pytest
from playwright.sync_api import sync_playwright

from doandata import charts, metrics, reports
from doandata.validate import Batch
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
            "tong_quan?q=2018-Q3",
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
