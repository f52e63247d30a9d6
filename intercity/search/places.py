"""Recognising the network's city names in a query, in any of the languages they are written in."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from intercity.search.text import normalise

Key = TypeVar("Key", bound=Hashable)

# Shorter names (a stray syllable, one ideograph) would be found inside unrelated words.
MIN_NAME_CHARS = 2
# A Latin name this long is also found mistyped by one letter ("bangkock", "hanio"); a
# shorter one ("Toms" for Tomsk) would match ordinary words.
MIN_MISTYPED_CHARS = 5


def _one_typo_apart(a: str, b: str) -> bool:
    """Whether one letter added, dropped, changed, or two neighbours swapped turn a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    return a[start + 1 :] == b[start + 1 :] or (
        a[start + 2 :] == b[start + 2 :] and a[start : start + 2] == b[start : start + 2][::-1]
    )


def _latin_name_in(wanted: str, spans: set[str]) -> bool:
    if wanted in spans:
        return True
    return len(wanted) >= MIN_MISTYPED_CHARS and any(
        _one_typo_apart(wanted, span) for span in spans if len(span) >= MIN_MISTYPED_CHARS
    )


def _squeezed(text: str) -> str:
    return "".join(normalise(text).split())


def cities_named(query: str, names: Mapping[str, Iterable[str]]) -> list[str]:
    """The keys of ``names`` (city slugs) one of whose names the query contains.

    Names are compared as the index compares words: case, width and Latin accents do not
    matter, nor spaces inside a name ("Ha Noi", "Hà Nội" and "Hanoi" are one name). A name
    in Latin letters must cover whole words of the query, so "Seoul" is not found in
    "Seoulite", and may be mistyped by one letter; a name in another script is found
    anywhere in the query, since Japanese, Chinese and Thai put no spaces between words.
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
            if _latin_name_in(wanted, spans) if wanted.isascii() else wanted in squeezed_query:
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


def city_records_first(
    fused: list[tuple[Key, float]], place_rows: Iterable[tuple[Key, str, datetime.date | None]]
) -> list[tuple[Key, float]]:
    """The order for a query that is only a city's name: the city's own records first, as its
    page lists them (its own page, then newest first), then the records that mention it.

    Such a query says only "this city": saying the name, or being near it in meaning, tells
    nothing more about one of the city's records, so a record that repeats the name must not
    rank above one of the city's own written in a language that spells it otherwise.
    Records of one date keep the fused order between them.
    """
    lead = {
        doc_id: (doc_type != "city", date is None, -date.toordinal() if date else 0)
        for doc_id, doc_type, date in place_rows
    }
    # sorted() is stable: the records of one date, and every mention, keep the fused order.
    return sorted(fused, key=lambda item: (0, *lead[item[0]]) if item[0] in lead else (1,))
