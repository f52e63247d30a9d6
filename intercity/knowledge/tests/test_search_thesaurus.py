"""A keyword search that names a theme finds items written about it in other languages."""

import pytest

from intercity.searchindex.engine import search
from intercity.testing.factories import CityFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    tokyo = CityFactory(name="Tokyo", country_code="JP", country_name="Japan")
    manila = CityFactory(name="Manila")
    return {
        "diesel": KnowledgeItemFactory(
            city=tokyo,
            language="ja",
            title="ディーゼル車の排出ガス規制",
            body="東京都は大気汚染を減らすため、ディーゼル車の排出ガス規制を強化した。",
        ),
        "dengue": KnowledgeItemFactory(
            city=manila,
            language="fil",
            title="Kampanya laban sa dengue",
            body="Naglunsad ang lungsod ng kampanya laban sa dengue at sa mga pugad ng lamok.",
        ),
    }


def _titles(query):
    results = search(user=None, query=query, semantic=False)
    return [hit.document.title for hit in results.hits], results


def test_vietnamese_without_accents_finds_a_japanese_practice_by_its_theme(practices):
    titles, results = _titles("o nhiem khong khi do xe diesel")
    assert titles == [practices["diesel"].title]
    assert results.total == 1
    assert results.hits[0].matched_by == ("keyword",)
    assert "<mark>大気汚染</mark>" in str(results.hits[0].snippet)


def test_a_chinese_word_finds_the_filipino_item_on_the_same_disease(practices):
    titles, _results = _titles("登革熱")
    assert titles == [practices["dengue"].title]


def test_a_query_naming_no_theme_finds_only_its_own_words(practices):
    titles, _results = _titles("kampanya")
    assert titles == [practices["dengue"].title]
    # The Japanese text writes diesel in katakana: without a theme, nothing bridges them.
    assert _titles("diesel")[0] == []
