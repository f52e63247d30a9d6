"""Every write of the business app: profiles, opportunities, events, requests and schedules."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.business import permissions as rules
from intercity.business.models import (
    Assignment,
    Event,
    MeetingRequest,
    Opportunity,
    Profile,
    Registration,
    ScheduleRun,
    Slot,
    SuggestionMark,
    validate_request_note,
)
from intercity.business.run_progress import placing_recorder, progress_recorder, run_stage
from intercity.business.run_reasons import run_problems
from intercity.business.schedule_mail import agenda_mails
from intercity.business.scheduling.model import Assignment as PlannedMeeting
from intercity.business.scheduling.solver import solve
from intercity.business.scheduling.validation import validate_schedule
from intercity.business.selectors import event_instance
from intercity.core.audit import detail_name, record_m2m_change, save_with_audit
from intercity.core.queue import enqueue_on_commit
from intercity.core.services import (
    create_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    with_changes,
)

# Background tasks import this module, so they are named, not imported.
RUN_SCHEDULER = "intercity.business.tasks.run_scheduler"
NOTIFY_MOVED = "intercity.business.tasks.notify_meeting_moved"


@transaction.atomic
def profile_save(*, actor: Any, organisation, data: Mapping[str, Any]) -> Profile:
    """Create or update an organisation's profile; any change needs verifying again."""
    require(rules.can_edit_profile(actor, organisation))
    profile = Profile.objects.filter(organisation=organisation).first()
    if profile is None:
        return create_with_audit(
            Profile,
            {**data, "organisation": organisation},
            actor=actor,
            action="business.profile.created",
        )
    changed = save_changes(profile, data, actor=actor, action="business.profile.updated")
    if changed and profile.is_verified and not rules.can_verify_profile(actor, profile):
        profile.is_verified = False
        save_with_audit(profile, actor=actor, action="business.profile.unverified")
    return profile


@transaction.atomic
def profile_verify(*, actor: Any, profile: Profile, verified: bool = True) -> Profile:
    require(rules.can_verify_profile(actor, profile))
    profile.is_verified = verified
    profile.verified_by = actor if verified else None
    save_with_audit(profile, actor=actor, action="business.profile.verified")
    return profile


def _closing_date_errors(expires_on, status) -> dict[str, str]:
    """A closing date already past would hide an open opportunity the moment it is saved."""
    if status != Opportunity.Status.OPEN:
        return {}
    if expires_on is not None and expires_on < timezone.localdate():
        return {"expires_on": _("This date is past: the opportunity would not be shown to anyone.")}
    return {}


@transaction.atomic
def opportunity_create(*, actor: Any, organisation, data: Mapping[str, Any]) -> Opportunity:
    require(rules.can_create_opportunity(actor, organisation))
    data = {**data, "organisation": organisation}
    errors = _closing_date_errors(
        data.get("expires_on"), data.get("status", Opportunity.Status.OPEN)
    )
    refuse_with_record_errors(errors, Opportunity(**data))
    return create_with_audit(Opportunity, data, actor=actor, action="business.opportunity.created")


@transaction.atomic
def opportunity_update(
    *, actor: Any, opportunity: Opportunity, data: Mapping[str, Any]
) -> list[str]:
    require(rules.can_edit_opportunity(actor, opportunity))
    # An opportunity whose date has passed may still be edited; a new date is checked, and
    # so is the old one when the opportunity is opened again.
    expires_on = data.get("expires_on", opportunity.expires_on)
    status = data.get("status", opportunity.status)
    if expires_on != opportunity.expires_on or status != opportunity.status:
        errors = _closing_date_errors(expires_on, status)
        refuse_with_record_errors(errors, with_changes(opportunity, data))
    return save_changes(opportunity, data, actor=actor, action="business.opportunity.updated")


@transaction.atomic
def suggestion_mark(
    *, actor: Any, organisation, counterpart, state: str, message: str = ""
) -> SuggestionMark:
    require(rules.can_mark_suggestion(actor, organisation))
    if counterpart.pk == organisation.pk:
        raise ValidationError(_("An organisation cannot be its own counterpart."))
    mark, _created = SuggestionMark.objects.update_or_create(
        organisation=organisation,
        counterpart=counterpart,
        defaults={"state": state, "message": message},
    )
    mark.full_clean()
    return mark


def _before_deadline(deadline, message: str) -> None:
    if deadline is not None and timezone.now() > deadline:
        raise ValidationError(message)


@transaction.atomic
def registration_create(*, actor: Any, event: Event, organisation) -> Registration:
    require(rules.can_register_for_event(actor, event, organisation))
    if not rules.can_organise_event(actor, event):
        _before_deadline(event.registration_deadline, _("Registration has closed."))
    registration, _created = Registration.objects.get_or_create(
        event=event, organisation=organisation
    )
    return registration


