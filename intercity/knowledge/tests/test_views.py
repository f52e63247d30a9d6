"""Knowledge pages: list with facets, detail in the reader's language, forms, feed, city page."""

import pytest
from django.urls import reverse

from intercity.knowledge.models import KnowledgeItem
from intercity.testing.factories import AgreementFactory, MeetingFactory
from intercity.testing.knowledge_factories import (
    KnowledgeItemFactory,
    KnowledgeTranslationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(cast, themes):
    return [
        KnowledgeItemFactory(
            city=cast.home, title="Smog alerts", language="en", themes=[themes["air-quality"]]
        ),
        KnowledgeItemFactory(city=cast.other, title="ごみ分別", language="ja"),
        KnowledgeItemFactory(city=cast.home, title="Secret draft", visibility="draft"),
        KnowledgeItemFactory(city=cast.home, title="Insiders only", visibility="network"),
    ]


def test_the_list_shows_public_items_with_facet_counts_and_no_hidden_ones(client, library):
    response = client.get(reverse("knowledge:list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Smog alerts" in body and "ごみ分別" in body
    assert "Secret draft" not in body and "Insiders only" not in body
    cities = {row["city__slug"]: row["n"] for row in response.context["facets"]["city"]}
    assert cities == {"home-city": 1, "other-city": 1}
    languages = {row["language"]: row["n"] for row in response.context["facets"]["language"]}
    assert languages == {"en": 1, "ja": 1}


def test_the_list_runs_a_bounded_number_of_queries(
    client, cast, library, django_assert_max_num_queries
):
    for number in range(15):
        KnowledgeItemFactory(city=cast.home, title=f"Practice number {number}")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("knowledge:list"))
    assert response.status_code == 200


def test_the_list_filters_and_searches(client, library, cast):
    response = client.get(reverse("knowledge:list"), {"theme": "air-quality"})
    assert [item.title for item in response.context["object_list"]] == ["Smog alerts"]
    response = client.get(reverse("knowledge:list"), {"q": "smog", "city": cast.home.slug})
    assert [item.title for item in response.context["object_list"]] == ["Smog alerts"]
    response = client.get(reverse("knowledge:list"), {"kind": "policy"})
    assert list(response.context["object_list"]) == []


def test_the_list_shows_items_before_the_facets_and_a_facet_replaces_its_own_filter(
    client, library, cast
):
    response = client.get(
        reverse("knowledge:list"), {"q": "", "city": cast.other.slug, "theme": "", "page": "1"}
    )
    body = response.content.decode()
    assert body.index('class="hits"') < body.index('id="facets"')
    facets = body.split('id="facets"', 1)[1].split("</aside>", 1)[0]
    # Choosing another city swaps the city, keeps the rest, and starts again at page one.
    assert f'href="?q=&amp;city={cast.home.slug}&amp;theme="' in facets


def test_the_list_rejects_post(client):
    assert client.post(reverse("knowledge:list")).status_code == 405


def test_a_draft_is_not_found_by_strangers(client, client_for, cast, library):
    draft = library[2]
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client_for(cast.other_focal_point).get(draft.get_absolute_url()).status_code == 404
    assert client_for(cast.expert).get(draft.get_absolute_url()).status_code == 200


def test_the_detail_offers_the_readers_language_and_says_it_is_a_translation(client, cast):
    item = KnowledgeItemFactory(city=cast.other, language="ja", title="東京のスモッグ対策")
    KnowledgeTranslationFactory(item=item, language="vi", title="Chống khói bụi ở Tokyo")
    response = client.get(item.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="vi")
    body = response.content.decode()
    assert "Chống khói bụi ở Tokyo" in body
    assert "Nguyễn Văn A" in body
    assert response.context["version"].is_translation
    # No Korean version: the original is shown.
    response = client.get(item.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ko")
    assert response.context["version"].title == "東京のスモッグ対策"
    assert not response.context["version"].is_translation


def test_a_focal_point_creates_an_item_for_their_city(client_for, cast, themes):
    response = client_for(cast.focal_point).post(
        reverse("knowledge:create"),
        {
            "title": "Flood drills with volunteers",
            "kind": "drill_lesson",
            "language": "en",
            "city": cast.home.pk,
            "visibility": "public",
            "body": "We **rehearse** evacuation.",
            "themes": [themes["disaster-crisis"].pk],
            "outcome": "Evacuation got faster.",
            "outcome_baseline": "45",
            "outcome_result": "20",
            "outcome_unit": "minutes",
        },
    )
    item = KnowledgeItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    assert item.author == cast.focal_point
    detail = client_for(None).get(item.get_absolute_url()).content.decode()
    assert "<strong>rehearse</strong>" in detail
    assert "-25" in detail


def test_the_new_item_form_starts_in_the_language_the_author_reads(client_for, cast):
    client = client_for(cast.focal_point)
    client.cookies["django_language"] = "vi"

    form = client.get(reverse("knowledge:create")).context["form"]

    # A Vietnamese focal point writes in Vietnamese: the form must not label it English.
    assert form["language"].value() == "vi"


def test_an_item_with_no_links_says_so_and_where_to_add_them(client_for, cast):
    item = KnowledgeItemFactory(city=cast.home, title="Solar schools")
    edit = reverse("knowledge:edit", args=[item.slug])

    author = client_for(cast.focal_point).get(item.get_absolute_url()).text
    reader = client_for(None).get(item.get_absolute_url()).text

    assert 'id="no-links"' in author and f'href="{edit}"' in author
    assert 'id="no-links"' in reader and f'href="{edit}"' not in reader


def test_the_author_of_a_draft_is_told_it_is_not_published(client_for, cast):
    draft = KnowledgeItemFactory(city=cast.home, title="Solar schools", visibility="draft")
    public = KnowledgeItemFactory(city=cast.home, title="Bike lanes", visibility="public")
    client = client_for(cast.focal_point)

    # "Saved" after the form is not "published": a draft says so on its own page.
    assert 'id="draft-notice"' in client.get(draft.get_absolute_url()).text
    assert 'id="draft-notice"' not in client.get(public.get_absolute_url()).text


def test_an_item_with_no_text_yet_shows_no_blank_card(client_for, cast):
    bare = KnowledgeItemFactory(city=cast.home, title="Solar schools", summary="", body="")
    written = KnowledgeItemFactory(city=cast.home, title="Bike lanes", body="Painted lanes.")

    assert 'class="markdown-body"' not in client_for(None).get(bare.get_absolute_url()).text
    assert 'class="markdown-body"' in client_for(None).get(written.get_absolute_url()).text


def test_a_focal_point_cannot_create_for_another_city(client_for, cast):
    response = client_for(cast.focal_point).post(
        reverse("knowledge:create"),
        {
            "title": "X",
            "kind": "practice",
            "language": "en",
            "city": cast.other.pk,
            "visibility": "public",
        },
    )
    assert response.status_code == 400
    assert not KnowledgeItem.objects.exists()


def test_another_city_cannot_open_the_edit_form(client_for, cast, library):
    item = library[0]
    response = client_for(cast.other_focal_point).post(
        reverse("knowledge:edit", args=[item.slug]), {"title": "Hijacked"}
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.title == "Smog alerts"


def test_the_reader_cannot_create(client_for, cast):
    assert client_for(cast.reader).get(reverse("knowledge:create")).status_code == 404


def test_the_secretariat_moderates_from_the_page(client_for, cast, library):
    item = library[0]
    response = client_for(cast.secretariat).post(
        reverse("knowledge:moderate", args=[item.slug]), {"visibility": "draft", "note": "Check"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.visibility == "draft"
    assert (
        client_for(cast.focal_point)
        .get(reverse("knowledge:moderate", args=[item.slug]))
        .status_code
        == 404
    )


def test_an_upload_of_the_wrong_type_is_refused_on_the_page(
    client_for, cast, library, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    item = library[0]
    response = client_for(cast.focal_point).post(
        reverse("knowledge:attachment-create", args=[item.slug]),
        {"title": "Report", "file": SimpleUploadedFile("report.pdf", b"MZ not a pdf")},
    )
    assert response.status_code == 400
    assert "Only PDF" in response.content.decode()
    response = client_for(cast.focal_point).post(
        reverse("knowledge:attachment-create", args=[item.slug]),
        {"title": "Report", "file": SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%%EOF")},
    )
    assert response.status_code == 302
    assert item.attachments.get().content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content", "label"),
    [
        ("report.pdf", b"%PDF-1.7\n%%EOF\n", "PDF"),
        ("guide.docx", "docx", "Word document"),
        ("map.png", b"\x89PNG\r\n\x1a\n", "Image"),
    ],
)
def test_an_attachment_shows_its_kind_in_words_and_its_size_in_units(
    client, client_for, cast, library, settings, tmp_path, name, content, label
):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    def docx(padding: int) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>" + "x" * padding)
        return buffer.getvalue()

    # Each file is 2,560 bytes, two and a half kilobytes.
    if content == "docx":
        content = docx(2560 - len(docx(0)))
    content = content.ljust(2560, b"\x00")
    settings.MEDIA_ROOT = tmp_path
    item = library[0]
    client_for(cast.focal_point).post(
        reverse("knowledge:attachment-create", args=[item.slug]),
        {"title": "The file", "file": SimpleUploadedFile(name, content)},
    )

    body = client.get(item.get_absolute_url()).content.decode()
    shown = body.split("The file</a>")[1].split("</li>")[0]

    assert f"<small>{label} · 2.5\xa0KB</small>" in shown
    assert "application/" not in shown and "image/" not in shown


def test_an_attachments_kind_is_said_in_the_readers_language(
    client, client_for, cast, library, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    item = library[0]
    png = SimpleUploadedFile("map.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    client_for(cast.focal_point).post(
        reverse("knowledge:attachment-create", args=[item.slug]), {"title": "Map", "file": png}
    )

    body = client.get(item.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()

    assert "<small>画像 · " in body.split("Map</a>")[1]


@pytest.mark.parametrize("typed", ["2_010", "+2010", "٢٠١٠", "2010.0", "9" * 5000, "0", "10000"])
def test_a_year_that_is_not_plainly_one_is_ignored(client, cast, typed):
    import datetime

    KnowledgeItemFactory(
        city=cast.home,
        title="Early",
        period_start=datetime.date(2005, 1, 1),
        period_end=datetime.date(2006, 1, 1),
    )
    KnowledgeItemFactory(city=cast.home, title="Later", period_start=datetime.date(2015, 1, 1))

    response = client.get(reverse("knowledge:list"), {"from": typed, "to": typed})

    assert response.status_code == 200
    assert response.context["filters"].year_from is None
    assert response.context["filters"].year_to is None
    body = response.content.decode()
    assert "Early" in body and "Later" in body


def test_a_plain_year_filters_the_list(client, cast):
    import datetime

    KnowledgeItemFactory(
        city=cast.home,
        title="Early",
        period_start=datetime.date(2005, 1, 1),
        period_end=datetime.date(2006, 1, 1),
    )
    KnowledgeItemFactory(city=cast.home, title="Later", period_start=datetime.date(2015, 1, 1))

    body = client.get(reverse("knowledge:list"), {"from": " 2010 "}).content.decode()

    assert "Later" in body and "Early" not in body


def test_the_feed_lists_public_items_only(client, library):
    response = client.get(reverse("knowledge:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Smog alerts" in body and "Secret draft" not in body and "Insiders only" not in body


def test_which_city_ranks_cities_with_evidence(client, cast, themes):
    from intercity.testing.factories import ProgrammeFactory

    KnowledgeItemFactory(city=cast.home, title="Smog alerts for schools")
    KnowledgeItemFactory(city=cast.home, title="Smog measurement network")
    ProgrammeFactory(name="Smog reduction project", lead_city=cast.other)
    response = client.get(reverse("knowledge:which-city"), {"q": "smog"})
    ranking = response.context["ranking"]
    assert [entry.city for entry in ranking] == [cast.home, cast.other]
    assert len(ranking[0].evidence) == 2
    assert "Smog reduction project" in response.content.decode()


def test_the_city_page_lists_its_visible_knowledge(client, client_for, cast, library):
    body = client.get(cast.home.get_absolute_url()).content.decode()
    assert "Smog alerts" in body and "Secret draft" not in body
    assert (
        "Secret draft"
        in client_for(cast.focal_point).get(cast.home.get_absolute_url()).content.decode()
    )


def test_the_index_status_partial_renders(client):
    response = client.get(reverse("knowledge:index-status"))
    assert response.status_code == 200


def test_which_city_reads_its_evidence_in_a_fixed_number_of_queries(
    client, cast, themes, django_assert_max_num_queries
):
    for number in range(40):
        KnowledgeItemFactory(
            city=cast.home if number % 2 else cast.other, title=f"Smog practice {number}"
        )
    # Forty hits, each naming its cities: read together, not one hit at a time.
    with django_assert_max_num_queries(30):
        response = client.get(reverse("knowledge:which-city"), {"q": "smog"})
    ranking = response.context["ranking"]
    assert {entry.city for entry in ranking} == {cast.home, cast.other}
    assert sorted(len(entry.evidence) for entry in ranking) == [20, 20]


@pytest.mark.parametrize(
    ("language", "pending", "progress"),
    [("en", "25,000", "12,345 of 100,000"), ("vi", "25.000", "12.345")],
)
def test_the_index_status_groups_large_counts(db, language, pending, progress):
    from types import SimpleNamespace

    from django.template.loader import render_to_string
    from django.utils import translation

    waiting = {"run": None, "pending": 25000, "can_start": False}
    active = SimpleNamespace(
        is_active=True,
        status="running",
        done=12345,
        total=100000,
        percent=12,
        finishes_at=None,
        rate=7.3,
    )
    with translation.override(language):
        assert pending in render_to_string("knowledge/_index_status.html", waiting)
        assert progress in render_to_string(
            "knowledge/_index_status.html", {"run": active, "pending": 0, "can_start": False}
        )


def test_a_translation_is_changed_only_by_its_translator_or_the_items_editors(cast, client_for):
    item = KnowledgeItemFactory(city=cast.other, language="ja", title="東京のスモッグ対策")
    url = reverse("knowledge:translation-create", args=[item.slug])

    def translate(user, title):
        data = {"language": "th", "title": title, "body": title, "translated_on": "2026-01-05"}
        return client_for(user).post(url, data)

    assert translate(cast.expert, "First Thai text").status_code == 302
    refused = translate(cast.focal_point, "Someone else's Thai text")
    assert refused.status_code == 400
    assert "already has a translation in this language, by someone else" in refused.text
    assert item.translations.get(language="th").title == "First Thai text"
    assert translate(cast.expert, "First Thai text, corrected").status_code == 302
    assert translate(cast.other_focal_point, "Edited by the item's city").status_code == 302
    assert list(item.translations.values_list("title", flat=True)) == ["Edited by the item's city"]


def test_links_to_a_draft_agreement_or_a_closed_meeting_show_only_to_those_who_may_open_them(
    client, client_for, cast
):
    item = KnowledgeItemFactory(city=cast.home, title="Flood walls", language="en")
    signed = AgreementFactory(title="Signed river accord", parties=[cast.home, cast.other])
    draft = AgreementFactory(
        title="Draft river accord", status="draft", signed_on=None, parties=[cast.home]
    )
    closed = MeetingFactory(title="Closed flood workshop", is_public=False)
    item.agreements.set([signed, draft])
    item.meetings.set([closed])
    url = reverse("knowledge:detail", args=[item.slug])
    page = client.get(url).content.decode()
    assert "Signed river accord" in page
    assert "Draft river accord" not in page
    assert "Closed flood workshop" not in page
    data = client.get(f"/api/v1/knowledge/{item.slug}/").json()
    assert data["agreements"] == [signed.slug]
    assert data["meetings"] == []
    party = client_for(cast.focal_point).get(url).content.decode()
    assert "Draft river accord" in party and "Closed flood workshop" in party
    assert "Draft river accord" not in client_for(cast.other_focal_point).get(url).content.decode()


def test_the_translation_form_does_not_offer_the_items_own_language(cast, client_for):
    item = KnowledgeItemFactory(city=cast.home, language="vi", title="Phân loại rác")
    url = reverse("knowledge:translation-create", args=[item.slug])
    client = client_for(cast.focal_point)
    page = client.get(url).text
    assert '<option value="ja">' in page
    assert '<option value="vi">' not in page
    data = {"language": "vi", "title": "Sorting", "body": "Sorting", "translated_on": "2026-01-05"}
    assert client.post(url, data).status_code == 400
    assert not item.translations.exists()
    assert client.post(url, data | {"language": "en"}).status_code == 302
    assert item.translations.get().language == "en"


def test_which_city_names_its_themes_in_the_readers_language(client, themes):
    theme = themes["air-quality"]
    theme.names = {"mn": "Агаарын чанар"}
    theme.save(update_fields=["names"])
    body = client.get(reverse("knowledge:which-city"), {"hl": "mn"}).content.decode()
    assert ">Агаарын чанар</option>" in body


@pytest.mark.parametrize("language", ["en", "hi", "mn"])
def test_which_city_labels_its_words_and_its_theme_apart(client, language):
    body = client.get(reverse("knowledge:which-city"), {"hl": language}).content.decode()
    form = body.split('class="filters"', 1)[1].split("</form>", 1)[0]
    words = form.split('<input type="search"', 1)[0].rsplit("<label>", 1)[1]
    theme = form.split('<select name="theme"', 1)[0].rsplit("<label>", 1)[1]
    assert words.strip() != theme.strip()


def test_the_translation_form_starts_in_the_readers_language_with_their_name(cast, client_for):
    item = KnowledgeItemFactory(city=cast.other, language="ja", title="東京のスモッグ対策")
    url = reverse("knowledge:translation-create", args=[item.slug])

    page = client_for(cast.expert).get(url, {"hl": "ms"}).text

    assert '<option value="ms" selected>' in page
    assert f'value="{cast.expert.get_full_name()}"' in page


def test_the_translation_form_keeps_an_explicit_language(cast, client_for):
    item = KnowledgeItemFactory(city=cast.other, language="ja", title="東京のスモッグ対策")
    url = reverse("knowledge:translation-create", args=[item.slug])
    page = client_for(cast.expert).get(url, {"hl": "ms", "language": "th"}).text
    assert '<option value="th" selected>' in page


def test_reading_in_the_items_own_language_preselects_nothing(cast, client_for):
    item = KnowledgeItemFactory(city=cast.other, language="ja", title="東京のスモッグ対策")
    url = reverse("knowledge:translation-create", args=[item.slug])
    page = client_for(cast.expert).get(url, {"hl": "ja"}).text
    assert '<option value="" selected>' in page
