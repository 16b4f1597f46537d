"""Both pages through Streamlit's AppTest on a seeded store: no exception, the right figures."""

import json

import pytest
from streamlit.runtime.pages_manager import PagesManager
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
    # the followed units by default: 6 đặc thù and 3 khó khăn, said above the counts
    assert (m["Chậm tiến độ"], m["Cần chú ý"], m["Chưa có số liệu"]) == ("1", "3", "0")
    assert sum(int(m[k]) for k in ("Đúng tiến độ", "Cần chú ý", "Chậm tiến độ")) == 9
    assert "9 đơn vị được theo dõi: 6 đặc thù, 3 khó khăn — so với kết quả năm 2017." in [c.value for c in app.caption]
    groups = app.dataframe[0].value.set_index("Nhóm theo dõi")
    assert groups.loc["Đặc thù", "Số đơn vị"] == 6 and groups.loc["Khó khăn", "Cần chú ý"] == 1  # STP
    app.button_group(key="f_xem").set_value("bang").run()  # the part with the table of figures
    assert app.query_params["xem"] in ("bang", ["bang"])
    table = app.dataframe[-1].value
    assert list(table.columns)[:3] == ["Mã đơn vị", "Tên đơn vị", "Cụm"]
    assert table.iloc[0]["Mã đơn vị"] == "LMHTX" and table.iloc[0]["Tiến độ"] == "Chậm tiến độ"
    assert table.iloc[0]["Tăng/giảm"] == "-5" and len(table) == 9
    # the switch shows every unit, and says so
    app.selectbox(key="f_ds").set_value("all").run()
    m = metrics_of(app)
    assert sum(int(m[k]) for k in ("Đúng tiến độ", "Cần chú ý", "Chậm tiến độ")) == 24
    assert app.caption[1].value.startswith("Tất cả 24 đơn vị: 6 đặc thù, 3 khó khăn, 15 đơn vị khác")
    assert dict(app.query_params)["ds"] in ("tat-ca", ["tat-ca"])


def test_overview_filters_come_from_the_link(app):
    app.query_params.update({"q": "2018-Q3", "ds": "dac-thu", "cum": "8", "xem": "bang"})
    app.run()
    assert not app.exception
    table = app.dataframe[-1].value
    assert list(table["Mã đơn vị"]) == ["LMHTX", "BDMDN"]  # the special units of cụm 8, behind first
    assert app.sidebar.selectbox[0].value == "2018-Q3" and app.selectbox(key="f_ds").value == "dac_thu"
    assert app.query_params["cum"] == ["8"] or app.query_params["cum"] == "8"


def test_changing_a_filter_writes_the_link(app):
    app.run()
    app.sidebar.selectbox[0].set_value("2018-Q1").run()
    assert app.title[0].value.endswith("Quý I/2018")
    assert dict(app.query_params)["q"] in ("2018-Q1", ["2018-Q1"])


def test_overview_in_english(app):
    app.query_params.update({"lang": "en", "q": "2018-Q3", "xem": "moc"})
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
    assert m["Điểm 2017"] == "61 · Khá" and m["Mục tiêu"] == "70" and m["Tiến độ"] == "Đúng tiến độ"
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
    assert labels == [
        "Tải mẫu Danh sách đơn vị",
        "Tải mẫu Tổ công tác",
        "Tải mẫu Bộ tiêu chí",
        "Tải mẫu Bảng điểm",
        "Tải mẫu Báo cáo quý",
        "Tải mẫu Phương án hỗ trợ",
        "Tải mẫu Biên bản họp tổ",
    ]


