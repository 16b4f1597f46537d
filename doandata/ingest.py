"""From uploaded bytes to a checked batch, and from a clean batch to the store.

The CLI, the upload page and the seeding all go through these two functions, so a file is judged
the same way wherever it comes in.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from . import config, periods
from . import contract as C
from .batch import Batch
from .errors import Code, DoanError
from .problems import Unreadable, error
from .read import check_limits, find_tables, read_sheets
from .schema import uploads
from .store import SAMPLE_BY, DuplicateUpload, Imported, Store
from .text import strip_controls
from .validate import check


@dataclass
class Outcome:
    batch: Batch
    sha256: str
    imported: Imported | None = None


FILENAME_LIMIT = uploads.c.filename.type.length


def inspect(data: bytes, filename: str, store: Store, period: str | None = None, stage: str | None = None) -> Outcome:
    """Read and check a workbook against the store; nothing is written. Raises Unreadable. `stage`:
    the scorecards' stage chosen at upload (a key or a word: "self", "tự chấm", "BTV duyệt"), #19."""
    sha = hashlib.sha256(data).hexdigest()
    filename = strip_controls(filename)  # said in messages, kept in the history
    choice = None
    if period:
        choice = periods.normalise_period(period)
        if choice is None:
            batch = Batch(problems=[error("period_choice_invalid", value=period)])
            return Outcome(batch, sha)
    stage_choice = None
    if stage:
        found = C.parse_stage(stage)
        if found is None:
            allowed = ", ".join(s.name for s in C.STAGES)
            return Outcome(
                Batch(problems=[error("stage_choice_invalid", value=strip_controls(stage), allowed=allowed)]), sha
            )
        stage_choice = found.key
    if len(filename) > FILENAME_LIMIT:  # the history keeps it: refused here, not at "Xác nhận lưu"
        return Outcome(Batch(problems=[error("file_name_too_long", length=len(filename), limit=FILENAME_LIMIT)]), sha)
    check_limits(data, filename, config.max_upload_bytes(), config.max_unpacked_bytes())
    sheets = read_sheets(data, filename)
    context = store.context(choice, filename, stage_choice)
    tables, sheet_problems = find_tables(sheets, list(context.criteria["code"]))
    if not tables:
        raise Unreadable("no_table", file=filename)
    if (
        context.units.empty
        and any(t.kind.key in ("scores", "reports", "groups", "support", "reinforcements", "meetings") for t in tables)
        and not any(t.kind.key == "units" for t in tables)
    ):
        return Outcome(Batch(problems=[error("store_empty")]), sha)
    batch = check(tables, context)
    batch.problems.extend(sheet_problems)
    return Outcome(batch, sha)


def import_bytes(
    data: bytes, filename: str, store: Store, period: str | None = None, by: str = "", stage: str | None = None
) -> Outcome:
    """Check, then store all or nothing. Raises Unreadable or store.DuplicateUpload."""
    filename = strip_controls(filename)
    outcome = inspect(data, filename, store, period, stage)
    if outcome.batch.ok:
        outcome.imported = store.import_batch(outcome.batch, filename=filename, sha256=outcome.sha256, by=by)
    return outcome


def sample_dir() -> Path:
    return Path(os.environ.get("DOANDATA_SAMPLE_DIR") or Path(__file__).resolve().parent.parent / "sample_data")


def seed(store: Store, folder: Path | None = None, by: str = SAMPLE_BY) -> list[Outcome]:
    """Load the sample workbooks, in file-name order, each as one upload. A workbook already stored
    (another app instance starting on the same empty store seeds it too) is skipped."""
    outcomes = []
    for path in sorted((folder or sample_dir()).glob("*.xlsx"), key=sample_order):
        data = path.read_bytes()
        try:
            outcome = import_bytes(data, path.name, store, by=by)
        except DuplicateUpload:
            continue
        if not outcome.batch.ok:
            raise SeedError(path.name, outcome.batch.problems)
        outcomes.append(outcome)
    return outcomes


def sample_order(path: Path) -> tuple:
    """By the number a sample file's name starts with, then by the stage its name says (a unit's
    self-score before the group's check before the approval, #19), then by name."""
    stage = C.find_stage(path.stem)
    return (path.name[:2], stage.rank if stage else C.STAGE_BY_KEY[C.DEFAULT_STAGE].rank, path.name)


def ensure_seeded(store: Store) -> bool:
    """First start: an empty store is seeded from sample_data/. True when it seeded now."""
    if not store.is_empty():
        return False
    seed(store)
    return True


class SeedError(DoanError):
    """A sample workbook does not pass its own checks: each problem, said with the file's name."""

    code = Code.SEED_REFUSED

    def __init__(self, filename: str, problems: list):
        super().__init__(file=filename)
        self.filename, self.problems = filename, problems

    def message(self, lang: str = "vi") -> str:
        return "\n".join(f"{self.filename}: {p.line(lang)}" for p in self.problems)
