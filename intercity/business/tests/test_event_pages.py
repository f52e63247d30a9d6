"""Event setup, availability, fixing and ordering meetings, and the scheduler's stages."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from intercity.business import services
from intercity.business.models import Event, MeetingRequest, ScheduleRun, Slot
from intercity.business.run_reasons import run_explanation
from intercity.business.scheduling.model import Result
from intercity.testing.business_factories import (
    BusinessMeetingFactory,
    EventFactory,
    RegistrationFactory,
    add_slots,
    event_setup_post,
)
from intercity.testing.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _stranger_rep():
    return UserFactory(role="organisation_rep", organisation=OrganisationFactory())


# -- opening matchmaking ------------------------------------------------------------------


def test_the_focal_point_opens_matchmaking_with_generated_slots(cast, client_for):
    meeting = BusinessMeetingFactory(host_city=cast.home)
    url = reverse("business:event-open", args=[meeting.pk])
    client = client_for(cast.focal_point)
    assert client.get(url).status_code == 200
    response = client.post(url, event_setup_post())
    event = Event.objects.get(meeting=meeting)
    assert response.status_code == 302
    assert response.url == event.get_absolute_url()
    assert event.tables == 4
    slots = list(event.slots.all())
    assert len(slots) == 8
    assert [(s.starts_at.hour, s.starts_at.minute, s.session) for s in slots[:4]] == [
        (9, 0, "morning"),
        (9, 30, "morning"),
        (14, 0, "afternoon"),
        (14, 30, "afternoon"),
    ]
    assert {s.day for s in slots} == {datetime.date(2030, 5, 6), datetime.date(2030, 5, 7)}
    assert client.get(url).url == reverse("business:event-edit", args=[event.pk])


def test_opening_rejects_other_methods_and_other_cities(cast, client, client_for):
    meeting = BusinessMeetingFactory(host_city=cast.home)
    url = reverse("business:event-open", args=[meeting.pk])
    assert client_for(cast.focal_point).put(url).status_code == 405
    assert client_for(cast.other_focal_point).post(url, event_setup_post()).status_code == 404
    assert client_for(cast.organisation_rep).get(url).status_code == 404
    assert client.get(url).url.startswith(reverse("accounts:login"))
    assert not Event.objects.exists()


def test_only_business_meetings_and_trade_fairs_open_matchmaking(cast, client_for):
    meeting = BusinessMeetingFactory(host_city=cast.home, kind="expert")
    url = reverse("business:event-open", args=[meeting.pk])
    assert client_for(cast.focal_point).get(url).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"afternoon_start": "09:30"}, "afternoon_start"),
        ({"morning_start": "23:00", "afternoon_count": "0"}, "morning_start"),
        ({"tables": "0"}, "tables"),
        ({"request_deadline": "2030-04-01T12:00"}, "request_deadline"),
        ({"first_day": ""}, "first_day"),
        ({"morning_count": "0", "afternoon_count": "0"}, "morning_count"),
    ],
)
def test_opening_with_bad_input_shows_field_errors_and_writes_nothing(
    cast, client_for, overrides, field
):
    meeting = BusinessMeetingFactory(host_city=cast.home)
    url = reverse("business:event-open", args=[meeting.pk])
    response = client_for(cast.focal_point).post(url, event_setup_post(**overrides))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Event.objects.exists()
    assert not Slot.objects.exists()


def test_opening_names_no_tables_deadlines_out_of_order_and_a_day_outside_together(
    cast, client_for
):
    meeting = BusinessMeetingFactory(host_city=cast.home)
    url = reverse("business:event-open", args=[meeting.pk])
    response = client_for(cast.focal_point).post(
        url,
        event_setup_post(tables="0", request_deadline="2030-04-01T12:00", first_day="2031-01-01"),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"tables", "request_deadline", "first_day"}
    assert errors["tables"] == ["An event needs at least one table."]
    assert "falls outside the meeting" in errors["first_day"][0]
    assert not Event.objects.exists()
    assert not Slot.objects.exists()


def test_the_events_page_offers_opening_only_to_the_host_city(cast, client_for):
    meeting = BusinessMeetingFactory(host_city=cast.home)
    url = reverse("business:event-open", args=[meeting.pk])
    assert url in client_for(cast.focal_point).get(reverse("business:events")).text
    assert url not in client_for(cast.other_focal_point).get(reverse("business:events")).text


# -- editing an event ---------------------------------------------------------------------


def test_the_organiser_edits_settings_and_adds_a_day_of_slots(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home, meeting__end_date=datetime.date(2030, 5, 9))
    add_slots(event, 2)
    url = reverse("business:event-edit", args=[event.pk])
    client = client_for(cast.focal_point)
    assert client.get(url).status_code == 200
    response = client.post(url, event_setup_post(tables="7", fairness="", first_day="2030-05-08"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.tables, event.fairness) == (7, None)
    assert event.slots.count() == 2 + 8


def test_editing_without_a_first_day_keeps_the_slots(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)
    url = reverse("business:event-edit", args=[event.pk])
    response = client_for(cast.focal_point).post(url, event_setup_post(first_day="", tables="5"))
    assert response.status_code == 302
    assert event.slots.count() == 2


def test_editing_refuses_overlapping_slots_and_writes_nothing(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)  # 9:00 and 10:00 on 6 May 2030
    url = reverse("business:event-edit", args=[event.pk])
    response = client_for(cast.focal_point).post(url, event_setup_post(tables="9"))
    assert response.status_code == 400
    assert "overlaps" in str(response.context["form"].errors["first_day"])
    event.refresh_from_db()
    assert event.tables == 3
    assert event.slots.count() == 2


def test_editing_names_no_tables_and_overlapping_slots_together(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)  # 9:00 and 10:00 on 6 May 2030
    url = reverse("business:event-edit", args=[event.pk])
    response = client_for(cast.focal_point).post(url, event_setup_post(tables="0"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"tables", "first_day"}
    assert "overlaps" in errors["first_day"][0]
    event.refresh_from_db()
    assert event.tables == 3
    assert event.slots.count() == 2


def test_editing_rejects_other_methods_and_other_cities(cast, client, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    url = reverse("business:event-edit", args=[event.pk])
    assert client_for(cast.focal_point).delete(url).status_code == 405
    assert client_for(cast.other_focal_point).post(url, event_setup_post()).status_code == 404
    assert client_for(cast.organisation_rep).get(url).status_code == 404
    assert client.get(url).url.startswith(reverse("accounts:login"))
    event.refresh_from_db()
    assert event.tables == 3
    assert not event.slots.exists()


# -- registering and marking unavailable slots --------------------------------------------


def test_a_rep_registers_and_marks_slots_on_the_grid(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    slots = add_slots(event, 4)
    url = reverse("business:availability", args=[event.pk])
    client = client_for(cast.organisation_rep)
    page = client.get(url)
    assert page.status_code == 200
    assert 'id="availability-grid"' in page.text
    response = client.post(url, {"unavailable": [slots[0].pk, slots[3].pk]})
    assert response.status_code == 302
    registration = event.registrations.get(organisation=cast.organisation_rep.organisation)
    assert set(registration.unavailable.all()) == {slots[0], slots[3]}
    assert "checked" in client.get(url).text
    assert client.post(url, {}).status_code == 302
    assert not registration.unavailable.exists()


def test_registering_with_the_button_says_so_and_what_comes_next(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)
    url = reverse("business:event-register", args=[event.pk])
    page = client_for(cast.organisation_rep).post(url, follow=True)
    organisation = cast.organisation_rep.organisation
    assert event.registrations.filter(organisation=organisation).exists()
    assert [str(m) for m in page.context["messages"]] == [
        f"{organisation} is registered. Mark the slots you cannot attend, then request meetings."
    ]


def test_a_registered_company_whose_name_ends_in_a_stop_reads_without_a_double_stop(
    cast, client_for
):
    event = EventFactory(meeting__host_city=cast.home)
    organisation = cast.organisation_rep.organisation
    organisation.name = "Hanoi Urban Energy Co."
    organisation.save()
    RegistrationFactory(event=event, organisation=organisation)
    url = reverse("business:availability", args=[event.pk])
    for language in ("en", "fil"):
        page = client_for(cast.organisation_rep).get(url + f"?hl={language}").text
        assert "Hanoi Urban Energy Co." in page
        assert "Co.." not in page, language


def test_availability_rejects_other_methods_and_strangers(cast, client, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    url = reverse("business:availability", args=[event.pk])
    assert client_for(cast.organisation_rep).put(url).status_code == 405
    assert client_for(cast.reader).get(url).status_code == 404
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client.get(url).url.startswith(reverse("accounts:login"))
    assert not event.registrations.exists()


def test_an_unrelated_rep_cannot_reach_another_registration(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    slot = add_slots(event, 1)[0]
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    url = reverse("business:availability", args=[event.pk]) + f"?registration={mine.pk}"
    client_for(_stranger_rep()).post(url, {"unavailable": [slot.pk]})
    assert not mine.unavailable.exists()
    assert (
        client_for(cast.other_focal_point).post(url, {"unavailable": [slot.pk]}).status_code == 404
    )
    assert not mine.unavailable.exists()


def test_the_organiser_marks_slots_for_a_registration(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    slot = add_slots(event, 1)[0]
    registration = RegistrationFactory(event=event)
    url = reverse("business:availability", args=[event.pk]) + f"?registration={registration.pk}"
    assert client_for(cast.focal_point).post(url, {"unavailable": [slot.pk]}).status_code == 302
    assert list(registration.unavailable.all()) == [slot]


def test_a_slot_of_another_event_is_a_field_error(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    foreign = add_slots(EventFactory(), 1)[0]
    url = reverse("business:availability", args=[event.pk])
    response = client_for(cast.organisation_rep).post(url, {"unavailable": [foreign.pk]})
    assert response.status_code == 400
    assert response.context["form"].errors["unavailable"]
    assert not event.registrations.exists()


def test_registering_after_the_deadline_is_refused(cast, client_for):
    event = EventFactory(
        meeting__host_city=cast.home,
        registration_deadline=timezone.now() - datetime.timedelta(days=1),
    )
    url = reverse("business:availability", args=[event.pk])
    response = client_for(cast.organisation_rep).post(url, {})
    assert response.status_code == 400
    assert "closed" in response.text
    assert not event.registrations.exists()


# -- fixing and ordering meetings ---------------------------------------------------------


def _two_requests(cast):
    event = EventFactory(meeting__host_city=cast.home)
    slots = add_slots(event, 3)
    a, b, c = (RegistrationFactory(event=event) for _ in range(3))
    first = MeetingRequest.objects.create(event=event, requester=a, invitee=b, status="accepted")
    second = MeetingRequest.objects.create(event=event, requester=b, invitee=c, status="accepted")
    return event, slots, first, second


def test_the_organiser_fixes_a_meeting_to_a_slot_and_unfixes_it(cast, client_for):
    event, slots, first, _second = _two_requests(cast)
    url = reverse("business:request-fix", args=[first.pk])
    client = client_for(cast.focal_point)
    assert client.get(url).status_code == 200
    assert client.post(url, {"fixed_slot": slots[1].pk}).status_code == 302
    first.refresh_from_db()
    assert first.fixed_slot == slots[1]
    assert client.post(url, {"fixed_slot": ""}).status_code == 302
    first.refresh_from_db()
    assert first.fixed_slot is None


def test_fixing_rejects_bad_slots_other_methods_and_strangers(cast, client, client_for):
    _event, slots, first, _second = _two_requests(cast)
    foreign = add_slots(EventFactory(), 1)[0]
    url = reverse("business:request-fix", args=[first.pk])
    response = client_for(cast.focal_point).post(url, {"fixed_slot": foreign.pk})
    assert response.status_code == 400
    assert response.context["form"].errors["fixed_slot"]
    assert client_for(cast.focal_point).put(url).status_code == 405
    assert (
        client_for(cast.other_focal_point).post(url, {"fixed_slot": slots[0].pk}).status_code == 404
    )
    assert (
        client_for(cast.organisation_rep).post(url, {"fixed_slot": slots[0].pk}).status_code == 404
    )
    assert client.post(url, {"fixed_slot": slots[0].pk}).url.startswith(reverse("accounts:login"))
    first.refresh_from_db()
    assert first.fixed_slot is None


def test_the_organiser_orders_one_meeting_after_another(cast, client_for):
    event, _slots, first, second = _two_requests(cast)
    client = client_for(cast.focal_point)
    url = reverse("business:request-after", args=[second.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"earlier": first.pk}).status_code == 302
    assert list(second.after.all()) == [first]
    page = client.get(event.get_absolute_url()).text
    assert reverse("business:request-fix", args=[first.pk]) in page
    assert reverse("business:request-after", args=[first.pk]) in page


def test_a_circular_order_is_a_field_error_and_changes_nothing(cast, client_for):
    _event, _slots, first, second = _two_requests(cast)
    second.after.add(first)
    url = reverse("business:request-after", args=[first.pk])
    response = client_for(cast.focal_point).post(url, {"earlier": second.pk})
    assert response.status_code == 400
    assert "circular" in str(response.context["form"].errors["earlier"])
    assert not first.after.exists()


def test_ordering_rejects_itself_other_methods_and_strangers(cast, client, client_for):
    _event, _slots, first, second = _two_requests(cast)
    url = reverse("business:request-after", args=[first.pk])
    response = client_for(cast.focal_point).post(
        url, {"earlier": first.pk}, HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert response.status_code == 400
    # Never offered, so forced: the reason, not "Select a valid choice".
    refused = response.context["form"].errors["earlier"]
    assert refused == ["同じイベントの別の面談を選んでください。"]
    page = client_for(cast.focal_point).get(url).text
    assert f'value="{first.pk}"' not in page
    assert client_for(cast.focal_point).patch(url).status_code == 405
    assert client_for(cast.other_focal_point).post(url, {"earlier": second.pk}).status_code == 404
    assert client_for(_stranger_rep()).post(url, {"earlier": second.pk}).status_code == 404
    assert client.post(url, {"earlier": second.pk}).url.startswith(reverse("accounts:login"))
    assert not first.after.exists()


# -- event page links ---------------------------------------------------------------------


def test_the_event_page_links_every_page(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    registration = RegistrationFactory(event=event)
    organiser_page = client_for(cast.focal_point).get(event.get_absolute_url()).text
    assert reverse("business:event-edit", args=[event.pk]) in organiser_page
    assert f"?registration={registration.pk}" in organiser_page
    rep_page = client_for(cast.organisation_rep).get(event.get_absolute_url()).text
    assert reverse("business:availability", args=[event.pk]) in rep_page
    assert reverse("business:event-edit", args=[event.pk]) not in rep_page


def test_a_reader_without_an_organisation_is_told_how_organisations_take_part(
    cast, client, client_for
):
    event = EventFactory(meeting__host_city=cast.home)
    how = 'id="how-to-take-part"'
    assert how in client_for(cast.expert).get(event.get_absolute_url()).text
    assert how in client.get(event.get_absolute_url()).text
    assert how not in client_for(cast.organisation_rep).get(event.get_absolute_url()).text
    assert how not in client_for(cast.focal_point).get(event.get_absolute_url()).text


# -- scheduler stages ---------------------------------------------------------------------


def test_a_run_shows_the_best_breaks_and_bound_while_the_solver_reports_them(cast, monkeypatch):
    event, _slots, _first, _second = _two_requests(cast)
    run = ScheduleRun.objects.create(event=event, time_limit=10)
    seen = []

    def fake_solve(instance, *, time_limit, workers, on_progress, on_placing):
        on_progress(3, 1)
        stored = ScheduleRun.objects.get(pk=run.pk)
        seen.append((stored.stage, stored.breaks, stored.lower_bound))
        return Result(status="optimal", breaks=2, lower_bound=2, seconds=0.1)

    monkeypatch.setattr(services, "solve", fake_solve)
    services.schedule_run_execute(run_id=run.pk)
    assert seen == [("proving", 3, 1)]
    run.refresh_from_db()
    assert (run.stage, run.status, run.breaks, run.lower_bound) == ("done", "optimal", 2, 2)


def test_a_solver_failure_is_recorded_with_its_reason(cast, monkeypatch):
    event, _slots, _first, _second = _two_requests(cast)
    run = ScheduleRun.objects.create(event=event, time_limit=10)

    def broken_solve(instance, **kwargs):
        raise RuntimeError("solver process died")

    monkeypatch.setattr(services, "solve", broken_solve)
    services.schedule_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.stage) == ("failed", "done")
    assert run.explanation == [{"code": "failed", "values": {"error": "solver process died"}}]
    assert run_explanation(run) == ["The scheduler stopped with an error: solver process died"]


def test_the_progress_partial_shows_the_stage_and_figures(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    run = ScheduleRun.objects.create(
        event=event, status="running", stage="proving", breaks=4, lower_bound=1
    )
    url = reverse("business:run-progress", args=[run.pk])
    response = client_for(cast.focal_point).get(url)
    assert response.status_code == 200
    assert 'aria-current="step"' in response.text
    assert "Improving and proving the bound" in response.text
    assert "hx-trigger" in response.text
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client_for(cast.focal_point).post(url).status_code == 405


def _requests_on_page(response) -> list[str]:
    """The requests the organiser sees on this page, as "requester – invitee"."""
    found = re.search(r'<ul class="requests">(.*?)</ul>', response.text, re.DOTALL)
    items = found.group(1).split("<li>")[1:] if found else []
    return [item.split(" · ", 1)[0].strip() for item in items]


def test_the_organiser_filters_requests_by_organisation_and_status(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    hanoi = RegistrationFactory(event=event, organisation__name="Hanoi Solar Works")
    seoul = RegistrationFactory(event=event, organisation__name="Seoul Grid Analytics")
    tokyo = RegistrationFactory(event=event, organisation__name="Tokyo Water Board")
    MeetingRequest.objects.create(event=event, requester=hanoi, invitee=seoul, status="accepted")
    MeetingRequest.objects.create(event=event, requester=tokyo, invitee=hanoi, status="pending")
    MeetingRequest.objects.create(event=event, requester=seoul, invitee=tokyo, status="declined")
    client = client_for(cast.focal_point)
    url = event.get_absolute_url()

    everything = client.get(url)
    assert _requests_on_page(everything) == [
        "Hanoi Solar Works – Seoul Grid Analytics",
        "Tokyo Water Board – Hanoi Solar Works",
        "Seoul Grid Analytics – Tokyo Water Board",
    ]
    counts = everything.text.split('class="request-counts"', 1)[1].split("</p>", 1)[0]
    assert "Accepted: 1" in counts and "Declined: 1" in counts

    # Either side of a request matches, every word must match, case does not matter.
    assert _requests_on_page(client.get(url, {"q": "hanoi"})) == [
        "Hanoi Solar Works – Seoul Grid Analytics",
        "Tokyo Water Board – Hanoi Solar Works",
    ]
    assert _requests_on_page(client.get(url, {"q": "hanoi", "status": "pending"})) == [
        "Tokyo Water Board – Hanoi Solar Works",
    ]
    nothing = client.get(url, {"q": "Jakarta"})
    assert _requests_on_page(nothing) == []
    assert "No request matches these filters." in nothing.text
    # An unknown status is ignored rather than hiding everything.
    assert len(_requests_on_page(client.get(url, {"status": "lost"}))) == 3
    # Only the organiser sees the list.
    assert 'id="requests"' not in client_for(cast.other_focal_point).get(url).text


def test_the_organiser_pages_through_many_requests_keeping_the_filter(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    host = RegistrationFactory(event=event, organisation__name="Anchor Host")
    for i in range(60):
        MeetingRequest.objects.create(
            event=event,
            requester=host,
            invitee=RegistrationFactory(event=event, organisation__name=f"Guest {i:02d}"),
            status="accepted" if i % 3 else "pending",
        )
    client = client_for(cast.focal_point)
    first = client.get(event.get_absolute_url(), {"status": "accepted"})
    assert len(_requests_on_page(first)) == 40  # 40 accepted, all on one page
    everything = client.get(event.get_absolute_url())
    assert len(_requests_on_page(everything)) == 50
    assert "Page 1 of 2" in everything.text
    second = client.get(event.get_absolute_url(), {"q": "guest", "page": 2})
    assert _requests_on_page(second) == [f"Anchor Host – Guest {i:02d}" for i in range(50, 60)]
    assert 'href="?q=guest&amp;page=1"' in second.text


def test_the_organiser_event_page_needs_no_query_per_request(
    cast, client_for, django_assert_max_num_queries
):
    event, _slots, first, second = _two_requests(cast)
    second.after.add(first)
    for _ in range(6):
        MeetingRequest.objects.create(
            event=event,
            requester=RegistrationFactory(event=event),
            invitee=RegistrationFactory(event=event),
        )
    client = client_for(cast.focal_point)
    with django_assert_max_num_queries(16):
        response = client.get(event.get_absolute_url())
    assert response.status_code == 200


# -- slots stay inside the event and apart from each other ---------------------------------


def _add_slot(client, event, **fields):
    data = {"day": "2030-05-06", "starts_at": "11:00", "ends_at": "11:30", "session": "morning"}
    return client.post(reverse("business:slot-create", args=[event.pk]), {**data, **fields})


def test_a_slot_overlapping_another_is_refused_on_its_start(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, count=2)  # 9:00–9:30 and 10:00–10:30 on 6 May 2030
    client = client_for(cast.focal_point)
    response = _add_slot(client, event, starts_at="09:15", ends_at="09:45")
    assert response.status_code == 400
    assert "overlaps the existing slot" in str(response.context["form"].errors["starts_at"])
    assert response.context["form"]["starts_at"].value() == "09:15"
    assert _add_slot(client, event, starts_at="09:30", ends_at="10:00").status_code == 302
    assert event.slots.count() == 3


@pytest.mark.parametrize("day", ["1900-01-01", "2030-05-05", "2030-05-08"])
def test_a_slot_outside_the_meeting_is_refused(cast, client_for, day):
    event = EventFactory(meeting__host_city=cast.home)  # the meeting runs 6–7 May 2030
    response = _add_slot(client_for(cast.focal_point), event, day=day)
    assert response.status_code == 400
    assert "outside the meeting (2030-05-06 to 2030-05-07)" in str(
        response.context["form"].errors["day"]
    )
    assert not event.slots.exists()


def test_a_meeting_without_dates_keeps_slots_in_its_year(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home, meeting__start_date=None,
                         meeting__end_date=None)  # fmt: skip
    client = client_for(cast.focal_point)
    assert _add_slot(client, event, day="1900-01-01").status_code == 400
    assert _add_slot(client, event, day="2030-11-02").status_code == 302


def test_generated_slots_past_the_meeting_are_refused(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    url = reverse("business:event-edit", args=[event.pk])
    response = client_for(cast.focal_point).post(url, event_setup_post(day_count="3"))
    assert response.status_code == 400
    assert "outside the meeting" in str(response.context["form"].errors["first_day"])
    assert not event.slots.exists()


def test_a_status_badge_keeps_the_search_words_and_starts_again_at_page_one(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    hanoi = RegistrationFactory(event=event, organisation__name="Hanoi Solar Works")
    seoul = RegistrationFactory(event=event, organisation__name="Seoul Grid Analytics")
    MeetingRequest.objects.create(event=event, requester=hanoi, invitee=seoul, status="pending")
    client = client_for(cast.focal_point)

    page = client.get(event.get_absolute_url(), {"q": "hanoi", "org_q": "solar", "page": 2})
    badges = page.text.split('class="request-counts"', 1)[1].split("</p>", 1)[0]
    assert 'href="?q=hanoi&amp;org_q=solar&amp;status=pending"' in badges
    assert "page=2" not in badges
    # Filtering through the form swaps the badges too, so their links follow the new words.
    assert 'hx-select-oob="#request-counts"' in page.text


def test_the_events_list_gives_each_events_dates_in_the_readers_language(cast, client_for):
    EventFactory(
        meeting__host_city=cast.home,
        meeting__start_date=datetime.date(2030, 4, 14),
        meeting__end_date=datetime.date(2030, 4, 15),
    )
    page = client_for(cast.focal_point).get(reverse("business:events") + "?hl=ru").text
    row = page.split('class="event-row"', 1)[1].split("</li>", 1)[0]
    # A trade fair is planned by its days, not its year alone.
    assert "14 апреля 2030" in row and "15 апреля 2030" in row
