"""The indicator catalogue page: searched by words, filtered by theme, empty in words."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_catalogue_offers_a_search_box_and_the_themes(client, catalogue):
    text = client.get(reverse("indicators:list")).content.decode()
    assert 'name="q"' in text and 'name="theme"' in text


def test_a_search_keeps_the_indicators_whose_name_or_code_holds_every_word(client, catalogue):
    by_name = client.get(reverse("indicators:list"), {"q": "recycling"}).content.decode()
    by_code = client.get(reverse("indicators:list"), {"q": "pm25"}).content.decode()
    assert "Recycling rate" in by_name and "Population with safe drinking water" not in by_name
    assert "Annual mean PM2.5 concentration" in by_code and "Recycling rate" not in by_code


def test_a_search_also_narrows_the_download(client, catalogue):
    rows = client.get(reverse("indicators:list"), {"q": "recycling", "format": "json"}).json()
    assert [row["code"] for row in rows["results"]] == ["recycling-rate"]


def test_the_empty_catalogue_says_none_is_defined_yet(client, db):
    text = client.get(reverse("indicators:list")).content.decode()
    assert "No indicator is defined yet." in text
    assert "No indicator matches these filters." not in text


def test_a_search_that_finds_nothing_says_so(client, catalogue):
    text = client.get(reverse("indicators:list"), {"q": "zzz"}).content.decode()
    assert "No indicator matches these filters." in text
    assert "No indicator is defined yet." not in text


def test_a_search_finds_an_indicator_by_its_name_in_the_readers_language(client, catalogue):
    client.cookies["django_language"] = "ja"
    rows = client.get(reverse("indicators:list"), {"q": "リサイクル", "format": "json"}).json()
    assert [row["code"] for row in rows["results"]] == ["recycling-rate"]
