"""Nearest passages by meaning: the shared HNSW index file plus an exact delta, or a plain scan.

Below ``SEARCH_VECTOR_INDEX_MIN_DOCUMENTS`` documents with vectors, or when
usearch is not installed, every process scans every vector (the "delta" then
starts at the beginning of time). Above it, ``update_vector_index`` — run by
the embedding task, ``intercity reindex`` and ``intercity vectorindex`` —
keeps an index file in ``SEARCH_VECTOR_INDEX_DIR``, which each process maps
read-only and reopens when the manifest names a new generation. A file rather
than bytes in the database: a mapped file is shared by every worker on the
host through the page cache and opens in milliseconds, where bytes read from
the database would be copied into every worker's memory. The vectors
themselves stay in the database; the index is rebuilt from them by
``intercity vectorindex --rebuild``. Hosts that do not share the directory
each keep their own copy up to date the same way.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from intercity.search import ann, embedding
from intercity.search.neutral import shipped_subspace
from intercity.search.passages import PASSAGE_CHARS
from intercity.search.ranking import cosine_top_k
from intercity.searchindex.models import DocumentVector

logger = logging.getLogger(__name__)

# Vectors stored this long before an update began are taken as in the index; later ones
# stay in the exact delta too, which covers transactions that commit late.
WATERMARK_MARGIN = datetime.timedelta(minutes=2)
# When more than this share of the index would change, it is built afresh: HNSW
# graphs degrade under many removals, and a fresh build is no slower then.
REBUILD_SHARE = 0.3
FETCH_CHUNK = 500

ProgressCallback = Callable[[int, int], None]


def index_directory() -> Path:
    return Path(settings.SEARCH_VECTOR_INDEX_DIR)


def index_threshold() -> int:
    return settings.SEARCH_VECTOR_INDEX_MIN_DOCUMENTS


def database_identity() -> str:
    """Which database an index file belongs to, so a file never serves another database."""
    details = connection.settings_dict
    host, port = details.get("HOST") or "", details.get("PORT") or ""
    return f"{connection.vendor}:{host}:{port}:{details['NAME']}"


def vector_version() -> str:
    """What the stored vectors were made with: model, passage size, language directions removed.

    The index keys a passage by its document and place (``ann.KEY_STRIDE``, the most passages a
    document may have), so that number is part of the version too.
    """
    subspace = shipped_subspace()
    removed = 0 if subspace is None else len(subspace)
    return f"{embedding.MODEL_VERSION}+p{PASSAGE_CHARS}x{ann.KEY_STRIDE}+l{removed}"


def _current_vectors() -> QuerySet:
    return DocumentVector.objects.filter(model_version=vector_version())


def _matrix(vector: bytes) -> np.ndarray:
    return np.frombuffer(bytes(vector), dtype=np.float32).reshape(-1, embedding.DIMENSION)


def usable_manifest(directory: Path) -> ann.Manifest | None:
    """The manifest of an index this database may use now, or None."""
    manifest = ann.read_manifest(directory)
    if (
        manifest is None
        or manifest.vector_version != f"{vector_version()}@{database_identity()}"
        or not (directory / manifest.file).exists()
    ):
        return None
    return manifest


@dataclass(frozen=True)
class _Scan:
    """The vectors compared one by one: each row's document and passage number."""

    ids: np.ndarray
    numbers: np.ndarray
    matrix: np.ndarray
    documents: frozenset[int]

    @classmethod
    def empty(cls) -> _Scan:
        return cls(
            np.empty(0, dtype=np.int64),
            np.empty(0, dtype=np.int32),
            np.empty((0, embedding.DIMENSION), dtype=np.float32),
            frozenset(),
        )


