"""Registrations through the API: the same rules as the pages."""

import datetime

import pytest
from django.urls import reverse

from intercity.meetings.models import Attendee, Registration
from intercity.meetings.services_registration import meeting_registration_open, registration_create
from intercity.testing.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast):
    meeting = MeetingFactory(host_city=cast.other, title="Water expert meeting")
    start = meeting.local_today() + datetime.timedelta(days=20)
    meeting.start_date, meeting.end_date, meeting.year = start, start, start.year
    meeting.save()
    meeting_registration_open(
        actor=cast.secretariat,
        meeting=meeting,
        opens_on=meeting.local_today(),
        closes_on=start,
        places_per_city=2,
    )
    return meeting


def registrations_url(meeting) -> str:
    return reverse("api-v1:meeting-registrations", kwargs={"slug": meeting.slug})


def decide_url(registration) -> str:
    return reverse("api-v1:registration-decide", kwargs={"pk": registration.pk})


def test_an_expert_registers_themselves(api_as, cast, meeting):
    response = api_as("expert").post(
        registrations_url(meeting), {"role": "head", "note": "Halal meals"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["person"], body["city"]["slug"], body["status"]) == (
        "expert",
        cast.home.slug,
        "pending",
    )


def test_a_duplicate_is_a_field_error(api_as, cast, meeting):
    client = api_as("expert")
    client.post(registrations_url(meeting), {}, format="json")
    response = client.post(registrations_url(meeting), {}, format="json")
    assert response.status_code == 400
    assert "person" in response.json()


def test_a_reader_may_not_register(api_as, meeting):
    assert api_as("reader").post(registrations_url(meeting), {}, format="json").status_code == 403
    assert api_as("anonymous").post(registrations_url(meeting), {}).status_code == 401
    assert not Registration.objects.exists()


def test_the_list_follows_the_page_rules(api_as, cast, meeting):
    registration_create(actor=cast.expert, meeting=meeting, person=cast.expert, data={})
    visitor = UserFactory(role="expert", city=cast.other)
    registration_create(actor=visitor, meeting=meeting, person=visitor, data={})

    everyone = api_as("secretariat").get(registrations_url(meeting)).json()
    assert everyone["count"] == 2
    home = api_as("focal_point").get(registrations_url(meeting)).json()
    assert [row["person"] for row in home["results"]] == ["expert"]
    assert api_as("expert").get(registrations_url(meeting)).status_code == 404
    pending = api_as("secretariat").get(registrations_url(meeting), {"status": "pending"})
    assert pending.json()["count"] == 2
    assert api_as("secretariat").get(registrations_url(meeting), {"status": "x"}).status_code == 400


def test_the_citys_focal_point_approves(api_as, cast, meeting):
    registration = registration_create(
        actor=cast.expert, meeting=meeting, person=cast.expert, data={}
    )
    response = api_as("focal_point").post(
        decide_url(registration), {"decision": "approve"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert Attendee.objects.get().user == cast.expert


def test_another_citys_focal_point_gets_404_and_nothing_changes(api_as, cast):
    meeting = MeetingFactory(title="Elsewhere")
    start = meeting.local_today() + datetime.timedelta(days=20)
    meeting.start_date, meeting.end_date, meeting.year = start, start, start.year
    meeting.save()
    meeting_registration_open(
        actor=cast.secretariat, meeting=meeting, opens_on=meeting.local_today(), closes_on=start
    )
    registration = registration_create(
        actor=cast.expert, meeting=meeting, person=cast.expert, data={}
    )
    response = api_as("other_focal_point").post(
        decide_url(registration), {"decision": "approve"}, format="json"
    )
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert not Attendee.objects.exists()


def test_the_registrant_may_not_decide_but_may_cancel(api_as, cast, meeting):
    registration = registration_create(
        actor=cast.expert, meeting=meeting, person=cast.expert, data={}
    )
    client = api_as("expert")
    refused = client.post(decide_url(registration), {"decision": "approve"}, format="json")
    assert refused.status_code == 403
    cancel = reverse("api-v1:registration-cancel", kwargs={"pk": registration.pk})
    assert client.post(cancel).json()["status"] == "cancelled"


def test_a_refused_registration_names_a_bad_role_and_a_duplicate(api_as, cast, meeting):
    client = api_as("expert")
    client.post(registrations_url(meeting), {}, format="json")
    before = Registration.history.count()

    response = client.post(registrations_url(meeting), {"role": "nonsense"}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"role", "person"}
    assert body["person"] == ["This person is already registered for the meeting."]
    assert Registration.objects.count() == 1
    assert Registration.history.count() == before
