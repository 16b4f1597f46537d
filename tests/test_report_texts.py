"""The reports for Thường trực need no rewriting in Word (#16): the five parts of a review as the
office writes one, the prose drafted from the figures, edited by editors with history, Nơi nhận
and the signer from settings. Each test opens the .docx as the office would read it."""

import io
import json
import re

import docx
import pandas as pd

from doandata import builds, i18n, reports, tables
from doandata.settings import Settings
from tests.conftest import cli_main

SO_KET = ("midyear", "2018-Q2")
PARTS_IN_ORDER = [
    "I. TÌNH HÌNH CHUNG",
    "II. KẾT QUẢ THỰC HIỆN",
    "III. ĐÁNH GIÁ CHUNG",
    "IV. ĐỀ XUẤT TUYÊN DƯƠNG, KHEN THƯỞNG",
    "V. NHIỆM VỤ TRONG THỜI GIAN TỚI",
]
PLAN_RECIPIENTS = [
    "Nơi nhận:",
    "- Thành Đoàn: Ban CNLĐ, Ban TC, Ban Tuyên giáo;",
    "- Đảng ủy Khối: TT, Ban DV, Ban TC;",
    "- Cấp ủy các cơ sở Đoàn có tên;",
    "- Các cơ sở Đoàn có tên;",
    "- Lưu VP.",
]


def so_ket(store, signing=None, lang="vi") -> docx.document.Document:
    data = reports.build(store, *SO_KET, "docx", signing, with_images=False, lang=lang)
    return docx.Document(io.BytesIO(data))


def paragraphs(d) -> list[str]:
    return [p.text for p in d.paragraphs]


def between(d, start: str, end: str) -> list[str]:
    """The paragraphs of a part: after its heading, before the next."""
    body = paragraphs(d)
    return body[body.index(start) + 1 : body.index(end)]


def foot(d):
    return d.tables[-1].rows[0].cells


def test_the_review_has_the_five_parts_of_the_office_in_order(store):
    d = so_ket(store)
    assert [t for t in paragraphs(d) if re.match(r"^[IVX]+\. ", t)] == PARTS_IN_ORDER
    english = so_ket(store, lang="en")
    assert [t for t in paragraphs(english) if re.match(r"^[IVX]+\. ", t)] == [
        "I. GENERAL SITUATION",
        "II. RESULTS",
        "III. OVERALL ASSESSMENT",
        "IV. PROPOSED PRAISE AND REWARDS",
        "V. TASKS AHEAD",
    ]
    # the figures stay in part II: its tables and the units by progress
    results = between(d, PARTS_IN_ORDER[1], PARTS_IN_ORDER[2])
    assert "1. Kết quả bảng điểm thi đua" in results and "5. Đơn vị theo tiến độ" in results
    assert any(t.startswith("- Chậm tiến độ (1): Chi đoàn Liên minh Hợp tác xã Thành phố") for t in results)
    assessment = between(d, PARTS_IN_ORDER[2], PARTS_IN_ORDER[3])
    assert [t for t in assessment if re.match(r"^\d\. \w", t) and len(t) < 40] == [
        "1. Ưu điểm",
        "2. Hạn chế",
        "3. Nguyên nhân",
        "4. Bài học kinh nghiệm",  # the plan asks the sơ kết to draw lessons
    ]


def test_the_drafts_say_the_stores_figures_and_the_units_words(store):
    d = so_ket(store)
    situation = "\n".join(between(d, PARTS_IN_ORDER[0], PARTS_IN_ORDER[1]))
    sent = store.reports()
    six_months = sent[sent["period"].isin(["2018-Q1", "2018-Q2"])]
    meetings = store.meetings()
    held = int(meetings["period"].isin(["2018-Q1", "2018-Q2"]).sum())
    assert held and len(six_months)
    assert (
        f"Trong 6 tháng đầu năm 2018, các tổ công tác đã họp {held} lượt; "
        f"Ban Thường vụ đã nhận {len(six_months)} báo cáo quý của các đơn vị." in situation
    )
    assert "1 đơn vị chậm tiến độ: Chi đoàn Liên minh Hợp tác xã Thành phố." in situation
    q2 = sent[sent["period"] == "2018-Q2"]
    names = dict(zip(store.units()["unit_code"], store.units()["name"]))
    first = q2.iloc[0]  # the units' own words, as they wrote them; the rest are in part II's table
    assert f"- {names[first['unit_code']]}: {first['difficulties'].rstrip('.')}." in situation
    assert f"- Và {len(q2) - 4} đơn vị khác (chi tiết tại mục 7 phần II)." in situation
    opening = paragraphs(d)[paragraphs(d).index("-----") + 1]
    assert opening.startswith("Thực hiện Kế hoạch số 15-KH/ĐTN ngày 09/02/2018 của Ban Thường vụ Đoàn Khối")
    commendation = between(d, PARTS_IN_ORDER[3], PARTS_IN_ORDER[4])
    # part IV is the proposal of the page Tuyên dương, khen thưởng (commendations.lines)
    assert (
        "- Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố: Tổng điểm quý II/2018 đạt 63, tăng 11 điểm "
        "so với năm 2017; xếp loại từ Trung bình lên Khá."
    ) in commendation
    body = paragraphs(d)
    tasks = body[body.index(PARTS_IN_ORDER[4]) + 1 :]
    assert tasks[0].startswith("1. Các tổ công tác làm việc trực tiếp với Cấp ủy")


