"""The heuristic alone: whatever it returns must pass the independent validator."""

from __future__ import annotations

import math
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.business.scheduling.heuristic import solve_heuristically
from intercity.business.scheduling.loaders import instance_from_dict
from intercity.business.scheduling.problem import build_problem, tighten_domains_by_precedence
from intercity.business.scheduling.solver import _assign_tables, solve
from intercity.business.scheduling.validation import validate_schedule

from .test_solver import small_instances


def _run(instance, *, time_limit, ignore_lunch_gap=False):
    problem = build_problem(instance, fairness=instance.fairness, ignore_lunch_gap=ignore_lunch_gap)
    domains = tighten_domains_by_precedence(problem)
    outcome = solve_heuristically(problem, domains, time_limit=time_limit)
    return problem, outcome, _assign_tables(problem, outcome.slot_of)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instance=small_instances(max_meetings=10, max_slots=6), ignore_lunch_gap=st.booleans())
def test_the_heuristic_output_always_passes_the_validator(instance, ignore_lunch_gap):
    problem, outcome, assignments = _run(
        instance, time_limit=0.05, ignore_lunch_gap=ignore_lunch_gap
    )
    # Placed meetings never break a hard rule, complete or not.
    partial = validate_schedule(
        instance,
        assignments,
        fairness=None,
        ignore_lunch_gap=ignore_lunch_gap,
        allow_unplaced=True,
    )
    assert partial.ok, partial
    breaks = problem.breaks_per_participant(outcome.slot_of)
    assert outcome.breaks == sum(breaks)
    if outcome.complete_and_fair:
        report = validate_schedule(
            instance,
            assignments,
            fairness=instance.fairness,
            ignore_lunch_gap=ignore_lunch_gap,
        )
        assert report.ok, report


def _generated_event(participants: int, meetings: int, slots: int, seed: int):
    """A random event like the benchmark's synthetic ones (spare tables, light rows)."""
    rng = random.Random(seed)
    morning = slots // 2
    people = [f"c{i:04d}" for i in range(participants)]
    degree = dict.fromkeys(people, 0)
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < meetings:
        a, b = rng.sample(people, 2)
        key = (min(a, b), max(a, b))
        if key in pairs or degree[a] >= slots - 2 or degree[b] >= slots - 2:
            continue
        pairs.add(key)
        degree[a] += 1
        degree[b] += 1
    slot_data = [
        {"id": f"t{i + 1:02d}", "session": "morning" if i < morning else "afternoon"}
        for i in range(slots)
    ]
    return instance_from_dict(
        {
            "slots": slot_data,
            "tables": math.ceil(meetings / slots * 1.25),
            "fairness": 2,
            "participants": [
                {
                    "id": p,
                    "unavailable": [rng.choice(slot_data)["id"]]
                    if degree[p] < slots - 4 and rng.random() < 0.05
                    else [],
                }
                for p in people
            ],
            "meetings": [
                {"id": f"m{i}", "participants": [a, b], "session": "either", "after": []}
                for i, (a, b) in enumerate(sorted(pairs))
            ],
        },
        name="generated",
    )


def test_a_generated_event_of_1500_meetings_gets_a_complete_valid_schedule():
    instance = _generated_event(300, 1500, 24, seed=7)
    problem, outcome, assignments = _run(instance, time_limit=4.0)
    assert outcome.placed == problem.meeting_count
    assert outcome.complete_and_fair
    report = validate_schedule(instance, assignments, fairness=instance.fairness)
    assert report.ok, report


def test_the_solver_schedules_a_generated_event_of_2500_meetings():
    instance = _generated_event(400, 2500, 24, seed=3)
    result = solve(instance, time_limit=6.0)
    assert result.status in ("feasible", "optimal")
    assert len(result.assignments) == len(instance.meetings)
    report = validate_schedule(instance, result.assignments, fairness=instance.fairness)
    assert report.ok, report
