"""`intercity import-cap FILE [--format json]`: exit status, output and nothing stored on error."""

import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from intercity.solidarity.models import Incident
from intercity.testing.solidarity_factories import cap_message

pytestmark = pytest.mark.django_db


def test_an_accepted_message_prints_the_incident_as_json(net, tmp_path, capsys):
    path = tmp_path / "alert.xml"
    path.write_bytes(cap_message())

    call_command("import_cap", str(path), "--format", "json")

    printed = json.loads(capsys.readouterr().out)
    incident = Incident.objects.get()
    assert printed["id"] == incident.pk
    assert printed["name"] == "Typhoon warning for Metro Manila"
    assert (printed["kind"], printed["severity"], printed["status"]) == (
        "tropical_cyclone",
        "extreme",
        "active",
    )
    assert printed["affected_cities"] == ["metro-manila"]


def test_an_invalid_message_fails_with_its_problems_and_stores_nothing(net, tmp_path, capsys):
    path = tmp_path / "alert.xml"
    path.write_bytes(cap_message(severity="Apocalyptic"))

    with pytest.raises(CommandError, match="not imported"):
        call_command("import_cap", str(path))

    assert "does not follow the CAP 1.2 schema" in capsys.readouterr().err
    assert not Incident.objects.exists()


def test_the_installed_command_exits_non_zero_on_a_bad_file(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<alert>")

    done = subprocess.run(  # noqa: S603 - our own entry point
        [sys.executable, "-m", "intercity.cli", "import-cap", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={"SQLITE_PATH": str(tmp_path / "db.sqlite3"), "PATH": ""},
    )

    assert done.returncode != 0
    assert "not well-formed XML" in done.stderr
