"""A confidential value never leaves its city and the secretariat: not in pages, API or sums."""

from django.urls import reverse
from rest_framework.test import APIClient

from intercity.indicators.comparison import comparison, dashboard

SECRET = 7.77123


def test_the_api_hides_confidential_and_estimated_values_from_others(cast, record):
    record(cast.home, "ghg-per-capita", 2020, SECRET, notation_key="C")
    record(cast.home, "ghg-per-capita", 2019, 6.5, status="estimated")
    record(cast.home, "ghg-per-capita", 2018, 6.0)
    for user in (None, cast.reader, cast.other_focal_point):
        client = APIClient()
        if user:
            client.force_authenticate(user)
        body = client.get("/api/v1/indicator-observations/", {"city": cast.home.slug}).json()
        assert [row["year"] for row in body["results"]] == [2018]
        assert str(SECRET) not in str(body)
    client = APIClient()
    client.force_authenticate(cast.focal_point)
    body = client.get("/api/v1/indicator-observations/", {"city": cast.home.slug}).json()
    assert body["count"] == 3


def test_a_confidential_value_stays_out_of_comparisons_and_the_dashboard(cast, catalogue, record):
    record(cast.home, "ghg-per-capita", 2020, SECRET, notation_key="C")
    record(cast.other, "ghg-per-capita", 2020, 4.0)
    compared = comparison(indicator=catalogue["ghg-per-capita"], year=2020)
    values = {figure.city.slug: figure.value for figure in compared.figures}
    assert values == {cast.home.slug: None, cast.other.slug: 4.0}
    ((_indicator, _by_city, mean), *_rest) = dashboard().panels
    assert mean == {2020: 4.0}


def test_no_page_shows_a_confidential_value(cast, catalogue, record, client_for):
    record(cast.home, "ghg-per-capita", 2020, SECRET, notation_key="C")
    record(cast.other, "ghg-per-capita", 2020, 4.0)
    pages = [
        reverse("indicators:city", kwargs={"slug": cast.home.slug}),
        reverse("indicators:compare") + "?indicator=ghg-per-capita&year=2020",
        reverse("indicators:compare") + "?indicator=ghg-per-capita&year=2020&format=csv",
        reverse("indicators:dashboard"),
        reverse("indicators:dashboard") + "?format=json",
        reverse("indicators:detail", kwargs={"code": "ghg-per-capita"}),
        reverse("indicators:city", kwargs={"slug": cast.home.slug}) + "?format=csv",
    ]
    for user in (None, cast.reader, cast.other_focal_point):
        client = client_for(user)
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            content = b"".join(response) if response.streaming else response.content
            assert b"7.77" not in content, (user, url)


def test_the_history_of_a_value_that_was_confidential_is_not_public(cast, record, client_for):
    from intercity.indicators.services import observation_update

    observation = record(cast.home, "ghg-ippu", 2020, SECRET, "t CO2e", notation_key="C")
    observation_update(
        actor=cast.secretariat, observation=observation, data={"status": "estimated"}
    )
    url = reverse("indicators:observation", kwargs={"pk": observation.pk})
    assert client_for(None).get(url).status_code == 404
    assert b"7.77" in client_for(cast.focal_point).get(url).content
