"""The declarations list offers the languages and years of the declarations its reader may
see."""

import re

import pytest
from django.urls import reverse

from intercity.testing.declaration_factories import DeclarationFactory

pytestmark = pytest.mark.django_db
URL = reverse("declarations:list")


def offered_languages(response) -> list[str]:
    menu = re.search(r'<select name="language">(.*?)</select>', response.content.decode(), re.S)
    return [code for code in re.findall(r'<option value="([^"]*)"', menu.group(1)) if code]


def test_a_drafts_language_is_not_offered_to_the_public(client):
    DeclarationFactory(language="vi", title="Adopted in Vietnamese")
    DeclarationFactory(language="th", status="draft", title="Thai working draft")

    response = client.get(URL)

    assert offered_languages(response) == ["vi"]


def test_the_secretariat_may_filter_by_a_drafts_language(client_for, cast):
    DeclarationFactory(language="vi")
    DeclarationFactory(language="th", status="draft")

    response = client_for(cast.secretariat).get(URL, {"language": "th"})

    assert offered_languages(response) == ["th", "vi"]
    assert response.context["filters"]["language"] == "th"


def test_a_drafts_language_asked_for_by_the_public_is_not_applied(client):
    DeclarationFactory(language="vi", title="Adopted in Vietnamese")
    DeclarationFactory(language="th", status="draft")

    response = client.get(URL, {"language": "th"})

    assert response.context["filters"]["language"] is None
    assert "Adopted in Vietnamese" in response.content.decode()


def test_declarations_without_a_language_add_no_empty_choice(client):
    DeclarationFactory(language="")
    DeclarationFactory(language="ja")

    assert offered_languages(client.get(URL)) == ["ja"]


def test_a_drafts_year_is_not_offered_to_the_public(client, client_for, cast):
    import datetime

    DeclarationFactory(adopted_on=datetime.date(2013, 11, 19))
    DeclarationFactory(status="draft", adopted_on=datetime.date(2031, 5, 1))

    assert client.get(URL).context["years"] == [2013]
    assert client_for(cast.secretariat).get(URL).context["years"] == [2031, 2013]
