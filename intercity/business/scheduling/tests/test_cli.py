"""Tests of the `schedule` command line function."""

from __future__ import annotations

import json

from intercity.business.scheduling.cli import main

from .builders import make_instance_data


def _write(tmp_path, data):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_it_prints_the_result_as_json(tmp_path, capsys):
    path = _write(tmp_path, make_instance_data())
    assert main([str(path), "--time-limit", "2"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["status"] == "optimal"
    assert output["breaks"] == 0
    assert {a["meeting"] for a in output["assignments"]} == {"m1", "m2"}


def test_it_writes_the_result_to_the_out_file(tmp_path, capsys):
    path = _write(tmp_path, make_instance_data())
    out = tmp_path / "schedule.json"
    assert main([str(path), "--time-limit", "2", "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == "optimal"


def test_it_exits_with_2_and_a_clear_message_for_invalid_input(tmp_path, capsys):
    data = make_instance_data()
    data["meetings"][0]["participants"] = ["a", "a"]
    path = _write(tmp_path, data)
    assert main([str(path)]) == 2
    assert "meeting 'm1' is a meeting of 'a' with itself" in capsys.readouterr().err


def test_it_exits_with_2_for_a_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nothing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_fairness_none_and_ignore_lunch_gap_options_are_accepted(tmp_path, capsys):
    data = make_instance_data(slots=4, afternoon_from=2, meetings=[("a", "b"), ("a", "c")])
    data["meetings"][0]["fixed_slot"] = "s1"
    data["meetings"][1]["fixed_slot"] = "s4"
    path = _write(tmp_path, data)
    assert main([str(path), "--fairness", "none", "--ignore-lunch-gap", "--time-limit", "2"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["breaks"] == 0


def test_a_bad_fairness_value_is_rejected(tmp_path):
    path = _write(tmp_path, make_instance_data())
    assert main([str(path), "--fairness", "lots"]) == 2
