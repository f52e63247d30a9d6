"""Readers see dates and numbers in their own formats: Filipino and Burmese, and the grouping
of large numbers where Django leaves it off or groups otherwise than CLDR."""

import datetime

import pytest
from django.utils import formats, translation

DAY = datetime.date(2026, 12, 3)


def test_burmese_has_its_own_date_formats():
    with translation.override("my"):
        assert formats.get_format("DATE_FORMAT") == "Y၊ F j"
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == "03/12/2026"


def test_filipino_has_its_own_date_and_number_formats():
    if not translation.check_for_language("fil"):
        pytest.skip("Django reads formats only for a language with a catalogue; fil has none yet.")
    with translation.override("fil"):
        assert formats.get_format("DATETIME_FORMAT") == "F j, Y, g:i A"
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == "12/03/2026"
        assert formats.number_format(1234567.5, 1, force_grouping=True) == "1,234,567.5"


@pytest.mark.parametrize(
    ("language", "grouped"),
    [("vi", "1.234.567"), ("hi", "12,34,567"), ("mn", "1,234,567"), ("zh-hant", "1,234,567")],
)
def test_large_numbers_are_grouped_as_each_language_writes_them(language, grouped):
    with translation.override(language):
        assert formats.number_format(1234567, force_grouping=True) == grouped
