"""Reads of meetings: visibility, lists with filters, details and the plenary series."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from intercity.accounts.models import User
from intercity.accounts.roles import focal_city_id, is_network_insider, is_secretariat
from intercity.cities.models import City
from intercity.core.selectors import in_languages, text_filter
from intercity.core.subqueries import count_of
from intercity.meetings.models import Meeting, MeetingCity, Registration
from intercity.meetings.permissions import (
    can_cancel_registration,
    can_manage_registration,
    can_see_registrations,
)
from intercity.meetings.rotation import suggest_next_host


def visible_meetings(user) -> QuerySet:
    meetings = Meeting.objects.all()
    if not is_network_insider(user):
        meetings = meetings.filter(is_public=True)
    return meetings


def meeting_list(
    *,
    user,
    search: str | None = None,
    kind: str | None = None,
    year: int | None = None,
    city: str | None = None,
    when: str | None = None,
) -> QuerySet:
    meetings = visible_meetings(user).select_related("host_city")
    meetings = text_filter(
        meetings,
        search,
        ["title", "venue", "description", "host_city__name", *in_languages("titles")],
    )
    if kind:
        meetings = meetings.filter(kind=kind)
    if year:
        meetings = meetings.filter(year=year)
    if city:
        taking_part = MeetingCity.objects.filter(city__slug=city).values("meeting")
        meetings = meetings.filter(Q(host_city__slug=city) | Q(pk__in=taking_part))
    today = timezone.localdate()
    if when == "upcoming":
        meetings = meetings.filter(
            Q(start_date__gte=today) | Q(start_date__isnull=True, year__gte=today.year)
        )
    elif when == "past":
        meetings = meetings.filter(Q(start_date__lt=today) | Q(year__lt=today.year))
    return meetings.annotate(
        city_count=count_of(MeetingCity.objects.all(), link="meeting")
    ).order_by("-year", "-start_date", "title")


def meeting_get(*, user, slug: str) -> Meeting:
    meeting = (
        visible_meetings(user)
        .select_related("host_city", "parent")
        .prefetch_related(
            Prefetch(
                "city_roles",
                queryset=MeetingCity.objects.select_related("city").order_by("city__name"),
            ),
            "sessions",
            "attendees__city",
            "documents",
            Prefetch("side_events", queryset=visible_meetings(user)),
        )
        .filter(slug=slug)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def upcoming_meetings(*, user, limit: int = 5) -> list[Meeting]:
    today = timezone.localdate()
    meetings = (
        visible_meetings(user)
        .select_related("host_city")
        .filter(Q(start_date__gte=today) | Q(start_date__isnull=True, year__gte=today.year))
        .order_by("start_date", "year")
    )
    return list(meetings[:limit])


def recent_meetings(*, user, limit: int = 5) -> list[Meeting]:
    """The latest meetings, for a network that has nothing scheduled."""
    meetings = visible_meetings(user).select_related("host_city")
    return list(meetings.order_by("-year", "-start_date")[:limit])


@dataclass(frozen=True)
class MeetingAttendance:
    members: list
    represented: list
    absent_members: list


def meeting_attendance(meeting: Meeting) -> MeetingAttendance:
    """Tells the network's members apart from the cities represented at a meeting."""
    members = list(City.objects.filter(membership_status=City.Membership.MEMBER).order_by("name"))
    represented_ids = {
        row.city_id
        for row in meeting.city_roles.all()
        if row.role in (MeetingCity.Role.HOST, MeetingCity.Role.DELEGATE)
    }
    represented = [row for row in meeting.city_roles.all() if row.city_id in represented_ids]
    absent = [city for city in members if city.pk not in represented_ids]
    return MeetingAttendance(members=members, represented=represented, absent_members=absent)


def _plenaries(meetings: QuerySet) -> list[Meeting]:
    return list(
        meetings.filter(kind=Meeting.Kind.PLENARY).select_related("host_city").order_by("ordinal")
    )


