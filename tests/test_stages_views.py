"""Scoring in stages, read side by side (#19): the unit page's chart of the self-score against the
checked and approved totals, the largest gaps between self-scores and checks, the units that wait.
Numbers counted by hand from sample_data (make_sample's staged scorecards)."""

import io

import docx
import openpyxl
import pytest

from doandata import charts, i18n, reports, stages
from doandata.store import EditorRequired, EditRefused, Store
from tests.conftest import NEXT, SEEDED
from tests.test_editing import app_on, open_page, sign_in

# BDMDN (Ban Dân vận, group 1) in the sample: it scored itself 57,5 / 64,5 / 72 in Q1–Q3, the group
# checked 56 / 63 / 71, the Standing Committee approved Q1 and Q2 as checked; Q3 is not approved yet.
BDMDN = {"self": [57.5, 64.5, 72.0], "checked": [56.0, 63.0, 71.0], "approved": [56.0, 63.0]}


def test_the_unit_path_holds_each_stage_per_quarter(store):
    path = stages.unit_path(stages.stage_totals(store), "BDMDN", store.settings())
    assert list(path["period"]) == ["2018-Q1", "2018-Q2", "2018-Q3"]  # no stages for 2017's baseline
    assert list(path["self"]) == BDMDN["self"]
    assert list(path["checked"]) == BDMDN["checked"]
    assert list(path["approved"].dropna()) == BDMDN["approved"] and path["approved"].isna().iloc[2]


def test_the_chart_draws_the_self_score_against_the_check_in_vietnamese_numbers(store):
    path = stages.unit_path(stages.stage_totals(store, unit_codes=["BDMDN"]), "BDMDN", store.settings())
    fig = charts.stage_path(path, "Ban Dân vận", "vi")
    lines = {t.name: t for t in fig.data}
    assert list(lines) == ["Đơn vị tự chấm", "Tổ công tác thẩm định", "Ban Thường vụ duyệt"]
    assert list(lines["Đơn vị tự chấm"].x) == ["Quý I/2018", "Quý II/2018", "Quý III/2018"]
    assert list(lines["Đơn vị tự chấm"].y) == BDMDN["self"]
    assert list(lines["Đơn vị tự chấm"].customdata) == ["57,5", "64,5", "72"]  # the hover's numbers
    assert list(lines["Tổ công tác thẩm định"].customdata) == ["56", "63", "71"]
    assert list(lines["Ban Thường vụ duyệt"].customdata) == ["56", "63", "—"]
    assert fig.layout.title.text.replace("<br>", " ") == "Điểm tự chấm và điểm thẩm định theo quý — Ban Dân vận"
    big = charts.for_projector(fig)  # present mode: the same numbers, larger
    assert big.layout.height > fig.layout.height and list(big.data[0].y) == BDMDN["self"]


def test_a_unit_with_only_self_scores_draws_one_line_in_english(store):
    path = stages.unit_path(stages.stage_totals(store), "HND", store.settings())
    path = path[path["period"] == "2018-Q3"]  # HND's Q3: self-scored 55, not checked yet
    fig = charts.stage_path(path, "<b>Hội Nông dân</b>", "en")
    assert [t.name for t in fig.data] == ["Self-score"]
    assert list(fig.data[0].customdata) == ["55"]
    assert "&lt;b&gt;" in fig.layout.title.text  # a name is text, never markup


# ---------------------------------------------------------------- the largest gaps, and who waits

# Q2 in the sample, self-score against the check, by hand: HND 54/52, STP 77/75 (+2 each); BDMDN
# 64,5/63, LDLD 93,5/92, LMHTX 59,5/58, STC 70,5/69 (+1,5); CVLS, DLS, KBNN, TAND (+1); CTHADS,
# MTTQ (+0,5): 12 units above their check. Equal gaps in the order of the units' codes.
Q2_TOP5 = [("HND", 54.0, 52.0, 2.0), ("STP", 77.0, 75.0, 2.0), ("BDMDN", 64.5, 63.0, 1.5)]
Q2_TOP5 += [("LDLD", 93.5, 92.0, 1.5), ("LMHTX", 59.5, 58.0, 1.5)]


