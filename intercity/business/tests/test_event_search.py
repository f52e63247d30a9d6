"""The business event list, page and API, searched by words of the meeting's title or its host
city's name; an empty list says whether none is open yet or the search finds none."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from intercity.testing.business_factories import EventFactory
from intercity.testing.factories import CityFactory

pytestmark = pytest.mark.django_db

EVENTS = reverse("business:events")


def _fair_and_forum():
    fair = EventFactory(
        meeting__title="Solar Trade Fair", meeting__host_city=CityFactory(name="Hanoi")
    )
    forum = EventFactory(
        meeting__title="Water Investors Forum", meeting__host_city=CityFactory(name="Seoul")
    )
    return fair, forum


def test_the_page_offers_a_search_box_of_its_own(client):
    text = client.get(EVENTS, {"q": "fair"}).text
    assert '<form class="filters" method="get">' in text
    assert 'name="q" value="fair"></label>' in text


def test_a_word_of_the_title_or_the_host_city_keeps_that_event_only(client):
    _fair_and_forum()
    by_title = client.get(EVENTS, {"q": "solar FAIR"}).text
    by_city = client.get(EVENTS, {"q": "seoul"}).text
    assert "Solar Trade Fair" in by_title and "Water Investors Forum" not in by_title
    assert "Water Investors Forum" in by_city and "Solar Trade Fair" not in by_city


def test_an_empty_list_says_no_event_has_opened_matchmaking(client):
    text = client.get(EVENTS).text
    assert "No event has opened matchmaking yet." in text
    assert "No event matches these filters." not in text


def test_a_search_finding_nothing_says_so(client):
    _fair_and_forum()
    text = client.get(EVENTS, {"q": "volcano"}).text
    assert "No event matches these filters." in text
    assert "No event has opened matchmaking yet." not in text


def _events(years: range, host) -> None:
    for year in years:
        EventFactory(
            meeting__title=f"Trade fair {year}",
            meeting__host_city=host,
            meeting__year=year,
            meeting__start_date=datetime.date(year, 5, 6),
            meeting__end_date=datetime.date(year, 5, 7),
        )


def test_a_searched_list_comes_in_pages_with_bounded_queries(
    cast, client_for, django_assert_max_num_queries
):
    reader = client_for(cast.secretariat)
    _events(range(1990, 1992), cast.home)
    with django_assert_max_num_queries(12) as small:
        assert reader.get(EVENTS, {"q": "trade fair"}).text.count('class="event-row"') == 2
    _events(range(1992, 2020), cast.home)
    with django_assert_max_num_queries(len(small.captured_queries)):
        first = reader.get(EVENTS, {"q": "trade fair"})
    assert first.text.count('class="event-row"') == 25
    second = reader.get(EVENTS, {"q": "trade fair", "page": 2}).text
    assert second.count('class="event-row"') == 5
    assert "Trade fair 1990" in second


def test_the_api_list_is_searched_the_same_way():
    fair, forum = _fair_and_forum()
    client = APIClient()
    by_title = client.get("/api/v1/business/events/", {"q": "solar"}).json()["results"]
    by_city = client.get("/api/v1/business/events/", {"q": "seoul"}).json()["results"]
    assert [row["id"] for row in by_title] == [fair.pk]
    assert [row["id"] for row in by_city] == [forum.pk]
    assert client.get("/api/v1/business/events/", {"q": "volcano"}).json()["results"] == []
