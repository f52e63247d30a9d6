"""Tests of the JSON and MiniZinc loaders and of the result writer."""

from __future__ import annotations

import csv
import json

import pytest

from intercity.business.scheduling.loaders import (
    instance_from_dict,
    instance_from_dzn,
    load_instance,
    result_to_dict,
)
from intercity.business.scheduling.model import Assignment, InvalidInstanceError, Result

from .builders import BENCHMARK_DIR, make_instance_data


def test_it_reads_a_valid_json_instance(tmp_path):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(make_instance_data()), encoding="utf-8")
    instance = load_instance(path)
    assert [s.id for s in instance.slots] == ["s1", "s2", "s3", "s4"]
    assert instance.meetings[0].participants == ("a", "b")
    assert instance.fairness == 2


def test_missing_fairness_defaults_to_two_and_null_means_no_bound():
    data = make_instance_data()
    del data["fairness"]
    assert instance_from_dict(data).fairness == 2
    data["fairness"] = None
    assert instance_from_dict(data).fairness is None


def test_it_lists_every_problem_of_bad_input_at_once():
    data = make_instance_data(tables=0)
    data["slots"][1]["session"] = "evening"
    data["slots"].append({"id": "s1", "session": "morning"})
    data["participants"].append({"id": "a", "unavailable": ["s99"]})
    data["meetings"].append({"id": "m1", "participants": ["a", "b"]})
    data["meetings"].append({"id": "m3", "participants": ["a", "a"]})
    data["meetings"].append({"id": "m4", "participants": ["a", "zed"], "session": "night"})
    data["meetings"].append({"id": "m5", "participants": ["b", "c"], "fixed_slot": "s42"})
    data["meetings"].append({"id": "m6", "participants": ["b", "c"], "after": ["m77", "m6"]})
    with pytest.raises(InvalidInstanceError) as caught:
        instance_from_dict(data)
    problems = "\n".join(caught.value.problems)
    assert "tables must be an integer of at least 1" in problems
    assert "slot 's2' has session 'evening'" in problems
    assert "duplicate slot id 's1'" in problems
    assert "duplicate participant id 'a'" in problems
    assert "duplicate meeting id 'm1'" in problems
    assert "meeting 'm3' is a meeting of 'a' with itself" in problems
    assert "meeting 'm4' has unknown participant 'zed'" in problems
    assert "meeting 'm4' has session 'night'" in problems
    assert "meeting 'm5' is fixed to unknown slot 's42'" in problems
    assert "meeting 'm6' comes after unknown meeting 'm77'" in problems
    assert "meeting 'm6' must come after itself" in problems


def test_it_rejects_a_cycle_in_after():
    data = make_instance_data(meetings=[("a", "b"), ("b", "c"), ("c", "a")])
    data["meetings"][0]["after"] = ["m3"]
    data["meetings"][1]["after"] = ["m1"]
    data["meetings"][2]["after"] = ["m2"]
    with pytest.raises(InvalidInstanceError, match="cycle in 'after'"):
        instance_from_dict(data)


def test_it_rejects_a_morning_slot_after_the_afternoon():
    data = make_instance_data(slots=3, afternoon_from=1)
    data["slots"][2]["session"] = "morning"
    with pytest.raises(InvalidInstanceError, match="comes after an afternoon slot"):
        instance_from_dict(data)


def test_it_rejects_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInstanceError, match="not valid JSON"):
        load_instance(path)


def test_dzn_text_becomes_an_instance_with_sessions_forbidden_fixed_and_precedences():
    text = """
    nBusiness = 3; nMeetings = 2; nTables = 1; nTotalSlots = 3; nMorningSlots = 2;
    requested = [|1, 2, 1, |2, 3, 3, |];
    forbidden = [{0}, {3}, {0}];
    fixed = [0, 2];
    precedences = [{}, {1}];
    """
    instance = instance_from_dzn(text)
    assert [s.session for s in instance.slots] == ["morning", "morning", "afternoon"]
    assert instance.participants[1].unavailable == ("3",)
    assert instance.meetings[0].session == "morning"
    assert instance.meetings[1].fixed_slot == "2"
    assert instance.meetings[1].after == ("1",)


def _reference_rows():
    path = BENCHMARK_DIR / "reference_results_jair2022.csv"
    if not path.exists():
        pytest.skip("shared benchmark not available")
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_dzn_loader_reads_real_instance_sizes_matching_the_reference_csv():
    for row in _reference_rows():
        path = BENCHMARK_DIR / "instances" / f"{row['instance']}.original.dzn"
        if not path.exists():
            pytest.skip(f"{path} not available")
        instance = load_instance(path)
        assert len(instance.participants) == int(row["participants"]), row["instance"]
        assert len(instance.meetings) == int(row["meetings"]), row["instance"]
        assert len(instance.slots) == int(row["slots"]), row["instance"]
        assert instance.tables == int(row["locations"]), row["instance"]


def test_result_writer_has_the_documented_keys():
    result = Result(
        status="optimal",
        breaks=1,
        lower_bound=1,
        seconds=0.25,
        assignments=[Assignment("m1", "s1", 1)],
        explanation=[],
    )
    data = result_to_dict(result)
    assert set(data) == {"status", "breaks", "lower_bound", "seconds", "assignments", "explanation"}
    assert data["assignments"] == [{"meeting": "m1", "slot": "s1", "table": 1}]
