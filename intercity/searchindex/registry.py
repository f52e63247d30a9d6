"""The extension point of platform search: a registry of searchable sources.

A source tells the index how to turn records of one model into documents and
who may see them. To make a new kind of record searchable, build a
``SearchSource`` and register it from your app's ``AppConfig.ready()``::

    from intercity.searchindex.registry import Document, SearchSource, register

    def declaration_documents(declaration):
        yield Document(
            type="declaration", id=str(declaration.pk), title=declaration.title,
            body=declaration.preamble, language="en", city=declaration.host_city,
            themes=[...], date=declaration.adopted_on, visibility="public",
            url=declaration.get_absolute_url(),
        )
        for clause in declaration.clauses.all():
            yield Document(type="clause", id=f"{declaration.pk}.{clause.number}", ...)

    register(SearchSource(
        type="declaration",
        label=_("Declaration"),
        model=Declaration,
        objects=lambda: Declaration.objects.prefetch_related("clauses"),
        documents=declaration_documents,
        types={"declaration": _("Declaration"), "clause": _("Clause")},
        watch=[Watch(Clause, lambda clause: clause.declaration_id)],
    ))

Saving or deleting a registered model (or a watched related one) re-indexes
the record in the same transaction; ``intercity reindex`` rebuilds everything.
Documents whose ``visibility`` is "public" are shown to everyone, "network" to
network insiders, "draft" to the secretariat, the owner user and the owner
city's focal points and experts; a source with other rules passes
``permission``, a function of the user returning a ``Q`` over ``SearchDocument``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, Q, QuerySet


@dataclass(frozen=True)
class Document:
    """One searchable unit, as a source yields it."""

    type: str
    id: str
    title: str
    body: str
    url: str
    language: str = ""
    city: Any = None  # a City, its pk, or None
    cities: Sequence[str] = ()  # slugs of every city concerned, for the city filter
    themes: Sequence[str] = ()  # theme slugs
    date: datetime.date | None = None
    visibility: str = "public"
    owner_city: Any = None  # a City or pk; its editors may see the document as a draft
    owner_user: Any = None  # a User or pk


@dataclass(frozen=True)
class Watch:
    """A related model whose changes re-index a record of the source.

    ``parent`` maps a saved or deleted instance of ``model`` to the pk of the
    source's record (or None).
    """

    model: type[Model]
    parent: Callable[[Any], Any]


@dataclass(frozen=True)
class SearchSource:
    type: str
    label: Any
    model: type[Model]
    objects: Callable[[], QuerySet]
    documents: Callable[[Any], Iterable[Document]]
    # Labels of every document type the source yields; defaults to {type: label}.
    types: Mapping[str, Any] = field(default_factory=dict)
    permission: Callable[[Any], Q] | None = None
    watch: Sequence[Watch] = ()
    # Many-to-many fields of ``model`` whose changes re-index the record.
    m2m_fields: Sequence[str] = ()
    # Whether documents get sentence vectors. Records that are little more than
    # a name (cities) are found by keyword; as vectors they would only crowd
    # out content, since e5 ranks any short text of the query's language high.
    embed: bool = True

    def type_labels(self) -> dict[str, Any]:
        return dict(self.types) or {self.type: self.label}


_sources: dict[str, SearchSource] = {}
# Called with each source as it registers: the signal handlers that keep the index current
# subscribe here, so that this module needs nothing from the modules that index.
_listeners: list[Callable[[SearchSource], None]] = []


def register(source: SearchSource) -> None:
    """Add a source and start indexing its records on save; the same type again replaces it."""
    _sources[source.type] = source
    for listener in _listeners:
        listener(source)


def on_register(listener: Callable[[SearchSource], None]) -> None:
    """Call ``listener`` with every source registered so far and every one registered later."""
    _listeners.append(listener)
    for source in list(_sources.values()):
        listener(source)


def unregister(source_type: str) -> None:
    _sources.pop(source_type, None)


def sources() -> list[SearchSource]:
    return list(_sources.values())


def get_source(source_type: str) -> SearchSource:
    return _sources[source_type]


def sources_for_model(model: type[Model]) -> list[SearchSource]:
    return [source for source in _sources.values() if source.model is model]


def embedded_source_types() -> list[str]:
    return [source.type for source in _sources.values() if source.embed]


# Each place's names in every language, {slug: names}, from the app that keeps the places; the
# search ranks a place's own documents high when a query names it.
_place_names: list[Callable[[], Mapping[str, Iterable[str]]]] = []


def provide_place_names(provider: Callable[[], Mapping[str, Iterable[str]]]) -> None:
    _place_names[:] = [provider]


def place_names() -> Mapping[str, Iterable[str]]:
    return _place_names[0]() if _place_names else {}


def type_labels() -> dict[str, Any]:
    """Every document type any source yields, with its label, for the type filter."""
    labels: dict[str, Any] = {}
    for source in _sources.values():
        labels.update(source.type_labels())
    return labels


def join_lines(*parts: str) -> str:
    """A document body from the record's text fields, skipping the empty ones."""
    return "\n".join(part for part in parts if part)