@pytest.mark.parametrize(
    "page, params, title",
    [
        ("pages/tong_quan.py", {"q": "2018-Q1", "to": "2"}, "Tổng quan tiến độ — Quý I/2018"),
        ("pages/don_vi.py", {"q": "2018-Q2", "unit": "HND"}, "Chi đoàn Hội Nông dân Thành phố"),
        ("pages/to_cong_tac.py", {"q": "2018-Q3", "to": "1"}, "Tổ công tác — Quý III/2018"),
        ("pages/cum.py", {"q": "2018-Q2", "cum": "6"}, "Các cụm và đơn vị đồng hành — Quý II/2018"),
        ("pages/mau_bieu.py", {"q": "2018-Q3"}, "Mẫu biểu để tải về"),
        ("pages/hop.py", {"q": "2018-Q2", "ngay": "2018-06-30", "tu": "2018-03-28"}, "Họp giao ban ngày 30/06/2018"),
    ],
)
def test_every_page_reopens_from_its_link(app, page, params, title):
    app.query_params.update(params)
    app.switch_page(page).run()
    assert not app.exception
    assert app.title[0].value == title
    kept = {k: (v[0] if isinstance(v, list) else v) for k, v in dict(app.query_params).items()}
    assert {k: kept.get(k) for k in params} == params  # the link still says the same view
    assert app.sidebar.selectbox[0].value == params["q"]


def test_groups_page_shows_members_units_and_missing_reports(app):
    app.query_params["q"] = "2018-Q3"
    app.switch_page("pages/to_cong_tac.py").run()
    assert not app.exception
    headers = [h.value for h in app.header]
    assert headers == [
        "Tổ công tác số 1 — Tổ trưởng: Phạm Văn Linh",
        "Tổ công tác số 2 — Tổ trưởng: Nguyễn Thị Bích Liên",
        "Đơn vị khó khăn, đặc thù chưa có tổ công tác phụ trách",
    ]
    members = app.dataframe[0].value
    assert members["Thành viên"].tolist()[0] == "Phạm Văn Linh" and members["Vai trò"].tolist()[0] == "Tổ trưởng"
    arrivals = app.dataframe[-1].value
    row = arrivals[arrivals["Tên đơn vị"] == "Đoàn Cục Thi hành án dân sự Thành phố"].iloc[0]
    assert row["Quý III/2018"] == "✗ chưa nộp" and row["Quý II/2018"] == "✓ đã nộp"
    assert [w.value for w in app.warning] == ["Còn 1 báo cáo quý chưa nộp. Hãy nhắc đơn vị gửi báo cáo."]


def test_cluster_page_lists_pairs(app):
    app.query_params["q"] = "2018-Q3"
    app.switch_page("pages/cum.py").run()
    assert not app.exception
    pairs = app.dataframe[0].value
    assert len(pairs) == 6
    assert set(pairs["Lưu ý"]) == {""}  # the sample's pairs are as the plan asks
    dls = pairs[pairs["Đơn vị được theo dõi"] == "Đoàn Đoàn Luật sư Thành phố"].iloc[0]
    assert (dls["Tổng điểm"], dls["Tăng/giảm"], dls["Đơn vị đồng hành"]) == (
        "73",
        "+12",
        "Đoàn Viện Kiểm sát nhân dân Thành phố",
    )
    subheaders = [s.value for s in app.subheader]
    # the followed units by cluster: cụm 1 has none
    assert subheaders[:2] == ["Tổng hợp theo cụm", "Cụm 2 — cụm trưởng: Đoàn Văn phòng Ủy ban nhân dân Thành phố"]
    summary = app.dataframe[1].value.set_index("Cụm")
    assert summary.loc[6, "Cụm trưởng"] == "Đoàn Viện Kiểm sát nhân dân Thành phố" and summary.loc[6, "Số đơn vị"] == 1
    assert summary.loc[8, "Số đơn vị"] == 2  # BDMDN beside LMHTX


def test_unit_page_shows_gap_people_companion_and_reports(app):
    app.query_params.update({"q": "2018-Q3", "unit": "BDMDN"})
    app.switch_page("pages/don_vi.py").run()
    assert not app.exception
    texts = " ".join(m.value for m in app.markdown)
    assert "Cần thêm **9 điểm** để đạt **Vững mạnh**" in texts
    # its companion, in cụm 8 beside it, and what the companionship did
    assert "Chi đoàn Ban Quản lý Khu công viên lịch sử văn hóa dân tộc Thành phố (CVLS)" in texts
    assert "Cụm đồng hành — đến Quý III/2018: Đang thực hiện." in texts
    assert [e.label for e in app.expander][:1] == ["Quý III/2018 — họp tổ 26/09/2018 — Phạm Văn Linh"]
    assert any("Ban Chấp hành" in t.value for t in app.text)
    assert app.success[0].value == "Đơn vị đạt mức công nhận tiến bộ ở Quý III/2018."