def test_the_commendation_is_drafted_from_the_candidates_lines_it_is_given(store):
    from doandata import drafts

    report = reports.gather(*SO_KET, reports.frames_for(store, "2018-Q2"))
    text = drafts.commendation(report, ["Đồng chí Nguyễn Văn A, tổ công tác số 1", "Đoàn Sở Tư pháp"])
    assert text.split("\n")[1:] == ["- Đồng chí Nguyễn Văn A, tổ công tác số 1;", "- Đoàn Sở Tư pháp."]
    assert "2 tập thể, cá nhân" in text.split("\n")[0]
    assert drafts.commendation(report, []).startswith("Trong kỳ chưa có đơn vị")


def test_an_edited_part_is_printed_verbatim_then_reverted_with_history_and_undo(store):
    builds.forget()
    before = builds.document(store, *SO_KET, "docx")
    typed = "Ưu điểm nổi bật: các tổ công tác họp đủ.\n\nBài học: bám sát cơ sở."
    entry = store.save_report_texts(*SO_KET, {"assessment": typed}, by="Nguyễn Trần Tuấn")
    after = docx.Document(io.BytesIO(builds.document(store, *SO_KET, "docx")))  # a new build: the store moved on
    assert between(after, PARTS_IN_ORDER[2], PARTS_IN_ORDER[3]) == [
        "Ưu điểm nổi bật: các tổ công tác họp đủ.",
        "Bài học: bám sát cơ sở.",
    ]
    assert "1. Ưu điểm" in paragraphs(docx.Document(io.BytesIO(before)))
    # the history: one entry, said in Vietnamese, and the text's author and time on the page and CLI
    row = store.upload(entry)
    assert (row["action"], row["by"], row["periods"]) == ("report_text", "Nguyễn Trần Tuấn", "2018-Q2")
    assert tables.action_name(row) == "Sửa lời văn báo cáo sơ kết"
    texts = reports.texts_of(store, *SO_KET)
    assert texts["assessment"]["edited"] and texts["assessment"]["by"] == "Nguyễn Trần Tuấn"
    assert not texts["situation"]["edited"] and texts["situation"]["text"] == texts["situation"]["draft"]
    # saved again: the previous text is kept in history; undo brings it back
    second = store.save_report_texts(*SO_KET, {"assessment": "Đánh giá lần hai."}, by="Trần Văn B")
    assert store.save_report_texts(*SO_KET, {"assessment": "Đánh giá lần hai."}, by="Trần Văn B") is None
    store.rollback(second, by="Nguyễn Trần Tuấn")
    assert store.report_texts(*SO_KET) == {"assessment": typed.replace("\n\n", "\n")}
    # an empty text puts the draft back
    store.save_report_texts(*SO_KET, {"assessment": "  \n"}, by="Nguyễn Trần Tuấn")
    assert store.report_texts(*SO_KET) == {}
    reverted = docx.Document(io.BytesIO(builds.document(store, *SO_KET, "docx")))
    assert "1. Ưu điểm" in paragraphs(reverted)
    # kept per report and period: the tổng kết is untouched
    assert store.report_texts("final", "2018-Q3") == {}
    assert store.report_texts("quarter", "2018-Q2") == {}


