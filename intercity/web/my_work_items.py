"""The parts every "my work" section is made of, and how long a section may grow."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Window
from django.utils import formats
from django.utils.functional import Promise

SECTION_LIMIT = 20
# A section the reader asked to see whole still has a bound, so the page stays a page.
WHOLE_SECTION_LIMIT = 500


@dataclass
class WorkItem:
    title: str
    url: str
    note: str = ""
    urgent: bool = False
    when: datetime.date | datetime.datetime | None = None


@dataclass
class WorkSection:
    """One part of the page. `asks_action` when its items wait for the reader to do something
    (a report, an answer, a confirmation); otherwise it only keeps the reader informed, and
    its items are not counted among the things that wait."""

    key: str
    title: Promise | str
    empty: Promise | str
    items: list[WorkItem] = field(default_factory=list)
    more: int = 0
    asks_action: bool = field(default=False, kw_only=True)
    limit: int = field(default=SECTION_LIMIT, kw_only=True)

    @property
    def count(self) -> int:
        return len(self.items) + self.more


def waiting(sections: list[WorkSection]) -> int:
    """How many things wait for the reader to act: the items of the sections that ask it."""
    return sum(section.count for section in sections if section.asks_action)


def limited(
    section: WorkSection, items: list[WorkItem], *, total: int | None = None
) -> WorkSection:
    """Keep the section's first `limit` items. `total` is how many there are in all, when the
    caller read only one more than the limit; without it, `items` are all there are."""
    section.items = items[: section.limit]
    section.more = max((len(items) if total is None else total) - len(section.items), 0)
    return section


class Head(list):
    """The first rows of a section, one more than it shows, and how many there are in all."""

    total: int


def head(rows, limit: int = SECTION_LIMIT) -> Head:
    """Read a section's first `limit` + 1 rows and count them all in the same query: a
    window count over the whole query, taken before the limit (a list is counted as it is)."""
    if isinstance(rows, list):
        first = Head(rows[: limit + 1])
        first.total = len(rows)
        return first
    first = Head(rows.annotate(in_all=Window(Count("pk")))[: limit + 1])
    first.total = first[0].in_all if first else 0
    return first


def date_text(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""