def test_presentation_mode_hides_the_filters(app):
    app.query_params.update({"q": "2018-Q2", "unit": "DLS", "present": "1"})
    app.switch_page("pages/don_vi.py").run()
    assert not app.exception
    assert len(app.selectbox) == len(app.sidebar.selectbox)  # no unit picker in the page
    assert not [e for e in app.sidebar.expander]  # no share box
    assert dict(app.query_params)["present"] in ("1", ["1"])


def test_english_switch_translates_every_page(app):
    for page, title in (
        ("pages/to_cong_tac.py", "Working groups — Q3 2018"),
        ("pages/cum.py", "Clusters and companion units — Q3 2018"),
        ("pages/mau_bieu.py", "Templates to download"),
    ):
        app.query_params.update({"lang": "en", "q": "2018-Q3"})
        app.switch_page(page).run()
        assert not app.exception and app.title[0].value == title


def test_filters_survive_moving_to_another_page(app):
    app.run()
    app.sidebar.selectbox[0].set_value("2018-Q1")
    app.selectbox(key="f_ds").set_value("kho_khan").run()
    for key in list(app.query_params):  # navigating drops the query string, as the browser does
        del app.query_params[key]
    app.switch_page("pages/cum.py").run()
    assert not app.exception
    assert app.title[0].value == "Các cụm và đơn vị đồng hành — Quý I/2018"
    assert app.selectbox(key="f_ds").value == "kho_khan"
    assert dict(app.query_params)["q"] in ("2018-Q1", ["2018-Q1"])


def test_reports_page_makes_both_documents(app):
    app.switch_page("pages/bao_cao.py").run()
    assert not app.exception and app.title[0].value == "Báo cáo Thường trực, sơ kết, tổng kết"
    next(b for b in app.button if b.label == "Lập báo cáo").click().run()
    assert not app.exception
    assert [b.label for b in app.get("download_button")] == ["Tải văn bản Word (.docx)", "Tải bảng Excel (.xlsx)"]


def test_the_reports_page_offers_the_reviews_with_the_data_they_read(app):
    app.switch_page("pages/bao_cao.py").run()
    which = next(s for s in app.selectbox if s.label == "Báo cáo")
    assert which.options[-2:] == ["Sơ kết 6 tháng (06/2018, số liệu quý I–II)", "Tổng kết (10/2018, số liệu quý I–III)"]
    which.set_value(("final", "2018-Q3")).run()
    assert not app.exception and which.value == ("final", "2018-Q3")  # the tổng kết reads Q3, not Q4


@pytest.mark.parametrize("page", ["pages/tong_quan.py", "pages/don_vi.py", "pages/cum.py"])
def test_garbage_in_the_link_falls_back_to_the_defaults(app, page):
    """No exception: each parameter the page reads takes its default and the link says so."""
    app.switch_page(page).run()
    plain = (app.title[0].value, dict(app.query_params))
    app.query_params.clear()
    garbage = {"lang": "xx", "q": "2018-Q9", "cum": "٨", "to": "9" * 40, "ds": "yes", "present": "2"}
    app.query_params.update(garbage | ({"unit": "<b>\x00"} if page == "pages/don_vi.py" else {}))
    app.switch_page(page).run()
    assert not app.exception
    assert (app.title[0].value, dict(app.query_params)) == plain


def chart_specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_an_empty_table_says_so_in_vietnamese(app):
    app.query_params.update({"q": "2018-Q1", "xem": "xep-loai"})  # no unit is recognised yet in Q1
    app.run()
    assert not app.exception
    assert all(len(d.value) for d in app.dataframe)  # no empty grid with Streamlit's English "empty"
    assert "Không có dòng nào." in [c.value for c in app.caption]


