"""Unique, readable slugs for new records, including names in non-Latin scripts."""

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
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


# Numbered forms looked up beyond one per record when slugs are chosen for many at once;
# past them a record gets a random suffix rather than another query.
SPARE_NUMBERS = 3


def _base(text: str, max_length: int) -> str:
    base = slugify(text.translate(UNSPLIT_LETTERS), allow_unicode=False)[:max_length].strip("-")
    # Names written only in non-Latin scripts slugify to nothing; a short id keeps URLs stable.
    return base or uuid.uuid4().hex[:10]


def _numbered(base: str, number: int, max_length: int) -> str:
    if number == 1:
        return base
    suffix = f"-{number}"
    return f"{base[: max_length - len(suffix)]}{suffix}"


def _random(base: str, max_length: int) -> str:
    suffix = f"-{uuid.uuid4().hex[:8]}"
    return f"{base[: max_length - len(suffix)]}{suffix}"


def unique_slug(
    model, text: str, *, field: str = "slug", max_length: int = 100, random_suffix: bool = False
) -> str:
    base = _base(text, max_length)
    if random_suffix:
        return _random(base, max_length)
    taken = set(
        model._default_manager.filter(**{f"{field}__startswith": base}).values_list(
            field, flat=True
        )
    )
    candidate, counter = base, 2
    while candidate in taken:
        candidate = _numbered(base, counter, max_length)
        counter += 1
    return candidate


def unique_slugs(
    model, texts: Sequence[str], *, field: str = "slug", max_length: int = 100
) -> list[str]:
    """A slug per text, free among the stored records and among each other, in one query
    however many texts there are: a bulk import must not ask once per line.

    Each text takes the first free of its base and the base's numbered forms, as
    ``unique_slug`` would; only the forms a text could need are looked up, so a base whose
    forms are nearly all taken gives a random suffix instead.
    """
    bases = [_base(text, max_length) for text in texts]
    wanted = Counter(bases)
    candidates = {
        base: [_numbered(base, n, max_length) for n in range(1, count + SPARE_NUMBERS + 1)]
        for base, count in wanted.items()
    }
    every = {slug for forms in candidates.values() for slug in forms}
    taken = set(
        model._default_manager.filter(**{f"{field}__in": every}).values_list(field, flat=True)
    )
    slugs = []
    for base in bases:
        slug = next((form for form in candidates[base] if form not in taken), None)
        while slug is None or slug in taken:
            slug = _random(base, max_length)
        taken.add(slug)
        slugs.append(slug)
    return slugs


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
