"""The parts every "my work" section is made of, and how long a section may grow."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.functional import Promise

SECTION_LIMIT = 20


@dataclass
class WorkItem:
    title: str
    url: str
    note: str = ""
    urgent: bool = False
    when: datetime.date | datetime.datetime | None = None


@dataclass
class WorkSection:
    key: str
    title: Promise | str
    empty: Promise | str
    items: list[WorkItem] = field(default_factory=list)
    more: int = 0

    @property
    def count(self) -> int:
        return len(self.items) + self.more


def limited(section: WorkSection, items: list[WorkItem]) -> WorkSection:
    section.items = items[:SECTION_LIMIT]
    section.more = max(len(items) - SECTION_LIMIT, 0)
    return section


def date_text(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""