def test_the_largest_gaps_of_q2_counted_by_hand(store):
    gaps = stages.largest_gaps(stages.stage_totals(store, periods=["2018-Q2"]), store.units(), "2018-Q2")
    assert len(gaps) == 12
    assert list(gaps[["unit_code", "self", "checked", "gap"]].head(5).itertuples(index=False, name=None)) == Q2_TOP5
    assert gaps["unit_name"].iloc[0] == "Chi đoàn Hội Nông dân Thành phố"
    assert list(gaps.tail(2)["unit_code"]) == ["CTHADS", "MTTQ"]


def test_q3_has_one_gap_and_units_waiting(store):
    # Q3: only group 1 (BDMDN 72/71, STC 72/72) is checked: one gap; 22 units wait for checking,
    # 2 for approval; Q2 is approved throughout
    gaps = stages.largest_gaps(stages.stage_totals(store), store.units(), "2018-Q3")
    assert list(gaps[["unit_code", "gap"]].itertuples(index=False, name=None)) == [("BDMDN", 1.0)]
    assert stages.waiting(store.stage_counts(), "2018-Q3") == {"check": 22, "approval": 2}
    assert stages.waiting(store.stage_counts(), "2018-Q2") == {"check": 0, "approval": 0}
    store.approve("2018-Q3", 1, by="Ban Thường vụ")
    assert stages.waiting(store.stage_counts(), "2018-Q3") == {"check": 22, "approval": 0}


def test_the_review_docx_and_xlsx_show_the_gaps_and_who_waits(store):
    document = docx.Document(io.BytesIO(reports.build(store, "quarter", "2018-Q2", "docx", with_images=False)))
    texts = [p.text for p in document.paragraphs]
    at = texts.index("Chênh lệch giữa điểm tự chấm và điểm thẩm định")
    assert texts[at + 1] == (
        "Quý II/2018: 0 đơn vị mới có điểm tự chấm, chờ Tổ công tác thẩm định; 0 đơn vị đã thẩm định, "
        "chờ Ban Thường vụ duyệt."
    )
    assert texts[at + 2] == "12 đơn vị tự chấm cao hơn điểm Tổ công tác thẩm định; 5 đơn vị chênh nhiều nhất:"
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Chênh lệch")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["STT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch"]
    assert rows[1] == ["1", "Chi đoàn Hội Nông dân Thành phố", "54", "52", "+2"]
    assert rows[3][2:] == ["64,5", "63", "+1,5"] and len(rows) == 6

    wb = openpyxl.load_workbook(io.BytesIO(reports.build(store, "quarter", "2018-Q3", "xlsx")))
    ws = wb["Chênh lệch điểm"]
    assert ws["A1"].value == "Chênh lệch giữa điểm tự chấm và điểm thẩm định"
    assert [c.value for c in ws[5]][:6] == [
        1,
        "BDMDN",
        "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố",
        72,
        71,
        1,
    ]
    assert ws.cell(6, 1).value is None  # one gap only
    waits = {ws.cell(r, 3).value: ws.cell(r, 4).value for r in range(7, ws.max_row + 1)}
    assert waits["Chờ Tổ công tác thẩm định"] == 22 and waits["Chờ Ban Thường vụ duyệt"] == 2
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.orientation == "landscape"


def test_the_overview_shows_the_largest_gaps_of_the_units_shown(db_url, monkeypatch):
    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/tong_quan.py", q="2018-Q2", xem="xep-loai")  # ratings and the scoring's gaps
    # the nine followed units of Q2: HND, STP +2; BDMDN, LMHTX, STC +1,5; DLS +1; CTHADS +0,5
    assert "**Chênh lệch giữa điểm tự chấm và điểm thẩm định**" in [m.value for m in app.markdown]
    caption = "Quý II/2018: 7 đơn vị tự chấm cao hơn điểm Tổ công tác thẩm định; 5 đơn vị chênh nhiều nhất:"
    assert caption in [c.value for c in app.caption]
    table = next(d.value for d in app.dataframe if "Chênh lệch" in d.value.columns)
    assert list(table["Tên đơn vị"]) == [
        "Chi đoàn Hội Nông dân Thành phố",
        "Đoàn Sở Tư pháp",
        "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố",
        "Chi đoàn Liên minh Hợp tác xã Thành phố",
        "Đoàn Sở Tài chính",
    ]
    assert list(table["Chênh lệch"]) == ["+2", "+2", "+1,5", "+1,5", "+1,5"]
    open_page(app, "pages/tong_quan.py", q="2018-Q3")  # only group 1 checked: BDMDN 72/71
    table = next(d.value for d in app.dataframe if "Chênh lệch" in d.value.columns)
    assert table.values.tolist() == [["Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố", "+1", "72", "71"]]


