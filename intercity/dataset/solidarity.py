"""Solidarity records: Typhoon Haiyan and the network's sympathy (seed facts), and demo help.

The seed documents say only that the member cities conveyed their sympathy to the people and
city of Manila and to the Philippines for the devastation and loss caused by Typhoon Haiyan,
in the Hanoi Declaration adopted on 19 November 2013. Nothing more is recorded as fact: no
dates of the storm, no figures, no GLIDE number. The area is Metro Manila's gazetteer point.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from intercity.cities.models import City
from intercity.core.models import NewsItem
from intercity.dataset import anmc21
from intercity.meetings.models import Meeting
from intercity.solidarity import services
from intercity.solidarity.models import Incident, SolidarityMessage

SYMPATHY_SOURCE = (anmc21.DECLARATION, "closing, second paragraph: sympathy after Typhoon Haiyan")

HAIYAN = {
    "slug": "typhoon-haiyan-2013",
    "name": "Typhoon Haiyan",
    "kind": "tropical_cyclone",
    # A past event kept as the network's record; the seeds give no dates or measures, so the
    # severity stays unknown and no start is claimed.
    "status": "closed",
    "severity": "unknown",
    "area_description": "Metro Manila, Philippines",
    "city": "metro-manila",
    "source": SYMPATHY_SOURCE,
}

SYMPATHY = {
    "to": "metro-manila",
    "language": "en",
    # The project's own words for what the declaration expresses.
    "body": "The member cities of ANMC21 stand with Manila and the Philippines after Typhoon "
    "Haiyan and trust in their solidarity to overcome it.",
    "sent_on": "2013-11-19",
    "meeting": "12th-plenary-hanoi-2013",
    "news_item": "sympathy-manila-typhoon-haiyan",
    "source": SYMPATHY_SOURCE,
    "date_source": (anmc21.NEWS, "paragraph 1: declaration issued on 19 November"),
}


def solidarity_load(report: Any, *, actor: Any = None) -> Incident | None:
    """Create or bring up to date the Haiyan incident and the sympathy message (idempotent)."""
    manila = City.objects.filter(slug=HAIYAN["city"]).first()
    if manila is None:
        return None
    data = {
        "name": HAIYAN["name"],
        "kind": HAIYAN["kind"],
        "status": HAIYAN["status"],
        "severity": HAIYAN["severity"],
        "area_description": HAIYAN["area_description"],
        "latitude": manila.latitude,
        "longitude": manila.longitude,
        "source_document": HAIYAN["source"][0],
        "source_locator": HAIYAN["source"][1],
    }
    incident = Incident.objects.filter(slug=HAIYAN["slug"]).first()
    if incident is None:
        incident = services.incident_create(actor=actor, data={"slug": HAIYAN["slug"], **data})
        services.source_add(
            actor=actor,
            incident=incident,
            data={"title": "Hanoi Declaration, 2013", "locator": HAIYAN["source"][1]},
        )
        report.note("incident", "created")
    else:
        changed = services.incident_update(actor=actor, incident=incident, data=data)
        report.note("incident", "updated" if changed else "unchanged")
    services.affected_city_decide(actor=actor, incident=incident, city=manila, confirmed=True)

    message = SolidarityMessage.objects.filter(
        incident=incident, source_document=SYMPATHY["source"][0]
    ).first()
    if message is None:
        services.message_send(
            actor=actor,
            data={
                "incident": incident,
                "from_city": None,
                "to_city": manila,
                "language": SYMPATHY["language"],
                "body": SYMPATHY["body"],
                "sent_on": datetime.date.fromisoformat(SYMPATHY["sent_on"]),
                "meeting": Meeting.objects.filter(slug=SYMPATHY["meeting"]).first(),
                "news_item": NewsItem.objects.filter(slug=SYMPATHY["news_item"]).first(),
                "source_document": SYMPATHY["source"][0],
                "source_locator": SYMPATHY["source"][1],
            },
        )
        report.note("solidarity message", "created")
    else:
        report.note("solidarity message", "unchanged")
    return incident


DEMO_SLUG = "demo-flood-metro-manila"


@transaction.atomic
def solidarity_demo_load() -> Incident | None:
    """A demo flood in Metro Manila with needs, offers and deliveries, all marked demo."""
    cities = {
        c.slug: c
        for c in City.objects.filter(slug__in=["metro-manila", "tokyo", "seoul", "singapore"])
    }
    if len(cities) < 4 or Incident.objects.filter(slug=DEMO_SLUG).exists():
        return Incident.objects.filter(slug=DEMO_SLUG).first()
    manila = cities["metro-manila"]
    started = datetime.datetime.now(datetime.UTC).replace(microsecond=0) - datetime.timedelta(
        days=3
    )
    incident = services.incident_create(
        actor=None,
        data={
            "slug": DEMO_SLUG,
            "name": "Demo: flood in Metro Manila",
            "kind": "flood",
            "status": "active",
            "severity": "severe",
            "alert_level": "orange",
            "started_at": started,
            "description": "Generated demo incident.",
            "area_description": "Metro Manila (demo)",
            "latitude": manila.latitude,
            "longitude": manila.longitude,
            "radius_km": 30,
            "is_demo": True,
        },
    )
    services.incident_confirm(actor=None, incident=incident, cities=[manila])
    services.figure_add(
        actor=None,
        incident=incident,
        data={
            "kind": "displaced",
            "value": 12000,
            "source": "Demo figure",
            "as_of": started.date(),
        },
    )
    today = started.date()

    def need(category, description, quantity, unit):
        return services.need_post(
            actor=None,
            incident=incident,
            data={
                "city": manila,
                "category": category,
                "description": description,
                "quantity": Decimal(quantity),
                "unit": unit,
                "needed_by": today + datetime.timedelta(days=7),
                "is_demo": True,
            },
        )

    def offer(city, category, description, quantity, unit, for_need=None):
        return services.offer_make(
            actor=None,
            data={
                "city": cities[city],
                "need": for_need,
                "incident": incident,
                "category": category,
                "description": description,
                "quantity": Decimal(quantity),
                "unit": unit,
                "available_from": today + datetime.timedelta(days=1),
                "is_demo": True,
            },
        )

    tents = need("shelter", "Family tents for evacuation centres", 500, "tent")
    water = need("water_sanitation", "Drinking water", 20000, "litre")
    need("health", "Doctors and nurses for field clinics", 12, "person")
    tokyo_tents = offer("tokyo", "shelter", "Family tents from Tokyo's reserve", 300, "tent", tents)
    offer("seoul", "shelter", "Tents and blankets", 150, "tent")
    singapore_water = offer(
        "singapore", "water_sanitation", "Bottled drinking water", 15000, "litre"
    )
    accepted = services.offer_accept(actor=None, need=tents, offer=tokyo_tents)
    first = services.delivery_dispatch(actor=None, assistance=accepted, quantity=Decimal(200))
    services.delivery_receive(actor=None, delivery=first)
    water_help = services.offer_accept(actor=None, need=water, offer=singapore_water)
    services.delivery_dispatch(actor=None, assistance=water_help, quantity=Decimal(15000))
    _demo_drill(cities)
    services.message_send(
        actor=None,
        data={
            "incident": incident,
            "from_city": cities["tokyo"],
            "to_city": manila,
            "language": "ja",
            "body": "マニラの皆様に心からお見舞い申し上げます。(demo)",
            "is_demo": True,
        },
    )
    return incident


def _demo_drill(cities: dict[str, City]) -> None:
    """A demo joint earthquake drill hosted by Tokyo, reviewed, with actions and lessons."""
    year = datetime.datetime.now(datetime.UTC).year
    drill = services.drill_create(
        actor=None,
        meeting={
            "slug": "demo-joint-earthquake-drill",
            "title": "Demo: joint earthquake drill",
            "host_city": cities["tokyo"],
            "year": year,
            "start_date": datetime.date(year, 9, 1),
            "end_date": datetime.date(year, 9, 1),
            "time_zone": "Asia/Tokyo",
            "is_demo": True,
            "description": "Generated demo drill.",
        },
        cities={cities["seoul"]: "delegate", cities["metro-manila"]: "delegate"},
        data={
            "scenario_kind": "earthquake",
            "scenario": "A strong earthquake under Tokyo Bay on a weekday morning (demo).",
            "objectives": [
                "Exchange a first situation report within one hour",
                "Offer and accept rescue teams through the needs board",
            ],
        },
    )
    review = services.review_save(
        actor=None,
        drill=drill,
        data={
            "what_worked": "Situation reports arrived within the hour (demo).",
            "to_improve": "Units of offered equipment did not match the needs (demo).",
            "lessons": "Agree on units for common relief items before a disaster (demo).",
            "held_on": datetime.date(year, 9, 2),
        },
    )
    services.action_add(
        actor=None,
        review=review,
        data={
            "description": "Publish a shared list of units for relief items (demo)",
            "owner_city": cities["seoul"],
            "due_on": datetime.date(year, 12, 1),
        },
    )
    services.review_publish_lessons(actor=None, review=review)
