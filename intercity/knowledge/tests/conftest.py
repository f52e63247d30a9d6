"""Fixtures of the knowledge tests: the ANMC21 themes and a few items of each visibility."""

import pytest

from intercity.core.models import Theme
from intercity.dataset.anmc21 import THEMES


@pytest.fixture
def themes(db):
    return {
        slug: Theme.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in THEMES
    }


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what services leave for after the commit (embedding runs), as a real request would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
