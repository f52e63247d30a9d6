"""A refused write names a wrong field and what the service refuses in the rest, at once,
and keeps nothing."""

from contextlib import contextmanager
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


@contextmanager
def nothing_kept(*models):
    """The block adds, changes and removes no record of `models`: their counts and the
    counts of their history entries stay as they were."""
    before = [(model.objects.count(), model.history.count()) for model in models]
    yield
    assert [(model.objects.count(), model.history.count()) for model in models] == before


def refused(answer, fields: set[str]) -> dict:
    """The body of a refused write, which names exactly `fields`."""
    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == fields
    return body


@pytest.fixture
def reported(net):
    """An active incident in Manila, reported by Manila."""
    return active_incident(affected=[net.manila], reported_by_city=net.manila)


def report_incident(client, net, **extra):
    """Manila's focal point reports an incident; a refusal keeps no incident."""
    client.force_login(net.manila_focal)
    with nothing_kept(Incident):
        answer = _post(client, "incidents/", _incident_payload(**extra))
    assert not Incident.objects.exists()
    assert not Incident.history.exists()
    return answer


def change_incident(client, net, incident, fields):
    """Manila's focal point changes Manila's incident; a refusal leaves it as it was."""
    client.force_login(net.manila_focal)
    with nothing_kept(Incident):
        answer = _patch(client, f"incidents/{incident.pk}/", fields)
    incident.refresh_from_db()
    assert (incident.reported_by_city, incident.status) == (net.manila, "active")
    assert incident.ended_at is None
    return answer


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
    answer = report_incident(client, net, kind="nonsense", reported_by_city="tokyo")

    body = refused(answer, {"kind", "reported_by_city"})
    assert body["reported_by_city"] == ["You can report an incident only in your own city."]


def test_an_incident_change_names_a_bad_kind_and_a_moved_reporting_city(client, net, reported):
    answer = change_incident(
        client, net, reported, {"kind": "nonsense", "reported_by_city": "tokyo"}
    )

    body = refused(answer, {"kind", "reported_by_city"})
    assert body["reported_by_city"] == [
        "Only the secretariat changes which city reported an incident."
    ]


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

    with nothing_kept(Need):
        answer = _post(client, "solidarity/needs/", payload)

    body = refused(answer, {"quantity", "city"})
    assert body["city"] == ["Needs are posted for a city confirmed as affected by the incident."]
    assert not Need.objects.exists()
    assert not Need.history.exists()


def _received(incident, net, quantity):
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=100, incident=incident)
    accepted = services.offer_accept(actor=None, need=tents, offer=tokyo, quantity=Decimal(60))
    delivery = services.delivery_dispatch(actor=None, assistance=accepted, quantity=quantity)
    services.delivery_receive(actor=None, delivery=delivery)
    return tents, tokyo, accepted


def shrink_with_a_bad_category(client, user, record, path) -> dict:
    """`user` sends `record` (100 of something) down to 10 with a bad category; the body of
    the refusal, once the record is as it was."""
    client.force_login(user)
    with nothing_kept(type(record)):
        answer = _patch(
            client, f"solidarity/{path}/{record.pk}/", {"category": "nonsense", "quantity": "10"}
        )
    record.refresh_from_db()
    assert record.quantity == 100
    return refused(answer, {"category", "quantity"})


def test_a_need_change_names_a_bad_category_and_less_than_was_received(client, net):
    tents, _, _ = _received(active_incident(affected=[net.manila]), net, Decimal(40))

    body = shrink_with_a_bad_category(client, net.secretariat, tents, "needs")

    assert body["quantity"] == ["More than this has already been received for the need."]


def offer_for_manilas_own_need(client, net, **fields):
    """Manila's focal point offers tents for Manila's own need; a refusal keeps no offer."""
    own = need(active_incident(affected=[net.manila]), net.manila)
    client.force_login(net.manila_focal)
    with nothing_kept(Offer):
        answer = _post(
            client,
            "solidarity/offers/",
            {"need": own.pk, "description": "Tents", "unit": "tents", **fields},
        )
    assert not Offer.objects.exists()
    return answer


