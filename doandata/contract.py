"""The workbook contract of domain.md, declared once.

Every column, status word and rating word is declared here as data (period forms in periods.py).
Loaders, validation, templates and error messages all read these tables, so a template always loads and a
message always names the header the user sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Words are matched on text.fold and periods are declared in periods.py; loaders, templates and
# messages find both here, with the rest of the contract.
from .periods import find_period, normalise_period, period_label, plan_periods, quarter_of  # noqa: F401
from .text import clean_text, fold, normal_code  # noqa: F401

# ---------------------------------------------------------------- ratings


@dataclass(frozen=True)
class Rating:
    key: str
    name: str  # the Vietnamese name, as stored and shown
    minimum: float
    aliases: tuple[str, ...] = ()


# The plan's own words (II.1, II.3): units "tiên tiến, khá, đặc thù năm 2017" are followed and
# "xuất sắc, vững mạnh" ones accompany them, so tiên tiến and khá are the weaker levels. The
# thresholds are defaults the office edits (no official ones were found); "Vững mạnh xuất sắc" of
# older sheets reads as Xuất sắc.
DEFAULT_SCALE: tuple[Rating, ...] = (
    Rating("weak", "Yếu", 0, ("yeu", "kem")),
    Rating("average", "Trung bình", 50, ("trung binh", "tb")),
    Rating("fair", "Khá", 60, ("kha",)),
    Rating("advanced", "Tiên tiến", 70, ("tien tien", "tt")),
    Rating("strong", "Vững mạnh", 80, ("vung manh", "vm")),
    Rating("excellent", "Xuất sắc", 90, ("xuat sac", "xs", "vung manh xuat sac", "vmxs")),
)

# The scale of releases before the plan's words were read right (tiên tiến as Vững mạnh, 70 for
# Khá): a store that still has it, never edited, is moved to DEFAULT_SCALE (revision 0005).
PREVIOUS_DEFAULT_SCALE: tuple[Rating, ...] = (
    Rating("weak", "Yếu", 0, ("yeu", "kem")),
    Rating("average", "Trung bình", 50, ("trung binh", "tb")),
    Rating("fair", "Khá", 70, ("kha",)),
    Rating("strong", "Vững mạnh", 80, ("vung manh", "vm", "tien tien")),
    Rating("excellent", "Vững mạnh xuất sắc", 90, ("vung manh xuat sac", "vmxs", "xuat sac")),
)
# Which 2017 levels make a unit khó khăn (followed): tiên tiến or lower, by default.
DEFAULT_WEAK_LEVELS: tuple[str, ...] = ("weak", "average", "fair", "advanced")
# The levels a companion should have (II.3: "xuất sắc, vững mạnh").
COMPANION_LEVELS: tuple[str, ...] = ("strong", "excellent")

# The plan's 2017 word "đặc thù" is a flag, not a level: such a unit is rated by its score.
SPECIAL_RATING_WORDS = ("dac thu", "kho khan", "dac thu kho khan")


# ---------------------------------------------------------------- plan items and statuses


@dataclass(frozen=True)
class PlanItem:
    code: str
    name: str
    short: str


PLAN_ITEMS: tuple[PlanItem, ...] = (
    PlanItem("RS", "Rà soát đội ngũ cán bộ Đoàn", "Rà soát cán bộ"),
    PlanItem("KT", "Kiện toàn tổ chức, bộ máy", "Kiện toàn tổ chức"),
    PlanItem("TH", "Bồi dưỡng, tập huấn nghiệp vụ cán bộ", "Tập huấn cán bộ"),
    PlanItem("LT", "Liên tịch với Cấp ủy", "Liên tịch Cấp ủy"),
    PlanItem("CSVC", "Đầu tư cơ sở vật chất", "Cơ sở vật chất"),
    PlanItem("PT", "Hoạt động phong trào, chăm lo đoàn viên", "Phong trào, chăm lo"),
    PlanItem("KP", "Vận động kinh phí hoạt động", "Vận động kinh phí"),
    PlanItem("DH", "Đơn vị xuất sắc trong cụm đồng hành", "Cụm đồng hành"),
)
PLAN_ITEM_CODES = tuple(p.code for p in PLAN_ITEMS)


@dataclass(frozen=True)
class Status:
    key: str
    name: str
    aliases: tuple[str, ...]


STATUSES: tuple[Status, ...] = (
    Status("not_started", "Chưa thực hiện", ("chua thuc hien", "chua", "chua trien khai")),
    Status("in_progress", "Đang thực hiện", ("dang thuc hien", "dang", "dang trien khai")),
    Status("done", "Hoàn thành", ("hoan thanh", "da hoan thanh", "xong", "da thuc hien")),
)
STATUS_BY_FOLD = {fold(a): s for s in STATUSES for a in (s.name, *s.aliases)}
STATUS_NAMES = tuple(s.name for s in STATUSES)


def parse_status(value: object) -> Status | None:
    return STATUS_BY_FOLD.get(fold(value))


# ---------------------------------------------------------------- scoring stages (#19)


@dataclass(frozen=True)
class Stage:
    key: str  # self, checked, approved: as stored and in the CLI's JSON
    rank: int  # the higher counts: a unit's total rests on its highest stage present
    name: str  # the Vietnamese name, as written in a workbook's "Giai đoạn:" line
    english: str
    aliases: tuple[str, ...] = ()  # folded words that name it in a cell, a title or a file name


STAGES: tuple[Stage, ...] = (
    Stage("self", 1, "Đơn vị tự chấm", "Self-score by the unit", ("tu cham", "don vi tu cham", "tu danh gia", "self")),
    Stage(
        "checked",
        2,
        "Tổ công tác thẩm định",
        "Checked by the working group",
        ("tham dinh", "to cong tac tham dinh", "to tham dinh", "checked"),
    ),
    Stage(
        "approved",
        3,
        "Ban Thường vụ duyệt",
        "Approved by the Standing Committee",
        ("duyet", "btv duyet", "ban thuong vu duyet", "da duyet", "phe duyet", "approved"),
    ),
)
STAGE_BY_KEY = {s.key: s for s in STAGES}
STAGE_KEYS = tuple(s.key for s in STAGES)
# Today's cards are the working groups': a scorecard that names no stage is taken as checked.
DEFAULT_STAGE = "checked"
# The workbook's line that names the stage ("Giai đoạn: Tổ công tác thẩm định") and its spellings.
STAGE_LINE_WORDS = ("giai doan", "vong cham", "vong", "buoc cham")
# The optional columns beside a criterion's points: "Minh chứng TC1" and "Lý do TC1".
EVIDENCE_WORDS = ("minh chung", "mc", "bang chung")
REASON_WORDS = ("ly do", "ly do dieu chinh", "ly do thay doi")
# An editor's evidence of a criterion is a short text, a link or a file name: each at most this long
# (the page's boxes stop there; the store refuses more, whatever sent it).
EVIDENCE_CHARS = 500


def parse_stage(value: object) -> Stage | None:
    """A stage as a cell or a choice names it: "Tự chấm", "thẩm định", "BTV duyệt", "checked"."""
    folded = fold(value)
    for stage in STAGES:
        if folded in {fold(stage.name), stage.key, *stage.aliases}:
            return stage
    return None


def find_stage(text: object) -> Stage | None:
    """The stage a free text names (a title, a file name): its words anywhere in it, the most
    specific first; None when it names none or more than one."""
    folded = " " + fold(str(text or "").replace("_", " ").replace("-", " ")) + " "
    found = {s.key for s in STAGES for word in (fold(s.name), *s.aliases) if len(word) > 4 and f" {word} " in folded}
    return STAGE_BY_KEY[found.pop()] if len(found) == 1 else None


def evidence_key(code: str) -> str:
    return f"evidence:{code}"


def reason_key(code: str) -> str:
    return f"reason:{code}"


def beside_criterion(header: object, codes: Iterable[str]) -> str | None:
    """The key of an evidence or reason column beside a criterion ("Minh chứng TC1", "Lý do - TC1",
    "TC1 - Minh chứng"), or None."""
    folded = fold(str(header or "").replace("-", " ").replace(":", " ").replace("(", " ").replace(")", " "))
    folded = " ".join(folded.split())
    for words, key in ((EVIDENCE_WORDS, evidence_key), (REASON_WORDS, reason_key)):
        for word in sorted(words, key=len, reverse=True):
            if folded.startswith(word + " "):
                code = code_of_header(folded[len(word) + 1 :], codes)
            elif folded.endswith(" " + word):
                code = code_of_header(folded[: -len(word) - 1], codes)
                code = (
                    code if code and fold(code).replace(" ", "") == folded[: -len(word) - 1].replace(" ", "") else None
                )
            else:
                continue
            if code:
                return key(code)
    return None


# ---------------------------------------------------------------- columns and workbooks


@dataclass(frozen=True)
class Column:
    """One column of a workbook: its stored key, its header, its aliases, its type."""

    key: str
    header: str
    kind: str = "text"  # text, code, codes, int, cluster, group, number, bool, rating, date, period, money
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 16
    hint: str = ""

    def matches(self, folded_header: str) -> bool:
        return folded_header in {fold(a) for a in (self.header, self.key, *self.aliases)}


@dataclass(frozen=True)
class WorkbookKind:
    key: str
    sheet: str  # the sheet name of the template
    title: str
    columns: tuple[Column, ...]
    # Scorecards and reports also take one column per criterion / plan item.
    code_columns: str = ""  # "criteria" | "plan_items" | ""
    periodic: bool = False
    # Columns only this kind has: one of them and one required column make a sheet this kind,
    # so a sheet missing a required column is still recognised and told what to add.
    signature: tuple[str, ...] = field(default=())
    # A kind that is another kind's second sheet (a support plan's reinforcements): it has no
    # template of its own, is written into that kind's workbook and is checked after it.
    part_of: str = ""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


UNIT_CODE = Column("unit_code", "Mã đơn vị", kind="code", required=True, aliases=("Mã ĐV", "Mã cơ sở", "Mã"), width=12)
# In scorecards and reports a unit may be given by its name alone.
# a scorecard or report row names its unit by code or by name: one of the two is enough
EITHER = "ghi Mã đơn vị hoặc Tên đơn vị, ít nhất một trong hai"
UNIT_CODE_OR_NAME = Column("unit_code", "Mã đơn vị", aliases=UNIT_CODE.aliases, width=12, hint=EITHER)
UNIT_NAME = Column("unit_name", "Tên đơn vị", aliases=("Tên cơ sở Đoàn", "Đơn vị", "Tên cơ sở"), width=48, hint=EITHER)
PERIOD_COL = Column("period", "Kỳ", kind="period", aliases=("Kỳ báo cáo", "Kỳ đánh giá"), width=10)
NOTE = Column("note", "Ghi chú", aliases=("Ghi chu",), width=30)

UNITS = WorkbookKind(
    "units",
    "Danh sách đơn vị",
    "DANH SÁCH CƠ SỞ ĐOÀN",
    (
        UNIT_CODE,
        Column("name", "Tên đơn vị", required=True, aliases=UNIT_NAME.aliases, width=48),
        Column("cluster", "Cụm", kind="cluster", required=True, aliases=("Cụm số", "Thuộc cụm"), width=8),
        Column("unit_type", "Loại", aliases=("Loại hình", "Loại đơn vị"), width=16, hint="Đoàn cơ sở / Chi đoàn cơ sở"),
        Column(
            "special", "Đặc thù", kind="bool", aliases=("Đặc thù, khó khăn", "Khó khăn"), width=10, hint="x hoặc Có"
        ),
        Column("baseline_total", "Điểm 2017", kind="number", aliases=("Tổng điểm 2017", "Điểm năm 2017"), width=10),
        Column("baseline_rating", "Xếp loại 2017", kind="rating", aliases=("Xếp loại năm 2017",), width=18),
        Column("group_no", "Tổ công tác", kind="group", aliases=("Tổ", "Tổ phụ trách"), width=10),
        Column(
            "companion_code", "Đơn vị đồng hành", kind="code", aliases=("Mã đơn vị đồng hành", "Đồng hành"), width=14
        ),
        Column("members", "Số đoàn viên", kind="int", aliases=("Đoàn viên",), width=10),
        Column("party_committee", "Cấp ủy", aliases=("Cấp ủy đơn vị",), width=30),
        NOTE,
    ),
    signature=(
        "cluster",
        "special",
        "baseline_total",
        "baseline_rating",
        "companion_code",
        "members",
        "party_committee",
    ),
)

GROUPS = WorkbookKind(
    "groups",
    "Tổ công tác",
    "DANH SÁCH TỔ CÔNG TÁC",
    (
        Column("group_no", "Tổ", kind="group", required=True, aliases=("Tổ công tác", "Tổ số"), width=8),
        Column("name", "Họ và tên", required=True, aliases=("Họ tên", "Đồng chí"), width=28),
        Column(
            "role",
            "Vai trò",
            required=True,
            aliases=("Vai trò trong tổ", "Nhiệm vụ"),
            width=14,
            hint="Tổ trưởng / Thành viên",
        ),
        Column("title", "Chức vụ", aliases=("Chức danh",), width=50),
        Column("unit_codes", "Đơn vị phụ trách", kind="codes", aliases=("Mã đơn vị phụ trách",), width=16),
        Column("item_codes", "Nội dung phụ trách", kind="codes", aliases=("Nội dung theo dõi",), width=16),
    ),
    signature=("role", "title", "unit_codes", "item_codes"),
)

CRITERIA = WorkbookKind(
    "criteria",
    "Bộ tiêu chí",
    "BỘ TIÊU CHÍ THI ĐUA",
    (
        Column("code", "Mã tiêu chí", kind="code", required=True, aliases=("Mã TC", "Tiêu chí"), width=12),
        Column("content", "Nội dung", required=True, aliases=("Nội dung tiêu chí",), width=60),
        Column(
            "max_points", "Điểm tối đa", kind="number", required=True, aliases=("Điểm chuẩn", "Thang điểm"), width=10
        ),
        Column("section", "Nhóm", aliases=("Phần", "Mục"), width=30),
        Column("plan_item", "Nội dung kế hoạch", aliases=("Mã nội dung kế hoạch",), width=14),
    ),
    signature=("max_points", "content", "plan_item"),
)

SCORES = WorkbookKind(
    "scores",
    "Bảng điểm",
    "BẢNG ĐIỂM THI ĐUA CÁC CƠ SỞ ĐOÀN",
    (
        UNIT_CODE_OR_NAME,
        UNIT_NAME,
        PERIOD_COL,
        Column("stage", "Giai đoạn", aliases=("Vòng chấm", "Giai đoạn chấm", "Bước chấm"), width=14),
        Column("total_given", "Tổng điểm", kind="number", aliases=("Tổng", "Tổng cộng điểm"), width=10),
        Column("rating_given", "Xếp loại", kind="rating", aliases=("Xếp loại thi đua",), width=18),
        NOTE,
    ),
    code_columns="criteria",
    periodic=True,
)

REPORTS = WorkbookKind(
    "reports",
    "Báo cáo quý",
    "BÁO CÁO TIẾN ĐỘ HỖ TRỢ CƠ SỞ ĐOÀN",
    (
        UNIT_CODE_OR_NAME,
        UNIT_NAME,
        PERIOD_COL,
        Column("activities", "Số hoạt động", kind="int", aliases=("Số hoạt động tổ chức",), width=10),
        Column("participants", "Lượt đoàn viên tham gia", kind="int", aliases=("Lượt tham gia",), width=12),
        Column("trained", "Cán bộ được tập huấn", kind="int", aliases=("Số cán bộ tập huấn",), width=12),
        Column("admitted", "Đoàn viên kết nạp mới", kind="int", aliases=("Kết nạp mới",), width=12),
        Column("funds", "Kinh phí vận động (VNĐ)", kind="money", aliases=("Kinh phí vận động", "Kinh phí"), width=16),
        Column("difficulties", "Khó khăn - tồn tại", aliases=("Khó khăn", "Tồn tại, khó khăn"), width=40),
        Column("proposals", "Đề xuất - kiến nghị", aliases=("Đề xuất", "Kiến nghị"), width=40),
        Column("models", "Mô hình hiệu quả", aliases=("Mô hình",), width=36),
        Column("meeting_date", "Ngày họp tổ", kind="date", aliases=("Ngày họp",), width=12, hint="dd/mm/yyyy"),
        Column("reporter", "Người báo cáo", aliases=("Người lập",), width=22),
    ),
    code_columns="plan_items",
    periodic=True,
)

# ---------------------------------------------------------------- support plans and meetings (#15)

# An action's status is one of the plan-item statuses; "Quá hạn" (overdue) is computed from the
# due date and the status (support.overdue), never typed: a typed one is read as not started, said.
OVERDUE_WORDS = ("qua han", "tre han", "cham", "cham tien do")

SUPPORT = WorkbookKind(
    "support",
    "Phương án hỗ trợ",
    "PHƯƠNG ÁN HỖ TRỢ CƠ SỞ ĐOÀN KHÓ KHĂN, ĐẶC THÙ",
    (
        UNIT_CODE_OR_NAME,
        UNIT_NAME,
        Column(
            "item_code",
            "Nội dung kế hoạch",
            required=True,
            aliases=("Mã nội dung kế hoạch", "Nội dung hỗ trợ"),
            width=14,
            hint="một mã: " + ", ".join(PLAN_ITEM_CODES),
        ),
        Column(
            "action",
            "Việc cần làm",
            required=True,
            aliases=("Công việc", "Nội dung công việc", "Việc làm", "Biện pháp hỗ trợ", "Giải pháp hỗ trợ"),
            width=44,
        ),
        Column(
            "owner",
            "Người/bộ phận phụ trách",
            required=True,
            aliases=("Người phụ trách", "Bộ phận phụ trách", "Người, bộ phận phụ trách", "Phụ trách"),
            width=26,
        ),
        Column(
            "due",
            "Hạn",
            kind="date",
            required=True,
            aliases=("Hạn hoàn thành", "Thời hạn", "Thời gian hoàn thành", "Hạn chót"),
            width=12,
            hint="dd/mm/yyyy",
        ),
        Column("partner", "Phối hợp với", aliases=("Phối hợp", "Đơn vị phối hợp", "Người phối hợp"), width=24),
        Column(
            "status",
            "Trạng thái",
            aliases=("Tình trạng", "Tiến độ", "Tình hình thực hiện"),
            width=16,
            hint="Chưa thực hiện / Đang thực hiện / Hoàn thành (để trống: Chưa thực hiện; Quá hạn do ứng dụng tự tính)",
        ),
        Column("result", "Kết quả", aliases=("Kết quả thực hiện", "Kết quả đạt được"), width=36),
        Column("evidence", "Minh chứng", aliases=("Tài liệu minh chứng", "Minh chứng kèm theo"), width=28),
        Column(
            "assessment",
            "Đánh giá ban đầu",
            aliases=("Đánh giá ban đầu (hạn chế, khó khăn, nguyên nhân)", "Hạn chế, khó khăn, nguyên nhân", "Đánh giá"),
            width=40,
        ),
        Column(
            "agreed_date",
            "Ngày thống nhất với Cấp ủy",
            kind="date",
            aliases=("Ngày thống nhất", "Thống nhất với Cấp ủy (ngày)"),
            width=14,
            hint="dd/mm/yyyy",
        ),
        Column(
            "agreed",
            "Nội dung thống nhất với Cấp ủy",
            aliases=("Thống nhất với Cấp ủy", "Thống nhất với Cấp ủy (nội dung)", "Ý kiến Cấp ủy"),
            width=36,
        ),
        Column(
            "meeting_date",
            "Theo họp tổ ngày",
            kind="date",
            aliases=("Họp tổ ngày", "Theo biên bản họp tổ ngày", "Cuộc họp tổ", "Ngày họp tổ"),
            width=14,
            hint="dd/mm/yyyy: cuộc họp tổ công tác đã đề ra hoặc thay đổi việc này",
        ),
    ),
    signature=("action", "owner", "due", "partner", "result", "evidence", "assessment", "agreed"),
)

REINFORCEMENTS = WorkbookKind(
    "reinforcements",
    "Tăng cường cán bộ",
    "DANH SÁCH CÁN BỘ TĂNG CƯỜNG",
    (
        Column("name", "Họ và tên", required=True, aliases=("Họ tên", "Đồng chí", "Cán bộ tăng cường"), width=26),
        Column(
            "from_unit",
            "Từ đơn vị",
            required=True,
            aliases=("Đơn vị cử", "Đơn vị công tác", "Nơi công tác"),
            width=32,
            hint="mã hoặc tên đơn vị, hay tên cơ quan cử cán bộ",
        ),
        Column(
            "to_unit",
            "Đến đơn vị",
            required=True,
            aliases=("Đơn vị được tăng cường", "Đơn vị nhận", "Tăng cường cho"),
            width=32,
            hint="mã hoặc tên đơn vị được tăng cường",
        ),
        Column("start", "Từ ngày", kind="date", required=True, aliases=("Ngày bắt đầu",), width=12, hint="dd/mm/yyyy"),
        Column("end", "Đến ngày", kind="date", aliases=("Ngày kết thúc",), width=12, hint="dd/mm/yyyy"),
        Column("task", "Nhiệm vụ", aliases=("Nhiệm vụ được giao", "Công việc"), width=40),
    ),
    signature=("from_unit", "to_unit", "start", "end"),
    part_of="support",
)

MEETINGS = WorkbookKind(
    "meetings",
    "Biên bản họp tổ",
    "BIÊN BẢN HỌP TỔ CÔNG TÁC",
    (
        Column("group_no", "Tổ", kind="group", required=True, aliases=("Tổ công tác", "Tổ số"), width=8),
        Column(
            "meeting_date",
            "Ngày họp",
            kind="date",
            required=True,
            aliases=("Ngày", "Thời gian họp", "Ngày họp tổ"),
            width=12,
            hint="dd/mm/yyyy",
        ),
        Column("place", "Địa điểm", aliases=("Nơi họp", "Địa điểm họp"), width=26),
        Column("present", "Có mặt", aliases=("Thành phần có mặt", "Thành viên có mặt", "Dự họp"), width=30),
        Column("absent", "Vắng", aliases=("Vắng mặt", "Thành viên vắng"), width=22),
        Column(
            "units_discussed",
            "Đơn vị được bàn",
            aliases=("Đơn vị", "Các đơn vị được bàn", "Đơn vị bàn đến"),
            width=26,
            hint="mã hoặc tên đơn vị, cách nhau bằng dấu phẩy hoặc chấm phẩy",
        ),
        Column("conclusions", "Kết luận", aliases=("Kết luận cuộc họp", "Nội dung kết luận"), width=44),
        Column("solutions", "Giải pháp đề xuất", aliases=("Giải pháp", "Đề xuất", "Kiến nghị, đề xuất"), width=40),
    ),
    signature=("present", "absent", "place", "units_discussed", "conclusions", "solutions"),
)

KINDS: dict[str, WorkbookKind] = {
    k.key: k for k in (UNITS, GROUPS, CRITERIA, SCORES, REPORTS, SUPPORT, REINFORCEMENTS, MEETINGS)
}
# The order a fresh store takes them in: units before everything that names a unit. A kind that is
# part of another (reinforcements) is taken with it and has no template of its own.
LOAD_ORDER = ("units", "groups", "criteria", "scores", "reports", "support", "meetings")

ROLES = {"to truong": "Tổ trưởng", "thanh vien": "Thành viên", "to pho": "Tổ phó"}
# Who leads: the member whose role is Tổ trưởng leads the working group; the unit whose note says
# "cụm trưởng" (e.g. "Bí thư …, cụm trưởng cụm 8") leads its cluster.
GROUP_LEADER_ROLE = ROLES["to truong"]
CLUSTER_LEADER_NOTE = "cụm trưởng"

TRUE_WORDS = {"x", "co", "yes", "true", "1", "dac thu", "v"}
FALSE_WORDS = {"", "khong", "no", "false", "0"}
# A cluster or a working group as offices number them: "Cụm 7", "cụm số 07", "Tổ công tác số 1".
# Longest first, so "to cong tac so" is taken whole before "to".
NUMBERED_WORDS = {
    "cluster": ("cum so", "cum"),
    "group": ("to cong tac so", "to cong tac", "to so", "to"),
}

# A row holding only one of these words ends the table (the totals row, the signature block).
END_WORDS = (
    "tong cong",
    "cong",
    "tong so",
    "nguoi lap bieu",
    "nguoi lap",
    "noi nhan",
    "tm ban thuong vu",
    "xac nhan",
    "ghi chu",
    "ky ten",
)
SERIAL_HEADERS = ("stt", "so tt", "so thu tu", "tt")


def split_codes(value: object) -> list[str]:
    """'DV01, DV02; DV03' -> ['DV01', 'DV02', 'DV03']."""
    return [p.strip().upper() for p in re.split(r"[,;/\n]+", str(value or "")) if p.strip()]


def code_of_header(header: object, codes: Iterable[str]) -> str | None:
    """Match a header to a criterion or plan-item code: 'TC3', 'tc 3', 'TC3 (10 đ)', 'RS - Rà soát'."""
    folded = fold(header)
    if not folded:
        return None
    for code in codes:
        letters = fold(code).replace(" ", "")
        if letters and re.match(r"\s*".join(map(re.escape, letters)) + r"(?:\s|$)", folded):
            return code
    return None


def plan_item_by_header(header: object) -> str | None:
    code = code_of_header(header, PLAN_ITEM_CODES)
    if code:
        return code
    folded = fold(header)
    for item in PLAN_ITEMS:
        if folded in (fold(item.name), fold(item.short)):
            return item.code
    return None


def parse_rating(value: object, scale: Iterable[Rating] = DEFAULT_SCALE) -> Rating | str | None:
    """A rating word -> its Rating; the plan's 'đặc thù' -> 'special'; anything else -> None."""
    folded = fold(value)
    if folded in SPECIAL_RATING_WORDS:
        return "special"
    for rating in scale:
        if folded in {fold(a) for a in (rating.name, rating.key, *rating.aliases)}:
            return rating
    return None


def level_of(word: object, scale: Iterable[Rating]) -> int | None:
    """The position of a stored or typed rating word on the scale (lowest 0), by its name, key or
    aliases: a level renamed in settings keeps its old name as an alias, so stored words still read."""
    ordered = sorted(scale, key=lambda r: r.minimum)
    rating = parse_rating(word, ordered)
    return ordered.index(rating) if isinstance(rating, Rating) else None


def rating_for(total: float | None, scale: Iterable[Rating] = DEFAULT_SCALE) -> Rating | None:
    """The highest level whose minimum the total reaches."""
    if total is None or total != total:
        return None
    reached = [r for r in scale if total >= r.minimum]
    return max(reached, key=lambda r: r.minimum) if reached else None
