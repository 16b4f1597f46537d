"""The commendation proposal (#16, III.2.1 of the plan): the candidates the sample's figures propose,
counted by hand; the Standing Committee's decisions and the individuals added, each a history entry
that is undone; the printable list as .docx and .xlsx; the command line; hostile text."""

import dataclasses
import io
import json
import subprocess

import docx
import openpyxl
import pytest

from doandata import commendations as K
from doandata import metrics, tables
from doandata.store import EditorRequired, Store
from tests.conftest import NEXT, SEEDED, cli_main
from tests.test_editing import app_on, open_page, sign_in

ED = "Nguyễn Trần Tuấn"

# By hand, from sample_data (01 the unit list with its companions, 04/06/07 the scorecards, 10 the
# Q3 report's plan items): the followed units that progressed by at least a level or 10 points
# (settings: recognised_levels 1, recognised_points 10) over their 2017 card.
Q2_UNITS = {
    "HND": "Tổng điểm quý II/2018 đạt 52, tăng 7 điểm so với năm 2017; xếp loại từ Yếu lên Trung bình.",
    "BDMDN": "Tổng điểm quý II/2018 đạt 63, tăng 11 điểm so với năm 2017; xếp loại từ Trung bình lên Khá.",
    "SKHDT": "Tổng điểm quý II/2018 đạt 70, tăng 3 điểm so với năm 2017; xếp loại từ Khá lên Tiên tiến.",
}
# companions: HND's is LDLD, BDMDN's CVLS (SKHDT, khó khăn, has none; the other special units did not
# progress by Q2, and no DH item is done before Q3)
Q2_MATES = {
    "LDLD": "Đồng hành cùng Chi đoàn Hội Nông dân Thành phố (đơn vị tiến bộ, tăng 7 điểm).",
    "CVLS": "Đồng hành cùng Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố (đơn vị tiến bộ, tăng 11 điểm).",
}
# the tổng kết reads Q3: STC (64 → 72, Khá → Tiên tiến) and DLS (61 → 73) join; DLS's companion VKSND
# also has DLS's DH item reported done in Q3
Q3_UNITS = {"BDMDN", "DLS", "HND", "STC", "SKHDT"}
Q3_MATES = {"LDLD", "VKSND", "CVLS"}


def codes(cands, kind):
    return {c.key: c.reason for c in cands if c.kind == kind}


def test_the_candidates_are_the_hand_count(store):
    q2 = K.candidates(store, "2018-Q2")
    assert codes(q2, "unit") == Q2_UNITS
    assert codes(q2, "companion") == Q2_MATES
    assert [c.kind for c in q2] == ["unit"] * 3 + ["companion"] * 2  # units first, no persons yet
    assert {c.decision for c in q2} == {"proposed"}
    # đặc thù units first (BDMDN up 11 before HND up 7), then the khó khăn SKHDT
    assert [c.key for c in q2][:3] == ["BDMDN", "HND", "SKHDT"]
    final = K.candidates(store, "tong-ket")
    assert set(codes(final, "unit")) == Q3_UNITS and set(codes(final, "companion")) == Q3_MATES
    assert codes(final, "companion")["VKSND"] == (
        "Đồng hành cùng Đoàn Đoàn Luật sư Thành phố (đơn vị tiến bộ, tăng 12 điểm; "
        "đã hoàn thành nội dung “Đơn vị xuất sắc trong cụm đồng hành”)."
    )
    assert K.candidates(store, "2018-Q1") == []
    assert K.lines(store, "2018-Q1") == ["Chưa có đơn vị, cá nhân nào được đề xuất tuyên dương, khen thưởng."]


def test_the_units_are_the_ones_the_overview_counts_as_recognised(store):
    for period in ("2018-Q2", "2018-Q3"):
        frame = metrics.of_period(store, period)
        assert set(codes(K.candidates(store, period), "unit")) == set(frame.loc[frame["recognised"], "unit_code"])


