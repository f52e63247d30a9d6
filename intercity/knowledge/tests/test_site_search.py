"""The site search page, the search API and the command-line search, import and reindex."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from intercity.knowledge.models import KnowledgeItem
from intercity.searchindex.models import SearchDocument
from intercity.testing.factories import MeetingFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    return [
        KnowledgeItemFactory(city=cast.home, title="Flood drill with volunteers"),
        KnowledgeItemFactory(city=cast.home, title="Flood drill draft", visibility="draft"),
        MeetingFactory(title="Flood drill expert meeting", host_city=cast.home),
    ]


def test_the_search_page_shows_highlighted_hits_and_type_counts(client, records):
    response = client.get(reverse("web:search"), {"q": "flood drill"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Flood drill</mark> with volunteers" in body
    assert "Flood drill draft" not in body
    assert response.context["results"].total == 2
    counts = {value: count for value, _label, count in response.context["type_choices"]}
    assert counts["knowledge"] == 1


def test_the_search_page_filters_by_type(client, records):
    response = client.get(reverse("web:search"), {"q": "flood drill", "type": "meeting"})
    assert [hit.type for hit in response.context["results"].hits] == ["meeting"]


def test_the_results_come_before_the_type_filter_with_a_link_down_to_it(client, records):
    body = client.get(reverse("web:search"), {"q": "flood drill"}).content.decode()
    # On a phone the page is one column in document order: the reader sees hits first.
    assert body.index('class="hits"') < body.index('id="facets"')
    assert body.index('href="#facets"') < body.index('class="hits"')


def test_a_type_filter_link_keeps_the_other_filters_and_leaves_the_page(client, cast, records):
    response = client.get(
        reverse("web:search"),
        {"q": "flood drill", "city": cast.home.slug, "from": "2000-01-01", "page": "1"},
    )
    facets = response.content.decode().split('id="facets"', 1)[1].split("</aside>", 1)[0]
    assert (
        f'href="?q=flood+drill&amp;city={cast.home.slug}&amp;from=2000-01-01&amp;type=meeting"'
        in facets
    )
    chosen = client.get(
        reverse("web:search"), {"q": "flood drill", "to": "2100-01-01", "type": "meeting"}
    )
    facets = chosen.content.decode().split('id="facets"', 1)[1].split("</aside>", 1)[0]
    assert 'href="?q=flood+drill&amp;to=2100-01-01">' in facets  # "All types"


def test_the_search_page_without_a_query_asks_for_one(client):
    response = client.get(reverse("web:search"))
    assert response.status_code == 200
    assert response.context["results"] is None


def test_the_search_api_answers_with_scored_snippets(records):
    response = APIClient().get("/api/v1/search/", {"q": "flood drill"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert {hit["type"] for hit in data["results"]} == {"knowledge", "meeting"}
    assert all({"type", "id", "title", "score", "snippet"} <= set(hit) for hit in data["results"])


def test_the_api_hides_drafts_from_strangers(cast, records):
    draft = records[1]
    assert APIClient().get(f"/api/v1/knowledge/{draft.slug}/").status_code == 404
    client = APIClient()
    client.force_authenticate(cast.focal_point)
    assert client.get(f"/api/v1/knowledge/{draft.slug}/").status_code == 200
    listed = APIClient().get("/api/v1/knowledge/").json()
    assert [row["title"] for row in listed["results"]] == ["Flood drill with volunteers"]


def test_the_api_creates_an_item_for_the_focal_points_city(cast, themes):
    client = APIClient()
    client.force_authenticate(cast.focal_point)
    response = client.post(
        "/api/v1/knowledge/",
        {
            "title": "Heat plan",
            "body": "Cooling centres.",
            "language": "en",
            "themes": ["environment"],
            "visibility": "public",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["city"]["slug"] == cast.home.slug
    other = APIClient()
    other.force_authenticate(cast.other_focal_point)
    slug = response.json()["slug"]
    assert (
        other.patch(f"/api/v1/knowledge/{slug}/", {"title": "x"}, format="json").status_code == 404
    )


def test_the_api_import_is_all_or_nothing(cast):
    client = APIClient()
    client.force_authenticate(cast.secretariat)
    good = {"title": "Bus lanes", "body": "Lanes.", "language": "en"}
    response = client.post(
        "/api/v1/knowledge/import/",
        {"items": [good, {"title": "No body", "language": "en"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["line"] == 2
    assert not KnowledgeItem.objects.exists()
    response = client.post("/api/v1/knowledge/import/", {"jsonl": json.dumps(good)}, format="json")
    assert response.status_code == 201
    assert SearchDocument.objects.filter(doc_type="knowledge", title="Bus lanes").exists()
    assert APIClient().post(
        "/api/v1/knowledge/import/", {"jsonl": "{}"}, format="json"
    ).status_code in (401, 403)


def test_the_search_command_prints_json(records, capsys):
    call_command("search", "flood drill", "--format", "json", "--keyword-only")
    hits = json.loads(capsys.readouterr().out)
    assert {hit["title"] for hit in hits} == {
        "Flood drill with volunteers",
        "Flood drill expert meeting",
    }
    assert all({"type", "id", "title", "score", "snippet"} <= set(hit) for hit in hits)


def test_the_search_command_sees_drafts_as_a_named_user(cast, records, capsys):
    call_command(
        "search", "flood drill draft", "--user", cast.secretariat.username, "--keyword-only"
    )
    assert "Flood drill draft" in capsys.readouterr().out


def test_reindex_rebuilds_the_index(records, capsys):
    SearchDocument.objects.all().delete()
    call_command("reindex", "--no-vectors")
    assert SearchDocument.objects.filter(doc_type="knowledge").count() == 2
    assert SearchDocument.objects.filter(doc_type="meeting").count() == 1
    assert "keyword index" in capsys.readouterr().err


def test_import_knowledge_reports_bad_lines_and_writes_nothing(cast, tmp_path, capsys, themes):
    library = tmp_path / "library.jsonl"
    lines = [
        {
            "title": "東京の大気汚染対策",
            "body": "ディーゼル車規制。",
            "language": "ja",
            "city": "home-city",
            "themes": ["air-quality"],
            "kind": "policy",
        },
        {"title": "Bad city", "body": "x", "language": "en", "city": "atlantis"},
        {"title": "Bad language", "body": "x", "language": "xx"},
    ]
    library.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\nnot json\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="3 bad line"):
        call_command("import_knowledge", str(library))
    err = capsys.readouterr().err
    assert (
        ":2: unknown city" in err and ":3: unknown language" in err and ":4: not valid JSON" in err
    )
    assert not KnowledgeItem.objects.exists()

    library.write_text(json.dumps(lines[0], ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_knowledge", str(library), "--no-vectors")
    item = KnowledgeItem.objects.get()
    assert item.city == cast.home and item.kind == "policy"
    assert SearchDocument.objects.filter(doc_type="knowledge", doc_key=str(item.pk)).exists()


def test_a_hit_names_its_language_and_starts_with_no_stray_separator(client, cast):
    KnowledgeItemFactory(city=cast.home, title="Flood drill in Japanese", language="ja")
    MeetingFactory(title="Flood drill expert meeting", host_city=cast.home)
    english = client.get(reverse("web:search"), {"q": "flood drill"}).content.decode()
    assert '<div class="meta joined"><span>Japanese</span>' in english
    assert '<div class="meta joined"><span>ja</span>' not in english
    japanese = client.get(
        reverse("web:search"), {"q": "flood drill"}, HTTP_ACCEPT_LANGUAGE="ja"
    ).content.decode()
    assert '<div class="meta joined"><span>日本語</span>' in japanese
    # The meeting has no language: its line begins with its date, not with a separator.
    lines = english.split('<div class="meta joined">')[1:]
    assert len(lines) == 2 and all(line.startswith("<span>") for line in lines)


@pytest.mark.parametrize("query", ["!!!", "?*(", "nothing like this"])
def test_a_search_that_finds_nothing_shows_no_empty_type_filter(client, records, query):
    body = client.get(reverse("web:search"), {"q": query, "hl": "mn"}).content.decode()
    assert 'class="empty"' in body
    assert 'id="facets"' not in body