# ---------------------------------------------------------------- evidence entered in the app

# BDMDN's Q3 evidence in the sample: TC7 (text only) and TC8 (text and link)
TC8 = ("Chương trình liên tịch với Cấp ủy quý III/2018", "https://example.org/minh-chung/bdmdn/2018-q3/tc8")


def evidence_of(store, unit="BDMDN", period="2018-Q3") -> dict:
    rows = store.evidence([unit])
    rows = rows[rows["period"] == period]
    return {
        r["criterion_code"]: (r["text"], r["link"])
        for r in rows.to_dict("records")
        if isinstance(r["text"], str) or isinstance(r["link"], str)
    }


def test_an_editor_adds_changes_and_empties_evidence_each_undone_on_history(any_store):
    store = any_store
    before = evidence_of(store)
    assert set(before) == {"TC7", "TC8"} and before["TC8"] == TC8
    entry = store.save_evidence(
        "bdmdn", "2018-Q3", "TC1", "Biên bản\x07 kiện toàn\n  cán bộ", "bien_ban_TC1.pdf", by="Nguyễn Văn A"
    )
    assert entry == NEXT
    assert evidence_of(store)["TC1"] == ("Biên bản kiện toàn cán bộ", "bien_ban_TC1.pdf")  # cleaned
    assert {k: v for k, v in evidence_of(store).items() if k != "TC1"} == before  # the others kept
    row = store.upload(entry)
    assert (row["action"], row["kinds"], row["by"], row["periods"]) == ("edit", "scores", "Nguyễn Văn A", "2018-Q3")
    assert (
        store.save_evidence("BDMDN", "2018-Q3", "TC1", "Biên bản kiện toàn cán bộ", "bien_ban_TC1.pdf", by="B") is None
    )
    emptied = store.save_evidence("BDMDN", "2018-Q3", "TC8", "", "", by="Nguyễn Văn A")
    assert "TC8" not in evidence_of(store)
    assert store.card_scores("2018-Q3", "BDMDN").set_index("criterion").loc["TC8", "reason"]  # the reason stays
    store.rollback(emptied, by="Nguyễn Văn A")  # undone: TC8's evidence back, TC1's kept
    assert evidence_of(store)["TC8"] == TC8 and "TC1" in evidence_of(store)
    store.rollback(entry, by="Nguyễn Văn A")
    assert evidence_of(store) == before


def test_evidence_for_an_unknown_unit_criterion_or_period_is_refused_naming_it(store):
    with pytest.raises(EditRefused) as refused:
        store.save_evidence("XYZ", "2019-Q1", "TC99", "a", by="Nguyễn Văn A")
    message = refused.value.message("vi")
    assert "Không có đơn vị “XYZ”" in message and "Không có tiêu chí “TC99”" in message
    assert "Kỳ 2019-Q1 không thuộc kế hoạch" in message
    with pytest.raises(EditorRequired):
        store.save_evidence("BDMDN", "2018-Q3", "TC1", "a", by=" ")
    assert len(store.history()) == SEEDED  # nothing stored


