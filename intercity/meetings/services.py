"""Writes to meetings, their participating cities, sessions, attendees and documents."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.core import filetypes
from intercity.core.audit import detail_name, record_m2m_change
from intercity.core.history import city_changes_detail
from intercity.core.services import (
    apply_changes,
    create_with_audit,
    delete_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    with_changes,
)
from intercity.meetings.models import (
    Attendee,
    Meeting,
    MeetingCity,
    MeetingDocument,
    Session,
)
from intercity.meetings.permissions import (
    can_create_meeting,
    can_delete_meeting,
    can_edit_meeting,
    can_manage_plenary_series,
)

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def _host_errors(actor: Any, host_city) -> dict[str, str]:
    if actor is None or is_secretariat(actor):
        return {}
    if host_city is None or host_city.pk != focal_city_id(actor):
        return {"host_city": _("You can only record meetings your city hosts.")}
    return {}


def _plenary_errors(
    actor: Any, data: Mapping[str, Any], meeting: Meeting | None = None
) -> dict[str, str]:
    """The plenary series is the secretariat's: a host city's focal point records and edits
    its other meetings, and the logistics of a plenary it hosts, but does not open a
    plenary, number it, or turn one into another kind of meeting."""
    if actor is None or can_manage_plenary_series(actor):
        return {}
    errors = {}
    plenary = Meeting.Kind.PLENARY
    was_plenary = meeting is not None and meeting.kind == plenary
    kind = data.get("kind", meeting.kind if meeting is not None else None)
    if (kind == plenary) != was_plenary:
        errors["kind"] = _("Only the secretariat opens a plenary meeting or changes its kind.")
    if was_plenary and "ordinal" in data and data["ordinal"] != meeting.ordinal:
        errors["ordinal"] = _("Only the secretariat numbers the plenary meetings.")
    return errors


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


@transaction.atomic
def meeting_create(
    *, actor: Any, data: Mapping[str, Any], cities: Mapping[Any, str] | None = None
) -> Meeting:
    data = _with_time_zone(data)
    if actor is not None:
        require(can_create_meeting(actor))
        errors = _host_errors(actor, data.get("host_city")) | _plenary_errors(actor, data)
        refuse_with_record_errors(errors, Meeting(**data))
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
        errors = _host_errors(actor, data["host_city"]) if "host_city" in data else {}
        errors |= _plenary_errors(actor, data, meeting)
        refuse_with_record_errors(errors, with_changes(meeting, data))
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
def meeting_record_outcome(*, actor: Any, meeting: Meeting, status: str) -> None:
    """Record that a meeting whose days have passed was held, or was cancelled."""
    require(can_edit_meeting(actor, meeting))
    if status not in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise ValidationError({"status": _("Choose held or cancelled.")})
    if not meeting.awaits_outcome:
        raise ValidationError(
            {"status": _("Only a planned meeting whose days have passed awaits its outcome.")}
        )
    save_changes(meeting, {"status": status}, actor=actor, action="meetings.meeting.updated")


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
