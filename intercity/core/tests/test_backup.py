"""A backup restores every record exactly, on either database and across them; a bad file
restores nothing."""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from intercity.agreements.models import Agreement
from intercity.cities.models import City
from intercity.cities.services import city_update
from intercity.core import backup
from intercity.core.backup import backup_differences, backup_read, canonical_dump
from intercity.dataset.loader import anmc21_load
from intercity.meetings.models import Meeting
from intercity.testing.personas import make_cast
from intercity.web.selectors import site_search

pytestmark = pytest.mark.django_db(transaction=True)


def _history_rows() -> dict[str, int]:
    return {
        "city": City.history.count(),
        "agreement": Agreement.history.count(),
        "meeting": Meeting.history.count(),
    }


def test_a_backup_restores_the_network_as_it_was(tmp_path):
    anmc21_load(actor=None)
    path = tmp_path / "network.json.gz"
    call_command("backup", str(path))
    City.objects.filter(slug="tomsk").update(population=1)
    Agreement.objects.all().delete()

    call_command("restore", str(path), "--yes")

    assert City.objects.get(slug="tomsk").population > 1
    agreement = Agreement.objects.get()
    assert agreement.signatories.count() == 2
    assert Meeting.objects.get(ordinal=12).city_roles.count() == 8
    assert City.history.filter(slug="tomsk").exists()
    hits = site_search(user=None, query="Tomsk").hits
    assert any(hit.document.title.startswith("Tomsk") for hit in hits)


def test_a_restore_gives_back_history_and_timestamps_exactly_and_writes_no_history(tmp_path):
    anmc21_load(actor=None)
    cast = make_cast()
    tomsk = City.objects.get(slug="tomsk")
    city_update(actor=cast.secretariat, city=tomsk, data={"population": 524_000})
    before = canonical_dump()
    history_before = _history_rows()
    path = tmp_path / "network.json.gz"
    call_command("backup", str(path))
    City.objects.filter(slug="tomsk").update(population=1)

    call_command("restore", str(path), "--yes", "--check")

    assert backup_differences(before, canonical_dump()) == []
    assert _history_rows() == history_before
    stamps = [row.history_date for row in City.history.all()]
    assert any(stamp.microsecond % 1000 for stamp in stamps), "microseconds were cut"
    # New rows after a restore get fresh ids: the id counters follow the restored rows.
    city_update(actor=cast.secretariat, city=City.objects.get(slug="tomsk"), data={"population": 2})
    assert City.history.count() == history_before["city"] + 1


def test_check_undoes_a_restore_that_does_not_match_the_backup(tmp_path, monkeypatch):
    anmc21_load(actor=None)
    path = tmp_path / "network.json.gz"
    call_command("backup", str(path))
    City.objects.filter(slug="tomsk").update(population=7)
    # A database that loses a record on the way: the check must see it and undo everything.
    monkeypatch.setattr(backup, "canonical_dump", lambda: canonical_dump()[1:])

    with pytest.raises(CommandError, match="differs from the backup"):
        call_command("restore", str(path), "--yes", "--check")

    assert City.objects.get(slug="tomsk").population == 7


def test_a_file_that_is_not_a_backup_restores_nothing(tmp_path):
    anmc21_load(actor=None)
    path = tmp_path / "other.json.gz"
    with gzip.open(path, "wt") as handle:
        handle.write('{"something": "else"}')
    with pytest.raises(CommandError, match="not an Intercity backup"):
        call_command("restore", str(path), "--yes")
    assert City.objects.count() == 13


def test_a_backup_made_on_sqlite_restores_exactly_here(tmp_path):
    """On the PostgreSQL run this restores a SQLite backup into PostgreSQL."""
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL"}
    } | {"SQLITE_PATH": str(tmp_path / "other.sqlite3"), "TASK_QUEUE": "immediate"}
    root = Path(__file__).resolve().parents[3]
    path = tmp_path / "from-sqlite.json.gz"
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "from intercity.dataset.loader import anmc21_load;"
        "from intercity.cities.models import City;"
        "from intercity.cities.services import city_update;"
        "call_command('migrate', verbosity=0);"
        "anmc21_load(actor=None);"
        "city_update(actor=None, city=City.objects.get(slug='hanoi'), data={'population': 8});"
        f"call_command('backup', {str(path)!r}, verbosity=0)"
    )
    subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        env=environment | {"DJANGO_SETTINGS_MODULE": "intercity.settings"},
        cwd=root,
        check=True,
        timeout=300,
    )

    call_command("restore", str(path), "--yes", "--check")

    assert backup_differences(backup_read(path), canonical_dump()) == []
    assert City.objects.get(slug="hanoi").population == 8
    assert City.history.filter(slug="hanoi", population=8).exists()
    assert connection.vendor in {"sqlite", "postgresql"}
