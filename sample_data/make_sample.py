"""Write the sample workbooks of sample_data/ (deterministic; the output is committed).

Built from Kế hoạch 15-KH/ĐTN (09/02/2018): the two working groups exactly as the plan lists them,
the units it names (the two it assigns, the two cluster leaders in the groups) and plausible agency
units of the bloc for the rest, 24 units in 8 clusters. Followed: 6 đặc thù units and 3 khó khăn ones
(2017 Khá or Tiên tiến). BDMDN sits in cụm 8 beside that cluster's leader, who is in working group 1
as the plan has it. The story: BDMDN and DLS (the plan's two assigned units), HND and STC improve,
CTHADS, HCTD and STP stall, LMHTX falls back, SKHDT climbs slowly. Every remark is illustrative.

Run:  python sample_data/make_sample.py
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
import zipfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from doandata import contract as C  # noqa: E402
from doandata.templates import write_workbook  # noqa: E402

PLAN_YEAR = 2018

# code, name, cluster, type, special, note
UNITS = [
    ("VPTU", "Đoàn Văn phòng Thành ủy", 1, "Đoàn cơ sở", False, "Cụm trưởng cụm 1"),
    ("BTCTU", "Chi đoàn Ban Tổ chức Thành ủy", 1, "Chi đoàn cơ sở", False, ""),
    ("BDVTU", "Chi đoàn Ban Dân vận Thành ủy", 1, "Chi đoàn cơ sở", False, ""),
    ("VPUB", "Đoàn Văn phòng Ủy ban nhân dân Thành phố", 2, "Đoàn cơ sở", False, "Cụm trưởng cụm 2"),
    ("STC", "Đoàn Sở Tài chính", 2, "Đoàn cơ sở", False, ""),
    ("TAND", "Đoàn Tòa án nhân dân Thành phố", 3, "Đoàn cơ sở", False, "Cụm trưởng cụm 3"),
    ("CTHADS", "Đoàn Cục Thi hành án dân sự Thành phố", 3, "Đoàn cơ sở", True, ""),
    ("STP", "Đoàn Sở Tư pháp", 3, "Đoàn cơ sở", False, ""),
    ("LDLD", "Chi đoàn Liên đoàn Lao động Thành phố", 4, "Chi đoàn cơ sở", False, "Cụm trưởng cụm 4"),
    ("HLHPN", "Chi đoàn Hội Liên hiệp Phụ nữ Thành phố", 4, "Chi đoàn cơ sở", False, ""),
    ("HND", "Chi đoàn Hội Nông dân Thành phố", 4, "Chi đoàn cơ sở", True, ""),
    ("MTTQ", "Chi đoàn Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", 5, "Chi đoàn cơ sở", False, "Cụm trưởng cụm 5"),
    ("HCTD", "Chi đoàn Hội Chữ thập đỏ Thành phố", 5, "Chi đoàn cơ sở", True, ""),
    ("LHHKH", "Chi đoàn Liên hiệp các Hội Khoa học và Kỹ thuật Thành phố", 5, "Chi đoàn cơ sở", False, ""),
    ("VKSND", "Đoàn Viện Kiểm sát nhân dân Thành phố", 6, "Đoàn cơ sở", False, "Cụm trưởng cụm 6"),
    ("DLS", "Đoàn Đoàn Luật sư Thành phố", 6, "Đoàn cơ sở", True, "Tổ công tác số 2 phụ trách (KH 15-KH/ĐTN)"),
    ("TTTP", "Đoàn Thanh tra Thành phố", 6, "Đoàn cơ sở", False, ""),
    ("SNV", "Đoàn Sở Nội vụ", 7, "Đoàn cơ sở", False, "Cụm trưởng cụm 7"),
    ("SKHDT", "Đoàn Sở Kế hoạch và Đầu tư", 7, "Đoàn cơ sở", False, ""),
    ("KBNN", "Đoàn Kho bạc Nhà nước Thành phố", 7, "Đoàn cơ sở", False, ""),
    (
        "CVLS",
        "Chi đoàn Ban Quản lý Khu công viên lịch sử văn hóa dân tộc Thành phố",
        8,
        "Chi đoàn cơ sở",
        False,
        "Cụm trưởng cụm 8",
    ),
    (
        "BDMDN",
        "Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố",
        8,
        "Chi đoàn cơ sở",
        True,
        "Tổ công tác số 1 phụ trách (KH 15-KH/ĐTN)",
    ),
    ("LMHTX", "Chi đoàn Liên minh Hợp tác xã Thành phố", 8, "Chi đoàn cơ sở", True, ""),
    ("SNGV", "Đoàn Sở Ngoại vụ", 8, "Đoàn cơ sở", False, ""),
]

# II.3 of the plan: a strong unit of the same cluster accompanies each special unit.
COMPANIONS = {"BDMDN": "CVLS", "CTHADS": "TAND", "HND": "LDLD", "HCTD": "MTTQ", "DLS": "VKSND", "LMHTX": "SNGV"}
# The plan assigns one unit to each working group (III.1); the khó khăn units are shared out too.
GROUP_OF = {"BDMDN": 1, "DLS": 2, "STC": 1, "STP": 2, "SKHDT": 2}
# khó khăn units (2017 Khá or Tiên tiến, followed beside the special ones): their 2017 word and totals
KHO_KHAN = {
    "STC": ("Khá", (64, 66, 69, 72)),
    "STP": ("Tiên tiến", (74, 74, 75, 75.5)),
    "SKHDT": ("Khá", (67, 68, 70, 71)),
}

# 2017, Q1, Q2, Q3 totals of the special units: the story the charts tell.
SPECIAL_TOTALS = {
    "BDMDN": (52, 56, 63, 71),
    "DLS": (61, 64, 68, 73),
    "HND": (45, 47, 52, 55),
    "CTHADS": (57, 57, 58, 58.5),
    "HCTD": (66, 65, 66, 66.5),
    "LMHTX": (63, 60, 58, 55),
}
# Plan items done / in progress per quarter, in the order the units take them up.
ITEM_ORDER = ("RS", "KT", "LT", "TH", "PT", "DH", "KP", "CSVC")
ITEM_PROGRESS = {
    "STC": ((1, 2), (2, 3), (4, 2)),
    "STP": ((0, 2), (1, 2), (1, 3)),
    "SKHDT": ((1, 1), (2, 2), (3, 2)),
    "BDMDN": ((1, 3), (3, 3), (5, 2)),
    "DLS": ((2, 3), (4, 3), (6, 2)),
    "HND": ((1, 2), (3, 2), (4, 3)),
    "CTHADS": ((0, 2), (1, 1), None),  # no report came in for Q3
    "HCTD": ((1, 2), (1, 3), (2, 2)),
    "LMHTX": ((1, 3), (1, 2), (1, 1)),
}

MEMBERS = [
    (1, "Phạm Văn Linh", "Tổ trưởng", "Bí thư Đoàn Khối", "BDMDN", "LT"),
    (1, "Nguyễn Thanh Duy", "Thành viên", "UVBTV, Trưởng Ban Phong trào", "BDMDN", "PT, KP"),
    (1, "Võ Thành Khoa", "Thành viên", "UVBCH, Phó Ban Tuyên giáo", "BDMDN", "TH"),
    (
        1,
        "Nguyễn Như Tâm",
        "Thành viên",
        "Bí thư Chi đoàn Ban Quản lý Khu công viên lịch sử văn hóa dân tộc Thành phố, cụm trưởng cụm 8",
        "BDMDN",
        "DH",
    ),
    (2, "Nguyễn Thị Bích Liên", "Tổ trưởng", "Phó Bí thư Đoàn Khối", "DLS", "LT"),
    (2, "Nguyễn Trần Tuấn", "Thành viên", "UVBTV, Trưởng Ban Tổ chức", "DLS", "RS, KT"),
    (2, "Tống Thị Thùy Dương", "Thành viên", "UVBTV, Chánh Văn phòng", "DLS", "CSVC"),
    (2, "Phạm Hồng Khải", "Thành viên", "Bí thư Đoàn Viện Kiểm sát nhân dân Thành phố, Cụm trưởng cụm 6", "DLS", "DH"),
]

CRITERIA = [
    ("TC1", "Rà soát, kiện toàn đội ngũ cán bộ Đoàn", 10, "I. Công tác tổ chức, xây dựng Đoàn", "RS"),
    (
        "TC2",
        "Kiện toàn tổ chức, bộ máy từ chi đoàn bộ phận đến Đoàn cơ sở",
        10,
        "I. Công tác tổ chức, xây dựng Đoàn",
        "KT",
    ),
    (
        "TC3",
        "Phát triển, quản lý đoàn viên; sinh hoạt chi đoàn định kỳ",
        10,
        "I. Công tác tổ chức, xây dựng Đoàn",
        "KT",
    ),
    ("TC4", "Cán bộ Đoàn tham gia bồi dưỡng, tập huấn nghiệp vụ, kỹ năng", 15, "II. Bồi dưỡng cán bộ", "TH"),
    (
        "TC5",
        "Hoạt động phong trào, đồng hành với thanh niên lập thân, lập nghiệp",
        15,
        "III. Hoạt động phong trào",
        "PT",
    ),
    ("TC6", "Chăm lo đời sống vật chất, văn hóa tinh thần cho đoàn viên", 10, "III. Hoạt động phong trào", "PT"),
    ("TC7", "Vận động nguồn kinh phí hoạt động", 10, "III. Hoạt động phong trào", "KP"),
    ("TC8", "Thực hiện liên tịch với Cấp ủy đơn vị", 8, "IV. Phối hợp và đồng hành", "LT"),
    ("TC9", "Cơ sở vật chất phục vụ hoạt động Đoàn", 6, "IV. Phối hợp và đồng hành", "CSVC"),
    ("TC10", "Tham gia hoạt động đồng hành trong cụm", 6, "IV. Phối hợp và đồng hành", "DH"),
]

# Illustrative remarks only: general situations of small agency unions, not statements about
# the agencies named; each report says so in its first words.
EXAMPLE = "Ví dụ minh họa: "
DIFFICULTIES = {
    "BDMDN": "cán bộ Đoàn kiêm nhiệm, số đoàn viên ít nên khó tổ chức sinh hoạt chung.",
    "DLS": "đoàn viên làm việc ở nhiều nơi, khó bố trí thời gian sinh hoạt chung.",
    "HND": "số đoàn viên ít, chưa có nơi sinh hoạt riêng.",
    "CTHADS": "Ban Chấp hành có thay đổi nhân sự trong năm, cần kiện toàn.",
    "HCTD": "chi đoàn nhỏ, hoạt động chủ yếu lồng ghép với công việc chuyên môn.",
    "LMHTX": "vị trí Bí thư Chi đoàn cần được kiện toàn.",
    "STC": "kinh phí hoạt động còn hạn chế.",
    "STP": "ít hoạt động phong trào riêng của Đoàn.",
    "SKHDT": "cán bộ Đoàn mới, cần được tập huấn nghiệp vụ.",
}
PROPOSALS = {
    "BDMDN": "đề nghị Đoàn Khối hỗ trợ tập huấn nghiệp vụ cho Ban Chấp hành.",
    "DLS": "đề nghị tổ chức sinh hoạt chuyên đề ngoài giờ hành chính.",
    "HND": "đề nghị bố trí nơi sinh hoạt chung cho Chi đoàn.",
    "CTHADS": "đề nghị Đoàn Khối cử cán bộ dự sinh hoạt, hướng dẫn kiện toàn Ban Chấp hành.",
    "HCTD": "đề nghị đơn vị đồng hành cùng tổ chức một hoạt động tình nguyện.",
    "LMHTX": "đề nghị tổ công tác làm việc với Cấp ủy về nhân sự Chi đoàn.",
    "STC": "đề nghị hướng dẫn cách vận động kinh phí hoạt động.",
    "STP": "đề nghị đơn vị trong cụm chia sẻ kinh nghiệm tổ chức phong trào.",
    "SKHDT": "đề nghị mở lớp tập huấn nghiệp vụ cho cán bộ Đoàn mới.",
}
MODELS = {
    "BDMDN": "sinh hoạt chi đoàn cuối tháng do Cấp ủy và Chi đoàn cùng tổ chức.",
    "DLS": "buổi tư vấn pháp luật miễn phí hằng tháng.",
    "HND": "hoạt động chung với đơn vị đồng hành trong cụm.",
}


def rng_for(*keys) -> random.Random:
    return random.Random("|".join(map(str, keys)))


def regular_totals(code: str) -> tuple[float, ...]:
    """Regular units: strong in 2017 and moving gently towards the next level."""
    r = rng_for("totals", code)
    strong = code in COMPANIONS.values()  # companions are the strong units of their cluster
    # only the KHO_KHAN units start below Vững mạnh: every other unit is one of the strong ones
    base = r.choice([84, 85, 86, 88, 91, 92] if strong else [81, 82, 83, 84, 85, 86, 87, 88, 91])
    target = 90 if base >= 80 else 80
    pace = r.choice([0.4, 0.7, 0.9, 1.0, 1.1, 1.2])
    out = [float(base)]
    for f in (0.3, 0.6, 1.0):  # the expected path of the plan (Settings.quarter_fractions)
        value = base + (target - base) * f * pace if base < target else base + r.choice([-1, 0, 0.5, 1])
        out.append(min(100.0, round(value * 2) / 2))
    return tuple(out)


def split_points(total: float, seed: str) -> dict[str, float]:
    """Spread a total over the criteria (steps of 0.5, within each maximum), summing exactly."""
    r = rng_for("split", seed)
    share = total / 100
    points = {}
    for code, _content, maximum, _s, _p in CRITERIA:
        value = maximum * min(1.0, max(0.0, share + r.uniform(-0.12, 0.12)))
        points[code] = round(value * 2) / 2
    diff = round((total - sum(points.values())) * 2) / 2
    codes = [c[0] for c in CRITERIA]
    maxima = {c[0]: c[2] for c in CRITERIA}
    i = 0
    while abs(diff) > 1e-9:
        code = codes[i % len(codes)]
        step = 0.5 if diff > 0 else -0.5
        if 0 <= points[code] + step <= maxima[code]:
            points[code] += step
            diff -= step
        i += 1
    return points


def unit_frame() -> pd.DataFrame:
    rows = []
    for code, name, cluster, unit_type, special, note in UNITS:
        base = totals_of(code, special)[0]
        r = rng_for("members", code)
        rows.append(
            {
                "unit_code": code,
                "name": name,
                "cluster": cluster,
                "unit_type": unit_type,
                "special": "x" if special else "",
                "baseline_total": base,
                "baseline_rating": word_2017(code, special, base),
                "group_no": GROUP_OF.get(code),
                "companion_code": COMPANIONS.get(code, ""),
                "members": r.randint(12, 85),
                "party_committee": "Cấp ủy " + name.removeprefix("Chi đoàn ").removeprefix("Đoàn "),
                "note": note,
            }
        )
    return pd.DataFrame(rows)


def word_2017(code: str, special: bool, base: float) -> str:
    """The plan's 2017 words: "Đặc thù" for the special units (rated by their score), "Khá" or
    "Tiên tiến" for the khó khăn ones, "Vững mạnh" for half the strong units; the rest are left to
    the score."""
    if special:
        return "Đặc thù"
    if code in KHO_KHAN:
        return KHO_KHAN[code][0]
    return "Vững mạnh" if 80 <= base < 90 and rng_for("word", code).random() < 0.5 else ""


def totals_of(code: str, special: bool) -> tuple[float, ...]:
    if special:
        return SPECIAL_TOTALS[code]
    return KHO_KHAN[code][1] if code in KHO_KHAN else regular_totals(code)


def score_frame(index: int) -> pd.DataFrame:
    rows = []
    for code, name, _c, _t, special, _n in UNITS:
        total = float(totals_of(code, special)[index])
        points = split_points(total, f"{code}-{index}")
        rating = C.rating_for(total)
        rows.append(
            {
                "unit_code": code,
                "unit_name": name,
                **points,
                "total_given": total,
                "rating_given": rating.name if rating else "",
                "note": "",
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- scoring in stages (#19)
# Q1 and Q2: every unit scores itself, the working groups check every card (lowering a few criteria,
# with a reason), the Standing Committee approves. Q3: every unit has scored itself; only working
# group 1 has checked its units' cards, and nothing is approved yet. The checked points are the
# totals above, so the figures the charts tell stay the story they were.
Q3_CHECKED_BY = 1
LOWERED_REASONS = (
    "chưa có biên bản sinh hoạt chi đoàn của một tháng trong quý",
    "minh chứng chưa đủ: danh sách cán bộ dự tập huấn thiếu chữ ký xác nhận",
    "hoạt động tính trùng với hoạt động của quý trước",
    "chưa có văn bản thống nhất với Cấp ủy về nội dung này",
    "kinh phí vận động chưa có chứng từ kèm theo",
)
EVIDENCE_TEXTS = {
    "TC1": "Biên bản rà soát đội ngũ cán bộ Đoàn",
    "TC2": "Quyết định kiện toàn Ban Chấp hành",
    "TC4": "Danh sách cán bộ dự lớp tập huấn",
    "TC5": "Báo cáo hoạt động phong trào",
    "TC7": "Sổ theo dõi kinh phí vận động (lưu tại văn phòng Chi đoàn)",
    "TC8": "Chương trình liên tịch với Cấp ủy",
}


def checked_in(index: int, code: str) -> bool:
    """Whether the unit's card of the quarter (1-3) has been checked by a working group."""
    return index < 3 or GROUP_OF.get(code) == Q3_CHECKED_BY


