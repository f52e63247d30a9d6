"""The vocabulary follows the public documents, and search offers the corrected query."""

import pytest
from django.urls import reverse

from intercity.searchindex import engine, indexing, vocabulary
from intercity.searchindex.engine import search
from intercity.searchindex.models import SearchTerm
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


def counts():
    return dict(SearchTerm.objects.values_list("term", "documents"))


@pytest.fixture
def records(cast):
    return [
        KnowledgeItemFactory(
            city=cast.home,
            title="Waste sorting at the source",
            body="Households sort their waste; the energy recovered heats a school.",
        ),
        KnowledgeItemFactory(
            city=cast.home,
            title="Infectious disease control after Typhoon Haiyan",
            body="Clinics shared stocks of vaccines.",
        ),
        KnowledgeItemFactory(
            city=cast.home,
            title="Quy hoạch đô thị và xử lý chất thải",
            body="Hà Nội phân loại rác thải tại nguồn.",
            language="vi",
        ),
        KnowledgeItemFactory(
            city=cast.home,
            title="Secret zeppelin waste plan",
            body="Only the owners read this.",
            visibility="draft",
        ),
    ]


def test_the_vocabulary_counts_the_words_of_public_documents_only(records):
    words = counts()
    assert words["waste"] == 1
    assert words["households"] == 1
    assert words["typhoon"] == 1
    assert SearchTerm.objects.get(term="hoach").spelling == "hoạch"
    assert "zeppelin" not in words


def test_an_edit_or_a_deletion_takes_its_words_out(records, cast):
    first = records[0]
    first.title = "Compost in every district"
    first.body = "Households make compost."
    first.save()
    words = counts()
    assert "waste" not in words
    assert words["compost"] == 1
    assert "sorting" not in words
    records[1].delete()
    assert "typhoon" not in counts()


def test_a_record_made_public_adds_its_words_and_made_draft_removes_them(records):
    draft = records[3]
    draft.visibility = "public"
    draft.save()
    assert counts()["zeppelin"] == 1
    draft.visibility = "draft"
    draft.save()
    assert "zeppelin" not in counts()


def test_a_rebuild_counts_what_the_updates_counted(records):
    records[0].delete()
    records[3].visibility = "public"
    records[3].save()
    updated = counts()
    indexing.rebuild()
    assert counts() == updated
    assert vocabulary.rebuild() == len(updated)


@pytest.mark.parametrize(
    ("query", "suggested"),
    [
        ("wste", "waste"),
        ("enrgy", "energy"),
        ("typhon", "typhoon"),
        ("infectous disease", "infectious disease"),
        ("quy hoahc", "quy hoạch"),
        ("phan laoi rac", "phan loại rac"),
    ],
)
def test_a_misspelt_query_finds_nothing_and_offers_the_corrected_one(records, query, suggested):
    results = search(user=None, query=query, semantic=False)
    assert results.hits == []
    assert results.suggestion == suggested
    corrected = search(user=None, query=results.suggestion, semantic=False)
    assert corrected.hits
    assert corrected.suggestion is None


@pytest.mark.parametrize("query", ["waste", "quy hoach", "ha noi", "zeppelin"])
def test_a_query_of_known_words_gets_no_suggestion(records, query):
    assert search(user=None, query=query, semantic=False).suggestion is None


def test_a_draft_word_is_never_suggested(records):
    assert search(user=None, query="zeppelim", semantic=False).suggestion is None


def test_the_page_links_to_the_corrected_query_which_finds_the_record(records, client):
    body = client.get(reverse("web:search"), {"q": "typhon", "city": records[1].city.slug})
    page = body.content.decode()
    assert 'id="did-you-mean"' in page
    link = page.split('id="did-you-mean"', 1)[1].split('href="', 1)[1].split('"', 1)[0]
    assert link == f"?q=typhoon&amp;city={records[1].city.slug}"
    followed = client.get(reverse("web:search") + link.replace("&amp;", "&"))
    assert [hit.document.title for hit in followed.context["results"].hits] == [
        "Infectious disease control after Typhoon Haiyan"
    ]
    assert 'id="did-you-mean"' not in followed.content.decode()


def test_the_api_answers_the_suggestion(records, client):
    answer = client.get("/api/v1/search/", {"q": "infectous disease"}).json()
    assert answer["count"] == 0
    assert answer["did_you_mean"] == "infectious disease"
    assert client.get("/api/v1/search/", {"q": "waste"}).json()["did_you_mean"] is None


def test_a_member_city_name_is_never_corrected(records, monkeypatch):
    KnowledgeItemFactory(title="Restoring the old tombs", body="Masons carry the waste away.")
    assert search(user=None, query="tombz wste", semantic=False).suggestion == "tombs waste"
    # A city named Tombz: its records are what the corrected query finds.
    city = records[1].city.slug
    monkeypatch.setattr(engine, "place_names", lambda: {city: ["Tombz", "Томбз"]})
    assert search(user=None, query="tombz wste", semantic=False).suggestion == "tombz waste"
