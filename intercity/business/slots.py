"""Plans an event's time slots: equal runs per session and day, refusing overlaps."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from intercity.business.models import Slot


@dataclass(frozen=True)
class SessionPlan:
    """A run of equal slots: `count` slots of `minutes` each from `starts_at`."""

    session: str
    starts_at: datetime.time
    count: int
    field: str  # the form field an error about this session belongs to


def slot_plan(
    *, days: Iterable[datetime.date], sessions: Iterable[SessionPlan], minutes: int
) -> list[Slot]:
    """Unsaved slots for each day and session; refuse runs that cross midnight or overlap."""

    def minute_of(moment: datetime.time) -> int:
        return moment.hour * 60 + moment.minute

    def time_of(minute: int) -> datetime.time:
        return datetime.time(minute // 60, minute % 60)

    ordered = sorted((plan for plan in sessions if plan.count), key=lambda p: p.starts_at)
    for plan in ordered:
        if minute_of(plan.starts_at) + plan.count * minutes >= 24 * 60:
            raise ValidationError({plan.field: _("These slots would run past midnight.")})
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if minute_of(earlier.starts_at) + earlier.count * minutes > minute_of(later.starts_at):
            raise ValidationError({later.field: _("This session overlaps the one before it.")})
        if earlier.session == Slot.Session.AFTERNOON and later.session == Slot.Session.MORNING:
            raise ValidationError({earlier.field: _("The afternoon must come after the morning.")})
    return [
        Slot(
            day=day,
            starts_at=time_of(minute_of(plan.starts_at) + index * minutes),
            ends_at=time_of(minute_of(plan.starts_at) + (index + 1) * minutes),
            session=plan.session,
        )
        for day in days
        for plan in ordered
        for index in range(plan.count)
    ]
