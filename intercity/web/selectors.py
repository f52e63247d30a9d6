"""The site-wide search over the records a user may see, through the platform search index."""

from __future__ import annotations

import datetime

from intercity.searchindex.engine import SearchFilters, SearchResults, search
from intercity.searchindex.registry import type_labels


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def search_filters(params) -> SearchFilters:
    """Search filters from a query string: type (repeatable), city, theme, language, from, to."""
    known = type_labels()
    return SearchFilters(
        types=tuple(value for value in params.getlist("type") if value in known),
        city=params.get("city") or None,
        theme=params.get("theme") or None,
        language=params.get("language") or None,
        date_from=_date(params.get("from")),
        date_to=_date(params.get("to")),
    )


def site_search(
    *, user, query: str, filters: SearchFilters | None = None, reader_language: str | None = None
) -> SearchResults:
    """Every result and every count is limited to what ``user`` may see; ``reader_language``
    is the language the reader reads the platform in (see ``engine.search``)."""
    return search(user=user, query=query, filters=filters, reader_language=reader_language)
