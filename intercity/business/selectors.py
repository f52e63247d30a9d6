"""Reads of the business app: directory, suggestions, events and agendas."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from intercity.accounts.roles import focal_city_id, is_network_insider, is_secretariat
from intercity.business import matching
from intercity.business.models import (
    Assignment,
    Event,
    MeetingRequest,
    Opportunity,
    Profile,
    Registration,
    ScheduleRun,
    Sector,
    SuggestionMark,
)
from intercity.business.scheduling.model import Instance
from intercity.business.scheduling.model import Meeting as PlannedMeeting
from intercity.business.scheduling.model import Participant as PlannedParticipant
from intercity.business.scheduling.model import Slot as PlannedSlot
from intercity.business.selectors_opportunities import opportunity_list
from intercity.core.selectors import in_languages, text_filter
from intercity.meetings.models import Meeting
from intercity.organisations.models import Organisation


def directory(*, search: str | None = None, sector: str | None = None) -> QuerySet:
    """Verified profiles only: the network's public directory."""
    profiles = Profile.objects.filter(is_verified=True).select_related(
        "organisation__city", "sector"
    )
    profiles = text_filter(
        profiles, search, ["organisation__name", "offers", "seeks", "organisation__description"]
    )
    if sector:
        profiles = profiles.filter(sector__code=sector)
    return profiles.order_by("organisation__name")


def profile_get(*, slug: str) -> Profile:
    return get_object_or_404(
        Profile.objects.select_related("organisation__city", "sector"), organisation__slug=slug
    )


def _candidate(profile: Profile, opportunities: dict[int, list]) -> matching.Candidate:
    organisation = profile.organisation
    return matching.Candidate(
        key=organisation.pk,
        name=organisation.name,
        city=organisation.city.name,
        sector=str(profile.sector),
        offers_text=f"{profile.offers} "
        + " ".join(
            o.title + " " + o.description
            for o in opportunities.get(organisation.pk, [])
            if o.direction == "offer"
        ),
        seeks_text=f"{profile.seeks} "
        + " ".join(
            o.title + " " + o.description
            for o in opportunities.get(organisation.pk, [])
            if o.direction == "request"
        ),
        opportunities=tuple(
            (o.direction, o.kind, o.title) for o in opportunities.get(organisation.pk, [])
        ),
    )


@dataclass
class SuggestionRow:
    profile: Profile
    score: float
    reasons: list[str]
    state: str | None


def _directions() -> dict[str, str]:
    return {
        "offer": pgettext("business opportunity", "offer"),
        "request": pgettext("business opportunity", "request"),
    }


def reason_in_words(reason: matching.Reason, *, city_label: str | None = None) -> str:
    """A suggestion's reason in the reader's language; ``city_label`` names the partner's city
    in it (the matching module knows only the stored name)."""
    values = dict(reason.values)
    if reason.code == "complement":
        directions = _directions()
        for key in ("their_direction", "my_direction"):
            values[key] = directions.get(values[key], values[key])
        template = _(
            "their %(their_direction)s “%(theirs)s” answers your %(my_direction)s “%(mine)s”"
        )
    elif reason.code == "sector":
        template = _("same sector: %(sector)s")
    elif reason.code == "text":
        values["score"] = number_format(float(values["score"]), 2)  # 0,43 where a comma is used
        template = _("text similarity %(score)s (shared words: %(words)s)")
    else:
        values["city"] = city_label or values["city"]
        template = _("a partner in another member city: %(city)s")
    return template % values


