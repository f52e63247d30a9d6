"""Keyword matching in the database: FTS5 with bm25 on SQLite, tsvector and pg_trgm on PostgreSQL.

Both sides store and query the same terms, made by ``intercity.search.text``;
only the engine that looks them up differs. On PostgreSQL with the RUM extension
(Debian: ``postgresql-NN-rum``), a RUM index hands over the best matches in rank
order, so a query matching tens of thousands of documents ranks a page of them
instead of scoring every one with ``ts_rank``; without it, every match is scored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import DatabaseError, connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from intercity.search.text import matches_as_prefix

# FTS5 weights of the title and body columns in bm25.
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
# Trigram indexes cannot look up fewer than three characters.
TRIGRAM_MIN_LENGTH = 3
# The index made by migration 0006 where the server has the RUM extension.
RUM_INDEX = "searchindex_doc_vector_rum"
_DOCUMENT = "searchindex_searchdocument"
_rum_by_database: dict[str, bool] = {}
_FTS = "searchindex_fts"
_BM25 = f"bm25({_FTS}, {TITLE_WEIGHT}, {BODY_WEIGHT})"
# Up to this many full-text matches, every match's permission and type is checked and
# counted. Above it, the count per type is estimated from a sample of the matches (SQLite:
# ``COUNT_SAMPLE`` matches; PostgreSQL with RUM: ``SAMPLED_BUCKETS``), as checking tens of
# thousands of them costs more than ranking does.
EXACT_COUNT_UP_TO = 5_000
# SQLite: how many matches the estimate reads, spread over the index by a hash of their id.
COUNT_SAMPLE = 1_000
# Fewer sampled matches than this passing the reader's permission and filters, and the
# estimate would be too rough: every match is counted instead.
ESTIMATE_NEEDS = 200
# The index's best matches read for a page of ``limit``: enough for ``limit`` to pass the
# filters at the rate the sample saw, 30 % more, and this many, for chance.
RANK_MARGIN = 50


class Matches(NamedTuple):
    """The best matches (id, score; higher is better) and how many match, per type."""

    ranked: list[tuple[int, float]]
    counts: dict[str, int]
    # True when ``counts`` were estimated from a sample of a very large match.
    estimated: bool = False
    # The language of each of ``ranked``, read with it: ties are ordered by language before
    # the best are cut from the rest, and only those are read in full (``engine.search``).
    languages: Mapping[int, str] = MappingProxyType({})


def _fts5_group(terms: list[str]) -> str:
    parts = []
    for term in terms:
        quoted = '"' + term.replace('"', '""') + '"'
        parts.append(quoted + "*" if matches_as_prefix(term) else quoted)
    return " AND ".join(parts)


def fts5_query(terms: list[str], alternatives: Sequence[list[str]] = ()) -> str:
    """An FTS5 MATCH expression requiring every term, or every term of one of the
    alternative groups; each term is quoted, so no syntax leaks in."""
    if not alternatives:
        return _fts5_group(terms)
    return " OR ".join(f"({_fts5_group(group)})" for group in [terms, *alternatives])


def _tsquery_group(terms: list[str]) -> str:
    parts = []
    for term in terms:
        quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
        parts.append(quoted + ":*" if matches_as_prefix(term) else quoted)
    return " & ".join(parts)


def tsquery(terms: list[str], alternatives: Sequence[list[str]] = ()) -> str:
    """A to_tsquery('simple', ...) text requiring every term (or every term of one of the
    alternative groups), each quoted as a lexeme."""
    if not alternatives:
        return _tsquery_group(terms)
    return " | ".join(f"({_tsquery_group(group)})" for group in [terms, *alternatives])


def _vendor() -> str:
    return connection.vendor


def ranks_through_index() -> bool:
    """Whether this PostgreSQL database has the RUM index, which returns matches best first.

    Looked up once per database and process: the index is made by a migration.
    """
    if _vendor() != "postgresql":
        return False
    name = str(connection.settings_dict["NAME"])
    if name not in _rum_by_database:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
            _rum_by_database[name] = cursor.fetchone() is not None
    return _rum_by_database[name]


def forget_rank_index() -> None:
    """Look again next time: the index was just made or dropped."""
    _rum_by_database.clear()


def _rum_best(where_sql: str, extra_sql: str = "1 = 1") -> str:
    """The best matches in RUM order: parameters query, query, where, extra, query, limit.

    The ordering expression names the query as a constant, not through a join, so that
    the planner can read the matches from the index in rank order and stop at the limit.
    """
    vector = f"{_DOCUMENT}.search_vector"
    return (
        f"SELECT {_DOCUMENT}.id, {vector} <=> to_tsquery('simple', %s) AS distance, "  # noqa: S608
        f"{_DOCUMENT}.doc_type, {_DOCUMENT}.language FROM {_DOCUMENT} "
        f"WHERE {vector} @@ to_tsquery('simple', %s) AND ({where_sql}) AND ({extra_sql}) "
        f"ORDER BY {vector} <=> to_tsquery('simple', %s) LIMIT %s"
    )


def _best_first(rows: list[tuple[int, float, str]]) -> list[tuple[int, float, str]]:
    """(id, score, ...) rows, higher scores first, ties by id: the same order whichever
    query ranked them."""
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def match_q(terms: list[str], alternatives: Sequence[list[str]] = ()) -> Q:
    """Documents whose full-text index holds every term (or every term of an alternative)."""
    if _vendor() == "postgresql":
        # A condition on the row itself, so the planner can use the GIN index
        # and the other filters together.
        sql = "searchindex_searchdocument.search_vector @@ to_tsquery('simple', %s)"
        query = tsquery(terms, alternatives)
        return Q(RawSQL(sql, [query], output_field=BooleanField()))  # noqa: S611
    sql = "SELECT rowid FROM searchindex_fts WHERE searchindex_fts MATCH %s"
    query = fts5_query(terms, alternatives)
    return Q(id__in=RawSQL(sql, [query]))  # noqa: S611 - constant SQL, bound terms


def substring_q(terms: list[str]) -> Q:
    """Documents whose normalised text contains every term anywhere, even inside a word.

    The fallback for what word matching misses: parts of words, compounds, and
    one- or two-character CJK queries. On PostgreSQL LIKE uses the pg_trgm
    index; on SQLite terms of three characters or more go through the trigram
    FTS5 table and shorter ones are a plain scan, which is why this runs only
    when the word index found too little.
    """
    condition = Q()
    for term in terms:
        if _vendor() == "sqlite" and len(term) >= TRIGRAM_MIN_LENGTH:
            sql = "SELECT rowid FROM searchindex_trigram WHERE searchindex_trigram MATCH %s"
            phrase = '"' + term.replace('"', '""') + '"'
            condition &= Q(id__in=RawSQL(sql, [phrase]))  # noqa: S611 - constant SQL, bound term
        else:
            condition &= Q(normalised__contains=term)
    return condition


def _where(documents: QuerySet) -> tuple[str, list] | None:
    """The WHERE clause of a single-table queryset over the document table, or None if empty.

    Ranking joins the full-text matches to the document table and checks the
    permission and filters on the matched rows only, instead of listing every
    visible document first.
    """
    query = documents.query
    compiler = query.get_compiler(using=documents.db)
    try:
        sql, params = compiler.compile(query.where)
    except FullResultSet:
        return "1 = 1", []
    except EmptyResultSet:
        return None
    return sql or "1 = 1", list(params)


def ranked(
    documents: QuerySet,
    terms: list[str],
    *,
    limit: int,
    alternatives: Sequence[list[str]] = (),
) -> list[tuple[int, float]]:
    """Ids and scores (higher is better) of the best ``limit`` full-text matches of the
    terms, or of any alternative group of terms."""
    where = _where(documents)
    if where is None:
        return []
    # ``where_sql`` is compiled by Django from our own filters; values are parameters.
    where_sql, where_params = where
    if ranks_through_index():
        return _ranked_and_counted_by_rum(
            terms, alternatives, where_sql, where_params, "1 = 1", [], limit
        ).ranked
    with connection.cursor() as cursor:
        if _vendor() == "postgresql":
            sql = (
                "SELECT searchindex_searchdocument.id, "  # noqa: S608
                "ts_rank(searchindex_searchdocument.search_vector, q) AS score "
                "FROM searchindex_searchdocument, to_tsquery('simple', %s) q "
                f"WHERE searchindex_searchdocument.search_vector @@ q AND ({where_sql}) "
                "ORDER BY score DESC, searchindex_searchdocument.id LIMIT %s"
            )
            cursor.execute(sql, [tsquery(terms, alternatives), *where_params, limit])
            return [(row[0], float(row[1])) for row in cursor.fetchall()]
        # The matches come from FTS5's own scan first, then meet the document
        # table by rowid: asked the other way round, SQLite probes the FTS
        # table once per visible document.
        sql = (
            "WITH matches AS MATERIALIZED ("  # noqa: S608
            "SELECT rowid AS id, "
            f"bm25(searchindex_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            "FROM searchindex_fts WHERE searchindex_fts MATCH %s) "
            "SELECT matches.id, matches.score FROM matches "
            "CROSS JOIN searchindex_searchdocument "
            f"WHERE searchindex_searchdocument.id = matches.id AND ({where_sql}) "
            "ORDER BY matches.score, matches.id LIMIT %s"
        )
        cursor.execute(sql, [fts5_query(terms, alternatives), *where_params, limit])
        # bm25() is lower for better matches.
        return [(row[0], -float(row[1])) for row in cursor.fetchall()]


def ranked_and_counted(
    documents: QuerySet,
    terms: list[str],
    *,
    limit: int,
    types: Sequence[str] = (),
    alternatives: Sequence[list[str]] = (),
) -> Matches:
    """The best ``limit`` matches among ``types`` (all if empty), as ``ranked`` gives them,
    and how many documents of each type match: both from one pass over the matches.

    Counting in a second query would find, join and check every match again,
    which at 100,000 documents costs as much as the ranking itself. A match of more
    than ``EXACT_COUNT_UP_TO`` documents is counted from a sample (``Matches.estimated``)
    on SQLite and on PostgreSQL with RUM; its ranking stays exact.
    """
    where = _where(documents)
    if where is None:
        return Matches([], {})
    where_sql, where_params = where
    type_sql, type_params = "1 = 1", []
    if types:
        type_sql = f"hits.doc_type IN ({', '.join(['%s'] * len(types))})"
        type_params = list(types)
    if ranks_through_index():
        return _ranked_and_counted_by_rum(
            terms, alternatives, where_sql, where_params, type_sql, type_params, limit
        )
    if _vendor() == "postgresql":
        hits = (
            "SELECT searchindex_searchdocument.id AS id, "  # noqa: S608
            "ts_rank(searchindex_searchdocument.search_vector, q) AS score, "
            "searchindex_searchdocument.doc_type AS doc_type, "
            "searchindex_searchdocument.language AS language "
            "FROM searchindex_searchdocument, to_tsquery('simple', %s) q "
            f"WHERE searchindex_searchdocument.search_vector @@ q AND ({where_sql})"
        )
        order = "score DESC, id"
        query = tsquery(terms, alternatives)
    else:
        # The matches come from FTS5's own scan first, then meet the document
        # table by rowid (see ``ranked``); the columns the permission reads, and the
        # language, come from the covering index ``searchdocument_access`` (migration 0005).
        hits = (
            "WITH matches AS MATERIALIZED ("  # noqa: S608
            "SELECT rowid AS id, "
            f"bm25(searchindex_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            "FROM searchindex_fts WHERE searchindex_fts MATCH %s) "
            "SELECT matches.id AS id, matches.score AS score, "
            "searchindex_searchdocument.doc_type AS doc_type, "
            "searchindex_searchdocument.language AS language FROM matches "
            "CROSS JOIN searchindex_searchdocument "
            f"WHERE searchindex_searchdocument.id = matches.id AND ({where_sql})"
        )
        order = "score, id"
        query = fts5_query(terms, alternatives)
        broad = _broad_match(query, where_sql, where_params, list(types), limit)
        if broad is not None:
            return broad
    sql = (
        f"WITH hits AS MATERIALIZED ({hits}) "  # noqa: S608 - compiled filters, bound values
        "SELECT * FROM (SELECT id, score, doc_type, language FROM hits "
        f"WHERE {type_sql} ORDER BY {order} LIMIT %s) AS best "
        "UNION ALL SELECT NULL, COUNT(*), doc_type, NULL FROM hits GROUP BY doc_type"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, *where_params, *type_params, limit])
        rows = cursor.fetchall()
    sign = 1.0 if _vendor() == "postgresql" else -1.0  # bm25() is lower for better matches
    ranked_rows = [(row[0], sign * float(row[1])) for row in rows if row[0] is not None]
    counts = {row[2]: int(row[1]) for row in rows if row[0] is None}
    languages = {row[0]: row[3] for row in rows if row[0] is not None}
    return Matches(ranked_rows, counts, languages=languages)


def rounded_estimate(number: float) -> int:
    """An estimate to two significant figures (27,933 is about 28,000): no more precise
    than a sample of a few thousand can tell."""
    if number < 100:
        return max(1, round(number))
    digits = 10 ** (len(str(int(number))) - 2)
    return round(number / digits) * digits


def _broad_match(
    query: str, where_sql: str, where_params: list, types: list[str], limit: int
) -> Matches | None:
    """SQLite, a query matching more than ``EXACT_COUNT_UP_TO`` documents: counts per type
    estimated from a sample, and the best matches taken from the full-text index's own best
    few hundred. None when the match is smaller, or too few of it pass the permission
    and filters for either shortcut to hold; the caller then checks every match.

    The ranking is exact, not estimated: the index's best ``k`` matches are checked in
    rank order, and when at least ``limit`` of them pass, no match outside them could
    rank among the best ``limit``.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {_FTS} WHERE {_FTS} MATCH %s", [query])  # noqa: S608
        matches = cursor.fetchone()[0]
        if matches <= EXACT_COUNT_UP_TO:
            return None
        # Fibonacci hashing spreads the ids evenly over [0, 2^32): a sample that no
        # periodic pattern in how documents were numbered can bias.
        below = (2**32 * COUNT_SAMPLE) // matches
        cursor.execute(
            f"SELECT {_DOCUMENT}.doc_type, COUNT(*) FROM "  # noqa: S608
            f"(SELECT rowid AS id FROM {_FTS} WHERE {_FTS} MATCH %s) AS sampled "
            f"LEFT JOIN {_DOCUMENT} ON {_DOCUMENT}.id = sampled.id AND ({where_sql}) "
            "WHERE ((sampled.id * 2654435761) & 4294967295) < %s "
            f"GROUP BY {_DOCUMENT}.doc_type",
            [query, *where_params, below],
        )
        sampled = {doc_type: int(number) for doc_type, number in cursor.fetchall()}
        drawn = sum(sampled.values())
        sampled.pop(None, None)
        wanted = sum(n for doc_type, n in sampled.items() if not types or doc_type in types)
        if wanted < ESTIMATE_NEEDS:
            return None
        best = min(matches, math.ceil(limit * drawn / wanted * 1.3) + RANK_MARGIN)
        type_sql, type_params = "1 = 1", []
        if types:
            type_sql = f"{_DOCUMENT}.doc_type IN ({', '.join(['%s'] * len(types))})"
            type_params = types
        cursor.execute(
            "WITH best AS MATERIALIZED ("  # noqa: S608 - compiled filters, bound values
            f"SELECT rowid AS id, {_BM25} AS score FROM {_FTS} WHERE {_FTS} MATCH %s "
            "ORDER BY score, rowid LIMIT %s) "
            f"SELECT best.id, best.score, {_DOCUMENT}.language FROM best CROSS JOIN {_DOCUMENT} "
            f"WHERE {_DOCUMENT}.id = best.id AND ({where_sql}) AND ({type_sql}) "
            "ORDER BY best.score, best.id LIMIT %s",
            [query, best, *where_params, *type_params, limit],
        )
        rows = cursor.fetchall()
    if len(rows) < limit and best < matches:
        return None
    counts = {doc_type: rounded_estimate(n * matches / drawn) for doc_type, n in sampled.items()}
    # bm25() is lower for better matches.
    ranked_rows = [(row[0], -float(row[1])) for row in rows]
    languages = {row[0]: row[2] for row in rows}
    return Matches(ranked_rows, counts, estimated=True, languages=languages)


