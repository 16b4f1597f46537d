"""Uploading in the app, the editor role, history and settings, through Streamlit's AppTest."""

import json
import math

import pytest
from streamlit.testing.v1 import AppTest

from doandata import auth
from doandata.store import Store
from pages._widgets import literal
from tests.conftest import NEXT, ROOT, SAMPLE, SEEDED, run_cli
from tests.test_store import rescored

PASSWORD = "mat-khau-bien-tap-2018"
HASH = auth.hash_password(PASSWORD)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def app_on(db_url, monkeypatch, timeout: float = 60) -> AppTest:
    """The whole dashboard on this store, with the editor password set (other test files use it too)."""
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", HASH)
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)


@pytest.fixture
def app(db_url, monkeypatch):
    return app_on(db_url, monkeypatch)


def open_page(app, page, **params):
    app.query_params.update(params)
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def sign_in(app, password=PASSWORD, name="Nguyễn Trần Tuấn"):
    inputs = {t.label: t for t in app.text_input}
    inputs["Họ tên người biên tập (ghi vào lịch sử)"].set_value(name)
    inputs["Mật khẩu biên tập"].set_value(password)
    next(b for b in app.button if b.label == "Đăng nhập").click().run()
    assert not app.exception, app.exception
    return app


def summary(db_url, period="2018-Q3"):
    return {
        r["unit_code"]: r for r in json.loads(run_cli("summary", "--period", period, "--json", db_url=db_url).stdout)
    }


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize("page", ["pages/tai_len.py", "pages/cai_dat.py"])
def test_a_viewer_gets_the_password_form_not_the_editor_page(app, page):
    open_page(app, page)
    assert not app.get("file_uploader") and not app.get("data_editor")
    assert [t.label for t in app.text_input] == ["Họ tên người biên tập (ghi vào lịch sử)", "Mật khẩu biên tập"]
    assert app.info[0].value == "Trang này dành cho người biên tập. Hãy đăng nhập bằng mật khẩu biên tập."


def test_without_an_editor_configured_the_page_says_how(app, monkeypatch):
    monkeypatch.delenv("DOANDATA_EDITOR_PASSWORD_HASH")
    open_page(app, "pages/tai_len.py")
    assert not app.get("file_uploader") and not app.text_input
    assert "python -m doandata hash-password" in app.warning[0].value


def test_a_viewer_sees_the_history_but_no_restore(app):
    open_page(app, "pages/lich_su.py")
    assert len(app.dataframe[0].value) == SEEDED
    assert not [b for b in app.button if b.label.startswith("Khôi phục")]


def test_a_wrong_password_is_refused_and_slowed_down(app):
    open_page(app, "pages/tai_len.py")
    sign_in(app, password="sai-mat-khau")
    assert app.error[0].value == "Mật khẩu không đúng. Hãy chờ 1 giây rồi thử lại."
    sign_in(app)  # at once, with the right password: still refused while the wait runs
    assert app.error[0].value.startswith("Mật khẩu không đúng.")
    assert not app.get("file_uploader")


def test_an_editor_signs_in_and_out(app):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    assert len(app.get("file_uploader")) == 1
    assert "Đang biên tập: Nguyễn Trần Tuấn" in [c.value for c in app.sidebar.caption]
    next(b for b in app.sidebar.button if b.label == "Đăng xuất").click().run()
    assert not app.get("file_uploader")


def test_the_upload_page_hands_out_the_templates_of_the_period(app):
    open_page(app, "pages/tai_len.py", q="2018-Q3")
    sign_in(app)
    assert [b.label for b in app.get("download_button")] == ["Tải mẫu Bảng điểm", "Tải mẫu Báo cáo quý"]
    assert "Chưa có mẫu? Tải mẫu của Quý III/2018, điền rồi tải lên tại đây." in [c.value for c in app.caption]
    others = app.get("page_link")[0].proto  # short enough not to be cut off beside the two buttons
    assert (others.label, others.help) == ("Các mẫu khác", "Danh sách đơn vị, tổ công tác, bộ tiêu chí")
    app.selectbox(key="upload_period").set_value("2018-Q4").run()  # the file's period, chosen: its templates
    assert "Chưa có mẫu? Tải mẫu của Quý IV/2018, điền rồi tải lên tại đây." in [c.value for c in app.caption]


# ---------------------------------------------------------------- uploads


