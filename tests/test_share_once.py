"""The share box is drawn once a run when the page's own values leave its link as the sidebar
drew it (#17): a filter change in a meeting then sends each phone one box, not the same box twice."""

import shutil

import pytest

from pages import _share
from tests.conftest import open_page


@pytest.fixture(scope="module")
def app_url(seeded_file, tmp_path_factory):
    target = tmp_path_factory.mktemp("share") / "store.db"
    shutil.copy(seeded_file, target)
    return f"sqlite:///{target}"


@pytest.fixture
def drawn(monkeypatch):
    """The links a share box was drawn for, in order (each drawing makes its QR code)."""
    links: list[str] = []
    make = _share.qr_png

    def counted(url: str) -> bytes:
        links.append(url)
        return make(url)

    monkeypatch.setattr(_share, "qr_png", counted)
    return links


@pytest.mark.parametrize(
    ("page", "params", "draws"),
    [
        ("pages/tong_quan.py", {"q": "2018-Q3"}, 1),  # the default part: the sidebar's link is the view's
        ("pages/tong_quan.py", {"q": "2018-Q3", "xem": "moc"}, 2),  # the part adds xem= to the link
        ("pages/don_vi.py", {"q": "2018-Q3", "unit": "BDMDN"}, 2),  # the page settles its unit after the sidebar
    ],
    ids=["overview", "overview part", "unit page"],
)
def test_the_share_box_is_drawn_again_only_when_its_link_changed(app_url, monkeypatch, drawn, page, params, draws):
    app = open_page(app_url, monkeypatch, page, params)
    assert len(drawn) == draws, drawn
    shown = app.sidebar.get("code")[0].value  # the link the box shows is the last one drawn: the view's
    assert shown == drawn[-1]
    for name, value in params.items():
        assert f"{name}={value}" in shown
