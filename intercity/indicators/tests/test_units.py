import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercity.indicators.units import UnitError, convert, is_unit


def test_it_converts_energy_units_to_the_canonical_one():
    assert convert(1.0, "MWh", "GJ") == pytest.approx(3.6)
    assert convert(1.0, "ktoe", "TJ") == pytest.approx(41.868)
    assert convert(2.0, "kWh per person", "MWh/capita") == pytest.approx(0.002)


def test_it_reads_emission_units_as_people_write_them():
    assert convert(1.0, "kt CO2-eq", "t CO2e") == pytest.approx(1000)
    assert convert(1.0, "MtCO₂e", "t CO2e") == pytest.approx(1_000_000)
    assert convert(500.0, "kg CO2e/person", "t CO2e/capita") == pytest.approx(0.5)


def test_it_reads_concentrations_and_shares():
    assert convert(0.02, "mg/m3", "µg/m³") == pytest.approx(20)
    assert convert(0.25, "dimensionless", "%") == pytest.approx(25)


def test_it_refuses_units_of_another_dimension():
    with pytest.raises(UnitError):
        convert(1.0, "km", "MWh")
    with pytest.raises(UnitError):
        convert(1.0, "MJ/USD", "MJ/capita")


def test_it_refuses_unknown_units():
    assert not is_unit("bananas")
    with pytest.raises(UnitError):
        convert(1.0, "bananas", "MWh")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_converting_there_and_back_gives_the_value(value):
    there = convert(value, "TJ", "MWh")
    assert convert(there, "MWh", "TJ") == pytest.approx(value, rel=1e-9, abs=1e-6)
