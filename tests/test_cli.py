"""The command line contract: exit codes, messages, the summary JSON.

Most tests call cli.main in this process (cli_main) on SQLite and on PostgreSQL (any_url); the few
at the end run `python -m doandata` as a user does, for what only a process shows: the exit code
the shell sees and that no traceback reaches the terminal."""

import json

import pytest

from tests.conftest import NEXT, SAMPLE, SEEDED, cli_main, run_cli
from tests.test_store import rescored

KEYS = [
    "unit_code",
    "unit_name",
    "cluster",
    "special",
    "period",
    "total",
    "rating",
    "baseline_total",
    "baseline_rating",
    "delta",
    "target_total",
    "expected_total",
    "status",
    "recognised",
    "items_done",
    "followed",
    "group",
    "stage",
]


def test_summary_json_has_every_unit_with_the_contract_keys(any_url):
    out = cli_main("summary", "--period", "2018-Q2", "--json", db_url=any_url)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 24 and all(list(r) == KEYS for r in rows)
    by = {r["unit_code"]: r for r in rows}
    # BDMDN: 2017 52 (Trung bình) → target 60 (Khá); Q2, the sơ kết, expects 52 + 8 × 0.6 = 56.8;
    # total 63 (Khá: a level up) → on track and recognised
    assert by["BDMDN"] == {
        **by["BDMDN"],
        "special": True,
        "period": "2018-Q2",
        "total": 63.0,
        "rating": "Khá",
        "baseline_total": 52.0,
        "baseline_rating": "Trung bình",
        "delta": 11.0,
        "target_total": 60.0,
        "expected_total": pytest.approx(56.8),
        "status": "on_track",
        "recognised": True,
        "items_done": 3,
        "followed": True,
        "group": "dac_thu",
    }
    assert (by["STC"]["group"], by["VPTU"]["group"], by["VPTU"]["followed"]) == ("kho_khan", None, False)
    # LMHTX falls back: 63 (Khá) → 58 with 63 + 7 × 0.6 = 67.2 expected
    assert (by["LMHTX"]["status"], by["LMHTX"]["delta"]) == ("behind", -5.0)
    assert by["HCTD"]["status"] == "at_risk"
    assert {r["status"] for r in rows} <= {"on_track", "at_risk", "behind"}


def test_summary_of_a_quarter_without_scores_says_so_per_unit(any_url):
    rows = json.loads(cli_main("summary", "--period", "2018-Q4", "--json", db_url=any_url).stdout)
    assert all(r["total"] is None and r["status"] is None for r in rows)


def test_summary_accepts_vietnamese_period_words(any_url):
    out = cli_main("summary", "--period", "Quý III/2018", "--json", db_url=any_url)
    assert out.returncode == 0 and json.loads(out.stdout)[0]["period"] == "2018-Q3"


@pytest.mark.parametrize("word, quarter", [("so-ket", "2018-Q2"), ("tong-ket", "2018-Q3"), ("Tổng kết", "2018-Q3")])
def test_summary_of_a_review_gives_the_rows_the_review_reads(any_url, word, quarter):
    """The sơ kết (06/2018) reads Q2; the tổng kết, held in 10/2018, the Q3 data then in hand."""
    out = cli_main("summary", "--period", word, "--json", db_url=any_url)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows == json.loads(cli_main("summary", "--period", quarter, "--json", db_url=any_url).stdout)
    assert len(rows) == 24 and {r["period"] for r in rows} == {quarter}
    assert all(r["total"] is not None for r in rows)  # the October review has figures: Q3's
    text = cli_main("summary", "--period", word, db_url=any_url)
    assert text.returncode == 0 and text.stdout.count("\n") == 24


def test_summary_of_an_unknown_period_is_one_clear_line(any_url):
    out = cli_main("summary", "--period", "2031-Q9", "--json", db_url=any_url)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "không hợp lệ" in out.stderr
    assert "so-ket" in out.stderr and "tong-ket" in out.stderr  # the reviews are named among the choices


def test_import_stores_and_exit_0(any_url, tmp_path):
    path = tmp_path / "sua_quy_3.xlsx"
    path.write_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "HND", {"TC1": 9}))
    out = cli_main("import", str(path), "--by", "Tổ 1", db_url=any_url)
    assert out.returncode == 0, out.stderr
    assert f"Đã lưu lần tải lên #{NEXT}" in out.stdout and "Quý III/2018" in out.stdout
    history = cli_main("history", db_url=any_url).stdout
    assert "sua_quy_3.xlsx" in history and "Tổ 1" in history