def test_the_recipients_default_to_the_plans_list_and_are_edited(store):
    left, _ = foot(so_ket(store))
    assert [p.text for p in left.paragraphs] == PLAN_RECIPIENTS
    store.save_report_texts(*SO_KET, {"recipients": "Thường trực Thành Đoàn;\n- Lưu VP."}, by="Nguyễn Trần Tuấn")
    left, _ = foot(so_ket(store))
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Thường trực Thành Đoàn;", "- Lưu VP."]
    left, _ = foot(docx.Document(io.BytesIO(reports.build(store, "final", "2018-Q3", "docx", with_images=False))))
    assert [p.text for p in left.paragraphs] == PLAN_RECIPIENTS  # another report keeps the plan's list


def test_the_signer_comes_from_settings_and_the_form_may_override_it(store):
    _, right = foot(so_ket(store))
    assert [p.text for p in right.paragraphs if p.text] == ["TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "BÍ THƯ"]  # name blank
    s = store.settings()
    store.save_settings(
        Settings.from_json(
            {**s.to_json(), "signer_title": "PHÓ BÍ THƯ", "signer_name": "Lê Thị Hoa"}
        ),  # as the Cài đặt page saves it
        by="test",
    )
    assert Settings.from_json(store.settings().to_json()).signer_name == "Lê Thị Hoa"
    _, right = foot(so_ket(store))
    assert [p.text for p in right.paragraphs if p.text] == ["TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "PHÓ BÍ THƯ", "Lê Thị Hoa"]
    _, right = foot(so_ket(store, reports.Signing(signer="Phạm Văn Linh")))
    assert [p.text for p in right.paragraphs if p.text][-1] == "Phạm Văn Linh"
    _, right = foot(so_ket(store, reports.Signing(signer="")))  # cleared on the form: room to sign by hand
    assert [p.text for p in right.paragraphs if p.text][-1] == "PHÓ BÍ THƯ"


def test_edited_text_is_stored_clean_and_printed_as_text(store):
    typed = "=SUM(A1:A9)\n**đậm** <b>thẻ</b> [liên kết](http://x)\x07\x1b\nDòng\tcó tab\r\n@cmd"
    store.save_report_texts(*SO_KET, {"situation": typed}, by="Nguyễn Trần Tuấn")
    stored = store.report_texts(*SO_KET)["situation"]
    assert stored == "=SUM(A1:A9)\n**đậm** <b>thẻ</b> [liên kết](http://x)\nDòng có tab\n@cmd"
    d = so_ket(store)
    assert between(d, PARTS_IN_ORDER[0], PARTS_IN_ORDER[1]) == stored.split("\n")  # as typed, never marked up
    xml = d.element.xml
    assert "<w:fldSimple" not in xml and "SUM(A1" not in re.sub(r"<w:t[^>]*>[^<]*</w:t>", "", xml)


def test_the_edited_text_is_kept_out_of_the_workbook_formulas(store):
    import openpyxl

    store.save_report_texts(*SO_KET, {"tasks": "=1+1"}, by="Nguyễn Trần Tuấn")
    wb = openpyxl.load_workbook(io.BytesIO(reports.build(store, *SO_KET, "xlsx")))
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)


def test_the_workbooks_tasks_sheet_is_the_edited_part_v(store):
    """The .xlsx and the .docx say the same tasks: the edited ones, a task a row, numbered by STT."""
    import openpyxl

    store.save_report_texts(
        *SO_KET, {"tasks": "1. Tổ chức hội nghị sơ kết.\n2) Tuyên dương đơn vị."}, by="Nguyễn Trần Tuấn"
    )
    wb = openpyxl.load_workbook(io.BytesIO(reports.build(store, *SO_KET, "xlsx")))
    ws = next(ws for ws in wb if ws.title.startswith("Nhiệm vụ"))
    rows = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
    assert [1, "Tổ chức hội nghị sơ kết."] in rows and [2, "Tuyên dương đơn vị."] in rows
    assert not any("Các tổ công tác làm việc trực tiếp" in str(c) for row in rows for c in row)  # the draft's


def test_the_cli_prints_and_sets_the_parts(db_url, tmp_path):
    out = cli_main("report-text", "--period", "so-ket", "--json", db_url=db_url)
    assert out.returncode == 0, out.stderr
    parts = json.loads(out.stdout)
    assert list(parts) == ["opening", "situation", "results", "assessment", "commendation", "tasks", "recipients"]
    assert parts["recipients"] == {
        "text": "\n".join(line[2:-1] for line in PLAN_RECIPIENTS[1:]),
        "edited": False,
        "by": None,
        "at": None,
    }
    source = tmp_path / "nhiem_vu.txt"
    source.write_text("1. Tổ chức hội nghị sơ kết.\n2. Tuyên dương đơn vị.", encoding="utf-8")
    setting = ("report-text", "--period", "so-ket", "--part", "tasks", "--set-file", str(source))
    refused = cli_main(*setting, db_url=db_url)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr and refused.stderr.strip()
    saved = cli_main(*setting, "--by", "Nguyễn Trần Tuấn", db_url=db_url)
    assert saved.returncode == 0 and "Đã lưu lời văn phần tasks" in saved.stdout
    tasks = json.loads(cli_main("report-text", "--period", "so-ket", "--part", "tasks", "--json", db_url=db_url).stdout)
    assert tasks["tasks"]["text"] == "1. Tổ chức hội nghị sơ kết.\n2. Tuyên dương đơn vị."
    assert tasks["tasks"]["edited"] and tasks["tasks"]["by"] == "Nguyễn Trần Tuấn"
    assert pd.Timestamp(tasks["tasks"]["at"]).year >= 2024
    bad = cli_main("report-text", "--period", "so-ket", "--part", "loi", db_url=db_url)
    assert bad.returncode == 2 and "Không có phần “loi”" in bad.stderr
    written = tmp_path / "so_ket.docx"
    assert cli_main("report", "--period", "so-ket", "-o", str(written), db_url=db_url).returncode == 0
    assert "1. Tổ chức hội nghị sơ kết." in paragraphs(docx.Document(str(written)))


def test_an_editor_saves_and_reverts_a_part_on_the_reports_page(db_url, monkeypatch):
    from doandata.store import Store
    from tests.test_editing import app_on, open_page, sign_in

    page = app_on(db_url, monkeypatch, timeout=120)
    open_page(page, "pages/bao_cao.py")
    label = i18n.t("texts.part.tasks", "vi")
    assert not page.text_area  # a viewer reads the parts as text
    assert any(t.value.startswith("1. Các tổ công tác") for t in page.text)
    open_page(page, "pages/cai_dat.py")  # the sign-in form of an editors' page
    sign_in(page)
    open_page(page, "pages/bao_cao.py")
    next(s for s in page.selectbox if s.label == i18n.t("reports.which", "vi")).set_value(SO_KET).run()
    assert not page.exception, page.exception
    box = next(t for t in page.text_area if t.label == label)
    assert box.value.startswith("1. Các tổ công tác")  # the draft
    box.set_value("1. Việc đã sửa trên trang.")
    form = box.proto.form_id
    next(b for b in page.button if b.label == "Lưu" and b.proto.form_id == form).click().run()
    assert not page.exception, page.exception
    assert Store(db_url).report_texts(*SO_KET) == {"tasks": "1. Việc đã sửa trên trang."}
    assert any("Đã lưu lời văn" in s.value for s in page.success)
    assert any(c.value.startswith("Đã sửa: Nguyễn Trần Tuấn") for c in page.caption)
    back = next(b for b in page.button if b.label == "Về bản nháp" and b.proto.form_id == form)
    back.click().run()
    assert not page.exception, page.exception
    assert Store(db_url).report_texts(*SO_KET) == {}
    box = next(t for t in page.text_area if t.label == label)
    assert box.value.startswith("1. Các tổ công tác")


def test_the_signer_is_set_on_the_settings_page(db_url, monkeypatch):

    from doandata.store import Store
    from tests.test_editing import PASSWORD, app_on, open_page, sign_in

    page = app_on(db_url, monkeypatch)
    open_page(page, "pages/cai_dat.py")
    sign_in(page)
    boxes = {t.label: t for t in page.text_input}
    boxes["Chức vụ (BÍ THƯ, PHÓ BÍ THƯ)"].set_value("PHÓ BÍ THƯ")
    boxes["Họ tên người ký"].set_value("  Lê Thị\x07 Hoa ")
    page.text_input(key="settings_password").set_value(PASSWORD)
    next(b for b in page.button if b.label == "Lưu cài đặt").click().run()
    assert not page.exception
    saved = Store(db_url).settings()
    assert (saved.signer_on_behalf, saved.signer_title, saved.signer_name) == ("", "PHÓ BÍ THƯ", "Lê Thị Hoa")
    open_page(page, "pages/bao_cao.py")
    assert next(t for t in page.text_input if t.label == "Người ký").value == "Lê Thị Hoa"  # the form's default
