"""Platform search: permission-filtered keyword matching, semantic ranking and their fusion."""

from __future__ import annotations

import datetime
import functools
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, QuerySet
from django.utils.safestring import SafeString, mark_safe

from intercity.search import embedding, thesaurus
from intercity.search.accents import typed_without_accents
from intercity.search.places import cities_named, city_records_first, is_only_a_place
from intercity.search.query_language import likely_languages, query_languages, spelt_alike
from intercity.search.ranking import (
    highlight,
    matched_terms,
    semantic_strengths,
    weighted_fusion,
)
from intercity.search.reader_language import language_preference, near_ties_by_preference
from intercity.search.text import query_terms
from intercity.searchindex import keyword, vocabulary
from intercity.searchindex.accent_model import accent_model
from intercity.searchindex.hit_loading import Bodies, hit_documents
from intercity.searchindex.models import SearchDocument
from intercity.searchindex.passage_search import passage_search
from intercity.searchindex.permissions import visible_documents_q
from intercity.searchindex.registry import place_names, type_labels
from intercity.searchindex.vectors import embed_query, semantic_enabled

logger = logging.getLogger(__name__)

# How many ranked candidates each list contributes before fusion.
KEYWORD_CANDIDATES = 200
SEMANTIC_CANDIDATES = 200
# At most this many of a named city's own documents join the results.
PLACE_RESULTS = 50
# Semantic neighbours kept after permission filtering; every query has
# neighbours, so only the closest few are results.
SEMANTIC_RESULTS = 20
SNIPPET_WIDTH = 220
# The substring match scans text; it runs only when words found this little.
SUBSTRING_FALLBACK_BELOW = 10


@dataclass(frozen=True)
class SearchFilters:
    types: tuple[str, ...] = ()
    city: str | None = None
    theme: str | None = None
    language: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def apply(self, documents: QuerySet, *, with_types: bool = True) -> QuerySet:
        if with_types and self.types:
            documents = documents.filter(doc_type__in=self.types)
        if self.city:
            documents = documents.filter(cities__contains=f" {self.city} ")
        if self.theme:
            documents = documents.filter(themes__contains=f" {self.theme} ")
        if self.language:
            documents = documents.filter(language__iexact=self.language)
        if self.date_from:
            documents = documents.filter(date__gte=self.date_from)
        if self.date_to:
            documents = documents.filter(date__lte=self.date_to)
        return documents


@dataclass
class SearchHit:
    document: SearchDocument
    score: float
    type_label: str
    matched_by: tuple[str, ...]
    # The query's terms and each alternative group of them (``thesaurus``) that may have found
    # this hit by its words; empty when only its meaning or its city did.
    term_groups: tuple[tuple[str, ...], ...] = ()
    # Terms never marked: other languages' short particles ("sa", "ng"), which are everywhere.
    unmarked: frozenset[str] = frozenset()
    # (start, end) of the passage that matched by meaning, in "title\nbody".
    passage: tuple[int, int] | None = None
    bodies: Bodies | None = field(default=None, repr=False, compare=False)

    # Highlighting maps up to 8,000 characters around the first match (a tenth of a
    # millisecond for a short text, a few for a long one): it is done only for the hits a
    # page or an answer actually shows.
    def _load_body(self) -> None:
        if self.bodies is not None and "body" not in self.document.__dict__:
            self.bodies.load_from(self)

    @functools.cached_property
    def terms(self) -> tuple[str, ...]:
        """The terms that found this hit, as the index reads its text in its own language:
        the groups it holds every term of. A hit found only by meaning, or as a named city's
        record, is marked with none, though some word of the query may appear in it."""
        if not self.term_groups:
            return ()
        self._load_body()
        text = f"{self.document.title}\n{self.document.body}"
        found = matched_terms(text, self.term_groups, self.document.language or None)
        return tuple(term for term in found if term not in self.unmarked)

    @functools.cached_property
    def title_html(self) -> SafeString:
        # highlight() escapes everything but its own <mark> tags.
        return mark_safe(  # noqa: S308
            highlight(self.document.title, self.terms, 400, self.document.language or None)
        )

    @functools.cached_property
    def snippet(self) -> SafeString:
        self._load_body()
        body = self.document.body
        if not body:
            return mark_safe("")
        if self.passage is not None and "keyword" not in self.matched_by:
            # The passage that matched by meaning, rather than the opening.
            offset = len(self.document.title) + 1
            start, end = max(0, self.passage[0] - offset), max(0, self.passage[1] - offset)
            if end > start:
                body = body[start:end]
        language = self.document.language or None
        return mark_safe(highlight(body, self.terms, SNIPPET_WIDTH, language))  # noqa: S308

    @property
    def type(self) -> str:
        return self.document.doc_type

    @property
    def by_meaning_only(self) -> bool:
        return self.matched_by == ("semantic",)

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.document.doc_type,
            "id": self.document.doc_key,
            "title": self.document.title,
            "url": self.document.url,
            "score": round(self.score, 6),
            "snippet": str(self.snippet),
            "language": self.document.language,
            "date": self.document.date.isoformat() if self.document.date else None,
            "matched_by": list(self.matched_by),
        }


