"""Workbooks in the template layout, generated from the contract.

The same writer makes the empty templates the app hands out and the sample data, so a template
always loads: a title block, the header row, data rows, drop-down lists and an instructions sheet.
"""

from __future__ import annotations

import io
import numbers
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

from . import contract as C
from . import metrics, xlsx
from .settings import Settings

ORG = "ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP. HỒ CHÍ MINH"
HEADER_ROW = 5
# The scorecard prints one page wide at a scale a reader can read (about 60 %, not the third that 36
# columns at their usual widths gave): a criterion's Minh chứng and Lý do columns narrow, their headers
# upright; the unit's name, the total, the rating and the note narrower than on the other templates.
EVIDENCE_WIDTH = 4
SCORECARD_WIDTHS = {"unit_code": 9, "unit_name": 30, "total_given": 7, "rating_given": 10, "note": 10}
UPRIGHT = 90  # degrees: the header of a narrow column read from the bottom up
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LIST_SHEET = "Danh mục"
CRITERION_WIDTH = 9  # a criterion's column: its code, its name wrapped, its maximum

INSTRUCTIONS = {
    "units": "Mỗi dòng là một cơ sở Đoàn. Cột Đặc thù: ghi “x” nếu là đơn vị đặc thù. "
    "Xếp loại 2017: Yếu, Trung bình, Khá, Tiên tiến, Vững mạnh, Xuất sắc (hoặc Đặc thù). Đơn vị xếp loại "
    "Tiên tiến trở xuống là đơn vị khó khăn, được theo dõi cùng đơn vị đặc thù. Đơn vị đồng hành: mã một đơn vị "
    "Vững mạnh hoặc Xuất sắc cùng cụm.",
    "groups": "Mỗi dòng là một thành viên tổ công tác. Vai trò: Tổ trưởng hoặc Thành viên. "
    "Đơn vị phụ trách: các mã đơn vị, cách nhau bằng dấu phẩy. Nội dung phụ trách: mã nội dung kế hoạch.",
    "criteria": "Mỗi dòng là một tiêu chí. Có thể chèn dòng tên nhóm (ví dụ “I. CÔNG TÁC TỔ CHỨC”) phía trên các tiêu chí "
    "của nhóm. Tổng điểm tối đa nên bằng 100.",
    "scores": "Mỗi dòng là một đơn vị. Ghi điểm từng tiêu chí (số lẻ dùng dấu phẩy, ví dụ 8,5), không vượt điểm tối đa "
    "ghi ở tiêu đề cột tiêu chí. Tổng điểm và Xếp loại chỉ để đối chiếu: ứng dụng tự cộng lại.",
    "reports": "Mỗi dòng là một đơn vị trong quý. Các cột nội dung kế hoạch chọn một trong: Chưa thực hiện, "
    "Đang thực hiện, Hoàn thành. Ngày họp tổ ghi dạng ngày/tháng/năm.",
    "support": "Mỗi dòng là một việc cần làm để hỗ trợ một đơn vị. Nội dung kế hoạch: một mã RS, KT, TH, LT, CSVC, PT, "
    "KP hoặc DH. Hạn ghi dạng ngày/tháng/năm. Trạng thái chọn Chưa thực hiện, Đang thực hiện hoặc Hoàn thành; "
    "“Quá hạn” không ghi vào đây: ứng dụng tự tính khi đã qua Hạn mà chưa Hoàn thành. Sheet “Tăng cường cán bộ”: "
    "mỗi dòng là một cán bộ được tăng cường cho đơn vị.",
    "reinforcements": "Mỗi dòng là một cán bộ được tăng cường: từ đơn vị (hoặc cơ quan) nào, đến đơn vị nào, "
    "từ ngày, đến ngày, nhiệm vụ.",
    "meetings": "Mỗi dòng là một cuộc họp của tổ công tác. Tổ ghi số tổ (1 hoặc Tổ 1). Ngày họp ghi dạng "
    "ngày/tháng/năm; quý của cuộc họp tính theo ngày họp. Đơn vị được bàn: mã hoặc tên đơn vị, cách nhau bằng dấu phẩy.",
}