def lowered(index: int, code: str, points: dict[str, float]) -> dict[str, float]:
    """The criteria the working group lowered on a unit's self-score, and by how much: about half
    the cards, one or two criteria, half a point to two points each."""
    r = rng_for("lowered", code, index)
    if r.random() < 0.5:
        return {}
    maxima = {c[0]: c[2] for c in CRITERIA}
    room = [c for c in maxima if points[c] < maxima[c]]
    out = {}
    for criterion in r.sample(room, k=min(len(room), r.choice([1, 1, 2]))):
        out[criterion] = min(maxima[criterion] - points[criterion], r.choice([0.5, 1.0, 1.0, 1.5, 2.0]))
    return out


def stage_frames(index: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A quarter's self-score cards (every unit, with evidence) and checked cards (the units checked,
    with the reason for each criterion lowered)."""
    checked = score_frame(index)
    own = checked.copy()
    for i, record in enumerate(checked.to_dict("records")):
        code = record["unit_code"]
        r = rng_for("evidence", code, index)
        if code in GROUP_OF or code in SPECIAL_TOTALS or r.random() < 0.3:
            for criterion in r.sample(sorted(EVIDENCE_TEXTS), k=2):
                text = f"{EVIDENCE_TEXTS[criterion]} quý {'I' * index}/{PLAN_YEAR}"
                if r.random() < 0.5:
                    text += f" https://example.org/minh-chung/{code.lower()}/{PLAN_YEAR}-q{index}/{criterion.lower()}"
                own.loc[i, C.evidence_key(criterion)] = text
        if not checked_in(index, code):
            continue
        points = {c[0]: float(record[c[0]]) for c in CRITERIA}
        for criterion, by in lowered(index, code, points).items():
            own.loc[i, criterion] = points[criterion] + by
            why = LOWERED_REASONS[rng_for("why", code, index, criterion).randrange(len(LOWERED_REASONS))]
            checked.loc[i, C.reason_key(criterion)] = EXAMPLE + why
    totals = own[[c[0] for c in CRITERIA]].sum(axis=1)
    own["total_given"] = totals
    own["rating_given"] = [C.rating_for(t).name if C.rating_for(t) else "" for t in totals]
    return own, checked[[checked_in(index, c) for c in checked["unit_code"]]].reset_index(drop=True)


def report_frame(quarter: int) -> pd.DataFrame:
    rows = []
    leaders = {1: "Phạm Văn Linh", 2: "Nguyễn Thị Bích Liên"}
    for code, name, _c, _t, special, _n in UNITS:
        if code not in ITEM_PROGRESS:  # the followed units report
            continue
        progress = ITEM_PROGRESS[code][quarter - 1]
        if progress is None:
            continue
        done, doing = progress
        statuses = {
            item: ("Hoàn thành" if i < done else "Đang thực hiện" if i < done + doing else "Chưa thực hiện")
            for i, item in enumerate(ITEM_ORDER)
        }
        r = rng_for("report", code, quarter)
        story = totals_of(code, special)
        improving = story[quarter] > story[0] + 1
        rows.append(
            {
                "unit_code": code,
                "unit_name": name,
                **statuses,
                "activities": r.randint(3, 7) if improving else r.randint(0, 3),
                "participants": r.randint(60, 220) if improving else r.randint(10, 60),
                "trained": r.randint(3, 12) if quarter >= 2 or improving else 0,
                "admitted": r.randint(0, 6),
                "funds": r.choice([5, 8, 12, 15, 20, 25]) * 1_000_000
                if improving
                else r.choice([0, 0, 2, 3]) * 1_000_000,
                "difficulties": EXAMPLE + DIFFICULTIES[code],
                "proposals": EXAMPLE + PROPOSALS[code],
                "models": EXAMPLE + MODELS[code] if quarter >= 2 and code in MODELS else "",
                "meeting_date": dt.date(PLAN_YEAR, 3 * quarter, 20 + r.randint(0, 8)),
                "reporter": leaders.get(GROUP_OF.get(code), "Ban Tổ chức Đoàn Khối"),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- support plans and minutes (#15)

# Per unit: (plan item, what is to be done, owner, partner, due, status, result, evidence). Relative
# to the end of Q3 (30/09/2018) some are done, some running, and four are overdue (due before it, not
# done): CTHADS KT, HCTD PT, LMHTX KT and STP RS.
D = dt.date
SUPPORT_PLANS = {
    "BDMDN": [
        (
            "RS",
            "Rà soát, bổ sung cán bộ Đoàn còn thiếu sau sắp xếp",
            "Nguyễn Trần Tuấn",
            "Cấp ủy đơn vị",
            D(2018, 3, 31),
            "Hoàn thành",
            "Bổ sung 1 Phó Bí thư Chi đoàn",
            "Biên bản rà soát",
        ),
        (
            "TH",
            "Cử Ban Chấp hành Chi đoàn dự lớp tập huấn nghiệp vụ",
            "Võ Thành Khoa",
            "Ban Tuyên giáo Đoàn Khối",
            D(2018, 6, 30),
            "Hoàn thành",
            "3 cán bộ dự tập huấn",
            "Danh sách học viên",
        ),
        (
            "LT",
            "Xây dựng chương trình liên tịch với Cấp ủy",
            "Phạm Văn Linh",
            "Cấp ủy đơn vị",
            D(2018, 10, 31),
            "Đang thực hiện",
            "Đã có dự thảo chương trình",
            "",
        ),
    ],
    "CTHADS": [
        (
            "RS",
            "Rà soát đội ngũ cán bộ Đoàn sau các lần thay đổi nhân sự",
            "Ban Tổ chức Đoàn Khối",
            "Cấp ủy đơn vị",
            D(2018, 4, 30),
            "Hoàn thành",
            "Có danh sách cán bộ Đoàn cập nhật",
            "Danh sách cán bộ",
        ),
        (
            "KT",
            "Kiện toàn Ban Chấp hành Đoàn cơ sở",
            "Ban Tổ chức Đoàn Khối",
            "Cấp ủy đơn vị",
            D(2018, 7, 31),
            "Đang thực hiện",
            "",
            "",
        ),
        (
            "PT",
            "Tổ chức một hoạt động chung với đơn vị đồng hành",
            "Ban Chấp hành Đoàn cơ sở",
            "Đoàn Tòa án nhân dân Thành phố",
            D(2018, 11, 30),
            "Chưa thực hiện",
            "",
            "",
        ),
    ],
    "HND": [
        (
            "RS",
            "Rà soát cán bộ, đoàn viên đang công tác tại cơ sở",
            "Ban Chấp hành Chi đoàn",
            "",
            D(2018, 3, 31),
            "Hoàn thành",
            "Cập nhật danh sách đoàn viên",
            "Danh sách đoàn viên",
        ),
        (
            "CSVC",
            "Đề xuất Cấp ủy bố trí phòng sinh hoạt chung",
            "Ban Chấp hành Chi đoàn",
            "Cấp ủy đơn vị",
            D(2018, 12, 15),
            "Đang thực hiện",
            "Cấp ủy đã đồng ý về chủ trương",
            "",
        ),
        (
            "DH",
            "Cùng đơn vị đồng hành tổ chức chương trình cho đoàn viên",
            "Ban Chấp hành Chi đoàn",
            "Chi đoàn Liên đoàn Lao động Thành phố",
            D(2018, 9, 15),
            "Hoàn thành",
            "Tổ chức 1 chương trình chung",
            "Kế hoạch, hình ảnh hoạt động",
        ),
    ],
    "HCTD": [
        (
            "KT",
            "Phân công lại nhiệm vụ trong Ban Chấp hành Chi đoàn",
            "Ban Chấp hành Chi đoàn",
            "Cấp ủy đơn vị",
            D(2018, 5, 31),
            "Hoàn thành",
            "Có bảng phân công mới",
            "Bảng phân công",
        ),
        (
            "PT",
            "Tổ chức hoạt động tình nguyện chung với đơn vị đồng hành",
            "Ban Chấp hành Chi đoàn",
            "Chi đoàn Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố",
            D(2018, 9, 15),
            "Đang thực hiện",
            "",
            "",
        ),
    ],
    "DLS": [
        (
            "LT",
            "Thống nhất với Cấp ủy lịch sinh hoạt ngoài giờ hành chính",
            "Nguyễn Thị Bích Liên",
            "Cấp ủy đơn vị",
            D(2018, 4, 30),
            "Hoàn thành",
            "Sinh hoạt định kỳ tối thứ Năm cuối tháng",
            "Thông báo của Cấp ủy",
        ),
        (
            "RS",
            "Rà soát, kiện toàn cán bộ Đoàn",
            "Nguyễn Trần Tuấn",
            "",
            D(2018, 6, 30),
            "Hoàn thành",
            "Bầu bổ sung 2 Ủy viên Ban Chấp hành",
            "Biên bản bầu bổ sung",
        ),
        (
            "CSVC",
            "Bố trí nơi lưu trữ hồ sơ, tài liệu của Đoàn",
            "Tống Thị Thùy Dương",
            "Văn phòng đơn vị",
            D(2018, 10, 31),
            "Đang thực hiện",
            "",
            "",
        ),
        (
            "DH",
            "Sinh hoạt chuyên đề chung với đơn vị đồng hành",
            "Phạm Hồng Khải",
            "Đoàn Viện Kiểm sát nhân dân Thành phố",
            D(2018, 12, 15),
            "Chưa thực hiện",
            "",
            "",
        ),
    ],
    "LMHTX": [
        (
            "KT",
            "Kiện toàn chức danh Bí thư Chi đoàn",
            "Ban Tổ chức Đoàn Khối",
            "Cấp ủy đơn vị",
            D(2018, 6, 30),
            "Chưa thực hiện",
            "",
            "",
        ),
        (
            "TH",
            "Hướng dẫn nghiệp vụ cho cán bộ Chi đoàn",
            "Ban Tổ chức Đoàn Khối",
            "",
            D(2018, 10, 15),
            "Đang thực hiện",
            "",
            "",
        ),
    ],
    "STC": [
        (
            "TH",
            "Cử cán bộ Đoàn dự lớp tập huấn nghiệp vụ",
            "Ban Chấp hành Đoàn cơ sở",
            "Ban Tổ chức Đoàn Khối",
            D(2018, 6, 30),
            "Hoàn thành",
            "2 cán bộ dự tập huấn",
            "Giấy chứng nhận",
        ),
        (
            "PT",
            "Xây dựng kế hoạch hoạt động phong trào quý IV",
            "Ban Chấp hành Đoàn cơ sở",
            "",
            D(2018, 10, 31),
            "Đang thực hiện",
            "",
            "",
        ),
    ],
    "STP": [
        (
            "RS",
            "Rà soát đội ngũ cán bộ Đoàn các chi đoàn trực thuộc",
            "Ban Chấp hành Đoàn cơ sở",
            "Ban Tổ chức Đoàn Khối",
            D(2018, 8, 31),
            "Chưa thực hiện",
            "",
            "",
        ),
        (
            "KP",
            "Lập kế hoạch vận động kinh phí hoạt động",
            "Ban Chấp hành Đoàn cơ sở",
            "Cấp ủy đơn vị",
            D(2018, 11, 30),
            "Chưa thực hiện",
            "",
            "",
        ),
    ],
    "SKHDT": [
        (
            "LT",
            "Đăng ký nội dung liên tịch với Cấp ủy",
            "Ban Chấp hành Đoàn cơ sở",
            "Cấp ủy đơn vị",
            D(2018, 5, 31),
            "Hoàn thành",
            "Có chương trình liên tịch năm 2018",
            "Chương trình liên tịch",
        ),
        (
            "KT",
            "Kiện toàn Ban Chấp hành các chi đoàn trực thuộc",
            "Ban Chấp hành Đoàn cơ sở",
            "",
            D(2018, 12, 15),
            "Đang thực hiện",
            "",
            "",
        ),
    ],
}
# The first row of each plan carries the initial assessment and the agreement with the Cấp ủy.
# The working-group meeting that set or changed an action (Theo họp tổ ngày).
ACTION_MEETINGS = {
    ("BDMDN", "TH"): D(2018, 3, 28),
    ("BDMDN", "LT"): D(2018, 6, 27),
    ("LMHTX", "KT"): D(2018, 6, 27),
    ("DLS", "RS"): D(2018, 3, 29),
    ("DLS", "CSVC"): D(2018, 6, 28),
    ("DLS", "DH"): D(2018, 6, 28),
}
REINFORCEMENTS = [
    (
        "Trần Minh Hoàng",
        "CVLS",
        "LMHTX",
        D(2018, 7, 1),
        D(2018, 12, 31),
        "Hỗ trợ Chi đoàn chuẩn bị kiện toàn Ban Chấp hành và sinh hoạt định kỳ",
    ),
]
# (group, date, present, absent, units discussed, conclusions, proposals): group 2 has no Q3 meeting.
MEETINGS = [
    (
        1,
        D(2018, 3, 28),
        "BDMDN",
        "Thống nhất phương án hỗ trợ Chi đoàn Ban đổi mới Quản lý doanh nghiệp Thành phố; "
        "phân công thành viên theo dõi từng nội dung.",
        "Đề nghị đơn vị gửi danh sách cán bộ Đoàn sau sắp xếp.",
    ),
    (
        1,
        D(2018, 6, 27),
        "BDMDN, LMHTX",
        "Rà soát và tập huấn đã hoàn thành; tiếp tục xây dựng chương trình liên tịch.",
        "Đề nghị Thường trực hỗ trợ làm việc với Cấp ủy Liên minh Hợp tác xã Thành phố về nhân sự.",
    ),
    (
        1,
        D(2018, 9, 27),
        "BDMDN",
        "Chương trình liên tịch đang hoàn thiện; đơn vị tiến bộ rõ so với năm 2017.",
        "Đề xuất xem xét công nhận tiến bộ tại tổng kết.",
    ),
    (
        2,
        D(2018, 3, 29),
        "DLS",
        "Thống nhất phương án hỗ trợ Đoàn Đoàn Luật sư Thành phố; ưu tiên lịch sinh hoạt ngoài giờ hành chính.",
        "Đề nghị đơn vị đồng hành cùng tham gia sinh hoạt chuyên đề.",
    ),
    (
        2,
        D(2018, 6, 28),
        "DLS",
        "Đã thống nhất lịch sinh hoạt và kiện toàn cán bộ; tiếp tục bố trí nơi lưu trữ hồ sơ.",
        "",
    ),
]


def support_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The support plans (one row per action) and the reinforcement staff."""
    rows = []
    for code, actions in SUPPORT_PLANS.items():
        for i, (item, action, owner, partner, due, status, result, evidence) in enumerate(actions):
            first = i == 0
            rows.append(
                {
                    "unit_code": code,
                    "unit_name": next(u[1] for u in UNITS if u[0] == code),
                    "item_code": item,
                    "action": action,
                    "owner": owner,
                    "due": due,
                    "partner": partner,
                    "status": status,
                    "result": EXAMPLE + result[0].lower() + result[1:] if result else "",
                    "evidence": evidence,
                    "assessment": EXAMPLE + DIFFICULTIES[code] if first else "",
                    "agreed_date": due.replace(month=1, day=20) if first else None,
                    "agreed": "Cấp ủy thống nhất phương án hỗ trợ và cử đồng chí phụ trách theo dõi" if first else "",
                    "meeting_date": ACTION_MEETINGS.get((code, item)),
                }
            )
    reinforcements = pd.DataFrame(REINFORCEMENTS, columns=["name", "from_unit", "to_unit", "start", "end", "task"])
    return pd.DataFrame(rows), reinforcements