def test_an_offer_names_a_bad_quantity_and_help_for_the_citys_own_need(client, net):
    answer = offer_for_manilas_own_need(client, net, quantity="lots")

    body = refused(answer, {"quantity", "need"})
    assert body["need"] == ["A city cannot offer help for its own need."]


def test_an_offer_change_names_a_bad_category_and_less_than_is_committed(client, net):
    _, tokyo, _ = _received(active_incident(affected=[net.manila]), net, Decimal(40))

    body = shrink_with_a_bad_category(client, net.tokyo_focal, tokyo, "offers")

    assert body["quantity"] == [
        "More than this is already committed to needs; it cannot shrink so."
    ]


def test_an_acceptance_names_a_bad_quantity_and_the_citys_own_offer(client, net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila)
    own = offer(net.manila, incident=incident)
    client.force_login(net.manila_focal)

    with nothing_kept(Assistance):
        answer = _post(
            client,
            "solidarity/assistance/",
            {"need": tents.pk, "offer": own.pk, "quantity": "some"},
        )

    body = refused(answer, {"quantity", "non_field_errors"})
    assert body["non_field_errors"] == ["A city cannot accept its own offer."]
    assert not Assistance.objects.exists()


def test_a_dispatch_names_a_bad_note_and_more_than_was_offered(client, net):
    _, _, accepted = _received(active_incident(affected=[net.manila]), net, Decimal(40))
    client.force_login(net.tokyo_focal)

    with nothing_kept(Assistance, Delivery):
        answer = _post(
            client,
            "solidarity/deliveries/",
            {"assistance": accepted.pk, "quantity": "61", "note": {"not": "text"}},
        )

    body = refused(answer, {"note", "quantity"})
    assert "more than was offered" in body["quantity"][0]
    assert Delivery.objects.count() == 1


def test_a_message_names_a_bad_visibility_and_a_message_to_the_own_city(client, net):
    client.force_login(net.tokyo_focal)

    with nothing_kept(SolidarityMessage):
        answer = _post(
            client,
            "solidarity/messages/",
            {"to_city": "tokyo", "body": "Courage", "language": "en", "visibility": "nonsense"},
        )

    body = refused(answer, {"visibility", "to_city"})
    assert body["to_city"] == ["Send the message to another city."]
    assert not SolidarityMessage.objects.exists()
    assert not SolidarityMessage.history.exists()


def test_a_reported_incident_names_another_citys_report_a_status_and_an_end_before_the_start(
    client, net
):
    answer = report_incident(
        client,
        net,
        kind="flood",
        reported_by_city="tokyo",
        status="closed",
        ended_at="2026-10-01T06:00:00Z",
    )

    body = refused(answer, {"reported_by_city", "status", "ended_at"})
    assert body["status"] == ["A reported incident starts as active."]
    assert body["ended_at"] == ["An incident cannot end before it starts."]


def test_an_incident_change_names_a_moved_city_a_draft_and_an_end_before_the_start(
    client, net, reported
):
    answer = change_incident(
        client,
        net,
        reported,
        {
            "reported_by_city": "tokyo",
            "status": "draft",
            "started_at": "2026-11-01T06:00:00Z",
            "ended_at": "2026-10-01T06:00:00Z",
        },
    )

    body = refused(answer, {"reported_by_city", "status", "ended_at"})
    assert body["status"] == ["Only the secretariat puts an incident back to draft."]


def test_an_offer_names_help_for_the_citys_own_need_and_availability_out_of_order(client, net):
    answer = offer_for_manilas_own_need(
        client, net, quantity="5", available_from="2026-12-10", available_until="2026-12-01"
    )

    body = refused(answer, {"need", "available_until"})
    assert body["available_until"] == ["Availability cannot end before it starts."]