def test_an_editor_enters_evidence_on_the_unit_page_and_a_viewer_reads_it_as_text(db_url, monkeypatch):
    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/don_vi.py", unit="BDMDN", q="2018-Q3")
    viewer = "Minh chứng của từng tiêu chí ở bảng trên. Người biên tập đăng nhập để thêm hay sửa minh chứng."
    assert viewer in [c.value for c in app.caption]
    assert not [b for b in app.button if b.label == "Lưu minh chứng"]
    sign_in(app)
    assert viewer not in [c.value for c in app.caption]
    next(s for s in app.selectbox if s.label == "Tiêu chí").select("TC2").run()
    link = "[bấm vào](https://x.example)"
    next(t for t in app.text_area if t.label == "Minh chứng (nội dung ngắn)").input("Quyết định\x00 kiện toàn BCH")
    next(t for t in app.text_input if t.label == "Đường dẫn hoặc tên tệp văn phòng lưu").input(link)
    next(b for b in app.button if b.label == "Lưu minh chứng").click().run()
    assert not app.exception, app.exception
    saved = f"Đã lưu minh chứng tiêu chí TC2, Quý III/2018: mục lịch sử #{NEXT} (hoàn tác được ở trang Lịch sử)."
    assert saved in [s.value for s in app.success]
    assert evidence_of(Store(db_url))["TC2"] == ("Quyết định kiện toàn BCH", link)
    table = next(d.value for d in app.dataframe if "Minh chứng" in d.value.columns).set_index("Tiêu chí")
    assert table.loc["TC2", "Minh chứng"] == f"Quyết định kiện toàn BCH {link}"  # a cell: text, not a link
    next(b for b in app.button if b.label == "Lưu minh chứng").click().run()  # the same again: nothing stored
    assert "Minh chứng không thay đổi: không lưu gì." in [i.value for i in app.info]
    assert len(Store(db_url).history()) == NEXT


@pytest.mark.parametrize("unit", ["BDMDN", "MTTQ"])  # with support actions, and without
def test_the_unit_page_offers_one_sign_in_form(db_url, monkeypatch, unit):
    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/don_vi.py", unit=unit, q="2018-Q3")
    assert [e.label for e in app.expander].count("Người biên tập: đăng nhập để sửa") == 1
    assert [b.label for b in app.button].count("Đăng nhập") == 1


# ---------------------------------------------------------------- the stage chosen at upload


def test_the_upload_page_passes_the_stage_chosen_to_the_check_and_the_store(db_url, monkeypatch):
    from tests.test_editing import XLSX
    from tests.test_stages import card, counted

    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    choice = app.selectbox(key="upload_stage")
    assert choice.label == "Giai đoạn chấm điểm"
    assert choice.options == ["Tự động theo tệp", "Đơn vị tự chấm", "Tổ công tác thẩm định", "Ban Thường vụ duyệt"]
    assert choice.value is None  # as the file says, unless chosen
    # a Q4 card naming the working group's stage in its title, uploaded as the unit's self-score
    lines = ("BẢNG ĐIỂM THI ĐUA", "Kỳ: Quý IV/2018", "Giai đoạn: Tổ công tác thẩm định")
    choice.set_value("self").run()
    app.get("file_uploader")[0].set_value(("hnd_q4.xlsx", card([{"unit": "HND"}], lines=lines), XLSX)).run()
    assert not app.exception, app.exception
    assert "Bảng điểm — kỳ Quý IV/2018 — 1 dòng, 1 đơn vị." in [m.value for m in app.markdown]
    next(b for b in app.button if b.label == "Xác nhận lưu").click().run()
    assert not app.exception, app.exception
    store = Store(db_url)
    assert counted(store, "HND", "2018-Q4") == (49, "self")
    assert store.history().iloc[0]["id"] == NEXT


WHAT_TO_DO = i18n.t("col.what_to_do")


def test_without_a_choice_a_card_naming_no_stage_is_stored_as_checked_and_the_page_says_so(db_url, monkeypatch):
    from tests.test_editing import XLSX
    from tests.test_stages import card, counted

    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    app.get("file_uploader")[0].set_value(("hnd_q4.xlsx", card([{"unit": "HND"}]), XLSX)).run()
    problems = next(d.value for d in app.dataframe if WHAT_TO_DO in d.value.columns)
    assert any("được lưu là “Tổ công tác thẩm định”" in m for m in problems[WHAT_TO_DO])
    next(b for b in app.button if b.label == "Xác nhận lưu").click().run()
    assert counted(Store(db_url), "HND", "2018-Q4") == (49, "checked")