def plenary_series(*, user) -> list[Meeting]:
    """The plenaries this user may open, in order: a hidden one would link to a 404."""
    return _plenaries(visible_meetings(user))


@dataclass(frozen=True)
class NextHost:
    city: City
    ordinal: int
    never_hosted: bool
    last_hosted_ordinal: int | None
    # Plenaries a document announced (ordinal, host) for which no meeting is recorded yet.
    announced: tuple[tuple[int, City], ...] = ()


# Apps above meetings (declarations name the next plenary's host) register where announced
# hosts come from: each source returns (ordinal, city) pairs.
_announcement_sources: list[Callable[[], Iterable[tuple[int, City]]]] = []


def register_host_announcements(source: Callable[[], Iterable[tuple[int, City]]]) -> None:
    if source not in _announcement_sources:
        _announcement_sources.append(source)


def _announced_hosts(after: int) -> list[tuple[int, City]]:
    """Announced plenaries beyond the recorded series, in order, one host per ordinal."""
    announced: dict[int, City] = {}
    for source in _announcement_sources:
        for ordinal, city in source():
            if ordinal > after:
                announced.setdefault(ordinal, city)
    found, ordinal = [], after + 1
    while ordinal in announced:
        found.append((ordinal, announced[ordinal]))
        ordinal += 1
    return found


def next_host_suggestion() -> NextHost | None:
    # The rotation counts every plenary, hidden or not; only cities and numbers are shown.
    series = [
        m for m in _plenaries(Meeting.objects.all()) if m.host_city_id and m.status != "cancelled"
    ]
    members = {c.slug: c for c in City.objects.filter(membership_status="member").order_by("name")}
    latest = max((m.ordinal for m in series if m.ordinal), default=0)
    announced = _announced_hosts(latest)
    history = [(m.ordinal, m.host_city.slug) for m in series]
    history += [(ordinal, city.slug) for ordinal, city in announced]
    suggestion = suggest_next_host(list(members), history)
    if suggestion is None:
        return None
    return NextHost(
        city=members[suggestion.city],
        ordinal=latest + len(announced) + 1,
        never_hosted=suggestion.never_hosted,
        last_hosted_ordinal=suggestion.last_hosted_ordinal,
        announced=tuple(announced),
    )


# A city page lists the latest meetings; the meeting list filtered by city shows them all.
CITY_PAGE_LIMIT = 20


def city_meetings(*, city: City, user, limit: int = CITY_PAGE_LIMIT) -> dict:
    """The meetings a city hosted and its roles in the others, latest first, for its page."""
    roles = (
        MeetingCity.objects.filter(city=city, meeting__in=visible_meetings(user))
        .select_related("meeting", "meeting__host_city")
        .order_by("-meeting__year", "-meeting__start_date")
    )
    hosted = roles.filter(role=MeetingCity.Role.HOST)[:limit]
    return {
        "hosted": [role.meeting for role in hosted],
        "attended": list(roles.exclude(role=MeetingCity.Role.HOST)[:limit]),
    }


# Registration ---------------------------------------------------------------------------------


def registrations_visible(*, user, meeting: Meeting) -> QuerySet:
    """The meeting's registrations the user may see: all for its managers, their own city's
    for a focal point, none for anyone else."""
    registrations = Registration.objects.filter(meeting=meeting)
    if not can_see_registrations(user, meeting):
        return registrations.none()
    if not can_manage_registration(user, meeting):
        registrations = registrations.filter(city_id=focal_city_id(user))
    return registrations


def registration_list(
    *, user, meeting: Meeting, status: str | None = None, city: str | None = None
) -> QuerySet:
    registrations = registrations_visible(user=user, meeting=meeting)
    if status:
        registrations = registrations.filter(status=status)
    if city:
        registrations = registrations.filter(city__slug=city)
    return registrations.select_related(
        "person", "person__organisation", "city", "registered_by", "decided_by"
    ).order_by("-created_at", "-id")