def headers_for(kind: C.WorkbookKind, criteria: pd.DataFrame | None) -> list[tuple[str, str, int]]:
    """(key, header text, width) of every column the template has, in order."""
    cols = [(c.key, c.header, c.width) for c in kind.columns if c.key not in ("period", "stage")]
    if kind.code_columns == "criteria":
        cols = [(key, text, SCORECARD_WIDTHS.get(key, width)) for key, text, width in cols]
        # each criterion's points, then its evidence and the working group's reason for a change (#19)
        codes = [
            column
            for code in (criteria["code"] if criteria is not None else [])
            for column in (
                (code, code, CRITERION_WIDTH),
                (C.evidence_key(code), f"Minh chứng\n{code}", EVIDENCE_WIDTH),
                (C.reason_key(code), f"Lý do\n{code}", EVIDENCE_WIDTH),
            )
        ]
        cols = cols[:2] + codes + cols[2:]
    elif kind.code_columns == "plan_items":
        items = [(p.code, f"{p.code} - {p.short}", 16) for p in C.PLAN_ITEMS]
        cols = cols[:2] + items + cols[2:]
    return cols


def write_workbook(
    kind_key: str,
    rows: pd.DataFrame | None = None,
    *,
    period: str | None = None,
    criteria: pd.DataFrame | None = None,
    units: pd.DataFrame | None = None,
    settings: Settings | None = None,
    parts: dict[str, pd.DataFrame] | None = None,
    stage: str | None = None,
) -> bytes:
    """An .xlsx of one workbook kind; rows hold values by contract key (or code). A kind with a
    second sheet (a support plan's reinforcements) gets it too, with the rows of `parts[its key]`."""
    settings = settings or Settings()
    kind = C.KINDS[kind_key]
    columns = headers_for(kind, criteria)
    wb = Workbook()
    ws = wb.active
    ws.title = kind.sheet
    _title_block(ws, kind, period, len(columns) + 1, stage)
    _header(ws, columns, criteria)
    data = rows if rows is not None else _prefill(kind, units, settings)
    _rows(ws, columns, data)
    _validations(wb, ws, kind, _letters(columns), units, settings, HEADER_ROW + 1)
    _instructions(wb, kind, columns, period, criteria)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)
    for_print(ws, HEADER_ROW)
    for part in (k for k in C.KINDS.values() if k.part_of == kind_key):
        # a kind's second sheet (a support plan's reinforcements), before the instructions
        extra = wb.create_sheet(part.sheet, index=1)
        part_columns = headers_for(part, None)
        _title_block(extra, part, None, len(part_columns) + 1)
        _header(extra, part_columns, None)
        _rows(extra, part_columns, parts.get(part.key) if parts else None)
        _validations(wb, extra, part, _letters(part_columns), None, settings, HEADER_ROW + 1)
        _part_instructions(wb["Hướng dẫn"], part, part_columns)
        extra.freeze_panes = extra.cell(row=HEADER_ROW + 1, column=1)
        for_print(extra, HEADER_ROW)
    for_print(wb["Hướng dẫn"], None)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _letters(columns) -> dict[str, str]:
    """Each column's key -> its letter in the template (column A is the STT)."""
    return {key: get_column_letter(j) for j, (key, _t, _w) in enumerate(columns, start=2)}


