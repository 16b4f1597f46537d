"""The five workbooks in the template layout, as the sample data and the templates hold them."""

import io

import openpyxl

from doandata import ingest, templates
from doandata.read import find_tables, read_sheets
from tests.conftest import SAMPLE


def test_every_sample_workbook_is_recognised_as_its_kind():
    expected = {
        "01": "units",
        "02": "groups",
        "03": "criteria",
        "04": "scores",
        "05": "scores",
        "06": "scores",
        "07": "scores",
        "08": "reports",
        "09": "reports",
        "10": "reports",
        "11": ("support", "reinforcements"),  # a support plan and its second sheet
        "12": "meetings",
    }
    codes = [f"TC{i}" for i in range(1, 11)]
    for path in sorted(SAMPLE.glob("*.xlsx")):
        tables, problems = find_tables(read_sheets(path.read_bytes(), path.name), codes)
        kinds = expected[path.name[:2]]
        assert [t.kind.key for t in tables] == (list(kinds) if isinstance(kinds, tuple) else [kinds]), path.name
        assert tables[0].header_row == templates.HEADER_ROW


def test_seeded_store_holds_the_sample(store):
    units = store.units()
    assert len(units) == 24 and units["special"].sum() == 6 and units["cluster"].nunique() == 8
    dls = units.set_index("unit_code").loc["DLS"]
    assert dls["name"] == "Đoàn Đoàn Luật sư Thành phố" and dls["group_no"] == 2 and dls["companion_code"] == "VKSND"
    criteria = store.criteria()
    assert len(criteria) == 10 and criteria["max_points"].sum() == 100
    assert criteria.set_index("code").loc["TC4", "section"] == "II. Bồi dưỡng cán bộ"
    members = store.members()
    assert list(members[members["group_no"] == 1]["name"]) == [
        "Phạm Văn Linh",
        "Nguyễn Thanh Duy",
        "Võ Thành Khoa",
        "Nguyễn Như Tâm",
    ]
    assert members.set_index("name").loc["Phạm Văn Linh", "role"] == "Tổ trưởng"
    totals = store.totals()
    assert sorted(totals["period"].unique()) == ["2017", "2018-Q1", "2018-Q2", "2018-Q3"]
    t = totals.set_index(["unit_code", "period"])["total"]
    assert t[("BDMDN", "2017")] == 52 and t[("BDMDN", "2018-Q3")] == 71 and t[("LMHTX", "2018-Q3")] == 55


def test_reports_hold_statuses_and_figures(store):
    reports = store.reports()
    assert set(reports["period"]) == {"2018-Q1", "2018-Q2", "2018-Q3"}
    # CTHADS sent no report for Q3: the working-group page shows it as missing
    assert set(reports[reports["period"] == "2018-Q3"]["unit_code"]) == {
        *("BDMDN", "DLS", "HND", "HCTD", "LMHTX"),
        *("STC", "STP", "SKHDT"),  # the khó khăn units report too
    }
    row = reports[(reports["unit_code"] == "DLS") & (reports["period"] == "2018-Q2")].iloc[0]
    assert row["meeting_date"].year == 2018 and row["meeting_date"].month == 6
    assert row["difficulties"].startswith("Ví dụ minh họa: ") and "sinh hoạt chung" in row["difficulties"]
    statuses = store.statuses()
    q3 = statuses[(statuses["unit_code"] == "DLS") & (statuses["period"] == "2018-Q3")]
    assert (q3["status"] == "done").sum() == 6 and len(q3) == 8


def test_an_empty_template_filled_in_imports(store, tmp_path):
    criteria = store.criteria()
    data = templates.write_workbook(
        "scores", period="2018-Q4", criteria=criteria, units=store.units()[["unit_code", "name", "special"]]
    )
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Bảng điểm"]
    header = [str(c.value).split("\n")[0] for c in ws[templates.HEADER_ROW]]  # "TC1\n<its name>\n(tối đa 10)"
    assert header[:4] == ["STT", "Mã đơn vị", "Tên đơn vị", "TC1"]
    for r in range(templates.HEADER_ROW + 1, ws.max_row + 1):
        for j, code in enumerate(header, start=1):
            if code in set(criteria["code"]):
                ws.cell(row=r, column=j, value=5)
    out = io.BytesIO()
    wb.save(out)
    outcome = ingest.import_bytes(out.getvalue(), "filled.xlsx", store)
    assert outcome.batch.ok, [p.line() for p in outcome.batch.problems]
    totals = store.totals()
    q4 = totals[totals["period"] == "2018-Q4"]
    assert len(q4) == 24 and set(q4["total"]) == {50.0}
