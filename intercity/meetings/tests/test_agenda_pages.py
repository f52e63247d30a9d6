"""Adding agenda items on the meeting's page: each submission is its own item, within the
meeting's days, and each leaves a line in the meeting's history."""

import pytest
from django.urls import reverse

from intercity.meetings.models import Meeting
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
