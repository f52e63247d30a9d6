"""Keyword search finds items written in each of the network's thirteen languages."""

import pytest

from intercity.search.tests.samples import SAMPLES
from intercity.searchindex.engine import SearchFilters, search
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

KNOWLEDGE = SearchFilters(types=("knowledge",))


@pytest.fixture
def library():
    return {
        sample.lang: KnowledgeItemFactory(
            title=f"Practice {sample.lang}",
            body=sample.text,
            language=sample.lang.lower() if sample.lang != "zh-Hant" else "zh-hant",
        )
        for sample in SAMPLES
    }


def _found(query, lang=None):
    results = search(user=None, query=query, filters=KNOWLEDGE, lang=lang, semantic=False)
    return {hit.document.doc_key for hit in results.hits}


@pytest.mark.parametrize("sample", SAMPLES, ids=[sample.lang for sample in SAMPLES])
def test_items_are_found_by_keyword_in_their_language(library, sample):
    item = library[sample.lang]
    for query in sample.matching_queries:
        assert str(item.pk) in _found(query, sample.lang), query
    assert str(item.pk) not in _found(sample.non_matching_query, sample.lang)


def test_vietnamese_typed_without_accents_finds_the_item(library):
    assert _found("quy hoach do thi") == {str(library["vi"].pk)}
    assert _found("un tac giao thong") == {str(library["vi"].pk)}


@pytest.mark.parametrize(
    ("query", "lang"), [("東京", "ja"), ("서울", "ko"), ("臺北", "zh-Hant"), ("都", "ja")]
)
def test_one_and_two_character_cjk_queries_match(library, query, lang):
    assert str(library[lang].pk) in _found(query)


def test_a_word_part_is_found_through_the_substring_fallback(library):
    # "ergy" is inside no indexed word start; only the trigram/substring index has it.
    item = KnowledgeItemFactory(title="Rooftop solar", body="Photovoltaic rooftops in Seoul.")
    assert str(item.pk) in _found("voltaic")


def test_snippets_mark_the_matched_words(library):
    results = search(user=None, query="ha noi", filters=KNOWLEDGE, semantic=False)
    assert "<mark>Hà Nội</mark>" in str(results.hits[0].snippet)