def test_an_unknown_page_lands_on_the_overview(app, monkeypatch):
    intent = PagesManager.set_script_intent

    def as_the_browser_asks(self, page_hash, page_name):  # the browser opened /khong_co
        intent(self, page_hash, page_name or ("" if page_hash else "khong_co"))

    monkeypatch.setattr(PagesManager, "set_script_intent", as_the_browser_asks)
    app.run()
    assert not app.exception
    assert app.title[0].value.startswith("Tổng quan tiến độ")
    assert [i.value for i in app.info][0] == "Không tìm thấy trang “khong\\_co”; đây là trang Tổng quan."


def test_the_cluster_chart_names_the_colours_of_its_bars(app):
    app.query_params["q"] = "2018-Q3"
    app.switch_page("pages/cum.py").run()
    assert not app.exception
    traces = chart_specs(app)[0]["data"]
    names = [t.get("name") for t in traces if t.get("showlegend") is not False]
    assert names == ["Đúng tiến độ", "Cần chú ý", "Chậm tiến độ", "Đơn vị đồng hành", "Điểm năm 2017"]
    special = next(t for t in traces if t.get("name") == "Đơn vị được theo dõi")  # coloured by its status
    assert special["showlegend"] is False and set(special["marker"]["color"]) == {"#2e7d32", "#f9a825", "#c62828"}


def test_default_milestones_are_named_in_english(app):
    app.query_params.update({"lang": "en", "q": "2018-Q3", "xem": "moc"})
    app.run()
    assert not app.exception
    timeline = json.dumps(chart_specs(app)[-1], ensure_ascii=False)
    assert "Working group meeting, Q3" in timeline and "Plan launched" in timeline
    assert "Họp tổ công tác" not in timeline and "Triển khai" not in timeline


def test_a_quarter_without_data_says_so(app):
    app.query_params.update({"q": "2018-Q4", "xem": "xep-loai"})  # no scores, no reports yet
    app.run()
    assert not app.exception
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in app.get("plotly_chart")]
    assert not any(t.startswith("Xếp loại năm 2017") for t in titles)  # no grid of identical blank cells
    assert "Chưa có số liệu — Xếp loại năm 2017 → Quý IV/2018 (số đơn vị)" in [i.value for i in app.info]


def test_meeting_page_reads_the_meeting_of_its_link(app):
    """/hop?ngay=…&tu=… (#20): the brief of that meeting, its dates kept in the link, the status
    changes of Q1 against 2017 and the .docx to download."""
    app.query_params.update({"ngay": "30/06/2018", "tu": "2018-03-28"})
    app.switch_page("pages/hop.py").run()
    assert not app.exception
    assert app.title[0].value == "Họp giao ban ngày 30/06/2018"
    kept = {k: (v[0] if isinstance(v, list) else v) for k, v in dict(app.query_params).items()}
    assert (kept["ngay"], kept["tu"]) == ("2018-06-30", "2018-03-28")  # written back as yyyy-mm-dd
    texts = [t.value for t in app.text]
    assert "Đơn vị đổi trạng thái: 4" in texts
    assert "Đơn vị dự báo chưa đạt mục tiêu ở Tổng kết: 4/9" in texts
    changed = app.dataframe[0].value
    assert list(changed["Đơn vị"]) == [
        "Đoàn Cục Thi hành án dân sự Thành phố",
        "Đoàn Sở Tư pháp",
        "Chi đoàn Hội Chữ thập đỏ Thành phố",
        "Chi đoàn Liên minh Hợp tác xã Thành phố",
    ]


def test_meeting_page_says_dates_out_of_order(app):
    app.query_params.update({"ngay": "2018-03-28", "tu": "2018-06-30"})
    app.switch_page("pages/hop.py").run()
    assert not app.exception
    assert "phải trước" in app.error[0].value
