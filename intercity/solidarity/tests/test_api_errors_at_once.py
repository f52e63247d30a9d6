"""A refused write names a wrong field and what the service refuses in the rest, at once,
and keeps nothing."""

from decimal import Decimal

import pytest

from intercity.solidarity import services
from intercity.solidarity.models import (
    Assistance,
    Delivery,
    Incident,
    Need,
    Offer,
    SolidarityMessage,
)
from intercity.testing.solidarity_factories import active_incident, need, offer

pytestmark = pytest.mark.django_db

API = "/api/v1/"


def _post(client, path, data):
    return client.post(f"{API}{path}", data, content_type="application/json")


def _patch(client, path, data):
    return client.patch(f"{API}{path}", data, content_type="application/json")


def _incident_payload(**extra):
    return {
        "name": "Landslide in Bukit",
        "kind": "landslide",
        "severity": "moderate",
        "started_at": "2026-11-01T06:00:00Z",
        "latitude": "14.6",
        "longitude": "121.0",
        "radius_km": 10,
        **extra,
    }


def test_a_reported_incident_names_a_bad_kind_and_another_citys_report(client, net):
    client.force_login(net.manila_focal)

    answer = _post(
        client, "incidents/", _incident_payload(kind="nonsense", reported_by_city="tokyo")
    )

    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"kind", "reported_by_city"}
    assert body["reported_by_city"] == ["You can report an incident only in your own city."]
    assert not Incident.objects.exists()
    assert not Incident.history.exists()


def test_an_incident_change_names_a_bad_kind_and_a_moved_reporting_city(client, net):
    incident = active_incident(affected=[net.manila], reported_by_city=net.manila)
    client.force_login(net.manila_focal)
    before = Incident.history.count()

    answer = _patch(
        client, f"incidents/{incident.pk}/", {"kind": "nonsense", "reported_by_city": "tokyo"}
    )

    assert answer.status_code == 400
    assert set(answer.json()) == {"kind", "reported_by_city"}
    assert answer.json()["reported_by_city"] == [
        "Only the secretariat changes which city reported an incident."
    ]
    incident.refresh_from_db()
    assert incident.reported_by_city == net.manila
    assert Incident.history.count() == before


def test_a_need_names_a_bad_quantity_and_a_city_not_affected(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.secretariat)
    payload = {
        "incident": incident.pk,
        "city": "tokyo",
        "category": "food",
        "description": "Rice",
        "quantity": "many",
        "unit": "tonnes",
    }

    answer = _post(client, "solidarity/needs/", payload)

    assert answer.status_code == 400
    assert set(answer.json()) == {"quantity", "city"}
    assert answer.json()["city"] == [
        "Needs are posted for a city confirmed as affected by the incident."
    ]
    assert not Need.objects.exists()
    assert not Need.history.exists()


def _received(incident, net, quantity):
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=100, incident=incident)
    accepted = services.offer_accept(actor=None, need=tents, offer=tokyo, quantity=Decimal(60))
    delivery = services.delivery_dispatch(actor=None, assistance=accepted, quantity=quantity)
    services.delivery_receive(actor=None, delivery=delivery)
    return tents, tokyo, accepted


def test_a_need_change_names_a_bad_category_and_less_than_was_received(client, net):
    tents, _, _ = _received(active_incident(affected=[net.manila]), net, Decimal(40))
    client.force_login(net.secretariat)
    before = Need.history.count()

    answer = _patch(
        client, f"solidarity/needs/{tents.pk}/", {"category": "nonsense", "quantity": "10"}
    )

    assert answer.status_code == 400
    assert set(answer.json()) == {"category", "quantity"}
    assert answer.json()["quantity"] == ["More than this has already been received for the need."]
    tents.refresh_from_db()
    assert tents.quantity == 100
    assert Need.history.count() == before


def test_an_offer_names_a_bad_quantity_and_help_for_the_citys_own_need(client, net):
    incident = active_incident(affected=[net.manila])
    own = need(incident, net.manila)
    client.force_login(net.manila_focal)
    before = Offer.history.count()

    answer = _post(
        client,
        "solidarity/offers/",
        {"need": own.pk, "description": "Tents", "quantity": "lots", "unit": "tents"},
    )

    assert answer.status_code == 400
    assert set(answer.json()) == {"quantity", "need"}
    assert answer.json()["need"] == ["A city cannot offer help for its own need."]
    assert not Offer.objects.exists()
    assert Offer.history.count() == before


