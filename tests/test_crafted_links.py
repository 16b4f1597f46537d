"""Crafted links (issue "What an attacker tried next", #14): whatever a link carries, every page
draws, and only short, declared values reach the share link and its QR code."""

import io
import shutil

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from doandata import links
from pages import _filters
from tests.conftest import ROOT

PAGES = [
    "pages/tong_quan.py",
    "pages/don_vi.py",
    "pages/to_cong_tac.py",
    "pages/cum.py",
    "pages/bao_cao.py",
    "pages/hop.py",
    "pages/khen_thuong.py",
    "pages/mau_bieu.py",
    "pages/tai_len.py",
    "pages/lich_su.py",
    "pages/cai_dat.py",
]
LONG = "a" * 3000  # lowercase: a QR code holds at most 2,331 such bytes
CRAFTED = {
    "long unit": {"unit": LONG},
    "undeclared": {"zzz": "b" * 3000},
    "every declared parameter": {p.name: "é<b>\x00" + LONG for p in _filters.PARAMS},
}


@pytest.fixture(scope="module")
def app_url(seeded_file, tmp_path_factory):
    target = tmp_path_factory.mktemp("links") / "store.db"
    shutil.copy(seeded_file, target)
    return f"sqlite:///{target}"


@pytest.mark.parametrize("case", CRAFTED)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_whatever_the_link_carries(app_url, monkeypatch, page, case):
    monkeypatch.setenv("DOANDATA_DB_URL", app_url)
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params.update(CRAFTED[case])
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title or app.header or app.subheader  # the page drew
    shared = [c.value for c in app.sidebar.get("code")]
    assert shared and all(len(url) < 1000 and LONG not in url for url in shared)


def test_a_shared_link_keeps_only_short_printable_values():
    url = links.view_url(
        "https://doandata.example.vn/tong_quan", {"q": "2018-Q2", "unit": LONG, "cum": "\x00", "dt": None}
    )
    assert url == "https://doandata.example.vn/tong_quan?q=2018-Q2"
    assert links.view_url(None, {"unit": LONG}) == ""


@pytest.mark.parametrize(
    "url",
    [LONG, "https://doandata.example.vn/" + LONG + "?q=2018-Q2", "é" * 3000, ""],
    ids=["3000 letters", "padded address", "3000 é", "empty"],
)
def test_a_qr_code_never_fails(url):
    image = Image.open(io.BytesIO(links.qr_png(url)))
    assert image.format == "PNG" and image.width > 0