def test_import_refuses_a_faulty_file_with_every_problem_and_exit_1(any_url, tmp_path):
    path = tmp_path / "sai.xlsx"
    path.write_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "DLS", {"TC1": 12, "TC2": -1, "TC3": "tám"}))
    out = cli_main("import", str(path), db_url=any_url)
    assert out.returncode == 1
    assert (
        "Sheet Bảng điểm, dòng 21 (DLS — Đoàn Đoàn Luật sư Thành phố), cột TC1 (D): Điểm 12 vượt điểm tối đa 10"
        in out.stderr
    )
    # each criterion's points are followed by its Minh chứng and Lý do columns (#19): TC2 is G, TC3 J
    assert "cột TC2 (G): Điểm -1 bị âm" in out.stderr
    assert "cột TC3 (J): Điểm “tám” không phải là số" in out.stderr
    assert "Không lưu gì" in out.stderr and "Traceback" not in out.stderr
    assert "sai.xlsx" not in cli_main("history", db_url=any_url).stdout


def test_validate_stores_nothing(any_url, tmp_path):
    path = tmp_path / "q3.xlsx"
    path.write_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "HND", {"TC1": 9}))
    out = cli_main("validate", str(path), db_url=any_url)
    assert out.returncode == 0 and "Chưa lưu gì" in out.stdout
    assert "q3.xlsx" not in cli_main("history", db_url=any_url).stdout


@pytest.mark.parametrize(
    "content, name, words",
    [
        (b"", "rong.xlsx", "rỗng"),
        (b"Ma don vi,Cum\nA,1\n", "bang.xlsx", "không phải là bảng tính"),
        (b"%PDF-1.4 fake", "baocao.xlsx", "không phải là bảng tính"),
        (b"PK\x03\x04broken", "hong.xlsx", "bị cắt dở"),
    ],
)
def test_unreadable_files_exit_2_with_one_line(any_url, tmp_path, content, name, words):
    path = tmp_path / name
    path.write_bytes(content)
    out = cli_main("import", str(path), db_url=any_url)
    assert out.returncode == 2 and words in out.stderr
    assert "Traceback" not in out.stderr + out.stdout and out.stderr.strip().count("\n") == 0


def test_seed_loads_an_empty_store_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    out = cli_main("seed", db_url=url)
    assert out.returncode == 0 and f"{SEEDED} lần tải lên" in out.stdout
    again = cli_main("seed", db_url=url)
    assert again.returncode == 0 and "không nạp lại" in again.stdout


def test_same_file_twice_is_said_and_stores_nothing(any_url):
    out = cli_main("import", str(SAMPLE / "05_bang_diem_quy_1_2018.xlsx"), db_url=any_url)
    # the Q1 self-scores are upload #5 (#19), the working groups' Q1 cards #6
    assert out.returncode == 0 and "đã được tải lên y hệt ở lần #6" in out.stdout


def test_rollback_from_the_cli(any_url, tmp_path):
    path = tmp_path / "q3.xlsx"
    path.write_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "HND", {"TC1": 0}))
    assert cli_main("import", str(path), db_url=any_url).returncode == 0
    out = cli_main("rollback", str(NEXT), "--by", "Ban Tổ chức", db_url=any_url)
    assert out.returncode == 0 and f"trước lần tải lên #{NEXT}" in out.stdout
    rows = json.loads(cli_main("summary", "--period", "2018-Q3", "--json", db_url=any_url).stdout)
    assert {r["unit_code"]: r["total"] for r in rows}["HND"] == 55
    newest = cli_main("history", db_url=any_url).stdout.splitlines()[0]
    assert newest.startswith(f"#{NEXT + 1} ") and f"rollback  → #{NEXT} " in newest and newest.endswith("Ban Tổ chức")
    out = cli_main("rollback", "999", db_url=any_url)
    assert out.returncode == 1 and "Không có lần tải lên #999" in out.stderr


def test_wrong_arguments_are_said_in_vietnamese_in_one_line(any_url, tmp_path):
    cases = [
        (("import",), "doandata: Thiếu tệp."),
        ((), "doandata: Thiếu lệnh."),
        (("undo", "3"), "doandata: “undo” không hợp lệ cho lệnh; hãy chọn một trong: seed, import,"),
        (("summary",), "doandata: Thiếu --period."),
        (("summary", "--period"), "doandata: Sau --period cần ghi một giá trị."),
        (("history", "--nhieu"), "doandata: Không hiểu --nhieu."),
        (("rollback", "abc"), "doandata: “abc” không phải là số cho số lần tải lên."),
        (
            ("template", "bogus", "-o", "x.xlsx"),
            "doandata: “bogus” không hợp lệ cho loại mẫu; hãy chọn một trong: units,",
        ),
        (("template",), "doandata: Thiếu loại mẫu, -o/--output."),
        (("validate", "sample_data"), "Lỗi: sample_data là một thư mục, không phải tệp."),
        (
            ("report", "--period", "2018-Q2", "-o", "/khong/co/thu_muc/bc.docx"),
            "Không ghi được tệp /khong/co/thu_muc/bc.docx",
        ),
    ]
    if any_url.startswith("sqlite"):
        cases.append((("backup", "/khong/co/thu_muc/sao_luu.db"), "Không ghi được tệp /khong/co/thu_muc/sao_luu.db"))
    else:
        out = cli_main("backup", "sao_luu.db", db_url=any_url)
        assert out.returncode == 1 and out.stderr.startswith("Kho PostgreSQL được sao lưu bằng pg_dump")
    for args, start in cases:
        out = cli_main(*args, db_url=any_url)
        assert out.returncode == 2, args
        assert out.stderr.startswith(start) and out.stderr.count("\n") == 1, (args, out.stderr)
        assert "Traceback" not in out.stderr and "ngoài dự kiến" not in out.stderr


