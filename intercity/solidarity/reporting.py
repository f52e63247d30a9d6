"""Who reported an incident, as its record and audit trail show it, never guessed.

An incident says which member city reported it (``reported_by_city``) only since focal points
could report; before, nothing recorded it. These reads answer for old incidents too, from the
creation entry of the incident's history and the history of the account that wrote it. They
take the models as arguments, so the data migration that fills old incidents runs them on the
models of its own state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The values of User.Role and the history type of a creation, as stored.
FOCAL_POINT = "focal_point"
SECRETARIAT = "secretariat"
CREATED = "+"
CAP_ALERT = "Alert"
DISMISSED = "dismissed"

GDACS = "GDACS"
CAP = "CAP"


@dataclass(frozen=True)
class Models:
    """The models the reads need: the live ones, or a migration's historical ones."""

    incident_history: Any
    user_history: Any
    affected_city: Any
    cap_message: Any


def creation_entry(models: Models, incident) -> Any | None:
    """The history entry that recorded the incident's creation, if the trail has one."""
    return (
        models.incident_history.objects.filter(id=incident.pk, history_type=CREATED)
        .order_by("history_date", "history_id")
        .first()
    )


def account_as_of(models: Models, user_id: int | None, when) -> Any | None:
    """The account as it stood at ``when`` (role, city, active), if its history reaches back."""
    if user_id is None:
        return None
    return (
        models.user_history.objects.filter(id=user_id, history_date__lte=when)
        .order_by("-history_date", "-history_id")
        .first()
    )


def _was_secretariat(account) -> bool:
    return account.is_active and (account.role == SECRETARIAT or account.is_superuser)


def _focal_city_id(account) -> int | None:
    if _was_secretariat(account) or not account.is_active or account.role != FOCAL_POINT:
        return None
    return account.city_id


def imported_from(models: Models, incident, entry=None) -> str:
    """The feed an incident came from, GDACS or CAP, or "" when it did not come from one.

    A GDACS import keeps the event's key. A CAP import writes the incident's creation entry and
    then keeps the Alert it came from, by the same account, with no other change between; an
    incident recorded by hand and later matched by a CAP Alert was changed by that Alert first
    (or confirmed, or edited) and stays recorded by hand.
    """
    if incident.external_key:
        return GDACS
    first = models.cap_message.objects.filter(incident_id=incident.pk).order_by("id").first()
    if first is None or first.msg_type != CAP_ALERT:
        return ""
    entry = entry or creation_entry(models, incident)
    if entry is None or entry.history_user_id != first.imported_by_id:
        return ""
    changed_before = models.incident_history.objects.filter(
        id=incident.pk, history_date__gt=entry.history_date, history_date__lt=first.created_at
    ).exists()
    return "" if changed_before else CAP


def recorded_reporting_city_id(models: Models, incident) -> int | None:
    """The member city whose focal point created the incident, as the audit trail shows it.

    The rule of a focal point's report: the creating account was, when it created the
    incident, an active focal point (not the secretariat) of a city, and that city is among
    the cities the incident affects (not dismissed). Imports and anything else give None.
    """
    if incident.reported_by_city_id is not None:
        return incident.reported_by_city_id
    entry = creation_entry(models, incident)
    if entry is None or imported_from(models, incident, entry):
        return None
    account = account_as_of(models, entry.history_user_id, entry.history_date)
    city_id = None if account is None else _focal_city_id(account)
    if city_id is None:
        return None
    affected = (
        models.affected_city.objects.filter(incident_id=incident.pk, city_id=city_id)
        .exclude(status=DISMISSED)
        .exists()
    )
    return city_id if affected else None


def recorded_by_secretariat(models: Models, incident) -> bool:
    """Whether the audit trail shows a member of the secretariat creating the incident."""
    entry = creation_entry(models, incident)
    if entry is None:
        return False
    account = account_as_of(models, entry.history_user_id, entry.history_date)
    return account is not None and _was_secretariat(account)


def fill_reporting_cities(models: Models, incident_model, *, now) -> list[int]:
    """Give old incidents the reporting city their record shows; return the incidents filled.

    Each filled incident gets a history entry by no one ("the platform") saying the reporting
    city changed, so the next person to edit it is not shown as the one who set it.
    """
    filled = []
    for incident in incident_model.objects.filter(reported_by_city__isnull=True).order_by("pk"):
        city_id = recorded_reporting_city_id(models, incident)
        if city_id is None:
            continue
        incident.reported_by_city_id = city_id
        incident_model.objects.filter(pk=incident.pk).update(reported_by_city_id=city_id)
        values = {f.attname: getattr(incident, f.attname) for f in incident_model._meta.fields}
        models.incident_history.objects.create(
            **values,
            history_date=now,
            history_type="~",
            history_change_reason="solidarity.incident.updated",
            history_user_id=None,
        )
        filled.append(incident.pk)
    return filled
