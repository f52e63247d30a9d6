import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from intercity.indicators.models import Observation
from intercity.indicators.services import (
    indicator_create,
    observation_record,
    observation_update,
    observation_verify,
)


def test_a_value_is_stored_as_given_and_in_the_indicators_unit(cast, record):
    observation = record(cast.home, "energy-final-total", 2020, 2.0, "ktoe", actor=cast.focal_point)
    assert observation.value_as_given == 2.0
    assert observation.unit_as_given == "ktoe"
    assert observation.value == pytest.approx(83.736)  # TJ
    assert observation.entered_by == cast.focal_point
    assert observation.period_start == datetime.date(2020, 1, 1)


def test_a_value_without_a_unit_is_in_the_indicators_unit(cast, record):
    observation = record(cast.home, "recycling-rate", 2020, 31.5, actor=cast.focal_point)
    assert (observation.value, observation.unit_as_given) == (31.5, "%")


def test_an_inconvertible_unit_is_an_error_on_the_unit(cast, record):
    with pytest.raises(ValidationError) as error:
        record(cast.home, "energy-final-total", 2020, 2.0, "km", actor=cast.focal_point)
    assert "unit_as_given" in error.value.message_dict
    assert not Observation.objects.exists()


def test_a_second_value_for_the_same_period_updates_the_first(cast, record):
    first = record(cast.home, "electricity-total", 2020, 100.0, "GWh", actor=cast.focal_point)
    second = record(cast.home, "electricity-total", 2020, 110.0, "GWh", actor=cast.focal_point)
    assert first.pk == second.pk
    assert Observation.objects.count() == 1
    assert Observation.objects.get().value == pytest.approx(110_000)
    assert first.history.count() == 2


def test_recording_the_same_value_again_changes_nothing(cast, record):
    first = record(cast.home, "electricity-total", 2020, 100.0, "GWh", actor=cast.focal_point)
    record(cast.home, "electricity-total", 2020, 100.0, "GWh", actor=cast.focal_point)
    assert first.history.count() == 1


def test_breakdowns_by_gpc_sector_and_scope_are_separate_values(cast, record):
    record(cast.home, "ghg-total", 2020, 5.0, "Mt CO2e", gpc_sector="transport", gpc_scope="1")
    record(cast.home, "ghg-total", 2020, 3.0, "Mt CO2e", gpc_sector="transport", gpc_scope="3")
    record(cast.home, "ghg-total", 2020, 9.0, "Mt CO2e")
    assert Observation.objects.count() == 3


def test_an_indicator_without_breakdown_refuses_a_sector(cast, record):
    with pytest.raises(ValidationError):
        record(cast.home, "recycling-rate", 2020, 10.0, gpc_sector="waste")


def test_a_notation_key_stands_instead_of_a_value(cast, record):
    observation = record(cast.home, "ghg-ippu", 2020, notation_key="NO")
    assert observation.value is None and observation.notation_key == "NO"
    with pytest.raises(ValidationError):
        record(cast.home, "ghg-ippu", 2021, 5.0, "t CO2e", notation_key="NE")
    with pytest.raises(ValidationError):
        record(cast.home, "ghg-ippu", 2022)


def test_a_confidential_value_may_be_held_with_its_key(cast, record):
    observation = record(cast.home, "ghg-ippu", 2020, 5.0, "t CO2e", notation_key="C")
    assert observation.is_confidential and observation.value == 5.0


def test_values_out_of_range_and_future_years_are_refused(cast, record):
    with pytest.raises(ValidationError) as error:
        record(cast.home, "recycling-rate", 2020, 140.0)
    assert "value" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        record(cast.home, "recycling-rate", timezone.localdate().year + 1, 10.0)
    assert "year" in error.value.message_dict


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("population", 1e30),
        ("population", -5.0),
        ("energy-final-total", 1e30),
        ("ghg-total", -1e30),
        ("renewable-electricity-share", 250.0),
        ("renewable-electricity-share", -5.0),
    ],
)
def test_an_impossible_value_is_refused_on_the_value(cast, record, code, value):
    with pytest.raises(ValidationError) as error:
        record(cast.home, code, 2020, value, actor=cast.focal_point)
    assert "outside the plausible range" in " ".join(error.value.message_dict["value"])
    assert not Observation.objects.exists()


