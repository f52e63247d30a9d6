"""One way of writing a date per language: the day, the month and the order are written alike
in history lines, meeting dates and date-times, and English is written day first, as across
the network's region, while forms still take what people type."""

import datetime

import pytest
from django import forms
from django.utils import formats, translation

from intercity.settings import LANGUAGES

DAY = datetime.date(2024, 12, 5)
MOMENT = datetime.datetime(2024, 12, 5, 9, 30, tzinfo=datetime.UTC)
MONTH_PAIRS = [("DATE_FORMAT", "DATETIME_FORMAT"), ("SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT")]


def test_vietnamese_writes_the_day_unpadded_everywhere():
    with translation.override("vi"):
        assert formats.date_format(DAY, "DATE_FORMAT") == "5 tháng 12 năm 2024"
        assert formats.date_format(datetime.date(2024, 3, 10), "DATE_FORMAT") == (
            "10 tháng 3 năm 2024"
        )
        assert formats.date_format(DAY, "MONTH_DAY_FORMAT") == "5 tháng 12"
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == "09:30, 5 tháng 12 năm 2024"


@pytest.mark.parametrize("language", [code for code, _name in LANGUAGES])
@pytest.mark.parametrize(("date_key", "datetime_key"), MONTH_PAIRS)
def test_a_date_time_holds_the_date_as_written_alone(language, date_key, datetime_key):
    with translation.override(language):
        alone = formats.date_format(DAY, date_key)
        with_time = formats.date_format(MOMENT, datetime_key)
    assert alone in with_time, (alone, with_time)


@pytest.mark.parametrize("language", [code for code, _name in LANGUAGES])
def test_a_single_digit_day_is_written_alike_in_dates_and_month_days(language):
    with translation.override(language):
        date = formats.date_format(DAY, "DATE_FORMAT")
        month_day = formats.date_format(DAY, "MONTH_DAY_FORMAT")
    assert "05" not in date and "05" not in month_day, (date, month_day)


@pytest.mark.parametrize(
    ("language", "written"), [("id", "5 Desember 2024"), ("ms", "5 Disember 2024")]
)
def test_indonesian_and_malay_spell_the_month_out_as_the_day_and_month_do(language, written):
    with translation.override(language):
        assert formats.date_format(DAY, "DATE_FORMAT") == written
        assert formats.date_format(DAY, "MONTH_DAY_FORMAT") in written


def test_english_writes_the_day_first():
    with translation.override("en"):
        assert formats.date_format(datetime.date(2013, 11, 19), "DATE_FORMAT") == (
            "19 November 2013"
        )
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == "5 December 2024, 09:30"
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == "05/12/2024"
        assert formats.date_format(DAY, "MONTH_DAY_FORMAT") == "5 December"


@pytest.mark.parametrize(
    "typed", ["2013-11-19", "19/11/2013", "19 Nov 2013", "19 November 2013", "November 19, 2013"]
)
def test_english_forms_take_the_dates_people_type(typed):
    with translation.override("en"):
        field = forms.DateField()
        assert field.clean(typed) == datetime.date(2013, 11, 19)
        assert forms.DateInput().format_value(DAY) == "2024-12-05"


def test_english_date_times_are_typed_day_first_and_rendered_for_the_browser():
    with translation.override("en"):
        field = forms.DateTimeField()
        assert field.clean("19/11/2013 14:30").replace(tzinfo=None) == datetime.datetime(
            2013, 11, 19, 14, 30
        )
        assert forms.DateTimeInput().format_value(MOMENT).startswith("2024-12-05")


def test_russian_writes_the_day_and_month_as_in_a_full_date():
    # "14 апреля", as in "14 апреля 2027 г.", never the nominative "14 Апрель".
    with translation.override("ru"):
        assert formats.date_format(datetime.date(2027, 4, 14), "MONTH_DAY_FORMAT") == "14 апреля"
        assert formats.date_format(DAY, "MONTH_DAY_FORMAT") in formats.date_format(
            DAY, "DATE_FORMAT"
        )
