"""The pseudo-Boolean engine (Exact): the same optimum as the other engines, streamed news."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings

from intercity.business.scheduling.decision_engine import solve_by_decisions
from intercity.business.scheduling.loaders import instance_from_dict, load_instance
from intercity.business.scheduling.pb_engine import available, solve_pseudo_boolean
from intercity.business.scheduling.problem import build_problem, tighten_domains_by_precedence

from .builders import BENCHMARK_DIR, make_instance_data, problem_and_domains
from .test_solver import _brute_force_best, small_instances

pytest.importorskip("exact", reason="Exact's wheel is not installed on this platform")


def _solve(problem, domains) -> list[tuple]:
    messages: list[tuple] = []
    solve_pseudo_boolean(problem, domains, messages.append, chunk_seconds=0.05)
    return messages


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances(max_meetings=5, max_slots=4))
def test_on_tiny_instances_the_optimum_equals_brute_force(instance):
    problem = build_problem(instance, fairness=instance.fairness)
    assume(available(problem))
    expected = _brute_force_best(instance, instance.fairness)
    messages = _solve(problem, tighten_domains_by_precedence(problem))
    if expected is None:
        assert messages[-1] == ("infeasible",)
        return
    kind, breaks, slot_of = messages[-1]
    assert kind == "optimal"
    assert breaks == expected
    assert sum(problem.breaks_per_participant(slot_of)) == expected
    assert _keeps_the_rules(problem, tighten_domains_by_precedence(problem), slot_of)


def test_news_comes_as_bounds_below_and_schedules_above_the_optimum():
    data = make_instance_data(
        slots=6,
        tables=2,
        meetings=[("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("e", "f"), ("e", "g")],
    )
    data["participants"][0]["unavailable"] = ["s2", "s4"]
    problem, domains = problem_and_domains(data)
    decisions: list[tuple] = []
    solve_by_decisions(problem, domains, decisions.append)
    optimum = decisions[-1][1]
    messages = _solve(problem, domains)
    assert messages[-1][:2] == ("optimal", optimum)
    for message in messages:
        if message[0] == "bound":
            assert message[1] <= optimum
        else:  # every schedule it sends counts its breaks as the validator would
            assert message[1] >= optimum
            assert sum(problem.breaks_per_participant(message[2])) == message[1]


def test_precedences_and_the_tables_hold_in_its_schedule():
    data = make_instance_data(
        slots=4, tables=1, meetings=[("a", "b"), ("c", "d"), ("a", "c"), ("b", "d")]
    )
    data["meetings"][0]["after"] = ["m2"]  # m1 after m2
    data["meetings"][2]["after"] = ["m1"]  # m3 after m1
    problem, domains = problem_and_domains(data)
    kind, _breaks, slot_of = _solve(problem, domains)[-1]
    assert kind == "optimal"
    assert slot_of[1] < slot_of[0] < slot_of[2]
    assert len(set(slot_of)) == 4  # one table: one meeting per slot


def test_an_event_that_cannot_be_scheduled_is_reported_infeasible():
    data = make_instance_data(slots=3, tables=1, meetings=[("a", "c"), ("a", "b"), ("a", "b")])
    data["participants"][1]["unavailable"] = ["s2"]
    data["meetings"][1]["after"] = ["m1"]
    data["meetings"][2]["after"] = ["m1"]
    problem, domains = problem_and_domains(data)
    assert _solve(problem, domains) == [("infeasible",)]


def test_lunch_gaps_left_uncounted_are_left_to_the_other_engines():
    data = make_instance_data(slots=4, afternoon_from=2, meetings=[("a", "b"), ("a", "c")])
    problem = build_problem(
        instance_from_dict(data), fairness=data["fairness"], ignore_lunch_gap=True
    )
    assert not available(problem)


def _keeps_the_rules(problem, domains, slot_of) -> bool:
    """Every meeting in an allowed slot, no one twice in a slot, no slot over its tables."""
    seen = set()
    for m, s in enumerate(slot_of):
        if s not in domains[m]:
            return False
        for p in problem.meeting_pairs[m]:
            if (p, s) in seen:
                return False
            seen.add((p, s))
    return all(slot_of.count(s) <= problem.tables for s in set(slot_of))


@pytest.mark.skipif(not BENCHMARK_DIR.exists(), reason="the shared B2B benchmark is not here")
def test_a_published_event_with_nearly_full_tables_reaches_its_published_optimum():
    # forumt-14crafe: 236 meetings in 10 slots of 24 tables; the published optimum is 5.
    instance = load_instance(BENCHMARK_DIR / "instances" / "forumt-14crafe.original.dzn")
    problem = build_problem(instance, fairness=2)
    domains = tighten_domains_by_precedence(problem)
    kind, breaks, slot_of = _solve(problem, domains)[-1]
    assert (kind, breaks) == ("optimal", 5)
    assert sum(problem.breaks_per_participant(slot_of)) == 5
    assert _keeps_the_rules(problem, domains, slot_of)
    assert max(problem.breaks_per_participant(slot_of)) <= 2  # fairness d = 2
