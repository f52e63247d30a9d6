"""Registration for meetings: opening it, registering, deciding, cancelling, and the emails."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.accounts.models import User
from intercity.core.audit import save_with_audit
from intercity.core.mail import in_language_of
from intercity.core.queue import enqueue_on_commit
from intercity.core.services import (
    require,
    save_changes,
)
from intercity.meetings.models import (
    Attendee,
    Meeting,
    Registration,
)
from intercity.meetings.permissions import (
    can_cancel_registration,
    can_decide_registration,
    can_manage_registration,
    can_register,
    can_register_person,
    can_view_meeting,
)
from intercity.meetings.services import _attendee_add, _attendee_remove

NOTIFY_REGISTERED = "intercity.meetings.tasks.notify_registration_received"
NOTIFY_DECIDED = "intercity.meetings.tasks.notify_registration_decided"


@transaction.atomic
def meeting_registration_open(
    *,
    actor: Any,
    meeting: Meeting,
    opens_on: datetime.date,
    closes_on: datetime.date,
    places_per_city: int | None = None,
) -> list[str]:
    """Open registration from one day to another, both in the meeting's time zone, with an
    optional number of places for each city's delegation."""
    if actor is not None:
        require(can_manage_registration(actor, meeting))
    if meeting.is_over:
        raise ValidationError({NON_FIELD_ERRORS: _("The meeting is over or cancelled.")})
    data = {
        "registration_opens_on": opens_on,
        "registration_closes_on": closes_on,
        "places_per_city": places_per_city,
    }
    return save_changes(meeting, data, actor=actor, action="meetings.meeting.registration_opened")


@transaction.atomic
def meeting_registration_close(*, actor: Any, meeting: Meeting) -> list[str]:
    """Close registration; the registrations made stay as they are."""
    if actor is not None:
        require(can_manage_registration(actor, meeting))
    data = {"registration_opens_on": None, "registration_closes_on": None}
    return save_changes(meeting, data, actor=actor, action="meetings.meeting.registration_closed")


def registration_check_open(meeting: Meeting) -> None:
    """Raise the reason no one can register for the meeting now, if there is one."""
    if meeting.is_over:
        raise ValidationError({"meeting": _("The meeting is over or cancelled.")})
    if meeting.has_started:
        raise ValidationError({"meeting": _("The meeting has already started.")})
    if not meeting.registration_is_open:
        raise ValidationError({"meeting": _("Registration for this meeting is closed.")})


