"""Writes to meetings, their participating cities, sessions, attendees and documents."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from intercity.accounts.models import User
from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.core import filetypes
from intercity.core.audit import detail_name, record_m2m_change, save_with_audit
from intercity.core.history import city_changes_detail
from intercity.core.mail import in_language_of
from intercity.core.queue import enqueue_on_commit
from intercity.core.services import (
    apply_changes,
    create_with_audit,
    delete_with_audit,
    require,
    save_changes,
)
from intercity.meetings.models import (
    Attendee,
    Meeting,
    MeetingCity,
    MeetingDocument,
    Registration,
    Session,
)
from intercity.meetings.permissions import (
    can_cancel_registration,
    can_create_meeting,
    can_decide_registration,
    can_delete_meeting,
    can_edit_meeting,
    can_manage_plenary_series,
    can_manage_registration,
    can_register,
    can_register_person,
    can_view_meeting,
)

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def _check_host(actor: Any, host_city) -> None:
    if actor is None or is_secretariat(actor):
        return
    if host_city is None or host_city.pk != focal_city_id(actor):
        raise ValidationError({"host_city": _("You can only record meetings your city hosts.")})


def _check_plenary(actor: Any, data: Mapping[str, Any], meeting: Meeting | None = None) -> None:
    """The plenary series is the secretariat's: a host city's focal point records and edits
    its other meetings, and the logistics of a plenary it hosts, but does not open a
    plenary, number it, or turn one into another kind of meeting."""
    if actor is None or can_manage_plenary_series(actor):
        return
    plenary = Meeting.Kind.PLENARY
    was_plenary = meeting is not None and meeting.kind == plenary
    kind = data.get("kind", meeting.kind if meeting is not None else None)
    if (kind == plenary) != was_plenary:
        raise ValidationError(
            {"kind": _("Only the secretariat opens a plenary meeting or changes its kind.")}
        )
    if was_plenary and "ordinal" in data and data["ordinal"] != meeting.ordinal:
        raise ValidationError({"ordinal": _("Only the secretariat numbers the plenary meetings.")})


@transaction.atomic
def _with_time_zone(data: Mapping[str, Any], host=None) -> dict[str, Any]:
    """A meeting recorded without a time zone is held in its host city's."""
    data = dict(data)
    if "time_zone" in data and data["time_zone"]:
        return data
    host = data.get("host_city", host)
    if host is not None:
        data["time_zone"] = host.time_zone
    elif "time_zone" in data:
        del data["time_zone"]  # the model's default
    return data


def meeting_create(
    *, actor: Any, data: Mapping[str, Any], cities: Mapping[Any, str] | None = None
) -> Meeting:
    data = _with_time_zone(data)
    if actor is not None:
        require(can_create_meeting(actor))
        _check_host(actor, data.get("host_city"))
        _check_plenary(actor, data)
    meeting = create_with_audit(Meeting, data, actor=actor, action="meetings.meeting.created")
    if meeting.host_city_id:
        MeetingCity.objects.create(
            meeting=meeting, city_id=meeting.host_city_id, role=MeetingCity.Role.HOST
        )
    if cities:
        meeting_set_cities(actor=actor, meeting=meeting, roles=cities)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor: Any,
    meeting: Meeting,
    data: Mapping[str, Any],
    cities: Mapping[Any, str] | None = None,
) -> list[str]:
    if "time_zone" in data:
        data = _with_time_zone(data, meeting.host_city)
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
        if "host_city" in data:
            _check_host(actor, data["host_city"])
        _check_plenary(actor, data, meeting)
    old_host = meeting.host_city_id
    changed = save_changes(meeting, data, actor=actor, action="meetings.meeting.updated")
    if "host_city" in changed and meeting.host_city_id:
        MeetingCity.objects.filter(meeting=meeting, city_id=old_host, role="host").delete()
        MeetingCity.objects.update_or_create(
            meeting=meeting, city_id=meeting.host_city_id, defaults={"role": "host"}
        )
    if cities is not None and meeting_set_cities(actor=actor, meeting=meeting, roles=cities):
        changed.append("cities")
    return changed


@transaction.atomic
def meeting_delete(*, actor: Any, meeting: Meeting) -> None:
    if actor is not None:
        require(can_delete_meeting(actor, meeting))
    delete_with_audit(meeting, actor=actor, action="meetings.meeting.deleted")


@transaction.atomic
def meeting_set_cities(
    *, actor: Any, meeting: Meeting, roles: Mapping[Any, str], source: tuple[str, str] = ("", "")
) -> bool:
    """Make the meeting's participating cities exactly `roles` (city → role), host kept."""
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    wanted = {city.pk: role for city, role in roles.items()}
    if meeting.host_city_id:
        wanted[meeting.host_city_id] = MeetingCity.Role.HOST
    current = {row.city_id: row for row in meeting.city_roles.all()}
    added: dict[int, str] = {}
    changed: dict[int, str] = {}
    removed: list[int] = []
    for city_id, row in current.items():
        if city_id not in wanted:
            row.delete()
            removed.append(city_id)
    for city_id, role in wanted.items():
        row = current.get(city_id)
        if row is None:
            row = MeetingCity(meeting=meeting, city_id=city_id, role=role)
            row.source_document, row.source_locator = source
            row.full_clean()
            row.save()
            added[city_id] = role
        elif row.role != role:
            row.role = role
            row.save(update_fields=["role", "updated_at"])
            changed[city_id] = role
    detail = city_changes_detail(added=added, removed=removed, changed=changed)
    if detail:
        record_m2m_change(
            meeting, actor=actor, action="meetings.meeting.cities_changed", detail=detail
        )
    return bool(detail)


