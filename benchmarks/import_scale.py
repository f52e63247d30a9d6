"""Times declaration imports of growing size: parsing alone, then the whole import; then an
organisation table of each --organisations size, with its queries.

Run from the repository root:  .venv/bin/python benchmarks/import_scale.py [--sizes 100 500 4000]
[--network] [--organisations 40 400 5000]

Each size is a synthetic declaration with that many numbered operative clauses, imported
through the real service (structure, commitments, search index) into a throw-away SQLite
database, or into PostgreSQL when DATABASE_URL is set (a database of its own is created).
With --network the ANMC21 member cities and themes are loaded first, so each commitment
carries the cities responsible for it, as in a real import; its queries are counted too.
The import is timed as the writing request pays for it; the search index updates it queues
(keyword rows, then semantic vectors) are then run and timed as the task consumer would.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))


def numbered(count: int) -> str:
    clauses = "\n\n".join(
        f"{n}. to cooperate on matter {n}, sharing what each city learns about water;"
        for n in range(1, count + 1)
    )
    return f"Long Declaration\n\nWe, the mayors, hereby declare:\n\n{clauses}\n"


def counting(queries: list[str]):
    """A database wrapper that notes every statement the import sends."""

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 4000])
    parser.add_argument(
        "--network", action="store_true", help="load the member cities and themes first"
    )
    parser.add_argument(
        "--organisations",
        type=int,
        nargs="*",
        default=[40, 400, 5000],
        help="lines of the organisation tables imported after the declarations",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        directory = tempfile.mkdtemp(prefix="intercity-import-")
        os.environ["SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    os.environ["TASK_QUEUE"] = "immediate"
    import django

    django.setup()
    from huey.contrib.djhuey import HUEY

    # Queue the tasks in memory and run them after the import, as a consumer would.
    HUEY.immediate = False
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        print("PostgreSQL: tests create their own database; run this against a scratch one")
    call_command("migrate", verbosity=0)
    if args.network:
        from intercity.dataset.loader import anmc21_load
        from intercity.searchindex import indexing

        with indexing.suspended():
            anmc21_load()
    from intercity.declarations.parsing import parse_declaration
    from intercity.declarations.services import declaration_import

    print(f"database: {connection.vendor}")
    for size in args.sizes:
        text = numbered(size)
        started = time.perf_counter()
        parsed = parse_declaration(text)
        parse_seconds = time.perf_counter() - started
        started = time.perf_counter()
        queries: list[str] = []
        with connection.execute_wrapper(counting(queries)):
            declaration = declaration_import(actor=None, text=text)
        import_seconds = time.perf_counter() - started
        started = time.perf_counter()
        tasks = 0
        while (task := HUEY.dequeue()) is not None:
            HUEY.execute(task)
            tasks += 1
        queue_seconds = time.perf_counter() - started
        print(
            f"{size:>5} clauses ({len(text):,} chars): parse {parse_seconds:.2f} s, "
            f"import {import_seconds:.2f} s ({len(queries)} queries), then {tasks} queued "
            f"index tasks "
            f"{queue_seconds:.2f} s; stored {declaration.clauses.count()} clauses "
            f"({len(parsed.clauses)} parsed, {len(parsed.closing)} closing) and "
            f"{declaration.commitments.count()} commitments"
        )
    organisation_tables(args.organisations)


def organisation_tables(sizes: list[int]) -> None:
    """An organisation table of each size imported by the secretariat into one city: the
    statements it sends should not grow with its lines."""
    from django.db import connection

    from intercity.organisations.importing import organisations_import
    from intercity.testing.factories import CityFactory
    from intercity.testing.personas import make_cast

    city = CityFactory(slug="benchmark-city", name="Benchmark City")
    secretariat = make_cast().secretariat
    for size in sizes:
        content = "name,city\n" + "".join(
            f"Benchmark {size} organisation {n},{city.slug}\n" for n in range(size)
        )
        queries: list[str] = []
        started = time.perf_counter()
        with connection.execute_wrapper(counting(queries)):
            report = organisations_import(actor=secretariat, content=content.encode())
        seconds = time.perf_counter() - started
        print(
            f"{size:>5} organisation lines: import {seconds:.2f} s ({len(queries)} queries), "
            f"{len(report.created)} registered, {len(report.errors)} errors"
        )


if __name__ == "__main__":
    main()