def test_a_companion_is_proposed_for_the_dh_item_alone(store):
    """DLS's progress taken away: VKSND stays a candidate for the DH item done."""
    t = K.target("2018-Q3", store.settings())
    frames = K.frames_for(store, t.quarter)
    frames["progress"].loc[frames["progress"]["unit_code"] == "DLS", "recognised"] = False
    mates = codes(K.drafted(frames, t), "companion")
    assert mates["VKSND"] == (
        "Đồng hành cùng Đoàn Đoàn Luật sư Thành phố (đã hoàn thành nội dung “Đơn vị xuất sắc trong cụm đồng hành”)."
    )


def decisions(store, period="2018-Q2"):
    return {c.key: c.decision for c in K.candidates(store, period)}


def test_decisions_are_history_entries_and_are_undone(store):
    first = store.decide_commendation("2018-Q2", None, "HND", "Đồng ý", by=ED)
    assert first == NEXT
    second = store.decide_commendation("2018-Q2", "unit", "skhdt", "refused", by=ED)
    assert decisions(store) == {
        "BDMDN": "proposed",
        "HND": "agreed",
        "SKHDT": "refused",
        "LDLD": "proposed",
        "CVLS": "proposed",
    }
    assert store.decide_commendation("2018-Q2", None, "HND", "agreed", by=ED) is None  # nothing changed, no entry
    history = store.history()
    assert len(history) == SEEDED + 2
    newest = history.iloc[0].to_dict()
    assert (newest["action"], newest["by"], newest["periods"]) == ("commendation", ED, "2018-Q2")
    assert tables.action_name(newest) == "Tuyên dương, khen thưởng: không đồng ý một đề xuất"
    # the sơ kết's list is its own
    assert set(decisions(store, "so-ket").values()) == {"proposed"}
    store.rollback(second, by=ED)
    assert decisions(store)["SKHDT"] == "proposed" and decisions(store)["HND"] == "agreed"
    store.rollback(first, by=ED)
    assert set(decisions(store).values()) == {"proposed"}


def test_bad_decisions_are_refused_and_nothing_is_stored(store):
    with pytest.raises(EditorRequired):
        store.decide_commendation("2018-Q2", None, "HND", "agreed", by=" \x07 ")
    with pytest.raises(K.Refused) as bad:
        store.decide_commendation("2018-Q2", None, "HND", "có lẽ", by=ED)
    assert bad.value.message().startswith("Quyết định “có lẽ” không hợp lệ.")
    with pytest.raises(K.Refused) as unknown:
        store.decide_commendation("2018-Q2", None, "STC", "agreed", by=ED)  # STC progresses only in Q3
    assert unknown.value.message() == (
        "Không có “STC” trong danh sách đề nghị. Các mã trong danh sách: BDMDN, HND, SKHDT, LDLD, CVLS."
    )
    with pytest.raises(K.Refused) as period:
        store.decide_commendation("2019-Q9", None, "HND", "agreed", by=ED)
    assert period.value.message().startswith("Kỳ “2019-Q9” không hợp lệ.")
    assert len(store.history()) == SEEDED


def test_persons_are_added_and_removed_each_an_entry(store):
    people = K.suggestions(store.members(), store.reinforcements())
    assert people[0] == {"name": "Phạm Văn Linh", "role": "member", "unit_code": None, "group_no": 1}
    assert {"name": "Trần Minh Hoàng", "role": "reinforcement", "unit_code": "LMHTX", "group_no": None} in people
    one = store.add_person("2018-Q2", name=" Phạm  Văn Linh ", role="member", reason="Tổ trưởng Tổ 1, họp đủ", by=ED)
    two = store.add_person(
        "2018-Q2",
        name="Trần Minh Hoàng",
        role="reinforcement",
        reason="Tăng cường",
        unit="Chi đoàn Liên minh Hợp tác xã Thành phố",
        by=ED,
    )
    persons = [c for c in K.candidates(store, "2018-Q2") if c.kind == "person"]
    assert [(c.key, c.name, c.unit_code, c.role, c.decision) for c in persons] == [
        ("P1", "Phạm Văn Linh", None, "member", "proposed"),
        ("P2", "Trần Minh Hoàng", "LMHTX", "reinforcement", "proposed"),
    ]
    assert persons[1].unit_name == "Chi đoàn Liên minh Hợp tác xã Thành phố"
    store.decide_commendation("2018-Q2", "person", "P2", "agreed", by=ED)
    gone = store.remove_person("2018-Q2", "p1", by=ED)
    assert [(c.key, c.decision) for c in K.candidates(store, "2018-Q2") if c.kind == "person"] == [("P2", "agreed")]
    assert [tables.action_name(r) for r in store.history().head(4).to_dict("records")] == [
        "Tuyên dương, khen thưởng: bỏ một cá nhân",
        "Tuyên dương, khen thưởng: đồng ý một đề xuất",
        "Tuyên dương, khen thưởng: thêm một cá nhân",
        "Tuyên dương, khen thưởng: thêm một cá nhân",
    ]
    last = store.remove_person("2018-Q2", "P2", by=ED)  # the list is empty: still a change, undone too
    assert [c for c in K.candidates(store, "2018-Q2") if c.kind == "person"] == []
    store.rollback(last, by=ED)
    assert [c.key for c in K.candidates(store, "2018-Q2") if c.kind == "person"] == ["P2"]
    store.rollback(gone, by=ED)
    assert [c.key for c in K.candidates(store, "2018-Q2") if c.kind == "person"] == ["P1", "P2"]
    store.rollback(two, by=ED)
    store.rollback(one, by=ED)
    assert [c for c in K.candidates(store, "2018-Q2") if c.kind == "person"] == []


