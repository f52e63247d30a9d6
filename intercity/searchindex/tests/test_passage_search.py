"""Semantic neighbours through the shared vector index file and the exact delta beside it."""

import datetime

import numpy as np
import pytest
from django.utils import timezone

from intercity.search import ann
from intercity.searchindex import passage_search as module
from intercity.searchindex.engine import search
from intercity.searchindex.models import DocumentVector, SearchDocument
from intercity.searchindex.passage_search import (
    PassageSearch,
    discard_vector_index,
    update_vector_index,
    usable_manifest,
)
from intercity.searchindex.tests.conftest import unit
from intercity.searchindex.vectors import store_vectors
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not ann.is_available(), reason="usearch is not installed"),
]


def make_documents(directions, count, *, start=0):
    """``count`` public documents, document i with two passages: direction i and noise."""
    rng = np.random.default_rng(start)
    documents = []
    for number in range(start, start + count):
        item = KnowledgeItemFactory(title=f"Practice {number}", body="Text " * 40)
        document = SearchDocument.objects.get(source="knowledge", object_id=str(item.pk))
        matrix = np.stack(
            [unit(rng.standard_normal(len(directions[0]))), directions[number % len(directions)]]
        )
        store_vectors([document], [([[0, 10], [10, 200]], matrix)])
        documents.append(document)
    return documents


def backdate():
    """Vectors stored an hour ago, well before any update's margin."""
    DocumentVector.objects.update(embedded_at=timezone.now() - datetime.timedelta(hours=1))


@pytest.fixture
def no_margin(monkeypatch):
    """Updates take in every vector stored before they began, none after."""
    monkeypatch.setattr(module, "WATERMARK_MARGIN", datetime.timedelta(0))


def nearest(searcher, direction, k=3):
    searcher.refresh()
    return [document for document, _, _ in searcher.top(direction, k)]


def test_below_the_threshold_no_index_is_kept_and_every_vector_is_scanned(directions, settings):
    documents = make_documents(directions, 5)
    settings.SEARCH_VECTOR_INDEX_MIN_DOCUMENTS = 100
    assert update_vector_index() is None
    searcher = PassageSearch()
    assert nearest(searcher, directions[3])[0] == documents[3].id
    assert searcher.indexed == 0
    assert searcher.scanned == 10


def test_above_the_threshold_searches_go_through_the_index(directions, settings):
    documents = make_documents(directions, 30)
    backdate()
    settings.SEARCH_VECTOR_INDEX_MIN_DOCUMENTS = 20
    update = update_vector_index()
    assert update.rebuilt and update.passages == 60 and update.added == 30
    searcher = PassageSearch()
    found = searcher.refresh() or searcher.top(directions[7], 3)
    assert found[0][:2] == (documents[7].id, 1)
    assert searcher.indexed == 60
    assert searcher.scanned == 0


def test_without_usearch_every_vector_is_scanned(directions, monkeypatch):
    documents = make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    monkeypatch.setattr(ann, "is_available", lambda: False)
    assert update_vector_index(force=True) is None
    searcher = PassageSearch()
    assert nearest(searcher, directions[5], k=1) == [documents[5].id]
    assert (searcher.indexed, searcher.scanned) == (0, 40)


def test_a_vector_stored_after_the_update_is_found_at_once(directions):
    make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    searcher = PassageSearch()
    searcher.refresh()
    assert searcher.scanned == 0
    (late,) = make_documents(directions, 1, start=20)
    assert nearest(searcher, directions[20])[0] == late.id
    assert searcher.scanned == 2


def test_a_re_embedded_document_is_judged_by_its_new_vector_only(directions):
    documents = make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    moved = documents[4]
    store_vectors([moved], [([[0, 10]], directions[30][None, :])])
    searcher = PassageSearch()
    assert moved.id not in nearest(searcher, directions[4], k=1)
    assert nearest(searcher, directions[30], k=1) == [moved.id]


