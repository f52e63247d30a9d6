"""Generated demo indicator series and targets for every member city, all marked as demo."""

from __future__ import annotations

import csv
import io
import random
import zlib

from django.db import transaction
from django.utils import timezone

from intercity.cities.models import City
from intercity.indicators.importing import ImportReport, observations_import
from intercity.indicators.models import Indicator, Target
from intercity.indicators.services import target_create

DEMO_SOURCE = "Demo data (generated, not reported by any city)"
FIRST_YEAR = 2010
# code: (typical start value, yearly drift as a fraction, noise as a fraction, unit as given)
SERIES = {
    "population": (3_000_000, 0.012, 0.002, "capita"),
    "ghg-per-capita": (6.0, -0.02, 0.03, "t CO2e/capita"),
    "renewable-electricity-share": (8.0, 0.09, 0.05, "%"),
    "electricity-per-capita": (4.2, 0.01, 0.03, "MWh/capita"),
    "energy-final-per-capita": (70.0, -0.01, 0.03, "GJ/capita"),
    "pm25-annual-mean": (35.0, -0.03, 0.08, "µg/m³"),
    "msw-per-capita": (380.0, 0.005, 0.04, "kg/capita"),
    "recycling-rate": (15.0, 0.05, 0.05, "%"),
    "public-transport-modal-share": (30.0, 0.015, 0.03, "%"),
    "street-lighting-efficient-share": (5.0, 0.25, 0.05, "%"),
}


def _rows(city: City, last_year: int) -> list[list[str]]:
    # One seed per city so the demo comes out the same on every machine and every run.
    rng = random.Random(zlib.crc32(city.slug.encode()))  # noqa: S311 - demo figures, not secrets
    scale = rng.uniform(0.6, 1.6)
    rows = []
    for code, (start, drift, noise, unit) in SERIES.items():
        value = start * scale if code not in ("population",) else (city.population or start)
        if code == "population":
            value = value / (1 + drift) ** (last_year - FIRST_YEAR)
        gap = rng.randrange(FIRST_YEAR + 2, last_year - 1)  # one missing year, shown as a gap
        for year in range(FIRST_YEAR, last_year + 1):
            value *= 1 + drift + rng.uniform(-noise, noise)
            if year == gap and code != "population":
                continue
            if unit == "%":
                value = min(value, 95.0)
            shown = round(value) if code == "population" else round(value, 3)
            rows.append([city.slug, code, str(year), str(shown), unit, DEMO_SOURCE])
    return rows + _totals(rows)


def _totals(rows: list[list[str]]) -> list[list[str]]:
    """Total emissions from the per-capita series and population, so the demo adds up."""
    population = {(r[0], r[2]): float(r[3]) for r in rows if r[1] == "population"}
    return [
        [slug, "ghg-total", year, str(round(float(value) * population[(slug, year)])), "t CO2e"]
        + [DEMO_SOURCE]
        for slug, code, year, value, _unit, _source in rows
        if code == "ghg-per-capita" and (slug, year) in population
    ]


@transaction.atomic
def indicator_demo_load() -> ImportReport:
    """Demo series for every member city through the importer, and two targets each."""
    last_year = timezone.localdate().year - 1
    cities = list(City.objects.filter(membership_status=City.Membership.MEMBER).order_by("name"))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["city", "indicator", "year", "value", "unit", "source"])
    for city in cities:
        writer.writerows(_rows(city, last_year))
    report = observations_import(actor=None, content=buffer.getvalue().encode(), demo=True)
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=SERIES)}
    for city in cities:
        _demo_targets(city, indicators)
    return report


def _demo_targets(city: City, indicators: dict[str, Indicator]) -> None:
    from intercity.indicators.selectors import city_indicators

    if Target.objects.filter(city=city, is_demo=True).exists():
        return
    series = {s.indicator.code: s.series for s in city_indicators(city=city, user=None)}
    rng = random.Random(zlib.crc32(city.slug.encode()) + 1)  # noqa: S311 - demo figures
    for code, change in (("ghg-per-capita", -0.3), ("renewable-electricity-share", 1.5)):
        base = series.get(code, {}).get(2013)
        if base is None or code not in indicators:
            continue
        target_value = base * (1 + change * rng.uniform(0.6, 1.4))
        target_create(
            actor=None,
            data={
                "city": city,
                "indicator": indicators[code],
                "kind": Target.Kind.BASE_YEAR if change < 0 else Target.Kind.FIXED_LEVEL,
                "base_year": 2013,
                "base_value": round(base, 3),
                "target_year": 2030,
                "target_value": round(min(target_value, 100.0), 3),
                "note": DEMO_SOURCE,
                "is_demo": True,
            },
        )
