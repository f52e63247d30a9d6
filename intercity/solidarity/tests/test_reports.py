"""A city's focal point reports an incident in their own city, then keeps it up to date."""

import pytest
from django.core import mail
from django.urls import reverse

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.solidarity import services
from intercity.solidarity.models import AffectedCity, Incident
from intercity.testing.factories import OrganisationFactory, UserFactory
from intercity.testing.solidarity_factories import active_incident, city, focal_point

pytestmark = pytest.mark.django_db

INCIDENTS = "/api/v1/incidents/"

FORM = {
    "name": "Flash flood in Tokyo",
    "kind": "flood",
    "severity": "severe",
    "started_at": "2026-09-01T06:00",
    "latitude": "35.68",
    "longitude": "139.69",
    "radius_km": "20",
    "polygon": "[]",
    "visibility": "public",
}


def _edit_form(**changes):
    return {**FORM, "status": "recovery", **changes}


def _reported(net, **extra):
    data = {"name": "Flash flood in Tokyo", "kind": "flood", "latitude": 35.68, "longitude": 139.69}
    return services.incident_create(actor=net.tokyo_focal, data={**data, **extra})


def test_the_incident_list_offers_a_focal_point_to_report_in_their_city(client, net):
    client.force_login(net.tokyo_focal)

    page = client.get(reverse("solidarity:list")).content.decode()

    assert "Report an incident in Tokyo" in page
    assert "Record an incident" not in page


def test_a_focal_point_reports_through_the_page_and_their_city_is_confirmed(
    client, net, django_capture_on_commit_callbacks
):
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:incident-create")
    form = client.get(url)
    assert form.status_code == 200
    assert "Report an incident in Tokyo" in form.content.decode()
    assert form.context["form"].fields["reported_by_city"].disabled

    # Naming another city in a tampered form changes nothing: the field is locked.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**FORM, "reported_by_city": net.manila.pk})

    assert response.status_code == 302
    incident = Incident.objects.get(name="Flash flood in Tokyo")
    assert incident.reported_by_city == net.tokyo
    assert incident.status == Incident.Status.ACTIVE
    link = incident.affected.get(city=net.tokyo)
    assert link.status == AffectedCity.Status.CONFIRMED and link.decided_by == net.tokyo_focal
    assert not incident.affected.filter(city=net.manila, status="confirmed").exists()
    assert incident.history.last().history_change_reason == "solidarity.incident.reported"
    assert "tokyo.focal@example.org" in [m.to[0] for m in mail.outbox]
    assert "Tokyo" in client.get(response["Location"]).content.decode()


def test_a_focal_point_reports_through_the_api(client, net):
    client.force_login(net.tokyo_focal)
    body = {"name": "Flash flood in Tokyo", "kind": "flood", "latitude": 35.68, "longitude": 139.7}

    response = client.post(INCIDENTS, body, content_type="application/json")

    assert response.status_code == 201
    data = response.json()
    assert data["reported_by_city"] == "tokyo" and data["status"] == "active"
    assert [a["status"] for a in data["affected"] if a["city"] == "tokyo"] == ["confirmed"]


def test_a_focal_point_cannot_report_for_another_city_through_the_api(client, net):
    client.force_login(net.tokyo_focal)
    body = {"name": "Flood in Manila", "kind": "flood", "reported_by_city": "metro-manila"}

    response = client.post(INCIDENTS, body, content_type="application/json")

    assert response.status_code == 400
    assert "only in your own city" in " ".join(response.json()["reported_by_city"])
    assert not Incident.objects.exists()


def test_a_focal_points_report_starts_active_and_cannot_be_a_draft(client, net):
    client.force_login(net.tokyo_focal)
    body = {"name": "Flood", "kind": "flood", "status": "draft"}

    response = client.post(INCIDENTS, body, content_type="application/json")

    assert response.status_code == 400 and "status" in response.json()
    assert not Incident.objects.exists()


