"""The meetings calendar a reader subscribes to holds the meetings the list shows them."""

import pytest
from django.urls import reverse

from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(cast):
    return {
        "home drill": MeetingFactory(title="Home drill", kind="drill", host_city=cast.home),
        "home expert": MeetingFactory(title="Home expert meeting", host_city=cast.home),
        "other drill": MeetingFactory(title="Other drill", kind="drill", host_city=cast.other),
        "hidden": MeetingFactory(
            title="Hidden drill", kind="drill", host_city=cast.home, is_public=False
        ),
    }


def _summaries(response) -> set[str]:
    text = response.content.decode()
    return {
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("SUMMARY:")
    }


def test_the_list_filtered_by_city_and_kind_offers_their_calendar(client, cast, meetings):
    body = client.get(reverse("meetings:list"), {"city": cast.home.slug, "kind": "drill"}).text
    assert f'href="/meetings/calendar.ics?kind=drill&amp;city={cast.home.slug}"' in body


def test_the_calendar_holds_the_public_meetings_of_the_city_and_kind_asked(client, cast, meetings):
    response = client.get(reverse("meetings:feed"), {"city": cast.home.slug, "kind": "drill"})
    assert response.status_code == 200
    assert _summaries(response) == {"Home drill"}


def test_the_calendar_without_filters_holds_every_public_meeting(client, meetings):
    assert _summaries(client.get(reverse("meetings:feed"))) == {
        "Home drill",
        "Home expert meeting",
        "Other drill",
    }
