"""Reads of city records and everything a city page shows."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from intercity.accounts.models import User
from intercity.agreements.models import Agreement, Pledge
from intercity.cities.models import City
from intercity.core.selectors import text_filter
from intercity.meetings.models import MeetingCity
from intercity.meetings.selectors import visible_meetings
from intercity.programmes.models import Programme


def city_list(
    *, search: str | None = None, membership: str | None = None, country: str | None = None
) -> QuerySet:
    cities = City.objects.all()
    cities = text_filter(cities, search, ["name", "local_name", "country_name"])
    if membership:
        cities = cities.filter(membership_status=membership)
    if country:
        cities = cities.filter(country_code=country.upper())
    return cities.order_by("name")


def member_cities() -> QuerySet:
    return City.objects.filter(membership_status=City.Membership.MEMBER).order_by("name")


def city_map_points() -> list[dict]:
    """The compact data the offline map draws: one point per city with coordinates."""
    rows = (
        City.objects.exclude(latitude=None)
        .exclude(longitude=None)
        .annotate(hosted=Count("hosted_meetings", distinct=True))
        .values("slug", "name", "country_name", "latitude", "longitude", "membership_status")
        .order_by("name")
    )
    return [{**row, "url": f"/cities/{row['slug']}/"} for row in rows]


def city_get(*, slug: str) -> City:
    return get_object_or_404(City, slug=slug)


# A city page lists the latest meetings; the meeting list filtered by city shows them all.
OVERVIEW_LIMIT = 20


@dataclass
class CityOverview:
    city: City
    hosted: list
    attended: list
    programmes: list
    agreements: list
    pledges: list
    focal_points: list


def city_overview(*, city: City, user) -> CityOverview:
    roles = (
        MeetingCity.objects.filter(city=city, meeting__in=visible_meetings(user))
        .select_related("meeting", "meeting__host_city")
        .order_by("-meeting__year", "-meeting__start_date")
    )
    hosted = list(roles.filter(role=MeetingCity.Role.HOST)[:OVERVIEW_LIMIT])
    attended = list(roles.exclude(role=MeetingCity.Role.HOST)[:OVERVIEW_LIMIT])
    programmes = (
        Programme.objects.filter(Q(lead_city=city) | Q(cities=city))
        .distinct()
        .select_related("lead_city")
        .order_by("name")
    )
    agreements = (
        Agreement.objects.filter(party_roles__city=city)
        .distinct()
        .prefetch_related("party_roles__city")
        .order_by("-signed_on", "title")
    )
    pledges = (
        Pledge.objects.filter(Q(from_city=city) | Q(to_city=city))
        .select_related("from_city", "to_city")
        .order_by("subject")
    )
    focal_points = User.objects.filter(
        city=city, role=User.Role.FOCAL_POINT, is_active=True
    ).order_by("last_name", "first_name")
    return CityOverview(
        city=city,
        hosted=[role.meeting for role in hosted],
        attended=attended,
        programmes=list(programmes),
        agreements=list(agreements),
        pledges=list(pledges),
        focal_points=list(focal_points),
    )
