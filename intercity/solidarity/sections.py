"""The solidarity parts of shared pages: a city's incidents and help, the active incidents."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from intercity.core.sections import Section, register
from intercity.solidarity.models import AffectedCity, Assistance
from intercity.solidarity.selectors import incident_list, visible_incidents, visible_records

TEMPLATE = "solidarity/_city_section.html"
LIMIT = 10


@dataclass
class CitySolidarity:
    incidents: list
    given: list
    received: list

    def __bool__(self) -> bool:
        return bool(self.incidents or self.given or self.received)


def city_solidarity(*, city, user) -> CitySolidarity:
    """Two bounded queries whatever the history of the city."""
    incidents = visible_incidents(user)
    links = (
        AffectedCity.objects.filter(
            city=city, status=AffectedCity.Status.CONFIRMED, incident__in=incidents
        )
        .select_related("incident")
        .order_by("-incident__started_at", "-incident_id")[:LIMIT]
    )
    help_rows = visible_records(
        Assistance.objects.exclude(status=Assistance.Status.CANCELLED).filter(
            Q(offer__city=city) | Q(need__city=city), need__incident__in=incidents
        ),
        user,
        prefix="need__",
    ).select_related("need__city", "need__incident", "offer__city", "offer__organisation")
    rows = list(help_rows.order_by("-accepted_at", "-id")[: 2 * LIMIT])
    return CitySolidarity(
        incidents=[link.incident for link in links],
        given=[row for row in rows if row.offer.city_id == city.pk][:LIMIT],
        received=[row for row in rows if row.need.city_id == city.pk][:LIMIT],
    )


def city_section_context(*, city, user) -> dict:
    return {"solidarity": city_solidarity(city=city, user=user)}


HOME_TEMPLATE = "solidarity/_home_section.html"


def home_section_context(*, user) -> dict:
    """Active incidents for the home dashboard, two queries."""
    active = incident_list(user=user, status="active").order_by("-started_at", "-id")[:5]
    return {"active_incidents": list(active)}


register(
    Section(
        slot="city",
        name="solidarity",
        template=TEMPLATE,
        context=city_section_context,
        order=70,
    )
)
register(
    Section(
        slot="home",
        name="solidarity",
        template=HOME_TEMPLATE,
        context=home_section_context,
        order=5,
    )
)