def test_the_reporting_focal_point_edits_and_updates_the_status(client, net):
    incident = _reported(net)
    client.force_login(net.tokyo_focal)
    edit_url = reverse("solidarity:incident-edit", args=[incident.slug])

    assert "Edit" in client.get(incident.get_absolute_url()).content.decode()
    response = client.post(edit_url, _edit_form(severity="moderate"))

    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.status, incident.severity) == ("recovery", "moderate")
    patched = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"status": "closed"}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["status"] == "closed"


def test_the_reporting_focal_point_cannot_hide_it_as_a_draft_or_hand_it_over(client, net):
    incident = _reported(net)
    client.force_login(net.tokyo_focal)
    url = f"{INCIDENTS}{incident.pk}/"

    draft = client.patch(url, {"status": "draft"}, content_type="application/json")
    moved = client.patch(url, {"reported_by_city": "seoul"}, content_type="application/json")

    assert draft.status_code == 400 and "status" in draft.json()
    assert moved.status_code == 400 and "reported_by_city" in moved.json()
    incident.refresh_from_db()
    assert (incident.status, incident.reported_by_city) == ("active", net.tokyo)


def test_another_citys_focal_point_cannot_edit_the_report(client, net):
    incident = _reported(net)
    client.force_login(net.seoul_focal)

    page = client.post(reverse("solidarity:incident-edit", args=[incident.slug]), _edit_form())
    api = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"status": "closed"}, content_type="application/json"
    )
    figure = client.post(reverse("solidarity:figure-add", args=[incident.slug]), {})

    assert (page.status_code, api.status_code, figure.status_code) == (404, 404, 404)
    assert "incident-edit" not in str(client.get(incident.get_absolute_url()).content)
    incident.refresh_from_db()
    assert incident.status == "active"


def test_the_reporting_focal_point_confirms_no_other_city(client, net):
    incident = _reported(net)
    client.force_login(net.tokyo_focal)

    response = client.post(
        f"{INCIDENTS}{incident.pk}/confirm/", {"cities": ["seoul"]}, content_type="application/json"
    )

    assert response.status_code == 404
    assert not incident.affected.filter(city=net.seoul, status="confirmed").exists()


@pytest.mark.parametrize("role", [User.Role.EXPERT, User.Role.ORGANISATION_REP])
def test_experts_and_organisation_representatives_cannot_report(client, net, role):
    organisation = OrganisationFactory(city=net.tokyo) if role == "organisation_rep" else None
    person = UserFactory(role=role, city=net.tokyo, organisation=organisation)
    client.force_login(person)

    page = client.get(reverse("solidarity:list")).content.decode()
    form = client.get(reverse("solidarity:incident-create"))
    posted = client.post(reverse("solidarity:incident-create"), FORM)
    api = client.post(
        INCIDENTS, {"name": "Flood", "kind": "flood"}, content_type="application/json"
    )

    assert "Report an incident" not in page
    assert (form.status_code, posted.status_code, api.status_code) == (404, 404, 404)
    assert not Incident.objects.exists()


def test_the_secretariat_still_records_edits_and_confirms_every_incident(client, net):
    reported = _reported(net)
    client.force_login(net.secretariat)

    page = client.get(reverse("solidarity:list")).content.decode()
    created = client.post(
        INCIDENTS,
        {"name": "Flood in Manila", "kind": "flood", "status": "draft"},
        content_type="application/json",
    )
    edited = client.post(
        reverse("solidarity:incident-edit", args=[reported.slug]), _edit_form(severity="minor")
    )
    confirmed = client.post(
        f"{INCIDENTS}{reported.pk}/confirm/", {"cities": ["seoul"]}, content_type="application/json"
    )

    assert "Record an incident" in page and "Report an incident in" not in page
    assert created.status_code == 201 and created.json()["reported_by_city"] is None
    assert created.json()["status"] == "draft"
    assert edited.status_code == 302 and confirmed.status_code == 200
    reported.refresh_from_db()
    assert (reported.status, reported.severity) == ("recovery", "minor")
    assert reported.affected.filter(city=net.seoul, status="confirmed").exists()


