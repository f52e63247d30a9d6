"""The SAT decision engine: per-participant bounds, row patterns and streamed progress."""

from __future__ import annotations

import pytest

from intercity.business.scheduling import solver
from intercity.business.scheduling.decision_engine import (
    minimum_breaks,
    participant_lower_bounds,
    proven_lower_bound,
    row_patterns,
    solve_by_decisions,
)
from intercity.business.scheduling.loaders import instance_from_dict
from intercity.business.scheduling.problem import build_problem
from intercity.business.scheduling.tests.builders import (
    make_instance_data,
    one_break_event,
    problem_and_domains,
)
from intercity.business.scheduling.validation import participant_breaks


def test_a_participant_cut_by_an_unavailable_slot_needs_one_break_on_its_own():
    data = make_instance_data(slots=5, meetings=[("a", "b"), ("a", "c"), ("a", "d"), ("e", "f")])
    data["participants"][0]["unavailable"] = ["s2", "s4"]  # a: free in s1, s3, s5 only
    problem, domains = problem_and_domains(data)
    bounds, patterns = participant_lower_bounds(problem, domains)
    assert bounds[0] == 2
    assert patterns[0] is None
    assert bounds[1:] == [0, 0, 0, 0, 0]


def test_row_patterns_list_windows_and_two_block_rows():
    problem, domains = problem_and_domains(
        make_instance_data(slots=4, meetings=[("a", "b"), ("a", "c")])
    )
    assert row_patterns(problem, domains, 0, 0) == [(0, 1), (1, 2), (2, 3)]
    assert row_patterns(problem, domains, 0, 1) == [(0, 2), (0, 3), (1, 3)]


def test_the_engine_streams_bounds_then_an_optimal_schedule():
    data = make_instance_data(
        slots=5, tables=1, meetings=[("a", "b"), ("a", "c"), ("b", "c"), ("d", "e")]
    )
    data["participants"][0]["unavailable"] = ["s2"]
    problem, domains = problem_and_domains(data)
    messages: list[tuple] = []
    solve_by_decisions(problem, domains, messages.append)
    assert messages[0][0] == "bound"
    kind, breaks, slot_of = messages[-1]
    assert kind == "optimal"
    assert all(s is not None for s in slot_of)
    busy: dict[int, list[int]] = {}
    for m, s in enumerate(slot_of):
        for p in problem.meeting_pairs[m]:
            busy.setdefault(p, []).append(s)
    sessions = ["morning"] * 5
    assert breaks == sum(participant_breaks(slots, sessions) for slots in busy.values())
    assert max(bound for tag, bound, *_ in messages if tag == "bound") <= breaks


def test_the_proven_bound_adds_what_each_participant_needs_on_its_own():
    data = make_instance_data(
        slots=6,
        tables=3,
        meetings=[("a", "b"), ("a", "c"), ("a", "d"), ("e", "f"), ("e", "g"), ("h", "i")],
    )
    data["participants"][0]["unavailable"] = ["s2", "s4"]  # a: 3 meetings in s1, s3, s5, s6
    data["participants"][4]["unavailable"] = ["s2", "s3", "s4", "s5"]  # e: s1 and s6 only
    problem, domains = problem_and_domains(data)
    a, e = 0, 4
    assert minimum_breaks(problem, domains, a) == 1  # e.g. s3, then s5 s6
    assert minimum_breaks(problem, domains, e) == 1
    assert proven_lower_bound(problem, domains) == 2
    ignoring_lunch = build_problem(instance_from_dict(data), fairness=2, ignore_lunch_gap=True)
    assert proven_lower_bound(ignoring_lunch, domains) == 0


def test_a_large_event_reports_the_proven_bound_and_says_optimal_when_it_is_reached(
    monkeypatch,
):
    monkeypatch.setattr(solver, "LARGE_EVENT_MEETINGS", 3)
    data = make_instance_data(
        slots=5, tables=2, meetings=[("a", "b"), ("a", "c"), ("d", "e"), ("d", "f")]
    )
    data["participants"][0]["unavailable"] = ["s2", "s3", "s4"]  # a: s1 and s5 only
    result = solver.solve(instance_from_dict(data), time_limit=2)
    assert result.engine == "heuristic"
    assert result.lower_bound == 1
    assert result.breaks == 1
    assert result.status == "optimal"


def test_a_participant_that_cannot_fit_at_all_makes_the_engine_report_infeasible():
    data = make_instance_data(slots=3, tables=1, meetings=[("a", "c"), ("a", "b"), ("a", "b")])
    data["participants"][1]["unavailable"] = ["s2"]
    data["meetings"][1]["after"] = ["m1"]
    data["meetings"][2]["after"] = ["m1"]
    problem, domains = problem_and_domains(data)
    messages: list[tuple] = []
    solve_by_decisions(problem, domains, messages.append)
    assert messages[-1] == ("infeasible",)


@pytest.mark.parametrize(
    "option",
    [
        # A schedule known beforehand spares the first, unbounded solve.
        {"known_feasible": True},
        # The engine that joins the race late leaves out the implied slot capacity.
        {"slot_capacity": False},
    ],
    ids=["known-schedule", "no-slot-capacity"],
)
def test_each_engine_option_streams_the_same_bounds_and_reaches_the_same_optimum(option):
    problem, domains = one_break_event()
    plain: list[tuple] = []
    varied: list[tuple] = []
    solve_by_decisions(problem, domains, plain.append)
    solve_by_decisions(problem, domains, varied.append, **option)
    assert plain[-1][0] == varied[-1][0] == "optimal"
    assert plain[-1][1] == varied[-1][1]
    assert sum(problem.breaks_per_participant(varied[-1][2])) == varied[-1][1]
    assert [m for m in plain if m[0] == "bound"] == [m for m in varied if m[0] == "bound"]


def test_the_engine_asks_whether_a_schedule_is_known_only_once_it_has_encoded_the_event():
    problem, domains = one_break_event()
    messages: list[tuple] = []
    asked: list[int] = []

    def known() -> bool:
        asked.append(len(messages))  # what had been streamed when the engine asked
        return True

    solve_by_decisions(problem, domains, messages.append, known_feasible=known)
    assert asked == [1]  # once, after the first bound, before any decision
    assert messages[0][0] == "bound"
    assert messages[-1][0] == "optimal"