def dress(
    wb,
    ws,
    kind_key: str,
    header_row: int,
    columns: dict[str, int],
    *,
    criteria: pd.DataFrame | None = None,
    units: pd.DataFrame | None = None,
    settings: Settings | None = None,
) -> None:
    """Give a sheet laid out by someone else (its header on `header_row`, `columns` key -> 0-based
    index) the template's look: column widths, the header's style and notes, the frozen header,
    the drop-down lists and the page setup. The values stay where they are."""
    kind = C.KINDS[kind_key]
    widths = {key: width for key, _t, width in headers_for(kind, criteria)}
    maxima = {} if criteria is None else dict(zip(criteria["code"], zip(criteria["content"], criteria["max_points"])))
    for key, j in columns.items():
        ws.column_dimensions[get_column_letter(j + 1)].width = widths.get(key, 12)
        cell = ws.cell(row=header_row, column=j + 1)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        if key in maxima and cell.comment is None:
            cell.comment = Comment(header_text(key, *maxima[key]).replace("\n", " "), "Ban Tổ chức")
    ws.row_dimensions[header_row].height = max(ws.row_dimensions[header_row].height or 0, 36)
    names = [columns[k] for k in ("unit_code", "unit_name", "code", "name") if k in columns]
    ws.freeze_panes = ws.cell(row=header_row + 1, column=max(names, default=-1) + 2)
    keyed = {key: get_column_letter(j + 1) for key, j in columns.items()}
    if units is not None and "unit_code" not in units.columns and "code" in units.columns:
        units = units.rename(columns={"code": "unit_code"})
    _validations(wb, ws, kind, keyed, units, settings or Settings(), header_row + 1)
    for_print(ws, header_row)


def for_print(ws, header_row: int | None) -> None:
    """A4 landscape, one page wide (as many pages down as the rows need), the header row printed
    again at the top of every page, narrow margins and the page number in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "Trang &P/&N"
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"


def header_text(code: str, content: object, maximum: object) -> str:
    """A criterion's header: its code, its name and its maximum, one under the other."""
    name = xlsx.clean(" ".join(str(content or "").split()))
    most = f"(tối đa {maximum:g})" if isinstance(maximum, numbers.Real) and maximum == maximum else ""
    return "\n".join(part for part in (code, name, most) if part)


def _title_block(ws, kind: C.WorkbookKind, period: str | None, width: int, stage: str | None = None) -> None:
    xlsx.write(ws, 1, 1, ORG).font = Font(bold=True, size=12)
    title = kind.title + (f" — {C.period_label(period).upper()}" if period else "")
    xlsx.write(ws, 2, 1, title).font = Font(bold=True, size=14)
    if kind.periodic:
        xlsx.write(ws, 3, 1, f"Kỳ: {C.period_label(period)}" if period else "Kỳ: (ghi ví dụ Quý II/2018)")
    if kind.code_columns == "criteria":  # the scorecard's stage (#19), read like the period
        names = ", ".join(s.name for s in C.STAGES)
        xlsx.write(
            ws, 4, 1, f"Giai đoạn: {C.STAGE_BY_KEY[stage].name}" if stage else f"Giai đoạn: (ghi một trong: {names})"
        )
    ws.row_dimensions[2].height = 22


