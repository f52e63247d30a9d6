"""Builders for solidarity tests: member cities at their real places, incidents, CAP messages."""

import datetime
from decimal import Decimal

from intercity.accounts.models import User
from intercity.core.services import create_with_audit
from intercity.solidarity import services
from intercity.solidarity.models import AffectedCity, Incident
from intercity.testing.factories import CityFactory, UserFactory

PLACES = {
    "metro-manila": ("Metro Manila", "PH", 14.6042, 120.9822),
    "tokyo": ("Tokyo", "JP", 35.6895, 139.6917),
    "seoul": ("Seoul", "KR", 37.566, 126.9784),
    "hanoi": ("Hanoi", "VN", 21.0245, 105.8412),
}


def city(slug: str):
    name, country, lat, lon = PLACES[slug]
    return CityFactory(slug=slug, name=name, country_code=country, latitude=lat, longitude=lon)


def focal_point(city_obj, username: str):
    return UserFactory(
        username=username,
        role=User.Role.FOCAL_POINT,
        city=city_obj,
        email=f"{username}@example.org",
    )


def active_incident(*, affected, name="Flood in Metro Manila", **extra):
    """An active incident centred on the first city, with those cities confirmed as affected."""
    centre = affected[0]
    data = {
        "name": name,
        "kind": "flood",
        "status": "active",
        "severity": "severe",
        "started_at": datetime.datetime(2026, 11, 1, 6, tzinfo=datetime.UTC),
        "latitude": centre.latitude,
        "longitude": centre.longitude,
        "radius_km": 30,
        **extra,
    }
    incident = services.incident_create(actor=None, data=data)
    services.incident_confirm(actor=None, incident=incident, cities=affected)
    return incident


def recorded_incident(actor, affected, **extra):
    """An incident as the platform recorded it before the reporting city existed: created
    with an audit entry naming its author (``actor``, None for no one), the city linked as
    affected, no reporting city."""
    data = {
        "slug": extra.pop("slug", "flood-in-hanoi"),
        "name": "Flood in Hanoi",
        "kind": "flood",
        "status": "active",
        "started_at": datetime.datetime(2025, 9, 1, 6, tzinfo=datetime.UTC),
        "latitude": 21.02,
        "longitude": 105.84,
        **extra,
    }
    incident = create_with_audit(Incident, data, actor=actor, action="solidarity.incident.created")
    AffectedCity.objects.create(incident=incident, city=affected, status="confirmed")
    return incident


def need(incident, city_obj, *, quantity=100, unit="tents", category="shelter", **extra):
    return services.need_post(
        actor=None,
        incident=incident,
        data={
            "city": city_obj,
            "category": category,
            "description": "Family tents",
            "quantity": Decimal(quantity),
            "unit": unit,
            **extra,
        },
    )


def offer(city_obj, *, quantity=60, unit="tents", category="shelter", **extra):
    return services.offer_make(
        actor=None,
        data={
            "city": city_obj,
            "category": category,
            "description": "Tents from the reserve",
            "quantity": Decimal(quantity),
            "unit": unit,
            **extra,
        },
    )


CAP_ALERT = """<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>{identifier}</identifier>
  <sender>{sender}</sender>
  <sent>{sent}</sent>
  <status>Actual</status>
  <msgType>{msg_type}</msgType>
  <scope>Public</scope>
  {references}
  <info>
    <language>en-US</language>
    <category>Met</category>
    <event>Typhoon</event>
    <urgency>Immediate</urgency>
    <severity>{severity}</severity>
    <certainty>Observed</certainty>
    <onset>2026-11-08T04:40:00+08:00</onset>
    <headline>{headline}</headline>
    <description>A strong typhoon crosses Luzon.</description>
    <area>
      <areaDesc>Metro Manila and surroundings</areaDesc>
      <circle>14.6,121.0 80</circle>
    </area>
  </info>
  {extra_info}
</alert>
"""

CAP_INFO_FIL = """<info>
    <language>fil</language>
    <category>Met</category>
    <event>Bagyo</event>
    <urgency>Immediate</urgency>
    <severity>{severity}</severity>
    <certainty>Observed</certainty>
    <headline>Malakas na bagyo sa Kalakhang Maynila</headline>
  </info>"""


def cap_message(
    *,
    identifier="PAGASA-2026-TC-01",
    sender="pagasa.dost.gov.ph",
    sent="2026-11-08T05:00:00+08:00",
    msg_type="Alert",
    severity="Extreme",
    headline="Typhoon warning for Metro Manila",
    references="",
    with_filipino=False,
) -> bytes:
    return CAP_ALERT.format(
        identifier=identifier,
        sender=sender,
        sent=sent,
        msg_type=msg_type,
        severity=severity,
        headline=headline,
        references=f"<references>{references}</references>" if references else "",
        extra_info=CAP_INFO_FIL.format(severity=severity) if with_filipino else "",
    ).encode("utf-8")
