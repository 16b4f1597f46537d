"""Values as offices type them: a cluster "Cụm 7", a flag "Có", a rating word without diacritics,
read from real workbooks (openpyxl, and LibreOffice's .xls); a row's error names its unit."""

from pathlib import Path

import openpyxl
import pytest

from doandata.store import Store
from tests.conftest import SAMPLE, cli_main
from tests.messy import convert

# columns of sample_data/01_danh_sach_don_vi.xlsx; its units start on row 6
CLUSTER, SPECIAL, RATING, GROUP = "D", "F", "H", "I"
FIRST = 6


def units_workbook(path, **cells) -> str:
    """The sample unit list with some cells retyped: cells={"D6": "Cụm 7", …}."""
    wb = openpyxl.load_workbook(SAMPLE / "01_danh_sach_don_vi.xlsx")
    ws = wb["Danh sách đơn vị"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return str(path)


def stored(db_url, code):
    store = Store(db_url)
    try:
        units = store.units().set_index("unit_code")
        return units.loc[code]
    finally:
        store.dispose()


def code_at(row: int) -> str:
    wb = openpyxl.load_workbook(SAMPLE / "01_danh_sach_don_vi.xlsx", read_only=True)
    return wb["Danh sách đơn vị"][f"B{row}"].value


@pytest.mark.parametrize("typed", ["Cụm 7", "cụm 07", "Cụm số 7", "CUM 7", "7", "7.0", 7, 7.0])
def test_a_cluster_is_read_as_offices_type_it(tmp_path, db_url, typed):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{CLUSTER}{FIRST}": typed})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert stored(db_url, code_at(FIRST))["cluster"] == 7


@pytest.mark.parametrize("typed", ["Tổ 1", "Tổ công tác số 1", "tổ số 1", "1"])
def test_a_group_number_is_read_as_offices_type_it(tmp_path, db_url, typed):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{GROUP}{FIRST}": typed})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert stored(db_url, code_at(FIRST))["group_no"] == 1


@pytest.mark.parametrize("typed", ["x", "X", "Có", "có", "Đặc thù", "1", 1])
def test_a_special_flag_is_read_as_offices_type_it(tmp_path, db_url, typed):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{SPECIAL}{FIRST}": typed})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert bool(stored(db_url, code_at(FIRST))["special"]) is True


@pytest.mark.parametrize("typed", ["", "không", "Không", "0", 0])
def test_a_special_flag_is_cleared_as_offices_type_it(tmp_path, db_url, typed):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{SPECIAL}{FIRST}": typed})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert bool(stored(db_url, code_at(FIRST))["special"]) is False


@pytest.mark.parametrize(("typed", "name"), [("Kha", "Khá"), ("KHÁ", "Khá"), ("vung manh", "Vững mạnh")])
def test_a_rating_word_is_read_with_or_without_diacritics(tmp_path, db_url, typed, name):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{RATING}{FIRST}": typed})
    out = cli_main("import", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert stored(db_url, code_at(FIRST))["baseline_rating"] == name


def test_office_values_survive_libreoffice_xls(tmp_path, db_url):
    cells = {f"{CLUSTER}{FIRST}": "Cụm 7", f"{SPECIAL}{FIRST}": 1, f"{RATING}{FIRST}": "Kha", f"{GROUP}{FIRST}": "Tổ 2"}
    xls = convert(Path(units_workbook(tmp_path / "ds.xlsx", **cells)), "xls")
    out = cli_main("import", str(xls), db_url=db_url)
    assert out.returncode == 0, out.stderr
    unit = stored(db_url, code_at(FIRST))
    assert (unit["cluster"], bool(unit["special"]), unit["baseline_rating"], unit["group_no"]) == (7, True, "Khá", 2)


def test_a_row_error_names_its_unit(tmp_path, db_url):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{CLUSTER}{FIRST}": "Cụm bảy"})
    out = cli_main("validate", path, db_url=db_url)
    assert out.returncode == 1
    line = next(x for x in out.stderr.splitlines() if x.startswith("Lỗi"))
    assert line.startswith("Lỗi: Sheet Danh sách đơn vị, dòng 6 (VPTU — Đoàn Văn phòng Thành ủy), cột Cụm (D): ")
    out = cli_main("--lang", "en", "validate", path, db_url=db_url)
    line = next(x for x in out.stderr.splitlines() if x.startswith("Error"))
    assert line.startswith("Error: Sheet Danh sách đơn vị, row 6 (VPTU — Đoàn Văn phòng Thành ủy), column Cụm (D): ")


def test_an_upload_without_units_points_to_the_upload_page(tmp_path, empty_store):
    out = cli_main("validate", str(SAMPLE / "02_to_cong_tac.xlsx"), db_url=empty_store.url)
    assert out.returncode != 0
    assert "python -m" not in out.stderr
    assert "Tải lên" in out.stderr and "Mẫu biểu" in out.stderr


def test_a_cluster_that_is_no_number_is_said_as_a_cluster_not_a_decimal(tmp_path, db_url):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{CLUSTER}{FIRST}": "Cụm bảy", f"{GROUP}{FIRST}": "Tổ một"})
    out = cli_main("validate", path, db_url=db_url)
    said = [x.split(": ", 2)[2] for x in out.stderr.splitlines() if x.startswith("Lỗi")]
    assert said == [
        "“Cụm bảy” không phải là số cụm. Hãy ghi số của cụm, ví dụ 7 hoặc Cụm 7.",
        "“Tổ một” không phải là số tổ công tác. Hãy ghi số của tổ, ví dụ 1 hoặc Tổ 1.",
    ]


def test_a_rating_word_without_diacritics_is_said_by_its_name(tmp_path, db_url):
    path = units_workbook(tmp_path / "ds.xlsx", **{f"{RATING}{FIRST + 1}": "kha"})  # BTCTU scored 86
    out = cli_main("validate", path, db_url=db_url)
    assert out.returncode == 0, out.stderr
    assert "Xếp loại 2017 là “Khá” nhưng điểm 86 tương ứng “Vững mạnh”" in out.stdout


def test_the_upload_pages_table_of_problems_names_the_unit(tmp_path, store):
    from doandata import ingest, tables

    path = units_workbook(tmp_path / "ds.xlsx", **{f"{CLUSTER}{FIRST}": "Cụm bảy"})
    batch = ingest.inspect(Path(path).read_bytes(), "ds.xlsx", store).batch
    for lang, column in (("vi", "Đơn vị"), ("en", "Unit")):
        table = tables.problems_table(batch.problems, lang)
        assert table[column].tolist()[0] == "VPTU — Đoàn Văn phòng Thành ủy"
