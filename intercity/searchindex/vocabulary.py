"""The words of the public documents, kept in step with the index, for spelling suggestions.

Only public documents count: a suggestion must never reveal a word that only a draft or a
network-only record holds. The indexing code calls ``apply`` with the documents a change
removed and added (``index_object``, ``refresh_key``) and ``rebuild`` after a full rebuild;
the same table works on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.db.models import Max, Q

from intercity.search import spelling
from intercity.search.text import matches_as_prefix
from intercity.searchindex.models import SearchDocument, SearchTerm, Visibility
from intercity.searchindex.platform_words import platform_lookup

BATCH_SIZE = 500


def _text(title: str, body: str) -> str:
    return f"{title}\n{body}"


def counted(document) -> bool:
    """Whether a document (a row or a row's values) adds its words to the vocabulary."""
    visibility = document["visibility"] if isinstance(document, dict) else document.visibility
    return visibility == Visibility.PUBLIC


def words_of(document) -> dict[str, str]:
    if isinstance(document, dict):
        return spelling.document_words(_text(document["title"], document["body"]))
    return spelling.document_words(_text(document.title, document.body))


def apply(*, removed: Iterable = (), added: Iterable = ()) -> None:
    """Count the words of ``added`` documents in, and those of ``removed`` out.

    Documents are rows or row values (``title``, ``body``, ``visibility``); those not
    public are skipped. Runs inside the indexing transaction; the rows it changes are
    locked in term order, so two concurrent updates wait for each other.
    """
    change: Counter[str] = Counter()
    spellings: dict[str, str] = {}
    for document in removed:
        if counted(document):
            change.subtract(words_of(document).keys())
    for document in added:
        if counted(document):
            found = words_of(document)
            change.update(found.keys())
            for key, written in found.items():
                spellings.setdefault(key, written)
    keys = sorted(key for key, number in change.items() if number)
    if not keys:
        return
    with transaction.atomic():
        for start in range(0, len(keys), BATCH_SIZE):
            _apply_batch(keys[start : start + BATCH_SIZE], change, spellings)


def _apply_batch(keys: list[str], change: Mapping[str, int], spellings: Mapping[str, str]):
    rows = {
        row.term: row
        for row in SearchTerm.objects.select_for_update().filter(term__in=keys).order_by("term")
    }
    changed, new, gone = [], [], []
    for key in keys:
        row = rows.get(key)
        if row is None:
            if change[key] > 0:
                new.append(_row(key, spellings.get(key, key), change[key]))
            continue
        row.documents += change[key]
        if row.documents <= 0:
            gone.append(row.pk)
        else:
            changed.append(row)
    SearchTerm.objects.bulk_update(changed, ["documents"], batch_size=BATCH_SIZE)
    SearchTerm.objects.bulk_create(new, batch_size=BATCH_SIZE)
    SearchTerm.objects.filter(pk__in=gone).delete()


def _row(key: str, written: str, documents: int) -> SearchTerm:
    return SearchTerm(
        term=key,
        spelling=written[:40],
        documents=documents,
        initial=key[0],
        length=len(key),
    )


def rebuild() -> int:
    """Count the vocabulary again from every public document; returns how many words it holds."""
    texts = (
        _text(title, body)
        for title, body in SearchDocument.objects.filter(visibility=Visibility.PUBLIC)
        .values_list("title", "body")
        .iterator(chunk_size=BATCH_SIZE)
    )
    entries = spelling.count_documents(texts)
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            [_row(key, entry.spelling, entry.documents) for key, entry in entries.items()],
            batch_size=BATCH_SIZE,
        )
    return len(entries)


def _entries(rows) -> dict[str, spelling.Entry]:
    return {term: spelling.Entry(documents, written) for term, documents, written in rows}


def known(keys: list[str]) -> dict[str, spelling.Entry]:
    """For each of ``keys`` the index finds, how many public documents it finds (at least).

    A word is found as itself, and a word long enough to match as a word's start
    (``matches_as_prefix``: "drill" finds "drills") in as many documents as the
    best supported word it begins. Two queries, or one when no key matches as a start.
    """
    found = _entries(
        SearchTerm.objects.filter(term__in=keys).values_list("term", "documents", "spelling")
    )
    starts = [key for key in dict.fromkeys(keys) if matches_as_prefix(key)]
    if not starts:
        return found
    # The first letter reads the words through the index of ``initial``; the start is
    # compared as text, which no collation's order of words can change.
    ranges = {
        f"start_{number}": Q(initial=key[0], term__startswith=key)
        for number, key in enumerate(starts)
    }
    condition = Q()
    for each in ranges.values():
        condition |= each
    most = SearchTerm.objects.filter(condition).aggregate(
        **{name: Max("documents", filter=each) for name, each in ranges.items()}
    )
    for number, key in enumerate(starts):
        documents = most[f"start_{number}"]
        if documents and documents > (found[key].documents if key in found else 0):
            written = found[key].spelling if key in found else key
            found[key] = spelling.Entry(documents, written)
    return found


def documents() -> int:
    """How many documents the vocabulary counts the words of: the public ones."""
    return SearchDocument.objects.filter(visibility=Visibility.PUBLIC).count()


def near(keys: list[str]) -> dict[str, spelling.Entry]:
    """The words that could correct any of ``keys``: starting with one of its first two
    letters, and at most its allowed number of edits longer or shorter. One query."""
    condition = Q()
    for key in keys:
        limit = spelling.max_edits(key)
        condition |= Q(
            initial__in=spelling.candidate_initials(key),
            length__gte=len(key) - limit,
            length__lte=len(key) + limit,
        )
    if not condition:
        return {}
    return _entries(
        SearchTerm.objects.filter(condition).values_list("term", "documents", "spelling")
    )


def suggestion(
    query: str, names: Iterable[str] = (), language: str | None = None
) -> spelling.Suggestion | None:
    """The query with its words missing from the public documents, or far rarer in them than
    a near word (``spelling.suggest``), corrected, if any can be; the words of ``names``
    (city names) are never corrected. The platform's own words for a reader of ``language``
    (``platform_words``) count as spelt right, and correct what the documents cannot."""
    return spelling.suggest(
        query, known, near, names, documents, platform=platform_lookup(language)
    )