def meeting_frame() -> pd.DataFrame:
    """The working groups' meetings of Q1–Q3, group 2's Q3 meeting missing."""
    rows = []
    for group, day, units, conclusions, proposals in MEETINGS:
        names = [m[1] for m in MEMBERS if m[0] == group]
        absent = names[-1] if (group, day.month) == (1, 6) else ""
        rows.append(
            {
                "group_no": f"Tổ {group}",
                "meeting_date": day,
                "place": "Văn phòng Đoàn Khối",
                "present": ", ".join(n for n in names if n != absent),
                "absent": absent,
                "units_discussed": units,
                "conclusions": EXAMPLE + conclusions[0].lower() + conclusions[1:],
                "solutions": EXAMPLE + proposals[0].lower() + proposals[1:] if proposals else "",
            }
        )
    return pd.DataFrame(rows)


def support_files(unit_list: pd.DataFrame) -> dict[str, bytes]:
    """11_phuong_an_ho_tro_2018.xlsx and 12_bien_ban_hop_to_2018.xlsx."""
    actions, reinforcements = support_frames()
    return {
        f"11_phuong_an_ho_tro_{PLAN_YEAR}.xlsx": write_workbook(
            "support", actions, units=unit_list, parts={"reinforcements": reinforcements}
        ),
        f"12_bien_ban_hop_to_{PLAN_YEAR}.xlsx": write_workbook("meetings", meeting_frame()),
    }


