"""Countries and cities are named in the reader's language on the list, the page and the map."""

import pytest
from django.urls import reverse
from django.utils import translation

from intercity.cities import countries
from intercity.cities.selectors import city_map_points
from intercity.testing.factories import CityFactory

pytestmark = pytest.mark.django_db

needs_icu = pytest.mark.skipif(countries.icu is None, reason="PyICU is not installed")


@needs_icu
def test_a_country_code_gives_the_name_in_each_platform_language():
    assert countries.country_name_in("VN", "ja") == "ベトナム"
    assert countries.country_name_in("KR", "ko") == "대한민국"
    assert countries.country_name_in("RU", "ru") == "Россия"
    assert countries.country_name_in("TW", "zh-hant") == "台灣"
    assert countries.country_name_in("mn", "mn") == "Монгол"
    assert countries.country_name_in("XX", "ja") is None
    assert countries.country_name_in("", "ja") is None


@needs_icu
def test_the_list_and_the_page_show_the_country_in_the_readers_language(client):
    city = CityFactory(name="Hue", country_code="VN", country_name="Vietnam")
    listing = client.get(reverse("cities:list"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "ベトナム" in listing
    page = client.get(city.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "เวียดนาม" in page
    english = client.get(city.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Vietnam (VN)" in english


@needs_icu
def test_a_citys_languages_are_named_in_the_readers_language_not_as_codes(client):
    city = CityFactory(name="Lion City", languages=["cmn", "en", "ms", "zh", "xyz"])
    english = client.get(city.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Chinese, English, Malay, xyz" in english
    japanese = client.get(city.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "中国語, 英語, マレー語, xyz" in japanese
    assert countries.language_names_in(["ru", "mn"], "mn") == ["орос", "монгол"]
    assert countries.language_names_in([], "ja") == []


def test_a_country_without_a_known_name_keeps_the_name_it_was_entered_with():
    with translation.override("ja"):
        for code in ("ZZ", "XA", "QQ", "9Z"):
            city = CityFactory.build(country_code=code, country_name="Atlantis")
            assert city.country_label == "Atlantis"
    assert countries.country_name_in("ZZ", "ja") is None


@needs_icu
def test_the_map_names_cities_and_countries_in_the_readers_language():
    CityFactory(
        name="Hanoi",
        names={"ja": "ハノイ"},
        country_code="VN",
        country_name="Vietnam",
        latitude=21.0,
        longitude=105.8,
    )
    with translation.override("ja"):
        point = next(p for p in city_map_points() if p["slug"] == "hanoi")
    assert (point["name"], point["country_name"]) == ("ハノイ", "ベトナム")
    assert point["url"] == "/cities/hanoi/"
