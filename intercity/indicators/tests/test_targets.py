import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from intercity.indicators.models import Target
from intercity.indicators.selectors import city_indicators
from intercity.indicators.services import target_create, target_update


def target_data(cast, catalogue, **extra):
    return {
        "city": cast.home,
        "indicator": catalogue["ghg-per-capita"],
        "kind": Target.Kind.BASE_YEAR,
        "base_year": 2013,
        "base_value": 6.0,
        "target_year": 2030,
        "target_value": 4.3,
        **extra,
    }


def test_a_city_on_the_straight_path_is_on_track_with_the_numbers(cast, catalogue, record):
    target_create(actor=cast.focal_point, data=target_data(cast, catalogue))
    record(cast.home, "ghg-per-capita", 2020, 5.0)
    (series,) = city_indicators(city=cast.home, user=None)
    (view,) = series.targets
    assert view.progress.state == "on_track"
    assert view.progress.year == 2020
    assert view.progress.expected == pytest.approx(6.0 - 1.7 * 7 / 17)


def test_a_city_above_the_path_is_off_track(cast, catalogue, record):
    target_create(actor=cast.secretariat, data=target_data(cast, catalogue))
    record(cast.home, "ghg-per-capita", 2020, 5.9)
    (series,) = city_indicators(city=cast.home, user=None)
    assert series.targets[0].progress.state == "off_track"


def test_a_target_without_values_has_no_data(cast, catalogue):
    target_create(actor=cast.secretariat, data=target_data(cast, catalogue))
    (series,) = city_indicators(city=cast.home, user=None)
    assert series.targets[0].progress.state == "no_data"


def test_targets_follow_the_three_user_rule(cast, catalogue):
    with pytest.raises(PermissionDenied):
        target_create(actor=cast.other_focal_point, data=target_data(cast, catalogue))
    with pytest.raises(PermissionDenied):
        target_create(actor=cast.reader, data=target_data(cast, catalogue))
    target = target_create(actor=cast.focal_point, data=target_data(cast, catalogue))
    with pytest.raises(PermissionDenied):
        target_update(actor=cast.other_focal_point, target=target, data={"target_value": 1.0})
    target.refresh_from_db()
    assert target.target_value == 4.3


def test_the_target_year_comes_after_the_base_year(cast, catalogue):
    with pytest.raises(ValidationError):
        target_create(actor=cast.secretariat, data=target_data(cast, catalogue, target_year=2010))


def test_a_focal_points_target_form_has_their_city_chosen_and_a_way_back(
    cast, catalogue, client_for
):
    from django.urls import reverse

    response = client_for(cast.focal_point).get(reverse("indicators:target-create"))

    form = response.context["form"]
    assert form["city"].value() == cast.home.pk
    assert f'href="{reverse("indicators:city", kwargs={"slug": cast.home.slug})}"' in response.text


TARGETS = "/api/v1/indicator-targets/"


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


def _page_post(client, cast, catalogue, **fields):
    from django.urls import reverse

    data = {**target_data(cast, catalogue), **fields}
    data["city"] = data["city"].pk
    data["indicator"] = data["indicator"].pk
    return client.post(reverse("indicators:target-create"), data)


def _api_post(cast, **fields):
    data = {
        "city": cast.home.slug,
        "indicator": "ghg-per-capita",
        "kind": Target.Kind.BASE_YEAR,
        "base_year": 2013,
        "base_value": 6.0,
        "target_year": 2030,
        "target_value": 4.3,
        **fields,
    }
    return _api(cast.focal_point).post(TARGETS, data, format="json")


def test_a_base_year_in_the_future_is_refused_on_the_field(cast, catalogue, client_for):
    from django.utils import timezone

    next_year = timezone.localdate().year + 1
    page = _page_post(
        client_for(cast.focal_point), cast, catalogue, base_year=next_year, target_year=2090
    )
    answer = _api_post(cast, base_year=next_year, target_year=2090)

    assert page.status_code == 400
    assert page.context["form"].errors["base_year"] == [
        f"The base year {next_year} is in the future."
    ]
    assert answer.status_code == 400
    assert answer.json()["base_year"] == [f"The base year {next_year} is in the future."]
    assert not Target.objects.exists()


def test_this_year_is_a_fair_base_year(cast, catalogue):
    from django.utils import timezone

    this_year = timezone.localdate().year
    target = target_create(
        actor=cast.focal_point,
        data=target_data(cast, catalogue, base_year=this_year, target_year=this_year + 10),
    )
    assert target.base_year == this_year


@pytest.mark.parametrize(
    ("indicator", "field"),
    [
        ("renewable-electricity-share", "target_value"),  # a share: 0 to 100 %
        ("ghg-transport", "target_value"),  # a sector's emissions: never below zero
        ("ghg-transport", "base_value"),
    ],
)
def test_a_negative_level_of_an_indicator_that_cannot_be_negative_is_refused(
    cast, catalogue, client_for, indicator, field
):
    values = {"base_value": 40.0, "target_value": 20.0, field: -5.0}
    page = _page_post(
        client_for(cast.focal_point),
        cast,
        catalogue,
        indicator=catalogue[indicator],
        **values,
    )
    answer = _api_post(cast, indicator=indicator, **values)

    assert page.status_code == 400
    assert "outside the plausible range" in page.context["form"].errors[field][0]
    assert answer.status_code == 400
    assert "outside the plausible range" in answer.json()[field][0]
    assert not Target.objects.exists()


def test_a_share_above_a_hundred_percent_is_refused(cast, catalogue):
    data = target_data(
        cast, catalogue, indicator=catalogue["recycling-rate"], base_value=30.0, target_value=120
    )
    with pytest.raises(ValidationError) as refused:
        target_create(actor=cast.focal_point, data=data)
    assert list(refused.value.message_dict) == ["target_value"]


def test_a_net_negative_target_stays_possible_where_the_indicator_allows_it(cast, catalogue):
    # Emissions per person net of removals may fall below zero: the catalogue says so.
    target = target_create(
        actor=cast.focal_point, data=target_data(cast, catalogue, target_value=-0.5)
    )
    assert target.target_value == -0.5


def test_an_edit_that_makes_the_target_negative_is_refused(cast, catalogue):
    data = target_data(
        cast, catalogue, indicator=catalogue["recycling-rate"], base_value=30.0, target_value=60
    )
    target = target_create(actor=cast.focal_point, data=data)
    with pytest.raises(ValidationError):
        target_update(actor=cast.focal_point, target=target, data={"target_value": -1.0})
    target.refresh_from_db()
    assert target.target_value == 60
