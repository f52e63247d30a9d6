"""Adding agenda items on the meeting's page: each submission is its own item, within the
meeting's days, and each leaves a line in the meeting's history."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from intercity.meetings.models import Meeting
from intercity.meetings.services import session_upsert
from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _add(client, meeting, **fields):
    data = {"title": "Coffee break", "kind": "other", "position": "1", **fields}
    return client.post(reverse("meetings:session-create", args=[meeting.slug]), data)


def test_two_items_with_the_same_title_are_both_kept(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)
    secretariat = client_for(cast.secretariat)
    assert _add(secretariat, meeting, topic="Morning").status_code == 302
    assert _add(secretariat, meeting, topic="Afternoon", position="5").status_code == 302
    assert sorted(meeting.sessions.values_list("topic", flat=True)) == ["Afternoon", "Morning"]
    created = meeting.history.filter(history_change_reason__contains="meetings.session.created")
    assert created.count() == 2


def test_a_day_outside_the_meeting_is_refused_and_nothing_is_added(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)  # 6–7 May 2030
    answer = _add(client_for(cast.secretariat), meeting, day="2020-01-01")
    assert answer.status_code == 400
    assert "outside the meeting (2030-05-06 to 2030-05-07)" in answer.text
    assert _add(client_for(cast.secretariat), meeting, day="2030-05-07").status_code == 302
    assert meeting.sessions.count() == 1


def test_a_second_plenary_with_the_same_number_is_refused_in_words(cast, client_for):
    MeetingFactory(kind=Meeting.Kind.PLENARY, ordinal=12, host_city=cast.home)
    answer = client_for(cast.secretariat).post(
        reverse("meetings:create"),
        {
            "title": "Another twelfth",
            "kind": "plenary",
            "ordinal": "12",
            "year": "2030",
            "host_city": cast.home.pk,
            "status": "planned",
            "time_zone": "UTC",
        },
    )
    assert answer.status_code == 400
    assert "There is already a plenary with this number." in answer.text
    assert "meeting_unique_plenary_ordinal" not in answer.text


def test_times_outside_the_meeting_are_refused_and_what_was_typed_is_kept(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)  # 6–7 May 2030, Ho Chi Minh City time
    answer = _add(
        client_for(cast.secretariat),
        meeting,
        title="Late networking dinner",
        starts_at="2030-05-08T01:00",  # still 7 May in UTC, but the 8th where the meeting is
        ends_at="2030-05-08T02:00",
    )
    assert answer.status_code == 400
    assert answer.text.count("The time falls outside the meeting (2030-05-06 to 2030-05-07).") == 2
    assert "Late networking dinner" in answer.text
    assert meeting.sessions.count() == 0


def test_an_item_must_start_before_it_ends_and_on_its_day(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)
    secretariat = client_for(cast.secretariat)
    backwards = _add(secretariat, meeting, starts_at="2030-05-06T10:00", ends_at="2030-05-06T09:00")
    assert "A session cannot end before it starts." in backwards.text
    no_start = _add(secretariat, meeting, ends_at="2030-05-06T09:00")
    assert "Give a start time when an end time is set." in no_start.text
    other_day = _add(secretariat, meeting, day="2030-05-06", starts_at="2030-05-07T09:00")
    assert "The start time is not on the session&#x27;s day." in other_day.text
    assert {backwards.status_code, no_start.status_code, other_day.status_code} == {400}
    fine = _add(secretariat, meeting, day="2030-05-07", starts_at="2030-05-07T23:30")
    assert fine.status_code == 302
    assert meeting.sessions.count() == 1


def test_loading_an_agenda_item_outside_the_meeting_is_refused(cast):
    meeting = MeetingFactory(host_city=cast.home, end_date=None)  # one day: 6 May 2030
    when = datetime.datetime(2030, 5, 7, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    with pytest.raises(ValidationError) as refused:
        session_upsert(actor=None, meeting=meeting, title="Field visit", data={"starts_at": when})
    assert "starts_at" in refused.value.message_dict
    assert not meeting.sessions.exists()
