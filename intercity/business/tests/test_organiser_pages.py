"""Organiser pages: where to start, runs refused or shown live, meetings left out, agendas."""

import datetime
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from intercity.business import services
from intercity.business.models import MeetingRequest, ScheduleRun
from intercity.business.run_progress import placing_recorder, progress_recorder
from intercity.business.services import schedule_run_execute
from intercity.testing.business_factories import (
    BusinessMeetingFactory,
    EventFactory,
    MeetingRequestFactory,
    RegistrationFactory,
    add_slots,
)

pytestmark = pytest.mark.django_db


def test_the_grid_lists_the_accepted_meetings_a_partial_schedule_leaves_out(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home, tables=1)
    add_slots(event, 1, morning=1)
    meetings = []
    for _ in range(2):
        a, b = RegistrationFactory(event=event), RegistrationFactory(event=event)
        meetings.append(
            MeetingRequest.objects.create(event=event, requester=a, invitee=b, status="accepted")
        )
    run = ScheduleRun.objects.create(event=event, time_limit=5)
    run = schedule_run_execute(run_id=run.pk)
    placed = set(run.assignments.values_list("request_id", flat=True))
    assert len(placed) == 1
    (left_out,) = [m for m in meetings if m.pk not in placed]

    page = client_for(cast.focal_point).get(reverse("business:grid", args=[event.pk]))
    assert page.status_code == 200
    assert "1 accepted meeting is not in this schedule" in page.text
    # The validator vouches for the meetings placed, not for a schedule that lacks one.
    assert "finds every rule respected by the meetings placed" in page.text
    assert "finds every rule respected.<" not in page.text
    section = page.text[page.text.index('id="unplaced"') :]
    assert left_out.requester.organisation.name in section
    assert left_out.invitee.organisation.name in section


