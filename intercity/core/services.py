"""Write helpers shared by every app's services: change detection and audited saves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from intercity.core.audit import (
    create_with_relations,
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
