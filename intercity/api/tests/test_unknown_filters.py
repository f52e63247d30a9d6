"""An API list filter naming a city, theme or indicator that does not exist is a 400 with
the filter's name, as a value outside a fixed set already was, not an empty list."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from intercity.testing.factories import CityFactory, ThemeFactory

CITY_FILTERS = [
    "/api/v1/meetings/",
    "/api/v1/agreements/",
    "/api/v1/pledges/",
    "/api/v1/news/",
    "/api/v1/declarations/",
    "/api/v1/commitments/",
    "/api/v1/progress-reports/",
    "/api/v1/knowledge/",
    "/api/v1/programmes/",
    "/api/v1/organisations/",
    "/api/v1/indicator-observations/",
    "/api/v1/indicator-targets/",
]
THEME_FILTERS = ["/api/v1/agreements/", "/api/v1/knowledge/", "/api/v1/programmes/"]
INDICATOR_FILTERS = ["/api/v1/indicator-observations/", "/api/v1/indicator-targets/"]


def _get(url, **params):
    return APIClient().get(url, params)


@pytest.mark.parametrize("url", CITY_FILTERS)
def test_an_unknown_city_is_a_field_error(db, url):
    answer = _get(url, city="nowhere")
    assert answer.status_code == 400
    assert answer.json() == {"city": ["Nothing is known as “nowhere”."]}


@pytest.mark.parametrize("url", CITY_FILTERS)
def test_a_known_city_filters(db, url):
    assert _get(url, city=CityFactory().slug).status_code == 200


@pytest.mark.parametrize("url", THEME_FILTERS)
def test_an_unknown_theme_is_a_field_error_and_a_known_one_filters(db, url):
    assert _get(url, theme="zzz").json() == {"theme": ["Nothing is known as “zzz”."]}
    assert _get(url, theme=ThemeFactory().slug).status_code == 200


@pytest.mark.parametrize("url", INDICATOR_FILTERS)
def test_an_unknown_indicator_is_a_field_error(db, url):
    assert _get(url, indicator="zzz").json() == {"indicator": ["Nothing is known as “zzz”."]}


def test_the_schema_says_an_unknown_value_answers_400(client, db):
    answer = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = answer.json()
    parameters = schema["paths"]["/api/v1/meetings/"]["get"]["parameters"]
    (city,) = [p for p in parameters if p["name"] == "city"]
    assert "answers 400" in city["description"]
