"""Recognising the network's city names in a query, in any of the languages they are written in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from intercity.search.text import normalise

# Shorter names (a stray syllable, one ideograph) would be found inside unrelated words.
MIN_NAME_CHARS = 2


def _squeezed(text: str) -> str:
    return "".join(normalise(text).split())


def cities_named(query: str, names: Mapping[str, Iterable[str]]) -> list[str]:
    """The keys of ``names`` (city slugs) one of whose names the query contains.

    Names are compared as the index compares words: case, width and Latin accents do not
    matter, nor spaces inside a name ("Ha Noi", "Hà Nội" and "Hanoi" are one name). A name
    in Latin letters must cover whole words of the query, so "Seoul" is not found in
    "Seoulite"; a name in another script is found anywhere in the query, since Japanese,
    Chinese and Thai put no spaces between words.
    """
    words = normalise(query).split()
    spans = {
        "".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, min(len(words), start + 4) + 1)
    }
    squeezed_query = "".join(words)
    found = []
    for key, city_names in names.items():
        for name in city_names:
            wanted = _squeezed(name)
            if len(wanted) < MIN_NAME_CHARS:
                continue
            if wanted in spans if wanted.isascii() else wanted in squeezed_query:
                found.append(key)
                break
    return found


def is_only_a_place(query: str, names: Mapping[str, Iterable[str]]) -> bool:
    """Whether the query is nothing but one city's name ("Hanoi", "hà nội", "ハノイ")."""
    squeezed_query = _squeezed(query)
    return any(
        _squeezed(name) == squeezed_query
        for city_names in names.values()
        for name in city_names
        if len(_squeezed(name)) >= MIN_NAME_CHARS
    )
