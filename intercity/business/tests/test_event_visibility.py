"""A business event is as visible as its meeting, and to the organisations registered for it."""

import pytest
from django.urls import reverse

from intercity.testing.business_factories import EventFactory, RegistrationFactory
from intercity.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_event(cast):
    event = EventFactory(meeting__host_city=cast.home, meeting__is_public=False)
    event.meeting.title = "Closed investors' round"
    event.meeting.save()
    return event


def test_an_event_of_a_meeting_kept_to_the_network_is_hidden_from_outsiders(
    cast, client_for, hidden_event
):
    page = hidden_event.get_absolute_url()
    api = f"/api/v1/business/events/{hidden_event.pk}/"
    outsider_rep = UserFactory(
        role="organisation_rep", organisation=RegistrationFactory().organisation
    )
    for outsider in (None, cast.reader, outsider_rep):
        client = client_for(outsider)
        assert client.get(page).status_code == 404
        assert "Closed investors" not in client.get(reverse("business:events")).text
        assert client.get(api).status_code == 404
        assert "Closed investors" not in client.get("/api/v1/business/events/").text


def test_insiders_and_registered_organisations_see_it(cast, client_for, hidden_event):
    RegistrationFactory(event=hidden_event, organisation=cast.organisation_rep.organisation)
    page = hidden_event.get_absolute_url()
    for insider in (cast.focal_point, cast.other_focal_point, cast.organisation_rep):
        client = client_for(insider)
        assert client.get(page).status_code == 200
        assert "Closed investors" in client.get(reverse("business:events")).text
        assert client.get(f"/api/v1/business/events/{hidden_event.pk}/").status_code == 200
