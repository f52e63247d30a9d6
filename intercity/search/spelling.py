"""Spelling suggestions for search queries: "wste" → "waste", "hoahc" → "hoạch".

A vocabulary maps each word of the indexed text, in the form the index compares words in
(``normalise``: case, width and Latin accents folded), to how many documents hold it and
how it is most often written. A query word missing from it, or so rare in it that a near
word is far better supported (``suggest``), is replaced by the word of the vocabulary
fewest edits away (an edit: one letter added, dropped or changed, or two neighbours
swapped); among equals, the one that needs the typed word's left-out letters rather than
other edits (``weighted_distance``), then the most frequent. Only scripts written with spaces
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
# What a letter the typist left out weighs, against one for any other edit, when
# candidates at the same number of edits are ranked (``weighted_distance``).
OMISSION_COST = 0.5
# A typed word found in more than this share of the documents, or in more than
# ``RARE_DOCUMENTS`` of them if that is more, is taken as meant (see ``suggest``).
RARE_SHARE = 0.01
RARE_DOCUMENTS = 3
# A typed word the documents hold is replaced only by a word in this many times as many.
BETTER_SUPPORTED = 10
# Nor when it is shorter than this: one edit from a short word lies a word of some other of
# the network's languages more often than a typo (Filipino "ang" is not English "and").
RARE_MIN_CHARS = 5


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
    return min(row[-1], limit + 1)


def weighted_distance(typed: str, candidate: str) -> float:
    """The cheapest way to turn ``candidate`` into ``typed`` (optimal string alignment) when a
    letter of the candidate missing from the typed word costs ``OMISSION_COST`` and every
    other edit one: "drils" is 0.5 from "drills" (an "l" left out) and 1 from "drill".

    Letters left out are the commonest typing mistake, so among candidates equally many
    edits away the one the typed word misses letters of is the likeliest. Measured with
    the public Wikipedia, Aspell and Birkbeck lists of English misspellings against the
    50,000 commonest English words, ranking ties this way rather than by frequency alone
    corrects 83.8 %, 59.7 % and 40.8 % of them instead of 81.1 %, 57.0 % and 38.8 %.
    """
    previous_row: list[float] | None = None
    row = [j * OMISSION_COST for j in range(len(candidate) + 1)]
    for i in range(1, len(typed) + 1):
        before, previous_row = previous_row, row
        row = [float(i)] + [0.0] * len(candidate)
        for j in range(1, len(candidate) + 1):
            cost = 0 if typed[i - 1] == candidate[j - 1] else 1
            value = min(
                previous_row[j] + 1,
                row[j - 1] + OMISSION_COST,
                previous_row[j - 1] + cost,
            )
            if (
                before is not None
                and j > 1
                and typed[i - 1] == candidate[j - 2]
                and typed[i - 2] == candidate[j - 1]
            ):
                value = min(value, before[j - 2] + 1)
            row[j] = value
    return row[-1]


def candidate_initials(word: str) -> tuple[str, ...]:
    """The first letters a correction of ``word`` may start with: its own first letter, or its
    second (the first dropped, or the first two swapped). A mistake in the very first letter
    is not corrected; reading the words of every initial would cost too much."""
    return tuple(dict.fromkeys(word[:2]))


def best_correction(
    word: str,
    candidates: Mapping[str, Entry],
    *,
    accented: bool = False,
    at_least: int | None = None,
) -> str | None:
    """The key of the candidate fewest edits from ``word`` (within ``max_edits``); among
    equals the one nearest by ``weighted_distance``, then the one in most documents, then the
    first in code point order; None when none is near.

    ``word`` is normalised; a word of the vocabulary needs no correction, unless ``at_least``
    is given: then only candidates in at least that many documents count. A word typed with
    accents (``accented``: Vietnamese "nội") is only corrected to a word written with
    accents, never to an English one ("not") that happens to be one letter away.
    """
    limit = max_edits(word)
    if not limit or (at_least is None and word in candidates):
        return None
    letters = set(word)
    best: tuple[int, float, int, str] | None = None
    for key, entry in candidates.items():
        if key == word or (accented and entry.spelling == key):
            continue
        if at_least is not None and entry.documents < at_least:
            continue
        # An edit adds at most one letter to the word's set of letters and takes at most one
        # away: a candidate with more letters apart than twice the limit is too far. The set
        # operation costs far less than the distance, and turns most candidates away.
        if len(letters.symmetric_difference(key)) > 2 * limit:
            continue
        edits = distance(word, key, limit)
        if edits > limit:
            continue
        rank = (edits, weighted_distance(word, key), -entry.documents, key)
        if best is None or rank < best:
            best = rank
    return best[-1] if best else None


@dataclass(frozen=True)
class Suggestion:
    """A query with its misspelt words replaced, and the corrected words."""

    query: str
    corrected: tuple[tuple[str, str], ...]


Lookup = Callable[[list[str]], Mapping[str, Entry]]


def _accented(written: str, key: str) -> bool:
    return written.lower() != key and not written.isascii()


def rare_up_to(total: int) -> int:
    """How many documents a typed word may be found in and still be taken for a mistake,
    out of ``total``: at most ``RARE_SHARE`` of them, or ``RARE_DOCUMENTS``, whichever is more.

    The share is the one Lucene's spell checker takes a query word as correctly spelt above
    (its ``maxQueryFrequency``); the floor lets a small collection, where every word is in
    more than one document in a hundred, still catch a typo that one document repeats.
    """
    return max(RARE_DOCUMENTS, int(RARE_SHARE * total))


def suggest(
    query: str,
    known: Lookup,
    near: Lookup,
    names: Iterable[str] = (),
    total: Callable[[], int] | None = None,
    platform: Lookup | None = None,
) -> Suggestion | None:
    """The query with each misspelt word replaced by its best correction, keeping everything
    else as typed; None when no word needs or finds one.

    A word is misspelt when the vocabulary lacks it, or when it is rare (in no more
    documents than ``rare_up_to`` allows out of ``total()``, the documents the vocabulary
    counts) and a word near it is in at least ``BETTER_SUPPORTED`` times as many documents:
    a typo that one record repeats finds that record, but the word meant finds ten times
    more. Ten to one is the odds at which a near neighbour is the likelier meaning even if
    one query in ten carries a typing mistake, as in published query logs. A frequent
    word is never replaced, nor a word the documents hold of fewer than ``RARE_MIN_CHARS``
    letters. Without ``total`` only words in ``RARE_DOCUMENTS`` documents or fewer count
    as rare.

    ``known(keys)`` answers, for those keys the index finds, how many documents (at least)
    it finds them in, as vocabulary entries; ``near(keys)`` the entries that could correct
    them (see ``candidate_initials``, ``max_edits``). The words of ``names`` (the cities'
    names, which search recognises by themselves) are left alone.

    ``platform(keys)`` answers the words the platform itself holds right (its themes,
    labels and interface, see ``searchindex.platform_words``) that are among the keys or
    could correct them, as ``near`` does; it is asked only for missing or rare words. Such
    a word is taken as meant, and a missing word is corrected to the nearest word of
    either source.
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
    keys = list(dict.fromkeys(key for _, _, key in spans))
    missing = [key for key in keys if key not in present]
    found = [key for key in keys if key in present]
    limit = RARE_DOCUMENTS
    # The documents are counted only when a word is beyond the floor, which is seldom.
    if total is not None and any(present[key].documents > limit for key in found):
        limit = rare_up_to(total())
    rare = [key for key in found if present[key].documents <= limit and len(key) >= RARE_MIN_CHARS]
    if not missing and not rare:
        return None
    own = platform(missing + rare) if platform is not None else {}
    missing = [key for key in missing if key not in own]
    rare = [key for key in rare if key not in own]
    # The platform's words are in no document: a rare word is never corrected to one, and
    # a word of the documents as near as one of them wins.
    candidates = {**own, **near(missing + rare)}
    accented = {key for start, end, key in spans if _accented(query[start:end], key)}
    corrections = {}
    for key in missing + rare:
        at_least = BETTER_SUPPORTED * present[key].documents if key in present else None
        better = best_correction(key, candidates, accented=key in accented, at_least=at_least)
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
