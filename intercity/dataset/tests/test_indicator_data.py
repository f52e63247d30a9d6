"""The ANMC21 dataset carries the indicator catalogue only; demo series are marked as demo."""

import pytest

from intercity.cities.models import City
from intercity.dataset.demo_indicators import indicator_demo_load
from intercity.dataset.loader import anmc21_load
from intercity.indicators.catalogue import CATALOGUE
from intercity.indicators.models import Indicator, Observation, Target

pytestmark = pytest.mark.django_db


def test_the_dataset_loads_the_catalogue_and_no_values():
    anmc21_load(actor=None)
    assert Indicator.objects.count() == len(CATALOGUE) >= 25
    assert not Observation.objects.exists()
    assert not Target.objects.exists()


def test_demo_series_cover_every_member_and_are_marked_as_demo():
    anmc21_load(actor=None)
    report = indicator_demo_load()
    assert report.ok and report.created > 0
    members = City.objects.filter(membership_status=City.Membership.MEMBER)
    with_values = set(Observation.objects.values_list("city_id", flat=True).distinct())
    assert with_values == set(members.values_list("pk", flat=True))
    assert not Observation.objects.filter(is_demo=False).exists()
    assert not Target.objects.filter(is_demo=False).exists()
    again = indicator_demo_load()
    assert (again.created, again.updated) == (0, 0)
