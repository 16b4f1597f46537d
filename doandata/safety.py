"""Checks made at start-up, so the app fails closed rather than run unprotected."""

from __future__ import annotations

from .errors import Code, DoanError, Exit


class Unsafe(DoanError):
    code = Code.UNSAFE
    exit_status = Exit.UNREADABLE


def require_defused_xml() -> None:
    """openpyxl parses XML with entity expansion off only when defusedxml is installed."""
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise Unsafe()
