"""A very broad keyword search: counts estimated from a sample, ranking still exact.

SQLite samples the full-text matches by a hash of their id; PostgreSQL (where the RUM
index ranks) reads the matches of a few of the 64 buckets that migration 0007 sorts
documents into by a hash of their id. The thresholds are lowered so that a few hundred
documents behave as tens of thousands would; either sample is fixed by the ids, so a
given set of documents always gives the same estimate.
"""

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from intercity.search.text import query_terms
from intercity.searchindex import keyword
from intercity.searchindex.engine import SearchFilters, search, visible_documents
from intercity.testing.factories import MeetingFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def estimates_counts():
    if connection.vendor == "postgresql" and not keyword.ranks_through_index():
        pytest.skip("without the RUM index, PostgreSQL scores and counts every match")


def sample(monkeypatch, share: float) -> None:
    """Draw about this share of the matches into the sample (1: every match)."""
    monkeypatch.setattr(keyword, "COUNT_SAMPLE", round(150 * share) if share < 1 else 10_000)
    monkeypatch.setattr(keyword, "SAMPLED_BUCKETS", round(keyword.SAMPLE_BUCKETS * share))


@pytest.fixture
def broad(cast):
    """120 knowledge items (one in three a draft of the home city) and 30 meetings that all
    match "flood drill", with scores spread by how often the words come."""
    for number in range(120):
        KnowledgeItemFactory(
            city=cast.home,
            title=f"Flood drill {number}" if number % 4 == 0 else f"Exercise {number}",
            body="Riverside flood drill with volunteers. " * (1 + number % 5) + "x " * number,
            visibility="draft" if number % 3 == 0 else "public",
        )
    for number in range(30):
        MeetingFactory(title=f"Flood drill seminar {number}")


def exactly(user, terms, types=(), limit=200):
    return keyword.ranked_and_counted(visible_documents(user), terms, limit=limit, types=types)


def count_broad_above_20(monkeypatch) -> None:
    """Every match of more than 20 documents counts as broad."""
    monkeypatch.setattr(keyword, "EXACT_COUNT_UP_TO", 20)
    monkeypatch.setattr(keyword, "ESTIMATE_NEEDS", 5)


@pytest.fixture
def broad_above(monkeypatch):
    count_broad_above_20(monkeypatch)
    return monkeypatch


@pytest.mark.parametrize("types", [(), ("knowledge",), ("meeting",)])
@pytest.mark.parametrize("who", ["anonymous", "secretariat", "focal_point"])
def test_a_broad_match_ranks_exactly_as_checking_every_match(cast, broad, monkeypatch, who, types):
    user = None if who == "anonymous" else getattr(cast, who)
    terms = query_terms("flood drill")
    expected = exactly(user, terms, types, limit=20)
    count_broad_above_20(monkeypatch)
    # Every match is drawn: the "estimate" must then be the exact count.
    sample(monkeypatch, 1)
    found = exactly(user, terms, types, limit=20)
    assert found.estimated
    assert found.ranked == expected.ranked
    assert found.counts == expected.counts


def test_a_sampled_count_is_close_and_said_to_be_an_estimate(cast, broad, monkeypatch):
    terms = query_terms("flood drill")
    exact = exactly(None, terms)
    count_broad_above_20(monkeypatch)
    sample(monkeypatch, 0.4)
    estimate = exactly(None, terms)
    assert not exact.estimated and estimate.estimated
    assert exact.counts == {"knowledge": 80, "meeting": 30}
    # About 60 of 150 matches drawn: a binomial count off by more than half would be
    # beyond five standard deviations (and PostgreSQL's buckets are a sample of the
    # ids, not of the matches, so its draw varies a little more).
    assert 40 <= estimate.counts["knowledge"] <= 120
    assert 10 <= estimate.counts["meeting"] <= 60
    assert estimate.ranked == exact.ranked


