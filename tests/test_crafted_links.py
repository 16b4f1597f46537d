"""Crafted links (issue "What an attacker tried next", #14): whatever a link carries, every page
draws, and only short, declared values reach the share link and its QR code."""

import io
import shutil

import pytest
from PIL import Image

from doandata import links
from pages import _filters
from tests.conftest import open_page

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
    app = open_page(app_url, monkeypatch, page, CRAFTED[case])
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


# the meeting brief's and the unit page's own parameters (#19, #20): a value that means nothing is
# said in one Vietnamese line, and the page shows its usual view
IGNORED = "Liên kết có giá trị không dùng được nên bỏ qua: {}. Trang hiển thị như mặc định."
SAID = {
    "section 99": ("pages/hop.py", {"present": "1", "phan": "99"}, "phan=99"),
    "section -1": ("pages/hop.py", {"present": "1", "phan": "-1"}, "phan=-1"),
    "section abc": ("pages/hop.py", {"present": "1", "phan": "abc"}, "phan=abc"),
    "31 February": ("pages/hop.py", {"ngay": "31/02/2026"}, "ngay=31/02/2026"),
    "empty since": ("pages/hop.py", {"ngay": "15/04/2026", "tu": ""}, "tu="),
    "no such unit": ("pages/don_vi.py", {"unit": "ZZZ<b>"}, "unit=ZZZ<b>"),
    "no such quarter": ("pages/don_vi.py", {"unit": "BDMDN", "q": "2018-Q9"}, "q=2018-Q9"),
    "long unit": ("pages/don_vi.py", {"unit": LONG}, "unit=" + "a" * 40 + "…"),
    "no such part": ("pages/tong_quan.py", {"xem": "bang<b>"}, "xem=bang<b>"),
}


def _markdown_read(text: str) -> str:
    return text.replace("\\", "")  # what the browser shows of _widgets.literal's escapes


@pytest.mark.parametrize("case", SAID)
def test_a_value_the_page_cannot_use_is_said_once_and_the_usual_view_shown(app_url, monkeypatch, case):
    page, params, said = SAID[case]
    app = open_page(app_url, monkeypatch, page, params)
    assert [_markdown_read(w.value) for w in app.warning] == [IGNORED.format(said)]
    assert app.title  # the page drew, with its usual view
    if page == "pages/hop.py":
        assert app.subheader[0].value == "I. Từ cuộc họp trước"
    app.run()  # the link now holds usable values: nothing more to say
    assert not app.warning


@pytest.mark.parametrize(
    "params",
    [{"unit": "BDMDN", "giai_doan": "xyz"}, {"unit": "BDMDN", "stage": "=1+1", "utm_source": "zalo"}],
    ids=["bogus stage", "bogus stage and a tracker"],
)
def test_parameters_no_page_declares_are_dropped_without_a_word(app_url, monkeypatch, params):
    """A link shared through Zalo or Facebook gains trackers: nothing to warn about, nothing kept."""
    app = open_page(app_url, monkeypatch, "pages/don_vi.py", params)
    assert not app.warning
    assert app.title[0].value == "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố"  # BDMDN


def test_a_meeting_before_the_previous_one_is_said_in_vietnamese(app_url, monkeypatch):
    app = open_page(app_url, monkeypatch, "pages/hop.py", {"ngay": "01/01/2026", "tu": "01/05/2026"})
    assert [e.value for e in app.error] == [
        "Ngày cuộc họp trước (01/05/2026) phải trước ngày cuộc họp này (01/01/2026)."
    ]
