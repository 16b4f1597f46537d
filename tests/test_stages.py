"""Scoring in stages, with evidence (#19): a unit scores itself, the working group checks (a changed
criterion needs its reason), the Standing Committee approves; the highest stage present counts."""

import io
import json
import shutil
import subprocess
import sys

import openpyxl
import pytest
import sqlalchemy as sa

from doandata import ingest, metrics
from doandata.store import EditorRequired, NothingToApprove, Store
from tests.conftest import ROOT, cli_main

Q4 = "2018-Q4"
CODES = [f"TC{i}" for i in range(1, 11)]
# HND's own points for the fourth quarter: 49 in all
OWN = dict(zip(CODES, [5, 5, 5, 7, 7, 5, 5, 4, 3, 3]))


def card(rows: list[dict], *, lines=("BẢNG ĐIỂM THI ĐUA", "Kỳ: Quý IV/2018"), extra=(), sheet="Bảng điểm") -> bytes:
    """A scorecard made by hand: a title block, then Mã đơn vị, the extra columns (Giai đoạn,
    Minh chứng TC1, Lý do TC1 …) and the ten criteria."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for line in lines:
        ws.append([line])
    ws.append([])
    header = ["Mã đơn vị", *extra, *CODES]
    ws.append(header)
    for row in rows:
        ws.append([row.get(h, OWN.get(h)) if h != "Mã đơn vị" else row["unit"] for h in header])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def stages_of(store: Store, unit: str = "HND", period: str = Q4):
    return store.card_scores(period, unit).set_index("criterion")


def counted(store: Store, unit: str, period: str) -> tuple[float, str]:
    t = store.totals(periods=[period], unit_codes=[unit])
    return float(t["total"].iloc[0]), t["stage"].iloc[0]


def imported(data: bytes, store: Store, name: str = "q4.xlsx", **kw):
    outcome = ingest.import_bytes(data, name, store, **kw)
    assert outcome.batch.ok, [p.line() for p in outcome.batch.problems]
    return outcome


# ---------------------------------------------------------------- each stage, each way in


def test_the_stage_comes_from_a_column(store):
    rows = [
        {"unit": "HND", "Giai đoạn": "Tự chấm"},
        {"unit": "HND", "Giai đoạn": "thẩm định", "TC1": 4, "Lý do TC1": "Thiếu biên bản tháng 11"},
        {"unit": "STC", "Giai đoạn": "BTV duyệt"},
    ]
    outcome = imported(card(rows, extra=("Giai đoạn", "Lý do TC1")), store)
    assert not any(p.code == "stage_default" for p in outcome.batch.problems)
    hnd = stages_of(store)
    assert (
        hnd.loc["TC1", "self"] == 5
        and hnd.loc["TC1", "checked"] == 4
        and hnd.loc["TC1", "reason"] == ("Thiếu biên bản tháng 11")
    )
    assert counted(store, "HND", Q4) == (48, "checked")
    assert counted(store, "STC", Q4) == (49, "approved")


def test_an_unknown_stage_word_is_an_error_naming_the_words(store):
    before = len(store.history())
    outcome = ingest.import_bytes(card([{"unit": "HND", "Giai đoạn": "vòng 2"}], extra=("Giai đoạn",)), "x.xlsx", store)
    assert not outcome.batch.ok and len(store.history()) == before
    (problem,) = [p for p in outcome.batch.problems if p.code == "stage_unknown"]
    assert "vòng 2" in problem.message() and "Đơn vị tự chấm" in problem.message()


@pytest.mark.parametrize(
    ("lines", "stage"),
    [
        (("BẢNG ĐIỂM THI ĐUA", "Kỳ: Quý IV/2018", "Giai đoạn: Ban Thường vụ duyệt"), "approved"),
        (("BẢNG ĐIỂM ĐƠN VỊ TỰ CHẤM QUÝ IV/2018",), "self"),
        (("KẾT QUẢ THẨM ĐỊNH CỦA TỔ CÔNG TÁC", "Kỳ: Quý IV/2018"), "checked"),
    ],
)
def test_the_stage_comes_from_the_title(store, lines, stage):
    outcome = imported(card([{"unit": "HND"}], lines=lines), store)
    assert not any(p.code == "stage_default" for p in outcome.batch.problems)
    assert counted(store, "HND", Q4) == (49, stage)


def test_the_stage_chosen_at_upload_wins_over_the_file(store):
    lines = ("BẢNG ĐIỂM THI ĐUA", "Kỳ: Quý IV/2018", "Giai đoạn: Tổ công tác thẩm định")
    imported(card([{"unit": "HND"}], lines=lines), store, stage="tự chấm")
    assert counted(store, "HND", Q4) == (49, "self")
    refused = ingest.import_bytes(card([{"unit": "HND"}]), "y.xlsx", store, stage="hôm qua")
    assert not refused.batch.ok and "hôm qua" in refused.batch.problems[0].message()


def test_without_a_stage_the_card_is_checked_and_the_upload_says_so(store):
    outcome = imported(card([{"unit": "HND"}]), store)
    (said,) = [p for p in outcome.batch.problems if p.code == "stage_default"]
    assert said.severity == "warning" and "Tổ công tác thẩm định" in said.message()
    assert counted(store, "HND", Q4) == (49, "checked")


def test_the_command_line_chooses_the_stage(db_url, tmp_path):
    path = tmp_path / "q4.xlsx"
    path.write_bytes(card([{"unit": "HND"}]))
    out = cli_main("import", str(path), "--stage", "self", db_url=db_url)
    assert out.returncode == 0, out.stderr
    scores = json.loads(cli_main("scores", "--period", Q4, "--unit", "HND", "--json", db_url=db_url).stdout)
    assert scores[0] == {
        "criterion": "TC1",
        "self": 5,
        "checked": None,
        "approved": None,
        "reason": None,
        "evidence": None,
    }
    bad = cli_main("import", str(path), "--stage", "vòng 9", db_url=db_url)
    assert bad.returncode == 1 and "vòng 9" in bad.stderr and "Traceback" not in bad.stderr


# ---------------------------------------------------------------- the reason rule


def test_a_changed_criterion_without_a_reason_stores_nothing(store):
    imported(card([{"unit": "HND"}]), store, stage="self")
    before = len(store.history())
    data = card([{"unit": "HND", "TC4": 5, "TC7": 3, "Lý do TC7": "Chưa có chứng từ"}], extra=("Lý do TC7",))
    outcome = ingest.import_bytes(data, "checked.xlsx", store, stage="checked")
    errors = [p for p in outcome.batch.problems if p.severity == "error"]
    assert [(p.code, p.column) for p in errors] == [("reason_required", "TC4")]  # TC7 has its reason
    message = errors[0].message()
    assert "HND" in message and "TC4" in message and "(7)" in message and "Lý do TC4" in message
    assert errors[0].line().count("HND") >= 1
    assert outcome.imported is None and len(store.history()) == before
    assert stages_of(store)["checked"].isna().all()


def test_a_card_naming_no_stage_is_not_held_to_the_reason_rule(store):
    """The workbooks made before stages: taken as the group's cards, said once, not refused."""
    imported(card([{"unit": "HND"}]), store, stage="self")
    outcome = imported(card([{"unit": "HND", "TC4": 5}]), store, "old.xlsx")
    assert [p.code for p in outcome.batch.problems] == ["stage_default"]
    assert counted(store, "HND", Q4) == (47, "checked")