def suggestions_for(profile: Profile, *, include_dismissed: bool = False) -> list[SuggestionRow]:
    """Verified counterparts ranked by the matching module, with the organisation's marks."""
    profiles = list(
        Profile.objects.filter(Q(is_verified=True) | Q(pk=profile.pk)).select_related(
            "organisation__city", "sector"
        )
    )
    opportunities: dict[int, list] = {}
    for row in opportunity_list():
        opportunities.setdefault(row.organisation_id, []).append(row)
    for row in Opportunity.objects.current().filter(organisation=profile.organisation):
        opportunities.setdefault(row.organisation_id, [])
        if row not in opportunities[row.organisation_id]:
            opportunities[row.organisation_id].append(row)
    by_key = {p.organisation_id: p for p in profiles}
    marks = dict(
        SuggestionMark.objects.filter(organisation=profile.organisation).values_list(
            "counterpart_id", "state"
        )
    )
    ranked = matching.rank(
        _candidate(profile, opportunities),
        [_candidate(p, opportunities) for p in profiles if p.pk != profile.pk],
    )
    rows = []
    for suggestion in ranked:
        state = marks.get(suggestion.key)
        if state == SuggestionMark.State.DISMISSED and not include_dismissed:
            continue
        rows.append(
            SuggestionRow(
                by_key[suggestion.key],
                suggestion.score,
                [
                    reason_in_words(
                        reason, city_label=by_key[suggestion.key].organisation.city.label
                    )
                    for reason in suggestion.reasons
                ],
                state,
            )
        )
    return rows


def own_organisation(user) -> Organisation | None:
    """The organisation a user represents, if any."""
    organisation_id = getattr(user, "organisation_id", None)
    return Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None


def profile_of(organisation: Organisation) -> Profile | None:
    return Profile.objects.filter(organisation=organisation).first()


def event_of(meeting: Meeting) -> Event | None:
    return Event.objects.filter(meeting=meeting).first()


def sectors() -> QuerySet:
    return Sector.objects.all()


