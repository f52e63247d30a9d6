"""Vector ranking, fusion of result lists, and highlighted snippets for search results."""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

import numpy as np

from intercity.search.text import (
    is_dictionary_script,
    is_spaced_script,
    matches_as_prefix,
    normalise,
    query_terms,
    word_edges,
)

__all__ = [
    "cosine_top_k",
    "highlight",
    "matched_terms",
    "reciprocal_rank_fusion",
    "semantic_strengths",
    "weighted_fusion",
]

Key = TypeVar("Key", bound=Hashable)

MARK_OPEN = "<mark>"
MARK_CLOSE = "</mark>"
ELLIPSIS = "…"
DEFAULT_SNIPPET_WIDTH = 240
# Mapping offsets costs a Python step per character, some 1 µs; a long
# document is mapped only in a region this long around its first match.
MAPPED_REGION_LENGTH = 8000


def cosine_top_k(
    matrix: np.ndarray,
    query_vec: np.ndarray,
    k: int,
    *,
    rows_normalised: bool = True,
) -> list[tuple[int, float]]:
    """Return the ``k`` rows most similar to ``query_vec`` as (row, cosine), best first.

    Rows from ``embedding.embed_passages`` are unit length already; pass
    ``rows_normalised=False`` for any other matrix. Ties go to the lower row.
    """
    if matrix.ndim != 2:
        raise ValueError(f"matrix must be 2-D, got shape {matrix.shape}")
    if query_vec.shape != (matrix.shape[1],):
        raise ValueError(f"query of shape {query_vec.shape} does not fit matrix {matrix.shape}")
    row_count = matrix.shape[0]
    if k <= 0 or row_count == 0:
        return []
    query = np.asarray(query_vec, dtype=np.float32)
    query_norm = float(np.linalg.norm(query))
    if query_norm == 0.0:
        return []
    scores = np.asarray(matrix, dtype=np.float32) @ (query / query_norm)
    if not rows_normalised:
        row_norms = np.linalg.norm(matrix, axis=1).astype(np.float32)
        scores = scores / np.maximum(row_norms, np.float32(1e-12))
    if k < row_count:
        # argpartition finds the top k in linear time; only they get sorted.
        candidates = np.argpartition(-scores, k - 1)[:k]
    else:
        candidates = np.arange(row_count)
    order = np.lexsort((candidates, -scores[candidates]))
    best = candidates[order]
    return [(int(row), float(scores[row])) for row in best]


def reciprocal_rank_fusion(
    rankings: Iterable[Sequence[Key]], k: int = 60
) -> list[tuple[Key, float]]:
    """Merge ranked lists (keyword, semantic, ...), scoring each key by sum(1 / (k + rank)).

    Ranks start at 1; a key repeated within one list counts at its best rank.
    Ties keep the order in which keys were first seen. ``k`` = 60 is the
    value from Cormack, Clarke and Büttcher (2009), which damps the weight of
    the very first places.
    """
    if k < 0:
        raise ValueError("k must not be negative")
    scores: dict[Key, float] = {}
    for ranking in rankings:
        seen: set[Key] = set()
        for rank, key in enumerate(ranking, start=1):
            if key in seen:
                continue
            seen.add(key)
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    # sorted() is stable, so equal scores stay in first-seen order.
    return sorted(scores.items(), key=lambda item: -item[1])


# Neighbours below this rank stand for "unrelated" when a query's scores are calibrated.
BACKGROUND_FROM = 10
MIN_BACKGROUND = 20
# How far (in robust standard deviations) above the background a neighbour must stand.
STANDOUT = 1.0
# And by how much cosine similarity, at least, above the background's median. Measured with
# multilingual-e5 on the demo library (128 passages): for 30 real questions in 10 languages the
# best neighbour stood 0.046 to 0.123 above its query's background; for 48 strings of random
# letters (Latin, Cyrillic, Hangul, Thai keyboards) 0.016 to 0.038. In spreads alone the two
# overlap (a query of random letters has a narrow background, so its best neighbour stands
# several spreads out), so random letters were shown as "related in meaning".
MIN_MARGIN = 0.042