def _ranked_and_counted_by_rum(
    terms: list[str],
    alternatives: Sequence[list[str]],
    where_sql: str,
    where_params: list,
    type_sql: str,
    type_params: list,
    limit: int,
) -> Matches:
    """``ranked_and_counted`` through the RUM index: the count per type first (a bitmap
    scan that scores nothing; estimated from a sample when the match is very broad), then
    the best matches, by the plan that count calls for."""
    query = tsquery(terms, alternatives)
    with connection.cursor() as cursor:
        counts = _sampled_counts(cursor, query, where_sql, where_params, type_params)
        estimated = counts is not None
        if counts is None:
            cursor.execute(
                f"SELECT {_DOCUMENT}.doc_type, COUNT(*) FROM {_DOCUMENT} "  # noqa: S608
                f"WHERE {_DOCUMENT}.search_vector @@ to_tsquery('simple', %s) "
                f"AND ({where_sql}) GROUP BY {_DOCUMENT}.doc_type",
                [query, *where_params],
            )
            counts = {doc_type: int(number) for doc_type, number in cursor.fetchall()}
        wanted = type_params or list(counts)
        eligible = sum(counts.get(doc_type, 0) for doc_type in wanted)
        type_sql = type_sql.replace("hits.doc_type", f"{_DOCUMENT}.doc_type")
        rows = _rum_ranked(
            cursor, where_sql, where_params, type_sql, type_params, query, limit, eligible
        )
    ranked_rows = [(doc_id, score) for doc_id, score, _ in rows]
    languages = {doc_id: language for doc_id, _, language in rows}
    return Matches(ranked_rows, counts, estimated, languages)


