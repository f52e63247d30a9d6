"""Russian declines city names ("мэры Сеула", "в Сеуле"): a text in Russian names the member
cities in any grammatical case, and the importer still knows them."""

import pytest
from django.urls import reverse

from intercity.dataset.city_names import NAMES
from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.cities import CityMatcher

RUSSIAN = {slug: names[6] for slug, names in NAMES.items() if names[6]}


@pytest.mark.parametrize(
    ("printed", "city"),
    [
        ("Сеула", "Сеул"),
        ("в Сеуле", "Сеул"),
        ("Ханоя", "Ханой"),
        ("в Ханое", "Ханой"),
        ("Токио", "Токио"),
        ("Бангкока", "Бангкок"),
        ("Бангкоком", "Бангкок"),
        ("Улан-Батора", "Улан-Батор"),
        ("в Томске", "Томск"),
        ("Джакарты", "Джакарта"),
        ("в Джакарте", "Джакарта"),
        ("Куала-Лумпура", "Куала-Лумпур"),
        ("в Сингапуре", "Сингапур"),
        ("в Янгоне", "Янгон"),
        ("Тайбэя", "Тайбэй"),
        ("Нью-Дели", "Нью-Дели"),
        ("Метро Манилы", "Метро Манила"),
    ],
)
def test_a_city_is_known_in_any_case(printed, city):
    matcher = CityMatcher(RUSSIAN.values())
    assert [name for _, name in matcher.mentions(f"Встреча {printed} прошла успешно.")] == [city]
    assert matcher.match(printed.removeprefix("в ")) == city


@pytest.mark.parametrize(
    "text",
    [
        "Томская декларация",  # the adjective names the declaration, not the city
        "Ханойской декларации 2013 года",
        "сеульский опыт",
        "Сеулов",  # not a case of Сеул
        "Токиой",  # Токио does not decline
        "Джакартаа",
        "Бангкокский университет",
    ],
)
def test_words_that_only_begin_like_a_city_are_not_that_city(text):
    matcher = CityMatcher(RUSSIAN.values())
    assert matcher.mentions(text) == []
    assert matcher.match(text) is None


def test_names_in_other_scripts_are_not_declined():
    matcher = CityMatcher(["Seoul", "Bangkok"])
    assert matcher.mentions("Seoula and Bangkoke") == []


def test_the_participants_of_a_russian_text_are_the_member_cities():
    text = (
        "Сеульская декларация\n\n"
        "Мы, представители Сеула, Ханоя, Токио, Бангкока и Улан-Батора, собравшиеся в Сеуле "
        "на 14-м пленарном заседании 20–21 октября 2015 года, напоминая о Томской декларации,\n\n"
        "Заявляем следующее:\n\n1. укреплять сотрудничество;\n\n2. обмениваться опытом.\n"
    )
    parsed = parse_declaration(text, known_cities=[*RUSSIAN.values(), "Seoul", "Tomsk"])
    assert sorted(parsed.participants) == ["Бангкок", "Сеул", "Токио", "Улан-Батор", "Ханой"]


def test_the_preview_ticks_the_cities_named_in_russian_cases(cast, client_for):
    cast.home.names = {"ru": "Сеул"}
    cast.home.save()
    cast.other.names = {"ru": "Ханой"}
    cast.other.save()
    text = (
        "Декларация городов\n\nМы, мэры Сеула и Ханоя, собрались в Сеуле 1 июня 2015 года.\n\n"
        "Заявляем следующее:\n\n1. обмениваться опытом.\n"
    )
    response = client_for(cast.secretariat).post(
        reverse("declarations:import"), {"step": "preview", "text": text}
    )
    assert set(response.context["form"].initial["signatories"]) == {cast.home, cast.other}
