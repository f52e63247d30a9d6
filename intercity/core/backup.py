"""Back up every record to one portable file and restore it exactly, on SQLite or PostgreSQL."""

from __future__ import annotations

import datetime
import decimal
import gzip
import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.dispatch import Signal

# Rebuilt by Django itself, or short-lived, or derived from the records (the search index is
# rebuilt after a restore); restoring them would clash with what migrate and indexing make.
EXCLUDED_APPS = {"contenttypes", "sessions", "searchindex"}
EXCLUDED_MODELS = {"auth.permission", "admin.logentry", "axes.accessattempt", "axes.accesslog"}
# Version 2 keeps timestamps to the microsecond and every history row as it was.
FORMAT_VERSION = 2


# Sent once a restore has written its records, inside its transaction: apps that keep
# derived data (the search index) rebuild it from the restored records.
restored = Signal()
_state = threading.local()


def is_restoring() -> bool:
    """Tell handlers of save signals that rows are being restored as stored, not changed."""
    return getattr(_state, "restoring", False)


class BackupError(Exception):
    pass


class _ExactEncoder(json.JSONEncoder):
    """JSON for the serializer's values; unlike Django's encoder it keeps microseconds."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.date | datetime.time):
            return o.isoformat()
        if isinstance(o, decimal.Decimal | uuid.UUID):
            return str(o)
        if isinstance(o, datetime.timedelta):
            return o.total_seconds()
        return super().default(o)


def _backed_up_models() -> list:
    chosen = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in EXCLUDED_APPS:
            continue
        if meta.label_lower in EXCLUDED_MODELS:
            continue
        chosen.append(model)
    return sorted(chosen, key=lambda model: model._meta.label_lower)


def _records() -> Iterator[dict[str, Any]]:
    for model in _backed_up_models():
        queryset = model._base_manager.order_by("pk")
        yield from serializers.serialize(
            "python", queryset.iterator(chunk_size=2000), use_natural_foreign_keys=True
        )


def _plain(records: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records as JSON values, exactly as written to the file."""
    return json.loads(json.dumps(list(records), cls=_ExactEncoder, ensure_ascii=False))


def canonical_dump() -> list[dict[str, Any]]:
    """Every backed-up record of the current database, as the backup file holds them."""
    return _plain(_records())


def _canonical(records: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """One comparable text per record; the order of many-to-many lists does not matter."""
    result = {}
    for record in records:
        fields = dict(record["fields"])
        for name, value in fields.items():
            if isinstance(value, list):
                fields[name] = sorted(value, key=lambda item: json.dumps(item, sort_keys=True))
        key = (record["model"], json.dumps(record.get("pk")))
        result[key] = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return result


def backup_differences(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    """Say, record by record, where two dumps differ; empty when they are the same."""
    left, right = _canonical(expected), _canonical(actual)
    problems = []
    for key in sorted(left.keys() - right.keys()):
        problems.append(f"missing {key[0]} {key[1]}")
    for key in sorted(right.keys() - left.keys()):
        problems.append(f"extra {key[0]} {key[1]}")
    for key in sorted(left.keys() & right.keys()):
        if left[key] != right[key]:
            problems.append(f"changed {key[0]} {key[1]}: {left[key][:200]} → {right[key][:200]}")
    return problems


def backup_write(path: Path) -> int:
    """Write every record as gzip-compressed JSON; returns the number of objects."""
    records = canonical_dump()
    document = {"format": "intercity-backup", "version": FORMAT_VERSION, "records": records}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False)
    return len(records)


def backup_read(path: Path) -> list[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, json.JSONDecodeError, EOFError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is not a readable Intercity backup: {error}") from error
    if not isinstance(document, dict) or document.get("format") != "intercity-backup":
        raise BackupError(f"{path} is not an Intercity backup.")
    if document.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} has backup format {document.get('version')}, not {FORMAT_VERSION}."
        )
    return document["records"]


def _reset_sequences() -> None:
    """Make the next generated ids follow the restored ones (PostgreSQL keeps counters apart)."""
    statements = connection.ops.sequence_reset_sql(no_style(), _backed_up_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def backup_restore(path: Path, *, check: bool = False) -> int:
    """Replace the database's records with the backup's; all or nothing.

    Rows are written as stored (raw saves), so no history row, timestamp or audit entry is
    made by the restore itself. With ``check``, the restored database is dumped again and
    compared with the backup inside the same transaction: any difference undoes the restore.
    Sentence vectors are not part of a backup: `intercity reindex` computes them again.
    """
    records = backup_read(path)
    _state.restoring = True
    try:
        return _restore_records(records, check=check)
    finally:
        _state.restoring = False


def _restore_records(records: list[dict[str, Any]], *, check: bool) -> int:
    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        count = 0
        deferred = []
        for deserialized in serializers.deserialize(
            "python", records, handle_forward_references=True
        ):
            # Many-to-many rows would otherwise be recorded as a change made now.
            deserialized.object.skip_history_when_saving = True
            deserialized.save()
            if deserialized.deferred_fields:
                deferred.append(deserialized)
            count += 1
        for deserialized in deferred:
            deserialized.save_deferred_fields()
        _reset_sequences()
        if check:
            problems = backup_differences(records, canonical_dump())
            if problems:
                shown = "\n".join(problems[:20])
                raise BackupError(
                    f"The restored database differs from the backup in {len(problems)} "
                    f"places; nothing was restored.\n{shown}"
                )
        # Search documents are derived data: their app builds them again from the records.
        restored.send(sender=backup_restore)
    return count
