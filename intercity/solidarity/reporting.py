"""Who reported an incident, as its record and audit trail show it, never guessed.

An incident says which member city reported it (``reported_by_city``) only since focal points
could report; before, nothing recorded it. These reads answer for old incidents too, from the
creation entry of the incident's history and the history of the account that wrote it. They
take the models as arguments, so the data migration that fills old incidents runs them on the
models of its own state. They read a whole list of incidents in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Subquery

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


@dataclass(frozen=True)
class Trail:
    """What the audit trail shows of one incident's creation.

    ``account`` is the creating account as it stood then (role, city, active), when the
    trail has a creation entry and the account's history reaches back; ``feed`` is the feed
    the incident came from, GDACS or CAP, or "" when it did not come from one.
    """

    account: Any = None
    feed: str = ""

    @property
    def by_secretariat(self) -> bool:
        return self.account is not None and _was_secretariat(self.account)

    @property
    def focal_city_id(self) -> int | None:
        account = self.account
        if account is None or self.by_secretariat or not account.is_active:
            return None
        return account.city_id if account.role == FOCAL_POINT else None


def _was_secretariat(account) -> bool:
    return account.is_active and (account.role == SECRETARIAT or account.is_superuser)


def _creation_entries(models: Models, ids: Sequence[int]):
    """The creation entries of the incidents, each with what the trail's rules ask of it.

    The creating account as it stood at creation; the incident's first CAP message (its
    type and who imported it); whether anything changed the incident between its creation
    and that message.
    """
    history, cap = models.incident_history.objects, models.cap_message.objects
    account_then = (
        models.user_history.objects.filter(
            id=OuterRef("history_user"), history_date__lte=OuterRef("history_date")
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    first_cap = cap.filter(incident=OuterRef("id")).order_by("id")
    changed_before = history.filter(
        id=OuterRef("id"),
        history_date__gt=OuterRef("history_date"),
        history_date__lt=Subquery(
            cap.filter(incident=OuterRef(OuterRef("id"))).order_by("id").values("created_at")[:1]
        ),
    )
    return (
        history.filter(id__in=ids, history_type=CREATED)
        .order_by("id", "history_date", "history_id")
        .annotate(
            account_then=Subquery(account_then),
            cap_type=Subquery(first_cap.values("msg_type")[:1]),
            cap_by=Subquery(first_cap.values("imported_by")[:1]),
            changed_before=Exists(changed_before),
        )
        .values("id", "history_user", "account_then", "cap_type", "cap_by", "changed_before")
    )


def _feed(incident, entry) -> str:
    """A GDACS import keeps the event's key. A CAP import writes the incident's creation entry
    and then keeps the Alert it came from, by the same account, with no other change between;
    an incident recorded by hand and later matched by a CAP Alert was changed by that Alert
    first (or confirmed, or edited) and stays recorded by hand."""
    if incident.external_key:
        return GDACS
    if entry is None or entry["cap_type"] != CAP_ALERT:
        return ""
    if entry["history_user"] != entry["cap_by"] or entry["changed_before"]:
        return ""
    return CAP


def trails(models: Models, incidents: Iterable) -> dict[int, Trail]:
    """The trail of each incident, by id, in two queries however many incidents there are."""
    incidents = list(incidents)
    if not incidents:
        return {}
    entries: dict[int, dict] = {}
    for entry in _creation_entries(models, [incident.pk for incident in incidents]):
        entries.setdefault(entry["id"], entry)
    wanted = {entry["account_then"] for entry in entries.values()} - {None}
    accounts = (
        {row.history_id: row for row in models.user_history.objects.filter(history_id__in=wanted)}
        if wanted
        else {}
    )
    result = {}
    for incident in incidents:
        entry = entries.get(incident.pk)
        account = None if entry is None else accounts.get(entry["account_then"])
        result[incident.pk] = Trail(account=account, feed=_feed(incident, entry))
    return result


def recorded_reporting_city_ids(models: Models, incidents: Iterable) -> dict[int, int | None]:
    """The member city whose focal point created each incident, as the audit trail shows it.

    The rule of a focal point's report: the creating account was, when it created the
    incident, an active focal point (not the secretariat) of a city, and that city is among
    the cities the incident affects (not dismissed). Imports and anything else give None.
    """
    incidents = list(incidents)
    result = {i.pk: i.reported_by_city_id for i in incidents}
    unknown = [i for i in incidents if i.reported_by_city_id is None]
    found = {
        pk: trail.focal_city_id
        for pk, trail in trails(models, unknown).items()
        if not trail.feed and trail.focal_city_id is not None
    }
    if not found:
        return result
    affected = set(
        models.affected_city.objects.filter(incident_id__in=found)
        .exclude(status=DISMISSED)
        .values_list("incident_id", "city_id")
    )
    result.update({pk: city_id for pk, city_id in found.items() if (pk, city_id) in affected})
    return result


FILL_CHUNK = 500


def fill_reporting_cities(models: Models, incident_model, *, now) -> list[int]:
    """Give old incidents the reporting city their record shows; return the incidents filled.

    Each filled incident gets a history entry by no one ("the platform") saying the reporting
    city changed, so the next person to edit it is not shown as the one who set it.
    """
    filled = []
    unfilled = list(incident_model.objects.filter(reported_by_city__isnull=True).order_by("pk"))
    for start in range(0, len(unfilled), FILL_CHUNK):
        chunk = unfilled[start : start + FILL_CHUNK]
        cities = recorded_reporting_city_ids(models, chunk)
        for incident in chunk:
            city_id = cities[incident.pk]
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