class PassageSearch:
    """What one process searches: the mapped index, if any, and the vectors it lacks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.forget()

    def forget(self) -> None:
        """Drop what this process holds; the next refresh reads everything again."""
        self._manifest_stat: tuple | None = None
        self._manifest: ann.Manifest | None = None
        self._index: ann.PassageIndex | None = None
        self._delta_from: datetime.datetime | None = None
        self._signature: tuple | None = None
        self._stamps: dict[int, datetime.datetime] = {}
        self._vectors: dict[int, np.ndarray] = {}
        self._scan = _Scan.empty()

    @property
    def indexed(self) -> int:
        """Passages answered by the index."""
        return len(self._index) if self._index is not None else 0

    @property
    def scanned(self) -> int:
        """Passages scored exactly, one by one."""
        return len(self._scan.ids)

    def __len__(self) -> int:
        return self.indexed + self.scanned

    def _refresh_index(self) -> None:
        directory = index_directory()
        try:
            stat = (directory / ann.MANIFEST_NAME).stat()
            seen = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError:
            seen = None
        if seen == self._manifest_stat:
            return
        self._manifest_stat = seen
        manifest = usable_manifest(directory) if seen and ann.is_available() else None
        if manifest is None:
            self._manifest, self._index = None, None
            return
        if self._manifest is not None and manifest.generation == self._manifest.generation:
            return
        try:
            self._index = ann.PassageIndex.open(directory / manifest.file)
            self._manifest = manifest
        except (OSError, RuntimeError, ValueError):
            # An updater removed the file between the manifest read and now: keep
            # scanning and try again on the next query.
            logger.warning("Cannot open the vector index %s", manifest.file, exc_info=True)
            self._manifest, self._index, self._manifest_stat = None, None, None

    def refresh(self) -> None:
        """Follow the index file and the vectors stored since it was saved."""
        with self._lock:
            self._refresh_index()
            delta_from = (
                datetime.datetime.fromisoformat(self._manifest.watermark)
                if self._manifest is not None
                else None
            )
            rows = _current_vectors()
            if delta_from is not None:
                rows = rows.filter(embedded_at__gt=delta_from)
            if delta_from != self._delta_from:
                self._delta_from = delta_from
                self._signature = None
                self._stamps, self._vectors = {}, {}
            stats = rows.aggregate(count=Count("document_id"), latest=Max("embedded_at"))
            signature = (stats["count"], stats["latest"])
            if signature == self._signature:
                return
            self._load_delta(rows)
            self._signature = signature

    def _load_delta(self, rows: QuerySet) -> None:
        stamps = dict(rows.values_list("document_id", "embedded_at"))
        for gone in set(self._stamps) - set(stamps):
            self._vectors.pop(gone, None)
        stale = [doc for doc, stamp in stamps.items() if self._stamps.get(doc) != stamp]
        if len(stale) > len(stamps) // 2:
            fetched = rows.values_list("document_id", "embedded_at", "vector").iterator(
                chunk_size=2000
            )
            for document_id, stamp, vector in fetched:
                self._vectors[document_id] = _matrix(vector)
                stamps[document_id] = stamp
        else:
            for start in range(0, len(stale), FETCH_CHUNK):
                chunk = stale[start : start + FETCH_CHUNK]
                fetched = rows.filter(document_id__in=chunk).values_list(
                    "document_id", "embedded_at", "vector"
                )
                for document_id, stamp, vector in fetched:
                    self._vectors[document_id] = _matrix(vector)
                    stamps[document_id] = stamp
        self._stamps = {doc: stamps[doc] for doc in self._vectors if doc in stamps}
        ids = sorted(self._stamps)
        if not ids:
            self._scan = _Scan.empty()
            return
        counts = [len(self._vectors[doc]) for doc in ids]
        # One assignment, so a search in another thread sees the old scan or the new one.
        self._scan = _Scan(
            ids=np.repeat(np.asarray(ids, dtype=np.int64), counts),
            numbers=np.concatenate([np.arange(count, dtype=np.int32) for count in counts]),
            matrix=np.concatenate([self._vectors[doc] for doc in ids]),
            documents=frozenset(ids),
        )

    def top(self, query_vector: np.ndarray, k: int) -> list[ann.Neighbour]:
        """The ``k`` closest documents as (document id, passage number, cosine of that passage)."""
        # A document is as close as its best passage; more passages than k are
        # read so that k distinct documents come back.
        wanted = k * 4
        scan, index = self._scan, self._index
        exact = [
            (int(scan.ids[row]), int(scan.numbers[row]), score)
            for row, score in cosine_top_k(scan.matrix, query_vector, wanted)
        ]
        if index is None:
            return ann.best_documents(exact, k)
        indexed = index.search(query_vector, wanted)
        merged = ann.merge_neighbours(indexed, exact, scan.documents)
        return ann.best_documents(merged, k)


passage_search = PassageSearch()


@contextlib.contextmanager
def _exclusive(directory: Path) -> Iterator[None]:
    """One updater at a time, across processes."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as lock:  # noqa: PTH123
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@dataclass
class IndexUpdate:
    generation: int
    added: int  # documents
    removed: int  # documents
    passages: int
    rebuilt: bool


