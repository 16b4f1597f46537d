"""What one upload would store and what the store already knows: the two things validation and
the store hand each other, kept below both so neither imports the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .problems import Problem, has_errors
from .settings import Settings

# What a support plan and working-group minutes store (issue #15), one row each per action,
# reinforcement and meeting.
SUPPORT_FRAMES = ("support_actions", "reinforcements", "meetings")


@dataclass
class Context:
    """What the store already knows and what the user chose at upload."""

    units: pd.DataFrame  # code, name
    criteria: pd.DataFrame  # code, max_points, ...
    settings: Settings = field(default_factory=Settings)
    period_choice: str | None = None
    filename: str = ""
    groups: list[int] | None = None  # the working groups the store knows (None: not asked)
    # Scoring in stages (#19): the stage chosen at upload (a contract.STAGES key), and the store's
    # current self-score cards of some periods (unit_code, period, criterion_code, points), asked
    # only when a checked card comes in (its changed criteria need a reason).
    stage_choice: str | None = None
    self_points: Callable[[list[str]], pd.DataFrame] | None = None


@dataclass
class Batch:
    """Everything one upload would store, as frames keyed by store table."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def rows(self) -> int:
        return sum(
            len(self.frames[k])
            for k in ("units", "members", "criteria", "score_meta", "reports", *SUPPORT_FRAMES)
            if k in self.frames
        )

    def units_touched(self) -> int:
        codes = set()
        for key in ("units", "score_meta", "reports", "support_actions"):
            if key in self.frames:
                codes |= set(self.frames[key]["unit_code"])
        return len(codes)
