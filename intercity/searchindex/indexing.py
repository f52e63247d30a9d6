"""Turning source documents into index rows: one record at a time, or everything at once."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db import connection, transaction

from intercity.core.backup import is_restoring
from intercity.search.text import index_terms, normalise
from intercity.searchindex.models import SearchDocument
from intercity.searchindex.registry import Document, SearchSource, sources

ProgressCallback = Callable[[int, int], None]
BULK_BATCH_SIZE = 500
# The index keeps enough of a long text for snippets and matching; a report of
# hundreds of pages would only slow every query down.
MAX_BODY_CHARS = 100_000

_state = threading.local()


@contextlib.contextmanager
def suspended() -> Iterator[None]:
    """Turn off indexing on save in this thread, for bulk loads that reindex afterwards."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def is_suspended() -> bool:
    # A restore writes rows as stored and rebuilds the whole index once it is done.
    return getattr(_state, "suspended", False) or is_restoring()


def _pk(value: Any) -> Any:
    return getattr(value, "pk", value)


def _slugs(values: Iterable[str]) -> str:
    cleaned = [value for value in dict.fromkeys(values) if value]
    return f" {' '.join(cleaned)} " if cleaned else ""


def content_hash(title: str, body: str, language: str) -> str:
    return hashlib.sha256(f"{language}\x00{title}\x00{body}".encode()).hexdigest()


def document_row(source: SearchSource, object_id: Any, document: Document) -> dict[str, Any]:
    """The column values of the index row for ``document``."""
    body = document.body[:MAX_BODY_CHARS]
    language = document.language or ""
    hint = language or None
    return {
        "source": source.type,
        "object_id": str(object_id),
        "doc_type": document.type,
        "doc_key": str(document.id),
        "title": document.title[:300],
        "body": body,
        "language": language,
        "city_id": _pk(document.city),
        "cities": _slugs(document.cities),
        "themes": _slugs(document.themes),
        "date": document.date,
        "visibility": document.visibility,
        "owner_city_id": _pk(document.owner_city),
        "owner_user_id": _pk(document.owner_user),
        "url": document.url,
        "title_terms": index_terms(document.title, hint),
        "body_terms": index_terms(body, hint),
        "normalised": normalise(f"{document.title}\n{body}"),
        "content_hash": content_hash(document.title, body, language),
    }


@transaction.atomic
def index_object(source: SearchSource, obj: Any) -> bool:
    """Bring the rows of one record up to date; tell whether any text changed."""
    rows = [document_row(source, obj.pk, document) for document in source.documents(obj)]
    existing = {
        (doc.doc_type, doc.doc_key): doc
        for doc in SearchDocument.objects.filter(source=source.type, object_id=str(obj.pk))
    }
    text_changed = False
    for row in rows:
        current = existing.pop((row["doc_type"], row["doc_key"]), None)
        if current is None:
            SearchDocument.objects.create(**row)
            text_changed = True
            continue
        changed = [name for name, value in row.items() if getattr(current, name) != value]
        if changed:
            text_changed |= "content_hash" in changed
            for name in changed:
                setattr(current, name, row[name])
            current.save(update_fields=[*changed, "indexed_at"])
    if existing:
        SearchDocument.objects.filter(pk__in=[doc.pk for doc in existing.values()]).delete()
    if text_changed:
        from intercity.searchindex.vectors import schedule_embedding

        schedule_embedding()
    return text_changed


def index_pk(source: SearchSource, pk: Any) -> None:
    """Re-index one record by primary key, through the source's own queryset."""
    if is_suspended():
        return
    obj = source.objects().filter(pk=pk).first()
    if obj is None:
        remove_object(source, pk)
    else:
        index_object(source, obj)


def remove_object(source: SearchSource, pk: Any) -> None:
    if is_suspended():
        return
    SearchDocument.objects.filter(source=source.type, object_id=str(pk)).delete()


def count_objects(selected: Iterable[SearchSource] | None = None) -> int:
    return sum(source.objects().count() for source in (selected or sources()))


@transaction.atomic
def rebuild(
    selected: Iterable[SearchSource] | None = None, *, progress: ProgressCallback | None = None
) -> int:
    """Rebuild the rows of the given sources (default: all) from scratch; returns documents written.

    Vectors of documents whose text did not change are kept: they are keyed by
    content hash, so nothing is embedded twice.
    """
    from intercity.searchindex.models import DocumentVector

    chosen = list(selected or sources())
    total = count_objects(chosen)
    kept_vectors = {
        (vector.document.doc_type, vector.document.doc_key, vector.content_hash): vector
        for vector in DocumentVector.objects.filter(document__source__in=[s.type for s in chosen])
        .select_related("document")
        .only("document__doc_type", "document__doc_key", "content_hash", "model_version", "vector")
    }
    SearchDocument.objects.filter(source__in=[source.type for source in chosen]).delete()
    done = written = 0
    batch: list[SearchDocument] = []

    def flush() -> None:
        nonlocal written
        created = SearchDocument.objects.bulk_create(batch)
        written += len(created)
        restored = []
        for document in created:
            vector = kept_vectors.get((document.doc_type, document.doc_key, document.content_hash))
            if vector is not None:
                vector.document = document
                restored.append(vector)
        DocumentVector.objects.bulk_create(restored)
        batch.clear()

    for source in chosen:
        for obj in source.objects().iterator(chunk_size=BULK_BATCH_SIZE):
            batch.extend(
                SearchDocument(**document_row(source, obj.pk, document))
                for document in source.documents(obj)
            )
            done += 1
            if len(batch) >= BULK_BATCH_SIZE:
                flush()
            if progress is not None:
                progress(done, total)
    if batch:
        flush()
    refresh_statistics()
    return written


def refresh_statistics() -> None:
    """Let the query planner see the rebuilt table; stale counts make it pick slow plans."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE searchindex_searchdocument")
