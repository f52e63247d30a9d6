"""CAP 1.2: import, update, cancel, bad input, and an export that re-imports to itself."""

import pytest

from intercity.solidarity import cap, services
from intercity.solidarity.models import CapInfo, CapMessage, Incident
from intercity.testing.solidarity_factories import active_incident, cap_message

pytestmark = pytest.mark.django_db


def test_an_alert_creates_an_incident_with_its_area_and_suggested_cities(net):
    result = services.cap_import(actor=net.secretariat, data=cap_message())

    assert result.ok and result.created
    incident = result.incident
    assert incident.name == "Typhoon warning for Metro Manila"
    assert incident.kind == "tropical_cyclone"
    assert incident.severity == "extreme"
    assert incident.status == "active"
    assert (incident.latitude, incident.longitude, incident.radius_km) == (14.6, 121.0, 80)
    links = {link.city.slug: link.status for link in incident.affected.all()}
    assert links == {"metro-manila": "suggested"}


def test_the_same_alert_twice_changes_nothing(net):
    first = services.cap_import(actor=None, data=cap_message())
    again = services.cap_import(actor=None, data=cap_message())

    assert again.ok and not again.created
    assert again.incident.pk == first.incident.pk
    assert Incident.objects.count() == 1
    assert CapMessage.objects.count() == 1


def test_an_update_follows_its_reference_and_keeps_one_info_per_language(net):
    first = services.cap_import(actor=None, data=cap_message(with_filipino=True))
    update = cap_message(
        identifier="PAGASA-2026-TC-02",
        msg_type="Update",
        severity="Severe",
        headline="Typhoon weakening over Metro Manila",
        references="pagasa.dost.gov.ph,PAGASA-2026-TC-01,2026-11-08T05:00:00+08:00",
        with_filipino=True,
    )

    result = services.cap_import(actor=None, data=update)

    assert result.ok and not result.created
    incident = Incident.objects.get()
    assert incident.pk == first.incident.pk
    assert incident.severity == "severe"
    assert incident.name == "Typhoon weakening over Metro Manila"
    infos = CapInfo.objects.filter(incident=incident)
    assert sorted(infos.values_list("language", flat=True)) == ["en-US", "fil"]
    assert {info.message.identifier for info in infos} == {"PAGASA-2026-TC-02"}


def test_a_cancel_closes_the_incident_it_refers_to(net):
    services.cap_import(actor=None, data=cap_message())
    cancel = cap_message(
        identifier="PAGASA-2026-TC-03",
        msg_type="Cancel",
        references="pagasa.dost.gov.ph,PAGASA-2026-TC-01,2026-11-08T05:00:00+08:00",
    )

    result = services.cap_import(actor=None, data=cancel)

    assert result.ok
    incident = Incident.objects.get()
    assert incident.status == "closed"
    assert incident.ended_at is not None


def test_an_update_of_an_unknown_message_is_refused_and_stores_nothing(net):
    update = cap_message(
        identifier="X-2", msg_type="Update", references="someone,X-1,2026-11-08T05:00:00+08:00"
    )

    result = services.cap_import(actor=None, data=update)

    assert not result.ok
    assert "None of the messages this one refers to" in result.problems[0]
    assert not Incident.objects.exists() and not CapMessage.objects.exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<alert><unclosed>", "not well-formed XML"),
        (b"<rss version='2.0'/>", "not a CAP 1.2 alert"),
        (cap_message(severity="Catastrophic"), "does not follow the CAP 1.2 schema"),
        (cap_message(sent="2026-11-08 05:00"), "does not follow the CAP 1.2 schema"),
        (
            cap_message().replace(b"<circle>14.6,121.0 80</circle>", b"<polygon>1,2 3,4</polygon>"),
            "not a closed polygon",
        ),
    ],
)
def test_invalid_messages_get_a_clear_error_and_change_nothing(net, data, expected):
    result = services.cap_import(actor=None, data=data)

    assert not result.ok
    assert any(expected in problem for problem in result.problems)
    assert not Incident.objects.exists() and not CapMessage.objects.exists()


def test_entities_are_refused_rather_than_expanded(net):
    bomb = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxx">]><alert>&x;</alert>'

    result = services.cap_import(actor=None, data=bomb)

    assert not result.ok
    assert not Incident.objects.exists()


def test_an_exported_incident_validates_and_re_imports_to_the_same_incident(net):
    incident = active_incident(
        affected=[net.manila], glide="FL-2026-000123-PHL", alert_level="orange"
    )
    before = Incident.objects.get(pk=incident.pk)

    exported = services.cap_export(incident=incident)
    alert, problems = cap.read(exported)
    result = services.cap_import(actor=None, data=exported)

    assert problems == [] and alert.msg_type == "Alert"
    assert result.ok and not result.created
    assert result.incident.pk == incident.pk
    after = Incident.objects.get(pk=incident.pk)
    for name in (
        "name",
        "kind",
        "severity",
        "status",
        "alert_level",
        "glide",
        "latitude",
        "longitude",
        "radius_km",
        "started_at",
        "visibility",
    ):
        assert getattr(after, name) == getattr(before, name), name
    assert Incident.objects.count() == 1
    assert [link.city for link in after.affected.filter(status="confirmed")] == [net.manila]


def test_an_imported_message_exports_with_every_language_and_round_trips(net):
    imported = services.cap_import(actor=None, data=cap_message(with_filipino=True)).incident

    exported = services.cap_export(incident=imported)
    alert, problems = cap.read(exported)
    again = services.cap_import(actor=None, data=exported)

    assert problems == []
    assert sorted(info.language for info in alert.infos) == ["en-US", "fil"]
    assert again.incident.pk == imported.pk
    assert Incident.objects.get(pk=imported.pk).name == imported.name


def test_a_focal_point_may_not_import_alerts(net):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.cap_import(actor=net.manila_focal, data=cap_message())
    assert not Incident.objects.exists()
