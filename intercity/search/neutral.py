"""Taking the language out of multilingual sentence vectors.

A multilingual encoder places texts of one language near each other: besides
what a text says, its vector tells which language it is in. That pushes an
unrelated text in the query's language above the right text in another one.
Following the language-information removal of Yang et al. (2021), the
directions along which translations of one text differ are estimated once, on
parallel text that ships with the platform (its own interface catalogues,
translated into the 13 languages), and removed from every vector before
vectors are compared. No language has to be identified, for queries or
documents.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

__all__ = ["SUBSPACE_FILE", "fit_subspace", "neutralise", "shipped_subspace"]

SUBSPACE_FILE = Path(__file__).with_name("data") / "language_subspace.npy"


def fit_subspace(parallel: np.ndarray, rank: int) -> np.ndarray:
    """Return the ``rank`` principal directions of language difference, as a (rank, d) array.

    ``parallel`` has shape (languages, texts, d): row [l, i] is the vector of
    text i in language l. What remains of each vector once the mean over its
    translations is taken away is language, not meaning.
    """
    if parallel.ndim != 3 or parallel.shape[0] < 2:
        raise ValueError("parallel must be (languages >= 2, texts, dimension)")
    if rank < 0:
        raise ValueError("rank must not be negative")
    residuals = parallel - parallel.mean(axis=0, keepdims=True)
    residuals = residuals.reshape(-1, parallel.shape[-1]).astype(np.float64)
    if rank == 0:
        return np.empty((0, parallel.shape[-1]), dtype=np.float32)
    _, _, directions = np.linalg.svd(residuals, full_matrices=False)
    return directions[:rank].astype(np.float32)


def neutralise(vectors: np.ndarray, subspace: np.ndarray | None) -> np.ndarray:
    """Project ``vectors`` (one or many) off ``subspace`` and bring them back to unit length."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if subspace is not None and subspace.size:
        vectors = vectors - (vectors @ subspace.T) @ subspace
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)


@functools.cache
def shipped_subspace() -> np.ndarray | None:
    """The subspace estimated for the bundled model, or None when none has been shipped."""
    if not SUBSPACE_FILE.exists():
        return None
    return np.load(SUBSPACE_FILE).astype(np.float32)