def test_a_changed_criterion_with_its_reason_is_stored(store):
    imported(card([{"unit": "HND"}]), store, stage="self")
    data = card([{"unit": "HND", "TC4": 5, "Lý do TC4": "Danh sách tập huấn thiếu chữ ký"}], extra=("Lý do TC4",))
    imported(data, store, stage="checked")
    hnd = stages_of(store)
    assert (hnd.loc["TC4", "self"], hnd.loc["TC4", "checked"]) == (7, 5)
    assert hnd.loc["TC4", "reason"] == "Danh sách tập huấn thiếu chữ ký"
    assert counted(store, "HND", Q4) == (47, "checked")


# ---------------------------------------------------------------- which score counts


def test_the_highest_stage_present_counts(any_store):
    store = any_store  # SQLite and PostgreSQL
    imported(card([{"unit": "HND", "TC1": 8}]), store, stage="self")
    assert counted(store, "HND", Q4) == (52, "self")
    figures = metrics.of_period(store, Q4).set_index("unit_code")
    assert figures.loc["HND", "total"] == 52 and figures.loc["HND", "stage"] == "self"
    assert figures.loc["STC", "stage"] is None  # no card at all
    imported(card([{"unit": "HND", "TC1": 5, "Lý do TC1": "Thiếu minh chứng"}], extra=("Lý do TC1",)), store)
    assert counted(store, "HND", Q4) == (49, "checked")
    store.approve(Q4, by="Ban Thường vụ")
    assert counted(store, "HND", Q4) == (49, "approved")
    # a later self-score or check does not move an approved total
    imported(card([{"unit": "HND", "TC1": 10}]), store, "again.xlsx", stage="self")
    imported(card([{"unit": "HND", "TC1": 9, "Lý do TC1": "x"}], extra=("Lý do TC1",)), store, "c.xlsx")
    assert counted(store, "HND", Q4) == (49, "approved")
    assert store.approvable(Q4) == ["HND"]  # the newer check waits for approval
    counts = store.stage_counts([Q4])
    assert counts.to_dict("records") == [{"period": Q4, "stage": "approved", "units": 1}]


