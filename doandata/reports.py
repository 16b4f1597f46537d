"""The quarterly report for Thường trực, the sơ kết and the tổng kết, as finished documents.

`gather` computes everything the report says from the store's frames (metrics only); `to_docx`
lays it out in the Youth Union's administrative format (QĐ 367, HD 29: heading, issuing body,
number, place and date, title, body, signature, recipients; A4, margins 20/20/30/20 mm) and `to_xlsx`
writes the same tables one per sheet with native Excel charts. Text that came from an upload is
always written as text.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

import pandas as pd

from . import charts, i18n, metrics, periods
from . import contract as C
from .settings import Settings

KINDS = ("quarter", "midyear", "final")


@dataclass
class Signing:
    """What the app cannot know: left blank for handwriting unless filled in the form."""

    number: str = ""
    code: str = "BC/ĐTN"
    place: str = "TP. Hồ Chí Minh"
    date: dt.date | None = None
    signer: str = ""
    signer_title: str = "BÍ THƯ"
    on_behalf: str = "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI"
    superior: str = "THÀNH ĐOÀN TP. HỒ CHÍ MINH"
    issuer: str = "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
    recipients: tuple[str, ...] = (
        "Thường trực Đoàn Khối",
        "Các đồng chí Ủy viên Ban Thường vụ",
        "Các tổ công tác",
        "Lưu VP",
    )


@dataclass
class Report:
    kind: str
    period: str
    title: str
    subtitle: str
    frame: pd.DataFrame  # progress of every unit
    special: pd.DataFrame
    counts: dict
    by_status: dict[str, list[str]]
    recognised: pd.DataFrame
    commended: pd.DataFrame
    sections: pd.DataFrame  # criteria sections: mean points now and in the baseline year
    items: pd.DataFrame  # plan items: units done / in progress / not started
    activity: dict
    pairs: pd.DataFrame
    voices: pd.DataFrame  # difficulties and proposals from the quarterly reports
    models: pd.DataFrame
    tasks: list[str]
    settings: Settings
    figures: dict = field(default_factory=dict)


def resolve_kind(text: str, settings: Settings) -> tuple[str, str] | None:
    """'2018-Q2' / 'Quý II/2018' -> ('quarter', '2018-Q2'); 'so-ket' -> ('midyear', Q2); 'tong-ket' -> ('final', Q4)."""
    return periods.report_period(text, settings.plan_year)


def gather(kind: str, period: str, frames: dict) -> Report:
    """Everything the document says, from the same metrics as the pages."""
    settings: Settings = frames["settings"]
    units, statuses, frame = frames["units"], frames["statuses"], frames["progress"]
    special = metrics.worst_first(frame[frame["special"]]) if frame["special"].any() else metrics.worst_first(frame)
    names = {s: special[special["status"] == s]["unit_name"].tolist() for s in metrics.STATUS_ORDER}
    recognised = metrics.worst_first(frame[frame["recognised"]]).iloc[::-1]
    commended = recognised[(recognised["status"] == "on_track")]
    reports = frames["reports"]
    here = reports[reports["period"] == period]
    return Report(
        kind=kind,
        period=period,
        title=_title(kind),
        subtitle=_subtitle(kind, period, settings),
        frame=frame,
        special=special,
        counts=metrics.status_counts(special),
        by_status=names,
        recognised=recognised,
        commended=commended,
        sections=_sections(frames, period, settings),
        items=_items(statuses, list(special["unit_code"]), period, settings),
        activity=_activity(here),
        pairs=metrics.worst_first(metrics.companion_pairs(units, frame)),
        voices=_voices(here, units),
        models=_models(reports, units, period, settings),
        tasks=_tasks(special, statuses, period, settings),
        settings=settings,
    )


def _title(kind: str) -> str:
    return {"quarter": "BÁO CÁO", "midyear": "BÁO CÁO SƠ KẾT", "final": "BÁO CÁO TỔNG KẾT"}[kind]


def _subtitle(kind: str, period: str, settings: Settings) -> str:
    plan = f"Kế hoạch hỗ trợ công tác Đoàn và phong trào thanh niên các cơ sở Đoàn khó khăn, đặc thù năm {settings.plan_year}"
    if kind == "midyear":
        return f"6 tháng đầu năm {settings.plan_year} thực hiện {plan}"
    if kind == "final":
        return f"Kết quả thực hiện {plan}"
    return f"Kết quả thực hiện {plan} — {i18n.period_name(period)}"


def _sections(frames: dict, period: str, settings: Settings) -> pd.DataFrame:
    """Mean points of the special units per section of the scorecard, now and in the baseline year."""
    means, criteria = frames["section_means"], frames["criteria"]
    if means.empty:
        return pd.DataFrame(columns=["section", "max_points", "baseline", "now", "change"])
    mean = means.set_index(["section", "period"])["mean"].unstack()
    out = pd.DataFrame({"section": criteria.drop_duplicates("section")["section"]})
    out["max_points"] = out["section"].map(criteria.groupby("section")["max_points"].sum())
    out["baseline"] = out["section"].map(mean.get(settings.baseline_period, pd.Series(dtype=float)))
    out["now"] = out["section"].map(mean.get(period, pd.Series(dtype=float)))
    out["change"] = out["now"] - out["baseline"]
    return out.reset_index(drop=True)


def _items(statuses: pd.DataFrame, codes: list[str], period: str, settings: Settings) -> pd.DataFrame:
    grid = metrics.plan_item_matrix(statuses, codes, period, settings)
    return pd.DataFrame(
        {
            "item": [f"{p.code} — {p.name}" for p in C.PLAN_ITEMS],
            "done": [int((grid[p.code] == "done").sum()) for p in C.PLAN_ITEMS],
            "in_progress": [int((grid[p.code] == "in_progress").sum()) for p in C.PLAN_ITEMS],
            "not_started": [int((grid[p.code].isin(["not_started", "none"])).sum()) for p in C.PLAN_ITEMS],
        }
    )


def _activity(reports: pd.DataFrame) -> dict:
    def total(key):
        return float(pd.to_numeric(reports.get(key, pd.Series(dtype=float)), errors="coerce").sum())

    return {
        "reports": len(reports),
        "activities": total("activities"),
        "participants": total("participants"),
        "trained": total("trained"),
        "admitted": total("admitted"),
        "funds": total("funds"),
    }


def _voices(reports: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    names = dict(zip(units["unit_code"], units["name"]))
    rows = [
        {
            "unit_name": names.get(r["unit_code"], r["unit_code"]),
            "difficulties": i18n.text_or_dash(r["difficulties"]),
            "proposals": i18n.text_or_dash(r["proposals"]),
        }
        for r in reports.to_dict("records")
        if i18n.text_or_dash(r["difficulties"]) != "—" or i18n.text_or_dash(r["proposals"]) != "—"
    ]
    return pd.DataFrame(rows, columns=["unit_name", "difficulties", "proposals"])


def _models(reports: pd.DataFrame, units: pd.DataFrame, period: str, settings: Settings) -> pd.DataFrame:
    """Effective models reported up to the period, the latest per unit."""
    names = dict(zip(units["unit_code"], units["name"]))
    upto = reports[reports["period"].isin([q for q in settings.quarters if q <= period])]
    upto = upto[upto["models"].map(lambda v: i18n.text_or_dash(v) != "—")].sort_values("period")
    upto = upto.drop_duplicates("unit_code", keep="last")
    return pd.DataFrame(
        {
            "unit_name": [names.get(c, c) for c in upto["unit_code"]],
            "model": upto["models"].tolist(),
            "period": [i18n.period_name(p) for p in upto["period"]],
        }
    )


def _tasks(special: pd.DataFrame, statuses: pd.DataFrame, period: str, settings: Settings) -> list[str]:
    """Tasks for the next quarter, drawn from the figures: who is behind, which items have not started."""
    tasks = []
    behind = special[special["status"] == "behind"]["unit_name"].tolist()
    at_risk = special[special["status"] == "at_risk"]["unit_name"].tolist()
    if behind:
        tasks.append(
            "Các tổ công tác làm việc trực tiếp với Cấp ủy và Ban Chấp hành các đơn vị chậm tiến độ ("
            + ", ".join(behind)
            + "), xác định nguyên nhân và giải pháp cụ thể."
        )
    if at_risk:
        tasks.append(
            "Theo dõi sát các đơn vị cần chú ý ("
            + ", ".join(at_risk)
            + "), hỗ trợ hoàn thành các tiêu chí còn thấp điểm."
        )
    grid = metrics.plan_item_matrix(statuses, list(special["unit_code"]), period, settings)
    idle = [p for p in C.PLAN_ITEMS if (grid[p.code].isin(["not_started", "none"])).sum() > len(grid) / 2]
    if idle:
        tasks.append(
            "Đẩy mạnh các nội dung kế hoạch phần lớn đơn vị chưa thực hiện: "
            + "; ".join(p.name.lower() for p in idle)
            + "."
        )
    later = [q for q in settings.quarters if q > period]
    if later:
        tasks.append(f"Tổ chức họp tổ công tác {i18n.period_name(later[0])}, tổng hợp báo cáo Thường trực Đoàn Khối.")
    tasks.append("Nhân rộng các mô hình hiệu quả; đề xuất tuyên dương các đơn vị, cá nhân thực hiện tích cực.")
    return tasks


# ---------------------------------------------------------------- figures


def chart_images(report: Report) -> dict[str, bytes]:
    """The overview's charts as PNG (plotly through kaleido and the machine's Chromium); empty
    when no browser can render them, and the document says so instead of failing."""
    figures = {
        "progress": charts.progress_bullets(report.frame, report.period, report.settings),
        "transitions": charts.transitions(
            metrics.rating_transitions(report.frame, report.settings), report.period, report.settings
        ),
    }
    images = {}
    try:
        for key, fig in figures.items():
            images[key] = fig.to_image(format="png", width=1400, height=int(fig.layout.height or 600), scale=1)
    except Exception:  # noqa: BLE001 - no Chrome/Chromium for kaleido: the report still comes out
        return {}
    return images


# ---------------------------------------------------------------- Word


def to_docx(report: Report, signing: Signing | None = None, images: dict[str, bytes] | None = None) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    signing = signing or Signing()
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    normal.element.rPr.rFonts.set(_qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(3)

    def para(text="", *, bold=False, italic=False, size=None, align=None, indent=False, container=None):
        p = (container or doc).add_paragraph()
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "justify":
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            p.paragraph_format.first_line_indent = Cm(1)
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        return p

    # heading: issuing body on the left, the Union's name and place-date on the right
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(head, [8.6, 7.4])
    left, right = head.rows[0].cells
    left.paragraphs[0].text = ""
    para(signing.superior, size=14, align="center", container=left)
    para(signing.issuer, bold=True, size=14, align="center", container=left)
    para("***", align="center", container=left)
    number = signing.number or "      "
    para(f"Số: {number}-{signing.code}", size=14, align="center", container=left)
    union = para("ĐOÀN TNCS HỒ CHÍ MINH", bold=True, size=15, align="center", container=right)
    union.runs[0].underline = True
    para("", container=right)
    para(_place_date(signing, report.settings), italic=True, size=14, align="center", container=right)
    _drop_first_empty(left)
    _drop_first_empty(right)

    para("")
    para(report.title, bold=True, size=15, align="center")
    para(report.subtitle, bold=True, size=14, align="center")
    para("-----", align="center")

    counts = report.counts
    n = sum(counts[s] for s in metrics.STATUS_ORDER) + counts["no_data"]
    para("I. TÌNH HÌNH CHUNG", bold=True)
    para(
        f"Thực hiện Kế hoạch hỗ trợ các cơ sở Đoàn khó khăn, đặc thù năm {report.settings.plan_year}, Ban Thường vụ "
        f"Đoàn Khối theo dõi {n} đơn vị đặc thù qua bảng điểm thi đua và báo cáo quý của các tổ công tác. "
        f"Đến {i18n.period_name(report.period)}: {counts['on_track']} đơn vị đúng tiến độ, {counts['at_risk']} đơn vị cần "
        f"chú ý, {counts['behind']} đơn vị chậm tiến độ"
        + (f", {counts['no_data']} đơn vị chưa có số liệu" if counts["no_data"] else "")
        + f"; {len(report.recognised)} đơn vị đạt mức công nhận tiến bộ so với năm {report.settings.baseline_year}.",
        align="justify",
        indent=True,
    )
    para(f"Đã nhận {report.activity['reports']} báo cáo quý của các đơn vị.", align="justify", indent=True)
    if images and "progress" in images:
        doc.add_picture(io.BytesIO(images["progress"]), width=Cm(16))
    elif images is not None:
        para("(Không xuất được biểu đồ: máy chủ cần trình duyệt Chromium để vẽ hình.)", italic=True, size=12)

    para("II. KẾT QUẢ THỰC HIỆN", bold=True)
    para("1. Kết quả bảng điểm thi đua", bold=True, italic=True)
    _docx_table(
        doc,
        ["Đơn vị", f"Điểm {report.settings.baseline_year}", "Điểm kỳ này", "Tăng/giảm", "Xếp loại", "Tiến độ"],
        [
            [
                r["unit_name"],
                i18n.fmt_number(r["baseline_total"]),
                i18n.fmt_number(r["total"]),
                i18n.fmt_signed(r["delta"]),
                i18n.rating_name(r["rating"]),
                i18n.status_name(r["status"]),
            ]
            for r in report.special.to_dict("records")
        ],
        [6.0, 1.8, 1.8, 1.8, 2.4, 2.4],
    )
    if len(report.sections):
        para("Điểm bình quân theo nhóm tiêu chí:", align="justify", indent=True)
        _docx_table(
            doc,
            ["Nhóm tiêu chí", "Điểm tối đa", f"Năm {report.settings.baseline_year}", "Kỳ này", "Tăng/giảm"],
            [
                [
                    r["section"],
                    i18n.fmt_number(r["max_points"]),
                    i18n.fmt_number(r["baseline"]),
                    i18n.fmt_number(r["now"]),
                    i18n.fmt_signed(r["change"]),
                ]
                for r in report.sections.to_dict("records")
            ],
            [7.0, 2.0, 2.2, 2.2, 2.2],
        )
    if images and "transitions" in images:
        doc.add_picture(io.BytesIO(images["transitions"]), width=Cm(14))
    para("2. Công tác tổ chức, cán bộ", bold=True, italic=True)
    items = report.items.set_index("item")
    for code in ("RS", "KT", "TH", "LT"):
        label = next(i for i in items.index if i.startswith(code + " "))
        row = items.loc[label]
        para(
            f"- {label.split(' — ')[1]}: {row['done']} đơn vị hoàn thành, {row['in_progress']} đơn vị đang thực hiện, "
            f"{row['not_started']} đơn vị chưa thực hiện.",
            align="justify",
            indent=True,
        )
    para("3. Hoạt động phong trào, chăm lo đoàn viên", bold=True, italic=True)
    a = report.activity
    para(
        f"Trong kỳ, các đơn vị tổ chức {i18n.fmt_number(a['activities'], decimals=0)} hoạt động với "
        f"{i18n.fmt_number(a['participants'], decimals=0)} lượt đoàn viên tham gia; "
        f"{i18n.fmt_number(a['trained'], decimals=0)} cán bộ được tập huấn; kết nạp "
        f"{i18n.fmt_number(a['admitted'], decimals=0)} đoàn viên mới; vận động "
        f"{i18n.fmt_number(a['funds'], decimals=0)} đồng kinh phí hoạt động.",
        align="justify",
        indent=True,
    )
    para("4. Cụm đồng hành", bold=True, italic=True)
    if len(report.pairs):
        _docx_table(
            doc,
            ["Đơn vị đặc thù", "Tổng điểm", "Tiến độ", "Đơn vị đồng hành", "Điểm"],
            [
                [
                    r["unit_name"],
                    i18n.fmt_number(r["total"]),
                    i18n.status_name(r["status"]),
                    i18n.text_or_dash(r["companion_name"]),
                    i18n.fmt_number(r["companion_total"]),
                ]
                for r in report.pairs.to_dict("records")
            ],
            [5.0, 1.8, 2.4, 5.0, 1.6],
        )

    para("III. ĐƠN VỊ THEO TIẾN ĐỘ", bold=True)
    for status in metrics.STATUS_ORDER:
        names = report.by_status[status]
        para(
            f"- {i18n.status_name(status)} ({len(names)}): " + ("; ".join(names) if names else "không có") + ".",
            align="justify",
            indent=True,
        )

    para("IV. ĐỀ XUẤT CÔNG NHẬN TIẾN BỘ VÀ KHEN THƯỞNG", bold=True)
    para(f"1. Đề xuất công nhận tiến bộ ({len(report.recognised)} đơn vị):", italic=True)
    for r in report.recognised.to_dict("records"):
        para(
            f"- {r['unit_name']}: {i18n.fmt_number(r['baseline_total'])} → {i18n.fmt_number(r['total'])} điểm "
            f"({i18n.fmt_signed(r['delta'])}), xếp loại {i18n.rating_name(r['baseline_rating'])} → "
            f"{i18n.rating_name(r['rating'])}.",
            indent=True,
        )
    para(f"2. Đề xuất tuyên dương ({len(report.commended)} đơn vị đạt tiến bộ và đúng tiến độ):", italic=True)
    for r in report.commended.to_dict("records"):
        para(f"- {r['unit_name']}.", indent=True)

    para("V. KHÓ KHĂN VÀ ĐỀ XUẤT CỦA CÁC ĐƠN VỊ", bold=True)
    if len(report.voices):
        _docx_table(
            doc,
            ["Đơn vị", "Khó khăn - tồn tại", "Đề xuất - kiến nghị"],
            [[r["unit_name"], r["difficulties"], r["proposals"]] for r in report.voices.to_dict("records")],
            [4.2, 6.0, 6.0],
        )
    else:
        para("Chưa có báo cáo quý nào trong kỳ.", indent=True)
    para("VI. MÔ HÌNH HIỆU QUẢ CẦN NHÂN RỘNG", bold=True)
    for r in report.models.to_dict("records"):
        para(f"- {r['unit_name']} ({r['period']}): {r['model']}", align="justify", indent=True)
    if report.models.empty:
        para("Chưa có mô hình nào được báo cáo.", indent=True)
    para("VII. NHIỆM VỤ TRONG THỜI GIAN TỚI", bold=True)
    for i, task in enumerate(report.tasks, start=1):
        para(f"{i}. {task}", align="justify", indent=True)

    para("")
    foot = doc.add_table(rows=1, cols=2)
    _widths(foot, [7.5, 8.5])
    left, right = foot.rows[0].cells
    first = left.paragraphs[0]
    run = first.add_run("Nơi nhận:")
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for i, who in enumerate(signing.recipients):
        para(f"- {who}{'.' if i == len(signing.recipients) - 1 else ';'}", size=11, container=left)
    right.paragraphs[0].text = ""
    para(signing.on_behalf, bold=True, align="center", container=right)
    para(signing.signer_title, bold=True, align="center", container=right)
    for _ in range(3):
        para("", container=right)
    para(signing.signer, bold=True, align="center", container=right)
    _drop_first_empty(right)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _qn(tag: str):
    from docx.oxml.ns import qn

    return qn(tag)


def _widths(table, widths_cm: list[float]) -> None:
    """Column widths that Word and LibreOffice both honour: the grid and every cell, no autofit."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _drop_first_empty(cell) -> None:
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)


