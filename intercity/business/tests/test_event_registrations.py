"""The organiser's list of registered organisations: paged and searched on its own, beside
the requests list."""

import re

import pytest

from intercity.business.models import MeetingRequest
from intercity.testing.business_factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _registered_on_page(response) -> list[str]:
    found = re.search(r'<ul class="registrations">(.*?)</ul>', response.text, re.DOTALL)
    items = found.group(1).split("<li>")[1:] if found else []
    return [item.split(" <a", 1)[0].strip() for item in items]


def _requests_on_page(response) -> list[str]:
    found = re.search(r'<ul class="requests">(.*?)</ul>', response.text, re.DOTALL)
    items = found.group(1).split("<li>")[1:] if found else []
    return [item.split(" · ", 1)[0].strip() for item in items]


@pytest.fixture
def crowded(cast):
    """An event with 61 registered organisations and 60 requests: two pages of each."""
    event = EventFactory(meeting__host_city=cast.home)
    host = RegistrationFactory(event=event, organisation__name="Anchor Host")
    for i in range(60):
        MeetingRequest.objects.create(
            event=event,
            requester=host,
            invitee=RegistrationFactory(event=event, organisation__name=f"Guest {i:02d}"),
        )
    return event


def test_the_registered_organisations_are_paged_apart_from_the_requests(cast, crowded, client_for):
    client = client_for(cast.focal_point)
    url = crowded.get_absolute_url()

    first = client.get(url)
    assert _registered_on_page(first) == ["Anchor Host"] + [f"Guest {i:02d}" for i in range(49)]
    assert "61 organisations registered" in first.text

    # The second page of the organisations leaves the requests on their first page ...
    organisations = client.get(url, {"org_page": 2})
    assert _registered_on_page(organisations) == [f"Guest {i:02d}" for i in range(49, 60)]
    assert _requests_on_page(organisations)[0] == "Anchor Host – Guest 00"
    assert 'href="?org_page=2&amp;page=2"' in organisations.text

    # ... and the second page of the requests leaves the organisations where they were.
    both = client.get(url, {"org_page": 2, "page": 2})
    assert _registered_on_page(both)[0] == "Guest 49"
    assert _requests_on_page(both)[0] == "Anchor Host – Guest 50"
    assert 'href="?page=2&amp;org_page=1"' in both.text


def test_the_organiser_searches_the_registered_organisations(cast, crowded, client_for):
    client = client_for(cast.focal_point)
    url = crowded.get_absolute_url()
    found = client.get(url, {"org_q": "anchor", "page": 2})
    assert _registered_on_page(found) == ["Anchor Host"]
    assert "1 organisation registered (matching the search)" in found.text
    assert _requests_on_page(found)[0] == "Anchor Host – Guest 50"
    found = client.get(url, {"org_q": "anchor"})
    assert len(_requests_on_page(found)) == 50  # the requests list is not filtered
    nothing = client.get(url, {"org_q": "Jakarta"})
    assert _registered_on_page(nothing) == []
    assert "No registered organisation matches this search." in nothing.text
    assert 'name="org_q"' not in client_for(cast.other_focal_point).get(url).text
