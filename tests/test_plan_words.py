"""The plan as written (#14): its rating words, who is followed (đặc thù and khó khăn), one
proposal for công nhận tiến bộ everywhere, companions of the same cụm rated Vững mạnh or Xuất sắc,
and the sample data that can be taken out to start real work."""

import io
import json
import re
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from doandata import contract as C
from doandata import ingest, metrics, reports, tables
from doandata.settings import Settings, renamed
from doandata.store import Store
from tests.conftest import SAMPLE, cli_main
from tests.test_office_values import units_workbook

S = Settings()


def one_unit(baseline_total=None, baseline_rating=None, special=False, total=None, code="U1", settings=S):
    units = pd.DataFrame(
        [
            {
                "unit_code": code,
                "name": f"Đơn vị {code}",
                "cluster": 1,
                "special": special,
                "baseline_total": baseline_total,
                "baseline_rating": baseline_rating,
            }
        ]
    )
    totals = pd.Series({code: total}, dtype=float)
    return metrics.figures(units, totals, pd.Series(dtype=float), pd.Series(dtype=int), settings, "2018-Q2").iloc[0]


@pytest.mark.parametrize(
    ("total", "rating"),
    [
        (49.5, "Yếu"),
        (50, "Trung bình"),
        (59.5, "Trung bình"),
        (60, "Khá"),
        (69.5, "Khá"),
        (70, "Tiên tiến"),
        (79.5, "Tiên tiến"),
        (80, "Vững mạnh"),
        (89.5, "Vững mạnh"),
        (90, "Xuất sắc"),
    ],
)
def test_the_plans_scale(total, rating):
    assert metrics.rating_name(total, S) == rating


@pytest.mark.parametrize("word", ["Vững mạnh xuất sắc", "vung manh xuat sac", "VMXS", "Xuất sắc", "xuat sac"])
def test_older_words_read_as_the_plans(word):
    assert C.parse_rating(word, S.scale).name == "Xuất sắc"


@pytest.mark.parametrize(
    ("kwargs", "group"),
    [
        ({"baseline_total": 79.5}, "kho_khan"),  # Tiên tiến by its score: the highest weak level
        ({"baseline_total": 80}, None),  # Vững mạnh
        ({"baseline_total": 60}, "kho_khan"),  # Khá
        ({"baseline_total": 95, "baseline_rating": "Tiên tiến"}, "kho_khan"),  # the official word wins
        ({"baseline_total": 60, "baseline_rating": "Vững mạnh"}, None),
        ({"baseline_total": 55, "special": True}, "dac_thu"),  # special and weak: đặc thù
        ({"baseline_total": 92, "special": True}, "dac_thu"),
        ({}, None),  # nothing known of 2017, not special
    ],
)
def test_who_is_followed_at_the_boundaries(kwargs, group):
    row = one_unit(total=70, **kwargs)
    assert row["group"] == group
    assert bool(row["followed"]) is (group is not None)


def test_which_levels_count_as_kho_khan_is_a_setting():
    narrow = replace(S, weak_levels=("weak", "average"))
    assert one_unit(baseline_total=65, total=70, settings=narrow)["group"] is None  # Khá no longer counts
    assert one_unit(baseline_total=55, total=70, settings=narrow)["group"] == "kho_khan"


def test_only_a_followed_unit_is_proposed_for_recognition():
    strong = one_unit(baseline_total=80, total=91)  # Vững mạnh to Xuất sắc: a level up, +11
    weak = one_unit(baseline_total=70, total=80)  # Tiên tiến to Vững mạnh
    assert not strong["recognised"] and weak["recognised"]


def test_the_summary_says_who_is_followed_and_in_which_group(db_url):
    out = cli_main("summary", "--period", "2018-Q3", "--json", db_url=db_url)
    rows = {r["unit_code"]: r for r in json.loads(out.stdout)}
    assert {k for k, r in rows.items() if r["group"] == "dac_thu"} == {"BDMDN", "CTHADS", "HND", "HCTD", "DLS", "LMHTX"}
    assert {k for k, r in rows.items() if r["group"] == "kho_khan"} == {"STC", "STP", "SKHDT"}
    assert all(r["followed"] is (r["group"] is not None) for r in rows.values())
    assert rows["CVLS"]["group"] is None and rows["CVLS"]["followed"] is False
    # every earlier key is still there
    assert {"unit_code", "special", "status", "recognised", "items_done"} <= set(rows["STC"])
    # only followed units are proposed
    assert {k for k, r in rows.items() if r["recognised"]} <= {k for k, r in rows.items() if r["followed"]}


