"""Agendas: each participant's meetings, on the page and as a calendar file."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from intercity.business import permissions as rules
from intercity.business import selectors
from intercity.meetings import ics


def _agenda_registration(request, event):
    registration_id = request.GET.get("registration")
    if registration_id and rules.can_organise_event(request.user, event):
        registration = selectors.event_registration(event, registration_id)
    else:
        own = selectors.own_organisation(request.user)
        registration = selectors.registration_for(event, own.pk if own else None)
    if registration is None or not rules.can_view_agenda(request.user, registration):
        raise Http404
    return registration


def _agenda_items(request, event, registration):
    """The registration's meetings and the run they come from (see `selectors.agenda_run`)."""
    organiser = rules.can_organise_event(request.user, event)
    run = selectors.agenda_run(event, organiser=organiser)
    return selectors.agenda_of(registration, run=run), run


@login_required
@require_GET
def agenda(request, pk):
    event = selectors.event_get(user=request.user, pk=pk)
    registration = _agenda_registration(request, event)
    items, run = _agenda_items(request, event, registration)
    context = {
        "event": event,
        "registration": registration,
        "items": items,
        "draft": run is not None and run.pk != event.published_run_id,
        "unpublished": event.published_run_id is None,
    }
    return render(request, "business/agenda.html", context)


@login_required
@require_GET
def agenda_ics(request, pk):
    event = selectors.event_get(user=request.user, pk=pk)
    registration = _agenda_registration(request, event)
    zone = ZoneInfo(event.meeting.time_zone)
    items, _run = _agenda_items(request, event, registration)
    events = [
        ics.CalendarEvent(
            uid=f"business-{event.pk}-{registration.pk}-{index}@intercity",
            title=f"{item.counterpart.name} ({_('table')} {item.table})",
            start=datetime.combine(item.slot.day, item.slot.starts_at, tzinfo=zone),
            end=datetime.combine(item.slot.day, item.slot.ends_at, tzinfo=zone),
            location=event.meeting.venue,
            # In a phone's calendar the entry alone must say which event and what about.
            description="\n".join(filter(None, [event.meeting.title, item.note])),
            url=request.build_absolute_uri(reverse("business:agenda", args=[event.pk])),
        )
        for index, item in enumerate(items)
    ]
    text = ics.calendar(events, name=event.meeting.title, now=timezone.now())
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{event.pk}.ics"'
    return response
