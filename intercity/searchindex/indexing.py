"""Turning source documents into index rows: one record at a time, or everything at once."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from intercity.core.backup import is_restoring
from intercity.core.queue import enqueue
from intercity.search.text import index_terms, normalise
from intercity.searchindex import vocabulary
from intercity.searchindex.models import SearchDocument
from intercity.searchindex.registry import Document, SearchSource, get_source, sources

logger = logging.getLogger(__name__)
REFRESH_TASK = "intercity.searchindex.tasks.refresh_index"
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


def _words_source(document: SearchDocument) -> dict[str, str]:
    """What ``vocabulary.apply`` reads of a stored row, taken before the row changes."""
    return {"title": document.title, "body": document.body, "visibility": document.visibility}


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
    # A new record's documents (a declaration's hundreds of clauses) go in together.
    new = []
    # The documents whose words leave the vocabulary and join it (``vocabulary.apply``).
    words_out, words_in = [], []
    for row in rows:
        current = existing.pop((row["doc_type"], row["doc_key"]), None)
        if current is None:
            new.append(SearchDocument(**row))
            words_in.append(row)
            text_changed = True
            continue
        changed = [name for name, value in row.items() if getattr(current, name) != value]
        if changed:
            text_changed |= "content_hash" in changed
            if "content_hash" in changed or "visibility" in changed:
                words_out.append(_words_source(current))
                words_in.append(row)
            for name in changed:
                setattr(current, name, row[name])
            current.save(update_fields=[*changed, "indexed_at"])
    if existing:
        SearchDocument.objects.filter(pk__in=[doc.pk for doc in existing.values()]).delete()
        words_out.extend(_words_source(doc) for doc in existing.values())
    SearchDocument.objects.bulk_create(new, batch_size=BULK_BATCH_SIZE)
    vocabulary.apply(removed=words_out, added=words_in)
    if text_changed:
        from intercity.searchindex.vectors import schedule_embedding

        schedule_embedding()
    return text_changed


def index_pk(source: SearchSource, pk: Any) -> None:
    """Bring one record's rows up to date after a write (or its deletion).

    Inside a transaction the work waits for the commit and then goes to the task queue, in
    one batch per transaction, so the writing request does not pay for it and a rolled-back
    write never reaches the index; inside ``batched()`` each record is done once at the end.
    """
    if is_suspended():
        return
    batch = getattr(_state, "batch", None)
    if batch is not None:
        batch.add((source.type, pk))
        return
    if settings.SEARCH_INDEX_AFTER_COMMIT and connection.in_atomic_block:
        pending = _pending()
        waiting = getattr(_state, "flush", None)
        if waiting is None or not any(entry[1] is waiting for entry in connection.run_on_commit):
            # No flush waits for this transaction: anything pending was written by one that
            # rolled back (its callback went with it), and is dropped with it.
            pending.clear()
            _state.flush = waiting = lambda: flush_pending()  # noqa: PLW0108 - its own identity
            transaction.on_commit(waiting)
        pending.add((source.type, pk))
        return
    refresh_key(source.type, pk)


def remove_object(source: SearchSource, pk: Any) -> None:
    index_pk(source, pk)


def refresh_key(source_type: str, pk: Any) -> None:
    """Index the record now: its rows are rewritten, or removed when it is gone."""
    source = get_source(source_type)
    obj = source.objects().filter(pk=pk).first()
    if obj is None:
        gone = SearchDocument.objects.filter(source=source.type, object_id=str(pk))
        removed = list(gone.values("title", "body", "visibility"))
        gone.delete()
        vocabulary.apply(removed=removed)
    else:
        index_object(source, obj)


def _pending() -> set[tuple[str, Any]]:
    if not hasattr(_state, "pending"):
        _state.pending = set()
    return _state.pending


def flush_pending() -> None:
    """Hand the records written by the committed transaction to the task queue, once each."""
    _state.flush = None
    keys = sorted(_pending(), key=str)
    _pending().clear()
    if not keys:
        return
    try:
        enqueue(REFRESH_TASK, keys)
    except Exception:  # noqa: BLE001 - a queue that is down must not lose index updates
        logger.warning("The task queue refused %d index updates; doing them now.", len(keys))
        refresh_keys(keys)


def refresh_keys(keys: Iterable[tuple[str, Any]]) -> None:
    for source_type, pk in keys:
        with transaction.atomic():
            refresh_key(source_type, pk)


@contextlib.contextmanager
def batched() -> Iterator[None]:
    """Collect index updates and do each record once when the block ends (a bulk import)."""
    if getattr(_state, "batch", None) is not None:
        yield
        return
    _state.batch = set()
    try:
        yield
    except BaseException:
        _state.batch = None
        raise
    keys, _state.batch = _state.batch, None
    for source_type, pk in sorted(keys, key=str):
        index_pk(get_source(source_type), pk)


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
        # Every field the row is written back with: a deferred one would be read from the
        # row deleted below when the vector is saved again.
        .only(
            "document__doc_type",
            "document__doc_key",
            "content_hash",
            "model_version",
            "passages",
            "vector",
        )
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
    vocabulary.rebuild()
    refresh_statistics()
    return written


def refresh_statistics() -> None:
    """Let the query planner see the rebuilt table; stale counts make it pick slow plans."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE searchindex_searchdocument")
        cursor.execute("ANALYZE searchindex_searchterm")
