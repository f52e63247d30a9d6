"""A meeting's calendar file carries its agenda items, not only the whole days."""

import datetime

import pytest
from django.urls import reverse

from intercity.testing.factories import MeetingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_the_meetings_ics_has_each_timed_session_as_an_event(client):
    meeting = MeetingFactory()
    start = datetime.datetime(2030, 5, 6, 2, 0, tzinfo=datetime.UTC)
    SessionFactory(
        meeting=meeting,
        title="Policy dialogue on energy",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    SessionFactory(meeting=meeting, title="Closing ceremony", day=datetime.date(2030, 5, 7))
    SessionFactory(meeting=meeting, title="Undated seminar")
    response = client.get(reverse("meetings:ics", args=[meeting.slug]))
    text = response.content.decode()
    assert text.count("BEGIN:VEVENT") == 3
    assert "DTSTART:20300506T020000Z" in text
    assert "DTEND:20300506T040000Z" in text
    assert "SUMMARY:Policy dialogue on energy" in text
    assert "DTSTART;VALUE=DATE:20300507" in text
    assert "Undated seminar" not in text
