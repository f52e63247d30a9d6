"""Data model of the business-to-business meeting scheduling problem and its result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

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


Value = str | int | tuple[str, ...]


@dataclass(frozen=True)
class Reason:
    """Why an event cannot be scheduled as asked: a code and its values (ids of meetings,
    participants and slots, counts, sessions), put into words and into the reader's language
    by the caller; str() gives plain English for the command line."""

    code: str
    values: tuple[tuple[str, Value], ...]

    ENGLISH: ClassVar[dict[str, str]] = {
        "fixed_wrong_session": (
            "meeting {meeting} is fixed to slot {slot} in the {slot_session} "
            "but must be in the {session}"
        ),
        "fixed_unavailable": (
            "meeting {meeting} is fixed to slot {slot} where participant {participant} "
            "is unavailable"
        ),
        "session_without_slots": (
            "meeting {meeting} must be in the {session} but that session has no slots"
        ),
        "no_common_slot": (
            "meeting {meeting} ({requester} with {invitee}, {session}) has no slot in which "
            "both participants are available"
        ),
        "fixed_clash": (
            "fixed meetings {first} and {second} clash: participant {participant} is in both "
            "in slot {slot}"
        ),
        "fixed_overfull": "slot {slot} has {count} fixed meetings but only {tables} tables",
        "participant_overfull": (
            "participant {participant} has {count} meetings but only {slot_count} "
            "available slots in the allowed sessions"
        ),
        "participant_stuck": (
            "participant {participant} has {count} meetings ({meetings}) that can only use "
            "{slot_count} slots ({slots})"
        ),
        "participant_stuck_ordered": (
            "participant {participant} has {count} meetings ({meetings}) that can only use "
            "{slot_count} slots ({slots}) once the required order of meetings is taken into "
            "account"
        ),
        "session_overfull": (
            "session {session} has {count} meetings but {slot_count} slots × {tables} tables "
            "= {places} places"
        ),
        "event_overfull": (
            "the event has {count} meetings but {slot_count} slots × {tables} tables "
            "= {places} places"
        ),
        "precedence_chain": (
            "meeting {meeting} cannot take place after {predecessors} and before its "
            "successors: the chain of precedences needs more slots than its allowed slots offer"
        ),
        "unfair_found": (
            "no schedule within the fairness bound (d = {fairness}) found in time: the best "
            "complete schedule found gives someone {over} break(s) too many; allow more time "
            "or a larger fairness bound"
        ),
        "incomplete": (
            "no complete schedule found in time: the best attempt placed {placed} of {count} "
            "meetings; allow more time"
        ),
        "fairness_only": (
            "every schedule gives some participants more than {fairness} breaks more than "
            "others; without the fairness rule a schedule exists"
        ),
        "rules_conflict": (
            "the rules cannot all be met together (proved by the solver), although no single "
            "participant or slot is over-full on its own"
        ),
        "partial": "best partial schedule places {placed} of {count} meetings with {breaks} breaks",
        "partial_proved": (
            "best partial schedule places {placed} of {count} meetings with {breaks} breaks "
            "(proved best)"
        ),
    }

    def __str__(self) -> str:
        values = {
            key: ", ".join(value) if isinstance(value, tuple) else value
            for key, value in self.values
        }
        if self.code == "precedence_chain" and not values["predecessors"]:
            values["predecessors"] = "its predecessors"
        return self.ENGLISH[self.code].format(**values)

    def as_dict(self) -> dict:
        """Plain JSON: the code and its values, lists for lists."""
        return {
            "code": self.code,
            "values": {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in self.values
            },
        }


def reason(code: str, **values: Value) -> Reason:
    return Reason(code, tuple(values.items()))


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
    explanation: list[Reason] = field(default_factory=list)
    engine: str = ""

    @property
    def gap(self) -> int | None:
        """Breaks that the schedule may have beyond the optimum (0 once proved optimal)."""
        return None if self.breaks is None else self.breaks - self.lower_bound