def semantic_strengths(scores: Sequence[float]) -> list[float]:
    """How far each neighbour stands out from this query's unrelated neighbours; 0 = not at all.

    ``scores`` are cosine similarities, best first. Similarity levels differ
    from query to query and from language pair to language pair, so no
    absolute floor is used: the neighbours ranked ``BACKGROUND_FROM`` and below
    give the query's own background level and spread (median and MAD), and a
    neighbour's strength is its distance above that background, in spreads,
    minus ``STANDOUT``. With too few neighbours for a background, all of them
    serve as one and any neighbour above their median counts. Either way a
    neighbour less than ``MIN_MARGIN`` above the background's median is not
    related in meaning: the query is as close to it as to everything else.
    """
    values = np.asarray(scores, dtype=np.float64)
    if values.size == 0:
        return []
    background = values[BACKGROUND_FROM:]
    standout = STANDOUT
    if background.size < MIN_BACKGROUND:
        # Too few texts to tell what "unrelated" scores like: those above the
        # middle of them all count, weakly.
        background, standout = values, 0.0
    centre = float(np.median(background))
    spread = 1.4826 * float(np.median(np.abs(background - centre)))
    if spread <= 0.0:
        spread = float(background.std()) or 1.0
    standing = (values - centre) / spread - standout
    clear = values - centre >= MIN_MARGIN
    return [
        max(0.0, float(value)) if stands_clear else 0.0
        for value, stands_clear in zip(standing, clear, strict=True)
    ]


# A text of the city a query names counts this many times a keyword match at the same rank:
# asked for "Hanoi", a reader wants Hanoi's own records before others that mention it.
PLACE_WEIGHT = 2.0


def weighted_fusion(
    keyword_ranking: Sequence[Key],
    semantic_ranking: Sequence[tuple[Key, float]],
    k: int = 60,
    *,
    place_ranking: Sequence[Key] = (),
) -> list[tuple[Key, float]]:
    """Merge keyword matches with (key, strength) neighbours by meaning, best first.

    Like reciprocal rank fusion, each list gives 1 / (k + rank); a neighbour by
    meaning is weighted by 1 + its strength, so a text that clearly says the
    same thing in another language outranks a weak match on words, and a
    neighbour that barely stands out counts no more than a keyword match.
    ``place_ranking`` lists the texts of the cities the query names, weighted
    ``PLACE_WEIGHT``.
    """
    scores: dict[Key, float] = {}
    for rank, key in enumerate(dict.fromkeys(keyword_ranking), start=1):
        scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    seen: set[Key] = set()
    rank = 0
    for key, strength in semantic_ranking:
        if key in seen:
            continue
        seen.add(key)
        rank += 1
        scores[key] = scores.get(key, 0.0) + (1.0 + max(0.0, strength)) / (k + rank)
    for rank, key in enumerate(dict.fromkeys(place_ranking), start=1):
        scores[key] = scores.get(key, 0.0) + PLACE_WEIGHT / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


@functools.lru_cache(maxsize=8192)
def _normalised_cluster(cluster: str) -> str:
    return normalise(cluster)


