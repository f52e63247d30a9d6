"""The API: incidents list and CAP, and the three-user permission pattern on every write."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from intercity.solidarity import cap, services
from intercity.solidarity.models import Incident, Need, Offer, SolidarityMessage
from intercity.testing.solidarity_factories import active_incident, cap_message, need, offer

pytestmark = pytest.mark.django_db

INCIDENTS = "/api/v1/incidents/"


def test_the_incident_list_has_the_fields_consumers_rely_on(client, net):
    incident = active_incident(affected=[net.manila])

    response = client.get(INCIDENTS)

    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert {k: row[k] for k in ("id", "name", "kind", "severity", "status")} == {
        "id": incident.pk,
        "name": "Flood in Metro Manila",
        "kind": "flood",
        "severity": "severe",
        "status": "active",
    }
    assert row["affected_cities"] == ["metro-manila"]


def test_the_incident_list_runs_the_same_queries_for_more_incidents(
    client, net, django_assert_max_num_queries
):
    for n in range(8):
        active_incident(affected=[net.manila, net.tokyo], name=f"Flood {n}")

    with django_assert_max_num_queries(4):
        assert client.get(INCIDENTS).status_code == 200


def test_cap_of_an_incident_is_a_valid_cap_message(client, net):
    incident = active_incident(affected=[net.manila])

    response = client.get(f"{INCIDENTS}{incident.pk}/cap/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/cap+xml")
    alert, problems = cap.read(response.content)
    assert problems == [] and alert.infos[0].headline == "Flood in Metro Manila"


def test_a_bad_polygon_is_a_field_error_saying_what_is_wrong(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.secretariat)
    swapped = [[120.9, 14.5], [121.0, 14.7], [121.1, 14.5], [120.9, 14.5]]

    response = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"polygon": swapped}, content_type="application/json"
    )

    assert response.status_code == 400
    assert "written the other way round" in " ".join(response.json()["polygon"])
    incident.refresh_from_db()
    assert incident.polygon == []


def test_network_only_incidents_never_reach_the_public(client, net):
    hidden = active_incident(affected=[net.manila], visibility="network")

    assert client.get(INCIDENTS).json()["results"] == []
    assert client.get(f"{INCIDENTS}{hidden.pk}/").status_code == 404
    assert client.get(f"{INCIDENTS}{hidden.pk}/cap/").status_code == 404
    client.force_login(net.tokyo_focal)
    assert client.get(f"{INCIDENTS}{hidden.pk}/").status_code == 200


def test_draft_incidents_are_seen_by_the_secretariat_only(client, net):
    draft = services.incident_create(
        actor=None, data={"name": "Possible flood", "kind": "flood", "status": "draft"}
    )
    client.force_login(net.tokyo_focal)
    assert client.get(f"{INCIDENTS}{draft.pk}/").status_code == 404
    client.force_login(net.secretariat)
    assert client.get(f"{INCIDENTS}{draft.pk}/").status_code == 200


def test_the_secretariat_imports_cap_through_the_api(client, net):
    client.force_login(net.secretariat)

    response = client.post(
        f"{INCIDENTS}import-cap/", data=cap_message(), content_type="application/cap+xml"
    )

    assert response.status_code == 201
    assert response.json()["kind"] == "tropical_cyclone"
    bad = client.post(
        f"{INCIDENTS}import-cap/", data=b"<alert/>", content_type="application/cap+xml"
    )
    assert bad.status_code == 400 and bad.json()["problems"]
    assert Incident.objects.count() == 1


def test_a_focal_point_cannot_import_cap(client, net):
    client.force_login(net.manila_focal)

    response = client.post(
        f"{INCIDENTS}import-cap/", data=cap_message(), content_type="application/cap+xml"
    )

    assert response.status_code == 404
    assert not Incident.objects.exists()


NEEDS = "/api/v1/solidarity/needs/"
OFFERS = "/api/v1/solidarity/offers/"


def _need_payload(incident, city="metro-manila"):
    return {
        "incident": incident.pk,
        "city": city,
        "category": "water_sanitation",
        "description": "Drinking water",
        "quantity": "5000",
        "unit": "litres",
    }


def test_the_affected_citys_focal_point_posts_a_need(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.manila_focal)

    response = client.post(NEEDS, _need_payload(incident), content_type="application/json")

    assert response.status_code == 201
    assert response.json()["city"] == "metro-manila"


def test_another_citys_focal_point_cannot_post_or_change_its_needs(client, net):
    incident = active_incident(affected=[net.manila])
    existing = need(incident, net.manila, quantity=100)
    client.force_login(net.tokyo_focal)

    post = client.post(NEEDS, _need_payload(incident), content_type="application/json")
    patch = client.patch(
        f"{NEEDS}{existing.pk}/", {"quantity": "1"}, content_type="application/json"
    )

    assert post.status_code == 404 and patch.status_code == 404
    existing.refresh_from_db()
    assert existing.quantity == 100
    assert Need.objects.count() == 1


def test_the_secretariat_may_change_any_need(client, net):
    incident = active_incident(affected=[net.manila])
    existing = need(incident, net.manila, quantity=100)
    client.force_login(net.secretariat)

    response = client.patch(
        f"{NEEDS}{existing.pk}/", {"quantity": "120"}, content_type="application/json"
    )

    assert response.status_code == 200
    existing.refresh_from_db()
    assert existing.quantity == 120


def test_focal_points_offer_for_their_own_city_and_update_only_their_offers(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)
    response = client.post(
        OFFERS,
        {
            "incident": incident.pk,
            "city": "seoul",
            "category": "food",
            "description": "Rice",
            "quantity": "10",
            "unit": "tonnes",
        },
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["city"] == "tokyo"
    seoul_offer = offer(net.seoul, quantity=5, incident=incident)

    own = client.patch(
        f"{OFFERS}{response.json()['id']}/", {"quantity": "12"}, content_type="application/json"
    )
    other = client.patch(
        f"{OFFERS}{seoul_offer.pk}/", {"quantity": "1"}, content_type="application/json"
    )

    assert own.status_code == 200
    assert other.status_code == 404
    seoul_offer.refresh_from_db()
    assert seoul_offer.quantity == 5


def test_an_offer_in_another_unit_than_its_need_is_a_field_error(client, net):
    incident = active_incident(affected=[net.manila])
    water = need(incident, net.manila, quantity=20, unit="tonnes", category="water_sanitation")
    client.force_login(net.tokyo_focal)
    payload = {"need": water.pk, "description": "Water", "quantity": "5000", "unit": "litres"}

    refused = client.post(OFFERS, payload, content_type="application/json")
    same = client.post(
        OFFERS, {**payload, "quantity": "5", "unit": "Tonnes"}, content_type="application/json"
    )
    changed = client.patch(
        f"{OFFERS}{same.json()['id']}/", {"unit": "kg"}, content_type="application/json"
    )

    assert refused.status_code == 400
    assert "counted in “tonnes”" in " ".join(refused.json()["unit"])
    assert same.status_code == 201
    assert changed.status_code == 400 and "unit" in changed.json()
    assert [o.unit for o in Offer.objects.all()] == ["tonne"]  # "Tonnes" is kept as its code


def test_a_reader_cannot_offer_and_anonymous_writes_need_credentials(client, net):
    incident = active_incident(affected=[net.manila])
    payload = {
        "incident": incident.pk,
        "category": "food",
        "description": "Rice",
        "quantity": "10",
        "unit": "tonnes",
    }

    anonymous = client.post(OFFERS, payload, content_type="application/json")
    client.force_login(net.reader)
    reader = client.post(OFFERS, payload, content_type="application/json")

    assert anonymous.status_code in (401, 403)
    assert reader.status_code == 404
    assert not Offer.objects.exists()


def test_the_whole_cycle_through_the_api(client, net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=100, incident=incident)
    client.force_login(net.tokyo_focal)
    refused = client.post(
        "/api/v1/solidarity/assistance/",
        {"need": tents.pk, "offer": tokyo.pk},
        content_type="application/json",
    )
    assert refused.status_code == 404
    client.force_login(net.manila_focal)
    accepted = client.post(
        "/api/v1/solidarity/assistance/",
        {"need": tents.pk, "offer": tokyo.pk, "quantity": "60"},
        content_type="application/json",
    ).json()
    client.force_login(net.tokyo_focal)
    too_much = client.post(
        "/api/v1/solidarity/deliveries/",
        {"assistance": accepted["id"], "quantity": "61"},
        content_type="application/json",
    )
    sent = client.post(
        "/api/v1/solidarity/deliveries/",
        {"assistance": accepted["id"], "quantity": "60"},
        content_type="application/json",
    ).json()
    early = client.post(f"/api/v1/solidarity/deliveries/{sent['id']}/receive/")
    client.force_login(net.manila_focal)
    received = client.post(f"/api/v1/solidarity/deliveries/{sent['id']}/receive/")

    assert too_much.status_code == 400
    assert early.status_code == 404
    assert received.status_code == 200 and received.json()["status"] == "received"


def test_network_only_messages_stay_inside_the_network(client, net):
    services.message_send(
        actor=net.tokyo_focal,
        data={"to_city": net.manila, "body": "頑張って", "language": "ja", "visibility": "network"},
    )

    assert client.get("/api/v1/solidarity/messages/").json()["results"] == []
    client.force_login(net.seoul_focal)
    (message,) = client.get("/api/v1/solidarity/messages/").json()["results"]
    assert message["from_city"] == "tokyo" and message["body"] == "頑張って"
    assert SolidarityMessage.objects.count() == 1


@pytest.mark.parametrize("typed", ["abc", "²", "-1", "99999999999999999999"])
def test_a_need_number_typed_wrong_finds_nothing_and_fails_nothing(client, net, typed):
    incident = active_incident(affected=[net.manila])
    need(incident, net.manila)
    client.force_login(net.tokyo_focal)
    listed = client.get(NEEDS, {"incident": typed})
    assert listed.status_code == 200
    assert listed.json()["count"] == 0
    page = client.get(reverse("solidarity:offer", args=[incident.slug]), {"need": typed})
    assert page.status_code == 404
    assert client.get(NEEDS, {"incident": str(incident.pk)}).json()["count"] == 1


def test_a_messages_language_is_one_of_the_platforms_and_defaults_to_the_writers(client, net):
    client.force_login(net.tokyo_focal)
    url = "/api/v1/solidarity/messages/"
    body = {"to_city": "metro-manila", "body": "頑張ってください"}

    unknown = client.post(url, {**body, "language": "Klingon"}, content_type="application/json")
    chosen = client.post(url, {**body, "language": "ko"}, content_type="application/json")
    # The request switches the thread's language; the override puts it back for later tests.
    with translation.override(settings.LANGUAGE_CODE):
        default = client.post(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="ja")

    assert unknown.status_code == 400 and "language" in unknown.json()
    assert chosen.status_code == 201 and chosen.json()["language"] == "ko"
    assert default.status_code == 201 and default.json()["language"] == "ja"
    assert SolidarityMessage.objects.count() == 2
