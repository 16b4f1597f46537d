"""What an attacker (or an unlucky editor) tried next against the store: the same file for another
period, ids reused after a restore, backups of another schema, a full or read-only disk."""

import json
import shutil
import sqlite3
import subprocess

import pytest
from streamlit.testing.v1 import AppTest

from doandata import auth, backup, ingest, migrate
from doandata.store import DuplicateUpload, Store
from pages import _snapshot
from tests.conftest import NEXT, ROOT, SAMPLE, SEEDED, cli_main
from tests.test_store import rescored

Q3 = SAMPLE / "07_bang_diem_quy_3_2018.xlsx"
FIRST_RELEASE = ROOT / "tests" / "data" / "store_first_release.db"


def path_of(url: str) -> str:
    return url.removeprefix("sqlite:///")


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


def test_the_same_file_chosen_for_another_period_is_not_a_duplicate(any_store):
    data = Q3.read_bytes()
    with pytest.raises(DuplicateUpload):  # the very file for the very period: refused as before
        ingest.import_bytes(data, Q3.name, any_store, "2018-Q3")
    outcome = ingest.import_bytes(data, Q3.name, any_store, "2018-Q4", by="Tổ 1")
    assert outcome.imported.id == NEXT
    assert any_store.upload(NEXT)["periods"] == "2018-Q4"
    assert set(any_store.totals(periods=["2018-Q4"])["unit_code"]) == set(any_store.units()["unit_code"])


def test_upload_ids_are_never_given_twice_and_a_restore_moves_the_version(db_url, tmp_path):
    """#7: back up; import A (#11); restore the backup; import B. B was #11 again, and the pages,
    cached by the newest id, kept showing A."""
    store = Store(db_url)
    copy = tmp_path / "sao_luu.db"
    backup.backup_to(store.engine, str(copy))
    a = ingest.import_bytes(rescored(Q3.name, "LMHTX", {"TC1": 10}), "a.xlsx", store).imported.id
    seen = {store.version()}
    entry = backup.restore_from(store.engine, str(copy))
    assert store.version() not in seen and store.upload(a) is None  # A went with the restore
    seen.add(store.version())
    b = ingest.import_bytes(rescored(Q3.name, "DLS", {"TC1": 10}), "b.xlsx", store).imported.id
    assert store.version() not in seen
    assert len({a, entry, b}) == 3 and b > entry > a
    assert store.history()["action"].tolist()[:2] == ["import", "restore"]
    store.dispose()


def test_the_pages_show_what_was_imported_after_a_restore(db_url, tmp_path, monkeypatch):
    """#7 as the finding saw it: back up; import A; restore; import B. The page kept showing A."""
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)

    def shown() -> str:
        app.query_params.update({"q": "2018-Q3", "xem": "bang"})
        app.switch_page("pages/tong_quan.py").run()
        assert not app.exception
        return app.dataframe[-1].value.set_index("Mã đơn vị").loc["LMHTX", "Tổng điểm"]

    assert shown() == "55"
    copy = tmp_path / "sao_luu.db"
    assert cli_main("backup", str(copy), db_url=db_url).returncode == 0
    store = Store(db_url)
    ingest.import_bytes(rescored(Q3.name, "LMHTX", {"TC1": 10, "TC2": 10}), "a.xlsx", store)
    assert shown() == "64,5"  # A
    assert cli_main("restore", str(copy), db_url=db_url).returncode == 0
    assert shown() == "55"
    ingest.import_bytes(rescored(Q3.name, "LMHTX", {"TC1": 10}), "b.xlsx", store)
    assert shown() == "60"  # B, not A again
    store.dispose()


def test_a_first_release_backup_is_upgraded_once_restored(store):
    """#8: the running app's own store object reads the restored backup at once (the first release
    kept no card totals, which the pages read)."""
    backup.restore_from(store.engine, str(FIRST_RELEASE))
    assert migrate.revision(store.engine) == migrate.head()
    assert len(store.totals(periods=["2018-Q3"])) == 24
    assert store.history()["action"].iloc[0] == "restore"


