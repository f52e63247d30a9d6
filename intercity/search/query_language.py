"""The language a query is written in, when several languages spell its words alike.

The index compares words as letters, whatever the language: English "air" and Indonesian or
Malay "air" (water) are one word to it. Which one the reader meant is told by two things:

- the query's own words. Every word must be found in a record for it to match, so the
  languages of the records the words found are the languages the whole query is a phrase
  of: "air bersih" finds only Indonesian and Malay records, "air pollution" English ones.
  Only records in a language written in the query's script count: "air" in Latin letters
  inside a Japanese record is a borrowed word, not a Japanese one;
- the reader's language (the interface's, or the one a client names): among the languages
  the query's words can belong to, the reader's is the likeliest.

When both point at one language, records of the others that the same spelling found are
ranked after the records of that language and their words are not marked: a reader of
English who types "air" reads about air first, and the Indonesian records on water follow,
unmarked. They are never left out; and a reader of Indonesian who types "air" gets them
first. When the reader's language is not among those the words belong to (a reader of
Japanese typing "air"), nothing tells the languages apart and the order is left as found.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# The scripts each of the network's languages is written in, as the first word of the
# Unicode names of its letters.
SCRIPTS: dict[str, frozenset[str]] = {
    "en": frozenset({"LATIN"}),
    "fil": frozenset({"LATIN"}),
    "id": frozenset({"LATIN"}),
    "ms": frozenset({"LATIN"}),
    "vi": frozenset({"LATIN"}),
    "ru": frozenset({"CYRILLIC"}),
    "mn": frozenset({"CYRILLIC"}),
    "ja": frozenset({"CJK", "HIRAGANA", "KATAKANA"}),
    "zh": frozenset({"CJK"}),
    "ko": frozenset({"HANGUL", "CJK"}),
    "th": frozenset({"THAI"}),
    "hi": frozenset({"DEVANAGARI"}),
    "my": frozenset({"MYANMAR"}),
}
# Languages whose readers read each other's words as their own: standard Indonesian and
# Malay are two forms of one language, and "air" is water in both.
READ_ALIKE: tuple[frozenset[str], ...] = (frozenset({"id", "ms"}),)


def base(language: str | None) -> str:
    """A language code without its region or script: "zh-hant" is "zh", "en-GB" is "en"."""
    return (language or "").lower().replace("_", "-").split("-")[0]


def read_alike(language: str) -> frozenset[str]:
    """The language and those its readers read as their own."""
    for group in READ_ALIKE:
        if language in group:
            return group
    return frozenset({language})


def scripts_of(text: str) -> frozenset[str]:
    """The scripts of the letters of ``text``, named as in ``SCRIPTS``."""
    found = set()
    for character in text:
        if character.isalpha():
            name = unicodedata.name(character, "")
            if name:
                found.add(name.split()[0])
    return frozenset(found)


def writes_in(language: str | None, scripts: frozenset[str]) -> bool:
    """Whether ``language`` is written in one of ``scripts``; unknown languages are not."""
    return bool(SCRIPTS.get(base(language), frozenset()) & scripts)


def query_languages(query: str, stated: str | None = None) -> frozenset[str]:
    """The languages ``query`` is written in, as codes without region: the one the client
    states (with those its readers read as their own), else every language of the network
    written in the query's script ("東京" is Japanese, Chinese or Korean, "air" any of the
    Latin-script ones); none for a query of digits and signs alone."""
    if base(stated):
        return read_alike(base(stated))
    scripts = scripts_of(query)
    return frozenset(language for language in SCRIPTS if writes_in(language, scripts))


def likely_languages(
    query: str, found_in: Iterable[str | None], reader: str | None
) -> frozenset[str] | None:
    """The languages ``query`` is likely written in, given the languages of the records its
    own words found (``found_in``) and the reader's language; None when nothing tells them
    apart: the words belong to one language only, or the reader's is not among them."""
    scripts = scripts_of(query)
    claimed = {base(language) for language in found_in if writes_in(language, scripts)}
    reader_base = base(reader)
    if not reader_base or reader_base not in claimed:
        return None
    likely = read_alike(reader_base)
    if not claimed - likely:
        return None
    return likely


def spelt_alike(
    query: str, language: str | None, likely: frozenset[str] | None, own: Iterable[str] = ()
) -> bool:
    """Whether a record in ``language`` that the query's words found was found by a word of
    another language spelt alike: a language written in the query's script, other than the
    likely ones. ``own`` are languages whose words the query also names on purpose (the
    thesaurus's words for the concept it names), whose records are found as they should be."""
    if likely is None or not language:
        return False
    code = base(language)
    if code in likely or code in {base(other) for other in own}:
        return False
    return writes_in(code, scripts_of(query))
