"""The consumer's heartbeat and the pages that say when no background worker is running."""

from datetime import timedelta

import pytest
from django.utils import timezone
from huey import MemoryHuey

from intercity.core import worker
from intercity.core.management.commands.serve import consumer_command


@pytest.fixture
def queue_without_inline_tasks(monkeypatch):
    """A queue whose tasks wait for a consumer, as under `make run`."""
    queue = MemoryHuey("intercity-test", immediate=False)
    monkeypatch.setattr(worker, "HUEY", queue)
    return queue


def test_tasks_run_inline_count_as_a_running_worker():
    assert worker.worker_running()


def test_no_heartbeat_means_no_worker(queue_without_inline_tasks):
    assert not worker.worker_running()


def test_a_recent_heartbeat_means_a_worker_runs(queue_without_inline_tasks):
    worker.heartbeat_record()
    assert worker.worker_running()


def test_a_stale_heartbeat_means_the_worker_is_gone(queue_without_inline_tasks):
    worker.heartbeat_record(at=timezone.now() - worker.STALE_AFTER - timedelta(seconds=1))
    assert not worker.worker_running()


def test_the_consumer_beats_on_startup():
    from intercity.core import tasks

    tasks.heartbeat_on_startup()
    assert worker.heartbeat_last() is not None


def test_serve_starts_the_consumer_with_this_interpreter():
    command = consumer_command(2)
    assert command[-3:] == ["run_huey", "--workers", "2"]
