"""Check recognised tables against the contract of domain.md and build what would be stored.

All problems of a file are collected in one pass; the caller decides (any error: store nothing).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import sqlalchemy as sa

from . import contract as C
from . import i18n, periods, schema
from .batch import Batch, Context
from .cells import CODE_CHARS, PARSERS, CellError, is_blank, parse_code, parse_number, parse_text
from .problems import Problem, error, has_errors, warning
from .read import Table
from .settings import Settings


def check(tables: list[Table], context: Context) -> Batch:
    batch = Batch()
    order = {k: i for i, k in enumerate(C.LOAD_ORDER)}
    for table in sorted(tables, key=lambda t: order[t.kind.part_of or t.kind.key]):
        batch.problems.extend(table.problems)
        if not table.rows:
            if not _other_sheet_filled(table, tables):
                batch.problems.append(error("no_rows", sheet=table.sheet, row=table.header_row))
            continue
        checker = CHECKERS[table.kind.key]
        frames, problems = checker(table, context)
        problems = _with_units(table, problems, context.units)
        batch.problems.extend(problems)
        batch.kinds.append(table.kind.key)
        for key, frame in frames.items():
            batch.frames[key] = (
                pd.concat([batch.frames[key], frame], ignore_index=True) if key in batch.frames else frame
            )
        # a file may carry its own unit list or criteria: later sheets check against them
        if table.kind.key == "units" and not has_errors(problems):
            context.units = _merge_units(context.units, frames["units"])
        if table.kind.key == "criteria" and not has_errors(problems):
            context.criteria = frames["criteria"]
    if tables and not batch.rows() and not has_errors(batch.problems):
        batch.problems.append(error("nothing_to_store"))
    periods = set()
    for key in ("score_meta", "reports", "meetings"):
        if key in batch.frames:
            periods |= {p for p in batch.frames[key]["period"] if isinstance(p, str)}  # none on a bad row
    batch.periods = sorted(periods)
    sheets = {t.sheet: i for i, t in enumerate(tables)}
    batch.problems.sort(key=lambda p: (p.severity != "error", sheets.get(p.sheet, -1), p.row or 0, p.col or 0))
    if batch.ok:
        batch.frames = derived_frames(batch.frames)
    return batch


def _other_sheet_filled(table: Table, tables: list[Table]) -> bool:
    """A support plan's two sheets are one workbook: either may be left empty (a plan without
    reinforcements, or reinforcements alone) when the other holds rows."""
    family = table.kind.part_of or table.kind.key
    return any(
        t is not table and t.rows and (t.kind.part_of or t.kind.key) == family and t.kind.key != table.kind.key
        for t in tables
    )


# A refused code is named by its message already, with the unit's name.
UNIT_SAID_BY_MESSAGE = ("code_invalid",)


def _with_units(table: Table, problems: list[Problem], known: pd.DataFrame) -> list[Problem]:
    """Each problem of a unit's row names the unit (code and name) beside the sheet and row."""
    if table.kind.key not in ("units", "scores", "reports", *SUPPORT_KINDS):
        return problems
    names = dict(zip(known["code"], known["name"]))
    units = {row: _unit_of(_unit_cells(table.kind.key, raw, names), names) for row, raw, _s in table.rows}
    return [
        replace(p, unit=units[p.row])
        if p.sheet == table.sheet and units.get(p.row) and p.code not in UNIT_SAID_BY_MESSAGE
        else p
        for p in problems
    ]


def _unit_cells(kind: str, raw: dict, names: dict[str, str]) -> dict:
    """The cells that name a row's unit: a reinforcement's is the unit it goes to; a meeting's row
    is said by its working group ("Tổ 2")."""
    if kind == "reinforcements":
        to = raw.get("to_unit")
        code = C.normal_code(to) if not is_blank(to) and not isinstance(to, CellError) else ""
        return {"unit_code": to} if code in names else {"unit_name": to}
    if kind == "meetings":
        group, _ = PARSERS["group"](raw.get("group_no"))
        return {"unit_name": f"Tổ {group}" if group is not None else ""}
    return raw


def _unit_of(raw: dict, names: dict[str, str]) -> str:
    """'DLS — Đoàn Luật sư Thành phố' (a scorecard's row that gives the code alone: the name the
    store knows), or the code or the name alone."""
    code, name = (
        C.clean_text(v) if not is_blank(v) and not isinstance(v, CellError) else ""
        for v in (raw.get("unit_code"), raw.get("name") or raw.get("unit_name"))
    )
    code = code.upper()
    name = name or names.get(code, "")
    if len(name) > UNIT_SHOWN:  # enough to know the unit; the cell itself says the rest
        name = name[: UNIT_SHOWN - 1] + "…"
    return " — ".join(s for s in (code, name) if s)


UNIT_SHOWN = 60


