"""Registration for meetings: who registers whom, who decides, what is refused, what is kept."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from intercity.meetings.models import Attendee, Meeting, Registration
from intercity.meetings.services_registration import (
    meeting_registration_close,
    meeting_registration_open,
    registration_cancel,
    registration_create,
    registration_decide,
)
from intercity.testing.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def today(meeting):
    return meeting.local_today()


@pytest.fixture
def meeting(cast):
    """A meeting hosted by the other city, a month ahead, with registration open."""
    meeting = MeetingFactory(host_city=cast.other, title="Water expert meeting")
    start = today(meeting) + datetime.timedelta(days=30)
    meeting.start_date, meeting.end_date, meeting.year = start, start, start.year
    meeting.save()
    meeting_registration_open(
        actor=cast.secretariat,
        meeting=meeting,
        opens_on=today(meeting) - datetime.timedelta(days=1),
        closes_on=start - datetime.timedelta(days=1),
    )
    return meeting


def url(name, meeting, *args):
    return reverse(f"meetings:{name}", args=[meeting.slug, *args])


def register(cast, meeting, person=None, actor=None, **data):
    person = person or cast.expert
    return registration_create(
        actor=actor or person, meeting=meeting, person=person, data={"role": "delegate", **data}
    )


def field_errors(refusal) -> dict:
    return refusal.value.message_dict


# Services: what is refused ------------------------------------------------------------------


def test_registration_is_closed_by_default(cast):
    meeting = MeetingFactory(host_city=cast.other, start_date=None, end_date=None)
    assert not meeting.registration_is_open
    with pytest.raises(ValidationError) as refusal:
        register(cast, meeting)
    assert "meeting" in field_errors(refusal)
    assert not Registration.objects.exists()


def test_a_closed_registration_is_refused(cast, meeting):
    meeting_registration_close(actor=cast.secretariat, meeting=meeting)
    with pytest.raises(ValidationError) as refusal:
        register(cast, meeting)
    assert field_errors(refusal)["meeting"] == ["Registration for this meeting is closed."]


def test_registration_not_yet_open_is_refused(cast, meeting):
    meeting.registration_opens_on = today(meeting) + datetime.timedelta(days=2)
    meeting.save()
    with pytest.raises(ValidationError):
        register(cast, meeting)


def test_a_second_registration_of_the_same_person_is_refused(cast, meeting):
    register(cast, meeting)
    with pytest.raises(ValidationError) as refusal:
        register(cast, meeting, actor=cast.focal_point)
    assert "person" in field_errors(refusal)
    assert Registration.objects.count() == 1


def test_the_city_limit_counts_pending_and_approved_places(cast, meeting):
    meeting.places_per_city = 1
    meeting.save()
    first = register(cast, meeting)
    with pytest.raises(ValidationError) as refusal:
        register(cast, meeting, person=cast.focal_point)
    assert "city" in field_errors(refusal)
    # A cancelled registration frees its place.
    registration_cancel(actor=cast.expert, registration=first)
    assert register(cast, meeting, person=cast.focal_point).status == "pending"


def test_a_meeting_in_the_past_refuses_registration(cast, meeting):
    past = today(meeting) - datetime.timedelta(days=10)
    Meeting.objects.filter(pk=meeting.pk).update(
        start_date=past, end_date=past, year=past.year, registration_opens_on=past
    )
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as refusal:
        register(cast, meeting)
    assert field_errors(refusal)["meeting"] == ["The meeting is over or cancelled."]


def test_registration_must_close_by_the_meetings_last_day(cast, meeting):
    with pytest.raises(ValidationError) as refusal:
        meeting_registration_open(
            actor=cast.secretariat,
            meeting=meeting,
            opens_on=today(meeting),
            closes_on=meeting.start_date + datetime.timedelta(days=1),
        )
    assert "registration_closes_on" in field_errors(refusal)


def test_only_the_meetings_editors_open_registration(cast, meeting):
    with pytest.raises(PermissionDenied):
        meeting_registration_open(
            actor=cast.focal_point,
            meeting=meeting,
            opens_on=today(meeting),
            closes_on=meeting.start_date,
        )
    # The host city's focal point may: it edits the meeting.
    meeting_registration_open(
        actor=cast.other_focal_point,
        meeting=meeting,
        opens_on=today(meeting),
        closes_on=meeting.start_date,
        places_per_city=3,
    )
    meeting.refresh_from_db()
    assert meeting.places_per_city == 3


def test_a_reader_without_a_city_cannot_register(cast, meeting):
    with pytest.raises(PermissionDenied):
        register(cast, meeting, person=cast.reader)


def test_organisation_representatives_register_only_for_business_meetings(cast, meeting):
    with pytest.raises(PermissionDenied):
        register(cast, meeting, person=cast.organisation_rep)
    Meeting.objects.filter(pk=meeting.pk).update(kind=Meeting.Kind.BUSINESS)
    meeting.refresh_from_db()
    registration = register(cast, meeting, person=cast.organisation_rep)
    assert registration.city is None


def test_a_focal_point_cannot_register_another_citys_person(cast, meeting):
    stranger = UserFactory(role="expert", city=cast.other)
    with pytest.raises(ValidationError) as refusal:
        register(cast, meeting, person=stranger, actor=cast.focal_point)
    assert "person" in field_errors(refusal)


def test_approval_lists_the_person_as_participant_through_the_attendee_service(cast, meeting):
    registration = register(cast, meeting, position="Director of water supply")
    registration_decide(actor=cast.focal_point, registration=registration, approve=True)

    registration.refresh_from_db()
    assert registration.status == "approved"
    assert registration.decided_by == cast.focal_point
    attendee = Attendee.objects.get(meeting=meeting)
    assert (attendee.user, attendee.city, attendee.position) == (
        cast.expert,
        cast.home,
        "Director of water supply",
    )
    page = meeting.history.order_by("-history_id").first()
    assert page.history_change_reason.startswith("meetings.attendee.added")


def test_a_decided_registration_is_not_decided_again(cast, meeting):
    registration = register(cast, meeting)
    registration_decide(actor=cast.focal_point, registration=registration, approve=False)
    with pytest.raises(ValidationError) as refusal:
        registration_decide(actor=cast.secretariat, registration=registration, approve=True)
    assert "status" in field_errors(refusal)
    assert not Attendee.objects.exists()


def test_cancelling_an_approved_registration_removes_the_participant_and_keeps_the_record(
    cast, meeting
):
    registration = register(cast, meeting)
    registration_decide(actor=cast.secretariat, registration=registration, approve=True)
    registration_cancel(actor=cast.expert, registration=registration)

    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert not Attendee.objects.exists()
    assert [r.history_change_reason for r in registration.history.order_by("history_id")] == [
        "meetings.registration.created",
        "meetings.registration.approved",
        "meetings.registration.cancelled",
    ]


def test_a_registration_is_not_cancelled_once_the_meeting_started(cast, meeting):
    registration = register(cast, meeting)
    Meeting.objects.filter(pk=meeting.pk).update(start_date=today(meeting))
    with pytest.raises(ValidationError):
        registration_cancel(actor=cast.expert, registration=registration)
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_the_citys_focal_points_are_told_of_a_registration_and_the_registrant_of_the_decision(
    cast, meeting, django_capture_on_commit_callbacks
):
    cast.focal_point.email, cast.focal_point.language = "focal@example.org", "vi"
    cast.focal_point.save()
    cast.other_focal_point.email = "other@example.org"
    cast.other_focal_point.save()
    cast.expert.email, cast.expert.language = "expert@example.org", "ja"
    cast.expert.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(cast, meeting)
    assert [message.to for message in mail.outbox] == [["focal@example.org"]]
    assert "Water expert meeting" in mail.outbox[0].subject
    assert mail.outbox[0].subject != "New registration for Water expert meeting"  # Vietnamese

    with django_capture_on_commit_callbacks(execute=True):
        registration_decide(actor=cast.focal_point, registration=registration, approve=True)
    assert mail.outbox[1].to == ["expert@example.org"]
    assert "Water expert meeting" in mail.outbox[1].subject
    assert not mail.outbox[1].subject.startswith("Your registration")  # Japanese


# Pages --------------------------------------------------------------------------------------


def test_the_meeting_page_offers_registration_and_then_shows_its_state(client_for, cast, meeting):
    client = client_for(cast.expert)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert url("register", meeting) in page

    response = client.post(
        url("register", meeting),
        {"register-role": "head", "register-note": "Vegetarian; wheelchair access"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.person, registration.city, registration.role) == (
        cast.expert,
        cast.home,
        "head",
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Registered – pending approval." in page
    assert url("register", meeting) not in page


def test_the_register_page_refuses_other_methods(client_for, cast, meeting):
    assert client_for(cast.expert).put(url("register", meeting)).status_code == 405


def test_the_register_page_is_not_there_for_people_who_cannot_register(client_for, cast, meeting):
    assert client_for(cast.reader).get(url("register", meeting)).status_code == 404
    assert client_for(None).get(url("register", meeting)).status_code == 302


def test_a_refused_registration_shows_why(client_for, cast, meeting):
    register(cast, meeting)
    response = client_for(cast.expert).post(url("register", meeting), {"register-role": "head"})
    assert response.status_code == 400
    assert "already registered" in response.content.decode()


def test_the_register_page_says_at_once_that_registration_is_closed(client_for, cast, meeting):
    meeting_registration_close(actor=cast.secretariat, meeting=meeting)
    response = client_for(cast.expert).get(url("register", meeting))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Registration for this meeting is closed." in page
    assert 'name="register-role"' not in page


def test_a_person_already_registered_is_not_offered_again(client_for, cast, meeting):
    register(cast, meeting)
    page = client_for(cast.focal_point).get(url("registrations", meeting)).content.decode()
    offered = page.split('name="register-person"', 1)[1].split("</select>", 1)[0]
    assert f'value="{cast.expert.pk}"' not in offered


def test_the_registrant_cancels_from_the_meeting_page(client_for, cast, meeting):
    registration = register(cast, meeting)
    client = client_for(cast.expert)
    assert client.get(url("registration-cancel", meeting, registration.pk)).status_code == 405
    response = client.post(url("registration-cancel", meeting, registration.pk))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_another_person_cannot_cancel_a_registration(client_for, cast, meeting):
    registration = register(cast, meeting)
    stranger = client_for(cast.reader)
    assert stranger.post(url("registration-cancel", meeting, registration.pk)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "pending"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 302),
        ("reader", 404),
        ("expert", 404),
        ("organisation_rep", 404),
        ("focal_point", 200),
        ("other_focal_point", 200),
        ("secretariat", 200),
    ],
)
def test_who_opens_the_registrations_page(client_for, cast, meeting, role, status):
    user = getattr(cast, role) if role else None
    assert client_for(user).get(url("registrations", meeting)).status_code == status


def test_a_focal_point_sees_only_their_citys_registrations(client_for, cast, meeting):
    register(cast, meeting)
    visitor = UserFactory(role="expert", city=cast.other, first_name="Ms", last_name="Visitor")
    register(cast, meeting, person=visitor)

    home = client_for(cast.focal_point).get(url("registrations", meeting)).content.decode()
    assert cast.expert.get_full_name() in home
    assert "Ms Visitor" not in home
    host = client_for(cast.other_focal_point).get(url("registrations", meeting)).content.decode()
    assert cast.expert.get_full_name() in host
    assert "Ms Visitor" in host


def test_the_registrations_page_filters_by_status_and_city(client_for, cast, meeting):
    first = register(cast, meeting)
    visitor = UserFactory(role="expert", city=cast.other, first_name="Ms", last_name="Visitor")
    register(cast, meeting, person=visitor)
    registration_decide(actor=cast.secretariat, registration=first, approve=True)
    client = client_for(cast.secretariat)

    pending = client.get(url("registrations", meeting), {"status": "pending"})
    assert [r.name for r in pending.context["object_list"]] == ["Ms Visitor"]
    home = client.get(url("registrations", meeting), {"city": cast.home.slug})
    assert [r.person for r in home.context["object_list"]] == [cast.expert]
    assert {(c.city.name, c.total) for c in home.context["counts"]} == {
        ("Home City", 1),
        ("Other City", 1),
    }
    empty = client.get(url("registrations", meeting), {"status": "declined"})
    assert "No registration matches these filters." in empty.content.decode()


def test_the_registrations_page_says_when_nobody_registered(client_for, cast, meeting):
    page = client_for(cast.secretariat).get(url("registrations", meeting)).content.decode()
    assert "Nobody has registered yet." in page


def test_the_registrations_page_runs_a_bounded_number_of_queries(
    client_for, cast, meeting, django_assert_max_num_queries
):
    for number in range(12):
        city = cast.home if number % 2 else cast.other
        register(cast, meeting, person=UserFactory(role="expert", city=city))
    client = client_for(cast.secretariat)
    client.get(url("registrations", meeting))  # session and caches warm
    with django_assert_max_num_queries(20):
        response = client.get(url("registrations", meeting))
    assert len(response.context["object_list"]) == 12


def test_the_registrations_list_downloads_as_csv(client_for, cast, meeting):
    register(cast, meeting, note="=cmd()", needs_visa_letter=True)
    response = client_for(cast.focal_point).get(url("registrations", meeting), {"format": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    header, row = text.lstrip("\ufeff").splitlines()[:2]
    assert header.startswith("name,email,city")
    assert cast.expert.get_full_name() in row
    assert "Home City" in row
    assert "'=cmd()" in row  # formula-looking text stays text


def test_the_registrations_csv_names_the_city_in_the_readers_language(client_for, cast, meeting):
    cast.home.names = {"vi": "Thành phố Nhà"}
    cast.home.save(update_fields=["names"])
    register(cast, meeting)
    response = client_for(cast.focal_point).get(
        url("registrations", meeting), {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    row = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()[1]
    assert "Thành phố Nhà" in row


def test_a_focal_point_registers_a_person_of_their_city(client_for, cast, meeting):
    response = client_for(cast.focal_point).post(
        url("registration-create", meeting),
        {"register-person": cast.expert.pk, "register-role": "adviser"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.person, registration.registered_by) == (cast.expert, cast.focal_point)


def test_a_focal_point_cannot_pick_another_citys_person(client_for, cast, meeting):
    stranger = UserFactory(role="expert", city=cast.other)
    response = client_for(cast.focal_point).post(
        url("registration-create", meeting),
        {"register-person": stranger.pk, "register-role": "delegate"},
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_registering_others_refuses_get_and_the_expert(client_for, cast, meeting):
    assert client_for(cast.focal_point).get(url("registration-create", meeting)).status_code == 405
    response = client_for(cast.expert).post(
        url("registration-create", meeting),
        {"register-person": cast.expert.pk, "register-role": "delegate"},
    )
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_the_citys_focal_point_approves_from_the_page(client_for, cast, meeting):
    registration = register(cast, meeting)
    response = client_for(cast.focal_point).post(
        url("registration-approve", meeting, registration.pk)
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "approved"
    assert meeting.attendees.get().user == cast.expert


def test_deciding_refuses_get(client_for, cast, meeting):
    registration = register(cast, meeting)
    client = client_for(cast.focal_point)
    assert client.get(url("registration-approve", meeting, registration.pk)).status_code == 405
    assert client.get(url("registration-decline", meeting, registration.pk)).status_code == 405


def test_another_citys_focal_point_gets_404_on_approve_and_nothing_changes(
    client_for, cast, meeting
):
    third_city_meeting = MeetingFactory(
        title="Elsewhere",
        start_date=meeting.start_date,
        end_date=meeting.end_date,
        year=meeting.year,
    )
    meeting_registration_open(
        actor=cast.secretariat,
        meeting=third_city_meeting,
        opens_on=today(meeting) - datetime.timedelta(days=1),
        closes_on=meeting.start_date,
    )
    registration = register(cast, third_city_meeting)
    for action in ("registration-approve", "registration-decline"):
        response = client_for(cast.other_focal_point).post(
            url(action, third_city_meeting, registration.pk)
        )
        assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert registration.decided_by is None
    assert not Attendee.objects.exists()


def test_the_expert_cannot_approve_their_own_registration(client_for, cast, meeting):
    registration = register(cast, meeting)
    response = client_for(cast.expert).post(url("registration-approve", meeting, registration.pk))
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_the_secretariat_declines_and_the_record_stays(client_for, cast, meeting):
    registration = register(cast, meeting)
    response = client_for(cast.secretariat).post(
        url("registration-decline", meeting, registration.pk)
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "declined"
    page = client_for(cast.expert).get(meeting.get_absolute_url()).content.decode()
    assert "Your registration was declined." in page


def test_the_host_opens_and_closes_registration_from_the_page(client_for, cast, meeting):
    client = client_for(cast.other_focal_point)
    start = meeting.start_date
    response = client.post(
        url("registration-settings", meeting),
        {
            "opens_on": today(meeting).isoformat(),
            "closes_on": start.isoformat(),
            "places_per_city": 4,
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.registration_closes_on, meeting.places_per_city) == (start, 4)

    late = (start + datetime.timedelta(days=3)).isoformat()
    refused = client.post(
        url("registration-settings", meeting), {"opens_on": today(meeting), "closes_on": late}
    )
    assert refused.status_code == 400
    assert refused.context["settings_form"].errors["closes_on"]

    assert client.post(url("registration-settings", meeting), {"close": "1"}).status_code == 302
    meeting.refresh_from_db()
    assert not meeting.registration_is_set


def test_registration_settings_refuse_get_and_other_cities(client_for, cast, meeting):
    assert (
        client_for(cast.secretariat).get(url("registration-settings", meeting)).status_code == 405
    )
    response = client_for(cast.focal_point).post(
        url("registration-settings", meeting), {"close": "1"}
    )
    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.registration_is_open
