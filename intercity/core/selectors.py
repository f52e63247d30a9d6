"""Reads shared across apps: news and plain text search over several fields."""

from collections.abc import Sequence

from django.conf import settings
from django.db.models import Q, QuerySet

from intercity.core.models import NewsItem, Theme


def text_filter(
    queryset: QuerySet, query: str | None, fields: list[str], *, whole: Sequence[str] = ()
) -> QuerySet:
    """Keep rows where every word of the query appears in one of the fields, or is the whole
    of one of the `whole` fields: a reference such as "2b", which must not find "12b"."""
    for word in (query or "").split()[:8]:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        for field in whole:
            condition |= Q(**{f"{field}__iexact": word})
        queryset = queryset.filter(condition)
    return queryset


def in_languages(field: str) -> list[str]:
    """The lookups of a field holding a record's own translations (language code to text),
    one a platform language, for `text_filter`: a word then finds the record by its title or
    name in any language, and never by a language code."""
    return [f"{field}__{code.lower()}" for code, _name in settings.LANGUAGES]


def news_list(
    *, kind: str | None = None, city: str | None = None, search: str | None = None
) -> QuerySet:
    items = NewsItem.objects.prefetch_related("cities").select_related("meeting")
    items = text_filter(items, search, ["title", "summary"])
    if kind:
        items = items.filter(kind=kind)
    if city:
        items = items.filter(cities__slug=city)
    return items.order_by("-published_on", "-id")


def theme_list() -> QuerySet:
    return Theme.objects.order_by("name")
