"""Writes of a matchmaking event's settings and time slots."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.business import permissions as rules
from intercity.business.models import Event, Slot
from intercity.business.slots import SessionPlan, slot_plan
from intercity.core.audit import save_with_audit
from intercity.core.services import (
    create_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    with_changes,
)


@transaction.atomic
def event_open(*, actor: Any, meeting, data: Mapping[str, Any]) -> Event:
    require(rules.can_open_event(actor, meeting))
    return create_with_audit(
        Event, {**data, "meeting": meeting}, actor=actor, action="business.event.opened"
    )


@transaction.atomic
def event_update(*, actor: Any, event: Event, data: Mapping[str, Any]) -> list[str]:
    require(rules.can_organise_event(actor, event))
    return save_changes(event, data, actor=actor, action="business.event.updated")


@transaction.atomic
def slot_add(*, actor: Any, event: Event, data: Mapping[str, Any]) -> Slot:
    require(rules.can_organise_event(actor, event))
    slot = Slot(event=event, **data)
    slot.full_clean()
    other = _overlapped(slot, event.slots.filter(day=slot.day))
    if other is not None:
        raise ValidationError(
            {"starts_at": _("A new slot overlaps the existing slot %(slot)s.") % {"slot": other}}
        )
    slot.save()
    return slot


def _overlapped(slot: Slot, others: Iterable[Slot]) -> Slot | None:
    """The first of `others` that shares some time with `slot` on its day."""
    for other in others:
        if (
            slot.day == other.day
            and slot.starts_at < other.ends_at
            and other.starts_at < slot.ends_at
        ):
            return other
    return None


def _planned_slot_errors(
    event: Event,
    *,
    days: list[datetime.date],
    sessions: Iterable[SessionPlan],
    minutes: int,
    existing: Iterable[Slot],
) -> dict[str, list[str]]:
    """What is wrong with the slots planned for these days: a day outside the meeting, sessions
    that do not fit in a day or in order, or a slot over one the event already has."""
    errors: dict[str, list[str]] = {}
    outside = next((why for day in days if (why := event.day_outside(day))), None)
    if outside:
        errors["first_day"] = [outside]
    try:
        planned = slot_plan(days=days, sessions=sessions, minutes=minutes)
    except ValidationError as error:
        return error.update_error_dict(errors)
    if not errors:
        other = next((o for slot in planned if (o := _overlapped(slot, existing))), None)
        if other is not None:
            errors["first_day"] = [
                _("A new slot overlaps the existing slot %(slot)s.") % {"slot": other}
            ]
    return errors


@transaction.atomic
def slots_generate(
    *,
    actor: Any,
    event: Event,
    days: Iterable[datetime.date],
    sessions: Iterable[SessionPlan],
    minutes: int,
) -> list[Slot]:
    """Add equal slots to an event, refusing any that overlaps a slot it already has."""
    require(rules.can_organise_event(actor, event))
    days, sessions = list(days), list(sessions)
    existing = list(event.slots.all())
    errors = _planned_slot_errors(
        event, days=days, sessions=sessions, minutes=minutes, existing=existing
    )
    if errors:
        raise ValidationError(errors)
    planned = slot_plan(days=days, sessions=sessions, minutes=minutes)
    for slot in planned:
        slot.event = event
    created = Slot.objects.bulk_create(planned)
    if created:
        save_with_audit(event, actor=actor, action="business.event.slots_added")
    return created


@transaction.atomic
def event_setup(
    *,
    actor: Any,
    meeting=None,
    event: Event | None = None,
    data: Mapping[str, Any],
    days: Iterable[datetime.date] = (),
    sessions: Iterable[SessionPlan] = (),
    minutes: int = 30,
) -> Event:
    """Open matchmaking on a meeting (or change an event's settings) and add generated slots;
    a refusal names what is wrong in the settings and in the slots at once."""
    days, sessions = list(days), list(sessions)
    if event is None:
        require(rules.can_open_event(actor, meeting))
        candidate = Event(**{**data, "meeting": meeting})
    else:
        require(rules.can_organise_event(actor, event))
        candidate = with_changes(event, data)
    if days:
        existing = list(event.slots.all()) if event is not None else []
        errors = _planned_slot_errors(
            candidate, days=days, sessions=sessions, minutes=minutes, existing=existing
        )
        refuse_with_record_errors(errors, candidate)
    if event is None:
        event = event_open(actor=actor, meeting=meeting, data=data)
    else:
        event_update(actor=actor, event=event, data=data)
    if days:
        slots_generate(actor=actor, event=event, days=days, sessions=sessions, minutes=minutes)
    return event
