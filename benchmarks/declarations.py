"""Times declaration parsing and the accountability page on a large network.

Run from the repository root:  .venv/bin/python benchmarks/declarations.py
[--declarations 50] [--commitments 2000] [--cities 100] [--report-share 0.3]

The data (50 declarations sharing 2,000 commitments, each carried by all 100 cities: 200,000
matrix cells) goes into a throw-away SQLite file built with bulk_create.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
SEED = REPO_ROOT.parent / "shared" / "seeds" / "hanoi-declaration-2013.txt"


def median_seconds(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def parse_benchmark() -> None:
    from intercity.declarations.parsing import parse_declaration
    from intercity.declarations.parsing.synthetic import synthetic_declaration

    if SEED.exists():
        hanoi = SEED.read_text(encoding="utf-8")
        seconds = median_seconds(lambda: parse_declaration(hanoi), runs=31)
        print(f"parse Hanoi declaration ({len(hanoi):,} chars): median {seconds * 1000:.2f} ms")
    else:
        print(f"Hanoi seed not found at {SEED}; skipped")
    large = synthetic_declaration(1_000_000)
    seconds = median_seconds(lambda: parse_declaration(large), runs=3)
    print(f"parse 1 MB declaration ({len(large):,} chars): median {seconds:.3f} s")


def build(declarations: int, commitments: int, cities: int, report_share: float) -> None:
    from intercity.cities.models import City
    from intercity.declarations.models import Clause, Commitment, Declaration, ProgressReport

    rng = random.Random(21)
    started = time.perf_counter()
    city_rows = City.objects.bulk_create(
        City(slug=f"city-{i}", name=f"City {i:03d}", country_code="VN", country_name="Vietnam")
        for i in range(cities)
    )
    declaration_rows = Declaration.objects.bulk_create(
        Declaration(
            slug=f"declaration-{i}",
            title=f"Declaration {i}",
            adopted_on=datetime.date(2000 + i % 26, 11, 19),
            language="en",
            original_text="1. to cooperate.",
        )
        for i in range(declarations)
    )
    per_declaration = max(commitments // declarations, 1)
    clauses = Clause.objects.bulk_create(
        Clause(declaration=d, position=n + 1, number=str(n + 1), text=f"to cooperate on {n};")
        for d in declaration_rows
        for n in range(per_declaration)
    )
    commitment_rows = Commitment.objects.bulk_create(
        Commitment(
            declaration_id=clause.declaration_id,
            clause=clause,
            position=clause.position,
            title=f"Cooperate on matter {clause.position} of {clause.declaration_id}",
        )
        for clause in clauses
    )
    through = Commitment.cities.through
    through.objects.bulk_create(
        (through(commitment=c, city=city) for c in commitment_rows for city in city_rows),
        batch_size=5000,
    )
    statuses = [s.value for s in ProgressReport.Status]
    today = datetime.date.today()  # noqa: DTZ011 - a benchmark's dates only need to be recent
    ProgressReport.objects.bulk_create(
        (
            ProgressReport(
                commitment=c,
                city=city,
                status=rng.choice(statuses),
                reported_on=today - datetime.timedelta(days=rng.randrange(0, 800)),
                is_latest=True,
            )
            for c in commitment_rows
            for city in city_rows
            if rng.random() < report_share
        ),
        batch_size=5000,
    )
    cells = len(commitment_rows) * len(city_rows)
    print(
        f"built {declarations} declarations, {len(commitment_rows):,} commitments, "
        f"{cities} cities, {cells:,} cells, {ProgressReport.objects.count():,} reports "
        f"in {time.perf_counter() - started:.1f} s"
    )


def page_benchmark(label: str, url: str, runs: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(url)  # warm the caches and templates
    timings, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        queries = len(context.captured_queries)
    print(
        f"{label}: median {statistics.median(timings) * 1000:.0f} ms, {queries} queries "
        f"({len(response.content) if not response.streaming else 0:,} bytes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--declarations", type=int, default=50)
    parser.add_argument("--commitments", type=int, default=2000)
    parser.add_argument("--cities", type=int, default=100)
    parser.add_argument("--report-share", type=float, default=0.3)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    parse_benchmark()

    directory = tempfile.mkdtemp(prefix="intercity-bench-")
    os.environ["SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated a fresh database in {time.perf_counter() - started:.1f} s")
    build(args.declarations, args.commitments, args.cities, args.report_share)

    from django.urls import reverse

    accountability = reverse("declarations:accountability")
    page_benchmark("accountability page, all declarations", accountability, args.runs)
    page_benchmark(
        "accountability page, one declaration",
        f"{accountability}?declaration=declaration-7",
        args.runs,
    )
    page_benchmark("accountability page, one city", f"{accountability}?city=city-42", args.runs)
    page_benchmark(
        "CSV export, one declaration",
        f"{reverse('declarations:accountability-csv')}?declaration=declaration-7",
        args.runs,
    )
    page_benchmark("declaration index", reverse("declarations:list"), args.runs)


if __name__ == "__main__":
    main()
