"""On PostgreSQL with RUM, matches come best first from the index, and nothing else changes."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from intercity.search.text import query_terms
from intercity.searchindex import keyword
from intercity.searchindex.engine import SearchFilters, visible_documents
from intercity.testing.factories import MeetingFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

needs_rum = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the RUM index exists on PostgreSQL only"
)


@pytest.fixture
def rum():
    if not keyword.ranks_through_index():
        pytest.skip("this PostgreSQL server has no RUM extension (postgresql-NN-rum)")


@pytest.fixture
def documents(cast):
    KnowledgeItemFactory(
        title="Harbour ferries", body="The harbour ferry timetable, moved for quay works."
    )
    KnowledgeItemFactory(title="Quay works", body="Ferries wait while the harbour is dredged.")
    for number in range(5):
        KnowledgeItemFactory(
            city=cast.home,
            title=f"Tram depot {number}",
            body="Harbour district tram depot; ferry connections. " * (number + 1),
            visibility="draft" if number % 2 else "public",
        )
    MeetingFactory(title="Harbour ferry seminar")
    KnowledgeItemFactory(title="Bus lanes", body="Dedicated bus lanes.")


def by_scoring_every_match(monkeypatch, user, terms, types=()):
    monkeypatch.setattr(keyword, "ranks_through_index", lambda: False)
    try:
        return keyword.ranked_and_counted(visible_documents(user), terms, limit=200, types=types)
    finally:
        monkeypatch.undo()


# Read in rank order from the index, or (few matches pass the filters) scored one by one.
PLANS = {"in rank order": 0, "scored": keyword.SCORE_EVERY_MATCH_UP_TO}


@needs_rum
@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("types", [(), ("knowledge",), ("meeting",)])
@pytest.mark.parametrize("who", ["anonymous", "secretariat", "focal_point"])
def test_the_index_finds_and_counts_what_scoring_every_match_found(
    cast, documents, rum, monkeypatch, who, types, plan
):
    monkeypatch.setattr(keyword, "SCORE_EVERY_MATCH_UP_TO", PLANS[plan])
    user = None if who == "anonymous" else getattr(cast, who)
    terms = query_terms("harbour ferry")
    ranked, counts, *_ = keyword.ranked_and_counted(
        visible_documents(user), terms, limit=200, types=types
    )
    expected_ranked, expected_counts, *_ = by_scoring_every_match(monkeypatch, user, terms, types)
    assert counts == expected_counts
    assert {doc_id for doc_id, _ in ranked} == {doc_id for doc_id, _ in expected_ranked}
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)


@needs_rum
@pytest.mark.parametrize("plan", PLANS)
def test_a_title_match_comes_before_a_body_match(documents, rum, monkeypatch, plan):
    monkeypatch.setattr(keyword, "SCORE_EVERY_MATCH_UP_TO", PLANS[plan])
    base = SearchFilters().apply(visible_documents(None))
    ranked = keyword.ranked(base, query_terms("quay works"), limit=10)
    titles = dict(base.values_list("id", "title"))
    assert titles[ranked[0][0]] == "Quay works"
    assert len(ranked) == 2


@needs_rum
@pytest.mark.parametrize("plan", PLANS)
def test_the_page_is_cut_at_the_limit_with_the_best_kept(documents, rum, monkeypatch, plan):
    monkeypatch.setattr(keyword, "SCORE_EVERY_MATCH_UP_TO", PLANS[plan])
    base = visible_documents(None)
    terms = query_terms("harbour")
    everything = keyword.ranked(base, terms, limit=200)
    first_two = keyword.ranked(base, terms, limit=2)
    assert first_two == everything[:2]
    assert len(everything) == 6  # two items, three public depots, the seminar


@needs_rum
def test_the_command_reports_the_index_in_use(rum, capsys):
    call_command("rankindex", "--status")
    assert "ranked through the RUM index" in capsys.readouterr().out


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite ranks with FTS5")
def test_the_command_says_sqlite_needs_no_rank_index():
    with pytest.raises(CommandError, match="Only PostgreSQL"):
        call_command("rankindex")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_server_without_the_extension_keeps_ranking_every_match(monkeypatch):
    from intercity.searchindex import rank_index

    monkeypatch.setattr(rank_index, "rum_available", lambda connection: False)
    assert rank_index.create_rank_index(connection) == (
        "the RUM extension is not installed on this server"
    )
    with pytest.raises(CommandError, match="not installed"):
        call_command("rankindex")