@transaction.atomic
def registration_set_unavailable(*, actor: Any, registration: Registration, slots) -> None:
    require(rules.can_view_agenda(actor, registration))
    slots = list(slots)
    if any(slot.event_id != registration.event_id for slot in slots):
        raise ValidationError(_("Those slots belong to another event."))
    registration.unavailable.set(slots)


@transaction.atomic
def meeting_request_create(
    *,
    actor: Any,
    requester: Registration,
    invitee: Registration,
    note: str = "",
    session: str = "either",
) -> MeetingRequest:
    require(rules.can_request_meeting(actor, requester))
    event = requester.event
    if invitee.pk == requester.pk:
        raise ValidationError(
            {"invitee": _("An organisation cannot request a meeting with itself.")}
        )
    if invitee.event_id != event.pk:
        raise ValidationError(_("Both organisations must be registered for the same event."))
    _before_deadline(event.request_deadline, _("Meeting requests have closed."))
    try:
        validate_request_note(note)
    except ValidationError as error:
        raise ValidationError({"note": error.error_list}) from error
    if (
        MeetingRequest.objects.filter(event=event, requester=invitee, invitee=requester).exists()
        or MeetingRequest.objects.filter(event=event, requester=requester, invitee=invitee).exists()
    ):
        raise ValidationError(
            {"invitee": _("A meeting between these organisations was already requested.")}
        )
    return create_with_audit(
        MeetingRequest,
        {
            "event": event,
            "requester": requester,
            "invitee": invitee,
            "note": note,
            "session": session,
        },
        actor=actor,
        action="business.meeting_request.created",
    )


@transaction.atomic
def meeting_request_answer(
    *, actor: Any, meeting_request: MeetingRequest, accept: bool
) -> MeetingRequest:
    require(rules.can_answer_meeting_request(actor, meeting_request))
    meeting_request.status = (
        MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
    )
    save_with_audit(meeting_request, actor=actor, action="business.meeting_request.answered")
    return meeting_request


@transaction.atomic
def meeting_request_fix(
    *, actor: Any, meeting_request: MeetingRequest, slot: Slot | None
) -> MeetingRequest:
    require(rules.can_organise_event(actor, meeting_request.event))
    if slot is not None and slot.event_id != meeting_request.event_id:
        raise ValidationError({"fixed_slot": _("That slot belongs to another event.")})
    meeting_request.fixed_slot = slot
    save_with_audit(meeting_request, actor=actor, action="business.meeting_request.fixed")
    return meeting_request


@transaction.atomic
def meeting_request_require_after(
    *, actor: Any, meeting_request: MeetingRequest, earlier: MeetingRequest
) -> None:
    """Require `meeting_request` to take place in a later slot than `earlier`."""
    require(rules.can_organise_event(actor, meeting_request.event))
    if earlier.event_id != meeting_request.event_id or earlier.pk == meeting_request.pk:
        raise ValidationError({"earlier": _("Choose another meeting of the same event.")})
    if _comes_after(earlier, meeting_request):
        raise ValidationError(
            {"earlier": _("That order would be circular: it contradicts one already required.")}
        )
    meeting_request.after.add(earlier)


def _comes_after(later: MeetingRequest, earlier: MeetingRequest) -> bool:
    """Does `later` already (transitively) have to come after `earlier`?"""
    pending, seen = [later], set()
    while pending:
        current = pending.pop()
        for before in current.after.all():
            if before.pk == earlier.pk:
                return True
            if before.pk not in seen:
                seen.add(before.pk)
                pending.append(before)
    return False


# -- scheduling --------------------------------------------------------------------------


# How long an organiser may let one scheduler run search, in seconds.
MIN_RUN_SECONDS = 5
MAX_RUN_SECONDS = 600


@transaction.atomic
def schedule_run_request(*, actor: Any, event: Event, time_limit: int = 30) -> ScheduleRun:
    """Queue a scheduler run; the background task does the work."""
    require(rules.can_organise_event(actor, event))
    if not MIN_RUN_SECONDS <= time_limit <= MAX_RUN_SECONDS:
        raise ValidationError(
            {
                "time_limit": _("Give between %(low)s and %(high)s seconds.")
                % {"low": MIN_RUN_SECONDS, "high": MAX_RUN_SECONDS}
            }
        )
    if not event.slots.exists():
        raise ValidationError(_("Add time slots before scheduling."))
    if not event.requests.filter(status=MeetingRequest.Status.ACCEPTED).exists():
        raise ValidationError(_("No meeting is accepted yet: there is nothing to schedule."))
    run = ScheduleRun.objects.create(event=event, requested_by=actor, time_limit=time_limit)
    enqueue_on_commit(RUN_SCHEDULER, run.pk)
    return run


