import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from intercity.indicators.models import Observation

OBSERVATIONS = "/api/v1/indicator-observations/"


def api_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_catalogue_lists_code_name_and_unit(db, catalogue):
    response = api_for(None).get("/api/v1/indicators/", {"page_size": 100})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert {"code", "name", "unit", "standard", "direction"} <= set(first)
    assert response.json()["count"] == len(catalogue) >= 25


def test_observations_are_filtered_by_city_indicator_and_years(cast, record):
    for year in (2018, 2019, 2020):
        record(cast.home, "electricity-total", year, 1.0 + year - 2018, "TWh")
    record(cast.other, "electricity-total", 2019, 3.0, "TWh")
    record(cast.home, "recycling-rate", 2019, 30.0)
    response = api_for(None).get(
        OBSERVATIONS,
        {"city": cast.home.slug, "indicator": "electricity-total", "year_from": 2019},
    )
    rows = response.json()["results"]
    assert [(row["year"], row["value"], row["unit_as_given"]) for row in rows] == [
        (2019, 2_000_000.0, "TWh"),
        (2020, 3_000_000.0, "TWh"),
    ]
    assert rows[0]["status"] == "reported" and rows[0]["unit"] == "MWh"


def test_a_focal_point_posts_a_value_and_a_second_post_updates_it(cast, catalogue):
    client = api_for(cast.focal_point)
    body = {"city": cast.home.slug, "indicator": "electricity-total", "year": 2020}
    first = client.post(OBSERVATIONS, {**body, "value": 5, "unit": "GWh"}, format="json")
    assert first.status_code == 201, first.json()
    second = client.post(OBSERVATIONS, {**body, "value": 6, "unit": "GWh"}, format="json")
    assert second.status_code == 200
    assert Observation.objects.get().value == pytest.approx(6000)


def test_an_inconvertible_unit_is_a_field_error(cast, catalogue):
    body = {"city": cast.home.slug, "indicator": "electricity-total", "year": 2020}
    response = api_for(cast.focal_point).post(
        OBSERVATIONS, {**body, "value": 5, "unit": "kg"}, format="json"
    )
    assert response.status_code == 400
    assert "unit_as_given" in response.json()


def test_an_absurd_value_is_a_field_error(cast, catalogue):
    client = api_for(cast.focal_point)
    for indicator, value in (("population", 1e30), ("population", -5), ("recycling-rate", 250)):
        body = {"city": cast.home.slug, "indicator": indicator, "year": 2020, "value": value}
        response = client.post(OBSERVATIONS, body, format="json")
        assert response.status_code == 400, (indicator, value)
        assert "outside the plausible range" in " ".join(response.json()["value"])
    assert not Observation.objects.exists()


def test_writing_another_citys_value_answers_404_and_changes_nothing(cast, record):
    observation = record(cast.home, "recycling-rate", 2020, 10.0)
    intruder = api_for(cast.other_focal_point)
    url = f"{OBSERVATIONS}{observation.pk}/"
    assert intruder.patch(url, {"value": 99}, format="json").status_code == 404
    assert intruder.delete(url).status_code == 404
    body = {"city": cast.home.slug, "indicator": "recycling-rate", "year": 2020, "value": 99}
    assert intruder.post(OBSERVATIONS, body, format="json").status_code == 404
    observation.refresh_from_db()
    assert observation.value == 10.0 and observation.history.count() == 1


def test_the_owner_edits_and_the_public_cannot_write(cast, record):
    observation = record(cast.home, "recycling-rate", 2020, 10.0)
    url = f"{OBSERVATIONS}{observation.pk}/"
    assert api_for(None).patch(url, {"value": 11}, format="json").status_code == 401
    response = api_for(cast.focal_point).patch(url, {"value": 11}, format="json")
    assert response.status_code == 200 and response.json()["value"] == 11.0


def test_the_import_endpoint_is_all_or_nothing(cast, catalogue):
    client = api_for(cast.focal_point)
    bad = b"city,indicator,year,value,unit,source\nhome-city,recycling-rate,2020,500,%,x\n"
    response = client.post(
        f"{OBSERVATIONS}import/", {"file": SimpleUploadedFile("v.csv", bad)}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["row"] == "2"
    good = bad.replace(b"500", b"50")
    response = client.post(
        f"{OBSERVATIONS}import/", {"file": SimpleUploadedFile("v.csv", good)}, format="multipart"
    )
    assert response.status_code == 200 and response.json()["created"] == 1


def test_only_the_secretariat_adds_indicators(cast, catalogue):
    body = {
        "code": "trees-planted",
        "name": "Trees planted",
        "definition": "Trees the city planted in the year.",
        "unit": "item",
        "theme": "profile",
    }
    assert api_for(cast.focal_point).post("/api/v1/indicators/", body).status_code == 403
    response = api_for(cast.secretariat).post("/api/v1/indicators/", body)
    assert response.status_code == 201, response.json()
    bad = api_for(cast.secretariat).post(
        "/api/v1/indicators/", {**body, "code": "x", "unit": "zorks"}
    )
    assert bad.status_code == 400 and "unit" in bad.json()


@pytest.mark.parametrize("year", [10000, 2147483648, 99999999999999999999])
def test_a_year_beyond_any_date_is_a_field_error_on_the_page_and_in_the_api(
    cast, catalogue, client_for, year
):
    body = {"city": cast.home.slug, "indicator": "electricity-total", "year": year, "value": 5}
    answer = api_for(cast.focal_point).post(OBSERVATIONS, body, format="json")
    assert answer.status_code == 400
    assert "year" in answer.json()
    page = client_for(cast.focal_point).post(
        reverse("indicators:observation-create"),
        {**body, "city": cast.home.pk, "indicator": catalogue["electricity-total"].pk},
    )
    assert page.status_code == 400
    assert "less than or equal to 9999" in page.text
    assert not Observation.objects.exists()


def test_a_refused_value_names_a_bad_source_url_and_an_inconvertible_unit(cast, catalogue):
    body = {"city": cast.home.slug, "indicator": "electricity-total", "year": 2020}

    response = api_for(cast.focal_point).post(
        OBSERVATIONS,
        {**body, "value": 5, "unit": "kg", "source_url": "not an address"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()) == {"source_url", "unit_as_given"}
    assert not Observation.objects.exists()
    assert not Observation.history.exists()