def derived_frames(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Clusters and working groups follow from the unit list and the member list."""
    out = dict(frames)
    if "units" in frames and len(frames["units"]):
        unit_frame = frames["units"]
        leaders = unit_frame[unit_frame["note"].fillna("").str.lower().str.contains(C.CLUSTER_LEADER_NOTE)]
        out["clusters"] = pd.DataFrame({"cluster": sorted(unit_frame["cluster"].dropna().unique())})
        out["clusters"]["leader_code"] = out["clusters"]["cluster"].map(
            dict(zip(leaders["cluster"], leaders["unit_code"]))
        )
    if "members" in frames and len(frames["members"]):
        m = frames["members"]
        lead = m[m["role"] == C.GROUP_LEADER_ROLE].drop_duplicates("group_no")
        out["working_groups"] = pd.DataFrame({"group_no": sorted(m["group_no"].dropna().unique())})
        out["working_groups"]["leader"] = out["working_groups"]["group_no"].map(
            dict(zip(lead["group_no"], lead["name"]))
        )
    return out


def _merge_units(known: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    both = pd.concat([known[["code", "name"]], new.rename(columns={"unit_code": "code"})[["code", "name"]]])
    return both.drop_duplicates("code", keep="last").reset_index(drop=True)


# ---------------------------------------------------------------- typed cells


def _typed(table: Table, row: int, raw: dict, problems: list[Problem]) -> dict:
    """Every contract column of one row, parsed by its kind; bad cells become problems."""
    out = {}
    for col in table.kind.columns:
        if col.key not in table.columns or (table.kind.key in UNITS_RESOLVED and col.key in ("unit_code", "unit_name")):
            out[col.key] = None  # a scorecard's or report's unit is read (and said) by _resolve_units
            continue
        value = raw.get(col.key)
        parsed, code = PARSERS[col.kind](value)
        if code:
            problems.append(error(code, **table.at(row, col.key), value=value, **_said_with(code, raw)))
            parsed = None
        if col.required and (parsed is None or parsed == "" or parsed == []) and not code:
            problems.append(error("required_empty", **table.at(row, col.key)))
        beyond = _beyond_store(table.kind, col, parsed)
        if beyond:
            code, params = beyond
            shown = _num(parsed) if code == "number_too_big" else value
            problems.append(error(code, **table.at(row, col.key), value=shown, **_said_with(code, raw), **params))
            parsed = None
        out[col.key] = parsed
    return out


# Which table of the store keeps each workbook kind's rows, so every length and range is the one
# the store declares: what passes the preview is what PostgreSQL takes at "Xác nhận lưu".
STORED_IN = {
    "units": "units",
    "groups": "members",
    "criteria": "criteria",
    "scores": "score_meta",
    "reports": "reports",
    "support": "support_actions",
    "reinforcements": "reinforcements",
    "meetings": "meetings",
}
# kept as what they are read as (a rating word as its name, a plan item as its code, a unit named
# by its name as its code), not as typed
READ_AS = (
    "baseline_rating",
    "plan_item",
    "period",
    "item_code",
    "status",
    "to_unit",
    "units_discussed",
    "stage",
)
# Kinds whose rows name their unit by code or by name, matched by _resolve_units.
UNITS_RESOLVED = ("scores", "reports", "support")
SUPPORT_KINDS = ("support", "reinforcements", "meetings")


def _beyond_store(kind: C.WorkbookKind, col: C.Column, value: object) -> tuple[str, dict] | None:
    """A text longer than its column or a whole number outside its column's range."""
    if value is None or col.key in READ_AS:
        return None
    column = schema.FRAME_TABLES[STORED_IN[kind.key]].c.get(col.key)
    if column is None:
        return None
    kind_of = column.type
    limit = getattr(kind_of, "length", None)
    if isinstance(value, str) and limit and len(value) > limit:
        return ("code_invalid", {}) if col.kind == "code" else ("text_too_long", {"length": len(value), "limit": limit})
    if isinstance(kind_of, sa.Integer) and isinstance(value, int):
        bits = 64 if isinstance(kind_of, sa.BigInteger) else 16 if isinstance(kind_of, sa.SmallInteger) else 32
        if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
            return "number_too_big", {"limit": _num(2 ** (bits - 1) - 1)}
    return None


CODE_LIMIT = schema.units.c.unit_code.type.length


def _said_with(code: str, raw: dict) -> dict:
    """What a cell's message names beside its value: a refused code, the row's unit and the rule."""
    if code != "code_invalid":
        return {}
    name = next((raw[k] for k in ("name", "unit_name", "content") if not is_blank(raw.get(k))), "")
    return {"name": C.clean_text(name) or "—", "allowed": CODE_CHARS, "limit": CODE_LIMIT}


def _missing_columns(table: Table) -> list[Problem]:
    return [
        error("column_missing", sheet=table.sheet, row=table.header_row, column=col.header)
        for col in table.kind.columns
        if col.required
        and col.key not in table.columns
        and not (col.key == "unit_code" and "unit_name" in table.columns)
    ]


# ---------------------------------------------------------------- units, groups, criteria


def check_units(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    problems = _missing_columns(table)
    records, seen = [], {}
    for row, raw, _section in table.rows:
        rec = _typed(table, row, raw, problems)
        code = rec["unit_code"] or ""
        if code and code in seen:
            problems.append(error("unit_duplicate", **table.at(row, "unit_code"), value=code, first_row=seen[code]))
        seen.setdefault(code, row)
        if rec["cluster"] is not None and rec["cluster"] < 1:
            problems.append(error("cluster_invalid", **table.at(row, "cluster"), value=rec["cluster"]))
        problems.extend(_check_baseline(table, row, rec, context.settings))
        records.append(
            {
                "unit_code": code,
                "name": rec["name"],
                "cluster": rec["cluster"],
                "unit_type": rec["unit_type"] or "",
                "special": bool(rec["special"]),
                "baseline_total": rec["baseline_total"],
                "baseline_rating": rec["baseline_rating"],
                "group_no": rec["group_no"],
                "companion_code": rec["companion_code"] or None,
                "members": rec["members"],
                "party_committee": rec["party_committee"] or "",
                "note": rec["note"] or "",
            }
        )
    frame = pd.DataFrame.from_records(records, columns=UNIT_COLUMNS)
    problems.extend(_names_taken(table, records, context.units))
    codes = set(frame["unit_code"]) | set(context.units["code"])
    for (row, _raw, _s), rec in zip(table.rows, records):
        if rec["companion_code"] and rec["companion_code"] not in codes:
            problems.append(error("unit_unknown", **table.at(row, "companion_code"), value=rec["companion_code"]))
    problems.extend(_check_companions(table, records, context))
    return {"units": frame}, problems


def _check_companions(table: Table, records: list[dict], context: Context) -> list[Problem]:
    """II.3: a companion is a unit of the same cụm rated Vững mạnh or Xuất sắc in 2017; anything
    else is said, naming both units, and imported (the office may have its reasons)."""
    scale = context.settings.scale
    known = {}
    for rec in context.units.to_dict("records"):
        known[rec["code"]] = rec
    for rec in records:
        known[rec["unit_code"]] = {"code": rec["unit_code"], **rec}
    problems = []
    for (row, _raw, _s), rec in zip(table.rows, records):
        mate = known.get(rec["companion_code"] or "")
        if mate is None:
            continue
        where = {**table.at(row, "companion_code"), "value": mate["code"]}
        both = {"companion": f"{mate['code']} — {mate.get('name') or ''}".rstrip(" —")}
        mine, theirs = rec.get("cluster"), mate.get("cluster")
        if not is_blank(mine) and not is_blank(theirs) and int(mine) != int(theirs):
            problems.append(warning("companion_other_cluster", **where, **both, cluster=int(mine), other=int(theirs)))
        rating = C.parse_rating(mate.get("baseline_rating"), scale) if mate.get("baseline_rating") else None
        if not isinstance(rating, C.Rating):
            rating = C.rating_for(None if is_blank(mate.get("baseline_total")) else mate["baseline_total"], scale)
        if rating is not None and rating.key not in C.COMPANION_LEVELS:
            strong = " / ".join(r.name for r in scale if r.key in C.COMPANION_LEVELS)
            problems.append(warning("companion_not_strong", **where, **both, rating=rating.name, strong=strong))
    return problems


def _names_taken(table: Table, records: list[dict], known: pd.DataFrame) -> list[Problem]:
    """A new unit named as a unit already there (in the store or higher up in this list) is most
    likely that unit under a lookalike code: said, so that nobody adds a twin unnoticed."""
    taken = {C.fold(n): c for c, n in zip(known["code"], known["name"])}
    old = set(known["code"])
    problems = []
    for (row, _raw, _s), rec in zip(table.rows, records):
        code, name = rec["unit_code"], C.fold(rec["name"])
        if not code or not name or code in old:
            continue
        other = taken.setdefault(name, code)
        if other != code:
            problems.append(warning("unit_name_taken", **table.at(row, "name"), value=rec["name"], other=other))
    return problems


UNIT_COLUMNS = [
    "unit_code",
    "name",
    "cluster",
    "unit_type",
    "special",
    "baseline_total",
    "baseline_rating",
    "group_no",
    "companion_code",
    "members",
    "party_committee",
    "note",
]


def _check_baseline(table: Table, row: int, rec: dict, settings: Settings) -> list[Problem]:
    """Xếp loại 2017 is the official result: kept even when the score disagrees, with a warning."""
    problems = []
    total, word = rec["baseline_total"], rec["baseline_rating"]
    if total is not None and not 0 <= total <= 100:
        problems.append(error("points_out_of_range", **table.at(row, "baseline_total"), value=total, maximum=100))
    if not word:
        rec["baseline_rating"] = None
        return problems
    rating = C.parse_rating(word, settings.scale)
    if rating is None:
        problems.append(
            error(
                "rating_unknown",
                **table.at(row, "baseline_rating"),
                value=word,
                allowed=", ".join(r.name for r in settings.scale),
            )
        )
        rec["baseline_rating"] = None
    elif rating == "special":
        rec["special"] = True
        rec["baseline_rating"] = None
    else:
        rec["baseline_rating"] = rating.name
        by_score = C.rating_for(total, settings.scale)
        if by_score is not None and by_score.name != rating.name:
            problems.append(
                warning(
                    "baseline_rating_differs",
                    **table.at(row, "baseline_rating"),
                    value=rating.name,  # "kha" is said as the rating kept, "Khá"
                    by_score=by_score.name,
                    total=_num(total),
                )
            )
    return problems


def check_groups(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    problems = _missing_columns(table)
    known = set(context.units["code"])
    records = []
    for row, raw, _section in table.rows:
        rec = _typed(table, row, raw, problems)
        role = C.ROLES.get(C.fold(rec["role"]), rec["role"])
        for code in rec["unit_codes"] or []:
            if code not in known:
                problems.append(error("unit_unknown", **table.at(row, "unit_codes"), value=code))
        for item in rec["item_codes"] or []:
            if item not in C.PLAN_ITEM_CODES:
                problems.append(
                    error(
                        "plan_item_unknown",
                        **table.at(row, "item_codes"),
                        value=item,
                        allowed=", ".join(C.PLAN_ITEM_CODES),
                    )
                )
        records.append(
            {
                "group_no": rec["group_no"],
                "name": rec["name"],
                "role": role,
                "title": rec["title"] or "",
                "unit_codes": ",".join(rec["unit_codes"] or []),
                "item_codes": ",".join(rec["item_codes"] or []),
                "position": row,
            }
        )
    return {"members": pd.DataFrame.from_records(records, columns=MEMBER_COLUMNS)}, problems


MEMBER_COLUMNS = ["group_no", "name", "role", "title", "unit_codes", "item_codes", "position"]


def check_criteria(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    problems = _missing_columns(table)
    records, seen = [], {}
    for row, raw, section in table.rows:
        rec = _typed(table, row, raw, problems)
        code = (rec["code"] or "").upper()
        if code in seen:
            problems.append(error("criterion_duplicate", **table.at(row, "code"), value=code, first_row=seen[code]))
        seen.setdefault(code, row)
        if rec["max_points"] is not None and rec["max_points"] <= 0:
            problems.append(error("max_points_invalid", **table.at(row, "max_points"), value=rec["max_points"]))
        item = (rec["plan_item"] or "").upper()
        if item and item not in C.PLAN_ITEM_CODES:
            item = C.plan_item_by_header(rec["plan_item"]) or ""
            if not item:
                problems.append(
                    error(
                        "plan_item_unknown",
                        **table.at(row, "plan_item"),
                        value=rec["plan_item"],
                        allowed=", ".join(C.PLAN_ITEM_CODES),
                    )
                )
        records.append(
            {
                "code": code,
                "content": rec["content"],
                "max_points": rec["max_points"],
                "section": rec["section"] or section,
                "plan_item": item or None,
                "position": row,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=CRITERION_COLUMNS)
    total = frame["max_points"].sum()
    if len(frame) and not has_errors(problems) and abs(total - 100) > 1e-9:
        problems.append(warning("criteria_total", sheet=table.sheet, value=_num(total)))
    return {"criteria": frame}, problems


CRITERION_COLUMNS = ["code", "content", "max_points", "section", "plan_item", "position"]


# ---------------------------------------------------------------- periodic sheets


def _resolve_units(
    table: Table, context: Context, rec_rows: list[tuple[int, dict]], problems: list[Problem]
) -> list[str | None]:
    """Units are matched by code, or by name when the code is missing (same normalisation)."""
    by_code = {c.upper(): c for c in context.units["code"]}
    by_name: dict[str, str] = {}
    out = []
    for row, rec in rec_rows:
        code, refused = parse_code(rec.get("unit_code"))
        name, _ = parse_text(rec.get("unit_name"))
        if refused:
            value = rec.get("unit_code")
            problems.append(error(refused, **table.at(row, "unit_code"), value=value, **_said_with(refused, rec)))
            out.append(None)
            continue
        if code:
            unit, key, value = by_code.get(code), "unit_code", code
        else:
            if name and not by_name:
                by_name = {C.fold(n): c for c, n in zip(context.units["code"], context.units["name"])}
            unit, key, value = (by_name.get(C.fold(name)) if name else None), "unit_name", name
        if not code and not name:
            problems.append(error("unit_missing", **table.at(row, "unit_code")))
        elif unit is None:
            problems.append(error("unit_unknown", **table.at(row, key), value=value))
        out.append(unit)
    return out


# The line the template writes under the title ("Kỳ: Quý II/2018") and its usual spellings.
PERIOD_LINE_WORDS = ("ky", "ky bao cao", "ky danh gia")


def _sheet_period(table: Table, context: Context) -> tuple[str | None, Problem | None]:
    """The period of a sheet without a Kỳ column: the choice at upload, else the "Kỳ:" line the
    template asks for, the title, the sheet name and the file name, which must not disagree (a Q3
    scorecard whose "Kỳ:" line was changed to Quý IV is not read as either)."""
    if context.period_choice:
        return context.period_choice, None
    line = title = None
    for text in table.title_lines:
        head, colon, tail = text.partition(":")
        if colon and C.fold(head) in PERIOD_LINE_WORDS:
            if "vi du" not in C.fold(tail):  # the template's own hint, "(ghi ví dụ Quý II/2018)"
                line = line or periods.find_period(tail)
        else:
            title = title or periods.find_period(text)
    found = {
        "period_line": line,
        "title": title,
        "sheet_name": periods.find_period(table.sheet),
        "file_name": periods.find_period(context.filename),
    }
    named = list(dict.fromkeys(p for p in found.values() if p))
    if len(named) > 1:
        said = {key: periods.period_label(p) if p else "—" for key, p in found.items()}
        return None, error("period_conflict", sheet=table.sheet, **said)
    return (named[0] if named else None), None


def _row_periods(table: Table, context: Context, problems: list[Problem]) -> list[str | None]:
    sheet_level, conflict = _sheet_period(table, context)
    valid = context.settings.periods
    out = []
    for row, raw, _s in table.rows:
        period = None
        if context.period_choice:
            period = context.period_choice
        elif "period" in table.columns and not is_blank(raw.get("period")):
            value = raw.get("period")
            period = None if isinstance(value, CellError) else periods.find_period(value)
            if period is None:
                said = value.problem if isinstance(value, CellError) else "period_unreadable"
                problems.append(error(said, **table.at(row, "period"), value=value))
                out.append(None)
                continue
        else:
            period = sheet_level
            if conflict is not None:
                problems.append(conflict)
                conflict = None  # said once for the sheet
        if period is not None and period not in valid:
            problems.append(
                error(
                    "period_outside_plan",
                    sheet=table.sheet,
                    row=row,
                    value=periods.period_label(period),
                    allowed=", ".join(periods.period_label(p) for p in valid),
                )
            )
            period = None
        out.append(period)
    said = ("period_outside_plan", "period_conflict")
    if table.rows and all(p is None for p in out) and not any(p.code in said for p in problems):
        problems.append(error("period_missing", sheet=table.sheet))
    return out


def _check_duplicates(table: Table, keys: list[tuple], problems: list[Problem]) -> None:
    seen = {}
    for (row, _raw, _s), key in zip(table.rows, keys):
        if None in key:
            continue
        if key in seen:
            problems.append(error("unit_duplicate", **table.at(row, "unit_code"), value=key[0], first_row=seen[key]))
        seen.setdefault(key, row)


def check_scores(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    criteria = context.criteria.set_index("code")["max_points"].to_dict()
    if not criteria:
        return {}, [error("criteria_missing", sheet=table.sheet)]
    for code in criteria:
        if code not in table.columns:
            problems.append(error("criterion_column_missing", sheet=table.sheet, row=table.header_row, column=code))
    codes = [c for c in criteria if c in table.columns]
    units = _resolve_units(table, context, [(r, raw) for r, raw, _ in table.rows], problems)
    periods = _row_periods(table, context, problems)
    stages = _row_stages(table, context, problems)
    _check_duplicates(table, list(zip(units, periods, stages)), problems)
    matrix, blank = _points_matrix(table, codes, problems)
    sums = np.nansum(matrix, axis=1)
    kept, meta = [], []
    for i, ((row, raw, _s), unit, period) in enumerate(zip(table.rows, units, periods)):
        if blank[i].all() and is_blank(raw.get("total_given")):
            # a unit listed by the template but not scored yet: nothing to store for it
            problems.append(
                warning(
                    "unit_not_scored", **table.at(row, "unit_code"), value=raw.get("unit_code") or raw.get("unit_name")
                )
            )
            continue
        for j in np.flatnonzero(blank[i]):
            problems.append(warning("points_empty", **table.at(row, codes[j])))
        rec = _typed(table, row, raw, problems)
        _check_given(table, row, rec, float(sums[i]), context.settings, problems)
        kept.append(i)
        meta.append(
            {
                "unit_code": unit,
                "period": period,
                "total_given": rec["total_given"],
                "rating_given": rec["rating_given"] or None,
                "note": rec["note"] or "",
                "stage": stages[i],
            }
        )
    _check_maxima(table, codes, [criteria[c] for c in codes], matrix, problems)
    points = np.nan_to_num(matrix[kept], nan=0.0)
    reasons = _beside_texts(table, codes, C.reason_key, kept, problems)
    evidence = _evidence_frame(table, codes, kept, units, periods, problems)
    _check_reasons(table, context, codes, kept, units, periods, stages, points, reasons, problems)
    frames = {
        # object columns on purpose: 800,000 codes need no conversion to pandas' string type
        "scores": pd.DataFrame(
            {
                "unit_code": pd.Series(
                    np.repeat(np.array([units[i] for i in kept], dtype=object), len(codes)), dtype=object
                ),
                "period": pd.Series(
                    np.repeat(np.array([periods[i] for i in kept], dtype=object), len(codes)), dtype=object
                ),
                "criterion_code": pd.Series(np.tile(np.array(codes, dtype=object), len(kept)), dtype=object),
                "points": points.reshape(-1),
                "stage": pd.Series(
                    np.repeat(np.array([stages[i] for i in kept], dtype=object), len(codes)), dtype=object
                ),
                "reason": pd.Series(reasons.reshape(-1), dtype=object),
            },
            columns=SCORE_COLUMNS,
        ),
        "score_meta": pd.DataFrame.from_records(meta, columns=SCORE_META_COLUMNS),
    }
    if len(evidence):
        frames["evidence"] = evidence
    return frames, problems


# ---------------------------------------------------------------- scoring stages and evidence (#19)


def _row_stages(table: Table, context: Context, problems: list[Problem]) -> list[str]:
    """Each row's stage: the choice at upload, else the row's Giai đoạn cell, else the sheet's
    "Giai đoạn:" line, title or name; else checked (today's cards are the working groups'), said once."""
    if context.stage_choice:
        return [context.stage_choice] * len(table.rows)
    sheet_level = _sheet_stage(table)
    out: list[str] = _Stages()
    defaulted = False
    for row, raw, _s in table.rows:
        value = raw.get("stage") if "stage" in table.columns else None
        if value is not None and not is_blank(value) and not isinstance(value, CellError):
            stage = C.parse_stage(value)
            if stage is None:
                allowed = ", ".join(s.name for s in C.STAGES)
                problems.append(error("stage_unknown", **table.at(row, "stage"), value=value, allowed=allowed))
                out.append(C.DEFAULT_STAGE)
                continue
            out.append(stage.key)
        elif sheet_level:
            out.append(sheet_level)
        else:
            out.append(C.DEFAULT_STAGE)
            out.defaulted.add(len(out) - 1)
            defaulted = True
    if defaulted:
        problems.append(warning("stage_default", sheet=table.sheet, stage=C.STAGE_BY_KEY[C.DEFAULT_STAGE].name))
    return out


class _Stages(list):
    """Each row's stage, and which rows took the default (their unexplained changes are warnings)."""

    def __init__(self):
        super().__init__()
        self.defaulted: set[int] = set()


def _sheet_stage(table: Table) -> str | None:
    """The stage a sheet's "Giai đoạn:" line names, else its title, else its name."""
    for text in table.title_lines:
        head, colon, tail = text.partition(":")
        if colon and C.fold(head) in C.STAGE_LINE_WORDS:
            stage = C.parse_stage(tail) or C.find_stage(tail)
            if stage:
                return stage.key
    for text in [*table.title_lines, table.sheet]:
        head, colon, tail = text.partition(":")
        if colon and (C.fold(head) in C.STAGE_LINE_WORDS or C.fold(head) in PERIOD_LINE_WORDS):
            continue  # the template's hint line names every stage; a Kỳ line none
        stage = C.find_stage(text)
        if stage:
            return stage.key
    return None


def _beside_texts(table: Table, codes: list[str], key_of, kept: list[int], problems: list[Problem]) -> np.ndarray:
    """The texts of the columns beside each criterion (key_of: C.reason_key), kept rows x criteria,
    None where empty."""
    out = np.full((len(kept), len(codes)), None, dtype=object)
    for j, code in enumerate(codes):
        key = key_of(code)
        if key not in table.columns:
            continue
        for k, i in enumerate(kept):
            row, raw, _s = table.rows[i]
            value = raw.get(key)
            if is_blank(value):
                continue
            text, problem = parse_text(value)
            if problem:
                problems.append(error(problem, **table.at(row, key), value=value))
            elif text:
                out[k, j] = C.clean_text(text)
    return out


LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _evidence_frame(
    table: Table,
    codes: list[str],
    kept: list[int],
    units: list,
    periods: list,
    problems: list[Problem],
) -> pd.DataFrame:
    """One row per non-empty evidence cell: a short text and a link (the cell's first web address),
    or a file name the office keeps, as text."""
    texts = _beside_texts(table, codes, C.evidence_key, kept, problems)
    records = []
    for k, i in enumerate(kept):
        for j, code in enumerate(codes):
            text = texts[k, j]
            if not text:
                continue
            found = LINK.search(text)
            link = found.group(0).rstrip(".,;)") if found else None
            if link:
                text = C.clean_text(text.replace(link, " ").strip(" -–:;,()")) or None
            records.append(
                {"unit_code": units[i], "period": periods[i], "criterion_code": code, "text": text, "link": link}
            )
    return pd.DataFrame.from_records(records, columns=EVIDENCE_COLUMNS)


def _check_reasons(
    table: Table,
    context: Context,
    codes: list[str],
    kept: list[int],
    units: list,
    periods: list,
    stages: list[str],
    points: np.ndarray,
    reasons: np.ndarray,
    problems: list[Problem],
) -> None:
    """A checked card's criterion that differs from the unit's self-score for the same period needs
    the group's reason: without one, an error naming the unit and the criterion. A card that names no
    stage (taken as checked: the workbooks made before #19, said by the stage_default warning) is not
    held to it: only a card the file or the upload names as the group's check is."""
    defaulted = getattr(stages, "defaulted", set())  # no stage named: taken as checked, not held to the rule
    checked = [
        k for k, i in enumerate(kept) if stages[i] == "checked" and i not in defaulted and units[i] and periods[i]
    ]
    if not checked:
        return
    own: dict[tuple, float] = {}
    for k, i in enumerate(kept):
        if stages[i] == "self" and units[i] and periods[i]:
            own.update({(units[i], periods[i], c): float(points[k, j]) for j, c in enumerate(codes)})
    wanted = sorted({periods[kept[k]] for k in checked})
    if context.self_points is not None:
        stored = context.self_points(wanted)
        mine = {(units[kept[k]], periods[kept[k]]) for k in checked}
        for unit, period, code, value in zip(
            stored["unit_code"], stored["period"], stored["criterion_code"], stored["points"]
        ):
            if (unit, period) in mine:
                own.setdefault((unit, period, code), float(value))
    if not own:
        return
    names = dict(zip(context.units["code"], context.units["name"]))
    for k in checked:
        i = kept[k]
        row, raw, _s = table.rows[i]
        for j, code in enumerate(codes):
            self_points = own.get((units[i], periods[i], code))
            if self_points is None or abs(self_points - points[k, j]) < 1e-9 or reasons[k, j]:
                continue
            problems.append(
                error(
                    "reason_required",
                    **table.at(row, code),
                    value=_num(points[k, j]),
                    who=_unit_of({"unit_code": units[i]}, names),
                    criterion=code,
                    own=_num(self_points),
                    period=periods_label(periods[i]),
                )
            )


def periods_label(period: str) -> str:
    return periods.period_label(period)


def _points_matrix(table: Table, codes: list[str], problems: list[Problem]) -> tuple[np.ndarray, np.ndarray]:
    """Points as a rows x criteria matrix (NaN where empty or unreadable) and where cells are empty.
    Numbers pass straight through; only text cells ("8,5") go through the cell parser."""
    n = len(table.rows)
    matrix = np.full((n, len(codes)), np.nan)
    blank = np.zeros((n, len(codes)), dtype=bool)
    for j, code in enumerate(codes):
        column = [raw[code] for _r, raw, _s in table.rows]
        if all(type(v) is float or type(v) is int for v in column):
            # the usual case, a column of numbers: one conversion for the whole column
            matrix[:, j] = np.array(column, dtype=float)
            continue
        for i, value in enumerate(column):
            row = table.rows[i][0]
            kind = type(value)
            if kind is float or kind is int:
                matrix[i, j] = value
                continue
            points, problem = parse_number(value)
            if problem:
                said = "points_not_number" if problem == "not_number" else problem  # an error cell
                problems.append(error(said, **table.at(row, code), value=value))
            elif points is None:
                blank[i, j] = True
            else:
                matrix[i, j] = points
    return matrix, blank


def _check_maxima(
    table: Table, codes: list[str], maxima: list[float], matrix: np.ndarray, problems: list[Problem]
) -> None:
    """Negative points and points above a criterion's maximum, found for the whole sheet at once."""
    with np.errstate(invalid="ignore"):
        negative = np.argwhere(matrix < 0)
        above = np.argwhere(matrix > np.array(maxima) + 1e-9)
    for i, j in negative:
        problems.append(error("points_negative", **table.at(table.rows[i][0], codes[j]), value=_num(matrix[i, j])))
    for i, j in above:
        problems.append(
            error(
                "points_above_max",
                **table.at(table.rows[i][0], codes[j]),
                value=_num(matrix[i, j]),
                maximum=_num(maxima[j]),
            )
        )


SCORE_COLUMNS = ["unit_code", "period", "criterion_code", "points", "stage", "reason"]
SCORE_META_COLUMNS = ["unit_code", "period", "total_given", "rating_given", "note", "stage"]
EVIDENCE_COLUMNS = ["unit_code", "period", "criterion_code", "text", "link"]


def _check_given(table: Table, row: int, rec: dict, total: float, settings: Settings, problems: list[Problem]) -> None:
    """A Tổng điểm or Xếp loại column is only checked against the sum: warnings, never errors."""
    given = rec.get("total_given")
    if given is not None and abs(given - total) > 0.001:
        problems.append(
            warning("total_differs", **table.at(row, "total_given"), value=_num(given), computed=_num(total))
        )
    word = rec.get("rating_given")
    if word:
        rating = C.parse_rating(word, settings.scale)
        expected = C.rating_for(total, settings.scale)
        if rating is None or rating == "special":
            problems.append(warning("rating_given_unknown", **table.at(row, "rating_given"), value=word))
        elif expected is not None and rating.name != expected.name:
            problems.append(
                warning(
                    "rating_given_differs",
                    **table.at(row, "rating_given"),
                    value=word,
                    expected=expected.name,
                    computed=_num(total),
                )
            )


def check_reports(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    units = _resolve_units(table, context, [(r, raw) for r, raw, _ in table.rows], problems)
    periods = _row_periods(table, context, problems)
    _check_duplicates(table, list(zip(units, periods)), problems)
    items = [code for code in C.PLAN_ITEM_CODES if code in table.columns]
    reports, statuses = [], []
    for (row, raw, _s), unit, period in zip(table.rows, units, periods):
        if all(is_blank(raw.get(k)) for k in raw if k not in ("unit_code", "unit_name", "period")):
            problems.append(
                warning(
                    "report_empty", **table.at(row, "unit_code"), value=raw.get("unit_code") or raw.get("unit_name")
                )
            )
            continue
        rec = _typed(table, row, raw, problems)
        for key in ("activities", "participants", "trained", "admitted", "funds"):
            if rec[key] is not None and rec[key] < 0:
                problems.append(error("number_negative", **table.at(row, key), value=_num(rec[key])))
        for code in items:
            value = raw.get(code)
            if is_blank(value):
                continue
            if isinstance(value, CellError):
                problems.append(error(value.problem, **table.at(row, code), value=value))
                continue
            status = C.parse_status(value)
            if status is None:
                problems.append(
                    error("status_unknown", **table.at(row, code), value=value, allowed=", ".join(C.STATUS_NAMES))
                )
                continue
            statuses.append({"unit_code": unit, "period": period, "item_code": code, "status": status.key})
        reports.append({"unit_code": unit, "period": period, **{k: rec[k] for k in REPORT_FIELDS}})
    frames = {
        "reports": pd.DataFrame.from_records(reports, columns=["unit_code", "period", *REPORT_FIELDS]),
        "statuses": pd.DataFrame.from_records(statuses, columns=STATUS_COLUMNS),
    }
    return frames, problems


REPORT_FIELDS = [
    "activities",
    "participants",
    "trained",
    "admitted",
    "funds",
    "difficulties",
    "proposals",
    "models",
    "meeting_date",
    "reporter",
]
STATUS_COLUMNS = ["unit_code", "period", "item_code", "status"]

# ---------------------------------------------------------------- support plans and meetings (#15)


def check_support(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    """A support plan: one row per action for a unit. A row without its unit takes the unit named by
    the section row above it ("1. Đoàn Luật sư Thành phố"), as plans are often laid out."""
    problems = _missing_columns(table)
    rows = [(row, _with_section_unit(raw, section, context)) for row, raw, section in table.rows]
    units = _resolve_units(table, context, rows, problems)
    records, numbers = [], {}
    for (row, raw), unit in zip(rows, units):
        if all(is_blank(v) for k, v in raw.items() if k not in ("unit_code", "unit_name")):
            # a unit listed before its actions are known: nothing to store for it
            said = raw.get("unit_code") or raw.get("unit_name")
            problems.append(warning("report_empty", **table.at(row, "unit_code"), value=said))
            continue
        rec = _typed(table, row, raw, problems)
        item = _plan_item(table, row, rec["item_code"], problems)
        status = _action_status(table, row, raw.get("status"), problems)
        numbers[unit] = numbers.get(unit, 0) + 1
        records.append(
            {
                "unit_code": unit,
                "action_no": numbers[unit],
                "item_code": item,
                "action": rec["action"],
                "owner": rec["owner"],
                "due": rec["due"],
                "partner": rec["partner"] or "",
                "status": status,
                "result": rec["result"] or "",
                "evidence": rec["evidence"] or "",
                "assessment": rec["assessment"] or "",
                "agreed_date": rec["agreed_date"],
                "agreed": rec["agreed"] or "",
                "meeting_date": rec["meeting_date"],
            }
        )
    return {"support_actions": pd.DataFrame.from_records(records, columns=ACTION_COLUMNS)}, problems


ACTION_COLUMNS = [
    "unit_code",
    "action_no",
    "item_code",
    "action",
    "owner",
    "due",
    "partner",
    "status",
    "result",
    "evidence",
    "assessment",
    "agreed_date",
    "agreed",
    "meeting_date",
]
SECTION_NUMBER = re.compile(r"^\s*(?:[IVX]+|[A-Za-z]|\d+)\s*[.):-]\s+")


def _with_section_unit(raw: dict, section: str, context: Context) -> dict:
    if not section or not all(is_blank(raw.get(k)) for k in ("unit_code", "unit_name")):
        return raw
    text = SECTION_NUMBER.sub("", section)
    code = C.normal_code(text)
    if code in set(context.units["code"]):
        return {**raw, "unit_code": code}
    names = {C.fold(n) for n in context.units["name"]}
    return {**raw, "unit_name": text} if C.fold(text) in names else raw


def _plan_item(table: Table, row: int, value: object, problems: list[Problem]) -> str | None:
    """'RS', 'rs', 'RS - Rà soát cán bộ' or the item's name -> 'RS'."""
    if not value:
        return None
    item = C.plan_item_by_header(value)
    if item is None:
        problems.append(
            error("plan_item_unknown", **table.at(row, "item_code"), value=value, allowed=", ".join(C.PLAN_ITEM_CODES))
        )
    return item


def _action_status(table: Table, row: int, value: object, problems: list[Problem]) -> str:
    """An action's status key; empty is not started. "Quá hạn" is the app's to say: read as not
    started, with a warning saying so."""
    if "status" not in table.columns or is_blank(value) or isinstance(value, CellError):
        return "not_started"  # an error cell is said by _typed
    status = C.parse_status(value)
    if status is not None:
        return status.key
    if C.fold(value) in C.OVERDUE_WORDS:
        problems.append(warning("status_overdue_typed", **table.at(row, "status"), value=value))
        return "not_started"
    problems.append(error("status_unknown", **table.at(row, "status"), value=value, allowed=", ".join(C.STATUS_NAMES)))
    return "not_started"


def _unit_by_code_or_name(context: Context) -> dict[str, str]:
    """Every unit's code and folded name -> its code (codes as typed keys, names folded)."""
    out = {C.fold(n): c for c, n in zip(context.units["code"], context.units["name"])}
    out.update({c: c for c in context.units["code"]})
    return out


def _find_unit(value: object, known: dict[str, str]) -> str | None:
    code = C.normal_code(value)
    return known.get(code) if code in known else known.get(C.fold(value))


def check_reinforcements(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    """Cadres sent to reinforce a unit: the unit they go to must be known; the one they come from may
    be a unit (kept as its code) or another body (kept as written)."""
    problems = _missing_columns(table)
    known = _unit_by_code_or_name(context)
    records = []
    for row, raw, _section in table.rows:
        rec = _typed(table, row, raw, problems)
        to = raw.get("to_unit")
        to_code = None
        if not is_blank(to) and not isinstance(to, CellError):
            to_code = _find_unit(to, known)
            if to_code is None:
                problems.append(error("unit_unknown", **table.at(row, "to_unit"), value=C.clean_text(to)))
        origin = rec["from_unit"] or ""
        origin = _find_unit(origin, known) or origin if origin else ""
        if rec["start"] and rec["end"] and rec["end"] < rec["start"]:
            problems.append(
                error(
                    "dates_reversed",
                    **table.at(row, "end"),
                    value=i18n.fmt_date(rec["end"]),
                    start=i18n.fmt_date(rec["start"]),
                )
            )
        records.append(
            {
                "name": rec["name"],
                "from_unit": origin,
                "to_unit": to_code,
                "start": rec["start"],
                "end": rec["end"],
                "task": rec["task"] or "",
                "position": row,
            }
        )
    return {"reinforcements": pd.DataFrame.from_records(records, columns=REINFORCEMENT_COLUMNS)}, problems


REINFORCEMENT_COLUMNS = ["name", "from_unit", "to_unit", "start", "end", "task", "position"]


def check_meetings(table: Table, context: Context) -> tuple[dict, list[Problem]]:
    """Working-group minutes: one row per meeting. Its quarter is the quarter of its date; the units
    it discussed are named by code or name."""
    problems = _missing_columns(table)
    known = _unit_by_code_or_name(context)
    records, seen = [], {}
    quarters = context.settings.quarters
    for row, raw, _section in table.rows:
        rec = _typed(table, row, raw, problems)
        group, day = rec["group_no"], rec["meeting_date"]
        if group is not None and context.groups and group not in context.groups:
            problems.append(
                error(
                    "group_unknown",
                    **table.at(row, "group_no"),
                    value=group,
                    allowed=", ".join(f"Tổ {g}" for g in context.groups),
                )
            )
        codes = []
        named = raw.get("units_discussed")
        named = "" if is_blank(named) or isinstance(named, CellError) else str(named)
        for part in MEETING_UNITS_SPLIT.split(named):
            part = C.clean_text(part)
            if not part:
                continue
            code = _find_unit(part, known)
            if code is None:
                problems.append(error("unit_unknown", **table.at(row, "units_discussed"), value=part))
            elif code not in codes:
                codes.append(code)
        period = None
        if day is not None:
            period = periods.quarter_code(day.year, (day.month - 1) // 3 + 1)
            if period not in quarters:
                problems.append(
                    warning(
                        "meeting_outside_plan",
                        **table.at(row, "meeting_date"),
                        value=i18n.fmt_date(day),
                        allowed=", ".join(periods.period_label(q) for q in quarters),
                    )
                )
        if group is not None and day is not None:
            first = seen.setdefault((group, day), row)
            if first != row:
                problems.append(
                    error(
                        "meeting_duplicate",
                        **table.at(row, "meeting_date"),
                        value=i18n.fmt_date(day),
                        group=group,
                        first_row=first,
                    )
                )
        records.append(
            {
                "group_no": group,
                "meeting_date": day,
                "period": period,
                "place": rec["place"] or "",
                "present": rec["present"] or "",
                "absent": rec["absent"] or "",
                "units_discussed": ",".join(codes),
                "conclusions": rec["conclusions"] or "",
                "solutions": rec["solutions"] or "",
            }
        )
    return {"meetings": pd.DataFrame.from_records(records, columns=MEETING_COLUMNS)}, problems


MEETING_UNITS_SPLIT = re.compile(r"[,;\n]+")
MEETING_COLUMNS = [
    "group_no",
    "meeting_date",
    "period",
    "place",
    "present",
    "absent",
    "units_discussed",
    "conclusions",
    "solutions",
]

CHECKERS = {
    "units": check_units,
    "groups": check_groups,
    "criteria": check_criteria,
    "scores": check_scores,
    "reports": check_reports,
    "support": check_support,
    "reinforcements": check_reinforcements,
    "meetings": check_meetings,
}


def _num(value: float) -> str:
    """Vietnamese number in messages: 8,5 not 8.5."""
    return i18n.fmt_number(value, "vi", 2)