def test_the_seeded_quarters_rest_on_their_stages(store):
    counts = {(r["period"], r["stage"]): r["units"] for r in store.stage_counts().to_dict("records")}
    assert counts == {
        ("2017", "approved"): 24,
        ("2018-Q1", "approved"): 24,
        ("2018-Q2", "approved"): 24,
        ("2018-Q3", "checked"): 2,  # working group 1's units, BDMDN and STC, checked, not yet approved
        ("2018-Q3", "self"): 22,  # waiting for checking
    }
    # the group lowered some criteria, each with its reason
    stc = store.card_scores("2018-Q1", "STC")
    lowered = stc[stc["self"] > stc["checked"]]
    assert len(lowered) and lowered["reason"].str.startswith("Ví dụ minh họa").all()


# ---------------------------------------------------------------- approval and its undo


def test_approving_a_group_is_one_history_entry_undone_like_an_upload(any_store):
    store = any_store  # SQLite and PostgreSQL
    before = store.stage_counts(["2018-Q3"]).set_index("stage")["units"].to_dict()
    totals = store.totals(periods=["2018-Q3"]).set_index("unit_code")["total"].sort_index()
    entry = store.approve("2018-Q3", group=1, by="Nguyễn Văn A")
    after = store.stage_counts(["2018-Q3"]).set_index("stage")["units"].to_dict()
    assert before == {"checked": 2, "self": 22} and after == {"approved": 2, "self": 22}
    assert store.totals(periods=["2018-Q3"]).set_index("unit_code")["total"].sort_index().equals(totals)  # same points
    row = store.upload(entry)
    assert (row["action"], row["by"], row["periods"], row["rows_added"]) == ("approve", "Nguyễn Văn A", "2018-Q3", 2)
    from doandata import tables

    assert tables.action_name(row) == "Ban Thường vụ duyệt: Bảng điểm"
    bdmdn = store.card_scores("2018-Q3", "BDMDN")
    assert bdmdn["approved"].equals(bdmdn["checked"].rename("approved"))
    assert bdmdn.loc[bdmdn["checked"] < bdmdn["self"], "reason"].notna().all()
    store.rollback(entry, by="Nguyễn Văn A")
    assert store.stage_counts(["2018-Q3"]).set_index("stage")["units"].to_dict() == before


def test_approval_is_refused_when_nothing_is_checked(store):
    before = len(store.history())
    with pytest.raises(NothingToApprove) as caught:
        store.approve("2018-Q3", group=2, by="Ban Thường vụ")
    assert "Quý III/2018" in caught.value.message() and len(store.history()) == before
    with pytest.raises(NothingToApprove):
        store.approve(Q4, by="Ban Thường vụ")
    with pytest.raises(EditorRequired):
        store.approve("2018-Q3", by="")


# ---------------------------------------------------------------- evidence


def test_evidence_survives_a_reupload_without_it(any_store):
    store = any_store  # SQLite and PostgreSQL
    extra = ("Minh chứng TC1",)
    link = "https://example.org/bb-thang-10.pdf"
    first = imported(card([{"unit": "HND", "Minh chứng TC1": f"Biên bản tháng 10 {link}"}], extra=extra), store)
    assert stages_of(store).loc["TC1", ["evidence_text", "evidence_link"]].tolist() == ["Biên bản tháng 10", link]
    imported(card([{"unit": "HND", "TC2": 6}]), store, "again.xlsx")  # same period and stage, no evidence
    hnd = stages_of(store)
    assert hnd.loc["TC2", "checked"] == 6 and hnd.loc["TC1", "evidence_text"] == "Biên bản tháng 10"
    more = card([{"unit": "HND", "Minh chứng TC2": "QĐ_kien_toan.pdf (lưu tại văn phòng)"}], extra=("Minh chứng TC2",))
    added = imported(more, store, "more.xlsx")

    def q4_evidence():
        evidence = store.evidence(["HND"])
        return sorted(evidence.loc[evidence["period"] == Q4, "criterion_code"])

    assert q4_evidence() == ["TC1", "TC2"]
    store.rollback(added.imported.id)
    assert q4_evidence() == ["TC1"]
    store.rollback(first.imported.id)
    assert q4_evidence() == []


