"""The meeting brief (#20): a store whose history is dated as the plan's year would have dated it,
and the brief of two meetings checked against counts made by hand from sample_data/.

The sample is seeded all at once, so this store imports the sample's workbooks one by one and gives
each history entry the day it would have come in (the `at` the history keeps, set after the import:
the only thing changed is when, never what). Three edits of the support plans are dated the same way.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest
import sqlalchemy as sa

from doandata import brief, ingest
from doandata.schema import uploads
from doandata.store import Store
from tests.conftest import SAMPLE, SEEDED, cli_main

D = dt.date
# the day each sample workbook comes in
ARRIVALS = {
    "01_danh_sach_don_vi.xlsx": D(2018, 1, 10),
    "02_to_cong_tac.xlsx": D(2018, 1, 10),
    "03_bo_tieu_chi.xlsx": D(2018, 1, 10),
    "04_bang_diem_nam_2017.xlsx": D(2018, 1, 10),
    "11_phuong_an_ho_tro_2018.xlsx": D(2018, 1, 20),
    "05_bang_diem_quy_1_2018_tu_cham.xlsx": D(2018, 4, 5),  # the units score themselves (#19)…
    "05_bang_diem_quy_1_2018.xlsx": D(2018, 4, 10),  # …the working groups check…
    "08_bao_cao_quy_1_2018.xlsx": D(2018, 4, 10),
    "05_bang_diem_quy_1_2018_btv_duyet.xlsx": D(2018, 4, 12),  # …and the Standing Committee approves
    "06_bang_diem_quy_2_2018_tu_cham.xlsx": D(2018, 7, 5),
    "06_bang_diem_quy_2_2018.xlsx": D(2018, 7, 10),
    "09_bao_cao_quy_2_2018.xlsx": D(2018, 7, 10),
    "12_bien_ban_hop_to_2018.xlsx": D(2018, 7, 12),
    "06_bang_diem_quy_2_2018_btv_duyet.xlsx": D(2018, 7, 13),
    "07_bang_diem_quy_3_2018.xlsx": D(2018, 10, 10),  # every unit's self-score
    "07_bang_diem_quy_3_2018_to_1_tham_dinh.xlsx": D(2018, 10, 12),  # group 1's check, not approved
    "10_bao_cao_quy_3_2018.xlsx": D(2018, 10, 10),
}
# edits of the support plans: (day, unit, action, status)
EDITS = [
    (D(2018, 6, 15), "CTHADS", 2, "done"),  # marked done…
    (D(2018, 6, 20), "CTHADS", 2, "in_progress"),  # …taken back…
    (D(2018, 8, 5), "CTHADS", 2, "done"),  # …and done for good: completed on 05/08
    (D(2018, 9, 20), "STP", 1, "done"),  # completed on 20/09
]


def _dated(store: Store, entry: int, day: dt.date) -> None:
    with store.engine.begin() as conn:
        conn.execute(uploads.update().where(uploads.c.id == entry).values(at=dt.datetime.combine(day, dt.time(9))))


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('brief') / 'dated.db'}"
    store = Store(url)
    assert sorted(ARRIVALS) == sorted(p.name for p in SAMPLE.glob("*.xlsx"))
    for name, day in ARRIVALS.items():
        outcome = ingest.import_bytes((SAMPLE / name).read_bytes(), name, store, by="Văn phòng")
        assert outcome.batch.ok, name
        _dated(store, outcome.imported.id, day)
    for day, unit, no, status in EDITS:
        _dated(store, store.update_action(unit, no, by="Văn phòng", status=status), day)
    store.dispose()
    return url


@pytest.fixture
def store(dated):
    s = Store(dated)
    yield s
    s.dispose()


def codes(items: list[dict]) -> list[str]:
    return [i["unit_code"] for i in items]


def test_the_first_quarter_meeting(store):
    """15/04/2018 since 31/03/2018. The meeting of 15/04 reviews Q1 (ended 31/03, scored); that of
    31/03 the 2017 baseline (Q1 had not ended before it)."""
    b = brief.build(store, at=D(2018, 4, 15), since=D(2018, 3, 31))
    assert (b.quarter, b.since_quarter) == ("2018-Q1", "2017")
    # the nine followed units are all on track at the baseline (their total is what is expected);
    # at Q1 (30% of the way) CTHADS 57 < 57.9, STP 74 < 75.8, HCTD 65 < 67.2 are within the 5-point
    # band (cần chú ý), LMHTX 60 < 65.1 − 5 is behind; the other five are on track
    assert [(c["unit_code"], c["before"], c["after"], c["total_before"], c["total_after"]) for c in b.changed] == [
        ("CTHADS", "on_track", "at_risk", 57.0, 57.0),
        ("STP", "on_track", "at_risk", 74.0, 74.0),
        ("HCTD", "on_track", "at_risk", 66.0, 65.0),
        ("LMHTX", "on_track", "behind", 63.0, 60.0),
    ]
    assert (b.counts_before["on_track"], b.counts_after["on_track"]) == (9, 5)
    assert (b.counts_after["at_risk"], b.counts_after["behind"]) == (3, 1)
    # came in after 31/03 up to 15/04: the Q1 scorecards (self, checked, approved) and the Q1 reports
    assert [u["filename"] for u in b.uploads] == [
        "05_bang_diem_quy_1_2018_tu_cham.xlsx",
        "05_bang_diem_quy_1_2018.xlsx",
        "08_bao_cao_quy_1_2018.xlsx",
        "05_bang_diem_quy_1_2018_btv_duyet.xlsx",
    ]
    assert b.missing_reports == []  # the nine sent their Q1 report
    # the plan (stored 20/01) had its done actions done since then: none completed in between;
    # due from 31/03 to 14/04: BDMDN #1 and HND #1 (31/03), both done -> none become overdue
    assert b.actions_done == [] and b.actions_overdue == [] and b.to_decide["overdue_no_date"] == []
    assert b.to_decide["approvals"] == []  # Q1's checked cards were approved on 12/04
    # meetings are read by their own date: none between 31/03 and 15/04 (Q1's were on 28/03 and
    # 29/03); both groups with followed units (1: STC, BDMDN; 2: STP, DLS, SKHDT) met in Q1
    assert b.meetings_held == [] and b.meetings_missed == []
    # the newer data: entries after 15/04: Q2's four files (self, checked, approved, reports), Q3's
    # three (self, group 1's check, reports), the minutes, the four edits
    assert b.newer == 12


def test_the_third_quarter_meeting(store):
    """15/10/2018 since 15/07/2018: Q3 against Q2."""
    b = brief.build(store, at=D(2018, 10, 15), since=D(2018, 7, 15))
    assert (b.quarter, b.since_quarter) == ("2018-Q3", "2018-Q2")
    assert b.changed == []  # the same statuses at Q2 and Q3 (5 on track, 3 at risk, 1 behind)
    assert b.counts_before == b.counts_after | {"recognised": b.counts_before["recognised"]}
    # CTHADS #2 done for good (05/08), STP #1 done (20/09), Q3's self-scores and reports (10/10), then
    # group 1's check (12/10), in time order
    assert [u["at"][:10] for u in b.uploads] == ["2018-08-05", "2018-09-20", "2018-10-10", "2018-10-10", "2018-10-12"]
    assert [m["unit_code"] for m in b.missing_reports] == ["CTHADS"]  # the Q3 reports name 8 of the 9
    # done for good in between: CTHADS #2 (done 15/06, taken back 20/06, done 05/08) and STP #1
    assert [(a["unit_code"], a["action_no"], a["done_on"]) for a in b.actions_done] == [
        ("CTHADS", 2, "2018-08-05"),
        ("STP", 1, "2018-09-20"),
    ]
    # due from 15/07 to 14/10 and not done on 15/10: CTHADS #2 (31/07) done, STP #1 (31/08) done,
    # HND #3 (15/09) done, HCTD #2 (15/09) in progress -> overdue; LMHTX #2 (15/10) not yet
    assert [(a["unit_code"], a["action_no"]) for a in b.actions_overdue] == [("HCTD", 2)]
    # still overdue with no new date: also LMHTX #1 (due 30/06, not started)
    assert sorted((a["unit_code"], a["action_no"]) for a in b.to_decide["overdue_no_date"]) == [
        ("HCTD", 2),
        ("LMHTX", 1),
    ]
    # group 1 met on 27/09; group 2's last meeting was 28/06: it missed Q3
    assert b.meetings_held == [{"group_no": 1, "meeting_date": "2018-09-27"}]
    assert b.meetings_missed == [2]
    # Q3 is the tổng kết's quarter: its totals are known. Below target: CTHADS 58.5 < 60,
    # STP 75.5 < 80, HCTD 66.5 < 70, LMHTX 55 < 70
    short = {p.unit_code: (p.projected, p.target, p.shortfall, p.known) for p in b.projected_short}
    assert short == {
        "CTHADS": (58.5, 60.0, 1.5, True),
        "STP": (75.5, 80.0, 4.5, True),
        "HCTD": (66.5, 70.0, 3.5, True),
        "LMHTX": (55.0, 70.0, 15.0, True),
    }
    # no decision is stored: the 5 units and 3 companions the Q3 figures propose wait for one
    assert len(b.to_decide["commendations"]) == 8
    # no group assigns or follows CTHADS, HND, HCTD, LMHTX; every special unit has a companion
    assert codes(b.to_decide["no_group"]) == ["CTHADS", "HND", "HCTD", "LMHTX"]
    assert b.to_decide["no_companion"] == []
    # Q3 (sample, #19): every unit scored itself; group 1 checked its units BDMDN and STC; nothing is
    # approved yet, so those two wait for the Standing Committee
    assert sorted(codes(b.to_decide["approvals"])) == ["BDMDN", "STC"]
    assert brief.sections(b, "vi")[2][1][4].startswith(
        "Bảng điểm Quý III/2018 đã thẩm định, chờ Ban Thường vụ duyệt: 2 ("
    )
    assert b.newer == 0


def test_the_early_warning_after_the_first_quarter(store):
    """With Q1 reviewed, two points a unit: the line through 2017 and Q1, band ±2 × 5."""
    b = brief.build(store, at=D(2018, 4, 15), since=D(2018, 3, 31))
    p = {x.unit_code: x for x in b.projections}
    # LMHTX: 63 in 2017, 60 at Q1: −3 a quarter -> 54 at Q3, target 70, short by 16, 44–64
    assert (p["LMHTX"].projected, p["LMHTX"].low, p["LMHTX"].high, p["LMHTX"].shortfall) == (54.0, 44.0, 64.0, 16.0)
    # BDMDN: 52 -> 56, +4 a quarter -> 64 at Q3, above its target of 60: not listed
    assert p["BDMDN"].projected == 64.0 and p["BDMDN"].shortfall is None
    assert all(len(x.points) == 2 and not x.known for x in b.projections)


@pytest.mark.parametrize(
    "points, expected",
    [
        # flat: the line is flat, no residual: the band is the floor (±5)
        ([(0, 60), (1, 60), (2, 60)], (60.0, 55.0, 65.0)),
        # rising 5 a quarter: 65 at Q3
        ([(0, 50), (1, 55), (2, 60)], (65.0, 60.0, 70.0)),
        # falling 2 a quarter: 54 at Q3
        ([(0, 60), (1, 58), (2, 56)], (54.0, 49.0, 59.0)),
        # one point: flat, ±3 × 5
        ([(0, 60)], (60.0, 45.0, 75.0)),
        # two points: the line through them, ±2 × 5
        ([(0, 60), (1, 62)], (66.0, 56.0, 76.0)),
        # noisy: slope 4, 62.67 at Q3; residuals −2/3, 4/3, −2/3 -> s = 1.633, the prediction's
        # standard error 1.633 × √(1 + 1/3 + 4/2) = 2.981, ±5.963 (over the floor)
        ([(0, 50), (1, 56), (2, 58)], (62.67, 56.70, 68.63)),
    ],
)
def test_projection_on_hand_made_series(points, expected):
    value, low, high = brief.project(points, 3, 5.0)
    assert (round(value, 2), round(low, 2), round(high, 2)) == expected


def test_no_points_no_projection():
    assert brief.project([], 3, 5.0) is None


def test_completion_is_when_it_was_done_for_good(store):
    done = brief.completions(store.action_versions())
    assert done[("CTHADS", 2)].date() == D(2018, 8, 5)
    assert done[("STP", 1)].date() == D(2018, 9, 20)
    assert done[("BDMDN", 1)].date() == D(2018, 1, 20)  # done as the plan was stored
    assert ("HCTD", 2) not in done


def test_default_dates(store):
    settings = store.settings()
    # the quarterly meetings of the settings: 28/03, 30/06, 30/09, 30/12/2018
    assert brief.default_at(settings, D(2018, 10, 1)) == D(2018, 9, 30)
    assert brief.default_since(D(2018, 9, 30), settings) == D(2018, 6, 30)
    # before the first: the end of the previous quarter
    assert brief.default_since(D(2018, 2, 10), settings) == D(2017, 12, 31)


def test_cli_brief_json(dated):
    run = cli_main("brief", "--since", "15/07/2018", "--at", "2018-10-15", "--json", db_url=dated)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    for key in ("changed", "missing_reports", "actions_done", "actions_overdue", "projected_short", "to_decide"):
        assert key in out
    assert out["changed"] == []
    assert [m["unit_code"] for m in out["missing_reports"]] == ["CTHADS"]
    assert [(a["unit_code"], a["action_no"]) for a in out["actions_done"]] == [("CTHADS", 2), ("STP", 1)]
    assert {p["unit_code"]: p["shortfall"] for p in out["projected_short"]} == {
        "CTHADS": 1.5,
        "STP": 4.5,
        "HCTD": 3.5,
        "LMHTX": 15.0,
    }
    assert set(out["projected_short"][0]) >= {"unit_code", "projected", "target", "shortfall"}
    assert len(out["to_decide"]["commendations"]) == 8


def test_cli_brief_text(dated):
    run = cli_main("brief", "--since", "31/03/2018", "--at", "15/04/2018", db_url=dated)
    assert run.returncode == 0, run.stderr
    assert "Họp giao ban ngày 15/04/2018 (xem xét Quý I/2018)" in run.stdout
    assert "Đơn vị đổi trạng thái: 4" in run.stdout
    assert "Đoàn Sở Tư pháp: Đúng tiến độ (74 điểm) → Cần chú ý (74 điểm)" in run.stdout


@pytest.mark.parametrize(
    "args", [["--since", "31/02/2018"], ["--since", "hôm qua"], ["--since", "2018-07-15", "--at", "x"]]
)
def test_cli_brief_bad_dates(dated, args):
    run = cli_main("brief", *args, db_url=dated)
    assert run.returncode != 0
    assert "Ngày không hợp lệ" in run.stderr + run.stdout
    assert "Traceback" not in run.stderr + run.stdout


def test_cli_brief_dates_out_of_order(dated):
    run = cli_main("brief", "--since", "15/10/2018", "--at", "15/07/2018", db_url=dated)
    assert run.returncode != 0
    assert "phải trước" in run.stderr + run.stdout


def test_the_store_behind_the_brief_is_untouched(dated):
    """The fixture changed the history's times, nothing else: every entry still active."""
    s = Store(dated)
    with s.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).where(~uploads.c.active)).scalar_one() == 0
    s.dispose()


