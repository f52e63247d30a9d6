"""Asked for a city by name, in any language, search puts that city's own records first."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(cast):
    cast.home.names = {"ja": "ホーム市", "vi": "Thành phố Nhà"}
    cast.home.save(update_fields=["names"])
    own = KnowledgeItemFactory(
        city=cast.home,
        title="Phân loại rác tại nguồn",
        body="Các hộ gia đình phân loại rác.",
        language="vi",
    )
    mention = KnowledgeItemFactory(
        city=cast.other,
        title="What we learnt from Home City",
        body="Home City sorted its waste; we followed.",
    )
    return own, mention


@pytest.mark.parametrize("query", ["Home City", "home city", "ホーム市", "Thành phố Nhà"])
def test_the_named_citys_own_items_come_first_whatever_their_language(client, library, query):
    own, mention = library

    titles = [
        item.title
        for item in client.get(reverse("knowledge:list"), {"q": query}).context["page_obj"]
    ]

    assert titles[0] == own.title
    if query.isascii():
        assert mention.title in titles  # it says the name, so it is still found


def test_the_site_search_says_a_hit_belongs_to_the_named_city(library):
    own, _mention = library

    answer = APIClient().get("/api/v1/search/", {"q": "ホーム市"}).json()

    # The city's own records (the item, and the cast's organisation there) lead, in an
    # order between them that the test does not fix; each says why it was found.
    results = answer["results"]
    by_city = [row["title"] for row in results if "city" in row["matched_by"]]
    assert own.title in by_city
    assert "city" in results[0]["matched_by"]
    assert answer["count"] >= len(by_city)


def test_a_query_naming_no_city_is_not_changed(client, library):
    own, mention = library

    titles = [
        item.title
        for item in client.get(reverse("knowledge:list"), {"q": "followed"}).context["page_obj"]
    ]

    assert titles == [mention.title]


def when(year: int) -> datetime.datetime:
    return datetime.datetime(year, 1, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def city_records(cast):
    cast.home.names = {"vi": "Thành phố Nhà"}
    cast.home.save(update_fields=["names"])
    written_locally = KnowledgeItemFactory(
        city=cast.home,
        title="Phân loại rác tại nguồn",
        body="Các hộ gia đình phân loại rác.",
        language="vi",
        published_at=when(2031),
    )
    saying_the_name = KnowledgeItemFactory(
        city=cast.home,
        title="Home City flood notes",
        body="Home City mapped its floods; Home City shared the maps.",
        published_at=when(2029),
    )
    elsewhere = KnowledgeItemFactory(
        city=cast.other,
        title="What we learnt from Home City",
        body="Home City sorted its waste; we followed.",
        published_at=when(2032),
    )
    return written_locally, saying_the_name, elsewhere


@pytest.mark.parametrize("query", ["Home City", "thành phố nhà"])
def test_a_query_that_is_only_a_citys_name_lists_its_records_as_its_page_does(city_records, query):
    written_locally, saying_the_name, elsewhere = city_records

    results = APIClient().get("/api/v1/search/", {"q": query}).json()["results"]
    titles = [row["title"] for row in results]

    # The city's page, then its records newest first, whether or not they say its name in
    # the query's spelling; then the records of other cities that mention it.
    assert (results[0]["type"], titles[0]) == ("city", "Home City")
    assert titles.index(written_locally.title) < titles.index(saying_the_name.title)
    own = [row["title"] for row in results if "city" in row["matched_by"]]
    assert titles[: len(own)] == own
    if query.isascii():
        assert titles.index(elsewhere.title) == len(own)


def test_more_words_than_the_name_still_rank_by_what_they_match(city_records):
    written_locally, saying_the_name, _elsewhere = city_records

    titles = [
        row["title"]
        for row in APIClient().get("/api/v1/search/", {"q": "Home City floods"}).json()["results"]
    ]

    assert titles[0] == saying_the_name.title
