"""One family of errors: a code and its parameters, put into words late, in the reader's language.

Every code is declared once, in Code (as pandera closes its reasons in SchemaErrorReason); each error
class names its code, as frictionless's error classes name their type. The text is the catalogue's
`error.<code>` (i18n.py), so the CLI and the pages say the same thing with `exc.message(lang)`.
Errors that carry problem records (problems.Unreadable, ingest.SeedError) say those records instead.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import ClassVar

from . import i18n


class Exit(IntEnum):
    """What `python -m doandata` exits with."""

    OK = 0  # done, or nothing needed doing
    REFUSED = 1  # refused, every reason said
    UNREADABLE = 2  # the file, the store or the arguments cannot be used at all


class Code(StrEnum):
    DUPLICATE_UPLOAD = "duplicate_upload"  # store.DuplicateUpload
    UNKNOWN_UPLOAD = "unknown_upload"  # store.UnknownUpload
    NOT_SQLITE = "not_sqlite"  # backup.NotSQLite
    NOT_A_BACKUP = "not_a_backup"  # backup.NotABackup
    NEWER_STORE = "newer_store"  # migrate.NewerStore
    NEWER_BACKUP = "newer_backup"  # backup.NewerBackup
    DISK_FULL = "disk_full"  # backup.DiskFull
    READ_ONLY_STORE = "read_only_store"  # store.ReadOnlyStore
    SEED_REFUSED = "seed_refused"  # ingest.SeedError
    UNREADABLE = "unreadable"  # problems.Unreadable
    UNSAFE = "unsafe"  # safety.Unsafe
    EDITOR_REQUIRED = "editor_required"  # store.EditorRequired
    UNKNOWN_ACTION = "unknown_action"  # store.UnknownAction
    EDIT_REFUSED = "edit_refused"  # store.EditRefused
    COMMENDATION_REFUSED = "commendation_refused"  # commendations.Refused
    NOTHING_TO_APPROVE = "nothing_to_approve"  # store.NothingToApprove (#19)
    UNKNOWN_GROUP = "unknown_group"  # store.UnknownGroup


class DoanError(Exception):
    """The base of every error the app expects and explains."""

    code: ClassVar[Code]
    exit_status: ClassVar[Exit] = Exit.REFUSED

    def __init__(self, **params):
        super().__init__(self.code.value)
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return i18n.t(f"error.{self.code}", lang, **{k: _shown(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:  # what a log or a traceback shows
        return self.message("en")


def _shown(value: object, lang: str) -> object:
    """A stored time is shown in the office's time zone, in the reader's form."""
    return i18n.fmt_datetime(value, lang) if isinstance(value, dt.datetime) else value
