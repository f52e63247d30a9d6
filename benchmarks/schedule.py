"""Benchmark of the meeting scheduler on the JAIR 2022 B2B instances and larger synthetic events.

Run from the repository root:  .venv/bin/python benchmarks/schedule.py [--time-limit 60]
[--original-only | --variants-only] [--only NAME ...] [--synthetic-only | --no-synthetic]
[--shuffles N [--baseline]] [--over-full]

--shuffles N runs each of the 20 originals under N renamings and shufflings (seeds 1..N) and
prints per instance the worst and median time and whether every run proved the published
optimum; --baseline adds, measured in the same run, a plain MaxSAT model of the same
objective solved by python-sat's RC2 on one core, on the file as published.

--over-full runs events with more meetings than slot-table places (generated ones, and
forum-14 with 12 tables instead of 22) under three renamings each, and prints how many
meetings the best partial schedule places, of how many places, with how many breaks.
"""

from __future__ import annotations

import argparse
import csv
import math
import multiprocessing
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from intercity.business.scheduling.canonical import renamed_and_shuffled  # noqa: E402
from intercity.business.scheduling.loaders import instance_from_dict, load_instance  # noqa: E402
from intercity.business.scheduling.maxsat_engine import solve_with_maxsat  # noqa: E402
from intercity.business.scheduling.model import Instance  # noqa: E402
from intercity.business.scheduling.problem import (  # noqa: E402
    build_problem,
    tighten_domains_by_precedence,
)
from intercity.business.scheduling.solver import solve  # noqa: E402
from intercity.business.scheduling.validation import validate_schedule  # noqa: E402

BENCHMARK_DIR = REPO_ROOT.parent / "shared" / "benchmarks" / "b2b"
SYNTHETIC_SIZES = [(300, 1500, 24), (800, 6000, 24), (2000, 20000, 24)]


def read_reference() -> dict[str, dict[str, str]]:
    path = BENCHMARK_DIR / "reference_results_jair2022.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["instance"]: row for row in csv.DictReader(handle)}


def synthetic_event(participants: int, meetings: int, slots: int, seed: int) -> Instance:
    """A random event with session preferences and a little unavailability, always feasible
    in capacity (25% spare tables) and in per-participant load (at most slots - 2 meetings)."""
    rng = random.Random(seed)
    morning = slots // 2
    slot_data = [
        {"id": f"t{i + 1:02d}", "session": "morning" if i < morning else "afternoon"}
        for i in range(slots)
    ]
    people = [f"c{i:04d}" for i in range(participants)]
    degree = dict.fromkeys(people, 0)
    limit = slots - 2
    pairs: set[tuple[str, str]] = set()
    attempts = 0
    while len(pairs) < meetings and attempts < meetings * 50:
        attempts += 1
        a, b = rng.sample(people, 2)
        key = (min(a, b), max(a, b))
        if key in pairs or degree[a] >= limit or degree[b] >= limit:
            continue
        pairs.add(key)
        degree[a] += 1
        degree[b] += 1
    participant_data = []
    for person in people:
        unavailable = []
        if degree[person] < limit - 2 and rng.random() < 0.05:
            unavailable = [rng.choice(slot_data)["id"]]
        participant_data.append({"id": person, "unavailable": unavailable})
    meeting_data = []
    for index, (a, b) in enumerate(sorted(pairs)):
        light = degree[a] <= morning - 2 and degree[b] <= morning - 2
        session = rng.choice(["morning", "afternoon"]) if light and rng.random() < 0.1 else "either"
        meeting_data.append(
            {"id": f"m{index}", "participants": [a, b], "session": session, "after": []}
        )
    tables = math.ceil(len(meeting_data) / slots * 1.25)
    return instance_from_dict(
        {
            "slots": slot_data,
            "tables": tables,
            "fairness": 2,
            "participants": participant_data,
            "meetings": meeting_data,
        },
        name=f"synthetic-{participants}p-{len(meeting_data)}m-{slots}s",
    )


