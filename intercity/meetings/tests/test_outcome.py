"""A meeting whose days have passed and that is still marked planned asks whoever runs it to
record that it was held or cancelled: on its page, in My work, through one button."""

import datetime

import pytest
from django.urls import reverse

from intercity.core.audit import audit_trail
from intercity.meetings.models import Meeting
from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db
PAST = datetime.date(2019, 3, 4)


@pytest.fixture
def past(cast):
    return MeetingFactory(
        title="Flood dialogue", host_city=cast.home, year=2019, start_date=PAST, end_date=PAST
    )


def outcome(client, meeting, status, **extra):
    url = reverse("meetings:outcome", args=[meeting.slug])
    return client.post(url, {"status": status, **extra}, follow=True)


def test_the_host_records_a_past_meeting_as_held_and_the_history_says_so(client_for, cast, past):
    response = outcome(client_for(cast.focal_point), past, "held")

    past.refresh_from_db()
    assert past.status == Meeting.Status.HELD
    assert "Flood dialogue is recorded as held." in response.content.decode()
    entry = past.history.first()
    assert entry.history_user == cast.focal_point
    changes = [change.text for change in audit_trail(past)[0].changes]
    assert changes == ["status changed from “Planned” to “Held”"]


def test_the_secretariat_records_one_as_cancelled_and_returns_where_it_came_from(
    client_for, cast, past
):
    client = client_for(cast.secretariat)
    response = outcome(client, past, "cancelled", next=reverse("web:my-work"))

    past.refresh_from_db()
    assert past.status == Meeting.Status.CANCELLED
    assert response.redirect_chain[-1][0] == reverse("web:my-work")


def test_another_citys_focal_point_cannot_record_it(client_for, cast, past):
    response = outcome(client_for(cast.other_focal_point), past, "held")

    assert response.status_code == 404
    past.refresh_from_db()
    assert past.status == Meeting.Status.PLANNED


def test_a_meeting_still_to_come_or_already_decided_is_refused_and_left_as_it_is(
    client_for, cast, past
):
    coming = MeetingFactory(host_city=cast.home)  # 2030
    client = client_for(cast.focal_point)

    response = outcome(client, coming, "held")
    assert "Only a planned meeting whose days have passed awaits its outcome." in (
        response.content.decode()
    )
    coming.refresh_from_db()
    assert coming.status == Meeting.Status.PLANNED

    outcome(client, past, "held")
    outcome(client, past, "cancelled")
    past.refresh_from_db()
    assert past.status == Meeting.Status.HELD


def test_an_unknown_outcome_is_refused(client_for, cast, past):
    response = outcome(client_for(cast.focal_point), past, "postponed")

    assert "Choose held or cancelled." in response.content.decode()
    past.refresh_from_db()
    assert past.status == Meeting.Status.PLANNED


def test_a_link_elsewhere_is_not_followed(client_for, cast, past):
    response = outcome(client_for(cast.focal_point), past, "held", next="https://example.com/")

    assert response.redirect_chain[-1][0] == past.get_absolute_url()


def test_the_page_asks_its_editors_only(client_for, cast, past):
    url = past.get_absolute_url()
    asked = client_for(cast.focal_point).get(url).content.decode()
    assert "Was this meeting held?" in asked
    assert reverse("meetings:outcome", args=[past.slug]) in asked

    for reader in (cast.other_focal_point, cast.expert, None):
        assert "Was this meeting held?" not in client_for(reader).get(url).content.decode()


def test_a_meeting_without_dates_awaits_its_outcome_once_its_year_is_over(cast):
    undated = MeetingFactory(host_city=cast.home, year=2014, start_date=None, end_date=None)
    this_year = MeetingFactory(
        host_city=cast.home, year=undated.local_today().year, start_date=None, end_date=None
    )

    assert undated.awaits_outcome
    assert not this_year.awaits_outcome
