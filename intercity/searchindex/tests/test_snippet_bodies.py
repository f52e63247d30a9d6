"""Hits come without their bodies; the snippets of a page read theirs in one query."""

import pytest

from intercity.searchindex.engine import search
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(cast):
    return [
        KnowledgeItemFactory(title=f"Practice {n}", body=f"A flood drill on the river, number {n}.")
        for n in range(70)
    ]


def test_a_page_of_snippets_reads_its_bodies_in_one_query(many, django_assert_num_queries):
    results = search(user=None, query="flood drill", semantic=False)
    assert len(results.hits) == 70
    with django_assert_num_queries(1):
        snippets = [str(hit.snippet) for hit in results.hits[:20]]
    assert all("<mark>flood drill</mark>" in snippet for snippet in snippets)
    with django_assert_num_queries(0):
        [hit.snippet for hit in results.hits[20:50]]
    with django_assert_num_queries(1):
        last = results.hits[69].snippet
    assert "number" in last


def test_the_api_answer_carries_snippets(many, client):
    answer = client.get("/api/v1/search/", {"q": "flood drill"}).json()
    assert answer["count"] == 70
    assert "<mark>flood drill</mark>" in answer["results"][0]["snippet"]
