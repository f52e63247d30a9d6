"""Latency and SQL query counts of the main pages and API lists on a scaled dataset.

Builds a separate SQLite database (or uses DATABASE_URL) with 100 cities, 10,000 meetings,
100,000 city participations and 5,000 programmes, then requests each page several times.
It runs the same measurement at a tenth of the size first, so that a query count that grows
with the data shows at once.

    .venv/bin/python benchmarks/pages.py [--scale 1.0] [--repeat 15]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(sqlite_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = sqlite_path
    import django

    django.setup()


def build(scale: float) -> dict:
    """Create the scaled dataset with bulk inserts; returns slugs to request."""
    from django.core.management import call_command

    from intercity.cities.models import City
    from intercity.meetings.models import Meeting, MeetingCity
    from intercity.programmes.models import Programme

    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(21)
    n_cities, n_meetings, n_programmes = 100, int(10_000 * scale), int(5_000 * scale)
    per_meeting = 10
    cities = City.objects.bulk_create(
        City(
            slug=f"city-{i}",
            name=f"City {i}",
            country_code="VN",
            country_name="Vietnam",
            latitude=rng.uniform(-10, 50),
            longitude=rng.uniform(70, 150),
            population=rng.randint(10**5, 10**7),
            time_zone="Asia/Bangkok",
        )
        for i in range(n_cities)
    )
    kinds = [k for k, _ in Meeting.Kind.choices if k != "plenary"]
    meetings = Meeting.objects.bulk_create(
        Meeting(
            slug=f"meeting-{i}",
            title=f"Meeting {i} on urban energy",
            kind=rng.choice(kinds),
            host_city=cities[i % n_cities],
            year=2000 + i % 30,
            start_date=datetime.date(2000 + i % 30, 1 + i % 12, 1 + i % 28),
            time_zone="Asia/Bangkok",
        )
        for i in range(n_meetings)
    )
    roles = []
    for index, meeting in enumerate(meetings):
        chosen = rng.sample(range(n_cities), per_meeting)
        host = index % n_cities
        if host not in chosen:
            chosen[0] = host
        for city_index in chosen:
            role = "host" if city_index == host else "delegate"
            roles.append(MeetingCity(meeting=meeting, city=cities[city_index], role=role))
    MeetingCity.objects.bulk_create(roles, batch_size=5000)
    programmes = Programme.objects.bulk_create(
        Programme(
            slug=f"programme-{i}",
            name=f"Programme {i}",
            kind="joint_project",
            lead_city=cities[i % n_cities],
        )
        for i in range(n_programmes)
    )
    through = Programme.cities.through
    through.objects.bulk_create(
        [
            through(programme_id=p.pk, city_id=cities[(i + k) % n_cities].pk)
            for i, p in enumerate(programmes)
            for k in range(3)
        ],
        batch_size=5000,
    )
    return {
        "cities": n_cities,
        "meetings": n_meetings,
        "participations": len(roles),
        "programmes": n_programmes,
        "city": "city-7",
        "meeting": meetings[len(meetings) // 2].slug,
        "programme": programmes[len(programmes) // 2].slug,
    }


def urls(data: dict) -> list[tuple[str, str]]:
    """(label, address) of each page and API list to measure."""
    city, meeting, programme = data["city"], data["meeting"], data["programme"]
    return [
        ("/", "/"),
        ("/cities/", "/cities/"),
        ("/cities/<city>/", f"/cities/{city}/"),
        ("/meetings/", "/meetings/"),
        ("/meetings/?q=energy&kind=expert", "/meetings/?q=energy&kind=expert"),
        ("/meetings/<meeting>/", f"/meetings/{meeting}/"),
        ("/programmes/", "/programmes/"),
        ("/programmes/<prog>/", f"/programmes/{programme}/"),
        ("/agreements/", "/agreements/"),
        ("/search/?q=energy", "/search/?q=energy"),
        ("/api/v1/cities/", "/api/v1/cities/"),
        ("/api/v1/meetings/", "/api/v1/meetings/"),
        ("/api/v1/programmes/", "/api/v1/programmes/"),
    ]


def measure(url: str, repeat: int, client=None) -> tuple[float, float, int, int]:
    """Median and 95th-percentile milliseconds, SQL queries and status of one address."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = client or Client()
    client.get(url)  # warm caches and templates
    timings = []
    queries = 0
    status = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, queries, status


def compare_sizes(
    scale: float, repeat: int, build, urls, describe, *, client_for=None, width: int = 34
) -> None:
    """Build the data at a tenth of `scale`, then at `scale`; measure each (label, address)
    that `urls(data)` gives, as the client `client_for(data)` (anonymous by default), and say
    whether any query count grew with the data."""
    import time as clock

    from django.db import connection

    results: dict[str, list[int]] = {}
    for size in (scale / 10, scale):
        started = clock.perf_counter()
        data = build(size)
        built = clock.perf_counter() - started
        print(f"\n{connection.vendor}: {describe(data)} (built in {built:.1f} s)")
        client = client_for(data) if client_for else None
        head = f"{'page':<{width}} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}"
        print(f"{head} {'KB':>7}")
        for key, url in urls(data):
            median, p95, queries, status = measure(url, repeat, client)
            size_kb = len((client or _anonymous()).get(url).content) / 1024
            results.setdefault(key, []).append(queries)
            figures = f"{median:>10.1f} {p95:>8.1f} {queries:>8} {size_kb:>7.0f}"
            print(f"{key:<{width}} {status:>6} {figures}")
    grew = [key for key, counts in results.items() if len(set(counts)) > 1]
    if grew:
        print("\nQuery count grew with the data on: " + ", ".join(grew))
    else:
        print("\nQuery counts are the same at both sizes on every page.")


def _anonymous():
    from django.test import Client

    return Client()


def run_benchmark(doc: str, *, repeat: int, build, urls, describe, **options) -> None:
    """Parse --scale and --repeat, set up a fresh database and compare the two sizes."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=repeat)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="intercity-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    compare_sizes(args.scale, args.repeat, build, urls, describe, **options)


def main() -> None:
    run_benchmark(
        __doc__,
        repeat=15,
        build=build,
        urls=urls,
        describe=lambda data: (
            f"{data['cities']} cities, {data['meetings']:,} meetings, "
            f"{data['participations']:,} participations, {data['programmes']:,} programmes"
        ),
    )


if __name__ == "__main__":
    main()
