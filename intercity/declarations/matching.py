"""Reads that tie a parsed declaration to the network's records: cities, meetings, members."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Q

from intercity.cities.models import City
from intercity.declarations.models import Declaration
from intercity.declarations.parsing import ParsedDeclaration, parse_declaration
from intercity.declarations.parsing.cities import fold
from intercity.meetings.models import Meeting


def all_names(city: City) -> list[str]:
    """Every name a text may give the city: English, local, and in the member languages."""
    names = [city.name, city.local_name, *(city.names or {}).values()]
    return list(dict.fromkeys(name for name in names if isinstance(name, str) and name.strip()))


def known_city_names() -> list[str]:
    return [name for city in City.objects.all() for name in all_names(city)]


def declaration_parse(text: str) -> ParsedDeclaration:
    """Parse a declaration's text knowing the network's cities; never raises."""
    return parse_declaration(text, known_cities=known_city_names())


def cities_named(names: Iterable[str], cities: Iterable[City] | None = None) -> list[City]:
    """The cities (of ``cities``, else all) that the printed names name, in any language."""
    wanted = {fold(name) for name in names if name}
    if not wanted:
        return []
    if cities is None:
        cities = City.objects.all()
    found = [city for city in cities if wanted & {fold(name) for name in all_names(city)}]
    return sorted(found, key=lambda city: city.name)


def parsed_date(value: Any) -> datetime.date | None:
    """A date the parser gave as a date or an ISO string; None when there is none."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def meeting_match(parsed_meeting: Mapping[str, Any]) -> Meeting | None:
    """The stored meeting the text names: a plenary by ordinal, else host city and year."""
    ordinal = parsed_meeting.get("ordinal")
    start = parsed_date(parsed_meeting.get("start_date"))
    city = parsed_meeting.get("city")
    meetings = Meeting.objects.select_related("host_city")
    if ordinal:
        found = meetings.filter(kind=Meeting.Kind.PLENARY, ordinal=ordinal).first()
        if found:
            return found
    if city and start:
        found = meetings.filter(
            Q(host_city__name__iexact=city) | Q(host_city__local_name__iexact=city),
            year=start.year,
        )
        return (
            found.filter(kind=Meeting.Kind.PLENARY).first() or found.order_by("start_date").first()
        )
    return None


def next_meeting_match(next_meeting: Mapping[str, Any]) -> Meeting | None:
    ordinal, city, year = (next_meeting.get(k) for k in ("ordinal", "city", "year"))
    meetings = Meeting.objects.filter(kind=Meeting.Kind.PLENARY)
    if ordinal:
        found = meetings.filter(ordinal=ordinal).first()
        if found:
            return found
    if city and year:
        return meetings.filter(host_city__name__iexact=city, year=year).first()
    return None


def members_at(day: datetime.date | None) -> list[City]:
    """The cities that were members on the day (all current members when it is unknown)."""
    cities = City.objects.filter(
        membership_status__in=[City.Membership.MEMBER, City.Membership.FORMER]
    )
    if day is None:
        return list(cities.filter(membership_status=City.Membership.MEMBER))
    cities = cities.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=day))
    cities = cities.filter(
        Q(left_on__gt=day) | Q(left_on__isnull=True, membership_status=City.Membership.MEMBER)
    )
    return list(cities.order_by("name"))


def declaration_for_reference(title: str, year: int | None, city: str | None):
    """The stored declaration a reference names: by title, else by year and host city."""
    found = Declaration.objects.filter(title__iexact=title).first()
    if found is None and year and city:
        found = (
            Declaration.objects.filter(adopted_on__year=year)
            .filter(
                Q(meeting__host_city__name__iexact=city) | Q(title__icontains=city),
            )
            .first()
        )
    return found