def test_an_indicator_without_bounds_of_its_own_keeps_to_what_its_unit_allows(cast, catalogue):
    share = indicator_create(
        actor=cast.secretariat,
        data={"code": "tree-cover", "name": "Tree cover", "definition": "Share.", "unit": "%"}
        | {"theme": "profile"},
    )
    trained = indicator_create(
        actor=cast.secretariat,
        data={"code": "auditors", "name": "Auditors", "definition": "People.", "unit": "person"}
        | {"theme": "capacity"},
    )
    assert share.plausible_range == (0.0, 100.0)
    assert trained.plausible_range == (0.0, None)
    for indicator, value in ((share, 250.0), (share, -5.0), (trained, -3.0)):
        with pytest.raises(ValidationError) as error:
            observation_record(
                actor=cast.focal_point, city=cast.home, indicator=indicator, year=2020, value=value
            )
        assert "value" in error.value.message_dict
    observation_record(
        actor=cast.focal_point, city=cast.home, indicator=share, year=2020, value=35.0
    )
    assert Observation.objects.get().value == 35.0


def test_a_focal_point_records_for_their_own_city_only(cast, record):
    with pytest.raises(PermissionDenied):
        record(cast.other, "recycling-rate", 2020, 10.0, actor=cast.focal_point)
    with pytest.raises(PermissionDenied):
        record(cast.home, "recycling-rate", 2020, 10.0, actor=cast.reader)
    assert not Observation.objects.exists()
    record(cast.other, "recycling-rate", 2020, 10.0, actor=cast.secretariat)


def test_another_citys_focal_point_cannot_change_a_value(cast, record):
    observation = record(cast.home, "recycling-rate", 2020, 10.0, actor=cast.focal_point)
    with pytest.raises(PermissionDenied):
        observation_update(
            actor=cast.other_focal_point, observation=observation, data={"value": 99.0}
        )
    observation.refresh_from_db()
    assert observation.value == 10.0


def test_only_the_secretariat_verifies_and_a_changed_value_is_reported_again(cast, record):
    observation = record(cast.home, "recycling-rate", 2020, 10.0, actor=cast.focal_point)
    with pytest.raises(PermissionDenied):
        observation_verify(actor=cast.focal_point, observation=observation)
    with pytest.raises(ValidationError):
        record(cast.home, "recycling-rate", 2020, 10.0, actor=cast.focal_point, status="verified")
    observation_verify(actor=cast.secretariat, observation=observation)
    observation.refresh_from_db()
    assert observation.status == "verified" and observation.verified_by == cast.secretariat
    observation_update(actor=cast.focal_point, observation=observation, data={"value": 12.0})
    observation.refresh_from_db()
    assert observation.status == "reported" and observation.verified_by is None


def test_every_change_leaves_an_audit_entry_naming_who(cast, record):
    observation = record(cast.home, "recycling-rate", 2020, 10.0, actor=cast.focal_point)
    observation_update(actor=cast.secretariat, observation=observation, data={"value": 11.0})
    reasons = list(
        observation.history.order_by("history_date").values_list(
            "history_change_reason", "history_user__username"
        )
    )
    assert reasons == [
        ("indicators.observation.created", "focal"),
        ("indicators.observation.updated", "secretariat"),
    ]


@pytest.mark.parametrize(
    ("language", "high", "value"),
    [("vi", "1.000.000", "2.000.000"), ("en", "1,000,000", "2,000,000")],
)
def test_the_plausible_range_is_written_the_readers_way(cast, catalogue, language, high, value):
    from django.utils import translation

    with translation.override(language):
        problem = catalogue["street-lighting-electricity"].implausible(2e6)
    assert f"{value} kWh/km" in problem
    assert high in problem
    assert "e+06" not in problem


def test_the_page_says_the_plausible_range_in_vietnamese_numbers(cast, catalogue, client_for):
    from django.urls import reverse

    page = client_for(cast.focal_point).post(
        reverse("indicators:observation-create") + "?hl=vi",
        {
            "city": cast.home.pk,
            "indicator": catalogue["street-lighting-electricity"].pk,
            "year": 2020,
            "value": "2000000",
            "status": "reported",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert page.status_code == 400
    (error,) = page.context["form"].errors["value"]
    assert "1.000.000" in error and "2.000.000" in error