def run_one(instance: Instance, time_limit: float, workers: int) -> tuple:
    result = solve(instance, time_limit=time_limit, workers=workers)
    valid = True
    if result.status in ("optimal", "feasible"):
        valid = validate_schedule(instance, result.assignments, fairness=instance.fairness).ok
    line = (
        f"{instance.name:36s} {result.status:10s} breaks={result.breaks!s:>4s} "
        f"lb={result.lower_bound:<4d} gap={result.gap!s:>4s} {result.seconds:7.1f}s"
        + ("" if valid else "  INVALID SCHEDULE")
    )
    return line, result.status, valid and result.breaks is not None, result


def _plain_rc2(instance: Instance, connection) -> None:
    problem = build_problem(instance, fairness=instance.fairness)
    domains = tighten_domains_by_precedence(problem)
    _status, _slots, cost = solve_with_maxsat(problem, domains, solver_name="g3", implied=False)
    connection.send(cost)
    connection.close()


def baseline_seconds(instance: Instance, time_limit: float) -> tuple[float | None, int | None]:
    """Seconds a plain RC2 model needs on one core (None past the time limit), and its cost."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    started = time.monotonic()
    process = context.Process(target=_plain_rc2, args=(instance, sender), daemon=True)
    process.start()
    sender.close()
    cost = receiver.recv() if receiver.poll(time_limit) else None
    seconds = time.monotonic() - started
    if process.is_alive():
        process.kill()
    process.join()
    return (seconds, cost) if cost is not None else (None, None)


def run_shuffles(options, reference: dict[str, dict[str, str]]) -> None:
    files = sorted((BENCHMARK_DIR / "instances").glob("*.original.dzn"))
    if options.only:
        files = [f for f in files if any(f.name.startswith(name) for name in options.only)]
    header = f"{'instance':16s} {'opt':>3s} {'worst s':>8s} {'median s':>8s} {'all opt':>7s}"
    header += f" {'paper s':>7s}" + (f" {'RC2 s':>7s}" if options.baseline else "")
    print(header, flush=True)
    proved = within = 0
    worst_overall = 0.0
    for path in files:
        instance = load_instance(path)
        base = instance.name.split(".", 1)[0]
        row = reference.get(base, {})
        published = int(row["opt_breaks_d2"]) if row else None
        paper = float(row["maxsat_s"]) if row else None
        times, every_optimal = [], True
        for seed in range(1, options.shuffles + 1):
            result = solve(
                renamed_and_shuffled(instance, seed),
                time_limit=options.time_limit,
                workers=options.workers,
            )
            times.append(result.seconds)
            every_optimal &= result.status == "optimal" and (
                published is None or result.breaks == published
            )
        worst, median = max(times), statistics.median(times)
        worst_overall = max(worst_overall, worst)
        proved += int(every_optimal)
        within += int(paper is not None and median <= paper)
        line = f"{base:16s} {published!s:>3s} {worst:8.2f} {median:8.2f} {every_optimal!s:>7s}"
        line += f" {paper if paper is not None else float('nan'):7.1f}"
        if options.baseline:
            seconds, _cost = baseline_seconds(instance, options.time_limit)
            line += (
                f" {seconds:7.1f}"
                if seconds is not None
                else f" {'>' + str(options.time_limit):>7s}"
            )
        print(line, flush=True)
    print(
        f"SUMMARY: {proved}/{len(files)} originals proved at the published optimum under all "
        f"{options.shuffles} shuffles; median within the paper's MaxSAT time on {within}; "
        f"worst time {worst_overall:.1f}s",
        flush=True,
    )


def over_full_events() -> list[Instance]:
    """Events where not every meeting fits: generated ones with a tenth of the places cut,
    and a published event with fewer tables, when the benchmark files are there."""
    events = []
    for seed, (participants, meetings, slots) in enumerate([(60, 300, 12), (80, 400, 12)], 1):
        generated = synthetic_event(participants, meetings, slots, seed)
        tables = int(len(generated.meetings) * 0.9) // slots
        events.append(replace(generated, tables=tables, name=f"{generated.name}-{tables}t"))
    forum = BENCHMARK_DIR / "instances" / "forum-14.original.dzn"
    if forum.exists():
        events.append(replace(load_instance(forum), tables=12, name="forum-14-12t"))
    return events


def run_over_full(options) -> None:
    print(
        f"{'event':36s} {'run':>3s} {'placed':>6s} {'of':>4s} {'places':>6s} "
        f"{'breaks':>6s} {'s':>5s}",
        flush=True,
    )
    for instance in over_full_events():
        places = instance.tables * len(instance.slots)
        for seed in range(1, 4):
            variant = renamed_and_shuffled(instance, seed)
            result = solve(variant, time_limit=options.time_limit, workers=options.workers)
            valid = validate_schedule(
                variant, result.assignments, fairness=instance.fairness, allow_unplaced=True
            ).ok
            print(
                f"{instance.name:36s} {seed:3d} {len(result.assignments):6d} "
                f"{len(instance.meetings):4d} {places:6d} {result.breaks!s:>6s} "
                f"{result.seconds:5.1f}" + ("" if valid else "  INVALID SCHEDULE"),
                flush=True,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--original-only", action="store_true")
    parser.add_argument("--variants-only", action="store_true")
    parser.add_argument("--only", nargs="*", help="instance names (or name prefixes) to run")
    parser.add_argument("--synthetic-only", action="store_true")
    parser.add_argument("--no-synthetic", action="store_true")
    parser.add_argument("--shuffles", type=int, default=0)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--over-full", action="store_true")
    options = parser.parse_args(argv)
    if options.over_full:
        run_over_full(options)
        return 0

    reference = read_reference()
    if options.shuffles:
        run_shuffles(options, reference)
        return 0
    files = sorted((BENCHMARK_DIR / "instances").glob("*.dzn"))
    if options.original_only:
        files = [f for f in files if f.name.endswith(".original.dzn")]
    if options.variants_only:
        files = [f for f in files if not f.name.endswith(".original.dzn")]
    if options.only:
        files = [f for f in files if any(f.name.startswith(name) for name in options.only)]
    if options.synthetic_only:
        files = []

    matched = compared = within = 0
    statuses: dict[str, int] = {}
    our_time = paper_time = 0.0
    for path in files:
        instance = load_instance(path)
        line, status, _ok, result = run_one(instance, options.time_limit, options.workers)
        base, variant = instance.name.split(".", 1)
        row = reference.get(base) if variant == "original" else None
        statuses[status] = statuses.get(status, 0) + 1
        if row is not None:
            published = int(row["opt_breaks_d2"])
            paper_seconds = float(row["maxsat_s"])
            compared += 1
            matched += int(status == "optimal" and result.breaks == published)
            within += int(result.seconds <= paper_seconds)
            our_time += result.seconds
            paper_time += paper_seconds
            line += f"  published={published:<3d} paper_maxsat={paper_seconds:6.1f}s"
        print(line, flush=True)
    if files:
        ratio = f"{our_time / paper_time:.2f}" if paper_time else "n/a"
        counts = ", ".join(f"{count} {name}" for name, count in sorted(statuses.items()))
        print(
            f"SUMMARY: {len(files)} instances: {counts}; {matched}/{compared} originals at the "
            f"published optimum, {within}/{compared} within the paper's MaxSAT time; our time / "
            f"paper MaxSAT time on originals = {ratio} ({our_time:.1f}s / {paper_time:.1f}s)"
        )

    if not (options.no_synthetic or options.only or options.original_only or options.variants_only):
        for seed, (participants, meetings, slots) in enumerate(SYNTHETIC_SIZES, start=1):
            instance = synthetic_event(participants, meetings, slots, seed)
            line, *_ = run_one(instance, options.time_limit, options.workers)
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
