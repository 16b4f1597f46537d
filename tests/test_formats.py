"""Numbers, dates and empty cells as people read them, in Vietnamese and English (Babel, not the
process locale)."""

import datetime as dt
import locale
import subprocess

import numpy as np
import pandas as pd
import pytest

from doandata import i18n
from doandata.cells import is_blank


@pytest.mark.parametrize(
    "value, lang, decimals, text",
    [
        (8.5, "vi", 1, "8,5"),
        (8.5, "en", 1, "8.5"),
        (63.0, "vi", 1, "63"),
        (1500000, "vi", 0, "1.500.000"),
        (1234567.891, "en", 2, "1,234,567.89"),
        (2.25, "vi", 1, "2,2"),  # the float's exact value, half to even, as before Babel
        (0.05, "vi", 1, "0,1"),  # 0.05 is a little above a half
        (np.float64(66.25), "vi", 2, "66,25"),
        (None, "vi", 1, "—"),
        (float("nan"), "en", 1, "—"),
        (pd.NA, "vi", 1, "—"),
    ],
)
def test_numbers(value, lang, decimals, text):
    assert i18n.fmt_number(value, lang, decimals) == text


def test_signed_numbers():
    assert (i18n.fmt_signed(11, "vi"), i18n.fmt_signed(-5.5, "vi"), i18n.fmt_signed(0, "vi")) == ("+11", "-5,5", "0")


def test_dates_do_not_depend_on_the_process_locale(monkeypatch, tmp_path):
    # a French LC_TIME, made for this test (strftime's %b would say "juin")
    subprocess.run(["localedef", "-i", "fr_FR", "-f", "UTF-8", str(tmp_path / "fr_FR.UTF-8")], check=True)
    monkeypatch.setenv("LOCPATH", str(tmp_path))
    before = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "fr_FR.UTF-8")
    try:
        day = dt.date(2018, 6, 28)
        assert day.strftime("%b") == "juin"
        assert (i18n.fmt_date(day, "vi"), i18n.fmt_date(day, "en")) == ("28/06/2018", "28 Jun 2018")
        assert i18n.fmt_date(pd.Timestamp("2018-06-28"), "vi") == "28/06/2018"
    finally:
        locale.setlocale(locale.LC_TIME, before)


def test_stored_times_are_shown_in_vietnam_time(monkeypatch):
    monkeypatch.delenv("DOANDATA_TZ", raising=False)
    at = dt.datetime(2018, 6, 28, 20, 5)  # stored in UTC
    assert i18n.fmt_datetime(at, "vi") == "29/06/2018 03:05"
    assert i18n.fmt_datetime(pd.Timestamp(at, tz="UTC"), "en") == "29 Jun 2018 03:05"
    monkeypatch.setenv("DOANDATA_TZ", "UTC")
    assert i18n.fmt_datetime(at, "vi") == "28/06/2018 20:05"


@pytest.mark.parametrize("value", [None, "", "  \u00a0", float("nan"), np.nan, np.float32("nan"), pd.NA, pd.NaT])
def test_blank_values(value):
    assert is_blank(value) and i18n.fmt_date(value) == "—" and i18n.text_or_dash(value) == "—"


@pytest.mark.parametrize("value", [0, 0.0, "x", "0", False, dt.date(2018, 1, 1), np.float64(0)])
def test_values_that_are_not_blank(value):
    assert not is_blank(value)
