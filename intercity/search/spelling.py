"""Spelling suggestions for search queries: "wste" → "waste", "hoahc" → "hoạch".

A vocabulary maps each word of the indexed text, in the form the index compares words in
(``normalise``: case, width and Latin accents folded), to how many documents hold it and
how it is most often written. A query word missing from it is replaced by the word of the
vocabulary fewest edits away (an edit: one letter added, dropped or changed, or two
neighbours swapped), the most frequent among equals. Only scripts written with spaces
between words take part: Chinese, Japanese, Thai, Lao, Burmese and Khmer runs are cut into
n-grams or dictionary words whose edges a typing mistake moves, so a misspelt word there
cannot be told from a different cut.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from intercity.search.text import normalise, spaced_words

# Words shorter than this are not kept nor corrected: every two letters are some word.
MIN_WORD_CHARS = 3
# Longer "words" are identifiers, addresses or run-together text, not vocabulary.
MAX_WORD_CHARS = 40


@dataclass(frozen=True)
class Entry:
    """A vocabulary word: how many documents hold it, and how it is most often written."""

    documents: int
    spelling: str


def max_edits(word: str) -> int:
    """How many edits a word of this length may carry and still be corrected.

    As in common search engines: none under three letters, one up to five, two beyond.
    """
    if len(word) < MIN_WORD_CHARS:
        return 0
    return 1 if len(word) <= 5 else 2


def keeps(word: str) -> bool:
    """Whether a (normalised) word belongs in the vocabulary: letters only, of a sensible length."""
    return MIN_WORD_CHARS <= len(word) <= MAX_WORD_CHARS and not any(
        character.isdigit() for character in word
    )


@functools.lru_cache(maxsize=65536)
def _word(written: str) -> tuple[str, str] | None:
    # A text repeats its words, and a corpus its vocabulary: each is looked at once.
    key = normalise(written)
    return (key, written.lower()) if keeps(key) else None


def words(text: str) -> list[tuple[str, str]]:
    """The vocabulary words of ``text`` as (normalised, written in lower case), in order."""
    found = []
    for start, end in spaced_words(text):
        word = _word(text[start:end])
        if word is not None:
            found.append(word)
    return found


def document_words(text: str) -> dict[str, str]:
    """Each vocabulary word of one document, once, with its first written form."""
    found: dict[str, str] = {}
    for key, written in words(text):
        found.setdefault(key, written)
    return found


def count_documents(texts: Iterable[str]) -> dict[str, Entry]:
    """The vocabulary of many documents: each word's document count and commonest spelling."""
    documents: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for text in texts:
        seen: set[str] = set()
        for key, written in words(text):
            if key not in spellings:
                spellings[key] = Counter()
            spellings[key][written] += 1
            if key not in seen:
                seen.add(key)
                documents[key] += 1
    return {key: Entry(number, _commonest(spellings[key])) for key, number in documents.items()}


def _commonest(spellings: Counter[str]) -> str:
    # Ties go to the first in code point order, so the choice never depends on reading order.
    return min(spellings.items(), key=lambda item: (-item[1], item[0]))[0]


def distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (optimal string alignment) of ``a`` and ``b``, or
    ``limit + 1`` as soon as it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous_row: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous_row = previous_row, row
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if before is not None and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            row[j] = value
        if min(row) > limit:
            return limit + 1
    return row[-1]


def candidate_initials(word: str) -> tuple[str, ...]:
    """The first letters a correction of ``word`` may start with: its own first letter, or its
    second (the first dropped, or the first two swapped). A mistake in the very first letter
    is not corrected; reading the words of every initial would cost too much."""
    return tuple(dict.fromkeys(word[:2]))


def best_correction(
    word: str, candidates: Mapping[str, Entry], *, accented: bool = False
) -> str | None:
    """The key of the candidate fewest edits from ``word`` (within ``max_edits``), the one in
    most documents among equals, then the first in code point order; None when none is near.

    ``word`` is normalised; a word of the vocabulary needs no correction. A word typed with
    accents (``accented``: Vietnamese "nội") is only corrected to a word written with
    accents, never to an English one ("not") that happens to be one letter away.
    """
    limit = max_edits(word)
    if not limit or word in candidates:
        return None
    letters = set(word)
    best: tuple[int, int, str] | None = None
    for key, entry in candidates.items():
        if accented and entry.spelling == key:
            continue
        # An edit adds at most one letter to the word's set of letters and takes at most one
        # away: a candidate with more letters apart than twice the limit is too far. The set
        # operation costs far less than the distance, and turns most candidates away.
        if len(letters.symmetric_difference(key)) > 2 * limit:
            continue
        edits = distance(word, key, limit)
        if edits > limit:
            continue
        rank = (edits, -entry.documents, key)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None


@dataclass(frozen=True)
class Suggestion:
    """A query with its misspelt words replaced, and the corrected words."""

    query: str
    corrected: tuple[tuple[str, str], ...]


Lookup = Callable[[list[str]], Mapping[str, Entry]]


def _accented(written: str, key: str) -> bool:
    return written.lower() != key and not written.isascii()


def suggest(
    query: str, known: Lookup, near: Lookup, names: Iterable[str] = ()
) -> Suggestion | None:
    """The query with each word missing from the vocabulary replaced by its best correction,
    keeping everything else as typed; None when no word needs or finds one.

    ``known(keys)`` answers the vocabulary entries of exactly those keys; ``near(keys)`` the
    entries that could correct them (see ``candidate_initials``, ``max_edits``). The words
    of ``names`` (the cities' names, which search recognises by themselves) are left alone.
    """
    left_alone = {key for name in names for key, _ in words(name)}
    spans = []
    for start, end in spaced_words(query):
        key = normalise(query[start:end])
        if max_edits(key) and keeps(key) and key not in left_alone:
            spans.append((start, end, key))
    if not spans:
        return None
    present = known([key for _, _, key in spans])
    missing = list(dict.fromkeys(key for _, _, key in spans if key not in present))
    if not missing:
        return None
    candidates = near(missing)
    accented = {key for start, end, key in spans if _accented(query[start:end], key)}
    corrections = {}
    for key in missing:
        better = best_correction(key, candidates, accented=key in accented)
        if better is not None:
            corrections[key] = candidates[better].spelling
    if not corrections:
        return None
    pieces, position, corrected = [], 0, []
    for start, end, key in spans:
        if key in corrections:
            pieces += [query[position:start], corrections[key]]
            position = end
            corrected.append((query[start:end], corrections[key]))
    pieces.append(query[position:])
    return Suggestion("".join(pieces), tuple(corrected))
