"""Data model of the business-to-business meeting scheduling problem and its result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SESSIONS = ("morning", "afternoon")
MEETING_SESSIONS = ("morning", "afternoon", "either")
DEFAULT_FAIRNESS = 2

Status = Literal["optimal", "feasible", "infeasible", "unknown"]


class InvalidInstanceError(ValueError):
    """Raised when an instance breaks the input rules; carries every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("invalid instance:\n" + "\n".join(f"- {p}" for p in self.problems))


@dataclass(frozen=True)
class Slot:
    id: str
    session: str


@dataclass(frozen=True)
class Participant:
    id: str
    unavailable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, str]
    session: str = "either"
    fixed_slot: str | None = None
    # Meetings that must take place in a strictly earlier slot than this one.
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instance:
    slots: tuple[Slot, ...]
    tables: int
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    fairness: int | None = DEFAULT_FAIRNESS
    name: str = ""


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: int


@dataclass
class Result:
    status: Status
    breaks: int | None
    lower_bound: int
    seconds: float
    assignments: list[Assignment] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    engine: str = ""

    @property
    def gap(self) -> int | None:
        """Breaks that the schedule may have beyond the optimum (0 once proved optimal)."""
        return None if self.breaks is None else self.breaks - self.lower_bound
