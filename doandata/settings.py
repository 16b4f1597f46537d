"""The editable rules of domain.md (scale, thresholds, milestones, plan year) with their defaults.

Settings are stored as one JSON document in the store; this module knows their shape and
defaults and turns them into the objects metrics use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace

from . import contract as C
from . import periods
from .text import fold


@dataclass(frozen=True)
class Milestone:
    key: str
    date: dt.date
    name: str
    note: str = ""


def default_milestones(plan_year: int) -> tuple[Milestone, ...]:
    y = plan_year
    quarterly = tuple(
        Milestone(
            f"meeting_q{q}",
            dt.date(y, 3 * q, 28 if q == 1 else 30),
            f"Họp tổ công tác quý {roman}",
            "Họp tổ, báo cáo Thường trực",
        )
        for q, roman in enumerate(periods.ROMAN, start=1)
    )
    midyear, final = periods.REVIEW_BY_KEY["midyear"], periods.REVIEW_BY_KEY["final"]
    return (
        Milestone("deploy", dt.date(y, 1, 31), "Triển khai kế hoạch", "Triển khai đến các cơ sở Đoàn"),
        *quarterly[:2],
        Milestone(midyear.key, dt.date(y, 6, 30), midyear.name, "Kỳ vọng: khép lại 60% khoảng cách đến mục tiêu"),
        quarterly[2],
        Milestone(final.key, dt.date(y, 10, 31), final.name, "Kỳ vọng: đạt mục tiêu (số liệu đến hết quý III)"),
        quarterly[3],
    )


def renamed(scale: tuple[C.Rating, ...], names: list[str]) -> tuple[C.Rating, ...]:
    """The scale with its levels renamed; each old name stays an alias, so the ratings already
    stored under it still read as that level."""
    out = []
    for rating, name in zip(scale, names):
        name = " ".join(str(name).split())
        aliases = rating.aliases
        if fold(name) != fold(rating.name) and fold(rating.name) not in aliases:
            aliases = (*aliases, fold(rating.name))
        out.append(replace(rating, name=name, aliases=aliases))
    return tuple(out)


@dataclass(frozen=True)
class Settings:
    plan_year: int = 2018
    baseline_year: int = 2017
    scale: tuple[C.Rating, ...] = C.DEFAULT_SCALE
    # Q1..Q4 share of the gap to the target expected closed, by the calendar from the deployment
    # (01/2018) to the tổng kết (10/2018): Q1 0.3, Q2 (the sơ kết) 0.6, Q3 (the data the tổng kết
    # reads) the whole gap, Q4 stays there.
    quarter_fractions: tuple[float, float, float, float] = (0.3, 0.6, 1.0, 1.0)
    at_risk_band: float = 5.0
    recognised_levels: int = 1
    recognised_points: float = 10.0
    milestones: tuple[Milestone, ...] = field(default_factory=lambda: default_milestones(2018))
    targets: dict = field(default_factory=dict)  # unit code -> target total set by the office
    # the 2017 levels (rating keys) that make a unit khó khăn, followed with the đặc thù ones
    weak_levels: tuple[str, ...] = C.DEFAULT_WEAK_LEVELS
    # the plan the documents cite: "Kế hoạch số {plan_number} ngày {plan_date} của Ban Thường vụ
    # Đoàn Khối về {plan_title}" (seed: 15-KH/ĐTN, 09/02/2018)
    plan_number: str = "15-KH/ĐTN"
    plan_date: dt.date = dt.date(2018, 2, 9)
    plan_title: str = "hỗ trợ công tác Đoàn và phong trào thanh niên các cơ sở Đoàn khó khăn, đặc thù năm 2018"
    # who signs the reports for Thường trực (#16): "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" over "BÍ THƯ" (or
    # "PHÓ BÍ THƯ") and the name; empty: the catalogue's wording in the report's language, no name
    signer_on_behalf: str = ""
    signer_title: str = ""
    signer_name: str = ""

    @property
    def baseline_period(self) -> str:
        return str(self.baseline_year)

    @property
    def quarters(self) -> list[str]:
        return periods.plan_periods(self.plan_year)

    @property
    def periods(self) -> list[str]:
        return [self.baseline_period, *self.quarters]

    def to_json(self) -> dict:
        data = asdict(self)
        data["milestones"] = [{**asdict(m), "date": m.date.isoformat()} for m in self.milestones]
        data["scale"] = [asdict(r) for r in self.scale]
        data["plan_date"] = self.plan_date.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> Settings:
        if not data:
            return cls()
        base = cls()
        scale = (
            tuple(
                C.Rating(r["key"], r["name"], float(r["minimum"]), tuple(r.get("aliases", ())))
                for r in data.get("scale", [])
            )
            or base.scale
        )
        plan_year = int(data.get("plan_year", base.plan_year))
        milestones = tuple(
            Milestone(m["key"], dt.date.fromisoformat(m["date"]), m["name"], m.get("note", ""))
            for m in data.get("milestones", [])
        ) or default_milestones(plan_year)
        return replace(
            base,
            plan_year=plan_year,
            baseline_year=int(data.get("baseline_year", base.baseline_year)),
            scale=scale,
            quarter_fractions=tuple(float(f) for f in data.get("quarter_fractions", base.quarter_fractions)),
            at_risk_band=float(data.get("at_risk_band", base.at_risk_band)),
            recognised_levels=int(data.get("recognised_levels", base.recognised_levels)),
            recognised_points=float(data.get("recognised_points", base.recognised_points)),
            milestones=milestones,
            targets={str(k): float(v) for k, v in data.get("targets", {}).items()},
            weak_levels=tuple(str(k) for k in data.get("weak_levels", base.weak_levels)),
            plan_number=str(data.get("plan_number", base.plan_number)),
            plan_date=dt.date.fromisoformat(data["plan_date"]) if data.get("plan_date") else base.plan_date,
            plan_title=str(data.get("plan_title", base.plan_title)),
            signer_on_behalf=str(data.get("signer_on_behalf", "")),
            signer_title=str(data.get("signer_title", "")),
            signer_name=str(data.get("signer_name", "")),
        )


def check(settings: Settings, unit_codes: set[str] | None = None) -> list[tuple[str, dict]]:
    """What is wrong with edited settings, as (catalogue key, parameters); empty when they can be saved."""
    out: list[tuple[str, dict]] = []
    if not 2000 <= settings.baseline_year < settings.plan_year <= 2100:
        out.append(("settings.bad_years", {}))
    minima = [r.minimum for r in settings.scale]
    if minima[0] != 0 or any(b <= a for a, b in zip(minima, minima[1:])) or minima[-1] > 100:
        out.append(("settings.bad_scale", {}))
    names = [fold(r.name) for r in settings.scale]
    if any(not n for n in names) or len(set(names)) != len(names):
        out.append(("settings.bad_scale_names", {}))
    keys = [r.key for r in settings.scale]
    if any(k not in keys for k in settings.weak_levels) or len(settings.weak_levels) >= len(keys):
        out.append(("settings.bad_weak_levels", {}))
    f = settings.quarter_fractions
    if len(f) != 4 or any(not 0 <= x <= 1 for x in f) or any(b < a for a, b in zip(f, f[1:])):
        out.append(("settings.bad_fractions", {}))
    if not 0 <= settings.at_risk_band <= 50:
        out.append(("settings.bad_band", {}))
    if settings.recognised_levels < 1 or not 0 < settings.recognised_points <= 100:
        out.append(("settings.bad_recognised", {}))
    if not settings.plan_number.strip() or not settings.plan_title.strip():
        out.append(("settings.bad_plan", {}))
    if not settings.milestones or any(not m.name.strip() for m in settings.milestones):
        out.append(("settings.bad_milestones", {}))
    for code, target in settings.targets.items():
        if unit_codes is not None and code not in unit_codes:
            out.append(("settings.bad_target_unit", {"code": code}))
        elif not 0 < target <= 100:
            out.append(("settings.bad_target", {"code": code}))
    return out
