"""What search hits show, read from the index: fields for hits returned, bodies for hits shown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from intercity.searchindex.models import SearchDocument

# What a hit shows, but for its body.
HIT_FIELDS = ("id", "doc_type", "doc_key", "title", "url", "language", "date")
# Bodies read at once when a snippet needs one: a page of results and more.
BODIES_AT_ONCE = 50


def hit_documents(ids: Iterable[int]) -> dict[int, SearchDocument]:
    """The documents of ``ids``, the hits a search returns, with ``HIT_FIELDS`` only.

    Read once the candidates are ranked and cut: those cut are never read, as ranking needs
    only their ids, scores and languages, which come with them.
    """
    return SearchDocument.objects.only(*HIT_FIELDS).in_bulk(list(ids))


class _Hit(Protocol):
    """A search hit (``engine.SearchHit``), as far as its body is concerned."""

    document: SearchDocument


class Bodies:
    """Reads the bodies of the hits a page shows, in one query for the next ``BODIES_AT_ONCE``.

    Hits are fetched without their bodies, which may run to a hundred thousand
    characters each; only the shown hits need one, for their snippet.
    """

    def __init__(self) -> None:
        self.hits: list[_Hit] = []

    def load_from(self, hit: _Hit) -> None:
        position = next(index for index, other in enumerate(self.hits) if other is hit)
        waiting = [
            other.document
            for other in self.hits[position : position + BODIES_AT_ONCE]
            if "body" not in other.document.__dict__
        ]
        bodies = dict(
            SearchDocument.objects.filter(id__in=[d.id for d in waiting]).values_list("id", "body")
        )
        for document in waiting:
            document.body = bodies.get(document.id, "")
