"""Configuration from the environment (or values a page passes in from st.secrets), with defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULT_MAX_UPLOAD_MB = 20
# An editor's sign-in lasts this long (a working day), then the password is asked again.
DEFAULT_EDITOR_SESSION_HOURS = 8.0
# A workbook that unpacks to more than this is refused before it is parsed.
DEFAULT_MAX_UNPACKED_MB = 200


def _setting(secrets: Mapping | None, key: str, env: str):
    """A value from secrets.toml, else from the environment, else None."""
    return (secrets or {}).get(key) or os.environ.get(env) or None


def editor_password_hash(secrets: Mapping | None = None) -> str | None:
    return _setting(secrets, "editor_password_hash", "DOANDATA_EDITOR_PASSWORD_HASH")


def editor_session_hours(secrets: Mapping | None = None) -> float:
    """How long an editor's sign-in lasts, in hours (a session id that leaked is worth no more)."""
    value = _setting(secrets, "editor_session_hours", "DOANDATA_EDITOR_SESSION_HOURS")
    try:
        return max(0.0, float(value)) if value else DEFAULT_EDITOR_SESSION_HOURS
    except ValueError:
        return DEFAULT_EDITOR_SESSION_HOURS


def trusted_proxies(secrets: Mapping | None = None) -> int:
    """How many reverse proxies stand in front of the app (0: none, X-Forwarded-For is ignored)."""
    value = _setting(secrets, "trusted_proxies", "DOANDATA_TRUSTED_PROXIES")
    try:
        return max(0, int(value)) if value else 0
    except ValueError:
        return 0


def max_upload_bytes(secrets: Mapping | None = None) -> int:
    value = _setting(secrets, "max_upload_mb", "DOANDATA_MAX_UPLOAD_MB")
    try:
        return int(float(value) * 2**20) if value else DEFAULT_MAX_UPLOAD_MB * 2**20
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB * 2**20


def max_unpacked_bytes() -> int:
    value = os.environ.get("DOANDATA_MAX_UNPACKED_MB")
    return int(float(value) * 2**20) if value else DEFAULT_MAX_UNPACKED_MB * 2**20


class ParseLimits:
    """Bounds of one workbook parse (in a child process): memory, CPU and wall time, sheet size."""

    def __init__(self):
        env = os.environ.get
        self.memory = int(float(env("DOANDATA_PARSE_MEMORY_MB", "3072")) * 2**20)
        self.cpu_seconds = int(env("DOANDATA_PARSE_CPU_SECONDS", "60"))
        self.wall_seconds = int(env("DOANDATA_PARSE_SECONDS", "90"))
        self.max_rows = int(env("DOANDATA_MAX_ROWS", "100000"))
        self.max_cols = int(env("DOANDATA_MAX_COLUMNS", "1000"))


def parse_limits() -> ParseLimits:
    return ParseLimits()
