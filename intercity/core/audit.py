"""Audit trail helpers: who changed an official record, when, and as which action."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import models
from django.db.models import Count, Window
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.models import HistoricalRecords

from intercity.accounts.roles import is_network_insider
from intercity.core.history import describe, describe_rows, encode_reason, is_public_record


def save_with_audit(obj: models.Model, *, actor: Any, action: str, update_fields=None) -> None:
    """Validate and save an official record, leaving a history entry naming actor and action.

    The action is a dotted type such as ``cities.city.updated`` so the trail can be filtered.
    """
    obj.full_clean()
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    obj._change_reason = action
    if update_fields is not None:
        obj.save(update_fields=[*update_fields, "updated_at"])
    else:
        obj.save()


@contextmanager
def relations_unrecorded(obj: models.Model) -> Iterator[None]:
    """Change many-to-many sets without simple-history's own entry for each change.

    Left on, it writes an entry for every add, remove or clear of a tracked set, repeating
    whatever reason the record last carried; the service's own entry, written after, holds
    the sets as they now are and says what happened, so the history tells it once.
    """
    obj.skip_history_when_saving = True
    try:
        yield
    finally:
        del obj.skip_history_when_saving


def create_with_relations(
    obj: models.Model, *, actor: Any, action: str, relations: Mapping[str, Iterable]
) -> None:
    """Validate and insert a record with its many-to-many sets, under one history entry.

    The entry is written once the sets are in place, so it holds them, and is marked as the
    record's creation.
    """
    obj.full_clean()
    with relations_unrecorded(obj):
        obj.save()
        for name, targets in relations.items():
            getattr(obj, name).set(list(targets))
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    obj._change_reason = action
    obj.save(update_fields=["updated_at"])
    entry = obj.history.order_by("-history_id").values_list("pk", flat=True)[:1]
    obj.history.filter(pk__in=list(entry)).update(history_type="+")


def record_bulk_creation(
    objs: list[models.Model],
    links: Mapping[str, list[list[models.Model]]],
    *,
    actor: Any,
    action: str,
) -> None:
    """Write the creation entries of records inserted together: one each, holding its sets.

    ``links`` gives, per many-to-many field, each record's rows of the through table in the
    order of ``objs``. The entries are those ``create_with_relations`` leaves, in a statement
    per table instead of several per record.
    """
    manager_name = getattr(type(objs[0])._meta, "simple_history_manager_attribute", None)
    if manager_name is None:
        return
    user = actor if getattr(actor, "is_authenticated", False) else None
    for obj in objs:
        obj._history_user = user
        obj._change_reason = action
    entries = getattr(type(objs[0]), manager_name).bulk_history_create(
        objs, default_user=user, default_change_reason=action, default_date=timezone.now()
    )
    if not entries:  # history switched off in settings
        return
    for field in getattr(entries[0], "_history_m2m_fields", ()):
        m2m_model = HistoricalRecords.m2m_models[field]
        columns = [f.attname for f in field.remote_field.through._meta.fields]
        m2m_model.objects.bulk_create(
            m2m_model(history=entry, **{name: getattr(row, name) for name in columns})
            for entry, rows in zip(entries, links.get(field.name, ()), strict=True)
            for row in rows
        )


# A history row's reason column is short: a name it keeps is cut to this many characters.
DETAIL_NAME_LENGTH = 40


def detail_name(name: str) -> str:
    """A name as a history entry keeps it: whole, or cut with "…" so a reader sees it is cut."""
    # The mark is given, not translated: the entry keeps it whatever the writer's language.
    return Truncator(" ".join(name.split())).chars(DETAIL_NAME_LENGTH, truncate="…")


def record_m2m_change(
    obj: models.Model, *, actor: Any, action: str, detail: dict | None = None
) -> None:
    """Write a history row after a related-row change, which simple-history cannot see.

    ``detail`` names what changed by id ({"id": 4}, or cities by change and role, see
    ``city_changes_detail``),
    so the history can say "added Tokyo as a participant".
    """
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    obj._change_reason = encode_reason(action, detail)
    obj.save(update_fields=["updated_at"])


# A record page tells this many changes, newest first, unless the reader asks for the whole.
HISTORY_LIMIT = 50
WHOLE_HISTORY_LIMIT = 2000
WHOLE_HISTORY_PARAMETER = "history"


class Trail(list):
    """A record's history lines, newest first, and how many older changes it leaves out."""

    more = 0


def wants_whole_history(request) -> bool:
    """Whether the reader followed the history's "show earlier changes" link."""
    return request.GET.get(WHOLE_HISTORY_PARAMETER) == "all"


def audit_trail(
    obj: models.Model, *, viewer: Any = None, limit: int = HISTORY_LIMIT, whole: bool = False
):
    """The record's history in words, newest first; None when ``viewer`` may not see it.

    The public (no viewer, or a reader outside the network) sees the history of public
    records only, and roles instead of names; network insiders see names too. ``whole``
    asks for every change (up to a bound that keeps a page a page), not the latest ``limit``.
    """
    insider = is_network_insider(viewer)
    if not insider and not is_public_record(obj):
        return None
    limit = WHOLE_HISTORY_LIMIT if whole else limit
    # One row more than shown, so the oldest shown still reads as a change to the one before;
    # the window count says, in the same query, how many there are in all.
    records = list(
        obj.history.select_related("history_user__city", "history_user__organisation")
        .annotate(changes=Window(Count("pk")))
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    trail = Trail(describe(obj, records, show_names=insider)[:limit])
    trail.more = max((records[0].changes if records else 0) - len(trail), 0)
    return trail


def audit_trails(records: Sequence[models.Model], *, viewer: Any = None, limit: int = 50) -> dict:
    """The histories of several records of one model, as ``audit_trail`` gives one, by id.

    The rows of them all are read in one query, and the records they name in one per model,
    so a list shows each row's history in as many queries as it shows one.
    """
    insider = is_network_insider(viewer)
    trails: dict[Any, list | None] = {record.pk: None for record in records}
    shown = [record for record in records if insider or is_public_record(record)]
    if not shown:
        return trails
    model = type(shown[0])
    key = model._meta.pk.attname
    rows_by_record: dict[Any, list] = {record.pk: [] for record in shown}
    rows = (
        model.history.filter(**{f"{key}__in": list(rows_by_record)})
        .select_related("history_user__city", "history_user__organisation")
        .order_by("-history_date", "-history_id")
    )
    for row in rows:
        rows_by_record[getattr(row, key)].append(row)
    entries = []
    for pk, kept in rows_by_record.items():
        # One row more than shown, so the oldest shown still reads as a change to the one before.
        kept = rows_by_record[pk] = kept[: limit + 1]
        entries.extend(
            (model, row, kept[i + 1] if i + 1 < len(kept) else None) for i, row in enumerate(kept)
        )
    lines = iter(describe_rows(entries, show_names=insider))
    for pk, kept in rows_by_record.items():
        trails[pk] = [next(lines) for _row in kept][:limit]
    return trails
