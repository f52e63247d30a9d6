"""The platform's own words, known to be spelt right, for spelling suggestions.

The public records' words (``vocabulary``) are one source of correct words; the platform's
own vocabulary is the other: the thesaurus's words for the network's themes in every
member language, the themes' and cities' names, the labels of the record types, and the
interface's strings in the reader's language (its compiled catalogue; in English, the
strings as the code writes them). A word of these is taken as meant, and a misspelling of
one the records lack can still be corrected. None of it is private: it is what every
visitor reads on the platform's pages.
"""

from __future__ import annotations

import functools
import re
import time
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

from intercity.core.selectors import theme_list
from intercity.search import spelling, thesaurus
from intercity.searchindex.registry import place_names, type_labels

LOCALE = Path(__file__).resolve().parent.parent / "locale"
# Placeholders and markup inside interface strings are not words.
_NOT_WORDS = re.compile(r"%\([^)]*\)[a-z]|%[a-z]|\{[^}]*\}|<[^>]*>|&[a-z]+;")


def _catalogue(language: str) -> list[tuple[str, list[str]]]:
    """The compiled catalogue's messages: each source string with its translations (the
    plural forms of a plural message), read with polib, the library that compiles them."""
    path = LOCALE / translation.to_locale(language) / "LC_MESSAGES" / "django.mo"
    if not path.exists():
        return []
    messages = []
    for entry in polib.mofile(str(path)):
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        messages.extend((source, texts) for source in sources if source)
    return messages


def _source_strings() -> list[str]:
    """The interface strings as the code writes them, read from any compiled catalogue."""
    for code, _name in settings.LANGUAGES:
        if catalogue := _catalogue(code):
            return [source for source, _texts in catalogue]
    return []


@functools.lru_cache(maxsize=len(settings.LANGUAGES) + 1)
def interface_words(language: str) -> dict[str, str]:
    """The words of the interface in ``language``: normalised word to its written form."""
    code = (language or settings.LANGUAGE_CODE).lower()
    if code.split("-")[0] == settings.LANGUAGE_CODE.split("-")[0]:
        strings = _source_strings()
    else:
        strings = [text for _source, texts in _catalogue(code) for text in texts if text]
    found: dict[str, str] = {}
    for text in strings:
        for key, written in spelling.words(_NOT_WORDS.sub(" ", text)):
            found.setdefault(key, written)
    return found


@functools.cache
def thesaurus_words() -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in thesaurus.entries():
        for key, written in spelling.words(entry.text):
            found.setdefault(key, written)
    return found


# The themes' and cities' names change seldom; a word one of them gained or lost is known
# to suggestions within this many seconds. Reading them costs a few milliseconds.
OWN_WORDS_KEPT_FOR = 300.0
_own_words_read: dict[str, tuple[float, dict[str, str]]] = {}


def _own_words(language: str) -> dict[str, str]:
    """``_read_own_words``, kept for ``OWN_WORDS_KEPT_FOR`` seconds."""
    now = time.monotonic()
    kept = _own_words_read.get(language)
    if kept is None or now - kept[0] > OWN_WORDS_KEPT_FOR:
        kept = (now, _read_own_words(language))
        _own_words_read[language] = kept
    return kept[1]


def _read_own_words(language: str) -> dict[str, str]:
    """The words of the records the platform names things by: themes, cities, record types."""
    texts: list[str] = []
    for theme in theme_list():
        texts += [theme.name, theme.name_in(language), *(theme.names or {}).values()]
    for names in place_names().values():
        texts += list(names)
    with translation.override(language):
        texts += [str(label) for label in type_labels().values()]
    found: dict[str, str] = {}
    for text in texts:
        for key, written in spelling.words(text):
            found.setdefault(key, written)
    return found


@functools.lru_cache(maxsize=len(settings.LANGUAGES) + 1)
def _fixed_words_by_initial(language: str) -> dict[str, dict[str, spelling.Entry]]:
    """The thesaurus's and the interface's words, by first letter: they change only with
    the code, so they are read once."""
    by_initial: dict[str, dict[str, spelling.Entry]] = {}
    for key, written in {**thesaurus_words(), **interface_words(language)}.items():
        by_initial.setdefault(key[0], {})[key] = spelling.Entry(0, written)
    return by_initial


def platform_words(language: str | None) -> dict[str, spelling.Entry]:
    """Every word of the platform's own vocabulary a reader of ``language`` may type, as
    vocabulary entries found in no record (``documents`` 0)."""
    language = language or settings.LANGUAGE_CODE
    found = {
        key: entry
        for words in _fixed_words_by_initial(language).values()
        for key, entry in words.items()
    }
    for key, written in _read_own_words(language).items():
        found.setdefault(key, spelling.Entry(0, written))
    return found


def platform_lookup(language: str | None) -> spelling.Lookup:
    """``keys`` → the platform's words among them or near enough to correct one of them
    (``spelling.candidate_initials``, ``spelling.max_edits``), as ``platform_words``."""
    language = language or settings.LANGUAGE_CODE

    def lookup(keys: list[str]) -> dict[str, spelling.Entry]:
        fixed = _fixed_words_by_initial(language)
        own = _own_words(language)
        found: dict[str, spelling.Entry] = {}
        for key in keys:
            limit = spelling.max_edits(key)
            for initial in spelling.candidate_initials(key):
                for word, entry in fixed.get(initial, {}).items():
                    if abs(len(word) - len(key)) <= limit:
                        found.setdefault(word, entry)
            for word, written in own.items():
                if word[0] in key[:2] and abs(len(word) - len(key)) <= limit:
                    found.setdefault(word, spelling.Entry(0, written))
        return found

    return lookup
