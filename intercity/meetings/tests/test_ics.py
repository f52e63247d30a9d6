"""iCalendar output follows RFC 5545: escaping, folding, all-day dates."""

import datetime

from intercity.meetings.ics import CalendarEvent, calendar

NOW = datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)


def event(**overrides):
    values = {
        "uid": "meeting-1@intercity",
        "title": "12th Plenary; Hanoi, 2013",
        "start": datetime.date(2013, 11, 18),
        "end": datetime.date(2013, 11, 19),
    }
    return CalendarEvent(**(values | overrides))


def test_an_all_day_event_ends_the_day_after_its_last_day():
    text = calendar([event()], name="Meetings", now=NOW)
    assert "DTSTART;VALUE=DATE:20131118" in text
    assert "DTEND;VALUE=DATE:20131120" in text


def test_special_characters_are_escaped():
    text = calendar([event()], name="Meetings", now=NOW)
    assert "SUMMARY:12th Plenary\\; Hanoi\\, 2013" in text


def test_long_lines_are_folded_to_75_octets_without_splitting_characters():
    text = calendar([event(description="東京" * 60)], name="Meetings", now=NOW)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:" + "東京" * 60 in unfolded


def test_lines_end_with_crlf_and_the_calendar_is_closed():
    text = calendar([event()], name="Meetings", now=NOW)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
