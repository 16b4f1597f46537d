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


# C0 and C1 control characters (tab, line feed and carriage return are whitespace and stay), and the
# bidi marks, embeddings, overrides and isolates that make text show in another order than it is
# stored: an .xlsx writes them as _x0001_, an .ods as &#1;, an .xls as they are.
UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Text without control characters and bidi overrides, which nobody types on purpose."""
    return UNSEEN.sub("", text)


def clean_text(value: object) -> str:
    """User text as stored: no control characters, NFC, trimmed, inner whitespace collapsed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", strip_controls(str(value))).replace("\u00a0", " ")
    return " ".join(s.split())


def normal_code(value: object) -> str:
    """A code as compared and stored: NFKC (a fullwidth ＤＬＳ is DLS), without invisible characters
    (a zero-width space, a soft hyphen, a control), trimmed, upper case."""
    s = unicodedata.normalize("NFKC", str(value))
    return "".join(ch for ch in s if unicodedata.category(ch) not in ("Cf", "Cc")).strip().upper()


# What XML 1.0 cannot hold: the C0 controls other than tab, LF and CR, lone surrogates, U+FFFE/FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text a workbook or a Word document can store: what XML cannot hold is dropped, so a name
    that came in before names were cleaned (or from an old backup) never breaks a document."""
    return NOT_XML.sub("", text)