@transaction.atomic
def session_create(*, actor: Any, meeting: Meeting, data: Mapping[str, Any]) -> Session:
    """Add an agenda item. Items may share a title (two coffee breaks): each is its own."""
    require(can_edit_meeting(actor, meeting))
    return _session_add(actor, meeting, data)


def _session_add(actor: Any, meeting: Meeting, data: Mapping[str, Any]) -> Session:
    session = Session(meeting=meeting, **data)
    session.full_clean()
    session.save()
    record_m2m_change(
        meeting,
        actor=actor,
        action="meetings.session.created",
        detail={"id": session.pk, "name": detail_name(session.title)},
    )
    return session


@transaction.atomic
def session_upsert(*, actor: Any, meeting: Meeting, title: str, data: Mapping[str, Any]) -> Session:
    """Create the agenda item with this title, or bring its fields up to date: for loading a
    dataset again. People adding items use session_create."""
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    session = meeting.sessions.filter(title=title).first()
    if session is None:
        return _session_add(actor, meeting, {"title": title, **data})
    if apply_changes(session, data):
        session.full_clean()
        session.save()
    return session


@transaction.atomic
def attendee_upsert(
    *, actor: Any, meeting: Meeting, name: str, data: Mapping[str, Any]
) -> Attendee:
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    attendee, created = Attendee.objects.get_or_create(
        meeting=meeting, name=name, defaults=dict(data)
    )
    if not created and apply_changes(attendee, data):
        attendee.full_clean()
        attendee.save()
    elif created:
        record_m2m_change(
            meeting,
            actor=actor,
            action="meetings.attendee.added",
            detail={"id": attendee.pk, "name": detail_name(attendee.name)},
        )
    return attendee


@transaction.atomic
def attendee_add(*, actor: Any, meeting: Meeting, data: Mapping[str, Any]) -> Attendee:
    """Record a person at the meeting; one name appears once."""
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    return _attendee_add(actor, meeting, data)


def _attendee_add(actor: Any, meeting: Meeting, data: Mapping[str, Any]) -> Attendee:
    """The write of attendee_add, for callers that checked their own rule (an approved
    registration), so the meeting's history tells every new participant the same way."""
    if meeting.attendees.filter(name=data.get("name", "")).exists():
        raise ValidationError({"name": _("This person is already listed for the meeting.")})
    attendee = Attendee(meeting=meeting, **data)
    attendee.full_clean()
    attendee.save()
    record_m2m_change(
        meeting,
        actor=actor,
        action="meetings.attendee.added",
        detail={"id": attendee.pk, "name": detail_name(attendee.name)},
    )
    return attendee


@transaction.atomic
def attendee_remove(*, actor: Any, attendee: Attendee) -> None:
    meeting = attendee.meeting
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    _attendee_remove(actor, attendee)


def _attendee_remove(actor: Any, attendee: Attendee) -> None:
    meeting = attendee.meeting
    name = attendee.name
    attendee.delete()
    record_m2m_change(
        meeting, actor=actor, action="meetings.attendee.removed", detail={"name": detail_name(name)}
    )


@transaction.atomic
def document_add(
    *, actor: Any, meeting: Meeting, data: Mapping[str, Any], upload: tuple[str, bytes] | None
) -> MeetingDocument:
    """Add a document by link or by a file whose content is a PDF, DOCX or image."""
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    document = MeetingDocument(meeting=meeting, **data)
    if upload is None and not document.url:
        raise ValidationError({"file": _("Upload a file or give a link.")})
    if upload is not None:
        name, content = upload
        if len(content) > MAX_DOCUMENT_BYTES:
            raise ValidationError({"file": _("The file is larger than 20 MB.")})
        content_type = filetypes.detect_type(content) if content else None
        if content_type is None:
            raise ValidationError(
                {"file": _("Only PDF, Word (DOCX) and image files (PNG, JPEG, GIF, WebP).")}
            )
        stem = slugify((name.rsplit(".", 1)[0] or "document")[:60]) or "document"
        document.file.save(
            f"{stem}.{filetypes.EXTENSIONS[content_type]}", ContentFile(content), save=False
        )
    document.full_clean()
    document.save()
    record_m2m_change(
        meeting,
        actor=actor,
        action="meetings.document.added",
        detail={"id": document.pk, "name": detail_name(document.title)},
    )
    return document


@transaction.atomic
def document_remove(*, actor: Any, document: MeetingDocument) -> None:
    meeting = document.meeting
    if actor is not None:
        require(can_edit_meeting(actor, meeting))
    title = document.title
    if document.file:
        document.file.delete(save=False)
    document.delete()
    record_m2m_change(
        meeting,
        actor=actor,
        action="meetings.document.removed",
        detail={"name": detail_name(title)},
    )


# Registration ---------------------------------------------------------------------------------

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
                "meeting": registration.meeting.title
            }
            body = _(
                "%(name)s registered for %(meeting)s and awaits approval.\n"
                "Approve or decline it: %(url)s"
            ) % {"name": registration.name, "meeting": registration.meeting.title, "url": url}
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
                "meeting": meeting.title
            }
            body = _("You are registered as a participant of %(meeting)s.\n%(url)s")
        else:
            subject = _("Your registration for %(meeting)s was declined") % {
                "meeting": meeting.title
            }
            body = _(
                "Your registration for %(meeting)s was declined. Your city's focal point "
                "or the secretariat can tell you more.\n%(url)s"
            )
        body = body % {"meeting": meeting.title, "url": url}
    mail = (subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    return send_mass_mail([mail], fail_silently=False)
