"""The bound from pairs of participants who cannot both keep their cheapest day."""

from __future__ import annotations

import itertools
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.business.scheduling import solver
from intercity.business.scheduling.decision_engine import (
    participant_lower_bounds,
    proven_lower_bound,
    solve_by_decisions,
)
from intercity.business.scheduling.loaders import instance_from_dict
from intercity.business.scheduling.pair_bound import (
    matching_size,
    pair_conflicts,
    slots_in_row,
)
from intercity.business.scheduling.tests.builders import make_instance_data, problem_and_domains
from intercity.business.scheduling.tests.test_solver import meeting_pairs


def _pinned_pair_event() -> dict:
    """a's two other meetings are pinned to s1 and s2, b's to s5 and s6, and a meets b.

    On its own each can keep a 0-break day (a in s1-s3, b in s4-s6), but the meeting of a
    with b would then need s3 for a and s4 for b: one of them has a break."""
    data = make_instance_data(
        slots=6,
        tables=3,
        meetings=[("a", "x"), ("a", "y"), ("a", "b"), ("b", "u"), ("b", "v")],
    )
    for meeting, slot in zip(data["meetings"], ["s1", "s2", None, "s5", "s6"], strict=True):
        meeting["fixed_slot"] = slot
    return data


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_slots_a_meeting_can_take_in_a_row_are_those_of_some_full_assignment(data):
    slot_count = data.draw(st.integers(1, 8))
    size = data.draw(st.integers(1, min(slot_count, 6)))
    row = tuple(
        sorted(data.draw(st.sets(st.integers(0, slot_count - 1), min_size=size, max_size=size)))
    )
    domains = [
        sorted(data.draw(st.sets(st.integers(0, slot_count - 1), min_size=1))) for _ in range(size)
    ]
    meetings = list(range(size))
    expected: dict[int, set[int]] = {m: set() for m in meetings}
    for order in itertools.permutations(row):
        if all(order[m] in domains[m] for m in meetings):
            for m in meetings:
                expected[m].add(order[m])
    assert slots_in_row(meetings, domains, row) == expected


def test_two_participants_whose_cheapest_days_miss_each_other_add_a_break_to_the_bound():
    problem, domains = problem_and_domains(_pinned_pair_event())
    names = [p.id for p in problem.instance.participants]
    a, b = names.index("a"), names.index("b")
    bounds, patterns = participant_lower_bounds(problem, domains)
    assert sum(bounds) == 0
    assert pair_conflicts(problem, domains, patterns) == [(min(a, b), max(a, b))]
    assert proven_lower_bound(problem, domains) == 0
    assert proven_lower_bound(problem, domains, pairs_until=time.monotonic() + 60) == 1

    messages: list[tuple] = []
    solve_by_decisions(problem, domains, messages.append)
    assert messages[0] == ("bound", 1)  # no solve spent on a 0-break schedule
    assert messages[-1][:2] == ("optimal", 1)


def test_a_large_event_counts_the_pairs_in_its_reported_bound(monkeypatch):
    monkeypatch.setattr(solver, "LARGE_EVENT_MEETINGS", 3)
    # A limit that leaves the pairs a whole second; the heuristic stops once it meets the bound.
    result = solver.solve(instance_from_dict(_pinned_pair_event()), time_limit=20)
    assert result.engine == "heuristic"
    assert result.lower_bound == 1
    assert (result.status, result.breaks) == ("optimal", 1)


def test_an_event_whose_time_for_pairs_is_up_keeps_the_bound_of_the_single_participants():
    problem, domains = problem_and_domains(_pinned_pair_event())
    assert proven_lower_bound(problem, domains, pairs_until=time.monotonic() - 1) == 0


def test_the_matching_counts_participants_who_must_give_way_without_counting_one_twice():
    assert matching_size([]) == 0
    assert matching_size([(0, 1), (0, 2), (0, 3)]) == 1  # a star: 0 alone covers it
    assert matching_size([(0, 1), (2, 3)]) == 2
    assert matching_size([(0, 1), (1, 2), (2, 3)]) == 2  # the path's ends first


@st.composite
def pinned_events(draw):
    """Small events where half the meetings are pinned to a slot, so that pairs clash."""
    slot_count = draw(st.integers(3, 6))
    people = [f"p{i}" for i in range(draw(st.integers(3, 5)))]
    pairs = draw(meeting_pairs(people, min_size=2, max_size=7))
    data = make_instance_data(slots=slot_count, tables=2, fairness=None, meetings=pairs)
    for meeting in data["meetings"]:
        if draw(st.booleans()):
            meeting["fixed_slot"] = f"s{draw(st.integers(1, slot_count))}"
    return data


def _fewest_breaks(problem, domains) -> int | None:
    """Every slot choice of every meeting, checked by hand: the optimum, or None."""
    best = None
    for slots in itertools.product(*domains):
        per_slot: dict[int, int] = {}
        taken: set[tuple[int, int]] = set()
        clash = False
        for m, s in enumerate(slots):
            per_slot[s] = per_slot.get(s, 0) + 1
            for p in problem.meeting_pairs[m]:
                clash |= (p, s) in taken
                taken.add((p, s))
        if clash or max(per_slot.values()) > problem.tables:
            continue
        breaks = sum(problem.breaks_per_participant(list(slots)))
        best = breaks if best is None else min(best, breaks)
    return best


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pinned_events())
def test_the_pair_bound_never_exceeds_the_optimum_and_the_engine_still_finds_it(data):
    problem, domains = problem_and_domains(data)
    optimum = _fewest_breaks(problem, domains)
    bound = proven_lower_bound(problem, domains, pairs_until=time.monotonic() + 60)
    messages: list[tuple] = []
    solve_by_decisions(problem, domains, messages.append)
    if optimum is None:
        assert messages[-1][0] in ("infeasible", "bound")
        return
    assert bound <= optimum
    assert messages[-1][:2] == ("optimal", optimum)
