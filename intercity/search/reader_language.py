"""The order of equal matches in several languages: the reader's language first."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from intercity.search.query_language import base

__all__ = ["NEAR_TIE", "language_preference", "near_ties_by_preference"]

Key = TypeVar("Key", bound=Hashable)

# Scores within this fraction of the best score of their band are a near tie: one name found
# in two language versions scores alike, but not to the last digit, since bm25 also reads the
# length of each text. Only such ties are reordered, so language never outranks a clearly
# better match.
NEAR_TIE = 0.02


def language_preference(language: str | None, reader: str | None) -> int:
    """0 for a text in the ``reader``'s language ("zh-hant" reads as "zh"), 1 for any other.

    Each index row carries its own record's language, so any other text is in its record's
    source language; a text of unknown language (a city's names, a meeting's titles in every
    language) counts with them.
    """
    return 0 if reader and base(language) == base(reader) else 1


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
