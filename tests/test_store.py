"""What is stored: uploads, replacement of a period, history and undo, the same file twice."""

import io

import openpyxl
import pandas as pd
import pytest

from doandata import ingest, metrics
from doandata.store import DuplicateUpload
from doandata.validate import Batch
from tests.conftest import SAMPLE, SEEDED


@pytest.fixture
def store(any_store):
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_store


def rescored(name: str, unit: str, new_points: dict) -> bytes:
    """The sample scorecard with one unit's points changed, saved again by openpyxl."""
    wb = openpyxl.load_workbook(SAMPLE / name)
    ws = wb.worksheets[0]
    header = {str(c.value).split("\n")[0]: c.column for c in ws[5]}  # "TC1\n<its name>\n(tối đa 10)"
    for row in ws.iter_rows(min_row=6):
        if row[header["Mã đơn vị"] - 1].value == unit:
            for code, value in new_points.items():
                row[header[code] - 1].value = value
            row[header["Tổng điểm"] - 1].value = None
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def total(store, unit, period):
    t = store.totals()
    return t[(t["unit_code"] == unit) & (t["period"] == period)]["total"].iloc[0]


def test_each_upload_is_recorded(store):
    h = store.history()
    assert len(h) == SEEDED and set(h["action"]) == {"import"} and set(h["by"]) == {"Dữ liệu mẫu"}
    assert h.set_index("filename").loc["02_to_cong_tac.xlsx", "rows_added"] == 8  # the eight members
    q3 = h[h["filename"] == "07_bang_diem_quy_3_2018.xlsx"].iloc[0]
    assert q3["periods"] == "2018-Q3" and q3["rows_added"] == 24 and len(q3["sha256"]) == 64


def test_reupload_replaces_only_the_units_it_holds_and_undo_restores(store):
    before = total(store, "LMHTX", "2018-Q3")
    data = rescored("07_bang_diem_quy_3_2018.xlsx", "LMHTX", {"TC1": 10, "TC2": 10})
    outcome = ingest.import_bytes(data, "q3_sua.xlsx", store, by="Tổ 2")
    assert outcome.batch.ok
    upload = store.upload(outcome.imported.id)
    assert upload["rows_replaced"] == 24 and upload["rows_added"] == 0
    after = total(store, "LMHTX", "2018-Q3")
    assert after > before
    assert total(store, "DLS", "2018-Q3") == 73  # same values, now from the new upload
    entry = store.rollback(outcome.imported.id, by="Ban Tổ chức")
    assert total(store, "LMHTX", "2018-Q3") == before
    history = store.history().set_index("id")
    assert not history.loc[outcome.imported.id, "active"]
    assert history.loc[entry, "action"] == "rollback" and history.loc[entry, "target_id"] == outcome.imported.id
    # undoing the undo brings the correction back
    store.rollback(entry)
    assert total(store, "LMHTX", "2018-Q3") == after


def test_rollback_of_an_older_upload_restores_the_state_before_it(store):
    first = ingest.import_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "HND", {"TC1": 0}), "a.xlsx", store)
    ingest.import_bytes(rescored("07_bang_diem_quy_3_2018.xlsx", "HND", {"TC1": 1, "TC2": 0}), "b.xlsx", store)
    store.rollback(first.imported.id)
    assert total(store, "HND", "2018-Q3") == 55  # the sample's value, before both corrections


def test_the_same_file_twice_stores_nothing_new(store):
    data = (SAMPLE / "07_bang_diem_quy_3_2018.xlsx").read_bytes()
    with pytest.raises(DuplicateUpload) as caught:
        ingest.import_bytes(data, "again.xlsx", store)
    assert caught.value.upload["filename"] == "07_bang_diem_quy_3_2018.xlsx"
    assert len(store.history()) == SEEDED


def test_a_refused_file_changes_nothing(store):
    data = rescored("07_bang_diem_quy_3_2018.xlsx", "DLS", {"TC1": 99})
    before = store.history()
    outcome = ingest.import_bytes(data, "bad.xlsx", store)
    assert not outcome.batch.ok and outcome.imported is None
    assert len(store.history()) == len(before) and total(store, "DLS", "2018-Q3") == 73


def test_first_start_seeds_an_empty_store(empty_store):
    assert ingest.ensure_seeded(empty_store) is True
    assert len(empty_store.units()) == 24
    assert ingest.ensure_seeded(empty_store) is False
    assert len(empty_store.history()) == SEEDED


def test_the_database_counts_plan_items_as_the_rule_says(store):
    """Plan items done, counted in the database, equal the rule computed in pandas for every
    period; a status reported done and later reported otherwise no longer counts."""
    settings = store.settings()
    statuses = store.statuses()
    for period in settings.periods:
        in_db = store.items_done(period, settings).sort_index()
        in_pandas = metrics.items_done(statuses, period, settings).sort_index()
        assert in_db.to_dict() == {k: int(v) for k, v in in_pandas.items()}, period
    assert store.items_done("2018-Q3", settings).sum() > 0
    # a unit's Q1 report now holds one item, done; its Q2 report the same item, in progress
    unit, item = statuses.iloc[0]["unit_code"], statuses.iloc[0]["item_code"]

    def report(period, status):
        rows = pd.DataFrame([[unit, period, item, status]], columns=["unit_code", "period", "item_code", "status"])
        store.import_batch(Batch(frames={"statuses": rows}, kinds=["reports"], periods=[period]))

    report("2018-Q1", "done")
    report("2018-Q2", "in_progress")
    assert store.items_done("2018-Q1", settings)[unit] == 1
    assert store.items_done("2018-Q2", settings).get(unit, 0) == 0


def test_section_means_are_the_mean_of_each_units_section_points(store):
    """The report's 'results per section': for the special units, each unit's points in a section
    summed, then averaged over the units; added up in the database as pandas would."""
    got = store.section_means(["2017", "2018-Q3"], special_only=True).set_index(["section", "period"])["mean"]
    special = set(store.units().query("special")["unit_code"])
    points = store.scores(periods=["2017", "2018-Q3"]).merge(
        store.criteria()[["code", "section"]], left_on="criterion_code", right_on="code"
    )
    points = points[points["unit_code"].isin(special)]
    expected = points.groupby(["section", "period", "unit_code"])["points"].sum().groupby(["section", "period"]).mean()
    assert len(special) == 6 and len(got) == len(expected) == 2 * store.criteria()["section"].nunique()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value), key
