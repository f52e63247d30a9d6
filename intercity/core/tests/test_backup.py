"""A backup restores every record exactly, and a bad file restores nothing."""

import gzip

import pytest
from django.core.management import CommandError, call_command

from intercity.agreements.models import Agreement
from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load
from intercity.meetings.models import Meeting
from intercity.web.selectors import site_search

pytestmark = pytest.mark.django_db(transaction=True)


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


def test_a_file_that_is_not_a_backup_restores_nothing(tmp_path):
    anmc21_load(actor=None)
    path = tmp_path / "other.json.gz"
    with gzip.open(path, "wt") as handle:
        handle.write('{"something": "else"}')
    with pytest.raises(CommandError, match="not an Intercity backup"):
        call_command("restore", str(path), "--yes")
    assert City.objects.count() == 13