def test_an_incident_the_secretariat_recorded_stays_with_the_secretariat(client, net):
    incident = active_incident(affected=[net.tokyo])
    client.force_login(net.tokyo_focal)

    response = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"status": "closed"}, content_type="application/json"
    )

    assert response.status_code == 404
    incident.refresh_from_db()
    assert incident.status == "active"


@pytest.fixture
def hanoi(net):
    """Hanoi and its focal point, with its name in Vietnamese as the network writes it."""
    hanoi = city("hanoi")
    hanoi.names = {"vi": "Hà Nội"}
    hanoi.save(update_fields=["names"])
    return hanoi, focal_point(hanoi, "hanoi.focal")


def _recorded_for(net, city_obj):
    """An incident the secretariat recorded for a city, as through its form."""
    data = {
        "name": "Flood in Hanoi",
        "kind": "flood",
        "status": "active",
        "latitude": city_obj.latitude,
        "longitude": city_obj.longitude,
        "reported_by_city": city_obj,
    }
    return services.incident_create(actor=net.secretariat, data=data)


def test_the_secretariat_records_an_incident_for_a_city_through_the_page(client, net, hanoi):
    hanoi_city, _focal = hanoi
    client.force_login(net.secretariat)
    url = reverse("solidarity:incident-create")

    field = client.get(url).context["form"].fields["reported_by_city"]
    response = client.post(
        url,
        {**FORM, "name": "Flood in Hanoi", "status": "active", "reported_by_city": hanoi_city.pk},
    )

    assert not field.required and hanoi_city in field.queryset
    assert response.status_code == 302
    incident = Incident.objects.get(name="Flood in Hanoi")
    assert incident.reported_by_city == hanoi_city
    assert incident.affected.get(city=hanoi_city).status == AffectedCity.Status.CONFIRMED
    assert incident.history.last().history_change_reason == "solidarity.incident.created"


def test_the_secretariat_records_an_incident_for_a_city_through_the_api(client, net, hanoi):
    hanoi_city, _focal = hanoi
    client.force_login(net.secretariat)
    body = {"name": "Flood in Hanoi", "kind": "flood", "reported_by_city": "hanoi"}

    response = client.post(INCIDENTS, body, content_type="application/json")

    assert response.status_code == 201
    data = response.json()
    assert data["reported_by_city"] == "hanoi"
    assert [a["status"] for a in data["affected"] if a["city"] == "hanoi"] == ["confirmed"]


def test_the_secretariat_names_only_a_member_city(client, net, hanoi):
    hanoi_city, _focal = hanoi
    hanoi_city.membership_status = City.Membership.FORMER
    hanoi_city.save(update_fields=["membership_status"])
    client.force_login(net.secretariat)
    url = reverse("solidarity:incident-create")

    field = client.get(url).context["form"].fields["reported_by_city"]
    page = client.post(url, {**FORM, "status": "active", "reported_by_city": hanoi_city.pk})
    api = client.post(
        INCIDENTS,
        {"name": "Flood in Hanoi", "kind": "flood", "reported_by_city": "hanoi"},
        content_type="application/json",
    )

    assert hanoi_city not in field.queryset and net.tokyo in field.queryset
    assert page.status_code == 400 and "reported_by_city" in page.context["form"].errors
    assert api.status_code == 400
    assert "Only a member city" in " ".join(api.json()["reported_by_city"])
    assert not Incident.objects.exists()


