"""Mail goes out in each recipient's chosen interface language."""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def language_of(person) -> str:
    """The language a person reads mail in: their profile's choice, else the site's default."""
    return getattr(person, "language", "") or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(person):
    """Write what follows (subjects, bodies, labels) in the person's language."""
    with translation.override(language_of(person)):
        yield
