"""A registration's history, on the pages where it is shown and decided: who registered,
who approved, declined or cancelled it, and when."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intercity.meetings.services_registration import (
    meeting_registration_open,
    registration_cancel,
    registration_create,
    registration_decide,
)
from intercity.testing.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast):
    """A meeting hosted by the other city, a month ahead, with registration open."""
    meeting = MeetingFactory(host_city=cast.other, title="Water expert meeting")
    start = meeting.local_today() + datetime.timedelta(days=30)
    meeting.start_date, meeting.end_date, meeting.year = start, start, start.year
    meeting.save()
    meeting_registration_open(
        actor=cast.secretariat,
        meeting=meeting,
        opens_on=meeting.local_today() - datetime.timedelta(days=1),
        closes_on=start - datetime.timedelta(days=1),
    )
    return meeting


def register(meeting, person, actor=None):
    return registration_create(
        actor=actor or person, meeting=meeting, person=person, data={"role": "delegate"}
    )


def registrations_page(client, meeting) -> str:
    url = reverse("meetings:registrations", args=[meeting.slug])
    return client.get(url).content.decode()


def row_of(page: str, registration) -> str:
    return page.split(f'id="registration-{registration.pk}"', 1)[1].split("</tr>", 1)[0]


def test_the_registrant_reads_who_approved_their_registration(client_for, cast, meeting):
    registration = register(meeting, cast.expert)
    registration_decide(actor=cast.other_focal_point, registration=registration, approve=True)

    page = client_for(cast.expert).get(meeting.get_absolute_url()).content.decode()

    history = page.split('id="registration-history"', 1)[1].split("</details>", 1)[0]
    name = cast.other_focal_point.get_full_name()
    assert f"Other City focal point ({name}) approved the registration" in history
    assert "created the registration" in history
    assert history.index("approved the registration") < history.index("created the registration")


def test_another_person_of_the_city_does_not_see_it(client_for, cast, meeting):
    register(meeting, cast.expert)
    colleague = UserFactory(role="expert", city=cast.home)

    page = client_for(colleague).get(meeting.get_absolute_url()).content.decode()

    assert 'id="registration-history"' not in page
    assert "created the registration" not in page


def test_the_host_focal_point_sees_each_registrations_history_where_it_decides(
    client_for, cast, meeting
):
    kept = register(meeting, cast.expert)
    declined = register(meeting, UserFactory(role="expert", city=cast.home))
    registration_decide(actor=cast.secretariat, registration=declined, approve=False)

    page = registrations_page(client_for(cast.other_focal_point), meeting)

    assert "created the registration" in row_of(page, kept)
    assert "declined the registration" not in row_of(page, kept)
    assert "The secretariat" in row_of(page, declined)
    assert "declined the registration" in row_of(page, declined)


def test_the_secretariat_reads_who_cancelled_a_registration(client_for, cast, meeting):
    registration = register(meeting, cast.expert)
    registration_cancel(actor=cast.expert, registration=registration)

    row = row_of(registrations_page(client_for(cast.secretariat), meeting), registration)

    name = cast.expert.get_full_name()
    assert f"Home City expert ({name}) cancelled the registration" in row


def test_a_focal_point_registering_a_person_is_named_as_the_one_who_did(client_for, cast, meeting):
    registration = register(meeting, cast.expert, actor=cast.focal_point)

    row = row_of(registrations_page(client_for(cast.focal_point), meeting), registration)

    assert f"Home City focal point ({cast.focal_point.get_full_name()})" in row


def test_the_histories_take_as_many_queries_for_many_registrations_as_for_two(
    client_for, cast, meeting, django_assert_max_num_queries
):
    def decide_a_few(count):
        for number in range(count):
            registration = register(meeting, UserFactory(role="expert", city=cast.home))
            if number % 2:
                registration_decide(
                    actor=cast.other_focal_point, registration=registration, approve=True
                )

    client = client_for(cast.secretariat)
    decide_a_few(2)
    registrations_page(client, meeting)  # session and caches warm
    with CaptureQueriesContext(connection) as few:
        registrations_page(client, meeting)
    decide_a_few(10)
    with django_assert_max_num_queries(len(few)):
        page = registrations_page(client, meeting)
    assert page.count("approved the registration") == 6


def test_a_person_named_in_a_change_is_told_as_an_author_is_never_by_user_name(
    client_for, cast, meeting, settings
):
    from django.utils import timezone

    from intercity.core.history import describe

    registration = register(meeting, cast.expert)
    registration_decide(actor=cast.other_focal_point, registration=registration, approve=True)
    records = list(registration.history.order_by("-history_date", "-history_id"))
    name = cast.other_focal_point.get_full_name()
    lines = describe(registration, records, show_names=True)
    changes = " ".join(change.text for line in lines for change in line.changes)
    assert f"Other City focal point ({name})" in changes
    assert cast.other_focal_point.username not in changes
    public = describe(registration, records, show_names=False)
    changes = " ".join(change.text for line in public for change in line.changes)
    assert "Other City focal point" in changes and name not in changes
    # The time of the decision reads in the reader's time zone, as the entry's date does.
    from django.utils import formats

    with timezone.override("Asia/Tokyo"):
        expected = formats.date_format(
            timezone.localtime(registration.decided_at), "DATETIME_FORMAT"
        )
        changes = " ".join(
            change.text
            for line in describe(registration, records, show_names=True)
            for change in line.changes
        )
    assert expected in changes