def test_the_focal_point_of_the_city_it_was_recorded_for_keeps_it_up_to_date(client, net, hanoi):
    hanoi_city, hanoi_focal = hanoi
    incident = _recorded_for(net, hanoi_city)
    client.force_login(hanoi_focal)

    page = client.get(incident.get_absolute_url()).content.decode()
    edited = client.post(
        reverse("solidarity:incident-edit", args=[incident.slug]),
        _edit_form(name="Flood in Hanoi", severity="moderate"),
    )
    figure = client.post(
        reverse("solidarity:figure-add", args=[incident.slug]),
        {"kind": "displaced", "value": "1200", "source": "Hanoi city", "as_of": "2026-09-02"},
    )
    patched = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"status": "closed"}, content_type="application/json"
    )

    assert reverse("solidarity:incident-edit", args=[incident.slug]) in page
    assert (edited.status_code, figure.status_code, patched.status_code) == (302, 302, 200)
    incident.refresh_from_db()
    assert (incident.status, incident.severity) == ("closed", "moderate")
    assert incident.reported_by_city == hanoi_city
    assert incident.figures.get().value == 1200


def test_another_citys_focal_point_cannot_edit_an_incident_recorded_for_hanoi(client, net, hanoi):
    hanoi_city, _focal = hanoi
    incident = _recorded_for(net, hanoi_city)
    client.force_login(net.tokyo_focal)

    page = client.post(reverse("solidarity:incident-edit", args=[incident.slug]), _edit_form())
    api = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"status": "closed"}, content_type="application/json"
    )
    figure = client.post(
        reverse("solidarity:figure-add", args=[incident.slug]),
        {"kind": "displaced", "value": "1200", "source": "Tokyo", "as_of": "2026-09-02"},
    )

    assert (page.status_code, api.status_code, figure.status_code) == (404, 404, 404)
    incident.refresh_from_db()
    assert (incident.status, incident.name) == ("active", "Flood in Hanoi")
    assert not incident.figures.exists()


def test_the_secretariat_names_the_city_of_an_incident_it_recorded_without_one(client, net, hanoi):
    hanoi_city, hanoi_focal = hanoi
    incident = active_incident(affected=[hanoi_city], name="Flood in Hanoi")
    assert incident.reported_by_city is None
    client.force_login(net.secretariat)

    response = client.post(
        reverse("solidarity:incident-edit", args=[incident.slug]),
        _edit_form(name="Flood in Hanoi", reported_by_city=hanoi_city.pk),
    )

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.reported_by_city == hanoi_city
    client.force_login(hanoi_focal)
    patched = client.patch(
        f"{INCIDENTS}{incident.pk}/", {"status": "recovery"}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["status"] == "recovery"


def test_a_focal_point_edits_without_seeing_the_reporting_city_field(client, net, hanoi):
    hanoi_city, hanoi_focal = hanoi
    incident = _recorded_for(net, hanoi_city)
    client.force_login(hanoi_focal)

    form = client.get(reverse("solidarity:incident-edit", args=[incident.slug])).context["form"]

    assert "reported_by_city" not in form.fields


def test_the_timeline_starts_with_the_reporting_city_in_the_readers_language(client, net, hanoi):
    hanoi_city, _focal = hanoi
    incident = _recorded_for(net, hanoi_city)
    client.force_login(net.tokyo_focal)

    english = client.get(incident.get_absolute_url()).context["timeline"]
    client.cookies["django_language"] = "vi"
    vietnamese = client.get(incident.get_absolute_url()).context["timeline"]

    assert english[0].text == "Reported by Hanoi; incident recorded as Active"
    assert (
        vietnamese[0].text == "Do Hà Nội báo cáo; sự cố được ghi nhận với trạng thái Đang hoạt động"
    )


def test_the_timeline_of_an_incident_without_a_reporting_city_says_only_it_was_recorded(
    client, net
):
    incident = active_incident(affected=[net.tokyo])
    client.force_login(net.tokyo_focal)

    timeline = client.get(incident.get_absolute_url()).context["timeline"]

    assert timeline[0].text == "Incident recorded as Active"
