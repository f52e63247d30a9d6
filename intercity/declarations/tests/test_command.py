import json

import pytest
from django.core.management import CommandError, call_command

from intercity.declarations.models import Declaration
from intercity.testing.declaration_factories import SHORT_DECLARATION
from intercity.testing.factories import MeetingFactory

ISSUE_KEYS = {"title", "meeting", "participants", "preamble", "clauses", "references",
              "next_meeting", "warnings"}  # fmt: skip


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "riverside.txt"
    path.write_text(SHORT_DECLARATION, encoding="utf-8")
    return path


def test_a_dry_run_prints_the_parsed_json_and_saves_nothing(cast, text_file, capsys):
    call_command("import_declaration", str(text_file), "--dry-run", "--format", "json")

    parsed = json.loads(capsys.readouterr().out)
    assert ISSUE_KEYS <= set(parsed)
    assert set(parsed["meeting"]) >= {"ordinal", "name", "city", "start_date", "end_date"}
    assert parsed["meeting"]["start_date"] == "2020-03-04"
    assert parsed["participants"] == ["Home City", "Other City"]
    assert parsed["clauses"][1]["subitems"][0] == {
        "label": "a",
        "text": "install shared sensors in Other City;",
    }
    assert parsed["next_meeting"]["year"] == 2021
    assert not Declaration.objects.exists()


def test_without_dry_run_it_saves_the_declaration(cast, text_file, capsys):
    meeting = MeetingFactory(title="3rd Plenary", kind="plenary", ordinal=3)
    call_command("import_declaration", str(text_file), "--meeting", str(meeting.pk))

    declaration = Declaration.objects.get()
    assert declaration.meeting == meeting
    assert declaration.commitments.count() == 4
    assert "Imported" in capsys.readouterr().out


def test_a_missing_file_or_meeting_is_an_error(cast, text_file):
    with pytest.raises(CommandError):
        call_command("import_declaration", "/nowhere/at/all.txt")
    with pytest.raises(CommandError):
        call_command("import_declaration", str(text_file), "--meeting", "999")
    assert not Declaration.objects.exists()


def test_the_cli_name_maps_to_the_command(cast, text_file, capsys):
    from intercity.cli import main

    main(["intercity", "import-declaration", str(text_file), "--dry-run", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["title"] == "Riverside Declaration"
