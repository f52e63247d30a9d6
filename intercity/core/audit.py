"""Audit trail helpers: who changed an official record, when, and as which action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models


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


def record_m2m_change(obj: models.Model, *, actor: Any, action: str) -> None:
    """Write a history row after a many-to-many change, which simple-history cannot see."""
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    obj._change_reason = action
    obj.save(update_fields=["updated_at"])


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class AuditEntry:
    when: Any
    who: str
    action: str
    kind: str
    changes: list[FieldChange]


def _field_label(obj: models.Model, name: str) -> str:
    try:
        return str(obj._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - history may name a field the model no longer has
        return name


def audit_trail(obj: models.Model, *, limit: int = 50) -> list[AuditEntry]:
    """The record's history, newest first, with the fields each entry changed."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    entries: list[AuditEntry] = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [FieldChange(_field_label(obj, c.field), c.old, c.new) for c in delta.changes]
        user = record.history_user
        entries.append(
            AuditEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.username) if user else "",
                action=record.history_change_reason or "",
                kind=record.get_history_type_display(),
                changes=changes,
            )
        )
    return entries
