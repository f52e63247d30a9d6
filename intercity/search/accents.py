"""Putting the accents back on Vietnamese typed without them, from Vietnamese the platform holds.

Keywords already meet because both sides are folded; sentence embeddings do
not: the model reads "o nhiem khong khi" as something else than "ô nhiễm
không khí". A query typed without accents is restored syllable by syllable,
choosing the accented readings that Vietnamese text known to the platform makes
most likely as a sequence: a bigram language model, interpolated with single
syllables by Witten-Bell smoothing, decoded with Viterbi over the readings each
typed syllable allows. A pair seen in the text thus outweighs a reading that is
merely more frequent alone: "o nhiem" reads "ô nhiễm" when that pair is known,
however often "ở" and "nhiệm" occur elsewhere. The text comes from the interface catalogue
and the thesaurus shipped with the package and from the Vietnamese documents in
the index; no external model is used.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["AccentModel", "fold", "typed_without_accents"]

_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)
# A query is restored only when most of its words are Vietnamese syllables.
KNOWN_SHARE = 0.7
MIN_SYLLABLES = 2
# Added to every syllable's count, so that a reading seen once is not certain.
SMOOTHING = 0.1


def fold(syllable: str) -> str:
    """The syllable as typed without accents: marks dropped, đ written d, lower case."""
    syllable = syllable.casefold().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", syllable)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def _syllables(text: str) -> list[str]:
    return [match.group().casefold() for match in _SYLLABLE.finditer(text)]


def typed_without_accents(query: str) -> bool:
    """Whether ``query`` could be Vietnamese typed without accents: plain Latin letters only."""
    words = _syllables(query)
    return len(words) >= MIN_SYLLABLES and all(("a" <= ch <= "z") for ch in "".join(words))


class AccentModel:
    """Counts of accented syllables and syllable pairs, looked up by their folded form."""

    def __init__(self) -> None:
        self.readings: dict[str, Counter[str]] = defaultdict(Counter)
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.total = 0
        # How often each syllable comes before another, and before how many different ones.
        self.followed: Counter[str] = Counter()
        self.follower_kinds: Counter[str] = Counter()

    def learn(self, texts: Iterable[str]) -> AccentModel:
        for text in texts:
            previous = None
            for syllable in _syllables(text):
                if syllable.isascii() and previous is None and len(syllable) > 7:
                    continue  # a foreign word, not a syllable
                self.readings[fold(syllable)][syllable] += 1
                self.total += 1
                if previous is not None:
                    if (previous, syllable) not in self.pairs:
                        self.follower_kinds[previous] += 1
                    self.pairs[(previous, syllable)] += 1
                    self.followed[previous] += 1
                previous = syllable
        return self

    def _single(self, reading: str, folded: str) -> float:
        """The syllable's share of all text (smoothed); its own count read by its folded form."""
        count = self.readings[folded][reading] if folded in self.readings else 0
        return (count + SMOOTHING) / (self.total + SMOOTHING * (len(self.readings) + 1))

    def _next(self, previous: str, reading: str, folded: str) -> float:
        """log P(reading | previous): the pair's share after `previous`, interpolated with the
        single syllable's share by how varied what follows `previous` is (Witten-Bell)."""
        single = self._single(reading, folded)
        seen = self.followed.get(previous, 0)
        if not seen:
            return math.log(single)
        kinds = self.follower_kinds[previous]
        return math.log((self.pairs.get((previous, reading), 0) + kinds * single) / (seen + kinds))

    def restore(self, query: str) -> str | None:
        """The query with its accents restored; None unless it reads as accentless Vietnamese.

        Punctuation is dropped from the restored text, which is only embedded.
        """
        if not typed_without_accents(query):
            return None  # accents typed, not Latin letters, or too short
        words = _syllables(query)
        known = [word for word in words if word in self.readings]
        if len(known) < KNOWN_SHARE * len(words):
            return None
        # Viterbi over the readings of each syllable; unknown words stay as typed.
        paths: dict[str, tuple[float, list[str]]] = {"": (0.0, [])}
        for word in words:
            options = list(self.readings.get(word, {word: 1}))
            step: dict[str, tuple[float, list[str]]] = {}
            for reading in options:
                best = None
                for previous, (score, path) in paths.items():
                    gain = self._next(previous, reading, word)
                    if best is None or score + gain > best[0]:
                        best = (score + gain, [*path, reading])
                step[reading] = best
            paths = step
        _, restored = max(paths.values(), key=lambda item: item[0])
        result = " ".join(restored)
        return result if result != " ".join(words) else None
