import importlib

from django.utils import translation

from intercity.indicators.catalogue import CATALOGUE
from intercity.indicators.services import catalogue_load
from intercity.indicators.units import is_unit

REQUIRED = {
    "energy-final-per-capita",
    "electricity-per-capita",
    "renewable-electricity-share",
    "energy-intensity-gdp",
    "ghg-total",
    "ghg-per-capita",
    "ghg-stationary-energy",
    "ghg-transport",
    "ghg-waste",
    "ghg-ippu",
    "ghg-afolu",
    "pm25-annual-mean",
    "no2-annual-mean",
    "public-transport-modal-share",
    "msw-per-capita",
    "recycling-rate",
    "safe-drinking-water",
    "street-lighting-efficient-share",
    "energy-management-trained",
    "energy-labelled-products",
    "population",
}


def test_the_catalogue_has_what_the_seeds_themes_need():
    codes = [entry.code for entry in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert 25 <= len(codes) <= 35
    assert REQUIRED <= set(codes)


def test_every_unit_is_one_the_units_library_reads():
    assert all(is_unit(entry.unit) for entry in CATALOGUE)


def test_emission_sectors_follow_the_gpc():
    sectors = {e.code: e.gpc_sector for e in CATALOGUE if e.gpc_sector}
    assert set(sectors.values()) == {"stationary_energy", "transport", "waste", "ippu", "afolu"}
    assert all("GPC" in e.standard for e in CATALOGUE if e.gpc_sector)


def test_loading_the_catalogue_twice_changes_nothing(db):
    assert catalogue_load(actor=None)["created"] == len(CATALOGUE)
    assert catalogue_load(actor=None) == {"created": 0, "updated": 0, "unchanged": len(CATALOGUE)}


def test_names_are_shown_through_the_translation_catalogue(db, catalogue, monkeypatch):
    from intercity.core import models

    monkeypatch.setattr(models, "gettext", lambda text: f"[{text}]")
    with translation.override("vi"):
        assert catalogue["population"].label == "[Population]"


def test_a_name_the_record_carries_comes_before_the_catalogue(db, catalogue):
    indicator = catalogue["population"]
    indicator.names = {"vi": "Tổng dân số"}
    with translation.override("vi"):
        assert indicator.label == "Tổng dân số"
    with translation.override("en"):
        assert indicator.label == "Population"


def test_every_shipped_indicator_bounds_its_values_and_the_migration_gives_the_same_bounds():
    migration = importlib.import_module(
        "intercity.indicators.migrations.0003_indicator_plausible_bounds"
    )
    for entry in CATALOGUE:
        assert entry.minimum is not None and entry.maximum is not None, entry.code
        assert entry.minimum < entry.maximum, entry.code
        if entry.code in migration.BOUNDS:
            assert migration.BOUNDS[entry.code] == (entry.minimum, entry.maximum), entry.code