# ---------------------------------------------------------------- an older store


def test_an_older_store_upgrades_to_checked_cards_with_the_same_totals(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "data" / "store_release_12.db", path)
    old = sa.create_engine(f"sqlite:///{path}")
    with old.connect() as conn:
        before = dict(
            conn.execute(
                sa.text(
                    "SELECT m.unit_code || '/' || m.period, SUM(s.points) FROM score_meta m JOIN scores s "
                    "ON s.upload_id = m.upload_id AND s.unit_code = m.unit_code AND s.period = m.period "
                    "WHERE m.current GROUP BY m.unit_code, m.period"
                )
            ).all()
        )
    old.dispose()
    store = Store(f"sqlite:///{path}")
    totals = store.totals()
    assert set(totals["stage"]) == {"checked"} and len(totals) == len(before) > 0
    assert {f"{u}/{p}": t for u, p, t in zip(totals["unit_code"], totals["period"], totals["total"])} == before
    with store.engine.connect() as conn:
        assert set(conn.execute(sa.text("SELECT DISTINCT stage FROM scores")).scalars()) == {"checked"}
    store.dispose()


# ---------------------------------------------------------------- the command line


def test_summary_says_the_stage_of_each_total(db_url):
    q1 = json.loads(cli_main("summary", "--period", "2018-Q1", "--json", db_url=db_url).stdout)
    assert {r["stage"] for r in q1} == {"approved"}
    q3 = {
        r["unit_code"]: r["stage"]
        for r in json.loads(cli_main("summary", "--period", "2018-Q3", "--json", db_url=db_url).stdout)
    }
    assert q3["BDMDN"] == q3["STC"] == "checked" and q3["HND"] == "self"
    assert {"status", "recognised", "group", "total"} <= set(q1[0])  # the keys there were stay


def test_scores_prints_each_stage_reason_and_evidence(db_url):
    out = cli_main("scores", "--period", "2018-Q3", "--unit", "BDMDN", "--json", db_url=db_url)
    rows = json.loads(out.stdout)
    assert [r["criterion"] for r in rows] == CODES
    assert all(list(r) == ["criterion", "self", "checked", "approved", "reason", "evidence"] for r in rows)
    assert all(r["approved"] is None for r in rows)
    changed = [r for r in rows if r["self"] != r["checked"]]
    assert changed and all(r["reason"] for r in changed)
    assert any(r["evidence"] and r["evidence"]["text"] for r in rows)
    unknown = cli_main("scores", "--period", "2018-Q3", "--unit", "KHONGCO", db_url=db_url)
    assert unknown.returncode == 2 and "KHONGCO" in unknown.stderr
    bad = cli_main("scores", "--period", "quý 9", "--unit", "HND", db_url=db_url)
    assert bad.returncode == 2 and "Kỳ" in bad.stderr


def _approve(db_url: str, answer: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "doandata", "--db", db_url, "approve", "--period", "2018-Q3", *args],
        cwd=ROOT,
        input=answer,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_approve_asks_first(db_url):
    no = _approve(db_url, "k\n", "--group", "1", "--by", "Ban Thường vụ")
    assert no.returncode == 1 and "(c/k)" in no.stdout and "BDMDN, STC" in no.stdout
    assert "Không duyệt" in no.stderr
    yes = _approve(db_url, "c\n", "--group", "1", "--by", "Ban Thường vụ")
    assert yes.returncode == 0 and "Đã duyệt bảng điểm của 2 đơn vị" in yes.stdout
    again = cli_main("approve", "--period", "2018-Q3", "--group", "1", "--yes", db_url=db_url)
    assert again.returncode == 1 and "Không có bảng điểm nào" in again.stderr
    unknown = cli_main("approve", "--period", "2018-Q3", "--group", "7", "--yes", db_url=db_url)
    assert unknown.returncode == 1 and "Tổ 7" in unknown.stderr and "Traceback" not in unknown.stderr
    q3 = json.loads(cli_main("summary", "--period", "2018-Q3", "--json", db_url=db_url).stdout)
    assert sorted(r["unit_code"] for r in q3 if r["stage"] == "approved") == ["BDMDN", "STC"]
