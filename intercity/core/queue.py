"""Hands work to the background queue by task name, so that a service need not import its tasks.

Tasks import the services that do their work (``tasks.py`` → ``services.py``). A
service that imported its tasks back would close an import loop, so it names the
task by dotted path instead; the task module is imported only when the work is sent.
"""

from typing import Any

from django.db import transaction
from django.utils.module_loading import import_string


def enqueue(task: str, *args: Any) -> None:
    """Queue the task at the dotted path ``task`` now."""
    import_string(task)(*args)


def enqueue_on_commit(task: str, *args: Any) -> None:
    """Queue the task once the current transaction commits, so it sees what was written."""
    transaction.on_commit(lambda: enqueue(task, *args))