@pytest.mark.parametrize(
    ("kwargs", "said"),
    [
        ({"name": " \x00 ", "reason": "x"}, "Hãy nhập họ và tên người được đề nghị."),
        ({"name": "A", "reason": "\t"}, "Hãy nhập thành tích, lý do đề nghị tuyên dương, khen thưởng."),
        ({"name": "A", "reason": "x", "unit": "KHONGCO"}, "Không tìm thấy đơn vị “KHONGCO” trong danh sách đơn vị."),
    ],
)
def test_a_person_without_name_reason_or_known_unit_is_refused(store, kwargs, said):
    with pytest.raises(K.Refused) as refused:
        store.add_person("2018-Q2", role="cadre", by=ED, **kwargs)
    assert refused.value.message() == said
    assert len(store.history()) == SEEDED


def test_a_decision_on_a_unit_no_longer_proposed_is_kept_and_said(store):
    store.decide_commendation("2018-Q2", None, "HND", "agreed", by=ED)
    strict = dataclasses.replace(store.settings(), recognised_levels=4, recognised_points=100.0)
    store.save_settings(strict, by=ED)  # now no unit progressed enough
    cands = K.candidates(store, "2018-Q2")
    assert [(c.kind, c.key, c.decision, c.current) for c in cands] == [("unit", "HND", "agreed", False)]
    assert cands[0].reason == Q2_UNITS["HND"]  # as drafted when it was decided
    shown = K.table(cands)
    assert shown.iloc[0]["Thành tích/lý do"].endswith(
        "(Theo số liệu hiện nay đơn vị không còn trong diện đề xuất; quyết định đã ghi được giữ lại.)"
    )


HOSTILE = '=HYPERLINK("http://x.example","bấm")\x07 **đậm** <b>x</b>'
CLEAN = '=HYPERLINK("http://x.example","bấm") **đậm** <b>x</b>'


def decided_sample(store):
    store.decide_commendation("2018-Q2", None, "HND", "agreed", by=ED)
    store.decide_commendation("2018-Q2", None, "SKHDT", "refused", by=ED)
    store.add_person("2018-Q2", name=HOSTILE, role="cadre", unit="HND", reason="# tiêu đề\x1b[31m đỏ", by=ED)


