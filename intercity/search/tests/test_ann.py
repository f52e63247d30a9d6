"""The HNSW passage index, its keys, its manifest, and the merge of index and delta neighbours."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercity.search import ann

needs_usearch = pytest.mark.skipif(not ann.is_available(), reason="usearch is not installed")


def unit_vectors(count, seed=0, dimension=384):
    vectors = np.random.default_rng(seed).standard_normal((count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@given(
    st.lists(st.integers(min_value=1, max_value=2**50), min_size=1, max_size=20),
    st.integers(min_value=0, max_value=ann.KEY_STRIDE - 1),
)
def test_a_key_gives_back_its_document_and_passage(documents, number):
    keys = ann.passage_keys(np.asarray(documents), np.full(len(documents), number))
    found_documents, found_numbers = ann.split_keys(keys)
    assert found_documents.tolist() == documents
    assert found_numbers.tolist() == [number] * len(documents)


def test_best_documents_keeps_each_documents_best_passage():
    neighbours = [(7, 2, 0.9), (7, 0, 0.8), (3, 1, 0.7), (5, 0, 0.6)]
    assert ann.best_documents(neighbours, 2) == [(7, 2, 0.9), (3, 1, 0.7)]


def test_the_delta_speaks_for_the_documents_it_holds():
    indexed = [(1, 0, 0.95), (2, 0, 0.5)]  # document 1 was re-embedded since
    exact = [(1, 1, 0.4), (9, 0, 0.7)]
    merged = ann.merge_neighbours(indexed, exact, frozenset({1, 9}))
    assert merged == [(9, 0, 0.7), (2, 0, 0.5), (1, 1, 0.4)]


def test_a_manifest_is_read_back_whole(tmp_path):
    manifest = ann.Manifest(3, "passages-3.usearch", "v1@db", "2026-01-01T00:00:00+00:00", 10, 4)
    ann.write_manifest(tmp_path, manifest)
    assert ann.read_manifest(tmp_path) == manifest
    assert [path.name for path in tmp_path.iterdir()] == [ann.MANIFEST_NAME]


def test_a_missing_or_broken_manifest_reads_as_none(tmp_path):
    assert ann.read_manifest(tmp_path) is None
    (tmp_path / ann.MANIFEST_NAME).write_text("{not json")
    assert ann.read_manifest(tmp_path) is None
    (tmp_path / ann.MANIFEST_NAME).write_text('{"generation": 1}')
    assert ann.read_manifest(tmp_path) is None


@needs_usearch
def test_the_index_finds_each_passage_and_forgets_removed_documents(tmp_path):
    vectors = unit_vectors(300)
    documents = np.repeat(np.arange(1, 101), 3)
    numbers = np.tile(np.arange(3), 100)
    index = ann.PassageIndex.create(384)
    index.add(documents, numbers, vectors)
    assert len(index) == 300
    # Every passage is found by its own vector, not only most of them.
    found = [index.search(vector, 1)[0][:2] for vector in vectors]
    assert found == list(zip(documents.tolist(), numbers.tolist(), strict=True))
    assert index.search(vectors[50], 1)[0][:2] == (17, 2)
    assert index.search(vectors[50], 1)[0][2] == pytest.approx(1.0, abs=1e-2)
    assert index.remove_documents([17, 18]) == 6
    assert 17 not in {document for document, _, _ in index.search(vectors[50], 20)}
    assert set(index.document_ids().tolist()) == set(range(1, 101)) - {17, 18}


@needs_usearch
def test_a_saved_index_is_mapped_read_only_and_loaded_to_change(tmp_path):
    vectors = unit_vectors(40, seed=1)
    index = ann.PassageIndex.create(384)
    index.add(np.arange(1, 41), np.zeros(40), vectors)
    index.save(tmp_path / "passages-1.usearch")
    mapped = ann.PassageIndex.open(tmp_path / "passages-1.usearch")
    assert mapped.search(vectors[9], 1)[0][:2] == (10, 0)
    changing = ann.PassageIndex.open(tmp_path / "passages-1.usearch", writable=True)
    changing.remove_documents([10])
    changing.add(np.array([99]), np.array([0]), vectors[9:10])
    assert changing.search(vectors[9], 1)[0][:2] == (99, 0)
    # The mapped copy still answers from the file as saved.
    assert mapped.search(vectors[9], 1)[0][:2] == (10, 0)


@needs_usearch
def test_the_index_finds_nearly_all_of_a_clear_neighbourhood():
    """Approximate, so not every neighbour every time: the nearest always, nine in ten overall."""
    centres = unit_vectors(20, seed=2)
    rng = np.random.default_rng(3)
    vectors = np.repeat(centres, 50, axis=0) + 0.02 * rng.standard_normal((1000, 384))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    index = ann.PassageIndex.create(384)
    index.add(np.arange(1000) + 1, np.zeros(1000), vectors)
    recalled = 0
    for cluster in range(20):
        neighbourhood = set(range(cluster * 50, cluster * 50 + 50))
        found = [document - 1 for document, _, _ in index.search(centres[cluster], 50)]
        assert found[0] in neighbourhood
        recalled += len(neighbourhood & set(found))
    assert recalled >= 0.9 * 1000
