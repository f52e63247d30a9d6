"""Incidents from before the reporting city was recorded: filled from the audit trail where it
shows a focal point's report, and labelled honestly where it does not."""

import datetime
import functools
import importlib

import pytest
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from intercity.accounts.models import User
from intercity.solidarity import services
from intercity.solidarity.models import CapMessage, Incident
from intercity.testing.factories import UserFactory
from intercity.testing.solidarity_factories import (
    cap_message,
    city,
    focal_point,
    recorded_incident,
)

pytestmark = pytest.mark.django_db

NAME = "0006_fill_reporting_city_from_audit"
FILL = importlib.import_module(f"intercity.solidarity.migrations.{NAME}")


@functools.cache
def _migration_apps():
    """The models as the migration sees them, so the fill runs as it will on a real database."""
    return MigrationLoader(None, ignore_no_migrations=True).project_state(("solidarity", NAME)).apps


@pytest.fixture
def hanoi(db):
    return city("hanoi")


def _fill():
    FILL.fill(_migration_apps(), None)


def test_an_old_incident_a_hanoi_focal_point_created_is_filled_with_hanoi(hanoi):
    incident = recorded_incident(focal_point(hanoi, "hanoi.focal"), hanoi)

    _fill()

    incident.refresh_from_db()
    assert incident.reported_by_city == hanoi
    # The trail says the platform set it, not whoever edits the incident next.
    latest = incident.history.order_by("-history_id").first()
    assert latest.reported_by_city_id == hanoi.pk and latest.history_user is None


def test_the_fill_is_reversible_and_leaves_the_filled_city(hanoi):
    incident = recorded_incident(focal_point(hanoi, "hanoi.focal"), hanoi)
    _fill()
    operation = FILL.Migration.operations[0]

    assert operation.reversible
    operation.reverse_code(_migration_apps(), None)

    incident.refresh_from_db()
    assert incident.reported_by_city == hanoi


def test_an_imported_incident_stays_without_a_reporting_city(hanoi):
    # Even were the account that ran the import a focal point, the feed reported it.
    incident = recorded_incident(focal_point(hanoi, "hanoi.focal"), hanoi, external_key="FL-100")

    _fill()

    incident.refresh_from_db()
    assert incident.reported_by_city is None


def test_an_incident_the_secretariat_created_stays_without_a_reporting_city(hanoi):
    secretariat = UserFactory(username="sec", role=User.Role.SECRETARIAT, city=hanoi)
    incident = recorded_incident(secretariat, hanoi)

    _fill()

    incident.refresh_from_db()
    assert incident.reported_by_city is None


def test_the_role_at_creation_counts_not_the_role_now(hanoi):
    person = UserFactory(username="was.sec", role=User.Role.SECRETARIAT)
    incident = recorded_incident(person, hanoi)
    person.role, person.city = User.Role.FOCAL_POINT, hanoi
    person.save()

    _fill()

    incident.refresh_from_db()
    assert incident.reported_by_city is None


def test_a_focal_point_of_a_city_the_incident_does_not_affect_is_not_its_reporter(hanoi):
    tokyo = city("tokyo")
    incident = recorded_incident(focal_point(hanoi, "hanoi.focal"), tokyo)

    _fill()

    incident.refresh_from_db()
    assert incident.reported_by_city is None


def test_the_page_and_api_say_an_imported_incident_came_from_its_feed(client, hanoi):
    gdacs = recorded_incident(None, hanoi, external_key="FL-100")
    alert = services.cap_import(
        actor=UserFactory(username="sec", role=User.Role.SECRETARIAT), data=cap_message()
    ).incident

    for incident, feed in [(gdacs, "GDACS"), (alert, "CAP")]:
        page = client.get(incident.get_absolute_url()).content.decode()
        api = client.get(f"/api/v1/incidents/{incident.pk}/").json()

        assert f"Imported from {feed}" in page
        assert api["reported_by_city"] is None
        assert api["reported_by"] == {
            "kind": "feed",
            "feed": feed,
            "label": f"Imported from {feed}",
        }


def test_the_page_and_api_say_the_secretariat_recorded_what_it_recorded(client, hanoi):
    incident = recorded_incident(UserFactory(username="sec", role=User.Role.SECRETARIAT), hanoi)

    page = client.get(incident.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/incidents/{incident.pk}/").json()

    assert "Recorded by the secretariat" in page
    assert api["reported_by"]["kind"] == "secretariat"


def test_the_page_and_api_say_not_recorded_when_the_record_does_not_say(client, hanoi):
    incident = recorded_incident(None, hanoi)

    page = client.get(incident.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/incidents/{incident.pk}/").json()

    assert "Not recorded" in page and "Recorded by the secretariat" not in page
    assert api["reported_by"] == {"kind": "not_recorded", "feed": "", "label": "Not recorded"}


def test_a_filled_incident_shows_its_city_and_its_focal_point_may_edit_it(client, hanoi):
    hanoi_focal = focal_point(hanoi, "hanoi.focal")
    incident = recorded_incident(hanoi_focal, hanoi)
    client.force_login(hanoi_focal)
    edit = reverse("solidarity:incident-edit", args=[incident.slug])
    assert client.get(edit).status_code == 404

    _fill()

    page = client.get(incident.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/incidents/{incident.pk}/").json()
    assert f'href="{hanoi.get_absolute_url()}">Hanoi</a>' in page
    assert api["reported_by"] == {"kind": "city", "feed": "", "label": "Hanoi"}
    assert client.get(edit).status_code == 200


def test_an_incident_recorded_by_hand_and_later_matched_by_a_cap_alert_was_not_imported(
    client, hanoi
):
    secretariat = UserFactory(username="sec", role=User.Role.SECRETARIAT)
    incident = recorded_incident(secretariat, hanoi)
    services.incident_update(actor=secretariat, incident=incident, data={"severity": "severe"})
    CapMessage.objects.create(
        incident=incident,
        identifier="later-alert",
        sender="pagasa.dost.gov.ph",
        sent=datetime.datetime(2025, 9, 2, tzinfo=datetime.UTC),
        msg_type="Alert",
        status="Actual",
        xml="<alert/>",
        imported_by=secretariat,
    )

    api = client.get(f"/api/v1/incidents/{incident.pk}/").json()

    assert api["reported_by"]["kind"] == "secretariat"


def test_an_incident_loaded_from_a_cited_document_says_so(client, hanoi):
    incident = recorded_incident(None, hanoi)
    Incident.objects.filter(pk=incident.pk).update(
        source_document="hanoi-declaration-2013.txt", source_locator="closing"
    )

    page = client.get(incident.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/incidents/{incident.pk}/").json()

    assert "As recorded in its source" in page and "Not recorded" not in page
    assert api["reported_by"]["kind"] == "source"