def test_the_word_list_has_its_title_stt_rows_and_decisions(store, tmp_path):
    decided_sample(store)
    data = K.build(store, "2018-Q2", "docx")
    doc = docx.Document(io.BytesIO(data))
    text = [p.text for p in doc.paragraphs]
    assert "DANH SÁCH ĐỀ NGHỊ TUYÊN DƯƠNG, KHEN THƯỞNG" in text
    assert any(t.startswith("Căn cứ Kế hoạch số 15-KH/ĐTN ngày 09/02/2018") for t in text)
    assert "I. TẬP THỂ" in text and "II. CÁ NHÂN" in text
    heading, collective, individual, foot = doc.tables
    assert "Số:" in heading.cell(0, 0).text and "-DS/ĐTN" in heading.cell(0, 0).text
    rows = [[c.text for c in r.cells] for r in collective.rows]
    assert rows[0] == ["STT", "Tên đơn vị/cá nhân", "Đơn vị", "Thành tích/lý do", "Đề xuất/ Quyết định"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert [(r[1], r[4]) for r in rows[1:]] == [
        ("Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố", "Đề xuất"),
        ("Chi đoàn Hội Nông dân Thành phố", "Đồng ý"),
        ("Đoàn Sở Kế hoạch và Đầu tư", "Không đồng ý"),
        ("Chi đoàn Liên đoàn Lao động Thành phố", "Đề xuất"),
        ("Chi đoàn Ban Quản lý Khu công viên lịch sử văn hóa dân tộc Thành phố", "Đề xuất"),
    ]
    assert rows[2][3] == Q2_UNITS["HND"] and rows[4][2] == "Đơn vị đồng hành"
    assert collective.rows[0]._tr.xml.count("w:tblHeader") == 1  # the header repeated on every page
    person = [c.text for c in individual.rows[1].cells]
    assert person == ["1", CLEAN, "Chi đoàn Hội Nông dân Thành phố – Cán bộ Đoàn cơ sở", "# tiêu đề[31m đỏ", "Đề xuất"]
    assert "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" in foot.cell(0, 1).text
    # LibreOffice lays it out: the title and the heading's lines whole
    path = tmp_path / "ds.docx"
    path.write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    laid = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "ds.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "DANH SÁCH ĐỀ NGHỊ TUYÊN DƯƠNG, KHEN THƯỞNG" in laid
    assert "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP" in laid and "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" in laid


def test_the_workbook_list_prints_one_page_wide_and_keeps_text_as_text(store):
    decided_sample(store)
    wb = openpyxl.load_workbook(io.BytesIO(K.build(store, "2018-Q2", "xlsx")))
    assert wb.sheetnames == ["Đề nghị khen thưởng"]
    ws = wb.active
    assert ws["A1"].value == "DANH SÁCH ĐỀ NGHỊ TUYÊN DƯƠNG, KHEN THƯỞNG"
    assert [c.value for c in ws[4]] == [
        "STT",
        "Loại",
        "Tên đơn vị/cá nhân",
        "Đơn vị",
        "Thành tích/lý do",
        "Đề xuất/ Quyết định",
    ]
    body = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert [r[0] for r in body] == [1, 2, 3, 4, 5, 6]
    assert [r[5] for r in body] == ["Đề xuất", "Đồng ý", "Không đồng ý", "Đề xuất", "Đề xuất", "Đề xuất"]
    assert body[5][1:3] == ["Cá nhân", CLEAN]
    name = ws.cell(row=10, column=3)
    assert name.data_type == "s" and name.quotePrefix  # shown as typed, never a formula
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape"


def test_the_report_part_lists_what_is_not_refused(store):
    decided_sample(store)
    said = K.lines(store, "2018-Q2")
    assert said[0] == "a) Đơn vị tiến bộ (2 đơn vị):"  # SKHDT refused
    assert said[2] == (
        "- Chi đoàn Hội Nông dân Thành phố: Tổng điểm quý II/2018 đạt 52, tăng 7 điểm so với năm 2017; "
        "xếp loại từ Yếu lên Trung bình (Ban Thường vụ đã đồng ý)."
    )
    assert not any("Sở Kế hoạch" in line for line in said)  # refused
    assert said[3] == "b) Đơn vị đồng hành (2 đơn vị):"
    assert said[-2] == "c) Cá nhân (1 người):"


def test_the_review_documents_part_iv_is_the_proposal_with_its_decisions(store):
    """The quarter's report prints part IV from the same proposal: agreed said, refused left out,
    the persons added, and the count of the sentence above them is what is listed."""
    from doandata import reports

    decided_sample(store)
    paragraphs = [
        p.text
        for p in docx.Document(
            io.BytesIO(reports.build(store, "quarter", "2018-Q2", "docx", with_images=False))
        ).paragraphs
    ]
    part = paragraphs[
        paragraphs.index("2. Đề xuất tuyên dương, khen thưởng") + 1 : paragraphs.index(
            "V. NHIỆM VỤ TRONG THỜI GIAN TỚI"
        )
    ]
    listed = [line for line in part if line.startswith("- ")]
    assert part[0].endswith(f"khen thưởng {len(listed)} tập thể, cá nhân có thành tích trong thực hiện Kế hoạch:")
    assert part[1] == "a) Đơn vị tiến bộ (2 đơn vị):"
    assert any(
        line.startswith("- Chi đoàn Hội Nông dân Thành phố:") and line.endswith("(Ban Thường vụ đã đồng ý).")
        for line in listed
    )
    assert not any("Sở Kế hoạch" in line for line in listed)  # refused: not proposed in the report
    assert "c) Cá nhân (1 người):" in part


# ---------------------------------------------------------------- the command line

KEYS = {"kind", "name", "unit_code", "reason", "decision"}


def test_the_command_prints_one_object_per_candidate(db_url):
    done = cli_main("commendations", "--period", "2018-Q2", "--json", db_url=db_url)
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert all(set(r) >= KEYS for r in records)
    assert {(r["kind"], r["unit_code"]) for r in records} == {("unit", c) for c in Q2_UNITS} | {
        ("companion", c) for c in Q2_MATES
    }
    assert {r["unit_code"]: r["reason"] for r in records if r["kind"] == "unit"} == Q2_UNITS
    assert {r["decision"] for r in records} == {"proposed"}
    decided = cli_main(
        "commendations", "--period", "so-ket", "--decide", "BDMDN", "--decision", "agreed", "--by", ED, db_url=db_url
    )
    assert decided.returncode == 0 and decided.stdout.startswith(
        "Đã ghi: Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố — Đồng ý"
    )
    review = json.loads(cli_main("commendations", "--period", "so-ket", "--json", db_url=db_url).stdout)
    assert {r["unit_code"]: r["decision"] for r in review}["BDMDN"] == "agreed"
    table = cli_main("commendations", "--period", "Quý II/2018", db_url=db_url)
    assert " 2. [HND] Đơn vị tiến bộ · Chi đoàn Hội Nông dân Thành phố · Đề xuất" in table.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--period", "2019-Q5"), "Kỳ “2019-Q5” không hợp lệ."),
        (("--period", "2018-Q2", "--decide", "HND", "--decision", "agreed"), "Chỉ người biên tập"),
        (("--period", "2018-Q2", "--decide", "HND"), "Hãy ghi --decision cùng với --decide."),
        (("--period", "2018-Q2", "--decide", "ZZZ", "--decision", "agreed", "--by", "A"), "Không có “ZZZ”"),
    ],
)
def test_the_command_refuses_in_vietnamese(db_url, args, said):
    done = cli_main("commendations", *args, db_url=db_url)
    assert done.returncode != 0 and done.stderr.startswith(said) and "Traceback" not in done.stderr
    assert len(Store(db_url).history()) == SEEDED