@dataclass
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    type_counts: dict[str, int]
    mode: str  # "hybrid", "keyword" or "empty"
    timings: dict[str, float] = field(default_factory=dict)
    # The text searched by meaning when it is not the query as typed (accents restored).
    meaning_query: str | None = None
    # The counts were estimated from a sample: the words match tens of thousands of records.
    estimated: bool = False
    # The query with its misspelt words corrected: words the records lack, or far rarer in
    # them than a near word.
    suggestion: str | None = None


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def visible_documents(user, filters: SearchFilters | None = None, *, with_types=True) -> QuerySet:
    documents = SearchDocument.objects.filter(visible_documents_q(user))
    return (filters or SearchFilters()).apply(documents, with_types=with_types)


@dataclass
class _Neighbours:
    """Documents close in meaning, as (id, strength), best first; the passage that matched in
    each, and its language; the text searched when it is not the query as typed."""

    ranked: list[tuple[int, float]] = field(default_factory=list)
    passages: dict[int, tuple[int, int]] = field(default_factory=dict)
    languages: dict[int, str] = field(default_factory=dict)
    restored: str | None = None


def _semantic_ranking(query: str, base: QuerySet, timings: dict[str, float]) -> _Neighbours:
    """Documents close in meaning, the passage that matched in each, and their languages.

    No absolute similarity floor: e5 scores run higher within a language than
    across languages, so each query's neighbours are judged against that
    query's own distribution of scores (``semantic_strengths``), and must stand
    a clear margin above it.
    """
    started = time.perf_counter()
    try:
        passage_search.refresh()
        if not len(passage_search):
            return _Neighbours()
        # Vietnamese typed without accents is embedded as it would have been written.
        restored = accent_model().restore(query) if typed_without_accents(query) else None
        query_vector = embed_query(restored or query)
    except embedding.EmbeddingUnavailableError:
        return _Neighbours()
    timings["embed_query_ms"] = _ms(started)
    started = time.perf_counter()
    neighbours = passage_search.top(query_vector, SEMANTIC_CANDIDATES)
    strengths = semantic_strengths([score for _, _, score in neighbours])
    timings["cosine_ms"] = _ms(started)
    kept = [
        (doc_id, strength, number)
        for (doc_id, number, _), strength in zip(neighbours, strengths, strict=True)
        if strength > 0
    ]
    if not kept:
        return _Neighbours(restored=restored)
    started = time.perf_counter()
    # Permission and filters apply to neighbours as to keyword matches; the same
    # query reads where each kept document's passages lie, and its language.
    rows = base.filter(id__in=[doc_id for doc_id, _, _ in kept])
    allowed = {row[0]: row[1:] for row in rows.values_list("id", "vector__passages", "language")}
    timings["semantic_db_ms"] = _ms(started)
    visible = [row for row in kept if row[0] in allowed][:SEMANTIC_RESULTS]
    found = _Neighbours(restored=restored)
    for doc_id, strength, number in visible:
        document_spans, found.languages[doc_id] = allowed[doc_id]
        found.ranked.append((doc_id, strength))
        if number < len(document_spans or []):
            found.passages[doc_id] = tuple(document_spans[number])
    return found


def _query_language_first(
    hits: list[SearchHit], query: str, expansions: list[list[str]], reader: str | None
) -> list[SearchHit]:
    """The hits in the query's likely language first (``query_language``); after them, in
    their order, those found only because another language spells a query word alike, with
    the query's words left unmarked in them. None is left out."""
    likely = likely_languages(
        query, [hit.document.language for hit in hits if hit.term_groups], reader
    )
    if likely is None:
        return hits
    # The languages of the thesaurus's words for a concept the query names: their records
    # were looked for on purpose.
    own = thesaurus.languages_of(expansions)
    first, after = [], []
    for hit in hits:
        if hit.term_groups and spelt_alike(query, hit.document.language, likely, own):
            # Marked only where the concept's own words in its language found it.
            hit.term_groups = hit.term_groups[1:]
            after.append(hit)
        else:
            first.append(hit)
    return first + after