@dataclass(frozen=True)
class RegistrationCount:
    city: City | None
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def per_status(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status, in the statuses' order, zeros included."""
        return [
            (value, label, self.by_status.get(value, 0))
            for value, label in Registration.Status.choices
        ]


def registration_counts(*, user, meeting: Meeting) -> list[RegistrationCount]:
    """How many registrations each city's delegation has, per status, in two queries."""
    rows = (
        registrations_visible(user=user, meeting=meeting)
        .values("city", "status")
        .annotate(count=Count("id"))
        .order_by()
    )
    per_city: dict[int | None, dict[str, int]] = {}
    for row in rows:
        per_city.setdefault(row["city"], {})[row["status"]] = row["count"]
    cities = City.objects.in_bulk([pk for pk in per_city if pk is not None])
    counts = [
        RegistrationCount(city=cities.get(pk) if pk else None, by_status=statuses)
        for pk, statuses in per_city.items()
    ]
    return sorted(counts, key=lambda count: (count.city is None, getattr(count.city, "name", "")))


def own_registration(*, user, meeting: Meeting) -> Registration | None:
    """The reader's latest registration for the meeting, whatever its status."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(meeting=meeting, person=user).order_by("-created_at").first()


def registration_get(*, user, meeting: Meeting, pk: int) -> Registration:
    """A registration the user may see; 404 for one they may not, as for one not there."""
    registration = (
        registrations_visible(user=user, meeting=meeting)
        .select_related("person", "city", "meeting", "attendee")
        .filter(pk=pk)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def registration_to_cancel(*, user, meeting: Meeting, pk: int) -> Registration:
    """A registration the user may cancel: their own, or one they decide on; 404 otherwise."""
    registration = (
        Registration.objects.select_related("meeting", "person")
        .filter(meeting=meeting, pk=pk)
        .first()
    )
    if registration is None or not can_cancel_registration(user, registration):
        raise Http404
    return registration


def registrable_people(*, user, meeting: Meeting) -> QuerySet:
    """The people the user may register: a city's delegation for its focal point, everyone
    attached to a city (and organisations' representatives where they come) for managers."""
    people = User.objects.filter(is_active=True)
    attached = Q(role__in=[User.Role.EXPERT, User.Role.FOCAL_POINT], city__isnull=False)
    if can_manage_registration(user, meeting):
        if meeting.organisations_may_register:
            attached |= Q(role=User.Role.ORGANISATION_REP, organisation__isnull=False)
        people = people.filter(attached)
    else:
        people = people.filter(attached, city_id=focal_city_id(user))
    # Whoever holds a registration that still counts is not offered again.
    registered = Registration.objects.filter(meeting=meeting).exclude(
        status=Registration.Status.CANCELLED
    )
    people = people.exclude(pk__in=registered.values("person_id"))
    return people.select_related("city").order_by("city__name", "last_name", "first_name")


def meetings_awaiting_outcome(*, user) -> list[Meeting]:
    """Meetings the user runs (every one for the secretariat, its city's for a focal point)
    that are over but still marked planned, the longest over first."""
    if is_secretariat(user):
        meetings = Meeting.objects.all()
    elif (own := focal_city_id(user)) is not None:
        meetings = Meeting.objects.filter(host_city_id=own)
    else:
        return []
    # A day's margin either side of UTC: each meeting's own zone decides, in awaits_outcome.
    tomorrow = timezone.now().date() + datetime.timedelta(days=1)
    candidates = (
        meetings.filter(status=Meeting.Status.PLANNED)
        .annotate(last_day=Coalesce("end_date", "start_date"))
        .filter(Q(last_day__lt=tomorrow) | Q(start_date__isnull=True, year__lt=tomorrow.year))
        .select_related("host_city")
        .order_by("year", "last_day", "title")
    )
    return [meeting for meeting in candidates if meeting.awaits_outcome]