def _header(ws, columns, criteria: pd.DataFrame | None) -> None:
    maxima = {} if criteria is None else dict(zip(criteria["code"], zip(criteria["content"], criteria["max_points"])))
    cells = [("STT", "STT", 6), *columns]
    lines = 2
    for j, (key, text, width) in enumerate(cells, start=1):
        if key in maxima:
            text = header_text(key, *maxima[key])
        upright = _upright(key)
        if upright:  # its lines side by side, each as long as the row is high
            lines = max(lines, max(len(part) for part in str(text).split("\n")) // 2 + 1)
        else:
            lines = max(lines, sum(-(-len(part) // max(width - 2, 1)) for part in str(text).split("\n")))
        cell = xlsx.write(ws, HEADER_ROW, j, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="center", text_rotation=UPRIGHT if upright else 0
        )
        ws.column_dimensions[get_column_letter(j)].width = width
        if key in maxima:
            content, maximum = maxima[key]
            cell.comment = Comment(xlsx.clean(f"{content} (tối đa {maximum:g} điểm)"), "Ban Tổ chức")
    ws.row_dimensions[HEADER_ROW].height = max(36, 15 * (lines + 1))  # a line spare: words wrap early


def _upright(key: str) -> bool:
    """A criterion's evidence or reason column: narrow, its header upright."""
    return key.startswith(C.evidence_key("")) or key.startswith(C.reason_key(""))


def _prefill(kind: C.WorkbookKind, units: pd.DataFrame | None, settings: Settings) -> pd.DataFrame | None:
    """Templates of the quarterly workbooks come with the units already listed: every unit on a
    scorecard, the followed ones (đặc thù, then khó khăn, by the unit list's 2017 results) on a
    quarterly report."""
    if units is None or units.empty or not kind.periodic:
        return None
    chosen = units
    if kind.key == "reports":
        none = pd.Series(dtype=float)
        groups = metrics.figures(units, none, none, none, settings, settings.quarters[0])
        followed = metrics.by_group(metrics.in_set(groups, "followed"))
        if len(followed):
            chosen = units.set_index("unit_code").loc[followed["unit_code"]].reset_index()
    return chosen.rename(columns={"name": "unit_name"})[["unit_code", "unit_name"]]


def _rows(ws, columns, data: pd.DataFrame | None) -> None:
    if data is None:
        return
    for i, record in enumerate(data.to_dict("records"), start=1):
        r = HEADER_ROW + i
        xlsx.write(ws, r, 1, i).border = BORDER
        for j, (key, _text, width) in enumerate(columns, start=2):
            value = record.get(key)
            if isinstance(value, list):
                value = ", ".join(value)
            cell = xlsx.write(ws, r, j, value)
            cell.border = BORDER
            if key == "unit_name" and isinstance(value, str) and len(value) > width + 3:
                # a long name on two lines (or more), not over the next column; the row made as high
                # (a row's height is not grown to its text when the file is opened), its cells centred
                cell.alignment = Alignment(wrap_text=True)
                ws.row_dimensions[r].height = 15 * -(-len(value) // (width + 3))
        if ws.row_dimensions[r].height:
            for cell in ws[r]:
                cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="center")


def _validations(
    wb, ws, kind: C.WorkbookKind, keyed: dict[str, str], units: pd.DataFrame | None, settings: Settings, first: int
) -> None:
    """The drop-down lists of the columns in `keyed` (key -> column letter), from row `first` down."""
    last = first + 1999

    def add(formula: str, key: str, prompt: str) -> None:
        if key not in keyed:
            return
        dv = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=prompt,
            promptTitle="Chọn",
            prompt=prompt,
        )
        dv.add(f"{keyed[key]}{first}:{keyed[key]}{last}")
        ws.add_data_validation(dv)

    unit_codes = _unit_list(wb, units)
    statuses = _choices(wb, list(C.STATUS_NAMES), "Tình trạng")
    ratings = _choices(wb, [r.name for r in settings.scale], "Xếp loại")
    for item in C.PLAN_ITEM_CODES:
        add(statuses, item, "Chọn: " + ", ".join(C.STATUS_NAMES))
    add(ratings, "rating_given", "Chọn một xếp loại")
    add(ratings, "baseline_rating", "Chọn một xếp loại")
    add(_choices(wb, ["Tổ trưởng", "Thành viên"], "Vai trò"), "role", "Tổ trưởng hoặc Thành viên")
    if kind.key == "support":
        add(statuses, "status", "Chọn: " + ", ".join(C.STATUS_NAMES) + " (Quá hạn do ứng dụng tự tính)")
        add(_choices(wb, list(C.PLAN_ITEM_CODES), "Nội dung kế hoạch"), "item_code", "Chọn một mã nội dung kế hoạch")
    if unit_codes:
        add(unit_codes, "unit_code", "Chọn mã đơn vị trong danh sách")
        add(unit_codes, "companion_code", "Chọn mã đơn vị trong danh sách")


def _unit_list(wb, units: pd.DataFrame | None) -> str | None:
    """The units' codes and names on the hidden list sheet; the range of the codes, for the drop-down."""
    if units is None or not len(units):
        return None
    if LIST_SHEET in wb.sheetnames and wb[LIST_SHEET]["A1"].value == "Mã đơn vị":  # a second sheet's drop-down
        return f"'{LIST_SHEET}'!$A$2:$A${len(units) + 1}"
    lists = _list_sheet(wb)
    xlsx.append(lists, ["Mã đơn vị", "Tên đơn vị"])
    for code, name in zip(units["unit_code"], units["name"]):
        xlsx.append(lists, [code, name])
    return f"'{LIST_SHEET}'!$A$2:$A${len(units) + 1}"


def _choices(wb, names: list[str], header: str) -> str:
    """A drop-down's source: the names in the formula, or a column of the list sheet when a name
    could not stand there (xlsx.choice_list)."""
    literal = xlsx.choice_list(names)
    if literal:
        return literal
    lists = _list_sheet(wb)
    column = lists.max_column + 1 if lists.max_row > 1 or lists.max_column > 1 else 1
    for i, text in enumerate([header, *names], start=1):
        xlsx.write(lists, i, column, text)
    letter = get_column_letter(column)
    return f"'{LIST_SHEET}'!${letter}$2:${letter}${len(names) + 1}"


def _list_sheet(wb):
    """The hidden sheet the drop-downs read their lists from, made the first time one needs it."""
    if LIST_SHEET in wb.sheetnames:
        return wb[LIST_SHEET]
    lists = wb.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    return lists


def _instructions(wb, kind: C.WorkbookKind, columns, period: str | None, criteria: pd.DataFrame | None) -> None:
    maxima = {} if criteria is None else dict(zip(criteria["code"], zip(criteria["content"], criteria["max_points"])))
    ws = wb.create_sheet("Hướng dẫn")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    xlsx.append(ws, ["HƯỚNG DẪN ĐIỀN " + kind.sheet.upper()])
    ws["A1"].font = Font(bold=True, size=13)
    xlsx.append(ws, [INSTRUCTIONS[kind.key]])
    if kind.periodic:
        xlsx.append(ws, ["Kỳ báo cáo được đọc từ dòng “Kỳ:” ở đầu sheet; nếu để trống, hãy chọn kỳ khi tải lên."])
    if kind.code_columns == "criteria":
        xlsx.append(
            ws,
            [
                "Giai đoạn chấm được đọc từ dòng “Giai đoạn:” ở đầu sheet (Đơn vị tự chấm, Tổ công tác thẩm định hoặc "
                "Ban Thường vụ duyệt), hoặc chọn khi tải lên; nếu không ghi, bảng điểm được lưu là của Tổ công tác thẩm định."
            ],
        )
    xlsx.append(ws, [])
    xlsx.append(ws, ["Cột", "Ý nghĩa"])
    for key, text, _w in columns:
        col = next((c for c in kind.columns if c.key == key), None)
        meaning = ("bắt buộc" if col and col.required else "không bắt buộc") + (
            f"; {col.hint}" if col and col.hint else ""
        )
        if col is None:
            item = next((p for p in C.PLAN_ITEMS if p.code == key), None)
            meaning = f"nội dung kế hoạch: {item.name}" if item else "điểm tiêu chí"
            if key in maxima:
                meaning = "điểm tiêu chí: " + header_text("", *maxima[key]).replace("\n", " ")
            if key.startswith(C.evidence_key("")):
                meaning = (
                    "không bắt buộc; minh chứng của tiêu chí: một dòng mô tả, đường dẫn hoặc tên tệp lưu ở văn phòng"
                )
            elif key.startswith(C.reason_key("")):
                meaning = (
                    "lý do Tổ công tác chấm khác điểm đơn vị tự chấm; bắt buộc khi điểm thẩm định khác điểm tự chấm"
                )
        xlsx.append(ws, [text, meaning])
    xlsx.append(ws, [])
    xlsx.append(ws, ["Không xóa dòng tiêu đề. Có thể thêm dòng tiêu đề, chữ ký, ghi chú ở trên hoặc dưới bảng."])


def _part_instructions(ws, kind: C.WorkbookKind, columns) -> None:
    xlsx.append(ws, [])
    xlsx.append(ws, ["Sheet “" + kind.sheet + "”", INSTRUCTIONS[kind.key]])
    for key, text, _w in columns:
        col = kind.column(key)
        xlsx.append(
            ws, [text, ("bắt buộc" if col.required else "không bắt buộc") + (f"; {col.hint}" if col.hint else "")]
        )


def save(data: bytes, path: str | Path) -> None:
    Path(path).write_bytes(data)
