"""Indicator import rate and page latency with 100 cities × 35 indicators × 30 years.

Builds a separate SQLite database (or uses DATABASE_URL), writes a long-layout CSV of one
value per city, indicator and year (105,000 rows at full size), imports it through the same
service as `intercity import-indicators`, imports it again (every row unchanged), then
requests the city indicators page, the comparison page and the network dashboard several
times. It runs at a tenth of the cities first, so that a query count that grows with the
data shows at once.

    .venv/bin/python benchmarks/indicators.py [--cities 100] [--years 30] [--repeat 15]
"""

import argparse
import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LAST_YEAR = 2024
EXTRA_INDICATORS = (
    ("bench-trees-planted", "Trees planted", "item"),
    ("bench-district-heat", "District heat supplied", "TJ"),
)


def setup_django(sqlite_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = sqlite_path
    import django

    django.setup()


def build(n_cities: int) -> list:
    """A fresh database with the catalogue (35 indicators), cities and two targets each."""
    from django.core.management import call_command

    from intercity.cities.models import City
    from intercity.indicators.models import Indicator, Target
    from intercity.indicators.services import catalogue_load, indicator_create

    call_command("flush", interactive=False, verbosity=0)
    catalogue_load(actor=None)
    for code, name, unit in EXTRA_INDICATORS:
        indicator_create(
            actor=None,
            data={"code": code, "name": name, "definition": name, "unit": unit, "theme": "energy"},
        )
    rng = random.Random(37)
    cities = City.objects.bulk_create(
        City(
            slug=f"city-{i}",
            name=f"City {i}",
            country_code="VN",
            country_name="Vietnam",
            population=rng.randint(10**5, 10**7),
            time_zone="Asia/Bangkok",
        )
        for i in range(n_cities)
    )
    indicators = {i.code: i for i in Indicator.objects.all()}
    Target.objects.bulk_create(
        Target(
            city=city,
            indicator=indicators[code],
            base_year=2013,
            base_value=base,
            target_year=2030,
            target_value=goal,
        )
        for city in cities
        for code, base, goal in (
            ("ghg-per-capita", 6.0, 4.0),
            ("renewable-electricity-share", 10, 40),
        )
    )
    return list(indicators.values())


def table(cities: int, years: int, indicators: list) -> bytes:
    """One value per city, indicator and year, each within the indicator's plausible range."""
    rng = random.Random(2013)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["city", "indicator", "year", "value", "unit", "source"])
    for city in range(cities):
        for indicator in indicators:
            high = indicator.maximum if indicator.maximum is not None else 1e6
            low = max(indicator.minimum or 0.0, 1.0) if indicator.code == "population" else 0.0
            for year in range(LAST_YEAR - years + 1, LAST_YEAR + 1):
                value = rng.uniform(low, min(high, 1e6))
                writer.writerow(
                    [f"city-{city}", indicator.code, year, f"{value:.4g}", "", "Benchmark"]
                )
    return out.getvalue().encode()


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


def run(n_cities: int, years: int, repeat: int, results: dict) -> None:
    from django.db import connection

    from intercity.indicators.importing import observations_import
    from intercity.indicators.models import Observation

    indicators = build(n_cities)
    content = table(n_cities, years, indicators)
    rows = content.count(b"\n") - 1
    print(
        f"\n{connection.vendor}: {n_cities} cities × {len(indicators)} indicators × "
        f"{years} years = {rows:,} rows ({len(content) / 1e6:.1f} MB of CSV)"
    )
    for label in ("first import", "same file again"):
        started = time.perf_counter()
        report = observations_import(actor=None, content=content)
        seconds = time.perf_counter() - started
        assert report.ok, report.errors[:5]
        print(
            f"  {label:<16} {seconds:7.1f} s  {rows / seconds:9,.0f} rows/s  "
            f"created {report.created:,}, updated {report.updated:,}, "
            f"unchanged {report.unchanged:,}"
        )
    print(f"  observations stored: {Observation.objects.count():,}")
    print(f"  {'page':<52} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url in (
        "/indicators/city/city-0/",
        "/indicators/compare/?indicator=ghg-total&year=2020&per_capita=1",
        "/indicators/dashboard/",
        "/api/v1/indicator-observations/?city=city-0&indicator=ghg-total",
    ):
        median, p95, queries, status = measure(url, repeat)
        results.setdefault(url, []).append(queries)
        print(f"  {url:<52} {status:>6} {median:>10.1f} {p95:>8.1f} {queries:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=100)
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="intercity-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    results: dict[str, list[int]] = {}
    for cities in (max(1, args.cities // 10), args.cities):
        run(cities, args.years, args.repeat, results)
    grew = [url for url, counts in results.items() if len(set(counts)) > 1]
    if grew:
        print("\nQuery count grew with the data on: " + ", ".join(grew))
    else:
        print("\nQuery counts are the same at both sizes on every page.")


if __name__ == "__main__":
    main()
