"""Cross-language query expansion from a thesaurus of the network's themes in its 13 languages.

The thesaurus groups concepts (air pollution, flood, recycling, ...) by theme and gives each
concept's words in every member language. A query that names a concept ("ô nhiễm không khí",
typed with or without its accents; "大気汚染"; "smog") also looks for that concept's words in
the other languages, so a keyword search in Vietnamese finds a Japanese practice that has no
Vietnamese word in it. Only the named concept is expanded, never its whole theme: a search
for earthquakes should not return floods. Matching is on the same normalised terms the index
holds: a word matches when its terms appear, in order and next to each other, among the
query's terms.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from intercity.search.text import query_terms

DATA = Path(__file__).with_name("data") / "thesaurus.json"
# A query naming several themes would otherwise ask the index for hundreds of alternatives.
MAX_ALTERNATIVES = 60


@dataclass(frozen=True)
class Entry:
    theme: str
    concept: str
    language: str
    text: str
    terms: tuple[str, ...]


@functools.cache
def entries() -> tuple[Entry, ...]:
    """Every word of every concept with its query terms, longest first."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    found = []
    for theme, concepts in data["themes"].items():
        for concept, languages in concepts.items():
            for language, words in languages.items():
                for word in words:
                    terms = tuple(term for term in query_terms(word, language) if term.strip())
                    if terms:
                        found.append(Entry(theme, concept, language, word, terms))
    return tuple(sorted(found, key=lambda entry: -len(entry.terms)))


def _contains(terms: list[str], phrase: tuple[str, ...]) -> bool:
    width = len(phrase)
    return any(tuple(terms[i : i + width]) == phrase for i in range(len(terms) - width + 1))


def concepts_in(terms: list[str]) -> list[str]:
    """The concepts whose words appear in a query's normalised terms, longest match first."""
    found: dict[str, None] = {}
    for entry in entries():
        if entry.concept not in found and _contains(terms, entry.terms):
            found[entry.concept] = None
    return list(found)


def alternatives(terms: list[str]) -> list[list[str]]:
    """Term groups to look for besides the query's own: every word, in every language, of the
    concepts the query names. Each group is matched whole (all its terms); any group will do."""
    groups: dict[tuple[str, ...], None] = {}
    for concept in concepts_in(terms):
        for entry in entries():
            if entry.concept == concept and entry.terms != tuple(terms):
                groups[entry.terms] = None
    return [list(group) for group in groups][:MAX_ALTERNATIVES]


def languages_of(groups: list[list[str]]) -> set[str]:
    """The languages of the thesaurus's words among ``groups`` (as ``alternatives`` gives them)."""
    wanted = {tuple(group) for group in groups}
    return {entry.language for entry in entries() if entry.terms in wanted}