# ---------------------------------------------------------------- the page


@pytest.fixture
def app(db_url, monkeypatch):
    return app_on(db_url, monkeypatch)


def test_a_viewer_sees_the_list_and_no_form(app):
    open_page(app, "pages/khen_thuong.py", q="2018-Q2")
    assert app.title[0].value == "Đề nghị tuyên dương, khen thưởng"
    shown = app.dataframe[0].value
    assert list(shown.columns) == [
        "STT",
        "Tên đơn vị/cá nhân",
        "Đề xuất/Quyết định",
        "Thành tích/lý do",
        "Loại",
        "Đơn vị",
    ]
    assert list(shown["Đơn vị"]) == ["BDMDN", "HND", "SKHDT", "LDLD", "CVLS"]
    assert [b.label for b in app.get("download_button")] == ["Tải danh sách (.docx)", "Tải danh sách (.xlsx)"]
    assert not [b for b in app.button if b.label in ("Ghi quyết định", "Thêm vào danh sách")]
    assert any(
        c.value.startswith("Người biên tập đăng nhập (ô “Người biên tập: đăng nhập để sửa”") for c in app.caption
    )
    assert "Người biên tập: đăng nhập để sửa" in [e.label for e in app.expander]


def test_an_editor_signs_in_on_the_page_itself_and_gets_the_forms(app):
    """No trip to Tải lên: the folded sign-in under the list opens the decision form in place."""
    open_page(app, "pages/khen_thuong.py", q="2018-Q2")
    sign_in(app, name=ED)
    assert app.title[0].value == "Đề nghị tuyên dương, khen thưởng"  # still on this page
    assert [b.label for b in app.button if b.label in ("Ghi quyết định", "Thêm vào danh sách")] == [
        "Ghi quyết định",
        "Thêm vào danh sách",
    ]
    assert "Người biên tập: đăng nhập để sửa" not in [e.label for e in app.expander]