def _place_date(signing: Signing, settings: Settings) -> str:
    if signing.date:
        d = signing.date
        return f"{signing.place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    return f"{signing.place}, ngày     tháng     năm {settings.plan_year}"


def _docx_table(doc, header: list[str], rows: list[list], widths_cm: list[float]) -> None:
    from docx.shared import Pt

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.paragraphs[0].add_run("" if value is None else str(value))
    _widths(table, widths_cm)
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(12)


# ---------------------------------------------------------------- Excel


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, heading: str, header: list[str], rows: list[list], widths: list[int]):
        ws = wb.create_sheet(title)
        put(ws, 1, 1, heading).font = Font(bold=True, size=13)
        put(ws, 2, 1, report.subtitle)
        for j, text in enumerate(header, start=1):
            put(ws, 4, j, text).font = bold
        for i, values in enumerate(rows, start=5):
            for j, value in enumerate(values, start=1):
                put(ws, i, j, value)
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[chr(64 + j)].width = width
        return ws

    counts = report.counts
    summary = sheet(
        "Tổng hợp",
        report.title,
        ["Tiến độ", "Số đơn vị"],
        [[i18n.status_name(s), counts[s]] for s in metrics.STATUS_ORDER]
        + [["Chưa có số liệu", counts["no_data"]], ["Công nhận tiến bộ", counts["recognised"]]],
        [24, 12],
    )
    chart = BarChart()
    chart.title, chart.y_axis.title, chart.x_axis.title = "Số đơn vị theo tiến độ", "Số đơn vị", "Tiến độ"
    chart.add_data(Reference(summary, min_col=2, min_row=4, max_row=7), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=1, min_row=5, max_row=7))
    summary.add_chart(chart, "D4")
    wb.remove(wb.worksheets[0])

    units = sheet(
        "Đơn vị",
        "Kết quả bảng điểm các đơn vị đặc thù",
        [
            "Mã đơn vị",
            "Đơn vị",
            f"Điểm {report.settings.baseline_year}",
            "Tổng điểm",
            "Tăng/giảm",
            "Xếp loại",
            "Kỳ vọng",
            "Mục tiêu",
            "Tiến độ",
            "Công nhận tiến bộ",
        ],
        [
            [
                r["unit_code"],
                r["unit_name"],
                _n(r["baseline_total"]),
                _n(r["total"]),
                _n(r["delta"]),
                r["rating"] or "",
                _n(r["expected_total"]),
                _n(r["target_total"]),
                i18n.status_name(r["status"]),
                "Có" if r["recognised"] else "Không",
            ]
            for r in report.special.to_dict("records")
        ],
        [12, 48, 11, 11, 11, 18, 10, 10, 16, 12],
    )
    last = 4 + len(report.special)
    bars = BarChart()
    bars.type, bars.title = "bar", f"Điểm {i18n.period_name(report.period)} so với năm {report.settings.baseline_year}"
    bars.y_axis.title, bars.x_axis.title = "Điểm (thang 100)", "Đơn vị"
    bars.add_data(Reference(units, min_col=3, max_col=4, min_row=4, max_row=last), titles_from_data=True)
    bars.set_categories(Reference(units, min_col=2, min_row=5, max_row=last))
    bars.height, bars.width = 4 + 0.8 * len(report.special), 24
    units.add_chart(bars, f"A{last + 3}")

    sheet(
        "Theo tiến độ",
        "Đơn vị theo tiến độ",
        ["Tiến độ", "Đơn vị"],
        [[i18n.status_name(s), name] for s in metrics.STATUS_ORDER for name in report.by_status[s]],
        [18, 60],
    )
    sheet(
        "Công nhận tiến bộ",
        "Đề xuất công nhận tiến bộ",
        [
            "Đơn vị",
            f"Xếp loại {report.settings.baseline_year}",
            "Xếp loại kỳ này",
            f"Điểm {report.settings.baseline_year}",
            "Điểm kỳ này",
            "Đề xuất tuyên dương",
        ],
        [
            [
                r["unit_name"],
                r["baseline_rating"] or "",
                r["rating"] or "",
                _n(r["baseline_total"]),
                _n(r["total"]),
                "Có" if r["status"] == "on_track" else "",
            ]
            for r in report.recognised.to_dict("records")
        ],
        [48, 16, 16, 12, 12, 18],
    )
    sections = sheet(
        "Theo nội dung",
        "Điểm bình quân theo nhóm tiêu chí",
        ["Nhóm tiêu chí", "Điểm tối đa", f"Năm {report.settings.baseline_year}", "Kỳ này", "Tăng/giảm"],
        [
            [r["section"], _n(r["max_points"]), _n(r["baseline"]), _n(r["now"]), _n(r["change"])]
            for r in report.sections.to_dict("records")
        ],
        [40, 12, 12, 12, 12],
    )
    if len(report.sections):
        groups = BarChart()
        groups.title, groups.y_axis.title = "Điểm bình quân theo nhóm tiêu chí", "Điểm"
        end = 4 + len(report.sections)
        groups.add_data(Reference(sections, min_col=3, max_col=4, min_row=4, max_row=end), titles_from_data=True)
        groups.set_categories(Reference(sections, min_col=1, min_row=5, max_row=end))
        sections.add_chart(groups, "G4")
    sheet(
        "Nội dung kế hoạch",
        "Tình trạng các nội dung kế hoạch",
        ["Nội dung", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện"],
        report.items[["item", "done", "in_progress", "not_started"]].values.tolist(),
        [50, 12, 14, 14],
    )
    sheet(
        "Cụm đồng hành",
        "Đơn vị đặc thù và đơn vị đồng hành",
        ["Cụm", "Đơn vị đặc thù", "Tổng điểm", "Tiến độ", "Đơn vị đồng hành", "Điểm đơn vị đồng hành"],
        [
            [
                _n(r["cluster"]),
                r["unit_name"],
                _n(r["total"]),
                i18n.status_name(r["status"]),
                r["companion_name"] or "",
                _n(r["companion_total"]),
            ]
            for r in report.pairs.to_dict("records")
        ],
        [8, 44, 11, 16, 44, 12],
    )
    sheet(
        "Khó khăn - đề xuất",
        "Khó khăn và đề xuất của các đơn vị",
        ["Đơn vị", "Khó khăn - tồn tại", "Đề xuất - kiến nghị"],
        report.voices.values.tolist(),
        [40, 60, 60],
    )
    sheet(
        "Mô hình hiệu quả",
        "Mô hình hiệu quả cần nhân rộng",
        ["Đơn vị", "Kỳ", "Mô hình"],
        [[r["unit_name"], r["period"], r["model"]] for r in report.models.to_dict("records")],
        [40, 14, 70],
    )
    sheet(
        "Nhiệm vụ",
        "Nhiệm vụ trong thời gian tới",
        ["STT", "Nhiệm vụ"],
        [[i, t] for i, t in enumerate(report.tasks, start=1)],
        [6, 110],
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def put(ws, row: int, col: int, value):
    """Write a cell; text is always text: it can never become a formula, whatever it starts with
    (OWASP CSV injection). Real numbers stay numbers, negative ones included."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def _n(value):
    """A number for a cell, or empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return float(value) if not isinstance(value, (int,)) else value


def frames_for(store, period: str) -> dict:
    """What a report needs from the store; the section means are added up in the database."""
    settings, units = store.settings(), store.units()
    return {
        "settings": settings,
        "units": units,
        "progress": store.progress(period, settings, units),
        "statuses": store.statuses(),
        "criteria": store.criteria(),
        "reports": store.reports(),
        "section_means": store.section_means([settings.baseline_period, period], bool(units["special"].any())),
    }


def build(store, kind: str, period: str, fmt: str, signing: Signing | None = None, with_images: bool = True) -> bytes:
    report = gather(kind, period, frames_for(store, period))
    if fmt == "xlsx":
        return to_xlsx(report)
    return to_docx(report, signing, chart_images(report) if with_images else None)
