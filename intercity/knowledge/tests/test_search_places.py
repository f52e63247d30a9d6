"""Asked for a city by name, in any language, search puts that city's own records first."""

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
