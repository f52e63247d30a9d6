"""Latency and SQL query counts of the solidarity pages on a scaled dataset.

Builds a separate SQLite database (or uses DATABASE_URL) with 50 cities, 1,000 incidents,
20,000 needs, 50,000 offers, 10,000 accepted offers and 10,000 deliveries, and first a tenth
of that, so that a query count that grows with the data shows at once. The busiest incident
(the one measured) has the same number of needs and offers at both sizes; what grows is
everything around it.

    .venv/bin/python benchmarks/solidarity.py [--scale 1.0] [--repeat 15]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(sqlite_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    os.environ.setdefault("TASK_QUEUE", "immediate")
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = sqlite_path
    import django

    django.setup()


CATEGORIES = ["shelter", "water_sanitation", "food", "health", "equipment", "experts", "funds"]
UNITS = {
    "shelter": "tents",
    "water_sanitation": "litres",
    "food": "tonnes",
    "health": "kits",
    "equipment": "pumps",
    "experts": "people",
    "funds": "USD",
}


def build(scale: float) -> dict:
    """Create the scaled dataset with bulk inserts; returns what to request."""
    from django.core.management import call_command
    from django.utils import timezone

    from intercity.cities.models import City
    from intercity.solidarity.models import (
        AffectedCity,
        Assistance,
        Delivery,
        Incident,
        Need,
        Offer,
    )

    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(13)
    n_cities = 50
    n_incidents, n_needs, n_offers = int(1000 * scale), int(20_000 * scale), int(50_000 * scale)
    now = timezone.now()
    cities = City.objects.bulk_create(
        City(
            slug=f"city-{i}",
            name=f"City {i}",
            country_code="PH",
            country_name="Philippines",
            latitude=rng.uniform(-10, 50),
            longitude=rng.uniform(70, 150),
            time_zone="Asia/Manila",
        )
        for i in range(n_cities)
    )
    kinds = [k for k, _ in Incident.Kind.choices]
    incidents = Incident.objects.bulk_create(
        Incident(
            slug=f"incident-{i}",
            name=f"Incident {i}",
            kind=rng.choice(kinds),
            status=rng.choice(["active", "recovery", "closed"]),
            severity=rng.choice(["extreme", "severe", "moderate", "minor"]),
            started_at=now - datetime.timedelta(days=i),
            latitude=cities[i % n_cities].latitude,
            longitude=cities[i % n_cities].longitude,
            radius_km=50,
        )
        for i in range(n_incidents)
    )
    AffectedCity.objects.bulk_create(
        [
            AffectedCity(
                incident=incident,
                city=cities[(i + k) % n_cities],
                status="confirmed",
                distance_km=0,
            )
            for i, incident in enumerate(incidents)
            for k in range(2)
        ],
        batch_size=5000,
    )
    # The measured incident gets the same 20 needs and 50 offers at every size.
    measured = incidents[0]
    needs, offers = [], []
    per_incident = max(1, n_needs // n_incidents)
    for i in range(n_needs):
        incident = incidents[i // per_incident % n_incidents]
        category = CATEGORIES[i % len(CATEGORIES)]
        needs.append(
            Need(
                incident=incident,
                city=cities[incidents.index(incident) % n_cities]
                if incident is measured
                else cities[i % n_cities],
                category=category,
                description=f"Need {i}",
                quantity=Decimal(rng.randint(10, 1000)),
                unit=UNITS[category],
                needed_by=datetime.date(2026, 12, 1 + i % 28),
            )
        )
    needs = Need.objects.bulk_create(needs, batch_size=5000)
    offers_per_incident = max(1, int(n_offers * 0.9) // n_incidents)
    for i in range(n_offers):
        general = i >= offers_per_incident * n_incidents
        incident = None if general else incidents[i // offers_per_incident % n_incidents]
        category = CATEGORIES[i % len(CATEGORIES)]
        offers.append(
            Offer(
                incident=incident,
                city=cities[(i + 7) % n_cities],
                category=category,
                description=f"Offer {i}",
                quantity=Decimal(rng.randint(10, 500)),
                unit=UNITS[category],
                available_from=datetime.date(2026, 11, 1 + i % 28),
            )
        )
    offers = Offer.objects.bulk_create(offers, batch_size=5000)
    by_incident: dict[int, list] = {}
    for offer in offers:
        if offer.incident_id:
            by_incident.setdefault(offer.incident_id, []).append(offer)
    accepted = []
    for need in needs[: n_needs // 2]:
        candidates = [
            o for o in by_incident.get(need.incident_id, []) if o.category == need.category
        ]
        if not candidates:
            continue
        offer = candidates[need.pk % len(candidates)]
        quantity = min(offer.quantity, need.quantity)
        dispatched = quantity if need.pk % 3 else Decimal(0)
        accepted.append(
            Assistance(
                need=need,
                offer=offer,
                quantity=quantity,
                dispatched_quantity=dispatched,
                received_quantity=dispatched if need.pk % 2 else Decimal(0),
                status="received"
                if dispatched and need.pk % 2
                else "dispatched"
                if dispatched
                else "committed",
                accepted_at=now,
            )
        )
    seen = set()
    accepted = [
        a
        for a in accepted
        if (a.need_id, a.offer_id) not in seen and not seen.add((a.need_id, a.offer_id))
    ]
    accepted = Assistance.objects.bulk_create(accepted, batch_size=5000)
    Delivery.objects.bulk_create(
        [
            Delivery(
                assistance=a,
                quantity=a.dispatched_quantity,
                status="received" if a.received_quantity else "dispatched",
                dispatched_at=now,
                received_at=now if a.received_quantity else None,
            )
            for a in accepted
            if a.dispatched_quantity
        ],
        batch_size=5000,
    )
    return {
        "incidents": n_incidents,
        "needs": len(needs),
        "offers": len(offers),
        "accepted": len(accepted),
        "deliveries": Delivery.objects.count(),
        "incident": measured,
    }


def urls(data: dict) -> list[str]:
    incident = data["incident"]
    return [
        "/solidarity/",
        "/solidarity/?status=active",
        f"/solidarity/incidents/{incident.slug}/",
        f"/solidarity/incidents/{incident.slug}/board/",
        "/api/v1/incidents/",
        f"/api/v1/incidents/{incident.pk}/",
        f"/api/v1/incidents/{incident.pk}/cap/",
        f"/api/v1/solidarity/needs/?incident={incident.pk}",
    ]


def measure(url: str, repeat: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(url)  # warm caches and templates
    timings = []
    queries = status = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, queries, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="intercity-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    results: dict[str, list[int]] = {}
    for scale in (args.scale / 10, args.scale):
        started = time.perf_counter()
        data = build(scale)
        built = time.perf_counter() - started
        print(
            f"\n{connection.vendor}: {data['incidents']:,} incidents, {data['needs']:,} needs, "
            f"{data['offers']:,} offers, {data['accepted']:,} accepted, "
            f"{data['deliveries']:,} deliveries (built in {built:.1f} s)"
        )
        print(f"{'page':<44} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for url in urls(data):
            median, p95, queries, status = measure(url, args.repeat)
            key = (
                url.replace(data["incident"].slug, "<incident>")
                .replace(f"/{data['incident'].pk}/", "/<id>/")
                .replace(f"={data['incident'].pk}", "=<id>")
            )
            results.setdefault(key, []).append(queries)
            print(f"{key:<44} {status:>6} {median:>10.1f} {p95:>8.1f} {queries:>8}")
    grew = [key for key, counts in results.items() if len(set(counts)) > 1]
    if grew:
        print("\nQuery count grew with the data on: " + ", ".join(grew))
    else:
        print("\nQuery counts are the same at both sizes on every page.")


if __name__ == "__main__":
    main()
