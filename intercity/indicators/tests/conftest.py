"""Fixtures of the indicator tests: the shipped catalogue and a helper to record values."""

import pytest

from intercity.indicators.models import Indicator
from intercity.indicators.services import catalogue_load, observation_record


@pytest.fixture
def catalogue(db):
    catalogue_load(actor=None)
    return {indicator.code: indicator for indicator in Indicator.objects.all()}


@pytest.fixture
def record(catalogue):
    def make(city, code, year, value=None, unit="", actor=None, **kwargs):
        data = {name: kwargs.pop(name) for name in list(kwargs) if name not in _KEY}
        observation, _outcome = observation_record(
            actor=actor,
            city=city,
            indicator=catalogue[code],
            year=year,
            value=value,
            unit=unit,
            data=data,
            **kwargs,
        )
        return observation

    return make


_KEY = {"notation_key", "period_start", "period_end", "gpc_sector", "gpc_scope"}
