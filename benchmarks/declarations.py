"""Scores declaration parsing on the labelled corpus, times it, and times the accountability page.

Run from the repository root:  .venv/bin/python benchmarks/declarations.py
[--parse-only] [--show-misses] [--declarations 50] [--commitments 2000] [--cities 100]
[--report-share 0.3] [--member-languages DIR] [--holdout DIR]

The corpus (../shared/corpus/declarations) is read beside the repository and scored against
the hand-labelled facts in intercity/declarations/tests/corpus_labels.json: per field, the
share of texts the parser gets exactly right, on the texts used while developing the parser
and on the held-out ones.

Texts in the network's member languages, kept outside the repository (labels in
intercity/declarations/tests/member_language_labels.json), are scored the same way when
their directory is given with --member-languages or the DECLARATIONS_ML_DIR environment
variable: per field, then per language the fields the parser gets wrong. The second held-out
set (labels in holdout_labels.json) is read from --holdout or DECLARATIONS_HOLDOUT_DIR.

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
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "declarations"
LABELS = REPO_ROOT / "intercity" / "declarations" / "tests" / "corpus_labels.json"
MEMBER_LANGUAGE_LABELS = (
    REPO_ROOT / "intercity" / "declarations" / "tests" / "member_language_labels.json"
)
HOLDOUT_LABELS = REPO_ROOT / "intercity" / "declarations" / "tests" / "holdout_labels.json"


def median_seconds(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def holdout_directory(explicit: str | None) -> Path | None:
    """Where the texts of the second held-out set are: --holdout, DECLARATIONS_HOLDOUT_DIR."""
    for candidate in (explicit, os.environ.get("DECLARATIONS_HOLDOUT_DIR")):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def corpus_benchmark(show_misses: bool, calibrate: bool, holdout: Path | None = None) -> None:
    import json

    from intercity.dataset.anmc21 import MEMBER_CITIES
    from intercity.declarations.parsing import parse_declaration
    from intercity.declarations.parsing.doubts import PERTURBATIONS
    from intercity.declarations.parsing.evaluation import FIELDS, field_results, shares

    if not CORPUS.is_dir():
        print(f"declarations corpus not found at {CORPUS}; skipped")
        return
    members = [name for _slug, name, _geonames in MEMBER_CITIES]
    second = "second held out"
    groups: dict[str, list[dict[str, bool]]] = {"labelled": [], "held out": [], second: []}
    # Per group: (confidence, right) for every field of every text.
    scored: dict[str, list[tuple[float, bool]]] = {"labelled": [], "held out": [], second: []}
    calibration: dict[str, dict[str, list[int]]] = {}
    doubt: dict[str, dict[bool, list[int]]] = {}
    sources = [(label, None) for label in json.loads(LABELS.read_text(encoding="utf-8"))["labels"]]
    if holdout is not None:
        holdout_labels = json.loads(HOLDOUT_LABELS.read_text(encoding="utf-8"))["labels"]
        sources.extend((label, holdout) for label in holdout_labels)
    else:
        print("second held-out set: give --holdout DIR or DECLARATIONS_HOLDOUT_DIR; skipped")
    for label, elsewhere in sources:
        directory = SEED.parent if label.get("directory") == "seeds" else elsewhere or CORPUS
        if not (directory / label["file"]).exists():
            continue
        text = (directory / label["file"]).read_text(encoding="utf-8")
        parsed = parse_declaration(text, known_cities=members).to_dict()
        results = field_results(parsed, label)
        group = second if elsewhere else "held out" if label["held_out"] else "labelled"
        if label.get("calibration_only"):
            # The Hanoi seed calibrates the rules of its family but is not a corpus text.
            group = "calibration"
            scored.setdefault(group, [])
        else:
            groups[group].append(results)
        for field in FIELDS:
            scored[group].append((parsed["field_confidence"][field], results[field]))
        if calibrate:
            # Each text counts in its original form and in every form a copy of it may take.
            forms = [text, *(perturb(text) for perturb in PERTURBATIONS.values())]
            for form in forms:
                reading = parse_declaration(form, known_cities=members).to_dict()
                form_results = field_results(reading, label)
                for field in FIELDS:
                    in_doubt = field in reading["doubts"]
                    # A rule is judged on the readings not in doubt; doubts on their own.
                    tallies = [doubt.setdefault(field, {}).setdefault(in_doubt, [0, 0])]
                    if not in_doubt:
                        rule = reading["evidence"][field]
                        tallies.append(calibration.setdefault(field, {}).setdefault(rule, [0, 0]))
                    for tally in tallies:
                        tally[0] += form_results[field]
                        tally[1] += 1
        # Held-out texts are only scored, never inspected, so that rules stay general.
        if show_misses and not label["held_out"]:
            missed = [field for field in FIELDS if not results[field]]
            print(f"  {label['file']}: {', '.join(missed) or 'all right'}")
    if calibrate:
        print("CALIBRATION = {")
        for field, rules in calibration.items():
            cells = ", ".join(
                f'"{rule}": ({right}, {used})' for rule, (right, used) in rules.items()
            )
            print(f'    "{field}": {{{cells}}},')
        print("}")
        print("DOUBT_CALIBRATION = {")
        for field, cells in sorted(doubt.items()):
            row = ", ".join(f"{key}: ({right}, {used})" for key, (right, used) in cells.items())
            print(f'    "{field}": {{{row}}},')
        print("}")
        pooled = [sum(cells[True][i] for cells in doubt.values() if True in cells) for i in (0, 1)]
        print(f"DOUBTED_POOLED = ({pooled[0]}, {pooled[1]})")
    from intercity.declarations.parsing.confidence import LOW

    for group, pairs in scored.items():
        wrong = [confidence for confidence, right in pairs if not right]
        flagged_right = [confidence for confidence, right in pairs if right and confidence < LOW]
        flagged_wrong = [confidence for confidence in wrong if confidence < LOW]
        print(
            f"{group}: {len(flagged_wrong)} of {len(wrong)} wrong fields flagged below {LOW}; "
            f"{len(flagged_right)} of {len(pairs) - len(wrong)} right fields flagged"
        )
    groups["all"] = [row for rows in groups.values() for row in rows]
    groups = {name: rows for name, rows in groups.items() if rows}
    columns = {name: shares(rows) for name, rows in groups.items()}
    print(
        "| field | "
        + " | ".join(f"{name} ({len(rows)} texts)" for name, rows in groups.items())
        + " |"
    )
    print("|---|" + "---:|" * len(groups))
    for field in FIELDS:
        print(f"| {field} | " + " | ".join(f"{columns[name][field]:.0%}" for name in groups) + " |")


def member_language_benchmark(directory: Path | None) -> None:
    import json

    from intercity.dataset.anmc21 import MEMBER_CITIES
    from intercity.declarations.parsing import parse_declaration
    from intercity.declarations.parsing.evaluation import FIELDS, field_results, shares

    if directory is None:
        print("member-language texts: no --member-languages DIR nor DECLARATIONS_ML_DIR; skipped")
        return
    labels_file = MEMBER_LANGUAGE_LABELS
    members = [name for _slug, name, _geonames in MEMBER_CITIES]
    rows: list[dict[str, bool]] = []
    misses: list[tuple[str, list[str]]] = []
    for label in json.loads(labels_file.read_text(encoding="utf-8"))["labels"]:
        path = directory / label["file"]
        if not path.is_file():
            continue
        parsed = parse_declaration(path.read_text(encoding="utf-8"), known_cities=members)
        results = field_results(parsed.to_dict(), label)
        rows.append(results)
        misses.append((label.get("language", label["file"]), [f for f in FIELDS if not results[f]]))
    column = shares(rows)
    print(f"| field | member languages ({len(rows)} texts) |")
    print("|---|---:|")
    for field in FIELDS:
        print(f"| {field} | {column[field]:.0%} |")
    for language, missed in misses:
        print(f"  {language}: {', '.join(missed) or 'all right'}")


def parse_benchmark(member_languages: Path | None) -> None:
    from intercity.declarations.parsing import parse_declaration
    from intercity.declarations.parsing.synthetic import synthetic_declaration

    if SEED.exists():
        hanoi = SEED.read_text(encoding="utf-8")
        seconds = median_seconds(lambda: parse_declaration(hanoi), runs=31)
        print(f"parse Hanoi declaration ({len(hanoi):,} chars): median {seconds * 1000:.2f} ms")
    else:
        print(f"Hanoi seed not found at {SEED}; skipped")
    for size in (1_000_000, 2_000_000):
        large = synthetic_declaration(size)
        seconds = median_seconds(lambda text=large: parse_declaration(text), runs=3)
        megabytes = size // 1_000_000
        print(f"parse {megabytes} MB declaration ({len(large):,} chars): median {seconds:.3f} s")
    if CORPUS.is_dir():
        # Real texts pasted together, as an import of a whole bulletin would be.
        joined = "\n\n".join(
            path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))
        )
        bulletin = (joined * (2_000_000 // len(joined) + 1))[:2_000_000]
        seconds = median_seconds(lambda: parse_declaration(bulletin), runs=3)
        print(f"parse 2 MB of corpus texts pasted together: median {seconds:.3f} s")
    if member_languages is not None and member_languages.is_dir():
        joined = "\n\n".join(
            path.read_text(encoding="utf-8") for path in sorted(member_languages.glob("*.txt"))
        )
        if joined:
            bulletin = (joined * (2_000_000 // len(joined) + 1))[:2_000_000]
            seconds = median_seconds(lambda: parse_declaration(bulletin), runs=3)
            print(f"parse 2 MB of member-language texts pasted together: median {seconds:.3f} s")


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
    parser.add_argument("--parse-only", action="store_true", help="skip the page benchmarks")
    parser.add_argument("--show-misses", action="store_true", help="list wrong fields per text")
    parser.add_argument(
        "--calibrate", action="store_true", help="print the confidence calibration table"
    )
    parser.add_argument(
        "--holdout",
        help="folder with the texts of the second held-out set (holdout_labels.json); "
        "DECLARATIONS_HOLDOUT_DIR also works",
    )
    parser.add_argument(
        "--member-languages",
        type=Path,
        default=os.environ.get("DECLARATIONS_ML_DIR") or None,
        metavar="DIR",
        help="labelled texts in member languages (default: $DECLARATIONS_ML_DIR)",
    )
    args = parser.parse_args()

    # Settings first: the city names and the parser's messages are translatable strings.
    directory = tempfile.mkdtemp(prefix="intercity-bench-")
    os.environ["SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    import django

    django.setup()
    corpus_benchmark(args.show_misses, args.calibrate, holdout_directory(args.holdout))
    member_language_benchmark(args.member_languages)
    parse_benchmark(args.member_languages)
    if args.parse_only:
        return

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