@transaction.atomic
def registration_create(
    *, actor: Any, meeting: Meeting, person: User, data: Mapping[str, Any]
) -> Registration:
    """Register a person for the meeting: themselves, or a person of a focal point's own
    city, or anyone for the meeting's managers. It waits for approval."""
    if actor is not None:
        if person.pk == actor.pk:
            require(can_register(actor, meeting))
        else:
            require(can_view_meeting(actor, meeting))
            if not can_register_person(actor, meeting, person):
                raise ValidationError({"person": _("You cannot register this person.")})
    # The meeting's row lock makes two registrations for the last place wait for each other.
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    registration_check_open(meeting)
    if (
        Registration.objects.filter(meeting=meeting, person=person)
        .exclude(status=Registration.Status.CANCELLED)
        .exists()
    ):
        raise ValidationError({"person": _("This person is already registered for the meeting.")})
    city_id = person.city_id if person.role != User.Role.ORGANISATION_REP else None
    if city_id is not None and meeting.places_per_city is not None:
        taken = Registration.objects.filter(
            meeting=meeting,
            city_id=city_id,
            status__in=[Registration.Status.PENDING, Registration.Status.APPROVED],
        ).count()
        if taken >= meeting.places_per_city:
            raise ValidationError(
                {
                    "city": _("The city's delegation has no place left: %(count)s registered.")
                    % {"count": taken}
                }
            )
    registration = Registration(
        meeting=meeting,
        person=person,
        city_id=city_id,
        position=data.get("position") or person.position,
        role=data.get("role") or Registration.Role.DELEGATE,
        needs_visa_letter=bool(data.get("needs_visa_letter")),
        note=(data.get("note") or "").strip(),
        registered_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            save_with_audit(registration, actor=actor, action="meetings.registration.created")
    except IntegrityError as error:
        raise ValidationError(
            {"person": _("This person is already registered for the meeting.")}
        ) from error
    enqueue_on_commit(NOTIFY_REGISTERED, registration.pk)
    return registration


def _locked(registration: Registration) -> Registration:
    return (
        # Only the registration's row: the city, absent for an organisation, is an outer join.
        Registration.objects.select_for_update(of=("self",))
        .select_related("meeting", "person", "city")
        .get(pk=registration.pk)
    )


def _attendee_role(registration: Registration) -> str:
    meeting = registration.meeting
    if registration.city_id and registration.city_id == meeting.host_city_id:
        return Attendee.Role.HOST
    if registration.role == Registration.Role.OBSERVER:
        return Attendee.Role.OBSERVER
    return Attendee.Role.DELEGATE


def _make_attendee(actor: Any, registration: Registration) -> Attendee:
    """The person as a participant: the one already listed under their account or name, or
    a new one added as every participant is."""
    meeting, person = registration.meeting, registration.person
    listed = (
        meeting.attendees.filter(user=person).first()
        or meeting.attendees.filter(name=registration.name, user__isnull=True).first()
    )
    if listed is not None:
        if listed.user_id is None:
            listed.user = person
            listed.save(update_fields=["user", "updated_at"])
        return listed
    data = {
        "name": registration.name,
        "position": registration.position,
        "city_id": registration.city_id,
        "user": person,
        "role": _attendee_role(registration),
    }
    return _attendee_add(actor, meeting, data)


@transaction.atomic
def registration_decide(*, actor: Any, registration: Registration, approve: bool) -> Registration:
    """Approve (the person becomes a participant of the meeting) or decline a registration
    waiting for a decision; either way the registrant is told."""
    registration = _locked(registration)
    if actor is not None:
        require(can_decide_registration(actor, registration))
    if not registration.is_pending:
        raise ValidationError({"status": _("This registration has already been decided.")})
    if approve:
        if registration.meeting.is_over:
            raise ValidationError({"meeting": _("The meeting is over or cancelled.")})
        registration.attendee = _make_attendee(actor, registration)
        registration.status = Registration.Status.APPROVED
    else:
        registration.status = Registration.Status.DECLINED
    registration.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    registration.decided_at = timezone.now()
    save_with_audit(
        registration, actor=actor, action=f"meetings.registration.{registration.status}"
    )
    enqueue_on_commit(NOTIFY_DECIDED, registration.pk)
    return registration


@transaction.atomic
def registration_cancel(*, actor: Any, registration: Registration) -> Registration:
    """The registrant (or whoever decides) withdraws before the meeting starts; an approved
    person leaves the participants. The record stays, cancelled."""
    registration = _locked(registration)
    if actor is not None:
        require(can_cancel_registration(actor, registration))
    if not registration.holds_place:
        raise ValidationError({"status": _("This registration is no longer active.")})
    if registration.meeting.has_started or registration.meeting.is_over:
        raise ValidationError({"meeting": _("The meeting has already started.")})
    if registration.attendee_id is not None:
        _attendee_remove(actor, registration.attendee)
        registration.attendee = None
    registration.status = Registration.Status.CANCELLED
    save_with_audit(registration, actor=actor, action="meetings.registration.cancelled")
    return registration


def _site_url(path: str) -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def registration_notify_received(*, registration_id: int) -> int:
    """Email the focal points of the registrant's city (the secretariat for a person who comes
    for an organisation), each in their own language."""
    registration = (
        Registration.objects.select_related("meeting", "person", "city")
        .filter(pk=registration_id, status=Registration.Status.PENDING)
        .first()
    )
    if registration is None:
        return 0
    if registration.city_id:
        people = User.objects.filter(
            role=User.Role.FOCAL_POINT, city_id=registration.city_id, is_active=True
        )
    else:
        people = User.objects.filter(role=User.Role.SECRETARIAT, is_active=True)
    people = people.exclude(email="").exclude(pk=registration.registered_by_id)
    url = _site_url(reverse("meetings:registrations", args=[registration.meeting.slug]))
    mails = []
    for person in people:
        with in_language_of(person):
            subject = _("New registration for %(meeting)s") % {
                "meeting": registration.meeting.label
            }
            body = _(
                "%(name)s registered for %(meeting)s and awaits approval.\n"
                "Approve or decline it: %(url)s"
            ) % {"name": registration.name, "meeting": registration.meeting.label, "url": url}
        mails.append((subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]))
    return send_mass_mail(mails, fail_silently=False) if mails else 0


def registration_notify_decided(*, registration_id: int) -> int:
    """Email the registrant the decision, in their own language."""
    registration = (
        Registration.objects.select_related("meeting", "person")
        .filter(
            pk=registration_id,
            status__in=[Registration.Status.APPROVED, Registration.Status.DECLINED],
        )
        .first()
    )
    if registration is None or not registration.person.email:
        return 0
    person, meeting = registration.person, registration.meeting
    url = _site_url(meeting.get_absolute_url())
    with in_language_of(person):
        if registration.status == Registration.Status.APPROVED:
            subject = _("Your registration for %(meeting)s is approved") % {
                "meeting": meeting.label
            }
            body = _("You are registered as a participant of %(meeting)s.\n%(url)s")
        else:
            subject = _("Your registration for %(meeting)s was declined") % {
                "meeting": meeting.label
            }
            body = _(
                "Your registration for %(meeting)s was declined. Your city's focal point "
                "or the secretariat can tell you more.\n%(url)s"
            )
        body = body % {"meeting": meeting.label, "url": url}
    mail = (subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    return send_mass_mail([mail], fail_silently=False)