def test_an_editor_decides_adds_a_person_and_removes_it(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app, name=ED)
    open_page(app, "pages/khen_thuong.py", q="2018-Q2")
    app.selectbox(key="commend_pick").set_value("unit:HND").run()
    next(r for r in app.radio if r.label == "Quyết định").set_value("agreed")
    next(b for b in app.button if b.label == "Ghi quyết định").click().run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == [
        f"Đã ghi quyết định “Đồng ý” cho Chi đoàn Hội Nông dân Thành phố: mục lịch sử #{NEXT} "
        "(hoàn tác được ở trang Lịch sử)."
    ]
    assert decisions(Store(db_url))["HND"] == "agreed"
    assert list(app.dataframe[0].value["Đề xuất/Quyết định"])[1] == "Đồng ý"

    next(t for t in app.text_input if t.label == "Họ và tên").input(HOSTILE)
    next(t for t in app.text_area if t.label == "Thành tích, lý do đề nghị").input("**Tích cực** [x](http://x)")
    next(b for b in app.button if b.label == "Thêm vào danh sách").click().run()
    assert not app.exception, app.exception
    person = [c for c in K.candidates(Store(db_url), "2018-Q2") if c.kind == "person"]
    assert [(c.name, c.role, c.reason) for c in person] == [(CLEAN, "cadre", "**Tích cực** [x](http://x)")]
    cells = app.dataframe[0].value
    assert cells.iloc[-1]["Tên đơn vị/cá nhân"] == CLEAN  # a cell: as typed, never markdown
    assert cells.iloc[-1]["Thành tích/lý do"] == "**Tích cực** [x](http://x)"

    next(b for b in app.button if b.label == "Bỏ khỏi danh sách").click().run()
    assert not app.exception, app.exception
    assert [c for c in K.candidates(Store(db_url), "2018-Q2") if c.kind == "person"] == []
    assert len(Store(db_url).history()) == SEEDED + 3


def test_an_editor_adds_a_suggested_member(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app, name=ED)
    open_page(app, "pages/khen_thuong.py", q="2018-Q3")
    app.selectbox(key="commend_suggest").set_value(0).run()
    assert next(t for t in app.text_input if t.label == "Họ và tên").value == "Phạm Văn Linh"
    next(b for b in app.button if b.label == "Thêm vào danh sách").click().run()
    assert app.error[0].value == "Hãy nhập thành tích, lý do đề nghị tuyên dương, khen thưởng."
    assert len(Store(db_url).history()) == SEEDED


def test_the_page_reads_on_a_phone_and_a_laptop_without_sideways_scrolling(db_url):
    """In real Chromium at 390×844 and 1366×768: the list, its downloads, no error, nothing wider
    than the window (the table scrolls inside itself)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app, wait_for_app
    from tests.test_browser_sizes import WAIT_MS, sideways

    with running_app(db_url) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in ((390, 844), (1366, 768)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"{base}/khen_thuong?q=2018-Q3")
            wait_for_app(page, timeout=WAIT_MS)
            assert page.locator("h1").first.inner_text() == "Đề nghị tuyên dương, khen thưởng"
            page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=WAIT_MS)
            assert page.get_by_role("button", name="Tải danh sách (.docx)").count() == 1
            assert page.locator("[data-testid='stException']").count() == 0
            assert sideways(page) == [0, 0], width
            page.close()
        browser.close()