def test_an_update_takes_in_new_vectors_and_drops_removed_documents(directions, no_margin):
    documents = make_documents(directions, 20)
    update_vector_index(force=True)
    make_documents(directions, 2, start=20)
    SearchDocument.objects.filter(pk=documents[0].pk).delete()
    update = update_vector_index()
    assert not update.rebuilt
    assert (update.added, update.removed, update.passages) == (2, 1, 42)
    assert update.generation == 2
    searcher = PassageSearch()
    searcher.refresh()
    assert searcher.scanned == 0
    assert documents[0].id not in nearest(searcher, directions[0], k=5)


def test_a_few_new_vectors_are_left_to_the_delta_until_there_are_enough(directions, no_margin):
    make_documents(directions, 20)
    update_vector_index(force=True)
    make_documents(directions, 2, start=20)
    assert update_vector_index(min_changes=3) is None
    searcher = PassageSearch()
    searcher.refresh()
    assert (searcher.indexed, searcher.scanned) == (40, 4)
    make_documents(directions, 1, start=22)
    assert update_vector_index(min_changes=3).added == 3


def test_a_search_never_shows_a_deleted_document_the_index_still_holds(directions):
    documents = make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    gone = documents[2]
    gone_id = gone.id
    SearchDocument.objects.filter(pk=gone_id).delete()
    module.passage_search.forget()
    results = search(user=None, query="Practice 2 text")
    assert gone_id not in {hit.document.id for hit in results.hits}


def test_a_process_follows_a_new_generation(directions, no_margin):
    make_documents(directions, 20)
    update_vector_index(force=True)
    searcher = PassageSearch()
    searcher.refresh()
    (newer,) = make_documents(directions, 1, start=20)
    update_vector_index()
    assert nearest(searcher, directions[20], k=1) == [newer.id]
    assert searcher.indexed == 42
    assert searcher.scanned == 0


def test_an_index_made_for_other_vectors_or_another_database_is_not_used(directions, settings):
    make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    manifest = ann.read_manifest(settings.SEARCH_VECTOR_INDEX_DIR)
    for version in ("other-model@" + module.database_identity(), module.vector_version() + "@x"):
        ann.write_manifest(
            settings.SEARCH_VECTOR_INDEX_DIR,
            ann.Manifest(**{**manifest.__dict__, "vector_version": version}),
        )
        assert usable_manifest(settings.SEARCH_VECTOR_INDEX_DIR) is None
        searcher = PassageSearch()
        searcher.refresh()
        assert (searcher.indexed, searcher.scanned) == (0, 40)


def test_a_rebuild_and_a_discard_start_from_nothing(directions, settings):
    make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    assert update_vector_index(rebuild=True).rebuilt
    assert len(list(settings.SEARCH_VECTOR_INDEX_DIR.glob("passages-*.usearch"))) == 1
    discard_vector_index()
    assert list(settings.SEARCH_VECTOR_INDEX_DIR.glob("passages-*")) == []
    searcher = PassageSearch()
    searcher.refresh()
    assert (searcher.indexed, searcher.scanned) == (0, 40)


def test_the_semantic_snippet_is_the_passage_found_through_the_index(directions, monkeypatch):
    from intercity.search import embedding

    documents = make_documents(directions, 20)
    backdate()
    update_vector_index(force=True)
    monkeypatch.setattr(embedding, "is_available", lambda: True)
    monkeypatch.setattr(module, "embedding", embedding)
    monkeypatch.setattr(
        "intercity.searchindex.engine.embed_query", lambda text: directions[9].copy()
    )
    results = search(user=None, query="nothing in words matches this")
    assert results.mode == "hybrid"
    hit = next(hit for hit in results.hits if hit.document.id == documents[9].id)
    assert hit.passage == (10, 200)


def test_the_vectorindex_command_builds_tells_and_discards(directions, settings, capsys):
    from django.core.management import call_command

    make_documents(directions, 20)
    backdate()
    settings.SEARCH_VECTOR_INDEX_MIN_DOCUMENTS = 100
    call_command("vectorindex")
    assert "Fewer than 100 documents" in capsys.readouterr().out
    call_command("vectorindex", "--force")
    assert "Built generation 1: 20 documents added" in capsys.readouterr().out
    call_command("vectorindex", "--status")
    assert "40 passages of 20 documents" in capsys.readouterr().out
    call_command("vectorindex", "--discard")
    call_command("vectorindex", "--status")
    assert "No usable vector index" in capsys.readouterr().out
