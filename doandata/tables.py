"""Frames as the pages and reports show them: catalogue headers, Vietnamese numbers, words not codes."""
from __future__ import annotations

import pandas as pd

from . import i18n


def _num(series: pd.Series, lang: str, signed: bool = False) -> list[str]:
    fmt = i18n.fmt_signed if signed else i18n.fmt_number
    return [fmt(v, lang) for v in series]


def progress_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The overview's table: one row per unit, sorted by status then by change."""
    order = {"behind": 0, "at_risk": 1, "on_track": 2}
    data = frame.assign(_o=frame["status"].map(order).fillna(3)).sort_values(["_o", "delta"])
    return pd.DataFrame({
        i18n.t("col.unit_code", lang): data["unit_code"],
        i18n.t("col.unit_name", lang): data["unit_name"],
        i18n.t("col.cluster", lang): data["cluster"].astype("Int64"),
        i18n.t("col.special", lang): [i18n.t("yes" if s else "no", lang) for s in data["special"]],
        i18n.t("col.baseline_total", lang): _num(data["baseline_total"], lang),
        i18n.t("col.total", lang): _num(data["total"], lang),
        i18n.t("col.delta", lang): _num(data["delta"], lang, signed=True),
        i18n.t("col.rating", lang): [i18n.rating_name(r, lang) for r in data["rating"]],
        i18n.t("col.expected_total", lang): _num(data["expected_total"], lang),
        i18n.t("col.target_total", lang): _num(data["target_total"], lang),
        i18n.t("col.status", lang): [i18n.t(f"status.{s or 'no_data'}", lang) for s in data["status"]],
        i18n.t("col.recognised", lang): [i18n.t("yes" if r else "no", lang) for r in data["recognised"]],
        i18n.t("col.items_done", lang): data["items_done"],
    }).reset_index(drop=True)


def criteria_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("col.criterion", lang): frame["code"] + " — " + frame["content"].fillna(""),
        i18n.t("col.max_points", lang): _num(frame["max_points"], lang),
        i18n.t("col.baseline_points", lang): _num(frame["baseline_points"], lang),
        i18n.t("col.points", lang): _num(frame["points"], lang),
        i18n.t("col.change", lang): _num(frame["change"], lang, signed=True),
    })
