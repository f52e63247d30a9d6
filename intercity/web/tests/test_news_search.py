"""The news page: searched by words and filtered by city from its form."""

import pytest
from django.urls import reverse

from intercity.testing.factories import CityFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


def test_the_news_offers_a_search_box_and_the_cities(client):
    CityFactory(name="Hanoi", slug="hanoi")
    text = client.get(reverse("web:news")).content.decode()
    assert 'name="q"' in text and 'name="city"' in text and 'value="hanoi"' in text


def test_a_search_keeps_the_news_whose_title_or_summary_holds_every_word(client):
    NewsItemFactory(title="Plenary in Hanoi", summary="The cities met by the river.")
    NewsItemFactory(title="Flood relief", summary="Tents reached the delta.")
    by_title = client.get(reverse("web:news"), {"q": "plenary"}).content.decode()
    by_summary = client.get(reverse("web:news"), {"q": "tents delta"}).content.decode()
    assert "Plenary in Hanoi" in by_title and "Flood relief" not in by_title
    assert "Flood relief" in by_summary and "Plenary in Hanoi" not in by_summary


def test_a_list_search_stays_in_its_own_box_and_not_in_the_site_search(client):
    text = client.get(reverse("web:news"), {"q": "tents"}).content.decode()
    site_box = text.split('id="site-search"', 1)[1].split(">", 1)[0]
    assert 'value=""' in site_box
    assert 'value="tents"' in text


def test_the_site_search_box_keeps_the_words_of_the_search_page(client):
    text = client.get(reverse("web:search"), {"q": "tents"}).content.decode()
    site_box = text.split('id="site-search"', 1)[1].split(">", 1)[0]
    assert 'value="tents"' in site_box