# PostgreSQL: every document falls into one of this many buckets by a hash of its id
# (migration 0007), and a broad match is counted in the first ``SAMPLED_BUCKETS`` of them.
SAMPLE_BUCKETS = 64
SAMPLED_BUCKETS = 8


def _sampled_counts(
    cursor, query: str, where_sql: str, where_params: list, types: list[str]
) -> dict[str, int] | None:
    """PostgreSQL: counts per type scaled up from the sampled buckets' matches, when the
    match is broader than ``EXACT_COUNT_UP_TO`` and enough of the sample passes the
    permission and filters; None otherwise, and every match is counted.

    The planner intersects the full-text index with the bucket index, so only the
    sample's rows are read.
    """
    cursor.execute(
        f"SELECT {_DOCUMENT}.doc_type, COALESCE(({where_sql}), false), COUNT(*) "  # noqa: S608
        f"FROM {_DOCUMENT} WHERE {_DOCUMENT}.search_vector @@ to_tsquery('simple', %s) "
        f"AND {_DOCUMENT}.sample_bucket < %s GROUP BY 1, 2",
        [*where_params, query, SAMPLED_BUCKETS],
    )
    rows = cursor.fetchall()
    scale = SAMPLE_BUCKETS / SAMPLED_BUCKETS
    if sum(number for _, _, number in rows) * scale <= EXACT_COUNT_UP_TO:
        return None
    passing = {doc_type: number for doc_type, passes, number in rows if passes}
    wanted = sum(n for doc_type, n in passing.items() if not types or doc_type in types)
    if wanted < ESTIMATE_NEEDS:
        return None
    return {doc_type: rounded_estimate(number * scale) for doc_type, number in passing.items()}


