"""Write helpers shared by every app's services: change detection and audited saves."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from intercity.core.audit import (
    create_with_relations,
    record_bulk_creation,
    record_m2m_change,
    relations_unrecorded,
    save_with_audit,
)
from intercity.core.models import NewsItem
from intercity.core.permissions import can_delete_news, can_edit_news, can_publish_news


def require(allowed: bool) -> None:
    """Refuse a write the caller's permission rules did not allow."""
    if not allowed:
        raise PermissionDenied


def apply_changes(obj: models.Model, data: Mapping[str, Any]) -> list[str]:
    """Set the given attributes on obj and return the names of those that really changed."""
    changed = []
    for name, value in data.items():
        field = obj._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            attname = field.attname
            new = value.pk if isinstance(value, models.Model) else value
        else:
            attname, new = name, value
        if getattr(obj, attname) != new:
            setattr(obj, attname, new)
            changed.append(name)
    return changed


def with_changes(obj: models.Model, data: Mapping[str, Any]) -> models.Model:
    """A copy of obj with data applied, for validation before anything is changed."""
    candidate = copy.copy(obj)
    apply_changes(candidate, data)
    return candidate


def refuse_with_record_errors(errors: Mapping[str, Any], record: models.Model) -> None:
    """Raise a service's own ``errors`` together with those the record, as it would be saved,
    fails in its validation on other fields, so one refusal names every broken rule. Without
    ``errors`` nothing happens: the record is validated when it is saved."""
    if not errors:
        return
    combined = ValidationError(dict(errors)).update_error_dict({})
    try:
        record.full_clean()
    except ValidationError as found:
        for field, messages in found.update_error_dict({}).items():
            combined.setdefault(field, messages)  # the service's own error is the one to fix
    raise ValidationError(combined)


def save_changes(
    obj: models.Model, data: Mapping[str, Any], *, actor: Any, action: str
) -> list[str]:
    """Apply data and save with an audit entry only when something changed."""
    changed = apply_changes(obj, data)
    if changed:
        save_with_audit(obj, actor=actor, action=action)
    return changed


def create_with_audit(
    model: type[models.Model],
    data: Mapping[str, Any],
    *,
    actor,
    action,
    relations: Mapping[str, Iterable] | None = None,
):
    """Validate and insert a record under one history entry; with `relations` (many-to-many
    sets), the entry is written once they are in place, so it holds them."""
    obj = model(**data)
    relations = {name: list(targets) for name, targets in (relations or {}).items()}
    relations = {name: targets for name, targets in relations.items() if targets}
    if relations:
        create_with_relations(obj, actor=actor, action=action, relations=relations)
    else:
        save_with_audit(obj, actor=actor, action=action)
    return obj


def bulk_create_with_audit(
    model: type[models.Model],
    rows: Sequence[Mapping[str, Any]],
    *,
    actor,
    action,
    relations: Sequence[Mapping[str, Iterable]] | None = None,
) -> list:
    """Validate and insert many new records with a few statements per table, leaving each
    the one history entry ``create_with_audit`` would: ``relations[i]`` holds the sets of
    ``rows[i]``.

    Meant for the parts of a record created in the same transaction, which cannot clash with
    stored rows: uniqueness and constraints are left to the database, whose refusal undoes
    the whole write, and a reference given as a saved record is not looked up again.
    """
    relations = list(relations or [{} for _row in rows])
    if len(relations) != len(rows):
        raise ValueError("Give one mapping of relations per row.")
    if not rows:
        return []
    with transaction.atomic():
        return _bulk_create(model, rows, relations, actor=actor, action=action)


def _bulk_create(model, rows, relations, *, actor, action) -> list:
    if not connection.features.can_return_rows_from_bulk_insert:
        return [
            create_with_audit(model, data, actor=actor, action=action, relations=sets)
            for data, sets in zip(rows, relations, strict=True)
        ]
    objs = [model(**data) for data in rows]
    for obj, data in zip(objs, rows, strict=True):
        saved = [
            name
            for name, value in data.items()
            if isinstance(value, models.Model) and value.pk is not None
        ]
        obj.full_clean(exclude=saved, validate_unique=False, validate_constraints=False)
    model._default_manager.bulk_create(objs)
    links: dict[str, list[list[models.Model]]] = {}
    for name in sorted({name for sets in relations for name in sets}):
        field = model._meta.get_field(name)
        through = field.remote_field.through
        own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links[name] = [
            [through(**{own: obj.pk, other: pk}) for pk in dict.fromkeys(t.pk for t in targets)]
            for obj, targets in zip(objs, (list(s.get(name, ())) for s in relations), strict=True)
        ]
        through.objects.bulk_create(row for rows_of_one in links[name] for row in rows_of_one)
    record_bulk_creation(objs, links, actor=actor, action=action)
    return objs


def delete_with_audit(obj: models.Model, *, actor: Any, action: str) -> None:
    """Delete a record, leaving a history entry; refuse while other records still need it."""
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    obj._change_reason = action
    try:
        obj.delete()
    except (models.ProtectedError, models.RestrictedError) as exc:
        raise ValidationError(
            _("This record cannot be deleted while other records refer to it."), code="protected"
        ) from exc


def set_m2m(
    obj: models.Model, field: str, targets: Iterable[models.Model], *, actor: Any, action: str
) -> bool:
    """Replace a many-to-many set; audit only when membership really changed."""
    manager = getattr(obj, field)
    wanted = {target.pk for target in targets}
    current = set(manager.values_list("pk", flat=True))
    if wanted == current:
        return False
    with relations_unrecorded(obj):
        manager.set(wanted)
    record_m2m_change(obj, actor=actor, action=action)
    return True


@transaction.atomic
def news_publish(*, actor: Any, data: Mapping[str, Any], cities: Iterable = ()) -> NewsItem:
    """Publish a network news item about some cities."""
    if actor is not None:
        require(can_publish_news(actor))
    return create_with_audit(
        NewsItem, data, actor=actor, action="core.news.published", relations={"cities": cities}
    )


@transaction.atomic
def news_update(
    *, actor: Any, item: NewsItem, data: Mapping[str, Any], cities: Iterable | None = None
) -> bool:
    if actor is not None:
        require(can_edit_news(actor, item))
    changed = bool(save_changes(item, data, actor=actor, action="core.news.updated"))
    if cities is not None:
        changed |= set_m2m(item, "cities", cities, actor=actor, action="core.news.cities_changed")
    return changed


@transaction.atomic
def news_delete(*, actor: Any, item: NewsItem) -> None:
    if actor is not None:
        require(can_delete_news(actor, item))
    delete_with_audit(item, actor=actor, action="core.news.deleted")