def test_when_the_best_matches_are_hidden_the_ranking_checks_every_match(cast, broad_above):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL checks the permission as it reads the index in rank order")
    # Thirty strong matches are drafts a stranger may not see; sixty weak ones are public.
    for number in range(90):
        strong = number < 30
        KnowledgeItemFactory(
            city=cast.home,
            title=f"Harbour ferry {number}" if strong else f"Timetable {number}",
            body=("Harbour ferry. " * 10 if strong else "Harbour ferry. " + "x " * 200),
            visibility="draft" if strong else "public",
        )
    terms = query_terms("harbour ferry")
    broad_above.setattr(keyword, "RANK_MARGIN", 0)
    # The sample says two in three pass, so the index's best 20 are read for a page of 10:
    # all drafts. Every match is then checked instead.
    found = exactly(None, terms, limit=10)
    assert not found.estimated
    assert found.counts == {"knowledge": 60}
    assert len(found.ranked) == 10
    secretariat = exactly(cast.secretariat, terms, limit=10)
    assert secretariat.estimated
    assert not set(found.ranked) & set(secretariat.ranked)


def test_too_few_passing_filters_are_counted_one_by_one(cast, broad, broad_above):
    broad_above.setattr(keyword, "ESTIMATE_NEEDS", 40)
    found = exactly(None, query_terms("flood drill"), types=("meeting",))
    assert not found.estimated
    assert found.counts == {"knowledge": 80, "meeting": 30}


def test_the_page_and_the_api_say_the_count_is_an_estimate(client, cast, broad, broad_above):
    sample(broad_above, 1)
    response = client.get(reverse("web:search"), {"q": "flood drill"})
    body = response.content.decode()
    assert "about 110 results" in body
    assert "≈80" in body
    answer = APIClient().get("/api/v1/search/", {"q": "flood drill"}).json()
    assert answer["count"] == 110
    assert answer["count_estimated"] is True
    filtered = search(
        user=None, query="flood drill", semantic=False, filters=SearchFilters(types=("meeting",))
    )
    assert filtered.estimated
    assert filtered.total == 30


def test_every_document_falls_into_one_of_the_sample_buckets(broad):
    if connection.vendor != "postgresql":
        pytest.skip("the buckets are a PostgreSQL column")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT MIN(sample_bucket), MAX(sample_bucket), COUNT(DISTINCT sample_bucket), "
            "COUNT(*) FILTER (WHERE sample_bucket IS NULL) FROM searchindex_searchdocument"
        )
        low, high, distinct, missing = cursor.fetchone()
    assert 0 <= low <= high < keyword.SAMPLE_BUCKETS
    assert missing == 0
    # 150 documents hashed into 64 buckets fill about 58 of them.
    assert distinct >= 30


def test_an_estimate_keeps_two_significant_figures():
    # A sample of a few thousand tells no more; a type seen once in it still shows.
    assert [keyword.rounded_estimate(n) for n in (0.4, 16.2, 149.9, 27_933, 28_014)] == [
        1,
        16,
        150,
        28_000,
        28_000,
    ]


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "about 28,000 results"), ("vi", "28.000"), ("ru", "28\xa0000"), ("hi", "28,000")],
)
def test_large_counts_are_grouped_as_the_reader_writes_numbers(
    client, monkeypatch, language, shown
):
    from intercity.searchindex.engine import SearchHit, SearchResults
    from intercity.searchindex.models import SearchDocument
    from intercity.web import views

    KnowledgeItemFactory(title="Flood drill", visibility="public")
    hit = SearchHit(
        SearchDocument.objects.get(doc_type="knowledge"), 1.0, "Knowledge", ("keyword",)
    )
    counted = SearchResults("flood", [hit], 28000, {"knowledge": 28000}, "keyword", estimated=True)
    monkeypatch.setattr(views, "site_search", lambda **kwargs: counted)
    body = client.get(
        reverse("web:search"), {"q": "flood"}, HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert shown in body
    assert "28000" not in body
