"""File storage that keeps nothing while a form's service is only being tried.

A trial's database writes are rolled back, but a stored file is not. The ``default``
storage in ``settings.STORAGES`` is therefore ``TrialFileSystemStorage``: while
``discarding_file_saves()`` is active it picks the name it would use and writes nothing;
otherwise it is Django's ``FileSystemStorage``. The switch is a context variable rather than
a class patched for the trial's length, so a request served at the same time in another
thread stores its files as usual.
"""

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import STATICFILES_STORAGE_ALIAS, settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver

_discarding: ContextVar[bool] = ContextVar("discarding_file_saves", default=False)


class DiscardsTrialSaves:
    """Mixin for a storage class: within a trial, ``Storage.save`` checks and picks the name
    as usual and the write itself is left out, so the service sees the name it would get."""

    def _save(self, name, content):
        if _discarding.get():
            return name
        return super()._save(name, content)


class TrialFileSystemStorage(DiscardsTrialSaves, FileSystemStorage):
    """Django's file system storage, writing nothing during a trial."""


def storages_in_use() -> Iterator[Storage]:
    """The configured storages and those of every file field; the static files' storage is
    written by ``collectstatic`` alone, never by a service."""
    for alias in settings.STORAGES:
        if alias != STATICFILES_STORAGE_ALIAS:
            yield storages[alias]
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield field.storage


def _discards(storage: Storage) -> bool:
    # __class__ looks through default_storage, a lazy wrapper, to the storage itself; a class
    # that saves or writes its own way would store a trial's file for real.
    kind = storage.__class__
    return kind.save is Storage.save and kind._save is DiscardsTrialSaves._save


@functools.cache
def saves_can_be_discarded() -> bool:
    """Whether every storage in use writes nothing during a trial; where one would write,
    a form with a file is not tried. Asked once: the storages are set at start-up."""
    return all(_discards(storage) for storage in storages_in_use())


@receiver(setting_changed)
def _forget_storages(*, setting, **kwargs) -> None:
    """A test that configures other storages is answered for them."""
    if setting == "STORAGES":
        saves_can_be_discarded.cache_clear()


@contextmanager
def discarding_file_saves() -> Iterator[None]:
    """Within the block, files handed to a storage are not written."""
    token = _discarding.set(True)
    try:
        yield
    finally:
        _discarding.reset(token)
