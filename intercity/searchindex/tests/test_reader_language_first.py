"""A name several language versions share is shown in the reader's language first."""

import pytest
from django.urls import reverse

from intercity.searchindex.engine import search
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

# The same record name written alike in both languages, as an acronym is.
SHARED = "ANMC21 Hanoi plenary"


@pytest.fixture
def versions(cast):
    """The same text in English and in Japanese; English is indexed first."""
    return {
        language: KnowledgeItemFactory(
            city=cast.home, title=SHARED, body="2030 5 12", language=language
        )
        for language in ("en", "ja")
    }


def languages(results):
    return [hit.document.language for hit in results.hits]


@pytest.mark.parametrize(("reader", "expected"), [("ja", ["ja", "en"]), ("en", ["en", "ja"])])
def test_equal_matches_come_in_the_readers_language_first(versions, reader, expected):
    results = search(user=None, query="ANMC21", semantic=False, reader_language=reader)
    assert languages(results) == expected


def test_without_a_reader_language_the_query_language_decides(versions):
    results = search(user=None, query="ANMC21", semantic=False, lang="ja")
    assert languages(results) == ["ja", "en"]


def test_the_readers_language_does_not_outrank_a_clearly_better_match(cast):
    KnowledgeItemFactory(city=cast.home, title="ANMC21 plenary", body="Minutes.", language="en")
    KnowledgeItemFactory(
        city=cast.home,
        title="総会の議事録",
        body=" ".join(["会議の記録と各都市の発言。"] * 40) + " ANMC21",
        language="ja",
    )
    results = search(user=None, query="ANMC21", semantic=False, reader_language="ja")
    assert languages(results) == ["en", "ja"]


@pytest.mark.parametrize("hl", ["ja", "en"])
def test_the_search_page_follows_the_language_of_the_link(cast, client, hl):
    items = {
        language: KnowledgeItemFactory(
            city=cast.home,
            title=SHARED,
            slug=f"{language}-version",
            body="2030 5 12",
            language=language,
        )
        for language in ("en", "ja")
    }
    page = client.get(reverse("web:search"), {"q": "ANMC21", "hl": hl}).content.decode()
    positions = {language: page.index(item.get_absolute_url()) for language, item in items.items()}
    assert min(positions, key=positions.get) == hl


@pytest.mark.parametrize("reader", ["ja", "en"])
def test_the_api_lists_the_readers_version_first(versions, client, reader):
    answer = client.get("/api/v1/search/", {"q": "ANMC21", "hl": reader}).json()
    assert [hit["language"] for hit in answer["results"]] == [reader, *({"en", "ja"} - {reader})]


@pytest.fixture
def three_versions(cast):
    """The same text in Japanese, English and Thai, indexed in that order."""
    return {
        language: KnowledgeItemFactory(
            city=cast.home, title=SHARED, body="2030 5 12", language=language
        )
        for language in ("ja", "en", "th")
    }


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        # The reader's version first; then the one in the language the query is written in,
        # Latin letters: English before Japanese, whatever the order they were indexed in.
        ("th", ["th", "en", "ja"]),
        ("ja", ["ja", "en", "th"]),
        # A reader of none of them: the query's language alone decides.
        ("ko", ["en", "ja", "th"]),
    ],
)
def test_after_the_readers_version_comes_the_one_in_the_querys_language(
    three_versions, reader, expected
):
    results = search(user=None, query="ANMC21", semantic=False, reader_language=reader)
    assert languages(results) == expected


def test_the_language_the_client_states_is_the_querys_language(three_versions):
    results = search(user=None, query="ANMC21", semantic=False, lang="th", reader_language="ko")
    assert languages(results) == ["th", "ja", "en"]
