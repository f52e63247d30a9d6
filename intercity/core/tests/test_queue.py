"""Services hand work to the queue by task name; the names must lead to real tasks."""

import pytest
from django.utils.module_loading import import_string

from intercity.business.services import RUN_SCHEDULER
from intercity.core.queue import enqueue_on_commit
from intercity.declarations.progress import SEND_REPORT_REMINDERS

CALLS: list = []


def record(*args):
    CALLS.append(args)


@pytest.mark.parametrize(
    "task",
    [RUN_SCHEDULER, SEND_REPORT_REMINDERS, "intercity.searchindex.tasks.embed_documents"],
)
def test_every_task_a_service_names_exists(task):
    assert callable(import_string(task))


def test_work_is_queued_only_once_the_transaction_commits(db, django_capture_on_commit_callbacks):
    CALLS.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit(f"{__name__}.record", 7)
        assert CALLS == []
    assert len(callbacks) == 1
    assert CALLS == [(7,)]
