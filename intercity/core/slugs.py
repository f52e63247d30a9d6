"""Unique, readable slugs for new records, including names in non-Latin scripts."""

import uuid

from django.utils.text import slugify


def unique_slug(model, text: str, *, field: str = "slug", max_length: int = 100) -> str:
    base = slugify(text, allow_unicode=False)[:max_length].strip("-")
    if not base:
        # Names written only in non-Latin scripts slugify to nothing; a short id keeps URLs stable.
        base = uuid.uuid4().hex[:10]
    candidate, counter = base, 2
    while model.objects.filter(**{field: candidate}).exists():
        candidate = f"{base}-{counter}"
        counter += 1
    return candidate
