"""Suggestions from the platform's own words, offered only when they find something."""

import pytest
from django.urls import reverse

from intercity.searchindex import engine
from intercity.searchindex.engine import SearchFilters, search
from intercity.searchindex.models import SearchDocument
from intercity.searchindex.platform_words import interface_words, platform_words
from intercity.testing.factories import ThemeFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    return [
        # Recycling, in the thesaurus's Indonesian words; no record says "recycling".
        KnowledgeItemFactory(
            city=cast.home,
            title="Bank sampah dan daur ulang",
            body="Warga menukar botol plastik dengan tabungan.",
            language="id",
        ),
        KnowledgeItemFactory(
            city=cast.home,
            title="Recalling the first plenary",
            body="Delegates looked back at the founding plenary.",
        ),
    ]


def test_a_typo_of_a_word_no_record_holds_is_corrected_when_the_word_finds_records(records):
    results = search(user=None, query="recyclng", semantic=False)
    assert results.total == 0
    assert results.suggestion == "recycling"
    corrected = search(user=None, query="recycling", semantic=False)
    assert [hit.document.title for hit in corrected.hits] == ["Bank sampah dan daur ulang"]


def test_a_word_of_the_platform_is_taken_as_meant_not_corrected_to_a_records_word(records):
    # "recalling" is two edits away and in a record; "recycling" is the thesaurus's.
    assert search(user=None, query="recycling", semantic=False).suggestion is None


def test_no_suggestion_is_offered_that_would_find_nothing(records):
    # "secretariat" is a word of the interface, in no record.
    assert "secretariat" in platform_words("en")
    assert search(user=None, query="secretariatt", semantic=False).suggestion is None
    # Nor one the reader's filters would leave empty.
    assert search(user=None, query="recaling", semantic=False).suggestion == "recalling"
    only_cities = SearchFilters(types=("city",))
    filtered = search(user=None, query="recaling", filters=only_cities, semantic=False)
    assert filtered.suggestion is None


def test_the_platform_words_are_those_of_the_readers_language(cast):
    ThemeFactory(name="Waste management", names={"id": "Pengelolaan sampah"})
    assert "pertemuan" in interface_words("id")
    assert "meeting" in interface_words("en")
    assert "pertemuan" not in interface_words("en")
    words = platform_words("id")
    assert "pengelolaan" in words
    assert "management" in words
    assert words["recycling"].documents == 0


def test_a_page_without_results_offers_the_themes_to_browse(records, client):
    ThemeFactory(slug="waste", name="Waste management")
    page = client.get(reverse("web:search"), {"q": "zzqx"}).content.decode()
    assert 'id="browse-themes"' in page
    assert f'href="{reverse("knowledge:list")}?theme=waste"' in page
    page = client.get(reverse("web:search"), {"q": "daur ulang"}).content.decode()
    assert 'id="browse-themes"' not in page


def test_a_suggestion_found_only_by_meaning_is_offered_when_search_reads_meaning(cast, monkeypatch):
    KnowledgeItemFactory(city=cast.home, title="Rooftop farms", body="Vegetables on roofs.")
    gardens = KnowledgeItemFactory(
        city=cast.home, title="Community gardens", body="Neighbours share plots."
    )
    # No record holds both words of the corrected query.
    assert search(user=None, query="rooftop gardns", semantic=False).suggestion is None
    document = SearchDocument.objects.get(title=gardens.title)
    monkeypatch.setattr(engine, "semantic_enabled", lambda: True)
    monkeypatch.setattr(engine.embedding, "is_available", lambda: True)
    monkeypatch.setattr(engine, "passage_search", [document.id])
    monkeypatch.setattr(
        engine,
        "_semantic_ranking",
        lambda query, base, timings: engine._Neighbours([(document.id, 1.0)]),
    )
    results = search(user=None, query="rooftop gardns")
    assert results.mode == "hybrid"
    assert results.suggestion == "rooftop gardens"


def test_the_words_of_plural_messages_count_in_every_form(cast):
    # "observers" is written only in the plural form of "... as observers".
    assert "observers" in interface_words("en")
