"""Configuration from the environment (or values a page passes in from st.secrets), with defaults."""
from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULT_MAX_UPLOAD_MB = 20
# A workbook that unpacks to more than this is refused before it is parsed.
DEFAULT_MAX_UNPACKED_MB = 200


def editor_password_hash(secrets: Mapping | None = None) -> str | None:
    value = (secrets or {}).get("editor_password_hash") or os.environ.get("DOANDATA_EDITOR_PASSWORD_HASH")
    return value or None


def max_upload_bytes(secrets: Mapping | None = None) -> int:
    value = (secrets or {}).get("max_upload_mb") or os.environ.get("DOANDATA_MAX_UPLOAD_MB")
    try:
        return int(float(value) * 2**20) if value else DEFAULT_MAX_UPLOAD_MB * 2**20
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB * 2**20


def max_unpacked_bytes() -> int:
    value = os.environ.get("DOANDATA_MAX_UNPACKED_MB")
    return int(float(value) * 2**20) if value else DEFAULT_MAX_UNPACKED_MB * 2**20