def frozen(data: bytes) -> bytes:
    """Same input, same bytes: fixed zip-entry times and document dates (openpyxl stamps 'now')."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2018-01-15T08:00:00Z", body)
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=(2018, 1, 15, 8, 0, 0)),
                body,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return buffer.getvalue()


def main(out: Path = HERE) -> list[Path]:
    criteria = pd.DataFrame(CRITERIA, columns=["code", "content", "max_points", "section", "plan_item"])
    units = unit_frame()
    unit_list = units.rename(columns={"unit_code": "unit_code"})[["unit_code", "name"]]
    files = {
        "01_danh_sach_don_vi.xlsx": write_workbook("units", units),
        "02_to_cong_tac.xlsx": write_workbook(
            "groups", pd.DataFrame(MEMBERS, columns=["group_no", "name", "role", "title", "unit_codes", "item_codes"])
        ),
        "03_bo_tieu_chi.xlsx": write_workbook("criteria", criteria),
        "04_bang_diem_nam_2017.xlsx": write_workbook(
            "scores", score_frame(0), period="2017", criteria=criteria, units=unit_list, stage="approved"
        ),
    }
    for q in (1, 2, 3):
        # the seeding takes a number's files in stage order (ingest._sample_order): self, checked, approved
        own, checked = stage_frames(q)
        period = f"{PLAN_YEAR}-Q{q}"
        card = f"{4 + q:02d}_bang_diem_quy_{q}_{PLAN_YEAR}"
        if q < 3:
            files[f"{card}_tu_cham.xlsx"] = write_workbook(
                "scores", own, period=period, criteria=criteria, units=unit_list, stage="self"
            )
            files[f"{card}.xlsx"] = write_workbook(
                "scores", checked, period=period, criteria=criteria, units=unit_list, stage="checked"
            )
            files[f"{card}_btv_duyet.xlsx"] = write_workbook(
                "scores", checked, period=period, criteria=criteria, units=unit_list, stage="approved"
            )
        else:  # Q3: the units' own cards keep the file's name; group 1's check beside it, no approval yet
            files[f"{card}.xlsx"] = write_workbook(
                "scores", own, period=period, criteria=criteria, units=unit_list, stage="self"
            )
            files[f"{card}_to_{Q3_CHECKED_BY}_tham_dinh.xlsx"] = write_workbook(
                "scores", checked, period=period, criteria=criteria, units=unit_list, stage="checked"
            )
    for q in (1, 2, 3):
        files[f"{7 + q:02d}_bao_cao_quy_{q}_{PLAN_YEAR}.xlsx"] = write_workbook(
            "reports", report_frame(q), period=f"{PLAN_YEAR}-Q{q}", units=unit_list
        )
    files.update(support_files(unit_list))
    written = []
    for name, data in files.items():
        path = out / name
        path.write_bytes(frozen(data))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(p.name)
