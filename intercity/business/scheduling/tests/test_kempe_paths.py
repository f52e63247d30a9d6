"""Swaps along Kempe paths: every schedule they leave passes the validator and is no worse."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.business.scheduling.heuristic import FREE, LocalSearch
from intercity.business.scheduling.kempe_paths import chase_breaks
from intercity.business.scheduling.problem import build_problem, tighten_domains_by_precedence
from intercity.business.scheduling.solver import _assign_tables, solve
from intercity.business.scheduling.validation import validate_schedule

from .test_heuristic import _generated_event
from .test_solver import small_instances

# Far enough never to cut a step short: the tests bound the searches by steps, not time.
NO_DEADLINE = 3600.0


def _started_search(instance, *, seed=0, ignore_lunch_gap=False, repair_seconds=1.0):
    """The heuristic's construction and repair only, as the start of the path search."""
    problem = build_problem(instance, fairness=instance.fairness, ignore_lunch_gap=ignore_lunch_gap)
    domains = tighten_domains_by_precedence(problem)
    search = LocalSearch(problem, domains, seed)
    search.construct(time.monotonic() + NO_DEADLINE)
    # Repair stops as soon as every meeting is placed; the time only ends hopeless cases.
    search.repair(time.monotonic() + repair_seconds)
    return problem, search


def _assignments(problem, search):
    slot_of = [s if s != FREE else None for s in search.slot_of]
    return _assign_tables(problem, slot_of)


def test_swaps_on_a_generated_event_keep_it_valid_and_never_add_breaks():
    instance = _generated_event(200, 1200, 24, seed=11)
    problem, search = _started_search(instance)
    assert not search.unplaced
    before = search.cost()

    after = chase_breaks(search, time.monotonic() + NO_DEADLINE, max_steps=4000)

    assert after == search.cost() <= before
    assert sum(search.breaks) == sum(problem.breaks_per_participant(search.slot_of))
    fair = search.over_cap() <= 0
    report = validate_schedule(
        instance, _assignments(problem, search), fairness=instance.fairness if fair else None
    )
    assert report.ok, report.problems
    assert report.total_breaks == sum(search.breaks)


def test_the_same_seed_and_steps_give_the_same_schedule():
    instance = _generated_event(120, 600, 16, seed=5)
    schedules = []
    for _run in range(2):
        _problem, search = _started_search(instance, seed=3)
        chase_breaks(search, time.monotonic() + NO_DEADLINE, max_steps=1500)
        schedules.append(list(search.slot_of))
    assert schedules[0] == schedules[1]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    instance=small_instances(max_meetings=10, max_slots=6),
    ignore_lunch_gap=st.booleans(),
    seed=st.integers(0, 3),
)
def test_swaps_keep_every_hard_rule_on_small_events(instance, ignore_lunch_gap, seed):
    problem, search = _started_search(
        instance, seed=seed, ignore_lunch_gap=ignore_lunch_gap, repair_seconds=0.05
    )
    before = search.cost()
    placed_before = list(search.slot_of) if search.unplaced else None

    chase_breaks(search, time.monotonic() + NO_DEADLINE, max_steps=300)

    assert search.cost() <= before
    if placed_before is not None:
        # Incomplete schedules are the repair's business, not this search's.
        assert search.slot_of == placed_before
    report = validate_schedule(
        instance,
        _assignments(problem, search),
        fairness=None,
        ignore_lunch_gap=ignore_lunch_gap,
        allow_unplaced=True,
    )
    assert report.ok, report.problems


def test_the_solver_reports_the_gap_between_its_breaks_and_the_bound():
    instance = _generated_event(400, 2500, 24, seed=3)
    result = solve(instance, time_limit=6.0)
    assert result.status in ("feasible", "optimal")
    assert result.gap == result.breaks - result.lower_bound >= 0
    report = validate_schedule(instance, result.assignments, fairness=instance.fairness)
    assert report.ok, report.problems
    assert report.total_breaks == result.breaks