def test_a_backup_of_a_newer_release_is_refused_untouched(db_url, tmp_path):
    newer = tmp_path / "moi_hon.db"
    shutil.copy(path_of(db_url), newer)
    with sqlite3.connect(newer) as c:
        c.execute("UPDATE alembic_version SET version_num = '0099'")
    out = cli_main("restore", str(newer), db_url=db_url)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"Bản sao lưu {newer} do một phiên bản ứng dụng mới hơn tạo (lược đồ 0099; phiên bản này chỉ biết đến "
        f"{migrate.head()}). Không khôi phục gì; hãy cập nhật ứng dụng rồi khôi phục lại."
    ]
    store = Store(db_url)
    assert migrate.revision(store.engine) == migrate.head() and len(store.history()) == SEEDED
    store.dispose()


@pytest.fixture
def tiny_disk(tmp_path):
    """A real file system of 64 KB (the tests run as root, where permissions stop nothing)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder))
    yield folder
    mount_undo(folder)


def mount_undo(folder) -> None:
    subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing(db_url, tiny_disk):
    """#17: it blamed the folder's permissions and left a 0-byte file."""
    target = tiny_disk / "sao_luu.db"
    out = cli_main("backup", str(target), db_url=db_url)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"Ổ đĩa đã đầy, không đủ chỗ để ghi {target}. Không ghi gì và không để lại tệp dở dang; hãy giải phóng "
        "chỗ trống hoặc chọn ổ khác rồi thử lại."
    ]
    assert list(tiny_disk.iterdir()) == []


@pytest.fixture
def read_only_url(seeded_file, tmp_path):
    """A store on a read-only bind mount of its folder: a real read-only file system."""
    source, shown = tmp_path / "nguon", tmp_path / "chi_doc"
    source.mkdir()
    shown.mkdir()
    shutil.copy(seeded_file, source / "store.db")
    mount("--bind", str(source), str(shown))
    mount("-o", "remount,bind,ro", str(shown))
    yield f"sqlite:///{shown / 'store.db'}"
    mount_undo(shown)


def test_a_store_on_a_read_only_disk_is_shown_and_says_so(read_only_url, tmp_path, monkeypatch, caplog):
    """#17: on a read-only file system the app could not even read the store. Now it is shown;
    the log says so once at opening, and editors get the one line where they would write."""
    out = cli_main("summary", "--period", "2018-Q3", "--json", db_url=read_only_url)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == 24
    assert "is read-only: shown, nothing can be stored" in caplog.text
    line = (
        f"Kho dữ liệu {path_of(read_only_url)} nằm trên ổ đĩa hoặc thư mục chỉ cho đọc: vẫn xem được, nhưng "
        "không lưu được gì (tải lên, khôi phục, cài đặt, đăng nhập biên tập)."
    )
    out = cli_main("import", str(Q3), "--period", "2018-Q4", db_url=read_only_url)
    assert out.returncode == 1 and out.stderr.splitlines() == [line]
    copy = tmp_path / "sao_luu.db"  # what one wants of a store on a read-only disk: a copy elsewhere
    assert cli_main("backup", str(copy), db_url=read_only_url).returncode == 0
    out = cli_main("restore", str(copy), db_url=read_only_url)
    assert out.returncode == 1 and out.stderr.splitlines() == [line]
    monkeypatch.setenv("DOANDATA_DB_URL", read_only_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", auth.hash_password("mat-khau-bien-tap"))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["xem"] = "bang"
    app.run()
    assert not app.exception and not app.error
    assert len(app.dataframe[-1].value) == 9  # the overview's table: the followed units
    app.switch_page("pages/tai_len.py").run()
    assert not app.exception and [w.value for w in app.warning] == [line]
    assert not app.text_input  # no sign-in form: a sign-in could not even be counted
    _snapshot._open(read_only_url).dispose()  # the app's cached store lets go of the file