def organisation_get(*, slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


def verified_organisation_get(*, pk: int) -> Organisation:
    """An organisation of the public directory (its profile verified by its city)."""
    return get_object_or_404(Organisation, pk=pk, business_profile__is_verified=True)


def matchmaking_meeting_get(*, pk: int) -> Meeting:
    """A meeting of a kind that can open 1:1 matchmaking (business meeting or trade fair)."""
    return get_object_or_404(
        Meeting, pk=pk, kind__in=[Meeting.Kind.BUSINESS, Meeting.Kind.TRADE_FAIR]
    )


def registration_get(event: Event, *, pk) -> Registration:
    return get_object_or_404(event.registrations, pk=pk)


def meeting_request_get(*, pk: int) -> MeetingRequest:
    return get_object_or_404(
        MeetingRequest.objects.select_related(
            "event__meeting", "requester__organisation", "invitee__organisation"
        ),
        pk=pk,
    )


def runs() -> QuerySet:
    return ScheduleRun.objects.select_related("event__meeting")


def run_get(*, pk: int) -> ScheduleRun:
    return get_object_or_404(runs(), pk=pk)


def assignment_get(*, pk: int) -> Assignment:
    related = (
        "run__event__meeting",
        "request__requester__organisation",
        "request__invitee__organisation",
    )
    return get_object_or_404(Assignment.objects.select_related(*related), pk=pk)


def visible_events(user) -> QuerySet:
    """Events of meetings the user may see (see `visible_meetings`), and those the user's
    organisation is registered for: a meeting kept to the network hides its matchmaking."""
    events = Event.objects.select_related("meeting__host_city")
    if is_network_insider(user):
        return events
    shown = Q(meeting__is_public=True)
    organisation_id = getattr(user, "organisation_id", None)
    if getattr(user, "is_authenticated", False) and organisation_id:
        registered = Registration.objects.filter(organisation_id=organisation_id)
        shown |= Q(pk__in=registered.values("event_id"))
    return events.filter(shown)


def events_to_meet(*, user, own: Organisation | None, other: Organisation) -> QuerySet:
    """Business events the user can see where both organisations are registered, meeting
    requests are still taken and neither has asked the other yet: where the reader can ask
    the opportunity's author to meet.
    Each event carries `counterpart_registration`, the other organisation's registration."""
    if own is None or own.pk == other.pk:
        return visible_events(user).none()
    now = timezone.now()
    return (
        visible_events(user)
        .filter(registrations__organisation=own)
        .filter(registrations__organisation=other)
        .filter(Q(request_deadline__isnull=True) | Q(request_deadline__gt=now))
        # Not where one has already asked the other: the event's form would not offer it.
        .exclude(
            pk__in=MeetingRequest.objects.filter(
                Q(requester__organisation=own, invitee__organisation=other)
                | Q(requester__organisation=other, invitee__organisation=own)
            ).values("event_id")
        )
        .annotate(
            counterpart_registration=Subquery(
                Registration.objects.filter(event=OuterRef("pk"), organisation=other).values("pk")[
                    :1
                ]
            )
        )
        .select_related("meeting")
        .distinct()
        .order_by("meeting__start_date", "pk")
    )


def event_get(*, user, pk: int) -> Event:
    """Event `pk` if the user may see it; otherwise 404."""
    return get_object_or_404(visible_events(user), pk=pk)


def event_list(user, *, search: str | None = None) -> QuerySet:
    events = text_filter(
        visible_events(user),
        search,
        [
            "meeting__title",
            "meeting__host_city__name",
            "meeting__host_city__local_name",
            *in_languages("meeting__titles"),
            *in_languages("meeting__host_city__names"),
        ],
    )
    return events.order_by("-meeting__year", "-pk")


def meetings_awaiting_matchmaking(user) -> QuerySet:
    """Business meetings and trade fairs without matchmaking that this user may open."""
    meetings = Meeting.objects.filter(
        kind__in=[Meeting.Kind.BUSINESS, Meeting.Kind.TRADE_FAIR], business_event__isnull=True
    ).select_related("host_city")
    if is_secretariat(user):
        return meetings
    city_id = focal_city_id(user)
    return meetings.filter(host_city_id=city_id) if city_id else meetings.none()


def slot_grid(slots) -> tuple[list, list]:
    """Slots laid out as rows of times by columns of days (None where a day has no such slot)."""
    days = sorted({slot.day for slot in slots})
    times = sorted({(slot.starts_at, slot.ends_at, slot.session) for slot in slots})
    at = {(slot.day, slot.starts_at, slot.ends_at): slot for slot in slots}
    rows = [
        (start, end, session, [at.get((day, start, end)) for day in days])
        for start, end, session in times
    ]
    return days, rows


def latest_run(event: Event) -> ScheduleRun | None:
    return event.runs.order_by("-created_at", "-id").first()


def latest_finished_run(event: Event) -> ScheduleRun | None:
    return (
        event.runs.exclude(status__in=[ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING])
        .exclude(status=ScheduleRun.Status.FAILED)
        .order_by("-created_at", "-id")
        .first()
    )


def registrations_of(event: Event, *, search: str | None = None) -> QuerySet:
    registrations = event.registrations.select_related("organisation__city")
    return text_filter(registrations, search, ["organisation__name"])


def requests_of(event: Event, *, status: str | None = None, search: str | None = None) -> QuerySet:
    """The event's meeting requests, oldest first; `search` matches either organisation."""
    earlier = MeetingRequest.objects.select_related(
        "requester__organisation", "invitee__organisation"
    )
    requests = event.requests.select_related(
        "requester__organisation", "invitee__organisation", "fixed_slot"
    ).prefetch_related(Prefetch("after", queryset=earlier))
    if status:
        requests = requests.filter(status=status)
    return text_filter(
        requests, search, ["requester__organisation__name", "invitee__organisation__name"]
    ).order_by("created_at", "pk")


def request_counts(event: Event) -> dict[str, int]:
    """How many of the event's requests are in each status (every status present, 0 if none)."""
    counts = dict.fromkeys(MeetingRequest.Status.values, 0)
    for row in event.requests.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def registration_for(event: Event, organisation_id: int | None) -> Registration | None:
    if organisation_id is None:
        return None
    return event.registrations.filter(organisation_id=organisation_id).first()


def event_registration(event: Event, pk: object) -> Registration | None:
    """The event's registration `pk`, or none: a key from a query string may be anything."""
    try:
        key = int(str(pk))
    except ValueError:
        return None
    return event.registrations.select_related("organisation").filter(pk=key).first()


def meeting_candidates(registration: Registration) -> QuerySet:
    """The event's other registrations this one has no request with, in either direction."""
    return (
        registration.event.registrations.exclude(pk=registration.pk)
        .exclude(pk__in=registration.sent.values("invitee_id"))
        .exclude(pk__in=registration.received.values("requester_id"))
        .select_related("organisation")
    )


@dataclass
class AgendaItem:
    slot: object
    table: int
    counterpart: object
    note: str


def agenda_run(event: Event, *, organiser: bool) -> ScheduleRun | None:
    """The run an agenda is read from: participants see only the published schedule, the
    organiser the latest finished one (a draft until it is published)."""
    if organiser:
        return latest_finished_run(event)
    return event.published_run


def agenda_of(registration: Registration, *, run: ScheduleRun | None) -> list[AgendaItem]:
    """One participant's meetings in time order, from the given run (none without one)."""
    if run is None:
        return []
    rows = (
        Assignment.objects.filter(run=run)
        .filter(Q(request__requester=registration) | Q(request__invitee=registration))
        .select_related(
            "slot", "request__requester__organisation", "request__invitee__organisation"
        )
    )
    items = []
    for row in rows:
        request = row.request
        other = request.invitee if request.requester_id == registration.pk else request.requester
        items.append(AgendaItem(row.slot, row.table, other.organisation, request.note))
    items.sort(key=lambda item: (item.slot.day, item.slot.starts_at))
    return items


def schedule_rows(run: ScheduleRun) -> QuerySet:
    """A run's meetings in time and table order, with both organisations."""
    return run.assignments.select_related(
        "slot", "request__requester__organisation", "request__invitee__organisation"
    ).order_by("slot__day", "slot__starts_at", "table")


def grid_of(run: ScheduleRun) -> tuple[list, list[int], dict]:
    """Slots, table numbers and {(slot id, table): [assignments]} for the organiser's grid:
    a list, since a hand move may put two meetings at one table, and both must stay in
    sight to be moved apart."""
    slots = list(run.event.slots.all())
    cells: dict[tuple[int, int], list] = {}
    for a in run.assignments.select_related(
        "request__requester__organisation", "request__invitee__organisation"
    ).order_by("pk"):
        cells.setdefault((a.slot_id, a.table), []).append(a)
    tables = list(range(1, max([run.event.tables, *(t for _s, t in cells)]) + 1))
    return slots, tables, cells


def unplaced_requests(run: ScheduleRun) -> QuerySet:
    """The event's accepted meetings that the run's schedule leaves out."""
    return (
        run.event.requests.filter(status=MeetingRequest.Status.ACCEPTED)
        .exclude(pk__in=run.assignments.values("request_id"))
        .select_related("requester__organisation", "invitee__organisation")
        .order_by("requester__organisation__name", "invitee__organisation__name", "pk")
    )


def pending_requests_for(registration: Registration) -> QuerySet:
    return registration.received.filter(status=MeetingRequest.Status.PENDING).select_related(
        "requester__organisation"
    )


def answered_requests_for(registration: Registration) -> QuerySet:
    """The requests the registration was sent and has accepted or declined."""
    return registration.received.exclude(status=MeetingRequest.Status.PENDING).select_related(
        "requester__organisation"
    )


def event_instance(event: Event) -> Instance:
    """The event's accepted meetings as a scheduling instance (ids are database keys)."""
    slots = list(event.slots.all())
    registrations = list(event.registrations.prefetch_related("unavailable"))
    requests = list(
        event.requests.filter(status=MeetingRequest.Status.ACCEPTED).prefetch_related("after")
    )
    accepted = {r.pk for r in requests}
    return Instance(
        slots=tuple(PlannedSlot(str(s.pk), s.session) for s in slots),
        tables=event.tables,
        participants=tuple(
            PlannedParticipant(str(r.pk), tuple(str(s.pk) for s in r.unavailable.all()))
            for r in registrations
        ),
        meetings=tuple(
            PlannedMeeting(
                id=str(r.pk),
                participants=(str(r.requester_id), str(r.invitee_id)),
                session=r.session,
                fixed_slot=str(r.fixed_slot_id) if r.fixed_slot_id else None,
                after=tuple(str(a.pk) for a in r.after.all() if a.pk in accepted),
            )
            for r in requests
        ),
        fairness=event.fairness,
        name=event.meeting.slug,
    )
