"""Approximate nearest passages: an HNSW index (usearch) saved to a file, plus an exact delta.

The index holds one entry per passage, keyed by ``document id × KEY_STRIDE +
passage number``. It is derived data: the vectors stay in the database, and
the index can be rebuilt from them at any time. Processes map the saved file
read-only (``view``), so workers share one copy through the page cache instead
of each holding every vector. Vectors stored after the index was last saved
are scored exactly, by a brute-force scan of that small delta, and take the
place of whatever the index holds for the same documents, so results are
never stale.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from intercity.search.passages import MAX_PASSAGES

__all__ = [
    "KEY_STRIDE",
    "Manifest",
    "PassageIndex",
    "best_documents",
    "is_available",
    "merge_neighbours",
    "passage_keys",
    "read_manifest",
    "split_keys",
    "write_manifest",
]

# A document has at most MAX_PASSAGES passages, so its keys never meet the next one's.
KEY_STRIDE = MAX_PASSAGES
# bfloat16 keeps cosines to about 1e-4 at half the size of float32, and is
# computed in hardware on current x86 and ARM servers.
DEFAULT_DTYPE = "bf16"
CONNECTIVITY = 16
EXPANSION_ADD = 64
# Candidates examined per search; at least the number of passages asked for.
EXPANSION_SEARCH = 256
MANIFEST_NAME = "manifest.json"

# (document id, passage number, cosine)
Neighbour = tuple[int, int, float]


def is_available() -> bool:
    try:
        import usearch.index  # noqa: F401
    except ImportError:
        return False
    return True


def passage_keys(document_ids: np.ndarray, passage_numbers: np.ndarray) -> np.ndarray:
    return np.asarray(document_ids, dtype=np.uint64) * np.uint64(KEY_STRIDE) + np.asarray(
        passage_numbers, dtype=np.uint64
    )


def split_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keys = np.asarray(keys, dtype=np.uint64)
    return (keys // np.uint64(KEY_STRIDE)).astype(np.int64), (keys % np.uint64(KEY_STRIDE)).astype(
        np.int32
    )


class PassageIndex:
    """An HNSW index of unit passage vectors under cosine similarity."""

    def __init__(self, index) -> None:
        self._index = index

    @classmethod
    def create(cls, dimension: int, *, dtype: str = DEFAULT_DTYPE) -> PassageIndex:
        from usearch.index import Index

        return cls(
            Index(
                ndim=dimension,
                metric="cos",
                dtype=dtype,
                connectivity=CONNECTIVITY,
                expansion_add=EXPANSION_ADD,
                expansion_search=EXPANSION_SEARCH,
            )
        )

    @classmethod
    def open(cls, path: Path, *, writable: bool = False) -> PassageIndex:
        """The saved index: mapped read-only from the file, or loaded into memory to change it."""
        from usearch.index import Index

        index = Index.restore(str(path), view=not writable)
        if index is None:
            raise OSError(f"{path} is not a usearch index")
        index.expansion_search = EXPANSION_SEARCH
        return cls(index)

    def __len__(self) -> int:
        return len(self._index)

    def document_ids(self) -> np.ndarray:
        if not len(self._index):
            return np.empty(0, dtype=np.int64)
        return np.unique(split_keys(np.asarray(self._index.keys, dtype=np.uint64))[0])

    def add(self, document_ids: np.ndarray, numbers: np.ndarray, matrix: np.ndarray) -> None:
        if not len(document_ids):
            return
        keys = passage_keys(document_ids, numbers)
        # One thread: built on several, the graph left a passage now and then that a search
        # for its own vector did not reach (22 of 40 builds of 300 vectors missed at least
        # one), and one thread still adds thousands a second, far more than embedding makes.
        self._index.add(keys, np.asarray(matrix, dtype=np.float32), threads=1)

    def remove_documents(self, document_ids: Iterable[int]) -> int:
        """Drop every passage of these documents; returns how many passages went."""
        wanted = np.fromiter(document_ids, dtype=np.int64)
        if not wanted.size or not len(self._index):
            return 0
        keys = np.asarray(self._index.keys, dtype=np.uint64)
        doomed = keys[np.isin(split_keys(keys)[0], wanted)]
        if doomed.size:
            self._index.remove(doomed)
        return int(doomed.size)

    def search(self, query: np.ndarray, count: int) -> list[Neighbour]:
        """The ``count`` nearest passages as (document id, passage number, cosine), best first."""
        if count <= 0 or not len(self._index):
            return []
        found = self._index.search(np.asarray(query, dtype=np.float32), count)
        documents, numbers = split_keys(found.keys)
        return [
            (int(document), int(number), 1.0 - float(distance))
            for document, number, distance in zip(documents, numbers, found.distances, strict=True)
        ]

    def save(self, path: Path) -> None:
        self._index.save(str(path))


def best_documents(neighbours: Iterable[Neighbour], k: int) -> list[Neighbour]:
    """The first ``k`` distinct documents of passages sorted best first, each at its best one."""
    found: dict[int, Neighbour] = {}
    for neighbour in neighbours:
        if neighbour[0] not in found:
            found[neighbour[0]] = neighbour
            if len(found) == k:
                break
    return list(found.values())


def merge_neighbours(
    indexed: Iterable[Neighbour], exact: Iterable[Neighbour], replaced: set[int] | frozenset[int]
) -> list[Neighbour]:
    """Index neighbours and delta neighbours in one list, best first.

    ``replaced`` are the documents whose vectors were stored after the index was
    saved: what the index holds for them is out of date, so only ``exact``
    speaks for them. Ties go to the lower document, then passage.
    """
    merged = [n for n in indexed if n[0] not in replaced]
    merged.extend(exact)
    merged.sort(key=lambda n: (-n[2], n[0], n[1]))
    return merged


@dataclass(frozen=True)
class Manifest:
    """Which index file is current, for which vectors, and up to when it holds them."""

    generation: int
    file: str
    vector_version: str
    # ISO time: vectors stored after it may be missing from the index.
    watermark: str
    passages: int
    documents: int


def read_manifest(directory: Path) -> Manifest | None:
    try:
        data = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
        return Manifest(**data)
    except (OSError, ValueError, TypeError):
        return None


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Replace the manifest in one step, so a reader sees the old one or the new one whole."""
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".manifest-", suffix=".json")
    # mkstemp makes the file private; workers running as another user read it too.
    os.chmod(temporary, 0o644)  # noqa: S103 - a list of file names, nothing secret
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(asdict(manifest), stream)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, directory / MANIFEST_NAME)