def _finds_any(query: str, base: QuerySet, lang: str | None, *, by_meaning: bool) -> bool:
    """Whether ``query`` finds any of ``base`` by its words, the thesaurus's words for the
    concepts it names, their letters inside longer words, the city it names, or, when search
    reads meaning (``by_meaning``), by meaning: a suggestion that would find nothing is not
    offered. The cheapest ways are asked first; this runs only when a suggestion is made."""
    terms = [term for term in query_terms(query, lang) if term.strip()][:16]
    if not terms:
        return False
    if keyword.ranked(base, terms, limit=1, alternatives=thesaurus.alternatives(terms)):
        return True
    named = cities_named(query, place_names())
    if base.filter(keyword.substring_q(terms)).exists() or (
        named and base.filter(city__slug__in=named).exists()
    ):
        return True
    return by_meaning and bool(_semantic_ranking(query, base, {}).ranked)


def search(
    *,
    user,
    query: str,
    filters: SearchFilters | None = None,
    lang: str | None = None,
    limit: int = KEYWORD_CANDIDATES,
    semantic: bool = True,
    reader_language: str | None = None,
) -> SearchResults:
    """Find what ``user`` may see for ``query``; counts and hits never include anything else.

    ``lang`` is the query's language when the client knows it, ``reader_language`` the
    language the reader reads the platform in: either tells which language a word several
    languages spell alike is meant in (``_query_language_first``). Among equal matches the
    reader's language (else the query's) comes first, then the languages the query is written
    in (``lang``, else those of its script), then the rest (``near_ties_by_preference``).

    Keyword matches come from the full-text index (every query term must be
    present), completed by a substring match when the index finds fewer than
    ``limit``. When vectors exist and the model loads, the closest documents
    by meaning join them through reciprocal rank fusion.
    """
    filters = filters or SearchFilters()
    query = query.strip()
    timings: dict[str, float] = {}
    terms = [term for term in query_terms(query, lang) if term.strip()][:16]
    if not query or not terms:
        return SearchResults(query, [], 0, {}, "empty", timings)
    started_all = time.perf_counter()
    untyped = visible_documents(user, filters, with_types=False)
    base = filters.apply(untyped)

    started = time.perf_counter()
    # Words of the themes the query names, in the network's other languages.
    expansions = thesaurus.alternatives(terms)
    matches = keyword.ranked_and_counted(
        untyped, terms, limit=limit, types=filters.types, alternatives=expansions
    )
    keyword_ranked, counts, estimated = matches.ranked, matches.counts, matches.estimated
    # Each candidate's language, read with it, orders the near ties before the best are cut
    # from the rest; only those are then read in full.
    languages: dict[int, str] = dict(matches.languages)
    timings["keyword_db_ms"] = _ms(started)
    keyword_condition = keyword.match_q(terms, expansions)
    substring_used = len(keyword_ranked) < min(limit, SUBSTRING_FALLBACK_BELOW)
    if substring_used:
        started = time.perf_counter()
        substring_condition = keyword.substring_q(terms)
        found = {doc_id for doc_id, _ in keyword_ranked}
        extra = (
            base.filter(substring_condition)
            .exclude(id__in=found)
            .order_by("-date", "-id")
            .values_list("id", "language")[: limit - len(keyword_ranked)]
        )
        for doc_id, language in extra:
            keyword_ranked.append((doc_id, 0.0))
            languages[doc_id] = language
        keyword_condition |= substring_condition
        timings["substring_db_ms"] = _ms(started)

    # The records of a city the query names ("Hanoi", "東京"), newest first: its own page,
    # practices and organisations, rather than every record that lists it among others.
    # They belong at the top even when written in a language that spells the name otherwise.
    place_ranked: list[int] = []
    place_rows: list[tuple[int, str, Any]] = []
    names = place_names()
    named = cities_named(query, names)
    if named:
        started = time.perf_counter()
        # Undated records last on every database (PostgreSQL would put them first).
        rows = list(
            base.filter(city__slug__in=named)
            .order_by(F("date").desc(nulls_last=True), "-id")
            .values_list("id", "doc_type", "date", "language")[:PLACE_RESULTS]
        )
        place_rows = [row[:3] for row in rows]
        languages.update((row[0], row[3]) for row in rows)
        place_ranked = [doc_id for doc_id, _type, _date in place_rows]
        timings["place_db_ms"] = _ms(started)

    neighbours = _Neighbours()
    mode = "keyword"
    if semantic and semantic_enabled() and embedding.is_available():
        neighbours = _semantic_ranking(query, base, timings)
        languages.update(neighbours.languages)
        if len(passage_search):
            mode = "hybrid"
    semantic_ranked = neighbours.ranked

    started = time.perf_counter()
    if substring_used:
        # Few words matched; the count includes what the substrings found.
        estimated = False
        counts = dict(
            untyped.filter(keyword_condition)
            .values_list("doc_type")
            .annotate(n=Count("id"))
            .values_list("doc_type", "n")
        )
    keyword_ids = {doc_id for doc_id, _ in keyword_ranked}
    beyond_keywords = [
        doc_id
        for doc_id in dict.fromkeys([*(doc_id for doc_id, _ in semantic_ranked), *place_ranked])
        if doc_id not in keyword_ids
    ]
    if beyond_keywords:
        # Neighbours and the named city's documents the keyword condition did not count.
        for doc_type, number in (
            untyped.filter(id__in=beyond_keywords)
            .exclude(keyword_condition)
            .values_list("doc_type")
            .annotate(n=Count("id"))
            .values_list("doc_type", "n")
        ):
            counts[doc_type] = counts.get(doc_type, 0) + number
    if estimated:
        # Neighbours by meaning added to an estimate leave it an estimate: no more precise.
        counts = {doc_type: keyword.rounded_estimate(n) for doc_type, n in counts.items()}
    total = sum(n for t, n in counts.items() if not filters.types or t in filters.types)
    timings["count_db_ms"] = _ms(started)

    # Among equal matches in several languages, one name written alike, the reader's version
    # comes first in every list, and so after their fusion: never above a better match. After
    # it come the versions in the language the query is written in.
    reader = reader_language or lang
    written_in = query_languages(query, lang)
    preference = {
        key: language_preference(language, reader, written_in)
        for key, language in languages.items()
    }
    keyword_ranked = near_ties_by_preference(keyword_ranked, preference)
    # Closeness in meaning differs by a few hundredths between texts that are not the same:
    # only an exact tie (one text indexed twice) is reordered there.
    semantic_ranked = near_ties_by_preference(semantic_ranked, preference, near=0.0)
    # A named city's records are ranked by date alone: only those of one date are tied.
    by_date = [(key, date.toordinal() if date else 0.0) for key, _type, date in place_rows]
    place_ranked = [key for key, _ in near_ties_by_preference(by_date, preference, near=0.0)]
    fused = weighted_fusion(
        [doc_id for doc_id, _ in keyword_ranked], semantic_ranked, place_ranking=place_ranked
    )
    if place_rows and is_only_a_place(query, names):
        fused = city_records_first(fused, place_rows)
    fused = fused[:limit]
    started = time.perf_counter()
    # What a hit shows, for the hits returned only; the body is read for the shown hits'
    # snippets only (``Bodies``).
    documents = hit_documents(key for key, _ in fused)
    bodies = Bodies()
    timings["fetch_db_ms"] = _ms(started)
    keyword_set = keyword_ids
    semantic_set = {doc_id for doc_id, _ in semantic_ranked}
    place_set = set(place_ranked)
    labels = {key: str(label) for key, label in type_labels().items()}
    # A hit's snippet marks the words that found it: the query's own, or the theme's words in
    # another language (``SearchHit.terms``); not those languages' short Latin-script
    # particles ("sa", "ng"), which would light up everywhere.
    term_groups = (tuple(terms), *(tuple(group) for group in expansions))
    particles = frozenset(
        t for group in expansions for t in group if len(t) <= 2 and t.isascii()
    ) - set(terms)
    hits = []
    for doc_id, score in fused:
        document = documents.get(doc_id)
        if document is None:
            continue
        matched_by = tuple(
            name
            for name, ids in (
                ("keyword", keyword_set),
                ("semantic", semantic_set),
                ("city", place_set),
            )
            if doc_id in ids
        )
        hits.append(
            SearchHit(
                document=document,
                score=score,
                type_label=labels.get(document.doc_type, document.doc_type),
                matched_by=matched_by,
                term_groups=term_groups if doc_id in keyword_set else (),
                unmarked=particles,
                passage=neighbours.passages.get(doc_id),
                bodies=bodies,
            )
        )
    if not is_only_a_place(query, names):
        hits = _query_language_first(hits, query, expansions, lang or reader_language)
    bodies.hits = hits
    # Offered also beside results: a typo that a few records repeat finds those, while the
    # word meant finds far more (``spelling.suggest`` says when a word counts as misspelt).
    started = time.perf_counter()
    corrected = vocabulary.suggestion(
        query,
        [name for city_names in names.values() for name in city_names],
        lang or reader_language,
    )
    suggestion = None
    if corrected and _finds_any(corrected.query, base, lang, by_meaning=mode == "hybrid"):
        suggestion = corrected.query
    timings["suggest_db_ms"] = _ms(started)
    timings["total_ms"] = _ms(started_all)
    meaning_query = neighbours.restored
    return SearchResults(
        query, hits, max(total, 0), counts, mode, timings, meaning_query, estimated, suggestion
    )
