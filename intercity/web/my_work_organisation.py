"""The "my work" sections of an organisation's representative: requests to answer, the business
events it takes part in, and the opportunities it has open. One query each."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from intercity.business.models import MeetingRequest, Opportunity, Registration
from intercity.meetings.models import Meeting
from intercity.web.my_work_items import (
    SECTION_LIMIT,
    WorkItem,
    WorkSection,
    date_text,
    head,
    limited,
)


def requests_awaiting_answer(*, organisation_id: int, limit: int = SECTION_LIMIT) -> WorkSection:
    section = WorkSection(
        "requests",
        gettext_lazy("Meeting requests waiting for your answer"),
        gettext_lazy("No meeting request waits for your answer."),
        asks_action=True,
        limit=limit,
    )
    pending = (
        MeetingRequest.objects.filter(
            status=MeetingRequest.Status.PENDING, invitee__organisation_id=organisation_id
        )
        .select_related("requester__organisation", "event__meeting")
        .order_by("created_at")
    )
    rows = head(pending, limit)
    items = [
        WorkItem(
            title=_("%(organisation)s asks to meet you")
            % {"organisation": request.requester.organisation},
            url=reverse("business:event", args=[request.event_id]),
            note=str(request.event.meeting),
            when=request.created_at,
        )
        for request in rows
    ]
    return limited(section, items, total=rows.total)


def _event_days(meeting: Meeting) -> str:
    if not meeting.start_date:
        return _("%(year)s, dates to be set") % {"year": meeting.year}
    if meeting.end_date and meeting.end_date != meeting.start_date:
        return f"{date_text(meeting.start_date)} – {date_text(meeting.end_date)}"
    return date_text(meeting.start_date)


def business_events(
    *, organisation_id: int, today: datetime.date | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """Business events the organisation is registered in that have not ended, soonest first,
    each leading to its published agenda or saying the schedule is still to come."""
    today = today or timezone.localdate()
    section = WorkSection(
        "business-events",
        gettext_lazy("Your business events"),
        gettext_lazy("Your organisation is registered in no business event still to come."),
        limit=limit,
    )
    # A meeting ends by the calendar of its own city: a day's margin here, its own word below.
    since = today - datetime.timedelta(days=1)
    registrations = (
        Registration.objects.filter(
            organisation_id=organisation_id, event__meeting__status=Meeting.Status.PLANNED
        )
        .filter(
            Q(event__meeting__end_date__gte=since)
            | Q(event__meeting__end_date__isnull=True, event__meeting__start_date__gte=since)
            | Q(event__meeting__start_date__isnull=True, event__meeting__year__gte=today.year)
        )
        .select_related("event__meeting")
        .order_by("event__meeting__start_date", "event__meeting__year", "event__meeting__title")
    )
    items = []
    coming = 0
    # One query, read to the end: those ended in their own city within the margin are
    # skipped, must not take the places of the ones still to come, nor count among them.
    for registration in registrations.iterator(chunk_size=limit + 1):
        event = registration.event
        meeting = event.meeting
        if meeting.is_over:
            continue
        coming += 1
        if len(items) > limit:
            continue
        if event.published_run_id:
            url = reverse("business:agenda", args=[event.pk])
            note = _("%(when)s · your agenda is published") % {"when": _event_days(meeting)}
        else:
            url = event.get_absolute_url()
            note = _("%(when)s · schedule not yet published") % {"when": _event_days(meeting)}
        items.append(WorkItem(title=meeting.label, url=url, note=note, when=meeting.start_date))
    return limited(section, items, total=coming)


def opportunities_open(
    *, organisation_id: int, today: datetime.date | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """The organisation's opportunities still open to others, those closing soonest first."""
    today = today or timezone.localdate()
    section = WorkSection(
        "opportunities",
        gettext_lazy("Your organisation's open opportunities"),
        gettext_lazy("Your organisation has no open opportunity."),
        limit=limit,
    )
    opportunities = (
        Opportunity.objects.current(today)
        .filter(organisation_id=organisation_id)
        .order_by(F("expires_on").asc(nulls_last=True), "-created_at", "-pk")
    )
    rows = head(opportunities, limit)
    items = []
    for opportunity in rows:
        if opportunity.expires_on:
            until = _("open until %(date)s") % {"date": date_text(opportunity.expires_on)}
        else:
            until = _("no closing date")
        items.append(
            WorkItem(
                title=opportunity.title,
                url=opportunity.get_absolute_url(),
                note=f"{opportunity.get_direction_display()} · "
                f"{opportunity.get_kind_display()} · {until}",
                when=opportunity.expires_on,
            )
        )
    return limited(section, items, total=rows.total)


def organisation_sections(
    *, organisation_id: int, limit: Callable[[str], int] = lambda _key: SECTION_LIMIT
) -> list[WorkSection]:
    """The representative's sections; ``limit`` tells how many items each may list, by key."""
    return [
        requests_awaiting_answer(organisation_id=organisation_id, limit=limit("requests")),
        business_events(organisation_id=organisation_id, limit=limit("business-events")),
        opportunities_open(organisation_id=organisation_id, limit=limit("opportunities")),
    ]
