"""Emails about the published schedule: each participant's agenda, and the meetings moved after."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from intercity.accounts.models import User
from intercity.business.models import Assignment, Registration, ScheduleRun, Slot
from intercity.business.selectors import AgendaItem, agenda_of
from intercity.core.mail import in_language_of


def _agenda_lines(agenda: list[AgendaItem]) -> list[str]:
    """One line per meeting, written in the active language."""
    return [f"{item.slot} · {_('table')} {item.table} · {item.counterpart}" for item in agenda]


def _readers(registration: Registration):
    """The organisation's representatives who can be emailed."""
    return registration.organisation.representatives.exclude(email="")


def move_readers(assignment: Assignment):
    """Who hears of a move of the meeting: both organisations' representatives with an email."""
    request = assignment.request
    return User.objects.filter(
        organisation_id__in=[request.requester.organisation_id, request.invitee.organisation_id]
    ).exclude(email="")


def agenda_mails(run: ScheduleRun) -> list[tuple]:
    """Each representative's agenda from the run, in their own language."""
    event = run.event
    mails = []
    for registration in event.registrations.select_related("organisation"):
        agenda = agenda_of(registration, run=run)
        if not agenda:
            continue
        for person in _readers(registration):
            with in_language_of(person):
                subject = _("Your meetings at %(event)s") % {"event": event.meeting.label}
                body = "\n".join(_agenda_lines(agenda))
            mails.append((subject, body, None, [person.email]))
    return mails


def meeting_moved_notify(*, assignment_id: int, old_slot_id: int, old_table: int) -> int:
    """Email both organisations of a meeting moved on the published schedule what changed,
    with their updated agenda, each representative in their own language."""
    assignment = (
        Assignment.objects.select_related(
            "run__event__meeting",
            "slot",
            "request__requester__organisation",
            "request__invitee__organisation",
        )
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or assignment.run.event.published_run_id != assignment.run_id:
        return 0  # the run was replaced before the mail went out: its agenda is not theirs
    run, request = assignment.run, assignment.request
    event = run.event
    old_slot = Slot.objects.filter(pk=old_slot_id).first()
    url = getattr(settings, "SITE_URL", "").rstrip("/") + reverse(
        "business:agenda", args=[event.pk]
    )
    mails = []
    for registration, counterpart in (
        (request.requester, request.invitee.organisation),
        (request.invitee, request.requester.organisation),
    ):
        agenda = agenda_of(registration, run=run)
        for person in _readers(registration):
            with in_language_of(person):
                subject = _("A meeting at %(event)s has moved") % {"event": event.meeting.label}
                changed = _(
                    "Your meeting with %(counterpart)s has moved.\n"
                    "Before: %(old_slot)s · table %(old_table)s\n"
                    "Now: %(new_slot)s · table %(new_table)s"
                ) % {
                    "counterpart": counterpart,
                    "old_slot": old_slot if old_slot is not None else "—",
                    "old_table": old_table,
                    "new_slot": assignment.slot,
                    "new_table": assignment.table,
                }
                lines = [
                    changed,
                    "",
                    _("Your updated agenda:"),
                    *_agenda_lines(agenda),
                    "",
                    url,
                ]
            mails.append((subject, "\n".join(lines), None, [person.email]))
    return send_mass_mail(mails, fail_silently=False) if mails else 0
