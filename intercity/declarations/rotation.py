"""Plenary hosts that adopted declarations announce, for the next-host suggestion."""

from intercity.cities.models import City
from intercity.declarations.models import Declaration
from intercity.meetings.selectors import register_host_announcements


def announced_hosts() -> list[tuple[int, City]]:
    """(ordinal, city) of each next plenary a declaration names that no meeting records yet."""
    rows = (
        Declaration.objects.filter(
            status=Declaration.Status.ADOPTED,
            next_meeting__isnull=True,
            next_meeting_ordinal__isnull=False,
        )
        .exclude(next_meeting_city="")
        .order_by("-adopted_on")
        .values_list("next_meeting_ordinal", "next_meeting_city")
    )
    names = {name.casefold() for _, name in rows}
    cities = {
        city.name.casefold(): city for city in City.objects.all() if city.name.casefold() in names
    }
    return [
        (ordinal, cities[name.casefold()]) for ordinal, name in rows if name.casefold() in cities
    ]


def register_announced_hosts() -> None:
    register_host_announcements(announced_hosts)
