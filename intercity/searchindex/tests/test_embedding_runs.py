"""Embedding runs: resumed after an interruption, never blocked by a dead one, with a time left."""

import datetime
import functools

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from intercity.knowledge.models import KnowledgeItem
from intercity.searchindex import vectors
from intercity.searchindex.models import DocumentVector, EmbeddingRun
from intercity.searchindex.vectors import (
    active_run,
    embed_pending,
    pending_documents,
    run_embedding,
    start_embedding_run,
)
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


class Killed(BaseException):
    """Stands for the worker's process being killed: nothing after it runs, no handler sees it."""


@pytest.fixture
def library(fake_model):
    return [KnowledgeItemFactory(title=f"Practice {n}", body=f"Body {n}") for n in range(10)]


def test_an_interrupted_run_keeps_what_it_embedded_and_the_next_carries_on(
    library, fake_model, monkeypatch
):
    monkeypatch.setattr(vectors, "embed_pending", functools.partial(embed_pending, batch_size=3))
    run = start_embedding_run()
    real_store = vectors.store_vectors

    def store_then_die(documents, embedded):
        if DocumentVector.objects.count() == 6:
            raise Killed
        real_store(documents, embedded)

    monkeypatch.setattr(vectors, "store_vectors", store_then_die)
    with pytest.raises(Killed):
        run_embedding(run.pk)
    run.refresh_from_db()
    assert run.status == EmbeddingRun.Status.RUNNING
    assert DocumentVector.objects.count() == 6
    monkeypatch.setattr(vectors, "store_vectors", real_store)
    # The dead run stops giving news; past the limit it no longer blocks a new one.
    EmbeddingRun.objects.filter(pk=run.pk).update(
        heartbeat_at=timezone.now() - EmbeddingRun.STALE_AFTER - datetime.timedelta(minutes=1)
    )
    following = start_embedding_run()
    assert following.pk != run.pk
    assert following.total == 4
    run.refresh_from_db()
    assert run.status == EmbeddingRun.Status.FAILED
    fake_model.clear()
    assert run_embedding(following.pk).status == EmbeddingRun.Status.DONE
    assert sum(fake_model) == 4  # one passage each, the four not embedded before
    assert not pending_documents().exists()


def test_a_running_run_that_still_gives_news_blocks_a_second_one(library):
    run = EmbeddingRun.objects.create(
        status=EmbeddingRun.Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=2),
        heartbeat_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert active_run() == run
    assert start_embedding_run() == run


def test_a_queued_run_waits_for_a_worker_but_not_for_ever(library):
    waiting = EmbeddingRun.objects.create()
    assert active_run() == waiting
    EmbeddingRun.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - EmbeddingRun.QUEUED_STALE_AFTER - datetime.timedelta(hours=1)
    )
    assert active_run() is None
    waiting.refresh_from_db()
    assert waiting.status == EmbeddingRun.Status.FAILED


def test_a_run_given_up_does_nothing_when_its_task_comes_late(library, fake_model):
    run = EmbeddingRun.objects.create(status=EmbeddingRun.Status.FAILED)
    assert run_embedding(run.pk).status == EmbeddingRun.Status.FAILED
    assert fake_model == []


def test_embedding_walks_the_pending_documents_once(library, fake_model):
    progress = []
    assert embed_pending(batch_size=4, progress=lambda done, total: progress.append(done)) == 10
    assert progress == [4, 8, 10]
    assert not pending_documents().exists()


def test_the_time_left_follows_the_rate_so_far():
    now = timezone.now()
    run = EmbeddingRun(
        status=EmbeddingRun.Status.RUNNING,
        total=1000,
        done=250,
        started_at=now - datetime.timedelta(seconds=100),
        heartbeat_at=now,
    )
    assert run.rate == pytest.approx(2.5, rel=0.01)
    assert run.remaining.total_seconds() == pytest.approx(300, abs=5)
    assert EmbeddingRun(status=EmbeddingRun.Status.DONE, total=5, done=5).remaining is None
    fresh = EmbeddingRun(status=EmbeddingRun.Status.RUNNING, total=9, done=0, started_at=now)
    assert fresh.remaining is None


def test_the_status_page_says_how_long_is_left(client):
    now = timezone.now()
    EmbeddingRun.objects.create(
        status=EmbeddingRun.Status.RUNNING,
        total=100_000,
        done=20_000,
        started_at=now - datetime.timedelta(hours=1),
        heartbeat_at=now,
    )
    text = client.get(reverse("knowledge:index-status")).text
    assert "20,000 of 100,000" in text
    assert "About 3\xa0hours, 59\xa0minutes left" in text or "About 4\xa0hours" in text
    assert "5.6 documents a second" in text


def test_a_dead_run_shows_as_failed_on_the_status_page(client, library):
    EmbeddingRun.objects.create(
        status=EmbeddingRun.Status.RUNNING,
        total=10,
        done=3,
        started_at=timezone.now() - datetime.timedelta(hours=3),
        heartbeat_at=timezone.now() - datetime.timedelta(hours=2),
    )
    text = client.get(reverse("knowledge:index-status")).text
    assert "failed" in text
    assert "hx-trigger" not in text


def test_reindex_vectors_only_carries_on_without_rebuilding(library, fake_model, capsys):
    embed_pending(batch_size=4)
    DocumentVector.objects.filter(
        pk__in=DocumentVector.objects.order_by("-pk").values("pk")[:3]
    ).delete()
    kept = set(DocumentVector.objects.values_list("pk", flat=True))
    call_command("reindex", "--vectors-only")
    out = capsys.readouterr().out
    assert "Indexed" not in out
    assert "Embedding 3 documents" in out
    assert kept < set(DocumentVector.objects.values_list("pk", flat=True))
    assert not pending_documents().exists()


def test_a_keyword_rebuild_keeps_the_vectors_of_unchanged_text(library, fake_model):
    """Rebuilding one source (reindex --source) must not embed again what did not change."""
    embed_pending(batch_size=4)
    before = {
        (v.document.doc_type, v.document.doc_key): (v.content_hash, v.passages, bytes(v.vector))
        for v in DocumentVector.objects.select_related("document")
    }
    assert before
    changed = library[0]
    KnowledgeItem.objects.filter(pk=changed.pk).update(body="A different body altogether")
    call_command("reindex", "--source", "knowledge", "--no-vectors")
    after = {
        (v.document.doc_type, v.document.doc_key): (v.content_hash, v.passages, bytes(v.vector))
        for v in DocumentVector.objects.select_related("document")
    }
    unchanged = {key: value for key, value in before.items() if key[1] != str(changed.pk)}
    assert after == unchanged
    assert pending_documents().filter(doc_key=str(changed.pk)).exists()
