"""Setting aside a stored record's values that a form refused, while its service is tried.

A refused field is left out of what the service is given, so on an edit form the service
reads the record's stored value in its place and may judge that value rather than what the
user typed (a new end date compared with the start date being changed). Emptying the refused
fields, in the record and in its database row, shows which errors hold whatever their value.
"""

import copy
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models

# A refused field the record cannot hold empty: the trial cannot set its stored value aside.
CANNOT_EMPTY = object()


def stored_record(obj: Any) -> models.Model | None:
    """The record an edit form or serializer changes, or None when it makes a new one."""
    if isinstance(obj, models.Model) and obj.pk is not None and not obj._state.adding:
        return obj
    return None


def empty_values(record: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The empty value of each of the record's own columns among ``names`` (by column
    attribute), or ``CANNOT_EMPTY`` for one that can hold none; other names are skipped."""
    empty: dict[str, Any] = {}
    for name in names:
        try:
            field = record._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # not stored: the service cannot read an old value of it
        if not field.concrete or field.many_to_many or field.primary_key:
            continue
        if field.null:
            empty[field.attname] = None
        elif isinstance(field, models.CharField | models.TextField):
            empty[field.attname] = ""
        else:
            empty[field.attname] = CANNOT_EMPTY
    return empty


@contextmanager
def record_kept(record: models.Model | None) -> Iterator[None]:
    """The record as it was before the block: a service tried on it may have changed it."""
    if record is None:
        yield
        return
    kept = dict(record.__dict__)
    kept["_state"] = copy.copy(record._state)
    kept["_state"].fields_cache = dict(record._state.fields_cache)
    if "_prefetched_objects_cache" in kept:
        kept["_prefetched_objects_cache"] = dict(kept["_prefetched_objects_cache"])
    try:
        yield
    finally:
        record.__dict__.clear()
        record.__dict__.update(kept)


def set_aside(record: models.Model, empty: dict[str, Any]) -> None:
    """Give the record and its row (in a transaction to be rolled back) the ``empty`` values."""
    type(record)._base_manager.filter(pk=record.pk).update(**empty)
    for attname, value in empty.items():
        setattr(record, attname, value)


def _entries(error: ValidationError) -> list[tuple[str, str, str | None]]:
    by_field = getattr(error, "error_dict", None) or {NON_FIELD_ERRORS: error.error_list}
    return [
        (field, message, one.code)
        for field, errors in by_field.items()
        for one in errors
        for message in one.messages
    ]


def errors_in_both(first: ValidationError, second: ValidationError | None):
    """The messages of ``first`` that ``second`` has on the same field, or None."""
    if second is None:
        return None
    found = {(field, message) for field, message, _code in _entries(second)}
    kept: dict[str, list[ValidationError]] = {}
    for field, message, code in _entries(first):
        if (field, message) in found:
            kept.setdefault(field, []).append(ValidationError(message, code=code))
    return ValidationError(kept) if kept else None