def test_the_organiser_reaches_each_participants_agenda_from_the_event(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    registration = RegistrationFactory(event=event)
    page = client_for(cast.focal_point).get(event.get_absolute_url())
    agenda = reverse("business:agenda", args=[event.pk])
    assert f'href="{agenda}?registration={registration.pk}"' in page.text
    answer = client_for(cast.focal_point).get(agenda, {"registration": registration.pk})
    assert answer.status_code == 200
    assert f"<h1>Agenda of {registration.organisation.name}</h1>" in answer.text
    # The name sits where each language puts it, not after a fixed prefix.
    japanese = client_for(cast.focal_point).get(
        agenda, {"registration": registration.pk}, HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert f"<h1>{registration.organisation.name}の日程表</h1>" in japanese.text
    stranger = client_for(cast.other_focal_point).get(agenda, {"registration": registration.pk})
    assert stranger.status_code == 404


def test_the_event_page_counts_its_tables_in_words_that_agree(cast, client_for):
    one = EventFactory(meeting__host_city=cast.home, tables=1)
    several = EventFactory(meeting__host_city=cast.home, tables=3)

    assert re.search(r"<p>1 table(?!s)", client_for(None).get(one.get_absolute_url()).text)
    assert "<p>3 tables" in client_for(None).get(several.get_absolute_url()).text
    vietnamese = client_for(None).get(several.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="vi")
    # Not "3 số bàn" ("3 number of tables"), the label of a count put after a number.
    assert "<p>3 bàn" in vietnamese.text


def test_the_scheduler_is_not_run_while_no_meeting_is_accepted(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)
    MeetingRequestFactory(event=event, status=MeetingRequest.Status.PENDING)
    url = reverse("business:schedule-run", args=[event.pk])
    refused = client_for(cast.focal_point).post(url, {"time_limit": "30"}, follow=True)
    assert "No meeting is accepted yet: there is nothing to schedule." in refused.text
    assert not event.runs.exists()


def test_the_progress_shows_the_solvers_latest_figures_however_fast_they_come(cast):
    event = EventFactory(meeting__host_city=cast.home)
    run = ScheduleRun.objects.create(event=event, time_limit=5)
    record = progress_recorder(run)
    record(None, 3)
    record(12, 3)  # a first schedule found right after the bound: it must not be lost
    run.refresh_from_db()
    assert (run.breaks, run.lower_bound, run.stage) == (12, 3, ScheduleRun.Stage.PROVING)
    record(12, 5)
    run.refresh_from_db()
    assert run.lower_bound == 5


def test_an_organiser_with_no_meeting_to_open_is_told_where_to_start(cast, client_for):
    url = reverse("business:events")
    page = client_for(cast.focal_point).get(url)
    assert page.status_code == 200
    assert 'id="how-to-open"' in page.text
    assert f'href="{reverse("meetings:create")}"' in page.text
    for outsider in (cast.organisation_rep, None):
        assert 'id="how-to-open"' not in client_for(outsider).get(url).text
    # Once there is a business meeting to open, it is listed instead.
    BusinessMeetingFactory(host_city=cast.home)
    page = client_for(cast.focal_point).get(url)
    assert 'id="how-to-open"' not in page.text
    assert "Open matchmaking" in page.text


def test_a_refused_meeting_request_keeps_what_the_representative_typed(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    asked = RegistrationFactory(event=event)
    asking = RegistrationFactory(event=event)
    fresh = RegistrationFactory(event=event)
    MeetingRequestFactory(event=event, requester=mine, invitee=asked)
    MeetingRequestFactory(event=event, requester=asking, invitee=mine)
    rep = client_for(cast.organisation_rep)

    page = rep.get(event.get_absolute_url()).text
    offered = page[page.index('id="request-form"') :]
    assert f'value="{fresh.pk}"' in offered
    assert f'value="{asked.pk}"' not in offered  # already asked: it would be refused
    assert f'value="{asking.pk}"' not in offered

    url = reverse("business:request-create", args=[event.pk])
    note = "Street lighting pilot, second phase"
    refused = rep.post(url, {"invitee": asked.pk, "note": note, "session": "morning"})
    assert refused.status_code == 400
    assert refused.context["request_form"].errors["invitee"] == [
        "A meeting between these organisations was already requested."
    ]
    assert note in refused.text
    assert event.requests.count() == 2
    sent = rep.post(url, {"invitee": fresh.pk, "note": note, "session": "morning"})
    assert sent.status_code == 302
    assert event.requests.filter(requester=mine, invitee=fresh, note=note).exists()


def test_a_request_forced_to_ones_own_organisation_says_why_on_the_field(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    RegistrationFactory(event=event)
    url = reverse("business:request-create", args=[event.pk])
    refused = client_for(cast.organisation_rep).post(
        url, {"invitee": mine.pk, "session": "either"}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert refused.status_code == 400
    errors = refused.context["request_form"].errors
    assert errors["invitee"] == ["Một tổ chức không thể yêu cầu gặp chính mình."]
    assert "__all__" not in errors
    assert "Một tổ chức không thể yêu cầu gặp chính mình." in refused.text
    assert not event.requests.exists()


def test_the_slot_form_leads_back_to_its_event(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    page = client_for(cast.focal_point).get(reverse("business:slot-create", args=[event.pk]))
    assert page.status_code == 200
    assert f'href="{event.get_absolute_url()}"' in page.text


def test_a_run_that_cannot_fit_everything_shows_how_many_meetings_it_has_placed(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    run = ScheduleRun.objects.create(event=event, time_limit=30, status="running")
    url = reverse("business:run-progress", args=[run.pk])
    assert "Placing what fits" not in client_for(cast.focal_point).get(url).text
    record = placing_recorder(run)
    record(0, 402)
    record(288, 402)
    run.refresh_from_db()
    assert (run.stage, run.placed, run.to_place) == (ScheduleRun.Stage.PLACING, 288, 402)
    page = client_for(cast.focal_point).get(url).text
    assert "Not every meeting fits. The best partial schedule so far places 288 of 402" in page
    assert "<strong>Placing what fits</strong>" in page
    assert "keeps the partial schedule that places the most meetings" in page
    assert "sooner once the best breaks meet the proven bound" not in page


def test_a_running_search_shows_its_time_against_the_limit(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    run = ScheduleRun.objects.create(
        event=event,
        time_limit=60,
        status="running",
        stage="proving",
        started_at=timezone.now() - timedelta(seconds=15),
    )
    url = reverse("business:run-progress", args=[run.pk])
    page = client_for(cast.focal_point).get(url).text
    # 15 s ago when the run was saved; a slow request may add a second or two.
    shown = re.search(r'<progress max="60" value="(\d+)"', page)
    assert shown and 15 <= int(shown.group(1)) <= 20
    assert f"{shown.group(1)} s of at most 60 s" in page
    run.started_at = timezone.now() - timedelta(minutes=5)  # a slow worker never overshoots
    run.save(update_fields=["started_at"])
    assert '<progress max="60" value="60"' in client_for(cast.focal_point).get(url).text


# -- what a serious organiser expects of the pages -------------------------------------------


def _published(cast, mailoutbox):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)
    a = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    b = RegistrationFactory(event=event)
    MeetingRequest.objects.create(event=event, requester=a, invitee=b, status="accepted")
    run = schedule_run_execute(run_id=ScheduleRun.objects.create(event=event, time_limit=5).pk)
    services.schedule_publish(actor=cast.focal_point, run=run)
    mailoutbox.clear()
    return event, run


def test_the_grid_of_the_published_schedule_says_so_and_offers_no_second_publication(
    cast, client_for, mailoutbox
):
    event, run = _published(cast, mailoutbox)
    organiser = client_for(cast.focal_point)
    page = organiser.get(reverse("business:grid", args=[event.pk]))
    assert "Participants see this schedule" in page.text
    assert reverse("business:run-publish", args=[run.pk]) not in page.text
    event.refresh_from_db()
    published_at = event.published_at
    # The organiser sees when, not just which day, in their own city's time.
    local = timezone.localtime(published_at, ZoneInfo(cast.focal_point.city.time_zone))
    shown = date_format(local, "DATETIME_FORMAT")
    assert f"Published on {shown}." in page.text

    again = organiser.post(reverse("business:run-publish", args=[run.pk]), follow=True)
    assert "already published" in again.text
    assert mailoutbox == []  # nobody is emailed the same agenda twice
    event.refresh_from_db()
    assert event.published_at == published_at


def test_publishing_the_published_schedule_again_is_refused_by_the_service(cast, mailoutbox):
    from django.core.exceptions import PermissionDenied

    _event, run = _published(cast, mailoutbox)
    with pytest.raises(PermissionDenied):
        services.schedule_publish(actor=cast.focal_point, run=run)
    assert mailoutbox == []


def test_the_event_list_is_paged_and_dates_each_event(
    cast, client_for, django_assert_max_num_queries
):
    for year in range(1990, 2020):
        EventFactory(
            meeting__host_city=cast.home,
            meeting__year=year,
            meeting__start_date=datetime.date(year, 5, 6),
            meeting__end_date=datetime.date(year, 5, 7),
        )
    reader = client_for(cast.secretariat)
    with django_assert_max_num_queries(12):
        first = reader.get(reverse("business:events"))
    assert first.text.count('class="event-row"') == 25
    assert "6 May 2019" in first.text
    second = reader.get(reverse("business:events"), {"page": 2})
    assert second.text.count('class="event-row"') == 5


def test_the_meeting_import_points_to_the_organisation_import(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    page = client_for(cast.focal_point).get(reverse("business:requests-import", args=[event.pk]))
    assert reverse("organisations:import") in page.text


def test_an_agenda_leads_back_to_its_event(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    registration = RegistrationFactory(event=event)
    page = client_for(cast.focal_point).get(
        reverse("business:agenda", args=[event.pk]), {"registration": registration.pk}
    )
    assert f'href="{event.get_absolute_url()}"' in page.text


def test_a_finished_run_says_how_long_it_searched_in_the_readers_language(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    run = ScheduleRun.objects.create(
        event=event, time_limit=30, status="optimal", stage="done", seconds=1.5, breaks=0
    )
    url = reverse("business:run-progress", args=[run.pk])
    page = client_for(cast.focal_point).get(url, HTTP_ACCEPT_LANGUAGE="ru").text
    assert "поиск занял 1,5 с" in page
    assert "1,5 s" not in page
