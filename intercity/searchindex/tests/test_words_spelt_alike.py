"""A word several languages spell alike is read in the query's likely language first."""

import pytest
from django.urls import reverse

from intercity.searchindex.engine import search
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    return {
        "id": KnowledgeItemFactory(
            city=cast.home,
            title="Jaringan air bersih",
            body="Pipa baru membawa air ke setiap kampung di tepi sungai.",
            language="id",
        ),
        "ms": KnowledgeItemFactory(
            city=cast.home,
            title="Bekalan air luar bandar",
            body="Tangki air dipasang di setiap sekolah.",
            language="ms",
        ),
        "en": KnowledgeItemFactory(
            city=cast.home,
            title="Cleaner air near schools",
            body="Traffic was kept away from the gates at school hours.",
        ),
        "ja": KnowledgeItemFactory(
            city=cast.home,
            title="学校の空気",
            body="Clean air の取り組み: 校門の前の車を減らした。",
            language="ja",
        ),
    }


def titles(results):
    return [hit.document.title for hit in results.hits]


def hit_for(results, title):
    return next(hit for hit in results.hits if hit.document.title == title)


def test_an_english_reader_gets_the_english_records_first_and_the_others_unmarked(records):
    results = search(user=None, query="air", semantic=False, reader_language="en")
    found = titles(results)
    # Nothing is left out.
    assert results.total == 4
    assert set(found) == {record.title for record in records.values()}
    english = found.index("Cleaner air near schools")
    assert english < found.index("Jaringan air bersih")
    assert english < found.index("Bekalan air luar bandar")
    assert "<mark>air</mark>" in hit_for(results, "Cleaner air near schools").title_html
    for title in ("Jaringan air bersih", "Bekalan air luar bandar"):
        hit = hit_for(results, title)
        assert "<mark>" not in hit.title_html
        assert "<mark>" not in hit.snippet
    # Latin letters inside a Japanese record are a borrowed word: it stays marked.
    assert "<mark>air</mark>" in hit_for(results, "学校の空気").snippet


def test_an_indonesian_reader_gets_the_indonesian_and_malay_records_first_and_marked(records):
    results = search(user=None, query="air", semantic=False, reader_language="id")
    found = titles(results)
    assert len(found) == 4
    english = found.index("Cleaner air near schools")
    assert found.index("Jaringan air bersih") < english
    assert found.index("Bekalan air luar bandar") < english
    assert "<mark>air</mark>" in hit_for(results, "Jaringan air bersih").title_html
    assert "<mark>air</mark>" in hit_for(results, "Bekalan air luar bandar").title_html
    assert "<mark>" not in hit_for(results, "Cleaner air near schools").title_html


def test_the_querys_other_words_tell_its_language_whatever_the_reader_reads(records):
    results = search(user=None, query="air bersih", semantic=False, reader_language="en")
    # Clean water, in Indonesian: the Malay record is found by the thesaurus's Malay words.
    assert set(titles(results)) == {"Jaringan air bersih", "Bekalan air luar bandar"}
    assert "<mark>air bersih</mark>" in hit_for(results, "Jaringan air bersih").title_html


def test_a_reader_whose_language_does_not_spell_the_word_gets_every_record_marked(records):
    results = search(user=None, query="air", semantic=False, reader_language="ja")
    assert len(results.hits) == 4
    for hit in results.hits:
        assert "<mark>air</mark>" in hit.title_html + hit.snippet


def test_the_page_reads_the_word_in_the_interface_language(records, client):
    page = client.get(reverse("web:search"), {"q": "air"}, HTTP_ACCEPT_LANGUAGE="en")
    content = page.content.decode()
    assert content.index("near schools") < content.index("Jaringan")
    page = client.get(reverse("web:search"), {"q": "air"}, HTTP_ACCEPT_LANGUAGE="id")
    content = page.content.decode()
    assert content.index("Jaringan") < content.index("near schools")
