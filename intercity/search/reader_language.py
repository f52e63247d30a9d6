"""The order of equal matches in several languages: the reader's first, then the query's."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import TypeVar

from intercity.search.query_language import base

__all__ = ["NEAR_TIE", "language_preference", "near_ties_by_preference"]

Key = TypeVar("Key", bound=Hashable)

# Scores within this fraction of the best score of their band are a near tie: one name found
# in two language versions scores alike, but not to the last digit, since bm25 also reads the
# length of each text. Only such ties are reordered, so language never outranks a clearly
# better match.
NEAR_TIE = 0.02


def language_preference(
    language: str | None, reader: str | None, query_languages: Collection[str] = ()
) -> int:
    """The place of a text among near ties, lower first: 0 in the ``reader``'s language
    ("zh-hant" reads as "zh"); 1 in one of ``query_languages`` (codes without region, see
    ``query_language.query_languages``), the languages the query is written in; 2 any other.

    The reader's language comes first because it is the one the reader reads; after it, a
    text in the query's own language holds the query's words as words of its language, where
    another language's text holds them borrowed ("Hanoi" in a Thai record). Each index row
    carries its own record's language, so every text is its record's original: a record's
    translations are indexed inside its own row, never as rows of their own. A text of
    unknown language (a city's names, a meeting's titles in every language) is in neither.
    """
    if reader and base(language) == base(reader):
        return 0
    if language and base(language) in query_languages:
        return 1
    return 2


def near_ties_by_preference(
    ranking: Sequence[tuple[Key, float]],
    preference: Mapping[Key, int],
    *,
    near: float = NEAR_TIE,
) -> list[tuple[Key, float]]:
    """``ranking`` (key, score, best first) with each band of near-equal scores ordered by
    ``preference``, lower first, keys without one last; the rest of the order is kept.

    A band starts at the best key not yet placed and holds the keys after it that score less
    than it by at most ``near`` times the size of its score. Bands are cut from the top, not
    by rounding scores, so two keys a hair apart are never parted by where a digit falls; and
    a key moves above only keys of its band, which beat it by no more than that.
    """
    missing = max(preference.values(), default=0) + 1
    ordered: list[tuple[Key, float]] = []
    start = 0
    while start < len(ranking):
        leader = ranking[start][1]
        floor = leader - near * abs(leader)
        end = start + 1
        while end < len(ranking) and ranking[end][1] >= floor:
            end += 1
        # sorted() is stable: the keys of one preference keep their order.
        ordered += sorted(ranking[start:end], key=lambda item: preference.get(item[0], missing))
        start = end
    return ordered