# ---------------------------------------------------------------- options where the README puts them


def test_db_and_lang_are_taken_before_or_after_the_subcommand(db_url):
    after = cli_main("summary", "--period", "2018-Q2", "--json", "--db", db_url)
    before = cli_main("--db", db_url, "summary", "--period", "2018-Q2", "--json")
    assert after.returncode == before.returncode == 0, after.stderr
    assert after.stdout == before.stdout and len(json.loads(after.stdout)) == 24
    for args in (
        ("--lang", "en", "summary", "--period", "2099-Q9"),
        ("summary", "--period", "2099-Q9", "--lang", "en"),
    ):
        out = cli_main(*args, db_url=db_url)
        assert out.returncode == 2 and out.stderr.startswith("Period “2099-Q9” is not valid"), out.stderr
    out = cli_main("--lang", "en", "summary", "--period", "2099-Q9", "--lang", "vi", db_url=db_url)
    assert out.stderr.startswith("Kỳ “2099-Q9” không hợp lệ")  # the last one said counts


ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help message and exit")


@pytest.mark.parametrize("args", [("--help",), ("summary", "--help"), ("import", "-h"), ("report", "--help")])
def test_help_is_in_vietnamese(args):
    out = cli_main(*args)
    assert out.returncode == 0 and out.stderr == ""
    assert out.stdout.startswith("Cách dùng: python -m doandata")
    assert "hiện hướng dẫn này rồi thoát" in out.stdout and "Tùy chọn" in out.stdout
    assert not any(words in out.stdout for words in ARGPARSE_ENGLISH), out.stdout


def test_help_in_english_with_lang_en_before_or_after_the_subcommand():
    for args in (
        ("--lang", "en", "--help"),
        ("--lang", "en", "summary", "--help"),
        ("summary", "--help", "--lang", "en"),
    ):
        out = cli_main(*args)
        assert out.returncode == 0 and out.stdout.startswith("usage: python -m doandata"), args
        assert "show this help message and exit" in out.stdout and "Cách dùng" not in out.stdout
    assert "progress of every unit" in cli_main("--lang", "en", "--help").stdout
    assert "tiến độ của mọi đơn vị" in cli_main("--help").stdout.lower()


# ---------------------------------------------------------------- as a process: what the shell sees


def test_the_summary_as_a_process(db_url):
    out = run_cli("summary", "--period", "2018-Q2", "--json", db_url=db_url)
    assert out.returncode == 0 and len(json.loads(out.stdout)) == 24 and out.stderr == ""


def test_help_as_a_process():
    out = run_cli("--help")
    assert out.returncode == 0 and out.stdout.startswith("Cách dùng:") and out.stderr == ""
    out = run_cli("summary", "--help", "--lang", "en")
    assert out.returncode == 0 and out.stdout.startswith("usage:") and "Traceback" not in out.stderr


def test_missing_file_and_wrong_arguments_are_one_line(db_url, tmp_path):
    out = run_cli("import", "/khong/co/tep.xlsx", db_url=db_url)
    assert out.returncode == 2 and "Không tìm thấy tệp" in out.stderr and "Traceback" not in out.stderr
    out = run_cli("import", db_url=db_url)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    out = run_cli("bogus", db_url=db_url)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04broken")
    out = run_cli("import", str(tmp_path / "hong.xlsx"), db_url=db_url)
    assert out.returncode == 2 and "bị cắt dở" in out.stderr and out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr + out.stdout


def test_unusable_database_url_is_one_line(tmp_path):
    out = run_cli("summary", "--period", "2018-Q1", db_url="nosuchdb://x")
    assert out.returncode == 2 and "Không mở được kho dữ liệu" in out.stderr and "Traceback" not in out.stderr


def test_an_unreachable_database_is_one_line_without_its_password():
    from tests.browser import free_port

    out = run_cli("summary", "--period", "2018-Q1", db_url=f"postgresql://doan:bimat@127.0.0.1:{free_port()}/doandata")
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("Không mở được kho dữ liệu postgresql://doan:***@127.0.0.1:")
    assert "bimat" not in out.stderr