def test_the_page_the_docx_and_the_xlsx_propose_the_same_units(store):
    frames = reports.frames_for(store, "2018-Q3")
    report = reports.gather("quarter", "2018-Q3", frames)
    proposed = set(report.recognised["unit_code"])
    overview = frames["progress"]
    assert proposed == set(overview.loc[overview["recognised"], "unit_code"])
    assert proposed and proposed <= set(report.special["unit_code"])
    # the report is about the 9 followed units
    assert len(report.special) == 9 and sum(report.counts[s] for s in metrics.STATUS_ORDER) + report.counts[
        "no_data"
    ] == len(report.special)

    from docx import Document

    doc = Document(io.BytesIO(reports.to_docx(report, images=None)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "theo dõi 9 đơn vị (6 đơn vị đặc thù, 3 đơn vị khó khăn)" in text
    assert f"{len(proposed)} đơn vị đạt mức công nhận tiến bộ" in text
    names = set(report.recognised["unit_name"])
    assert all(name in text for name in names)
    regular = set(overview.loc[~overview["followed"], "unit_name"])
    section = text[text.index("công nhận tiến bộ") :]
    assert not any(name in section for name in regular)

    wb = openpyxl.load_workbook(io.BytesIO(reports.to_xlsx(report)))
    counted = [
        row[row.index("Công nhận tiến bộ") + 1]
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        if "Công nhận tiến bộ" in row[:2]  # after the STT, if any
    ]
    assert counted and counted[0] == len(proposed)


def test_the_documents_charts_are_about_the_followed_units(store):
    report = reports.gather("quarter", "2018-Q3", reports.frames_for(store, "2018-Q3"))
    figures = reports.chart_figures(report)
    title = figures["progress"].layout.title.text.replace("<br>", " ")  # the subject in smaller lines under it
    assert "9 đơn vị được theo dõi: 6 đặc thù, 3 khó khăn" in re.sub(r"<[^>]+>", "", title)
    grid = [t.z for t in figures["transitions"].data if getattr(t, "z", None) is not None][0]
    assert sum(v for row in grid for v in row if v == v) == 9  # the 9 units' ratings, not the 24


def test_the_subject_of_a_chart_is_said():
    frame = pd.DataFrame({"group": ["dac_thu", "dac_thu", "kho_khan", None]})
    assert tables.subject(metrics.in_set(frame, "followed"), "followed") == (
        "3 đơn vị được theo dõi: 2 đặc thù, 1 khó khăn"
    )
    assert tables.subject(frame, "all") == "Tất cả 4 đơn vị: 2 đặc thù, 1 khó khăn, 1 đơn vị khác"
    assert tables.subject(frame, "all", "en") == "All 4 units: 2 special, 1 weak, 1 other"


# ---------------------------------------------------------------- companions

COMPANION = "J"  # the sample unit list's column of companions


def row_of(code: str) -> int:
    ws = openpyxl.load_workbook(SAMPLE / "01_danh_sach_don_vi.xlsx", read_only=True)["Danh sách đơn vị"]
    return next(i for i, r in enumerate(ws.iter_rows(values_only=True), start=1) if r[1] == code)


def test_a_companion_of_another_cluster_is_a_warning_naming_both(tmp_path, db_url):
    # HND (cụm 4) accompanied by VKSND (cụm 6, Vững mạnh)
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{COMPANION}{row_of('HND')}": "VKSND"})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    warnings = [x for x in (out.stdout + out.stderr).splitlines() if "cụm 6" in x]
    assert len(warnings) == 1
    line = warnings[0]
    assert f"dòng {row_of('HND')} (HND — Chi đoàn Hội Nông dân Thành phố)" in line
    assert "Đơn vị đồng hành VKSND — Đoàn Viện Kiểm sát nhân dân Thành phố ở cụm 6, còn đơn vị này ở cụm 4" in line
    store = Store(db_url)
    assert store.units().set_index("unit_code").loc["HND", "companion_code"] == "VKSND"  # imported
    pairs = metrics.companion_pairs(store.units(), metrics.of_period(store, "2018-Q3"), store.settings())
    assert pairs.set_index("unit_code").loc["HND", "problems"] == ["other_cluster"]
    assert tables.pair_note(["other_cluster"]) == "⚠ đơn vị đồng hành khác cụm"
    store.dispose()


def test_a_companion_below_vung_manh_is_a_warning(tmp_path, db_url):
    # LMHTX (cụm 8) accompanied by BDMDN (cụm 8, Trung bình in 2017 by its score)
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{COMPANION}{row_of('LMHTX')}": "BDMDN"})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    text = out.stdout + out.stderr
    assert "Đơn vị đồng hành BDMDN — Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố xếp loại năm 2017 là " in text
    assert "“Trung bình”. Kế hoạch chọn đơn vị Vững mạnh / Xuất sắc để đồng hành" in text


def test_the_samples_companions_are_as_the_plan_asks(db_url):
    store = Store(db_url)
    pairs = metrics.companion_pairs(store.units(), metrics.of_period(store, "2018-Q3"), store.settings())
    assert len(pairs) == 6 and all(p == [] for p in pairs["problems"])
    units = store.units().set_index("unit_code")
    # the plan pairs working group 1 (with the leader of cụm 8) with BDMDN: it is in cụm 8
    assert units.loc["BDMDN", "cluster"] == 8 and units.loc["BDMDN", "companion_code"] == "CVLS"
    store.dispose()


def test_companion_lines_are_the_reports_sentences_on_it():
    reports_ = pd.DataFrame(
        [
            {"period": "2018-Q2", "difficulties": "Ít đoàn viên.", "proposals": "", "models": "Sinh hoạt chung với đơn vị đồng hành."},
            {"period": "2018-Q3", "difficulties": None, "proposals": "Mời Đoàn LDLD hỗ trợ\nMở lớp", "models": ""},
        ]
    )  # fmt: skip
    lines = metrics.companion_lines(reports_, "Chi đoàn Liên đoàn Lao động", "LDLD")
    assert lines.to_dict("records") == [
        {"period": "2018-Q3", "text": "Mời Đoàn LDLD hỗ trợ"},
        {"period": "2018-Q2", "text": "Sinh hoạt chung với đơn vị đồng hành."},
    ]


# ---------------------------------------------------------------- the sample, and the first real day


def test_the_sample_can_be_taken_out_in_one_entry_and_put_back(store, tmp_path):
    assert len(store.sample_uploads()) == len(list(SAMPLE.glob("*.xlsx")))
    before = len(store.history())
    entry = store.remove_sample(by="bql")
    history = store.history()
    assert len(history) == before + 1 and history.iloc[0]["action"] == "unseed"
    assert tables.action_name(history.iloc[0].to_dict()).startswith("Gỡ dữ liệu mẫu: Danh sách đơn vị")
    assert store.sample_uploads() == [] and store.units().empty and store.totals().empty
    assert store.remove_sample() is None  # nothing left to remove
    # an upload made after the removal is real work: it stays when the removal is undone later
    out = cli_main("import", str(SAMPLE / "01_danh_sach_don_vi.xlsx"), db_url=store.url)
    assert out.returncode == 0, out.stderr
    store.rollback(entry, by="bql")
    assert len(store.sample_uploads()) == len(list(SAMPLE.glob("*.xlsx")))
    assert len(store.totals(periods=["2018-Q3"])) == 24


def test_a_store_without_the_sample_says_nothing_of_it(empty_store):
    assert empty_store.sample_uploads() == []
    ingest.seed(empty_store, SAMPLE)
    assert len(empty_store.sample_uploads()) == len(list(SAMPLE.glob("*.xlsx")))


def test_a_renamed_level_still_reads_the_ratings_stored(store):
    settings = store.settings()
    names = [r.name for r in settings.scale]
    store.save_settings(replace(settings, scale=renamed(settings.scale, [*names[:2], "Khá (C)", *names[3:]])), by="bql")
    rows = {r["unit_code"]: r for r in metrics.of_period(store, "2018-Q3").to_dict("records")}
    # STC's 2017 word "Khá" is stored; it reads as the renamed level, and STC is still followed
    assert rows["STC"]["baseline_rating"] == "Khá (C)" and rows["STC"]["group"] == "kho_khan"
