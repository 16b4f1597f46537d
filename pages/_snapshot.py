"""The store, and what pages read of it: a snapshot of the small frames and the few larger reads,
each cached by the store's version (its newest history id), so an upload through any instance
reaches every instance at its next run."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from doandata import i18n, ingest, metrics, migrate
from doandata.settings import Settings
from doandata.store import Store, default_url
from pages import _filters

log = logging.getLogger("doandata")


@st.cache_resource(show_spinner=False)
def _open(url: str) -> Store:
    s = Store(url)
    ingest.ensure_seeded(s)
    return s


def store() -> Store:
    """The store, or a plain message and a stopped page when it cannot be opened."""
    try:
        return _open(default_url())
    except migrate.NewerStore as exc:
        st.error(exc.message(_filters.language()))
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        unavailable(exc)
    st.stop()


def unavailable(exc: Exception) -> None:
    """The database went away (a restart, the network): say so plainly and stop the page."""
    log.error("store unavailable: %s: %s", type(exc).__name__, str(exc).splitlines()[0][:200] if str(exc) else "")
    st.error(i18n.t("store.unavailable", _filters.language()))
    st.stop()


@dataclass(frozen=True)
class UnitRows:
    """A few units' own rows: totals of every period, plan-item statuses, quarterly reports."""

    totals: pd.DataFrame
    statuses: pd.DataFrame
    reports: pd.DataFrame


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The small frames every page draws from, as the store held them at `version`."""

    url: str
    version: int
    settings: Settings
    units: pd.DataFrame
    criteria: pd.DataFrame
    members: pd.DataFrame
    clusters: pd.DataFrame
    scored_periods: list[str]
    sample: bool = False  # the sample data is (still) in the store

    def default_period(self) -> str:
        """The latest quarter with scores, else the first quarter of the plan."""
        quarters = self.settings.quarters
        have = [p for p in quarters if p in set(self.scored_periods)]
        return have[-1] if have else quarters[0]

    def cluster_numbers(self) -> list[int]:
        return sorted(int(c) for c in self.units["cluster"].dropna().unique())

    def group_numbers(self) -> list[int]:
        return sorted(int(g) for g in self.units["group_no"].dropna().unique())

    def filtered_units(self, f: _filters.Filters, every: bool = False) -> pd.DataFrame:
        """The units of the cluster and group chosen, in the set chosen (every one of them with
        `every`: the unit page reaches a companion too)."""
        chosen = self.units
        if f.cluster:
            chosen = chosen[chosen["cluster"] == f.cluster]
        if f.group:
            chosen = chosen[chosen["group_no"] == f.group]
        return chosen if every else metrics.in_set(chosen, f.shown)

    def progress(self, period: str, units: pd.DataFrame | None = None) -> pd.DataFrame:
        """Every figure of the quarter for the units given (all units when none are)."""
        full = _period_progress(self.url, self.version, period)
        if units is None or len(units) == len(self.units):
            return full
        return full[metrics.among(full["unit_code"], units["unit_code"])].reset_index(drop=True)

    def unit_rows(self, codes) -> UnitRows:
        return _unit_rows(self.url, self.version, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=4)
def _snapshot(url: str, version: int) -> Snapshot:
    """Read once per store version (an upload anywhere, through any instance, makes a new one)."""
    s = _open(url)
    basics = s.basics()
    units = basics.pop("units")
    if len(units) and len(basics["settings"].quarters):
        # who is followed depends on the 2017 result (a scorecard's total or the list's rating)
        groups = metrics.of_period(s, basics["settings"].quarters[0], basics["settings"], units)
        group = units["unit_code"].map(dict(zip(groups["unit_code"], groups["group"]))).astype(object)
        units = units.assign(group=group.where(group.notna(), None))
    else:
        units = units.assign(group=pd.Series(dtype=object))
    return Snapshot(url=url, version=version, units=units, sample=bool(s.sample_uploads()), **basics)


@st.cache_data(show_spinner=False, max_entries=16)
def _period_progress(url: str, version: int, period: str) -> pd.DataFrame:
    """Every unit's figures for one quarter (totals and items done added up in the database)."""
    snap = _snapshot(url, version)
    return metrics.of_period(_open(url), period, snap.settings, snap.units)


@st.cache_data(show_spinner=False, max_entries=64)
def _unit_rows(url: str, version: int, codes: tuple[str, ...]) -> UnitRows:
    return UnitRows(**_open(url).unit_rows(list(codes)))


def load() -> Snapshot:
    """The snapshot of the store as it is now."""
    s = store()
    try:
        return _snapshot(s.url, s.version())
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        unavailable(exc)
