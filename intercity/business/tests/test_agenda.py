"""Participants' agendas come from the published schedule only; the organiser sees drafts."""

import datetime
import importlib

import pytest
from django.urls import reverse

from intercity.business.models import Event, MeetingRequest, ScheduleRun
from intercity.business.services import schedule_publish, schedule_run_execute
from intercity.testing.business_factories import EventFactory, RegistrationFactory, add_slots

pytestmark = pytest.mark.django_db


def _solved(event):
    run = ScheduleRun.objects.create(event=event, time_limit=5)
    return schedule_run_execute(run_id=run.pk)


@pytest.fixture
def event_with_meeting(cast):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 3)
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    other = RegistrationFactory(event=event)
    MeetingRequest.objects.create(event=event, requester=mine, invitee=other, status="accepted")
    return event, mine, other


def test_a_participant_sees_no_meeting_of_an_unpublished_schedule(
    cast, client_for, event_with_meeting
):
    event, mine, other = event_with_meeting
    _solved(event)
    participant = client_for(cast.organisation_rep)
    page = participant.get(reverse("business:agenda", args=[event.pk]))
    assert page.status_code == 200
    assert other.organisation.name not in page.text
    assert "The schedule is not published yet." in page.text
    ics = participant.get(reverse("business:agenda-ics", args=[event.pk]))
    assert "BEGIN:VEVENT" not in ics.content.decode()

    draft = client_for(cast.focal_point).get(
        reverse("business:agenda", args=[event.pk]), {"registration": mine.pk}
    )
    assert other.organisation.name in draft.text
    assert "participants do not see it yet" in draft.text


def test_a_later_run_stays_a_draft_until_it_is_published(cast, client_for, event_with_meeting):
    event, mine, other = event_with_meeting
    published = _solved(event)
    schedule_publish(actor=cast.focal_point, run=published)
    third = RegistrationFactory(event=event)
    MeetingRequest.objects.create(event=event, requester=mine, invitee=third, status="accepted")
    later = _solved(event)
    assert later.assignments.count() == 2

    page = client_for(cast.organisation_rep).get(reverse("business:agenda", args=[event.pk]))
    assert other.organisation.name in page.text
    assert third.organisation.name not in page.text

    schedule_publish(actor=cast.focal_point, run=later)
    page = client_for(cast.organisation_rep).get(reverse("business:agenda", args=[event.pk]))
    assert third.organisation.name in page.text


def test_events_published_before_the_field_keep_showing_their_schedule(
    cast, client_for, event_with_meeting
):
    from django.apps import apps

    migration = importlib.import_module("intercity.business.migrations.0004_published_run")
    event, _mine, other = event_with_meeting
    run = _solved(event)
    schedule_publish(actor=cast.focal_point, run=run)
    later = _solved(event)  # a draft made after publication
    event.refresh_from_db()
    ScheduleRun.objects.filter(pk=later.pk).update(
        created_at=event.published_at + datetime.timedelta(minutes=1)
    )
    Event.objects.filter(pk=event.pk).update(published_run=None)

    migration.published_runs(apps, None)
    event.refresh_from_db()
    assert event.published_run_id == run.pk != later.pk
    page = client_for(cast.organisation_rep).get(reverse("business:agenda", args=[event.pk]))
    assert other.organisation.name in page.text


def test_an_organiser_asking_for_a_malformed_registration_gets_404(
    cast, client_for, event_with_meeting
):
    event, _mine, _other = event_with_meeting
    organiser = client_for(cast.focal_point)
    for view in ("business:agenda", "business:agenda-ics"):
        response = organiser.get(reverse(view, args=[event.pk]), {"registration": "first"})
        assert response.status_code == 404


def test_an_organiser_cannot_read_another_events_registration_through_the_agenda(
    cast, client_for, event_with_meeting
):
    event, _mine, _other = event_with_meeting
    elsewhere = RegistrationFactory()
    response = client_for(cast.focal_point).get(
        reverse("business:agenda", args=[event.pk]), {"registration": elsewhere.pk}
    )
    assert response.status_code == 404


# -- the agenda through the API --------------------------------------------------------------


def _agenda_url(event, registration):
    return f"/api/v1/business/events/{event.pk}/agenda/{registration.pk}/"


def test_the_api_agenda_shows_the_published_schedule_to_the_participant(
    cast, client_for, event_with_meeting
):
    event, mine, other = event_with_meeting
    run = _solved(event)
    participant = client_for(cast.organisation_rep)
    unpublished = participant.get(_agenda_url(event, mine))
    assert unpublished.status_code == 200
    assert unpublished.json() == {"event": event.pk, "published": False, "meetings": []}

    schedule_publish(actor=cast.focal_point, run=run)
    third = RegistrationFactory(event=event)
    MeetingRequest.objects.create(event=event, requester=third, invitee=mine, status="accepted")
    _solved(event)  # a later draft: its extra meeting stays out of the agenda
    data = participant.get(_agenda_url(event, mine)).json()
    assert data["published"] is True
    assert [row["counterpart"]["name"] for row in data["meetings"]] == [other.organisation.name]
    placed = run.assignments.get()
    meeting = data["meetings"][0]
    assert (meeting["slot"]["id"], meeting["table"]) == (placed.slot_id, placed.table)
    assert meeting["counterpart"]["organisation"] == other.organisation.slug


def test_the_api_agenda_is_read_by_the_organiser_and_secretariat_from_the_published_run(
    cast, client_for, event_with_meeting
):
    event, mine, other = event_with_meeting
    _solved(event)  # a draft: organisers see it on the page, not through this endpoint
    for user in (cast.focal_point, cast.secretariat):
        data = client_for(user).get(_agenda_url(event, other)).json()
        assert (data["published"], data["meetings"]) == (False, [])


def test_the_api_agenda_is_hidden_from_anyone_else(cast, client_for, event_with_meeting):
    event, mine, other = event_with_meeting
    schedule_publish(actor=cast.focal_point, run=_solved(event))
    assert client_for(None).get(_agenda_url(event, mine)).status_code == 401
    for user in (cast.other_focal_point, cast.expert, cast.reader):
        assert client_for(user).get(_agenda_url(event, mine)).status_code == 404
    # A representative reads only their own organisation's agenda.
    assert client_for(cast.organisation_rep).get(_agenda_url(event, other)).status_code == 404
    elsewhere = RegistrationFactory()
    url = f"/api/v1/business/events/{event.pk}/agenda/{elsewhere.pk}/"
    assert client_for(cast.focal_point).get(url).status_code == 404


def test_a_calendar_entry_says_which_event_and_what_the_meeting_is_about(
    cast, client_for, event_with_meeting
):
    event, _mine, _other = event_with_meeting
    event.requests.update(note="Chillers for schools")
    schedule_publish(actor=cast.focal_point, run=_solved(event))
    ics = client_for(cast.organisation_rep).get(reverse("business:agenda-ics", args=[event.pk]))
    text = ics.content.decode().replace("\r\n ", "")  # unfold long lines
    (description,) = [line for line in text.splitlines() if line.startswith("DESCRIPTION:")]
    assert event.meeting.title.replace(",", "\\,") in description
    assert "Chillers for schools" in description
