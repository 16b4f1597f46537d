"""Both pages through Streamlit's AppTest on a seeded store: no exception, the right figures."""
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def app(db_url, monkeypatch):
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def metrics_of(at):
    return {m.label: m.value for m in at.metric}


def test_overview_counts_units_by_status(app):
    app.query_params["q"] = "2018-Q2"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Tổng quan tiến độ — Quý II/2018"
    m = metrics_of(app)
    assert (m["Chậm tiến độ"], m["Chưa có số liệu"]) == ("2", "0")
    assert sum(int(m[k]) for k in ("Đúng tiến độ", "Cần chú ý", "Chậm tiến độ")) == 24
    table = app.dataframe[0].value
    assert list(table.columns)[:3] == ["Mã đơn vị", "Tên đơn vị", "Cụm"]
    assert table.iloc[0]["Mã đơn vị"] == "LMHTX" and table.iloc[0]["Tiến độ"] == "Chậm tiến độ"
    assert table.iloc[0]["Tăng/giảm"] == "-5"


def test_overview_filters_come_from_the_link(app):
    app.query_params.update({"q": "2018-Q3", "dt": "1", "cum": "8"})
    app.run()
    assert not app.exception
    table = app.dataframe[0].value
    assert list(table["Mã đơn vị"]) == ["LMHTX"]
    assert app.sidebar.selectbox[0].value == "2018-Q3" and app.sidebar.toggle[0].value is True
    assert app.query_params["cum"] == ["8"] or app.query_params["cum"] == "8"


def test_changing_a_filter_writes_the_link(app):
    app.run()
    app.sidebar.selectbox[0].set_value("2018-Q1").run()
    assert app.title[0].value.endswith("Quý I/2018")
    assert dict(app.query_params)["q"] in ("2018-Q1", ["2018-Q1"])


def test_overview_in_english(app):
    app.query_params.update({"lang": "en", "q": "2018-Q3"})
    app.run()
    assert not app.exception
    assert app.title[0].value == "Progress overview — Q3 2018"
    assert "Behind" in metrics_of(app)


def test_unit_page_shows_the_unit_of_the_link(app):
    app.query_params.update({"unit": "DLS", "q": "2018-Q3"})
    app.switch_page("pages/don_vi.py").run()
    assert not app.exception
    assert app.title[0].value == "Đoàn Đoàn Luật sư Thành phố"
    m = metrics_of(app)
    assert m["Tổng điểm Quý III/2018"] == "73"
    assert m["Điểm 2017"] == "61 · Trung bình" and m["Mục tiêu"] == "70" and m["Tiến độ"] == "Đúng tiến độ"
    criteria = app.dataframe[0].value
    assert len(criteria) == 10 and criteria.iloc[0]["Tiêu chí"].startswith("TC1 — ")


def test_unit_page_follows_the_selection(app):
    app.switch_page("pages/don_vi.py").run()
    app.selectbox(key="f_unit").set_value("LMHTX").run()
    assert not app.exception and app.title[0].value == "Chi đoàn Liên minh Hợp tác xã Thành phố"
    assert dict(app.query_params)["unit"] in ("LMHTX", ["LMHTX"])


def test_templates_page_offers_every_workbook(app):
    app.query_params["q"] = "2018-Q4"
    app.switch_page("pages/mau_bieu.py").run()
    assert not app.exception
    assert app.title[0].value == "Mẫu biểu để tải về"
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Tải mẫu Danh sách đơn vị", "Tải mẫu Tổ công tác", "Tải mẫu Bộ tiêu chí",
                      "Tải mẫu Bảng điểm", "Tải mẫu Báo cáo quý"]
