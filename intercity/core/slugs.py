"""Unique, readable slugs for new records, including names in non-Latin scripts."""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

T = TypeVar("T")
# Each attempt sees the slugs that concurrent writers committed before it; after a few
# collisions a random suffix ends the contention.
READABLE_ATTEMPTS = 4
SLUG_ATTEMPTS = 10
# Latin letters that have no accent to strip, so slugify would drop them: "Đà Nẵng" would
# become "a-nang".
UNSPLIT_LETTERS = str.maketrans(
    {"Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ß": "ss", "Æ": "AE", "æ": "ae"}
)


def unique_slug(
    model, text: str, *, field: str = "slug", max_length: int = 100, random_suffix: bool = False
) -> str:
    base = slugify(text.translate(UNSPLIT_LETTERS), allow_unicode=False)[:max_length].strip("-")
    if not base:
        # Names written only in non-Latin scripts slugify to nothing; a short id keeps URLs stable.
        base = uuid.uuid4().hex[:10]
    if random_suffix:
        suffix = f"-{uuid.uuid4().hex[:8]}"
        return f"{base[: max_length - len(suffix)]}{suffix}"
    taken = set(
        model._default_manager.filter(**{f"{field}__startswith": base}).values_list(
            field, flat=True
        )
    )
    candidate, counter = base, 2
    while candidate in taken:
        suffix = f"-{counter}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        counter += 1
    return candidate


def create_with_unique_slug(
    model,
    text: str,
    create: Callable[[str], T],
    *,
    field: str = "slug",
    max_length: int = 100,
) -> T:
    """Create a record through ``create(slug)`` with a slug no other record holds.

    The check and the insert are not one step: a concurrent writer may take the same slug in
    between. The insert then fails on the unique index (or on validation, if the other writer
    committed first), and the slug is chosen again inside a savepoint, so the caller's
    transaction goes on.
    """
    for attempt in range(SLUG_ATTEMPTS):
        last = attempt == SLUG_ATTEMPTS - 1
        try:
            with transaction.atomic():
                slug = unique_slug(
                    model,
                    text,
                    field=field,
                    max_length=max_length,
                    random_suffix=attempt >= READABLE_ATTEMPTS,
                )
                return create(slug)
        except IntegrityError:
            if last or not model._default_manager.filter(**{field: slug}).exists():
                raise
        except ValidationError as error:
            if last or field not in getattr(error, "error_dict", {}):
                raise
    raise AssertionError("unreachable")  # pragma: no cover
