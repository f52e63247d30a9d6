"""Fixtures of the search index tests: documents with vectors chosen by the test."""

import numpy as np
import pytest

from intercity.search import embedding
from intercity.searchindex import platform_words


def unit(vector):
    vector = np.asarray(vector, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def directions():
    """Fifty well separated unit directions: a document's vector near one of them."""
    rng = np.random.default_rng(12)
    vectors = rng.standard_normal((50, embedding.DIMENSION)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture
def fake_model(monkeypatch):
    """An embedding model that answers at once: each text gets a vector drawn from its hash."""

    def vectors(texts, **kwargs):
        rows = [
            np.random.default_rng(abs(hash(text)) % 2**32).standard_normal(embedding.DIMENSION)
            for text in texts
        ]
        matrix = np.asarray(rows, dtype=np.float32).reshape(-1, embedding.DIMENSION)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    calls = []

    def embed_passages(texts, **kwargs):
        calls.append(len(texts))
        return vectors(texts)

    monkeypatch.setattr(embedding, "is_available", lambda: True)
    monkeypatch.setattr(embedding, "embed_passages", embed_passages)
    monkeypatch.setattr(embedding, "embed_query", lambda text: vectors([text])[0])
    return calls


@pytest.fixture(autouse=True)
def fresh_platform_words():
    """Each test reads the themes and cities it made, not those a test before it kept."""
    platform_words._own_words_read.clear()
