"""Business pages: success, wrong method and wrong user for each."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from intercity.business.models import MeetingRequest, ScheduleRun
from intercity.business.services import schedule_publish, schedule_run_execute
from intercity.testing.business_factories import (
    EventFactory,
    MeetingRequestFactory,
    ProfileFactory,
    RegistrationFactory,
    add_slots,
)
from intercity.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_directory_lists_only_verified_profiles(client, django_assert_max_num_queries):
    shown = ProfileFactory(is_verified=True)
    hidden = ProfileFactory(is_verified=False)
    for _ in range(5):
        ProfileFactory()
    with django_assert_max_num_queries(12):
        response = client.get(reverse("business:list"))
    assert response.status_code == 200
    assert shown.organisation.name in response.text
    assert hidden.organisation.name not in response.text


def test_the_directory_rejects_post(client):
    assert client.post(reverse("business:list")).status_code == 405


def test_an_unverified_profile_is_404_for_strangers_but_visible_to_its_rep(cast, client_for):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation, is_verified=False)
    url = reverse("business:profile", args=[profile.organisation.slug])
    assert client_for(cast.reader).get(url).status_code == 404
    assert client_for(cast.organisation_rep).get(url).status_code == 200


def test_the_focal_point_verifies_by_post_only(cast, client_for):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation, is_verified=False)
    url = reverse("business:profile-verify", args=[profile.organisation.slug])
    assert client_for(cast.focal_point).get(url).status_code == 405
    assert client_for(cast.other_focal_point).post(url).status_code == 404
    profile.refresh_from_db()
    assert not profile.is_verified
    assert client_for(cast.focal_point).post(url).status_code == 302
    profile.refresh_from_db()
    assert profile.is_verified


def test_suggestions_show_reasons_and_can_be_dismissed(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation, seeks="LED lighting")
    partner = ProfileFactory(offers="LED lighting equipment", organisation__city=cast.other)
    client = client_for(cast.organisation_rep)
    response = client.get(reverse("business:suggestions"))
    assert response.status_code == 200
    assert partner.organisation.name in response.text
    assert "text similarity" in response.text
    url = reverse("business:suggestion-mark", args=[partner.organisation.pk])
    assert client.post(url, {"state": "dismissed"}).status_code == 302
    assert partner.organisation.name not in client.get(reverse("business:suggestions")).text
    assert client_for(cast.reader).get(reverse("business:suggestions")).status_code == 404


def _scheduled(cast):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 3)
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    other = RegistrationFactory(event=event)
    third = RegistrationFactory(event=event)
    MeetingRequest.objects.create(event=event, requester=mine, invitee=other, status="accepted")
    MeetingRequest.objects.create(event=event, requester=other, invitee=third, status="accepted")
    run = ScheduleRun.objects.create(event=event, time_limit=5)
    schedule_run_execute(run_id=run.pk)
    return event, mine, other, third


def test_the_grid_is_for_the_organiser_only(cast, client_for):
    event, *_ = _scheduled(cast)
    url = reverse("business:grid", args=[event.pk])
    response = client_for(cast.focal_point).get(url)
    assert response.status_code == 200
    assert "Table 1" in response.text
    assert client_for(cast.organisation_rep).get(url).status_code == 404
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client_for(cast.focal_point).post(url).status_code == 405


def test_the_organiser_moves_a_meeting_from_its_cell_in_the_grid(cast, client_for):
    event, *_ = _scheduled(cast)
    run = event.runs.get()
    first, second = run.assignments.order_by("slot__starts_at")
    organiser = client_for(cast.focal_point)
    grid = organiser.get(reverse("business:grid", args=[event.pk])).text
    url = reverse("business:assignment-move", args=[second.pk])
    assert f'href="{url}"' in grid  # each placed meeting links to its own move page
    page = organiser.get(url)
    assert page.status_code == 200
    assert f'<option value="{second.slot_id}" selected>' in page.text

    before = (second.slot_id, second.table)
    refused = organiser.post(url, {"slot": first.slot_id, "table": 0})
    assert refused.status_code == 400
    assert "table" in refused.context["form"].errors
    second.refresh_from_db()
    assert (second.slot_id, second.table) == before  # nothing moved
    # A table the event does not have would take the meeting off the grid altogether.
    beyond = organiser.post(url, {"slot": first.slot_id, "table": event.tables + 1})
    assert beyond.status_code == 400
    assert "table" in beyond.context["form"].errors
    second.refresh_from_db()
    assert (second.slot_id, second.table) == before

    # Onto the other meeting's slot: the two share a participant, and the check says so.
    moved = organiser.post(url, {"slot": first.slot_id, "table": 2}, follow=True)
    second.refresh_from_db()
    assert (second.slot_id, second.table) == (first.slot_id, 2)
    assert "the schedule now breaks rules" in moved.text

    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client_for(cast.organisation_rep).post(url, {"slot": 1, "table": 1}).status_code == 404


def test_a_clash_after_a_move_is_told_by_organisation_and_slot_in_the_readers_language(
    cast, client_for
):
    event, _mine, other, _third = _scheduled(cast)
    first, second = event.runs.get().assignments.order_by("slot__starts_at")
    organiser = client_for(cast.focal_point)
    url = reverse("business:assignment-move", args=[second.pk])
    moved = organiser.post(url, {"slot": first.slot_id, "table": 1}, follow=True)
    slot = str(first.slot)
    # Both meetings at the one table stay in the grid, each to be moved apart again.
    for placed in (first, second):
        assert f'href="{reverse("business:assignment-move", args=[placed.pk])}"' in moved.text
    told = [str(m) for m in moved.context["messages"]]
    for text in (told[0], "".join(moved.context["problems"])):
        # Not the validator's own wording, which names keys ("participant '2' ...").
        assert "participant '" not in text and "holds both" not in text
        assert f"{other.organisation} has two meetings at {slot}" in text
        assert f"Table 1 at {slot} holds two meetings" in text

    in_japanese = organiser.get(reverse("business:grid", args=[event.pk]), {"hl": "ja"})
    with translation.override("ja"):
        slot = str(first.slot)
    assert f"{other.organisation}は{slot}に2件の面談があります" in "".join(
        in_japanese.context["problems"]
    )


def _published(cast):
    event, mine, other, third = _scheduled(cast)
    schedule_publish(actor=cast.focal_point, run=event.runs.get())
    return event, mine, other, third


def test_a_move_that_breaks_the_published_schedule_is_refused_and_changes_nothing(cast, client_for):
    event, _mine, other, _third = _published(cast)
    first, second = event.runs.get().assignments.order_by("slot__starts_at")
    before = (second.slot_id, second.table)
    url = reverse("business:assignment-move", args=[second.pk])
    # Onto the other meeting's slot: the organisation both share would be in two places.
    refused = client_for(cast.focal_point).post(url, {"slot": first.slot_id, "table": 2})
    assert refused.status_code == 400
    said = " ".join(refused.context["form"].errors["slot"])
    assert "The schedule is published" in said
    assert f"{other.organisation} has two meetings at {first.slot}" in said
    second.refresh_from_db()
    assert (second.slot_id, second.table) == before
    run = event.runs.get()
    assert run.problems == []


def test_marking_a_published_meetings_time_unavailable_says_the_meeting_stays(cast, client_for):
    event, mine, other, _third = _published(cast)
    placed = event.runs.get().assignments.get(request__requester=mine)
    free = event.slots.exclude(pk=placed.slot_id).first()
    client = client_for(cast.organisation_rep)
    url = reverse("business:availability", args=[event.pk])
    quiet = client.post(url, {"unavailable": [free.pk]}, follow=True)
    assert [m.level_tag for m in quiet.context["messages"]] == ["success"]
    told = client.post(url, {"unavailable": [placed.slot_id, free.pk]}, follow=True)
    warning = [str(m) for m in told.context["messages"] if m.level_tag == "warning"]
    assert warning == [
        "The published schedule still has meetings at times you now cannot attend; "
        f"ask the organiser to move them: {placed.slot} – {other.organisation}"
    ]
    assert set(mine.unavailable.values_list("pk", flat=True)) == {placed.slot_id, free.pk}


def test_a_participant_sees_only_their_own_agenda(cast, client_for):
    event, mine, other, third = _published(cast)
    client = client_for(cast.organisation_rep)
    url = reverse("business:agenda", args=[event.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert other.organisation.name in response.text
    assert third.organisation.name not in response.text
    # Asking for another registration's agenda still shows one's own.
    response = client.get(url, {"registration": third.pk})
    assert third.organisation.name not in response.text
    assert client_for(cast.reader).get(url).status_code == 404


def test_the_agenda_downloads_as_icalendar(cast, client_for):
    event, _mine, other, _third = _published(cast)
    response = client_for(cast.organisation_rep).get(
        reverse("business:agenda-ics", args=[event.pk])
    )
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.decode().count("BEGIN:VEVENT") == 1
    assert "DTSTART:" in response.content.decode()
    assert other.organisation.name in response.content.decode()


def test_running_the_scheduler_needs_the_organiser_and_post(cast, client_for):
    event, *_ = _scheduled(cast)
    url = reverse("business:schedule-run", args=[event.pk])
    assert client_for(cast.focal_point).get(url).status_code == 405
    assert client_for(cast.organisation_rep).post(url).status_code == 404
    before = event.runs.count()
    response = client_for(cast.focal_point).post(url)
    assert response.status_code == 302
    assert event.runs.count() == before + 1


def test_the_progress_partial_polls_until_the_run_finishes(cast, client_for):
    event, *_ = _scheduled(cast)
    queued = ScheduleRun.objects.create(event=event, time_limit=120)
    url = reverse("business:run-progress", args=[queued.pk])
    response = client_for(cast.focal_point).get(url)
    assert 'hx-trigger="every 1s"' in response.text
    # The bar cannot tell how long is left; the run's limit does.
    assert "The search stops after 120 s at most" in response.text
    finished = event.runs.exclude(pk=queued.pk).first()
    response = client_for(cast.focal_point).get(
        reverse("business:run-progress", args=[finished.pk])
    )
    assert "hx-trigger" not in response.text
    assert client_for(cast.organisation_rep).get(url).status_code == 404


def test_an_invitee_accepts_on_the_event_page(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    other = RegistrationFactory(event=event)
    request = MeetingRequest.objects.create(event=event, requester=other, invitee=mine)
    url = reverse("business:request-answer", args=[request.pk])
    outsider = UserFactory(role="organisation_rep", organisation=other.organisation)
    assert client_for(outsider).post(url, {"answer": "accept"}).status_code == 404
    answered = client_for(cast.organisation_rep).post(url, {"answer": "accept"}, follow=True)
    request.refresh_from_db()
    assert request.status == "accepted"
    # The request leaves the waiting list; the page says what became of it and keeps it.
    assert [str(m) for m in answered.context["messages"]] == [
        f"{other.organisation}: you accepted the meeting."
    ]
    assert [r.pk for r in answered.context["answered"]] == [request.pk]
    assert 'id="answered-requests"' in answered.text


def test_the_organiser_chooses_how_long_the_scheduler_searches(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)
    MeetingRequestFactory(event=event)
    url = reverse("business:schedule-run", args=[event.pk])
    organiser = client_for(cast.focal_point)
    page = organiser.get(event.get_absolute_url()).text
    assert '<option value="600">' in page
    assert '<option value="30" selected>' in page
    assert organiser.post(url, {"time_limit": "120"}).status_code == 302
    assert event.runs.get().time_limit == 120
    # The page the organiser comes back to keeps the length just chosen.
    page = organiser.get(event.get_absolute_url()).text
    assert '<option value="120" selected>' in page
    for wrong in ("9999", "soon"):
        refused = organiser.post(url, {"time_limit": wrong}, follow=True)
        assert "Give between 5 and 600 seconds." in refused.text
    assert event.runs.count() == 1
    assert client_for(cast.other_focal_point).post(url, {"time_limit": "60"}).status_code == 404


def test_the_schedule_downloads_as_a_csv_that_another_event_can_import(cast, client_for):
    event, mine, other, third = _scheduled(cast)
    url = reverse("business:schedule-csv", args=[event.pk])
    organiser = client_for(cast.focal_point)
    assert f'href="{url}"' in organiser.get(reverse("business:grid", args=[event.pk])).text
    response = organiser.get(url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("day,starts_at,ends_at,table,requester,")
    assert len(lines) == 3  # the header and the two placed meetings, in time order
    assert lines[1] < lines[2]

    # The same file brings the two meetings into a new event.
    copy = EventFactory(meeting__host_city=cast.home)
    imported = organiser.post(
        reverse("business:requests-import", args=[copy.pk]),
        {"file": SimpleUploadedFile("schedule.csv", content)},
    )
    assert imported.status_code == 200
    pairs = {(r.requester.organisation_id, r.invitee.organisation_id) for r in copy.requests.all()}
    assert pairs == {
        (mine.organisation_id, other.organisation_id),
        (other.organisation_id, third.organisation_id),
    }
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client_for(cast.organisation_rep).get(url).status_code == 404


def test_suggestion_reasons_are_in_the_readers_language_and_expired_asks_do_not_match(
    cast, client_for
):
    import datetime

    from intercity.business.models import Opportunity
    from intercity.testing.business_factories import OpportunityFactory

    mine = ProfileFactory(organisation=cast.organisation_rep.organisation, seeks="LED lighting")
    partner = ProfileFactory(offers="LED lighting equipment", organisation__city=cast.other)
    OpportunityFactory(
        organisation=partner.organisation, direction="offer", kind="technology", title="LEDs"
    )
    expired = OpportunityFactory(
        organisation=mine.organisation,
        direction="request",
        kind="technology",
        title="Old ask",
        expires_on=datetime.date(1999, 1, 1),
        status=Opportunity.Status.OPEN,
    )
    client = client_for(cast.organisation_rep)
    page = client.get(reverse("business:suggestions")).text
    assert "Old ask" not in page  # an expired request answers nothing
    expired.expires_on = None
    expired.save()
    page = client.get(reverse("business:suggestions")).text
    assert "answers your request “Old ask”" in page
    japanese = client.get(reverse("business:suggestions"), {"hl": "ja"}).text
    assert "text similarity" not in japanese
    assert "another member city" not in japanese


def test_a_suggestions_score_is_a_short_number_written_as_the_reader_writes_it(cast, client_for):
    cast.other.names = {"ru": "Другой город"}
    cast.other.save(update_fields=["names"])
    ProfileFactory(organisation=cast.organisation_rep.organisation, seeks="LED lighting")
    ProfileFactory(offers="LED lighting equipment", organisation__city=cast.other)
    page = client_for(cast.organisation_rep).get(
        reverse("business:suggestions"), HTTP_ACCEPT_LANGUAGE="ru"
    )
    scores = re.findall(r"· [^<·]+ ([\d.,]+)</small>", page.text)
    assert scores and all(re.fullmatch(r"\d+(,\d)?", score) for score in scores), scores
    # The partner's city among the reasons is named as in the heading, in Russian.
    assert "городе-участнике: Другой город</li>" in page.text
    # The text similarity among the reasons, too: 0,43 in Russian, not 0.43.
    assert re.search(r"\b0,\d\d\b", page.text) and not re.search(r"\b0\.\d\d\b", page.text)


def test_an_open_opportunity_closing_in_the_past_is_refused_on_its_date(cast, client_for):
    import datetime

    from intercity.business import services
    from intercity.business.models import Opportunity
    from intercity.testing.business_factories import OpportunityFactory

    ProfileFactory(organisation=cast.organisation_rep.organisation)
    client = client_for(cast.organisation_rep)
    page = client.post(
        reverse("business:opportunity-create"),
        {
            "direction": "offer",
            "kind": "energy_saving",
            "title": "LED lamps",
            "description": "Kept as typed",
            "status": "open",
            "expires_on": "2020-01-01",
        },
    )
    assert page.status_code == 400
    assert page.context["form"].errors["expires_on"] == [
        "This date is past: the opportunity would not be shown to anyone."
    ]
    assert "Kept as typed" in page.text
    assert not Opportunity.objects.exists()
    # One whose date has since passed is still edited without being made to change it.
    old = OpportunityFactory(
        organisation=cast.organisation_rep.organisation, expires_on=datetime.date(2020, 1, 1)
    )
    services.opportunity_update(
        actor=cast.organisation_rep, opportunity=old, data={"title": "Renamed"}
    )
    old.refresh_from_db()
    assert old.title == "Renamed"


def test_the_directory_says_a_search_finds_nothing_apart_from_an_empty_directory(client):
    assert "No verified organisations yet." in client.get(reverse("business:list")).content.decode()
    ProfileFactory(is_verified=True)
    text = client.get(reverse("business:list"), {"q": "zzz-nothing"}).content.decode()
    assert "No verified organisation matches these filters." in text
    assert "No verified organisations yet." not in text


def test_a_past_closing_date_and_a_title_with_a_reversing_mark_are_refused_together(
    cast, client_for
):
    from intercity.business.models import Opportunity

    ProfileFactory(organisation=cast.organisation_rep.organisation)
    page = client_for(cast.organisation_rep).post(
        reverse("business:opportunity-create"),
        {
            "direction": "offer",
            "kind": "energy_saving",
            "title": "LED \u202elamps",
            "status": "open",
            "expires_on": "2020-01-01",
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert set(errors) == {"title", "expires_on"}
    assert not Opportunity.objects.exists()
