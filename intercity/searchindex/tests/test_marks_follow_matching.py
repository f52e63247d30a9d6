"""A result's snippet marks only the words that found it, in the result's own language."""

import pytest

from intercity.searchindex import engine
from intercity.searchindex.engine import search
from intercity.searchindex.models import SearchDocument
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    return {
        "id": KnowledgeItemFactory(
            city=cast.home,
            title="Bus listrik di pusat kota",
            body="Kualitas udara membaik. Jaringan air bersih juga diperluas ke kampung.",
            language="id",
        ),
        "ms": KnowledgeItemFactory(
            city=cast.home,
            title="Bekalan air bersih",
            body="Paip baharu membawa air bersih ke setiap rumah.",
            language="ms",
        ),
        "en": KnowledgeItemFactory(
            city=cast.home,
            title="Clean air zones",
            body="Air quality improved once the oldest lorries were kept out of the centre.",
        ),
    }


def hit_for(results, title):
    return next(hit for hit in results.hits if hit.document.title == title)


def test_a_record_found_by_its_own_languages_words_marks_those_and_not_the_querys(records):
    results = search(user=None, query="air quality", semantic=False)
    indonesian = hit_for(results, "Bus listrik di pusat kota")
    # Found by "kualitas udara", the thesaurus's Indonesian for air quality.
    assert "<mark>Kualitas udara</mark>" in indonesian.snippet
    assert "<mark>air</mark>" not in indonesian.snippet
    english = hit_for(results, "Clean air zones")
    assert "<mark>Air quality</mark>" in english.snippet
    assert "<mark>air</mark>" in english.title_html
    answer = next(hit for hit in [h.as_dict() for h in results.hits] if hit["language"] == "id")
    assert "<mark>air</mark>" not in answer["snippet"]


def test_a_record_found_only_by_meaning_gets_a_snippet_without_marks(records, monkeypatch):
    malay = SearchDocument.objects.get(title="Bekalan air bersih")
    monkeypatch.setattr(engine, "semantic_enabled", lambda: True)
    monkeypatch.setattr(engine.embedding, "is_available", lambda: True)
    monkeypatch.setattr(
        engine,
        "_semantic_ranking",
        lambda query, base, timings: engine._Neighbours([(malay.id, 1.0)]),
    )
    results = search(user=None, query="clean air", semantic=True)
    hit = hit_for(results, "Bekalan air bersih")
    assert hit.matched_by == ("semantic",)
    assert "air bersih" in hit.snippet
    assert "<mark>" not in hit.snippet
    assert "<mark>" not in hit.title_html
    # The English record holds both words: they found it, and are marked.
    assert "<mark>Clean air</mark>" in hit_for(results, "Clean air zones").title_html
