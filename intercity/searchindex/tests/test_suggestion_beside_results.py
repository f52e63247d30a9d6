"""A typo that a few records repeat still gets "Did you mean", beside what it found."""

import pytest
from django.urls import reverse

from intercity.searchindex.engine import search
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    made = [
        KnowledgeItemFactory(
            city=cast.home,
            title=f"Recycling programme {number}",
            body="Households sort their waste for recycling at the source.",
        )
        for number in range(12)
    ]
    made.append(
        KnowledgeItemFactory(
            city=cast.home,
            title="Market notes",
            body="The recyling bins at the market were moved.",
        )
    )
    return made


def test_a_typo_one_record_holds_finds_it_and_offers_the_far_better_supported_word(records):
    results = search(user=None, query="recyling", semantic=False)
    assert [hit.document.title for hit in results.hits] == ["Market notes"]
    assert results.suggestion == "recycling"
    corrected = search(user=None, query="recycling", semantic=False)
    assert len(corrected.hits) == 12
    assert corrected.suggestion is None


def test_a_word_many_records_hold_or_one_that_finds_the_better_word_is_left_alone(records):
    for number in range(3):
        KnowledgeItemFactory(title=f"Recyling drive {number}", body="Volunteers collect cans.")
    # In four of sixteen records: "recyling" is a frequent word here, not a typo.
    assert search(user=None, query="recyling", semantic=False).suggestion is None
    # "recycl" finds the records of "recycling" as a word's start.
    assert search(user=None, query="recycl", semantic=False).suggestion is None


def test_the_page_shows_the_suggestion_above_the_results(records, client):
    page = client.get(reverse("web:search"), {"q": "recyling"}).content.decode()
    assert 'id="did-you-mean"' in page
    assert 'href="?q=recycling"' in page
    assert page.index('id="did-you-mean"') < page.index("Market notes")


def test_the_page_asks_whether_the_corrected_query_was_meant(records, client):
    page = client.get(reverse("web:search"), {"q": "recyling", "type": "knowledge"})
    line = page.content.decode().split('id="did-you-mean">')[1].split("</p>")[0]

    assert line == 'Did you mean <a href="?q=recycling&amp;type=knowledge">recycling</a>?'


def test_the_suggestion_escapes_what_the_reader_typed(records, client):
    page = client.get(reverse("web:search"), {"q": "recyling <script>alert(1)</script>"})
    line = page.content.decode().split('id="did-you-mean">')[1].split("</p>")[0]

    assert line.startswith("Did you mean <a href=")
    assert ">recycling &lt;script&gt;alert(1)&lt;/script&gt;</a>?" in line
    assert "<script>alert" not in page.content.decode()


def test_the_api_answers_the_suggestion_beside_the_results(records, client):
    answer = client.get("/api/v1/search/", {"q": "recyling"}).json()
    assert answer["count"] == 1
    assert [hit["title"] for hit in answer["results"]] == ["Market notes"]
    assert answer["did_you_mean"] == "recycling"
