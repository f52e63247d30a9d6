"""A time zone as a reader understands it: its UTC offset at the moment that matters."""

import datetime

from intercity.core.time_zones import utc_offset, zone_label


def test_offsets_of_whole_and_non_whole_hour_zones():
    day = datetime.date(2030, 5, 6)
    assert utc_offset("Asia/Ho_Chi_Minh", day) == "UTC+07:00"
    assert utc_offset("Asia/Kolkata", day) == "UTC+05:30"
    assert utc_offset("Asia/Yangon", day) == "UTC+06:30"
    assert utc_offset("Asia/Kathmandu", day) == "UTC+05:45"
    assert utc_offset("America/St_Johns", datetime.date(2030, 1, 6)) == "UTC-03:30"
    assert utc_offset("UTC", day) == "UTC"


def test_the_offset_follows_summer_time_on_the_day_it_is_for():
    assert utc_offset("Europe/London", datetime.date(2030, 1, 15)) == "UTC"
    assert utc_offset("Europe/London", datetime.date(2030, 7, 15)) == "UTC+01:00"
    summer = datetime.datetime(2030, 7, 15, 23, 30, tzinfo=datetime.UTC)
    assert utc_offset("Europe/London", summer) == "UTC+01:00"


def test_without_a_moment_the_offset_is_todays_and_an_unknown_zone_shows_as_given():
    assert utc_offset("Asia/Tokyo") == "UTC+09:00"
    assert utc_offset("Mars/Olympus") == "Mars/Olympus"


def test_the_label_names_the_place_when_there_is_one():
    assert zone_label("UTC+06:30", "ယန်ကုန်") == "ယန်ကုန် (UTC+06:30)"
    assert zone_label("UTC+06:30") == "UTC+06:30"
    assert zone_label("UTC+06:30", "Yangon", inline=True) == "Yangon, UTC+06:30"