def _clusters_with_offsets(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into (start, end) spans of a base character and its combining marks."""
    spans: list[tuple[int, int]] = []
    for index, character in enumerate(text):
        if spans and unicodedata.category(character)[0] == "M":
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans


# A word with the spaces before it (or the spaces that end a text): a combining mark
# never starts a token, so no cluster is cut in two, and the words of one language
# repeat, so most tokens are mapped once and then read from the cache.
_TOKEN_RE = re.compile(r"\s*\S+|\s+")


@functools.lru_cache(maxsize=16384)
def _normalised_token(token: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """``token`` normalised a cluster at a time, with each normalised character's span."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters_with_offsets(token):
        piece = _normalised_cluster(token[start:end])
        pieces.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return "".join(pieces), tuple(starts), tuple(ends)


class _OffsetMap:
    """Where each character of a normalised text comes from in the original: ``span(i)``
    is the (start, end) of the cluster that normalised character ``i`` was made from."""

    def __init__(self, text: str) -> None:
        self._ascii = text.isascii()
        if self._ascii:
            # ASCII folds character for character: position i is character i.
            self.normalised = text.casefold()
            return
        pieces: list[str] = []
        # Per token: where its normalised characters begin, where it begins in the
        # original, and its own map.
        self._firsts: list[int] = []
        self._tokens: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
        length = 0
        for match in _TOKEN_RE.finditer(text):
            piece, starts, ends = _normalised_token(match.group())
            if not piece:
                continue
            pieces.append(piece)
            self._firsts.append(length)
            self._tokens.append((match.start(), starts, ends))
            length += len(piece)
        self.normalised = "".join(pieces)

    def span(self, index: int) -> tuple[int, int]:
        if self._ascii:
            return index, index + 1
        token = bisect.bisect_right(self._firsts, index) - 1
        offset, starts, ends = self._tokens[token]
        local = index - self._firsts[token]
        return offset + starts[local], offset + ends[local]


def _is_word_character(character: str) -> bool:
    return character.isalnum() or unicodedata.category(character)[0] == "M"


def _dictionary_run(normalised_text: str, position: int) -> tuple[int, int]:
    """The run of a dictionary script (Thai, Burmese, ...) around ``position``."""
    start, end = position, position
    while start > 0 and is_dictionary_script(normalised_text[start - 1]):
        start -= 1
    while end < len(normalised_text) and is_dictionary_script(normalised_text[end]):
        end += 1
    return start, end


def _term_spans(
    normalised_text: str, term: str, language: str | None = None, *, first_only: bool = False
) -> list[tuple[int, int]]:
    """Where ``term`` stands in ``normalised_text`` as the index matches it there.

    Scripts written with spaces match at word starts only, so "do" does not light up
    inside "document"; short terms must be whole words, or Vietnamese "may" typed without
    accents would light up "mayor", and longer ones may be a word's start ("smog" in
    "smoggy", "выброс" in "выбросы"), as ``matches_as_prefix`` says. A Thai, Lao, Burmese
    or Khmer term must begin and end where the text's words do, as the document's own
    ``language`` cuts them: "น้ำ" (water) is not marked inside "น้ำมัน" (oil). Han, Kana
    and Hangul are indexed as character pairs, which match anywhere.
    """
    spans: list[tuple[int, int]] = []
    edges = is_spaced_script(term)
    dictionary = is_dictionary_script(term[0])
    runs: dict[int, tuple[int, set[int]]] = {}
    position = normalised_text.find(term)
    while position != -1:
        end = position + len(term)
        if edges:
            starts_word = position == 0 or not _is_word_character(normalised_text[position - 1])
            ends_word = (
                matches_as_prefix(term)
                or end == len(normalised_text)
                or not _is_word_character(normalised_text[end])
            )
            if starts_word and ends_word:
                # A prefix match marks its whole word, which reads better than half.
                while end < len(normalised_text) and _is_word_character(normalised_text[end]):
                    end += 1
                spans.append((position, end))
        elif dictionary:
            run_start, run_end = _dictionary_run(normalised_text, position)
            if run_start not in runs:
                run = normalised_text[run_start:run_end]
                runs[run_start] = (run_start, word_edges(run, language))
            offset, cuts = runs[run_start]
            if position - offset in cuts and end - offset in cuts:
                spans.append((position, end))
        else:
            spans.append((position, end))
        if first_only and spans:
            return spans
        position = normalised_text.find(term, position + 1)
    return spans


def matched_terms(
    text: str, groups: Sequence[Sequence[str]], language: str | None = None
) -> tuple[str, ...]:
    """The terms of each group in ``groups`` (a query's own terms, each of its alternatives
    in other languages) of which ``text`` holds every one, as the index matches them in a
    text of that ``language``: the terms that found the text, and that its snippet marks.

    A term of one group found in a text that another group matched did not find it: a
    search for "air quality" that found an Indonesian record by "kualitas udara" must not
    mark "air" (water) in its "air bersih".
    """
    normalised_text = normalise(text)
    found: dict[str, None] = {}
    for group in groups:
        terms = [term for term in group if term.strip()]
        if terms and all(
            _term_spans(normalised_text, term, language, first_only=True) for term in terms
        ):
            found.update(dict.fromkeys(terms))
    return tuple(found)


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join overlapping spans, and spans parted only by spaces, so a phrase gets one mark."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start].isspace()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """Choose the stretch of ``text`` of at most ``width`` characters holding the most matches."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    # A little context before the first match reads better than none.
    lead = width // 5
    for span_start, _ in spans[:200]:
        start = max(0, min(span_start - lead, len(text) - width))
        count = sum(1 for s, e in spans if s >= start and e <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    start, end = best_start, best_start + width
    # Cut at a space when one is near, so that no word is shown in half.
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, start + 20)
        if space != -1 and all(s >= space + 1 for s, _ in spans if s >= start):
            start = space + 1
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", end - 20, end)
        if space > start and all(e <= space for s, e in spans if s < end and e > space):
            end = space
    return start, end


def _region_to_map(text: str, terms: list[str], width: int) -> tuple[int, int]:
    """Choose the part of a long ``text`` to map exactly, centred on the first match."""
    length = max(MAPPED_REGION_LENGTH, 2 * width)
    if len(text) <= length:
        return 0, len(text)
    normalised_text = normalise(text)
    first_hits = [position for term in terms if (position := normalised_text.find(term)) != -1]
    # Normalisation changes lengths by a few percent at most, so scaling the
    # normalised offset lands well inside the region.
    centre = min(first_hits) * len(text) // max(len(normalised_text), 1) if first_hits else 0
    start = max(0, min(centre - length // 2, len(text) - length))
    return start, start + length


def highlight(
    text: str,
    query_terms_or_query: Sequence[str] | str,
    width: int = DEFAULT_SNIPPET_WIDTH,
    language: str | None = None,
) -> str:
    """Return an HTML snippet of ``text`` around the query's terms, each wrapped in <mark>.

    Matching runs on the normalised forms, and the marks land on the original
    characters: "ha noi" marks "Hà Nội", 東京 marks the two characters inside
    東京都. Everything but the marks is HTML-escaped, so the result is safe to
    render as is. A plain query string is split with ``query_terms``. ``language`` is the
    text's own, which cuts Thai, Lao, Burmese and Khmer into words (``_term_spans``).
    """
    if isinstance(query_terms_or_query, str):
        terms = query_terms(query_terms_or_query)
    else:
        terms = [normalise(term) for term in query_terms_or_query]
    terms = [term for term in dict.fromkeys(terms) if term.strip()]
    width = max(width, 1)
    region_start, region_end = _region_to_map(text, terms, width)
    region = text[region_start:region_end]
    offsets = _OffsetMap(region)
    normalised_spans = [
        span for term in terms for span in _term_spans(offsets.normalised, term, language)
    ]
    region_spans = _merged(
        region,
        [(offsets.span(start)[0], offsets.span(end - 1)[1]) for start, end in normalised_spans],
    )
    window_start, window_end = _window(region, region_spans, width)
    spans = [(start + region_start, end + region_start) for start, end in region_spans]
    window_start, window_end = window_start + region_start, window_end + region_start

    parts: list[str] = [ELLIPSIS] if window_start > 0 else []
    cursor = window_start
    for span_start, span_end in spans:
        if span_end <= window_start or span_start >= window_end:
            continue
        span_start, span_end = max(span_start, window_start), min(span_end, window_end)
        parts.append(html.escape(text[cursor:span_start]))
        parts.append(MARK_OPEN + html.escape(text[span_start:span_end]) + MARK_CLOSE)
        cursor = span_end
    parts.append(html.escape(text[cursor:window_end]))
    if window_end < len(text):
        parts.append(ELLIPSIS)
    return "".join(parts)