def update_vector_index(
    *,
    rebuild: bool = False,
    force: bool = False,
    min_changes: int = 0,
    progress: ProgressCallback | None = None,
) -> IndexUpdate | None:
    """Bring the index file up to the stored vectors; None when nothing was written.

    Incremental: passages of documents re-embedded or removed since the last
    update leave the index, those stored since enter it. ``rebuild`` starts from
    nothing; ``force`` builds an index even below the size threshold. With
    ``min_changes``, an existing index is left as it is while fewer documents
    than that were embedded since: the searches compare those one by one, and
    rewriting the whole file for each edited item would cost more.
    """
    if not ann.is_available():
        return None
    directory = index_directory()
    with _exclusive(directory):
        started = timezone.now()
        existing = usable_manifest(directory)
        manifest = None if rebuild else existing
        current = _current_vectors()
        present = set(current.values_list("document_id", flat=True))
        if existing is None and not force and len(present) < index_threshold():
            return None
        index = None
        changed = current
        if manifest is not None:
            since = datetime.datetime.fromisoformat(manifest.watermark)
            changed = current.filter(embedded_at__gt=since)
            if min_changes and changed.count() < min_changes:
                return None
            index = ann.PassageIndex.open(directory / manifest.file, writable=True)
            in_index = set(index.document_ids().tolist())
            changed_ids = set(changed.values_list("document_id", flat=True))
            leaving = (in_index - present) | (changed_ids & in_index)
            if len(leaving) + len(changed_ids) > REBUILD_SHARE * max(len(in_index), 1):
                index, changed = None, current
            else:
                index.remove_documents(leaving)
        rebuilt = index is None
        if rebuilt:
            leaving = set()
            index = ann.PassageIndex.create(embedding.DIMENSION)
        total = changed.count()
        added = 0
        for batch in _batches(changed.values_list("document_id", "vector"), 2000):
            ids, numbers, matrices = [], [], []
            for document_id, vector in batch:
                matrix = _matrix(vector)
                ids.extend([document_id] * len(matrix))
                numbers.extend(range(len(matrix)))
                matrices.append(matrix)
            index.add(np.asarray(ids), np.asarray(numbers), np.concatenate(matrices))
            added += len(batch)
            if progress is not None:
                progress(added, total)
        generation = (ann.read_manifest(directory) or _no_manifest()).generation + 1
        name = f"passages-{generation}.usearch"
        index.save(directory / name)
        ann.write_manifest(
            directory,
            ann.Manifest(
                generation=generation,
                file=name,
                vector_version=f"{vector_version()}@{database_identity()}",
                watermark=(started - WATERMARK_MARGIN).isoformat(),
                passages=len(index),
                documents=len(present),
            ),
        )
        # Processes that still map an older file keep reading it until they reopen.
        for old in directory.glob("passages-*.usearch"):
            if old.name != name:
                old.unlink(missing_ok=True)
        return IndexUpdate(generation, added, len(leaving), len(index), rebuilt)


def _no_manifest() -> ann.Manifest:
    return ann.Manifest(0, "", "", "", 0, 0)


def _batches(rows: QuerySet, size: int) -> Iterator[list]:
    batch = []
    for row in rows.iterator(chunk_size=size):
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def discard_vector_index() -> None:
    """Forget the index file: the next searches scan, the next update builds afresh."""
    directory = index_directory()
    if not directory.exists():
        return
    with _exclusive(directory):
        (directory / ann.MANIFEST_NAME).unlink(missing_ok=True)
        for old in directory.glob("passages-*.usearch"):
            old.unlink(missing_ok=True)
