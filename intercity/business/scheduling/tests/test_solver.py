"""Tests of the scheduling engine: validity, optimality on tiny cases, and explanations."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.business.scheduling.loaders import instance_from_dict, load_instance
from intercity.business.scheduling.model import Assignment
from intercity.business.scheduling.solver import solve
from intercity.business.scheduling.validation import validate_schedule

from .builders import BENCHMARK_DIR, make_instance_data


def meeting_pairs(people: list[str], *, min_size: int = 1, max_size: int):
    """Lists of meetings between two different people."""
    return st.lists(
        st.tuples(st.sampled_from(people), st.sampled_from(people)).filter(
            lambda pair: pair[0] != pair[1]
        ),
        min_size=min_size,
        max_size=max_size,
    )


@st.composite
def small_instances(draw, max_meetings=7, max_slots=5):
    """Random small events: sessions, tables, unavailability, fixed slots and precedences."""
    slot_count = draw(st.integers(2, max_slots))
    afternoon_from = draw(st.one_of(st.none(), st.integers(1, slot_count - 1)))
    people = [f"p{i}" for i in range(draw(st.integers(2, 5)))]
    pairs = draw(meeting_pairs(people, max_size=max_meetings))
    data = make_instance_data(
        slots=slot_count,
        afternoon_from=afternoon_from,
        tables=draw(st.integers(1, 3)),
        fairness=draw(st.sampled_from([None, 0, 1, 2])),
        meetings=pairs,
        participants=people,
    )
    slot_ids = [slot["id"] for slot in data["slots"]]
    for participant in data["participants"]:
        if draw(st.integers(0, 4)) == 0:
            participant["unavailable"] = [draw(st.sampled_from(slot_ids))]
    for index, meeting in enumerate(data["meetings"]):
        if afternoon_from is not None:
            meeting["session"] = draw(st.sampled_from(["either", "either", "morning", "afternoon"]))
        if draw(st.integers(0, 5)) == 0:
            meeting["fixed_slot"] = draw(st.sampled_from(slot_ids))
        if index > 0 and draw(st.integers(0, 4)) == 0:
            meeting["after"] = [data["meetings"][draw(st.integers(0, index - 1))]["id"]]
    return instance_from_dict(data)


def _brute_force_best(instance, fairness, ignore_lunch_gap=False):
    """Fewest breaks over every slot assignment, judged only by the validator."""
    best = None
    slot_ids = [slot.id for slot in instance.slots]
    for choice in itertools.product(slot_ids, repeat=len(instance.meetings)):
        used: dict[str, int] = {}
        schedule = []
        for meeting, slot in zip(instance.meetings, choice, strict=True):
            used[slot] = used.get(slot, 0) + 1
            schedule.append(Assignment(meeting.id, slot, used[slot]))
        report = validate_schedule(
            instance, schedule, fairness=fairness, ignore_lunch_gap=ignore_lunch_gap
        )
        if report.ok and (best is None or report.total_breaks < best):
            best = report.total_breaks
    return best


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances())
def test_every_schedule_the_solver_returns_passes_the_validator(instance):
    result = solve(instance, time_limit=3, workers=1)
    if result.status in ("optimal", "feasible"):
        report = validate_schedule(instance, result.assignments, fairness=instance.fairness)
        assert report.ok, report.problems
        assert report.total_breaks == result.breaks
        assert result.lower_bound <= result.breaks
    else:
        assert result.status == "infeasible"
        assert result.explanation
        report = validate_schedule(
            instance, result.assignments, fairness=instance.fairness, allow_unplaced=True
        )
        assert report.ok, report.problems


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_instances(max_meetings=5, max_slots=4), st.booleans())
def test_on_tiny_instances_the_optimum_equals_brute_force(instance, ignore_lunch_gap):
    expected = _brute_force_best(instance, instance.fairness, ignore_lunch_gap)
    result = solve(instance, time_limit=5, workers=1, ignore_lunch_gap=ignore_lunch_gap)
    if expected is None:
        assert result.status == "infeasible"
    else:
        assert result.status == "optimal"
        assert result.breaks == expected


def test_an_over_full_participant_is_named_with_its_counts():
    data = make_instance_data(slots=2, tables=5, meetings=[("x", "a"), ("x", "b"), ("x", "c")])
    result = solve(instance_from_dict(data), time_limit=2)
    assert result.status == "infeasible"
    lines = [str(reason) for reason in result.explanation]
    assert (
        "participant x has 3 meetings but only 2 available slots in the allowed sessions" in lines
    )
    assert result.explanation[0].as_dict() == {
        "code": "participant_overfull",
        "values": {"participant": "x", "count": 3, "slot_count": 2},
    }
    assert len(result.assignments) == 2
    assert "best partial schedule places 2 of 3 meetings with 0 breaks (proved best)" in lines


def test_an_over_full_session_is_explained_in_places():
    pairs = [(f"a{i}", f"b{i}") for i in range(5)]
    data = make_instance_data(slots=3, afternoon_from=2, tables=2, meetings=pairs)
    for meeting in data["meetings"]:
        meeting["session"] = "morning"
    result = solve(instance_from_dict(data), time_limit=2)
    assert result.status == "infeasible"
    assert "session morning has 5 meetings but 2 slots × 2 tables = 4 places" in [
        str(reason) for reason in result.explanation
    ]
    assert len(result.assignments) == 4


def test_clashing_fixed_meetings_are_explained():
    data = make_instance_data(slots=3)
    for meeting in data["meetings"]:
        meeting["fixed_slot"] = "s2"
    result = solve(instance_from_dict(data), time_limit=2)
    assert result.status == "infeasible"
    assert any("fixed meetings m1 and m2 clash" in str(reason) for reason in result.explanation)


def test_a_precedence_chain_longer_than_the_day_is_explained():
    data = make_instance_data(slots=2, meetings=[("a", "b"), ("c", "d"), ("e", "f")])
    data["meetings"][1]["after"] = ["m1"]
    data["meetings"][2]["after"] = ["m2"]
    result = solve(instance_from_dict(data), time_limit=2)
    assert result.status == "infeasible"
    assert any("chain of precedences" in str(reason) for reason in result.explanation)


def test_unfairness_alone_is_reported_when_nothing_is_over_full():
    # x meets three people whose other meetings pin them to slots 1, 3 and 5: x gets 2 breaks
    # while b, d, f and the others have none, so d = 1 cannot hold.
    pairs = [("x", "a"), ("x", "c"), ("x", "e"), ("a", "b"), ("c", "d"), ("e", "f")]
    data = make_instance_data(slots=5, tables=3, fairness=1, meetings=pairs)
    for index, slot in ((0, "s1"), (1, "s3"), (2, "s5")):
        data["meetings"][index]["fixed_slot"] = slot
    result = solve(instance_from_dict(data), time_limit=3)
    assert result.status == "infeasible"
    assert any("without the fairness rule a schedule exists" in str(r) for r in result.explanation)


def test_fairness_can_be_switched_off_per_run():
    pairs = [("x", "a"), ("x", "c"), ("x", "e")]
    data = make_instance_data(slots=5, tables=3, fairness=1, meetings=pairs)
    for index, slot in ((0, "s1"), (1, "s3"), (2, "s5")):
        data["meetings"][index]["fixed_slot"] = slot
    instance = instance_from_dict(data)
    assert solve(instance, time_limit=2).status == "infeasible"
    relaxed = solve(instance, time_limit=2, fairness=None)
    assert relaxed.status == "optimal"
    assert relaxed.breaks == 2


def test_a_real_benchmark_instance_is_solved_to_its_published_optimum():
    path = BENCHMARK_DIR / "instances" / "tic-12.original.dzn"
    if not path.exists():
        pytest.skip("shared benchmark not available")
    instance = load_instance(path)
    result = solve(instance, time_limit=20)
    assert result.status == "optimal"
    assert result.breaks == 0
    assert validate_schedule(instance, result.assignments, fairness=2).ok


def test_meetings_squeezed_by_their_order_are_explained():
    data = make_instance_data(slots=3, tables=1, meetings=[("a", "c"), ("a", "b"), ("a", "b")])
    data["participants"][1]["unavailable"] = ["s2"]  # b
    data["meetings"][1]["after"] = ["m1"]
    data["meetings"][2]["after"] = ["m1"]
    result = solve(instance_from_dict(data), time_limit=2, workers=1)
    assert result.status == "infeasible"
    assert any("required order of meetings" in str(line) for line in result.explanation)


def _over_full_event(*, people: int, meetings: int, slots: int, tables: int, seed: int) -> dict:
    """A random event with more meetings than slot-table places, nobody over-full alone."""
    rng = random.Random(seed)
    names = [f"p{i:02d}" for i in range(people)]
    load = dict.fromkeys(names, 0)
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < meetings:
        a, b = sorted(rng.sample(names, 2))
        if (a, b) in pairs or load[a] >= slots - 2 or load[b] >= slots - 2:
            continue
        pairs.add((a, b))
        load[a] += 1
        load[b] += 1
    return make_instance_data(slots=slots, tables=tables, meetings=sorted(pairs))


def test_an_over_full_event_fills_every_place_and_reports_as_it_places():
    # 300 meetings for 12 slots x 20 tables: 240 fit, as any run should find within the two
    # seconds a 6-second run gives to placing what fits (the heuristic alone fills every place
    # in about a hundredth of a second here).
    data = _over_full_event(people=60, meetings=300, slots=12, tables=20, seed=5)
    heard: list[tuple[int, int]] = []
    result = solve(
        instance_from_dict(data), time_limit=6, on_placing=lambda *figures: heard.append(figures)
    )
    assert result.status == "infeasible"
    assert len(result.assignments) == 240
    report = validate_schedule(
        instance_from_dict(data), result.assignments, fairness=2, allow_unplaced=True
    )
    assert report.ok, report.problems
    assert heard[0] == (0, 300)
    assert [placed for placed, _ in heard] == sorted({placed for placed, _ in heard})
    assert heard[-1] == (240, 300)
