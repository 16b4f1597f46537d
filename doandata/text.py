"""User text normalised two ways: a key for matching words, and the form in which it is stored."""

from __future__ import annotations

import re
import unicodedata


def fold(text: object) -> str:
    """Case-, spacing-, diacritic- and Unicode-form-insensitive key for matching words."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return " ".join(s.split())


def clean_text(value: object) -> str:
    """User text as stored: NFC, trimmed, inner whitespace collapsed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    return " ".join(s.split())
