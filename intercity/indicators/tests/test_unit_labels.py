"""Units read in the reader's language: their words translated, their symbols kept."""

import pytest
from django.urls import reverse
from django.utils import translation

from intercity.indicators.unit_labels import unit_label


@pytest.mark.parametrize(
    ("language", "unit", "shown"),
    [
        ("vi", "L/capita/day", "L/người/ngày"),
        ("ja", "GJ/capita", "GJ/人"),
        ("ru", "person", "чел."),
        ("en", "GJ/capita", "GJ/capita"),
        ("vi", "t CO2e", "t CO2e"),
        ("vi", "kWh/m²", "kWh/m²"),
        ("vi", "%", "%"),
        ("vi", "", ""),
    ],
)
def test_words_are_translated_and_symbols_kept(language, unit, shown):
    with translation.override(language):
        assert unit_label(unit) == shown


def test_the_compare_page_and_its_chart_read_in_the_readers_language(
    cast, catalogue, record, client_for
):
    cast.home.names = {"vi": "Thành phố Nhà"}
    cast.home.save()
    record(cast.home, "ghg-total", 2020, 6.0, "Mt CO2e")
    record(cast.home, "population", 2020, 2_000_000)
    url = reverse("indicators:compare") + "?indicator=ghg-total&year=2020&per_capita=1&hl=vi"
    response = client_for(None).get(url)
    page = response.text
    assert "t CO2e/người" in page
    assert "t CO2e/capita" not in page
    with translation.override("vi"):
        chart = response.context["result"].chart()
    assert chart["unit"] == "t CO2e/người"
    assert chart["labels"] == ["Thành phố Nhà"]


def test_files_keep_the_canonical_unit(cast, catalogue, record, client_for):
    record(cast.home, "ghg-total", 2020, 6.0, "Mt CO2e")
    record(cast.home, "population", 2020, 2_000_000)
    url = reverse("indicators:compare") + "?indicator=ghg-total&year=2020&per_capita=1&hl=vi"
    rows = client_for(None).get(url + "&format=csv").text
    assert "t CO2e/capita" in rows