def test_an_offer_change_names_a_bad_category_and_less_than_is_committed(client, net):
    _, tokyo, _ = _received(active_incident(affected=[net.manila]), net, Decimal(40))
    client.force_login(net.tokyo_focal)
    before = Offer.history.count()

    answer = _patch(
        client, f"solidarity/offers/{tokyo.pk}/", {"category": "nonsense", "quantity": "10"}
    )

    assert answer.status_code == 400
    assert set(answer.json()) == {"category", "quantity"}
    assert answer.json()["quantity"] == [
        "More than this is already committed to needs; it cannot shrink so."
    ]
    tokyo.refresh_from_db()
    assert tokyo.quantity == 100
    assert Offer.history.count() == before


def test_an_acceptance_names_a_bad_quantity_and_the_citys_own_offer(client, net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila)
    own = offer(net.manila, incident=incident)
    client.force_login(net.manila_focal)
    before = Assistance.history.count()

    answer = _post(
        client,
        "solidarity/assistance/",
        {"need": tents.pk, "offer": own.pk, "quantity": "some"},
    )

    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"quantity", "non_field_errors"}
    assert body["non_field_errors"] == ["A city cannot accept its own offer."]
    assert not Assistance.objects.exists()
    assert Assistance.history.count() == before


def test_a_dispatch_names_a_bad_note_and_more_than_was_offered(client, net):
    _, _, accepted = _received(active_incident(affected=[net.manila]), net, Decimal(40))
    client.force_login(net.tokyo_focal)
    before = Assistance.history.count(), Delivery.history.count()

    answer = _post(
        client,
        "solidarity/deliveries/",
        {"assistance": accepted.pk, "quantity": "61", "note": {"not": "text"}},
    )

    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"note", "quantity"}
    assert "more than was offered" in body["quantity"][0]
    assert Delivery.objects.count() == 1
    assert (Assistance.history.count(), Delivery.history.count()) == before


def test_a_message_names_a_bad_visibility_and_a_message_to_the_own_city(client, net):
    client.force_login(net.tokyo_focal)

    answer = _post(
        client,
        "solidarity/messages/",
        {"to_city": "tokyo", "body": "Courage", "language": "en", "visibility": "nonsense"},
    )

    assert answer.status_code == 400
    assert set(answer.json()) == {"visibility", "to_city"}
    assert answer.json()["to_city"] == ["Send the message to another city."]
    assert not SolidarityMessage.objects.exists()
    assert not SolidarityMessage.history.exists()


def test_a_reported_incident_names_another_citys_report_a_status_and_an_end_before_the_start(
    client, net
):
    client.force_login(net.manila_focal)

    answer = _post(
        client,
        "incidents/",
        _incident_payload(
            kind="flood",
            reported_by_city="tokyo",
            status="closed",
            ended_at="2026-10-01T06:00:00Z",
        ),
    )

    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"reported_by_city", "status", "ended_at"}
    assert body["status"] == ["A reported incident starts as active."]
    assert body["ended_at"] == ["An incident cannot end before it starts."]
    assert not Incident.objects.exists()
    assert not Incident.history.exists()


def test_an_incident_change_names_a_moved_city_a_draft_and_an_end_before_the_start(client, net):
    incident = active_incident(affected=[net.manila], reported_by_city=net.manila)
    client.force_login(net.manila_focal)
    before = Incident.history.count()

    answer = _patch(
        client,
        f"incidents/{incident.pk}/",
        {
            "reported_by_city": "tokyo",
            "status": "draft",
            "started_at": "2026-11-01T06:00:00Z",
            "ended_at": "2026-10-01T06:00:00Z",
        },
    )

    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"reported_by_city", "status", "ended_at"}
    assert body["status"] == ["Only the secretariat puts an incident back to draft."]
    incident.refresh_from_db()
    assert (incident.reported_by_city, incident.status) == (net.manila, "active")
    assert incident.ended_at is None
    assert Incident.history.count() == before


def test_an_offer_names_help_for_the_citys_own_need_and_availability_out_of_order(client, net):
    incident = active_incident(affected=[net.manila])
    own = need(incident, net.manila)
    client.force_login(net.manila_focal)
    before = Offer.history.count()

    answer = _post(
        client,
        "solidarity/offers/",
        {
            "need": own.pk,
            "description": "Tents",
            "quantity": "5",
            "unit": "tents",
            "available_from": "2026-12-10",
            "available_until": "2026-12-01",
        },
    )

    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"need", "available_until"}
    assert body["available_until"] == ["Availability cannot end before it starts."]
    assert not Offer.objects.exists()
    assert Offer.history.count() == before