def schedule_run_execute(*, run_id: int) -> ScheduleRun:
    """Solve the event's instance and store the result (called by the background task).

    The best schedule's breaks and the proven lower bound are stored on the run as the
    solver finds them; it stops as soon as they meet.
    """
    run = ScheduleRun.objects.select_related("event__meeting").get(pk=run_id)
    run.status = ScheduleRun.Status.RUNNING
    run_stage(run, ScheduleRun.Stage.BUILDING, 5, status=run.status, started_at=timezone.now())
    instance = event_instance(run.event)
    started = time.monotonic()
    try:
        run_stage(run, ScheduleRun.Stage.SEARCHING, 20)
        result = solve(
            instance,
            time_limit=max(1.0, float(run.time_limit)),
            workers=2,
            on_progress=progress_recorder(run),
            on_placing=placing_recorder(run),
        )
    except Exception as error:  # noqa: BLE001 - any solver failure is recorded on the run
        run.status = ScheduleRun.Status.FAILED
        run.explanation = [{"code": "failed", "values": {"error": str(error)}}]
        run_stage(run, ScheduleRun.Stage.DONE, 100, status=run.status, explanation=run.explanation)
        return run
    with transaction.atomic():
        run.status = result.status
        run.breaks = result.breaks
        run.lower_bound = result.lower_bound
        run.seconds = round(time.monotonic() - started, 2)
        run.explanation = [reason.as_dict() for reason in result.explanation]
        run.stage, run.progress = ScheduleRun.Stage.DONE, 100
        run.save()
        Assignment.objects.bulk_create(
            Assignment(
                run=run,
                request_id=int(a.meeting),
                slot_id=int(a.slot),
                table=a.table,
            )
            for a in result.assignments
        )
    return run


def run_validation(run: ScheduleRun):
    """The independent validator's report on a run's (possibly edited) assignments."""
    instance = event_instance(run.event)
    planned = [
        PlannedMeeting(str(a.request_id), str(a.slot_id), a.table) for a in run.assignments.all()
    ]
    return validate_schedule(
        instance,
        planned,
        fairness=run.event.fairness,
        allow_unplaced=run.status == ScheduleRun.Status.INFEASIBLE,
    )


@transaction.atomic
def assignment_move(*, actor: Any, assignment: Assignment, slot: Slot, table: int):
    """Move one meeting by hand, then re-check the whole schedule with the validator."""
    run = assignment.run
    require(rules.can_organise_event(actor, run.event))
    if slot.event_id != run.event_id:
        raise ValidationError({"slot": _("That slot belongs to another event.")})
    before = (assignment.slot_id, assignment.table)
    assignment.slot, assignment.table = slot, table
    assignment.save(update_fields=["slot", "table"])
    report = run_validation(run)
    if not report.ok and run.event.published_run_id == run.pk:
        # Participants read the published schedule as their agenda: it never breaks rules.
        raise ValidationError(
            {
                "slot": [
                    _("The schedule is published; this move would break its rules:"),
                    *run_problems(run, report.problems),
                ]
            }
        )
    run.breaks = report.total_breaks
    run.problems = list(report.problems)
    if report.total_breaks > run.lower_bound and run.status == ScheduleRun.Status.OPTIMAL:
        run.status = ScheduleRun.Status.FEASIBLE
    run.save(update_fields=["breaks", "problems", "status", "updated_at"])
    if move_is_announced(run, before, (slot.pk, table)):
        record_m2m_change(
            run.event,
            actor=actor,
            action="business.event.meeting_moved",
            detail={"name": detail_name(str(assignment.request))},
        )
        enqueue_on_commit(NOTIFY_MOVED, assignment.pk, *before)
    return report


def move_is_announced(run: ScheduleRun, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A meeting moved on the published schedule changes the agendas participants were sent:
    both organisations are emailed."""
    return run.event.published_run_id == run.pk and before != after


@transaction.atomic
def schedule_publish(*, actor: Any, run: ScheduleRun) -> int:
    """Publish a valid schedule and email each participant's representatives their agenda."""
    event = run.event
    require(rules.can_publish_run(actor, run))
    if not run.is_finished or run.problems or not run.assignments.exists():
        raise ValidationError(_("Only a finished schedule that passes every check is published."))
    event.published_at = timezone.now()
    event.published_run = run
    save_with_audit(event, actor=actor, action="business.event.schedule_published")
    mails = agenda_mails(run)
    send_mass_mail(mails, fail_silently=False)
    return len(mails)
