"""Tests of the independent schedule validator."""

from __future__ import annotations

from intercity.business.scheduling.loaders import instance_from_dict
from intercity.business.scheduling.model import Assignment
from intercity.business.scheduling.validation import participant_breaks, validate_schedule

from .builders import make_instance_data


def _schedule(*triples):
    return [Assignment(m, s, t) for m, s, t in triples]


def test_it_accepts_a_correct_schedule_and_counts_its_breaks():
    instance = instance_from_dict(make_instance_data())
    report = validate_schedule(instance, _schedule(("m1", "s1", 1), ("m2", "s3", 1)), fairness=2)
    assert report.ok
    assert report.breaks_by_participant == {"a": 0, "b": 1, "c": 0}
    assert report.total_breaks == 1


def test_a_break_is_a_maximal_idle_run_between_two_meetings():
    sessions = ["morning"] * 6
    assert participant_breaks([0, 1, 2], sessions) == 0
    assert participant_breaks([0, 3], sessions) == 1
    assert participant_breaks([0, 2, 5], sessions) == 2
    assert participant_breaks([4], sessions) == 0


def test_the_lunch_gap_counts_unless_ignored():
    sessions = ["morning", "morning", "afternoon", "afternoon"]
    assert participant_breaks([0, 3], sessions) == 1
    assert participant_breaks([0, 3], sessions, ignore_lunch_gap=True) == 0
    assert participant_breaks([2, 3], sessions, ignore_lunch_gap=True) == 0


def test_it_reports_a_participant_in_two_meetings_at_once():
    instance = instance_from_dict(make_instance_data())
    report = validate_schedule(instance, _schedule(("m1", "s1", 1), ("m2", "s1", 2)), fairness=2)
    assert any("participant 'b' has meetings 'm1' and 'm2'" in p for p in report.problems)


def test_it_reports_an_over_full_slot_and_a_shared_table():
    data = make_instance_data(meetings=[("a", "b"), ("c", "d")], tables=1)
    instance = instance_from_dict(data)
    report = validate_schedule(instance, _schedule(("m1", "s1", 1), ("m2", "s1", 1)), fairness=2)
    assert any("has 2 meetings but only 1 tables" in p for p in report.problems)
    assert any("holds both" in p for p in report.problems)


def test_it_reports_session_unavailability_fixed_slot_and_order_violations():
    data = make_instance_data(slots=4, afternoon_from=2)
    data["meetings"][0]["session"] = "afternoon"
    data["meetings"][1]["fixed_slot"] = "s4"
    data["meetings"][1]["after"] = ["m1"]
    data["participants"][0]["unavailable"] = ["s1"]
    instance = instance_from_dict(data)
    report = validate_schedule(instance, _schedule(("m1", "s1", 1), ("m2", "s1", 2)), fairness=2)
    text = "\n".join(report.problems)
    assert "must be in the afternoon" in text
    assert "where 'a' is unavailable" in text
    assert "fixed to slot 's4'" in text
    assert "must come before meeting 'm2'" in text


def test_it_reports_a_missing_meeting_unless_partial_schedules_are_allowed():
    instance = instance_from_dict(make_instance_data())
    partial = _schedule(("m1", "s1", 1))
    assert not validate_schedule(instance, partial, fairness=2).ok
    assert validate_schedule(instance, partial, fairness=2, allow_unplaced=True).ok


def test_it_reports_unfair_break_counts():
    data = make_instance_data(slots=5, meetings=[("a", "b"), ("a", "c"), ("a", "d")])
    instance = instance_from_dict(data)
    schedule = _schedule(("m1", "s1", 1), ("m2", "s3", 1), ("m3", "s5", 1))
    assert validate_schedule(instance, schedule, fairness=2).ok
    report = validate_schedule(instance, schedule, fairness=1)
    assert any("unfair" in p for p in report.problems)
