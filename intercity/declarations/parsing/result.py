"""The structure the declaration parser returns: plain dataclasses that become JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Meeting:
    """The meeting that adopted the declaration."""

    ordinal: int | None = None
    name: str | None = None
    city: str | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class PreambleParagraph:
    """A paragraph before the operative part, with its lead phrase ("Recalling") if known."""

    lead: str | None
    text: str


@dataclass
class SubItem:
    """A lettered (or otherwise marked) item under a clause."""

    label: str | None
    text: str


@dataclass
class Clause:
    """An operative clause: its number as printed, full text, lead-in and sub-items."""

    number: str | None
    text: str
    intro: str | None = None
    subitems: list[SubItem] = field(default_factory=list)


@dataclass
class Reference:
    """An earlier declaration or agreement the text refers to."""

    title: str
    year: int | None = None
    city: str | None = None


@dataclass
class NextMeeting:
    """Where, when and which meeting comes next, when the declaration says."""

    city: str | None = None
    year: int | None = None
    ordinal: int | None = None


@dataclass
class ParsedDeclaration:
    """Everything the parser found in a declaration's text."""

    title: str | None = None
    network: str | None = None
    # The document's own symbol ("A/RES/74/212") and the date it was adopted, signed or
    # issued, which is not always a day of the meeting.
    symbol: str | None = None
    adopted_on: str | None = None
    meeting: Meeting = field(default_factory=Meeting)
    participants: list[str] = field(default_factory=list)
    opening: list[str] = field(default_factory=list)
    preamble: list[PreambleParagraph] = field(default_factory=list)
    operative_intro: str | None = None
    clauses: list[Clause] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    next_meeting: NextMeeting = field(default_factory=NextMeeting)
    language: str | None = None
    languages: list[str] = field(default_factory=list)
    confidence: float = 0.0
    # Per field, how often what the parser found this way was right on labelled texts:
    # a low figure marks a field a reviewer should check.
    field_confidence: dict[str, float] = field(default_factory=dict)
    # Per field, the rule that found it ("gathering", "title", "none"), which the confidence
    # above is measured for.
    evidence: dict[str, str] = field(default_factory=dict)
    # Per field in doubt, why: the form of the text its value changed in, or the check it failed.
    doubts: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of plain lists, dicts, strings, numbers and None."""
        return asdict(self)