# ---------------------------------------------------------------- a past meeting read as of its day


def _workbook(name: str, change=None) -> bytes:
    """A sample workbook opened and saved again by openpyxl, changed on the way by `change(sheet)`."""
    wb = openpyxl.load_workbook(SAMPLE / name)
    if change:
        change(wb.worksheets[0])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _row(sheet, code: str) -> int:
    return next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, 2).value == code)


def _without_cthads(sheet) -> None:  # file A's reports: CTHADS has not sent its Q1 report yet
    sheet.delete_rows(_row(sheet, "CTHADS"))


def _lmhtx_rescored(sheet) -> None:  # file B: LMHTX's TC1 6.5 -> 10, TC2 6 -> 9: 60 -> 66.5
    r = _row(sheet, "LMHTX")
    sheet.cell(r, 4).value, sheet.cell(r, 7).value = 10, 9
    sheet.cell(r, 34).value = 66.5


def _lmhtx_kt_done(sheet) -> None:  # file B's reports: every unit, LMHTX's KT now done
    sheet.cell(_row(sheet, "LMHTX"), 5).value = "Hoàn thành"


@pytest.fixture(scope="module")
def reuploaded(tmp_path_factory) -> str:
    """The Q1 scorecard and reports come in on 10/04/2018 (file A), the meeting is on 15/04, then the
    same quarter is uploaded again changed on 20/05 (file B), and on 10/06 the state before B is
    restored (Lịch sử's undo)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('asof') / 'asof.db'}"
    store = Store(url)

    def upload(name: str, data: bytes, day: dt.date) -> int:
        outcome = ingest.import_bytes(data, name, store, by="Văn phòng")
        assert outcome.batch.ok and outcome.imported, name
        _dated(store, outcome.imported.id, day)
        return outcome.imported.id

    for name in (
        "01_danh_sach_don_vi.xlsx",
        "02_to_cong_tac.xlsx",
        "03_bo_tieu_chi.xlsx",
        "04_bang_diem_nam_2017.xlsx",
    ):
        upload(name, _workbook(name), D(2018, 1, 10))
    upload("diem_q1_A.xlsx", _workbook("05_bang_diem_quy_1_2018.xlsx"), D(2018, 4, 10))
    upload("bao_cao_q1_A.xlsx", _workbook("08_bao_cao_quy_1_2018.xlsx", _without_cthads), D(2018, 4, 10))
    b_score = upload("diem_q1_B.xlsx", _workbook("05_bang_diem_quy_1_2018.xlsx", _lmhtx_rescored), D(2018, 5, 20))
    upload("bao_cao_q1_B.xlsx", _workbook("08_bao_cao_quy_1_2018.xlsx", _lmhtx_kt_done), D(2018, 5, 20))
    _dated(store, store.rollback(b_score, by="Văn phòng"), D(2018, 6, 10))
    store.dispose()
    return url


def _lmhtx(b: brief.Brief) -> dict | None:
    return next((c for c in b.changed if c["unit_code"] == "LMHTX"), None)


def test_a_past_meeting_reads_what_it_reviewed(reuploaded):
    store = Store(reuploaded)
    # the meeting of 15/04 read file A: LMHTX 60 (behind), CTHADS's report missing
    b = brief.build(store, at=D(2018, 4, 15), since=D(2018, 3, 31))
    assert _lmhtx(b) == {
        "unit_code": "LMHTX",
        "unit_name": "Chi đoàn Liên minh Hợp tác xã Thành phố",
        "before": "on_track",
        "after": "behind",
        "total_before": 63.0,
        "total_after": 60.0,
    }
    assert codes(b.missing_reports) == ["CTHADS"]
    assert b.newer == 3  # file B's two uploads and their undo came after
    # on 01/06 the store holds file B: LMHTX 66.5 is on track (65.1 expected): no change to report;
    # every report is in
    later = brief.build(store, at=D(2018, 6, 1), since=D(2018, 3, 31))
    assert later.quarter == "2018-Q1" and _lmhtx(later) is None
    assert {p.unit_code: p.points for p in later.projections}["LMHTX"] == [(0, 63.0), (1, 66.5)]
    assert later.missing_reports == []
    # on 10/06 the state before B's scorecard was restored (B's reports, stored after it, went too):
    # from then on the brief reads A again
    undone = brief.build(store, at=D(2018, 6, 15), since=D(2018, 3, 31))
    assert _lmhtx(undone)["total_after"] == 60.0 and codes(undone.missing_reports) == ["CTHADS"]
    # the first meeting's brief still reads the same, however often it is built
    assert brief.build(store, at=D(2018, 4, 15), since=D(2018, 3, 31)).record() == b.record()
    store.dispose()


def test_the_store_as_of_a_day(reuploaded):
    """Store.as_of: scorecards and plan-item statuses as they stood; the ordinary reads as today."""
    store = Store(reuploaded)

    def lmhtx_total(s) -> float:
        t = s.totals(periods=["2018-Q1"], unit_codes=["LMHTX"])
        return float(t["total"].iloc[0])

    def lmhtx_kt(s) -> str:
        st = s.statuses(unit_codes=["LMHTX"])
        return st.loc[(st["period"] == "2018-Q1") & (st["item_code"] == "KT"), "status"].iloc[0]

    assert (lmhtx_total(store.as_of(D(2018, 4, 15))), lmhtx_kt(store.as_of(D(2018, 4, 15)))) == (60.0, "in_progress")
    assert (lmhtx_total(store.as_of(D(2018, 5, 20))), lmhtx_kt(store.as_of(D(2018, 5, 20)))) == (66.5, "done")
    assert lmhtx_total(store) == 60.0 and lmhtx_kt(store) == "in_progress"  # today: B undone
    assert len(store.as_of(D(2018, 4, 15)).reports()) == 8 and len(store.as_of(D(2018, 6, 9)).reports()) == 9
    # before anything came in, nothing to read; the view writes nothing
    empty = store.as_of(D(2017, 12, 31))
    assert empty.totals().empty and empty.scored_periods() == []
    with pytest.raises(Exception, match="read"):
        empty.update_action("LMHTX", 1, by="Văn phòng", status="done")
    store.dispose()


def _cthads_reports(sheet) -> None:  # CTHADS's Q3 report, sent late: LMHTX's row copied under its name
    r = _row(sheet, "LMHTX")
    new = sheet.max_row + 1
    for c in range(1, sheet.max_column + 1):
        sheet.cell(new, c).value = sheet.cell(r, c).value
    sheet.cell(new, 1).value, sheet.cell(new, 2).value = new - 5, "CTHADS"
    sheet.cell(new, 3).value = "Đoàn Cục Thi hành án dân sự Thành phố"


def test_the_samples_data_stands_for_the_plan_year(any_store):
    """The sample is stored all at once on the first start, years after its meetings: its own imports
    count as made before any meeting, so the sample's brief reads the sample's quarters; a report sent
    today changes today's brief, not the meeting's (on SQLite and PostgreSQL)."""
    b = brief.build(any_store, at=D(2018, 10, 15), since=D(2018, 7, 15))
    assert (b.quarter, b.since_quarter) == ("2018-Q3", "2018-Q2")
    assert len(b.projections) == 9 and codes(b.missing_reports) == ["CTHADS"]
    assert b.newer == SEEDED  # and the line says they came in later
    data = _workbook("10_bao_cao_quy_3_2018.xlsx", _cthads_reports)
    assert ingest.import_bytes(data, "bao_cao_q3_bo_sung.xlsx", any_store, by="Văn phòng").batch.ok
    again = brief.build(any_store, at=D(2018, 10, 15), since=D(2018, 7, 15))
    assert codes(again.missing_reports) == ["CTHADS"] and again.newer == SEEDED + 1
    today = brief.build(any_store, since=D(2018, 10, 15))
    assert today.quarter == "2018-Q3" and today.missing_reports == []
