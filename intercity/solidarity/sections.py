"""The solidarity section of a city's page: incidents that affected it, help given and received."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

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
    """Three bounded queries whatever the history of the city."""
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
            need__incident__in=incidents
        ),
        user,
        prefix="need__",
    ).select_related("need__city", "need__incident", "offer__city", "offer__organisation")
    given = help_rows.filter(offer__city=city).order_by("-accepted_at")[:LIMIT]
    received = help_rows.filter(Q(need__city=city)).order_by("-accepted_at")[:LIMIT]
    return CitySolidarity(
        incidents=[link.incident for link in links], given=list(given), received=list(received)
    )


def city_section_context(*, city, user) -> dict:
    return {"solidarity": city_solidarity(city=city, user=user)}


HOME_TEMPLATE = "solidarity/_home_section.html"


def home_section_context(*, user) -> dict:
    """Active incidents for the home dashboard, two queries."""
    active = incident_list(user=user, status="active").order_by("-started_at", "-id")[:5]
    return {"active_incidents": list(active)}
