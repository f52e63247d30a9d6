"""The `schedule` management command wraps the scheduling command line."""

import json

from django.core.management import call_command

from intercity.business.scheduling.tests.builders import make_instance_data


def test_schedule_writes_the_result_json(tmp_path):
    instance = tmp_path / "event.json"
    instance.write_text(json.dumps(make_instance_data()), encoding="utf-8")
    out = tmp_path / "schedule.json"
    call_command("schedule", str(instance), "--time-limit", "5", "--out", str(out))
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["status"] == "optimal"
    assert result["breaks"] == 0
    assert {a["meeting"] for a in result["assignments"]} == {"m1", "m2"}
