"""Business services: profiles, requests, the scheduler run, manual moves and publication."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from intercity.business import selectors, services
from intercity.business.models import MeetingRequest, ScheduleRun
from intercity.business.run_reasons import run_explanation
from intercity.business.scheduling.model import Assignment as Planned
from intercity.business.scheduling.validation import validate_schedule
from intercity.testing.business_factories import (
    EventFactory,
    ProfileFactory,
    RegistrationFactory,
    add_slots,
    sector,
)
from intercity.testing.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _rep(organisation):
    return UserFactory(role="organisation_rep", organisation=organisation, email="r@example.org")


def test_a_new_profile_is_hidden_until_its_focal_point_verifies_it(cast):
    organisation = cast.organisation_rep.organisation
    profile = services.profile_save(
        actor=cast.organisation_rep,
        organisation=organisation,
        data={"sector": sector("C"), "offers": "LED lamps"},
    )
    assert not selectors.directory().filter(pk=profile.pk).exists()
    with pytest.raises(PermissionDenied):
        services.profile_verify(actor=cast.other_focal_point, profile=profile)
    services.profile_verify(actor=cast.focal_point, profile=profile)
    assert selectors.directory().filter(pk=profile.pk).exists()


def test_a_representative_cannot_edit_another_organisations_profile(cast):
    other = ProfileFactory()
    with pytest.raises(PermissionDenied):
        services.profile_save(
            actor=cast.organisation_rep, organisation=other.organisation, data={"offers": "x"}
        )
    other.refresh_from_db()
    assert other.offers != "x"


def _event_with_two(cast):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 4)
    a = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    b = RegistrationFactory(event=event)
    return event, a, b


def test_only_the_invitee_answers_a_request(cast):
    event, a, b = _event_with_two(cast)
    request = services.meeting_request_create(actor=cast.organisation_rep, requester=a, invitee=b)
    with pytest.raises(PermissionDenied):
        services.meeting_request_answer(
            actor=cast.organisation_rep, meeting_request=request, accept=True
        )
    services.meeting_request_answer(
        actor=_rep(b.organisation), meeting_request=request, accept=True
    )
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED


def test_a_request_twice_or_with_itself_is_refused(cast):
    event, a, b = _event_with_two(cast)
    services.meeting_request_create(actor=cast.organisation_rep, requester=a, invitee=b)
    with pytest.raises(ValidationError):
        services.meeting_request_create(actor=cast.organisation_rep, requester=a, invitee=b)
    with pytest.raises(ValidationError):
        services.meeting_request_create(actor=cast.organisation_rep, requester=a, invitee=a)


def test_a_request_with_itself_is_refused_on_the_invitee(cast):
    _event, a, _b = _event_with_two(cast)
    with translation.override("ja"), pytest.raises(ValidationError) as refused:
        services.meeting_request_create(actor=cast.organisation_rep, requester=a, invitee=a)
    assert list(refused.value.message_dict) == ["invitee"]
    assert "itself" not in refused.value.message_dict["invitee"][0]
    assert not MeetingRequest.objects.exists()


def test_only_the_organiser_runs_the_scheduler(cast):
    event, _a, _b = _event_with_two(cast)
    for user in (cast.other_focal_point, cast.organisation_rep, cast.expert):
        with pytest.raises(PermissionDenied):
            services.schedule_run_request(actor=user, event=event)
    assert not event.runs.exists()


def _full_event(cast, meetings):
    event = EventFactory(meeting__host_city=cast.home, tables=2)
    slots = add_slots(event, 4)
    regs = {name: RegistrationFactory(event=event) for pair in meetings for name in pair}
    for x, y in meetings:
        MeetingRequest.objects.create(
            event=event, requester=regs[x], invitee=regs[y], status="accepted"
        )
    return event, slots, regs


def test_the_scheduler_task_stores_a_valid_optimal_schedule(
    cast, django_capture_on_commit_callbacks
):
    event, _slots, _regs = _full_event(cast, [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_request(actor=cast.focal_point, event=event, time_limit=5)
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.OPTIMAL
    assert run.breaks == run.lower_bound == 0
    report = services.run_validation(run)
    assert report.ok, report.problems
    assert run.assignments.count() == 4


def test_an_over_full_participant_is_explained_with_the_best_partial_schedule(
    cast, django_capture_on_commit_callbacks
):
    pairs = [("hub", f"p{i}") for i in range(5)]  # five meetings, four slots
    event, _slots, regs = _full_event(cast, pairs)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_request(actor=cast.secretariat, event=event, time_limit=5)
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.INFEASIBLE
    assert run.assignments.count() == 4
    # The organiser reads the organisation's name, not the key the scheduler was given.
    hub = regs["hub"].organisation.name
    lines = run_explanation(run)
    assert lines[0] == (
        f"{hub} has more meetings than available slots in the allowed sessions "
        "(meetings: 5, slots: 4)."
    )
    assert "The best partial schedule places 4 of 5 meetings" in lines[-1]
    with translation.override("ja"):
        in_japanese = run_explanation(run)
    assert hub in in_japanese[0] and in_japanese[0] != lines[0]


def test_a_manual_move_is_revalidated_and_a_clash_reported(
    cast, django_capture_on_commit_callbacks
):
    event, slots, _regs = _full_event(cast, [("a", "b"), ("a", "c")])
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_request(actor=cast.focal_point, event=event, time_limit=5)
    first, second = run.assignments.all()
    report = services.assignment_move(
        actor=cast.focal_point, assignment=second, slot=first.slot, table=2
    )
    assert not report.ok
    assert any("participant" in problem for problem in report.problems)
    run.refresh_from_db()
    assert run.problems
    with pytest.raises(ValidationError):
        services.schedule_publish(actor=cast.focal_point, run=run)


def test_publication_emails_each_participants_agenda(cast, django_capture_on_commit_callbacks):
    event, _slots, regs = _full_event(cast, [("a", "b")])
    for registration in regs.values():
        _rep(registration.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_request(actor=cast.focal_point, event=event, time_limit=5)
    run.refresh_from_db()
    assert services.schedule_publish(actor=cast.focal_point, run=run) == 2
    assert len(mail.outbox) == 2
    assert "table 1" in mail.outbox[0].body
    event.refresh_from_db()
    assert event.published_at is not None


def test_the_event_instance_passes_to_the_independent_validator(cast):
    event, slots, regs = _full_event(cast, [("a", "b")])
    regs["a"].unavailable.add(slots[0])
    instance = selectors.event_instance(event)
    (meeting,) = instance.meetings
    bad = [Planned(meeting.id, str(slots[0].pk), 1)]
    report = validate_schedule(instance, bad, fairness=2)
    assert any("unavailable" in problem for problem in report.problems)


def test_a_circular_order_is_refused(cast):
    event, _slots, _regs = _full_event(cast, [("a", "b"), ("c", "d")])
    first, second = event.requests.all()
    services.meeting_request_require_after(
        actor=cast.focal_point, meeting_request=second, earlier=first
    )
    with pytest.raises(ValidationError):
        services.meeting_request_require_after(
            actor=cast.focal_point, meeting_request=first, earlier=second
        )


def test_organisation_factory_is_usable_for_profiles():
    assert ProfileFactory(organisation=OrganisationFactory()).is_verified


def test_each_representative_reads_the_agenda_in_their_own_language(
    cast, django_capture_on_commit_callbacks
):
    from django.utils import translation

    event, _slots, regs = _full_event(cast, [("a", "b")])
    UserFactory(role="organisation_rep", organisation=regs["a"].organisation,
                email="ko@example.org", language="ko")  # fmt: skip
    UserFactory(role="organisation_rep", organisation=regs["b"].organisation,
                email="en@example.org", language="en")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_request(actor=cast.focal_point, event=event, time_limit=5)
    run.refresh_from_db()
    services.schedule_publish(actor=cast.focal_point, run=run)
    by_address = {m.to[0]: m for m in mail.outbox}
    with translation.override("ko"):
        subject = translation.gettext("Your meetings at %(event)s") % {"event": event.meeting.title}
        table = translation.gettext("table")
    assert table != "table", "no Korean translation"
    assert by_address["ko@example.org"].subject == subject
    assert f"{table} 1" in by_address["ko@example.org"].body
    assert "table 1" in by_address["en@example.org"].body