def test_a_clean_upload_shows_the_changes_and_stores_only_on_confirm(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    data = rescored("07_bang_diem_quy_3_2018.xlsx", "LMHTX", {"TC1": 8, "TC2": 7})  # 55 → 59.5: still Trung bình
    app.get("file_uploader")[0].set_value(("bang_diem_quy_3.xlsx", data, XLSX)).run()
    assert not app.exception
    assert "Bảng điểm — kỳ Quý III/2018 — 24 dòng, 24 đơn vị." in [m.value for m in app.markdown]
    assert "1 đơn vị có điểm mới hoặc thay đổi, 23 đơn vị giữ nguyên." in [m.value for m in app.markdown]
    assert app.dataframe[0].value.iloc[0]["Mã đơn vị"] == "LMHTX"  # the change comes first
    changes = app.dataframe[0].value.set_index("Mã đơn vị")
    assert (changes.loc["LMHTX", "Tổng điểm hiện tại"], changes.loc["LMHTX", "Tổng điểm mới"]) == ("55", "59,5")
    assert changes.loc["LMHTX", "Xếp loại hiện tại"] == "Trung bình"
    assert summary(db_url)["LMHTX"]["total"] == 55  # nothing stored yet
    next(b for b in app.button if b.label == "Xác nhận lưu").click().run()
    assert not app.exception

    # the file's name as typed: markdown's _ and . escaped
    assert app.success[0].value.startswith(
        f"Đã lưu lần tải lên #{NEXT}: {literal('bang_diem_quy_3.xlsx')} — Quý III/2018"
    )
    assert "Nguyễn Trần Tuấn" in app.success[0].value
    assert summary(db_url)["LMHTX"]["total"] == 59.5
    # the overview shows the new figures at once
    open_page(app, "pages/tong_quan.py", q="2018-Q3", xem="bang")
    table = app.dataframe[-1].value.set_index("Mã đơn vị")
    assert table.loc["LMHTX", "Tổng điểm"] == "59,5"


def test_a_faulty_upload_shows_every_problem_and_stores_nothing(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    data = rescored("07_bang_diem_quy_3_2018.xlsx", "DLS", {"TC1": 12, "TC3": "tám"})
    app.get("file_uploader")[0].set_value(("sai.xlsx", data, XLSX)).run()
    assert app.error[0].value == "Có 2 lỗi và 1 lưu ý."
    problems = app.dataframe[0].value
    assert problems["Mức độ"].tolist() == ["Lỗi", "Lỗi", "Lưu ý"]
    # each criterion's points are followed by its Minh chứng and Lý do columns (#19): TC3 is J
    assert problems["Cột"].tolist()[:2] == ["cột TC1 (D)", "cột TC3 (J)"] and problems["Dòng"].tolist() == ["21"] * 3
    assert problems["Nội dung, cách sửa"][0].startswith("Điểm 12 vượt điểm tối đa 10")
    assert [b.label for b in app.get("download_button")][-1] == "Tải tệp đã đánh dấu các ô cần sửa"
    assert not [b for b in app.button if b.label == "Xác nhận lưu"]
    assert run_cli("history", db_url=db_url).stdout.count("\n") == SEEDED


def test_reupload_then_undo_from_the_history_page(app, db_url):
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    data = rescored("07_bang_diem_quy_3_2018.xlsx", "HCTD", {"TC1": 10})
    app.get("file_uploader")[0].set_value(("hctd_q3.xlsx", data, XLSX)).run()
    next(b for b in app.button if b.label == "Xác nhận lưu").click().run()
    new_total = summary(db_url)["HCTD"]["total"]
    assert new_total > 66.5
    open_page(app, "pages/lich_su.py")
    history = app.dataframe[0].value
    assert history.iloc[0]["Tệp"] == "hctd_q3.xlsx" and history.iloc[0]["Người thực hiện"] == "Nguyễn Trần Tuấn"
    app.selectbox(key="restore_pick").set_value(NEXT).run()
    button = next(b for b in app.button if b.label == f"Khôi phục trạng thái trước lần #{NEXT}")
    assert button.disabled  # not before the confirmation
    app.checkbox(key=f"restore_sure_{NEXT}").check().run()
    app.text_input(key="restore_password").set_value(PASSWORD)  # asked again before a restore
    next(b for b in app.button if b.label == f"Khôi phục trạng thái trước lần #{NEXT}").click().run()
    assert not app.exception
    assert app.success[0].value.startswith(f"Đã khôi phục trạng thái trước lần tải lên #{NEXT}")
    assert summary(db_url)["HCTD"]["total"] == 66.5
    assert app.text_input(key="restore_password").value == ""  # not kept once used
    history = app.dataframe[0].value
    assert history.iloc[0]["Việc"] == f"Khôi phục trước #{NEXT}" and history.iloc[1]["Trạng thái"] == "Đã hoàn tác"


def test_an_upload_over_the_size_limit_is_refused(app, monkeypatch):
    monkeypatch.setenv("DOANDATA_MAX_UPLOAD_MB", "0.01")
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    data = (SAMPLE / "07_bang_diem_quy_3_2018.xlsx").read_bytes()
    app.get("file_uploader")[0].set_value(("lon.xlsx", data, XLSX)).run()
    # about 15 kB (with the evidence and reason columns, #19) against 0.01 MB: both figures legible, the file's rounded up to three decimals
    # the page shows it as typed: AppTest reads the markdown source, punctuation escaped
    size = f"{math.ceil(len(data) / 2**20 * 1000) / 1000:.3f}".replace(".", ",")
    assert "0,012" < size < "0,020"  # legible: three decimals, over the limit
    assert app.error[0].value.startswith(literal(f"Tệp lon.xlsx nặng {size} MB, vượt giới hạn 0,01 MB."))
    assert not [b for b in app.button if b.label == "Xác nhận lưu"]


def test_the_editors_name_is_stored_clean_and_within_the_historys_column(app, db_url):
    """The name typed at sign-in goes into uploads.by (120 characters on PostgreSQL): control
    characters leave it, and a longer one is cut to what the column holds, never refused at save."""
    from doandata.store import Store

    open_page(app, "pages/tai_len.py")
    sign_in(app, name="\x01Nguyễn\u202e Văn " + "A" * 300)
    data = rescored("07_bang_diem_quy_3_2018.xlsx", "LMHTX", {"TC1": 10})
    app.get("file_uploader")[0].set_value(("bang_diem_quy_3.xlsx", data, XLSX)).run()
    next(b for b in app.button if b.label == "Xác nhận lưu").click().run()
    assert not app.exception
    history = Store(db_url).history()
    by = history.loc[history["id"].idxmax(), "by"]
    assert by.startswith("Nguyễn Văn AAA") and len(by) <= 120


# ---------------------------------------------------------------- settings


def test_settings_change_takes_effect_and_is_in_the_history(app, db_url):
    assert summary(db_url)["HCTD"]["status"] == "at_risk"
    open_page(app, "pages/cai_dat.py")
    sign_in(app)
    next(n for n in app.number_input if n.label == "Biên “cần chú ý” (điểm dưới kỳ vọng)").set_value(1.0)
    app.text_input(key="settings_password").set_value(PASSWORD)  # asked again before a change of settings
    next(b for b in app.button if b.label == "Lưu cài đặt").click().run()
    assert not app.exception
    assert app.success[0].value.startswith(f"Đã lưu cài đặt (mục lịch sử #{NEXT})")
    assert summary(db_url)["HCTD"]["status"] == "behind"  # 66.5 is 3.5 below 70: outside a 1-point band
    assert "settings" in run_cli("history", db_url=db_url).stdout


def test_the_levels_names_and_which_count_as_kho_khan_are_settings(app, db_url):
    assert (summary(db_url)["STP"]["group"], summary(db_url)["STC"]["group"]) == ("kho_khan", "kho_khan")
    open_page(app, "pages/cai_dat.py")
    sign_in(app)
    app.text_input(key="scale_name_fair").set_value("Khá (loại C)")
    app.multiselect(key="weak_levels").unselect("advanced")  # Tiên tiến no longer counts as khó khăn
    app.text_input(key="settings_password").set_value(PASSWORD)
    next(b for b in app.button if b.label == "Lưu cài đặt").click().run()
    assert not app.exception, app.exception
    after = summary(db_url)
    assert after["STP"]["group"] is None and not after["STP"]["followed"]  # 2017: Tiên tiến
    # STC's stored word "Khá" reads as the renamed level: still khó khăn
    assert (after["STC"]["baseline_rating"], after["STC"]["group"]) == ("Khá (loại C)", "kho_khan")


def test_invalid_settings_are_refused(app, db_url):
    open_page(app, "pages/cai_dat.py")
    sign_in(app)
    next(n for n in app.number_input if n.label == "Năm gốc để so sánh").set_value(2018)
    app.text_input(key="settings_password").set_value(PASSWORD)
    next(b for b in app.button if b.label == "Lưu cài đặt").click().run()
    assert app.error[0].value == "Năm gốc phải trước năm kế hoạch (ví dụ 2018 so với 2017)."
    assert "settings" not in run_cli("history", db_url=db_url).stdout


def test_settings_show_shares_as_percentages_and_saved_values_in_vietnamese(app, db_url):
    open_page(app, "pages/cai_dat.py")
    sign_in(app)
    shares = [n for n in app.number_input if n.key and n.key.startswith("fraction_")]
    assert [n.value for n in shares] == [30, 60, 100, 100]
    assert shares[0].label == "Phần khoảng cách cần khép lại đến quý 1 (%)"
    shares[1].set_value(52.5)
    next(n for n in app.number_input if n.label.startswith("Biên")).set_value(2.5)
    app.text_input(key="settings_password").set_value(PASSWORD)
    next(b for b in app.button if b.label == "Lưu cài đặt").click().run()
    assert not app.exception
    settings = Store(db_url).settings()
    assert settings.quarter_fractions == (0.3, 0.525, 1.0, 1.0) and settings.at_risk_band == 2.5
    helps = {n.label: n.help for n in app.number_input}
    assert helps["Biên “cần chú ý” (điểm dưới kỳ vọng)"].startswith("Đang lưu: 2,5.")
    assert helps["Phần khoảng cách cần khép lại đến quý 2 (%)"].startswith("Đang lưu: 52,5%.")


# ---------------------------------------------------------------- the password hash


def test_password_hashes_verify_in_constant_time_and_never_hold_the_password():
    stored = auth.hash_password("mot-mat-khau-dai")
    assert stored.startswith("scrypt$16384$8$1$") and "mot-mat-khau-dai" not in stored
    assert auth.verify("mot-mat-khau-dai", stored) and not auth.verify("mot-mat-khau-dai!", stored)
    assert not auth.verify("x", "not-a-hash") and not auth.verify("x", None)


def test_hash_password_command():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "doandata", "hash-password"],
        input="mat-khau-moi-2018\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0 and auth.verify("mat-khau-moi-2018", done.stdout.strip())
    short = subprocess.run(
        [sys.executable, "-m", "doandata", "hash-password"], input="ngan\n", capture_output=True, text=True, cwd=ROOT
    )
    assert short.returncode == 1 and "ít nhất 8 ký tự" in short.stderr


def test_the_sample_says_so_and_an_editor_takes_it_out_then_back(app, db_url):
    banner = "Đang hiển thị dữ liệu mẫu (số liệu minh họa, không phải kết quả thật). Gỡ dữ liệu mẫu ở trang Lịch sử."
    open_page(app, "pages/tong_quan.py")
    assert banner in [c.value.removeprefix(":material/info: ") for c in app.caption]
    open_page(app, "pages/tai_len.py")
    sign_in(app)
    open_page(app, "pages/lich_su.py")
    button = next(b for b in app.button if b.label == "Gỡ dữ liệu mẫu")
    assert button.disabled  # not before the confirmation
    app.checkbox(key="unseed_sure").check().run()
    app.text_input(key="unseed_password").set_value(PASSWORD)
    next(b for b in app.button if b.label == "Gỡ dữ liệu mẫu").click().run()
    assert not app.exception
    assert app.success[0].value == (
        f"Đã gỡ dữ liệu mẫu (mục lịch sử #{NEXT}). Muốn lấy lại: khôi phục trạng thái trước mục #{NEXT}."
    )
    assert summary(db_url) == {}  # no unit left
    history = app.dataframe[0].value
    assert history.iloc[0]["Việc"].startswith("Gỡ dữ liệu mẫu: Danh sách đơn vị")
    assert not [b for b in app.button if b.label == "Gỡ dữ liệu mẫu"]  # nothing left to remove
    # an empty store points to the templates and the upload page, not to a command
    open_page(app, "pages/tong_quan.py")
    assert banner not in [c.value.removeprefix(":material/info: ") for c in app.caption]
    assert app.info[0].value.startswith("Chưa có dữ liệu. Hãy tải mẫu Danh sách đơn vị ở trang **Mẫu biểu**")
    assert "python" not in app.info[0].value
    # and the removal is undone like any other entry
    open_page(app, "pages/lich_su.py")
    app.selectbox(key="restore_pick").set_value(NEXT).run()
    app.checkbox(key=f"restore_sure_{NEXT}").check().run()
    app.text_input(key="restore_password").set_value(PASSWORD)
    next(b for b in app.button if b.label == f"Khôi phục trạng thái trước lần #{NEXT}").click().run()
    assert not app.exception and len(summary(db_url)) == 24
