"""Keyword ranking and counting in one pass give what two separate queries gave."""

import pytest
from django.db.models import Count

from intercity.search.text import query_terms
from intercity.searchindex import keyword
from intercity.searchindex.engine import SearchFilters, search, visible_documents
from intercity.testing.factories import MeetingFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(cast):
    for number in range(6):
        KnowledgeItemFactory(
            city=cast.home,
            title=f"Flood drill {number}",
            body="Riverside flood drill with volunteers. " * (number + 1),
            visibility="draft" if number % 3 == 0 else "public",
        )
    for number in range(3):
        MeetingFactory(title=f"Flood drill seminar {number}")
    KnowledgeItemFactory(title="Bus lanes", body="Dedicated bus lanes.")


def two_queries(user, terms, types=()):
    untyped = visible_documents(user)
    base = SearchFilters(types=types).apply(untyped)
    ranked = keyword.ranked(base, terms, limit=200)
    counts = dict(
        untyped.filter(keyword.match_q(terms))
        .values_list("doc_type")
        .annotate(n=Count("id"))
        .values_list("doc_type", "n")
    )
    return ranked, counts


@pytest.mark.parametrize("types", [(), ("knowledge",), ("meeting",)])
@pytest.mark.parametrize("who", ["anonymous", "secretariat", "focal_point"])
def test_one_pass_ranks_and_counts_as_two_queries_did(cast, mixed, types, who):
    user = None if who == "anonymous" else getattr(cast, who)
    terms = query_terms("flood drill")
    ranked, counts, *_ = keyword.ranked_and_counted(
        visible_documents(user), terms, limit=200, types=types
    )
    assert (ranked, counts) == two_queries(user, terms, types)
    assert counts["meeting"] == 3


def test_the_page_count_still_hides_drafts_from_strangers(cast, mixed):
    public = search(user=None, query="flood drill", semantic=False)
    secretariat = search(user=cast.secretariat, query="flood drill", semantic=False)
    assert public.type_counts == {"knowledge": 4, "meeting": 3}
    assert secretariat.type_counts == {"knowledge": 6, "meeting": 3}
    assert public.total == len(public.hits) == 7
    only_meetings = search(
        user=None, query="flood drill", semantic=False, filters=SearchFilters(types=("meeting",))
    )
    assert only_meetings.total == 3
    assert only_meetings.type_counts == {"knowledge": 4, "meeting": 3}
