"""Index updates wait for the commit, go to the task queue once per record, and never index a
write that was rolled back."""

from unittest import mock

import pytest
from django.db import transaction

from intercity.searchindex import indexing
from intercity.searchindex.models import SearchDocument
from intercity.testing.factories import CityFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = [pytest.mark.index_after_commit, pytest.mark.django_db]


def indexed_titles() -> set[str]:
    return set(SearchDocument.objects.filter(source="knowledge").values_list("title", flat=True))


def test_a_write_reaches_the_index_only_after_its_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        KnowledgeItemFactory(title="Rain gardens in Hanoi")
    assert "Rain gardens in Hanoi" not in indexed_titles()
    for callback in callbacks:
        callback()
    assert "Rain gardens in Hanoi" in indexed_titles()


def test_a_rolled_back_write_never_reaches_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            KnowledgeItemFactory(title="Never saved")
            raise RuntimeError
    assert "Never saved" not in indexed_titles()
    with django_capture_on_commit_callbacks(execute=True):
        KnowledgeItemFactory(title="Saved later")
    assert "Saved later" in indexed_titles()
    assert "Never saved" not in indexed_titles()
    assert indexing._pending() == set()


def test_many_writes_to_one_record_are_one_queued_update(django_capture_on_commit_callbacks):
    with mock.patch.object(indexing, "enqueue") as enqueue:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            item = KnowledgeItemFactory(title="Flood maps")
            for number in range(5):
                item.summary = f"Revision {number}"
                item.save()
    assert enqueue.call_count == 1
    task, keys = enqueue.call_args.args
    assert task == indexing.REFRESH_TASK
    # The item once, whatever the number of saves (its new city is a record of its own).
    assert keys.count(("knowledge", item.pk)) == 1
    assert len(keys) == len(set(keys)) == 2


def test_a_queue_that_is_down_does_not_lose_the_update(django_capture_on_commit_callbacks):
    with mock.patch.object(indexing, "enqueue", side_effect=ConnectionError("queue down")):
        with django_capture_on_commit_callbacks(execute=True):
            KnowledgeItemFactory(title="Cool roofs")
    assert "Cool roofs" in indexed_titles()


def test_a_deleted_record_leaves_the_index_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = KnowledgeItemFactory(title="Bus lanes")
    assert "Bus lanes" in indexed_titles()
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    assert "Bus lanes" not in indexed_titles()


def test_a_batch_indexes_each_record_once_at_its_end(settings):
    settings.SEARCH_INDEX_AFTER_COMMIT = False
    city = CityFactory()
    with mock.patch.object(indexing, "index_object", wraps=indexing.index_object) as index:
        with indexing.batched():
            item = KnowledgeItemFactory(title="Heat plan", city=city)
            for number in range(4):
                item.summary = f"Step {number}"
                item.save()
            assert index.call_count == 0
    assert index.call_count == 1
