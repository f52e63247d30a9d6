"""File storage that keeps nothing while a form's service is only being tried.

A trial's database writes are rolled back, but a stored file is not. While
``discarding_file_saves()`` is active, every storage that saves through Django's
``Storage.save`` picks the name it would use and writes nothing. The switch is a context
variable rather than a class patched for the trial's length, so a request served at the same
time in another thread stores its files as usual.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.files.utils import validate_file_name
from django.db import models

_discarding: ContextVar[bool] = ContextVar("discarding_file_saves", default=False)
_real_save = Storage.save


def _save(self, name, content, max_length=None):
    if not _discarding.get():
        return _real_save(self, name, content, max_length=max_length)
    # What Storage.save does, less the write: the service sees the name it would get.
    if name is None:
        name = content.name
    validate_file_name(name, allow_relative_path=True)
    name = self.get_available_name(name, max_length=max_length)
    validate_file_name(name, allow_relative_path=True)
    return name


def install() -> None:
    """Route every ``Storage.save`` through the switch (once, when the app is ready)."""
    Storage.save = _save


def storages_in_use() -> Iterator[Storage]:
    """The configured storages and those of every file field."""
    for alias in settings.STORAGES:
        yield storages[alias]
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield field.storage


def saves_can_be_discarded() -> bool:
    """Whether every storage in use saves through the switch; one that overrides ``save``
    would write for real, so a form with a file is then not tried."""
    # __class__ looks through default_storage, a lazy wrapper, to the storage itself.
    return Storage.save is _save and all(
        storage.__class__.save is _save for storage in storages_in_use()
    )


@contextmanager
def discarding_file_saves() -> Iterator[None]:
    """Within the block, files handed to a storage are not written."""
    token = _discarding.set(True)
    try:
        yield
    finally:
        _discarding.reset(token)
