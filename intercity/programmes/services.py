"""Writes to programmes, their activities and the reviews decided at meetings."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.core.audit import detail_name, record_m2m_change
from intercity.core.services import (
    apply_changes,
    create_with_audit,
    delete_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    set_m2m,
    with_changes,
)
from intercity.meetings.models import Meeting
from intercity.programmes.models import Activity, Participant, Programme, Review
from intercity.programmes.permissions import (
    can_create_programme,
    can_delete_programme,
    can_edit_programme,
    can_join_programme,
    can_review_programme,
)


def _lead_errors(actor: Any, lead_city) -> dict[str, str]:
    if actor is None or is_secretariat(actor):
        return {}
    if lead_city is None or lead_city.pk != focal_city_id(actor):
        return {"lead_city": _("You can only record programmes your city leads.")}
    return {}


@transaction.atomic
def programme_create(
    *,
    actor: Any,
    data: Mapping[str, Any],
    cities: Iterable = (),
    themes: Iterable = (),
) -> Programme:
    if actor is not None:
        require(can_create_programme(actor))
        refuse_with_record_errors(_lead_errors(actor, data.get("lead_city")), Programme(**data))
    return create_with_audit(
        Programme,
        data,
        actor=actor,
        action="programmes.programme.created",
        relations={"cities": cities, "themes": themes},
    )


@transaction.atomic
def programme_update(
    *,
    actor: Any,
    programme: Programme,
    data: Mapping[str, Any],
    cities: Iterable | None = None,
    themes: Iterable | None = None,
) -> bool:
    if actor is not None:
        require(can_edit_programme(actor, programme))
        if "lead_city" in data:
            errors = _lead_errors(actor, data["lead_city"])
            refuse_with_record_errors(errors, with_changes(programme, data))
    changed = bool(
        save_changes(programme, data, actor=actor, action="programmes.programme.updated")
    )
    if cities is not None:
        changed |= set_m2m(
            programme, "cities", cities, actor=actor, action="programmes.programme.cities_changed"
        )
    if themes is not None:
        changed |= set_m2m(
            programme, "themes", themes, actor=actor, action="programmes.programme.themes_changed"
        )
    return changed


@transaction.atomic
def programme_delete(*, actor: Any, programme: Programme) -> None:
    if actor is not None:
        require(can_delete_programme(actor, programme))
    delete_with_audit(programme, actor=actor, action="programmes.programme.deleted")


@transaction.atomic
def activity_upsert(
    *, actor: Any, programme: Programme, title: str, data: Mapping[str, Any]
) -> Activity:
    """Record an activity of the programme, or bring the one with this title up to date."""
    if actor is not None:
        require(can_edit_programme(actor, programme))
    activity = programme.activities.filter(title=title).first()
    if activity is None:
        activity = create_with_audit(
            Activity,
            {"programme": programme, "title": title, **data},
            actor=actor,
            action="programmes.activity.created",
        )
        # The programme's own history says so too, as a meeting's says an agenda item was added.
        record_m2m_change(
            programme,
            actor=actor,
            action="programmes.activity.added",
            detail={"id": activity.pk, "name": detail_name(title)},
        )
        return activity
    save_changes(activity, data, actor=actor, action="programmes.activity.updated")
    return activity


@transaction.atomic
def review_record(
    *, actor: Any, programme: Programme, meeting, decision: str, notes: str = ""
) -> Review:
    """Record a plenary's decision on a programme; closing it closes the programme."""
    if actor is not None:
        require(can_review_programme(actor, programme))
    if meeting is not None and meeting.kind != Meeting.Kind.PLENARY:
        raise ValidationError(
            {"meeting": _("A programme is reviewed at a plenary meeting: choose a plenary.")}
        )
    review = Review(programme=programme, meeting=meeting, decision=decision, notes=notes)
    review.full_clean()
    review._history_user = actor if getattr(actor, "is_authenticated", False) else None
    review.save()
    if decision == Review.Decision.CLOSE and programme.status != Programme.Status.CLOSED:
        if apply_changes(programme, {"status": Programme.Status.CLOSED}):
            programme.full_clean()
            programme._history_user = review._history_user
            programme._change_reason = "programmes.programme.closed_by_review"
            programme.save()
    else:
        record_m2m_change(programme, actor=actor, action="programmes.review.recorded")
    return review


@transaction.atomic
def programme_join(*, actor: Any, programme: Programme) -> tuple[Participant, bool]:
    """Make the acting expert or focal point a participant, and say whether they joined just
    now; joining again changes nothing."""
    require(can_join_programme(actor, programme))
    existing = programme.participants.filter(person=actor).first()
    if existing is not None:
        return existing, False
    participant = Participant(programme=programme, person=actor)
    participant.full_clean()
    participant.save()
    record_m2m_change(programme, actor=actor, action="programmes.programme.joined")
    return participant, True


@transaction.atomic
def programme_leave(*, actor: Any, programme: Programme) -> None:
    """End the acting person's participation, if they take part."""
    deleted, _rows = programme.participants.filter(person=actor).delete()
    if deleted:
        record_m2m_change(programme, actor=actor, action="programmes.programme.left")