# Up to this many matches that pass the permission and filters, scoring each is cheaper
# than walking the index in rank order past the matches the filters turn away.
SCORE_EVERY_MATCH_UP_TO = 2000
# Plans asked of PostgreSQL for each case: it estimates a conjunction of words as if they
# were independent, expecting a few dozen matches where there are thousands, so left to
# itself it would score and sort every match even when the index could hand them over in
# rank order.
_READ_IN_RANK_ORDER = ("enable_bitmapscan", "enable_seqscan", "enable_sort")
_SCORE_THE_FEW = ("enable_indexscan", "enable_seqscan")


def _rum_ranked(
    cursor, where_sql, where_params, extra_sql, extra_params, query, limit, eligible
) -> list[tuple[int, float, str]]:
    """The best ``limit`` of the ``eligible`` matches that pass the permission and filters,
    as (id, score, language).

    Many: read from the RUM index in rank order, stopping at the limit. Few (a selective
    filter): found by a bitmap scan and scored one by one, rather than walking the index
    through every match the filters turn away.
    """
    if eligible == 0:
        return []
    parameters = [query, query, *where_params, *extra_params, query, limit]
    switched_off = _SCORE_THE_FEW if eligible <= SCORE_EVERY_MATCH_UP_TO else _READ_IN_RANK_ORDER
    reset = "; ".join(f"RESET {setting}" for setting in switched_off)
    cursor.execute("; ".join(f"SET {setting} = off" for setting in switched_off))
    try:
        cursor.execute(_rum_best(where_sql, extra_sql), parameters)
        rows = cursor.fetchall()
    except DatabaseError:
        # Inside a transaction the failed statement aborts it, and the rollback undoes the
        # SET as well; only a session in autocommit keeps it, and must be put back.
        if connection.get_autocommit():
            cursor.execute(reset)
        raise
    cursor.execute(reset)
    # RUM's distance is lower for better matches.
    return _best_first([(row[0], -float(row[1]), row[3]) for row in rows])


def database_ctype() -> str | None:
    """The LC_CTYPE of the PostgreSQL database, which pg_trgm and the parser read letters by."""
    if _vendor() != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        row = cursor.fetchone()
    return row[0] if row else None


def ctype_is_utf8(ctype: str | None) -> bool:
    return ctype is None or "utf8" in ctype.lower().replace("-", "")
