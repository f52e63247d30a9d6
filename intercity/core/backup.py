"""Back up every record to one portable file and restore it, on SQLite or PostgreSQL alike."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.dispatch import Signal

# Rebuilt by Django itself, or short-lived, or derived from the records (the search index is
# rebuilt after a restore); restoring them would clash with what migrate and indexing make.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "searchindex"]
FORMAT_VERSION = 1


def backup_write(path: Path) -> int:
    """Write every record as gzip-compressed JSON; returns the number of objects."""
    buffer = io.StringIO()
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=False,
        stdout=buffer,
        verbosity=0,
    )
    records = json.loads(buffer.getvalue() or "[]")
    document = {"format": "intercity-backup", "version": FORMAT_VERSION, "records": records}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False)
    return len(records)


# Sent once a restore has written its records, inside its transaction: apps that keep
# derived data (the search index) rebuild it from the restored records.
restored = Signal()


class BackupError(Exception):
    pass


@transaction.atomic
def backup_restore(path: Path) -> int:
    """Replace the database's records with the backup's; all or nothing.

    Sentence vectors are not part of a backup: `intercity reindex` computes them again.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, json.JSONDecodeError, EOFError) as error:
        raise BackupError(f"{path} is not a readable Intercity backup: {error}") from error
    if not isinstance(document, dict) or document.get("format") != "intercity-backup":
        raise BackupError(f"{path} is not an Intercity backup.")
    if document.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} has backup format {document.get('version')}, not {FORMAT_VERSION}."
        )
    call_command("flush", interactive=False, verbosity=0)
    count = 0
    payload = json.dumps(document["records"])
    for deserialized in serializers.deserialize("json", payload, handle_forward_references=True):
        deserialized.save()
        count += 1
    # Search documents are derived data: their app builds them again from the restored records.
    restored.send(sender=backup_restore)
    return count
