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
