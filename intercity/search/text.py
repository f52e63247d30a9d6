"""Normalisation, word segmentation and index terms for multilingual keyword search."""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Iterator

logger = logging.getLogger(__name__)

try:
    import icu
except ImportError:  # the keyword search must keep working on a machine without ICU
    icu = None
    logger.warning(
        "PyICU is not installed: Thai, Lao, Burmese and Khmer fall back to "
        "character bigrams instead of dictionary words"
    )

__all__ = [
    "FTS5_TOKENIZE",
    "icu_available",
    "index_terms",
    "is_dictionary_script",
    "matches_as_prefix",
    "normalise",
    "query_terms",
    "segment",
    "spaced_words",
    "word_edges",
]

# The FTS5 table that stores index_terms() must keep combining marks inside
# tokens: the default unicode61 tokenizer treats them as separators and cuts
# Hindi, Thai and Burmese words at every vowel sign. Diacritics are already
# folded by normalise(), so FTS5 must not fold them again.
FTS5_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"

# Characters that change rendering but never meaning, removed before anything
# else; a zero-width space is a word separator in Thai and Burmese typing.
_IGNORABLE_CHARS = {
    "\u00ad": "",  # soft hyphen
    "\u200b": " ",  # zero width space
    "\u200c": "",  # zero width non-joiner
    "\u200d": "",  # zero width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # byte order mark / zero width no-break space
}
# A regex finds these rare characters faster than str.translate walks a text.
_IGNORABLE_RE = re.compile(f"[{''.join(_IGNORABLE_CHARS)}]")

# Latin letters whose stroke or slash is not a Unicode combining mark, so NFD
# cannot separate it. Vietnamese đ is the one users type as d most often; ё is
# written as е in most Russian and Mongolian text, so searches must equate them.
_LETTER_FOLDS = {"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ŧ": "t", "ё": "е"}
_LETTER_FOLDS_RE = re.compile(f"[{''.join(_LETTER_FOLDS)}]")


def _without_ignorables(text: str) -> str:
    return _IGNORABLE_RE.sub(lambda match: _IGNORABLE_CHARS[match.group()], text)


# NFKC splits Thai and Lao SARA AM into NIKHAHIT + SARA AA, which ICU's
# dictionaries do not know; put it back, also when a writer typed the pair.
_SARA_AM_RE = re.compile(
    "\u0e4d(\u0e48|\u0e49|\u0e4a|\u0e4b)?\u0e32|\u0ecd(\u0ec8|\u0ec9|\u0eca|\u0ecb)?\u0eb2"
)


def _compose_sara_am(match: re.Match[str]) -> str:
    tone_mark = match.group(1) or match.group(2) or ""
    sara_am = "\u0e33" if match.group().startswith("\u0e4d") else "\u0eb3"
    return tone_mark + sara_am


_LATIN_LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f"
_LATIN_COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\ufe20-\ufe2f"
_LATIN_DIACRITICS_RE = re.compile(f"(?<=[{_LATIN_LETTERS}])[{_LATIN_COMBINING_MARKS}]+")
_LATIN_COMBINING_MARK_RE = re.compile(f"[{_LATIN_COMBINING_MARKS}]")

# Scripts written without spaces between words. Han and Kana are indexed as
# character n-grams; Hangul is space-separated but glues particles to nouns
# (서울시는), so it gets n-grams too. Thai, Lao, Burmese and Khmer have no
# spaces either and go through ICU's dictionary segmentation.
_HAN_KANA_RANGES = (
    (0x3005, 0x3007),
    (0x303B, 0x303C),
    (0x3041, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FC, 0x30FF),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
_HANGUL_RANGES = (
    (0x1100, 0x11FF),
    (0x3131, 0x318E),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7AF),
    (0xD7B0, 0xD7FF),
)
_DICTIONARY_SCRIPT_RANGES = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1000, 0x109F),  # Myanmar
    (0xA9E0, 0xA9FF),  # Myanmar Extended-B
    (0xAA60, 0xAA7F),  # Myanmar Extended-A
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
)
# Scanning code points to build classes costs a few tens of milliseconds;
# planes 2 and 3 hold only Han, which is listed by range above.
_SCANNED_CODE_POINT_LIMIT = 0x20000


def _in_ranges(code_point: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code_point <= high for low, high in ranges)


def _character_class(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )


def _collapse(code_points: list[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for code_point in code_points:
        if ranges and ranges[-1][1] == code_point - 1:
            ranges[-1] = (ranges[-1][0], code_point)
        else:
            ranges.append((code_point, code_point))
    return ranges


def _is_word_character(code_point: int) -> bool:
    return unicodedata.category(chr(code_point))[0] in "LNM"


@functools.cache
def _run_pattern() -> re.Pattern[str]:
    """Compile the regex that splits normalised text into runs of one script family."""
    dictionary_points: list[int] = []
    other_points: list[int] = []
    for code_point in range(_SCANNED_CODE_POINT_LIMIT):
        if not _is_word_character(code_point):
            continue
        if _in_ranges(code_point, _HAN_KANA_RANGES) or _in_ranges(code_point, _HANGUL_RANGES):
            continue
        if _in_ranges(code_point, _DICTIONARY_SCRIPT_RANGES):
            dictionary_points.append(code_point)
        else:
            other_points.append(code_point)
    han_kana = _character_class(list(_HAN_KANA_RANGES))
    hangul = _character_class(list(_HANGUL_RANGES))
    dictionary = _character_class(_collapse(dictionary_points))
    other = _character_class(_collapse(other_points))
    return re.compile(
        f"(?P<han_kana>[{han_kana}]+)"
        f"|(?P<hangul>[{hangul}]+)"
        f"|(?P<dictionary>[{dictionary}]+)"
        f"|(?P<word>[{other}]+)"
    )


@functools.cache
def _mixed_marks_pattern() -> re.Pattern[str]:
    """Compile the regex for Latin diacritics behind another script's mark."""
    marks = [
        code_point
        for code_point in range(_SCANNED_CODE_POINT_LIMIT)
        if unicodedata.category(chr(code_point))[0] == "M"
    ]
    # Canonical ordering may put a mark of another script (a stray Thai tone
    # mark) between a Latin letter and its diacritic.
    any_mark = _character_class(_collapse(marks))
    return re.compile(
        f"(?<=[{_LATIN_LETTERS}])[{any_mark}]*[{_LATIN_COMBINING_MARKS}][{any_mark}]*"
    )


def _drop_latin_marks(match: re.Match[str]) -> str:
    # Only marks that sit on a Latin letter are dropped: Thai, Burmese,
    # Devanagari and Hangul marks live in their own blocks, and a breve on
    # Cyrillic и makes й.
    return _LATIN_COMBINING_MARK_RE.sub("", match.group())


def is_dictionary_script(character: str) -> bool:
    """Whether ``character`` is of a script without spaces that ICU cuts into dictionary
    words (Thai, Lao, Burmese, Khmer)."""
    return _in_ranges(ord(character), _DICTIONARY_SCRIPT_RANGES)


def word_edges(run: str, lang: str | None = None) -> set[int]:
    """Where the words of ``run``, a run of a dictionary script, begin and end, as the index
    cuts it (``lang`` a hint for ICU); without ICU, where each character cluster does."""
    if icu is None:
        edges, position = {0}, 0
        for cluster in _clusters(run):
            position += len(cluster)
            edges.add(position)
        return edges
    edges, position = {0}, 0
    iterator = _word_break_iterator(lang)
    iterator.setText(run)
    source: str | icu.UnicodeString = run
    astral = any(ord(character) > 0xFFFF for character in run)
    if astral:
        source = icu.UnicodeString(run)
    start = 0
    for end in iterator:
        position += len(str(source[start:end])) if astral else end - start
        edges.add(position)
        start = end
    return edges


def icu_available() -> bool:
    """Tell whether dictionary segmentation through ICU is in use."""
    return icu is not None


def normalise(text: str) -> str:
    """Return ``text`` in the form both the index and the queries are compared in.

    NFKC (full-width Latin, half-width Kana, ligatures), case folding, and the
    removal of diacritics from Latin letters only, so that "quy hoach do thi"
    meets "quy hoạch đô thị" while Thai, Devanagari, Burmese and Hangul keep
    the marks that make their words.
    """
    if text.isascii():
        return text.casefold()
    folded = unicodedata.normalize("NFKC", _without_ignorables(text)).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = _LATIN_DIACRITICS_RE.sub("", decomposed)
    if _LATIN_COMBINING_MARK_RE.search(stripped) and _mixed_marks_pattern().search(stripped):
        stripped = _mixed_marks_pattern().sub(_drop_latin_marks, stripped)
    composed = _LETTER_FOLDS_RE.sub(
        lambda match: _LETTER_FOLDS[match.group()], unicodedata.normalize("NFC", stripped)
    )
    if "\u0e4d" in composed or "\u0ecd" in composed:
        composed = _SARA_AM_RE.sub(_compose_sara_am, composed)
    return composed


_break_iterators = threading.local()


def _word_break_iterator(lang: str | None) -> icu.BreakIterator:
    # A BreakIterator is costly to create and not thread-safe: one per thread
    # and language.
    cache: dict[str | None, icu.BreakIterator] = getattr(_break_iterators, "by_lang", None) or {}
    _break_iterators.by_lang = cache
    iterator = cache.get(lang)
    if iterator is None:
        locale = icu.Locale.getRoot()
        if lang:
            try:
                locale = icu.Locale.forLanguageTag(lang)
            except icu.ICUError:
                # A malformed hint must not break search; the root rules
                # already hold every dictionary.
                logger.debug("Ignoring the malformed language tag %r", lang)
        iterator = icu.BreakIterator.createWordInstance(locale)
        cache[lang] = iterator
    return iterator


# ICU rule statuses below this value mark spaces and punctuation.
_ICU_WORD_NONE_LIMIT = 100


def _icu_words(run: str, lang: str | None) -> list[str]:
    iterator = _word_break_iterator(lang)
    iterator.setText(run)
    # ICU boundaries count UTF-16 code units; slicing an ICU string keeps
    # astral characters (rare Han, historic scripts) aligned.
    source: str | icu.UnicodeString = run
    if any(ord(character) > 0xFFFF for character in run):
        source = icu.UnicodeString(run)
    words: list[str] = []
    start = 0
    for end in iterator:
        if iterator.getRuleStatus() >= _ICU_WORD_NONE_LIMIT:
            words.append(str(source[start:end]))
        start = end
    return words


def _clusters(run: str) -> list[str]:
    """Split a run into base characters with their combining marks attached."""
    clusters: list[str] = []
    for character in run:
        if clusters and unicodedata.category(character)[0] == "M":
            clusters[-1] += character
        else:
            clusters.append(character)
    return clusters


def _ngrams(units: list[str], *, for_query: bool) -> list[str]:
    """Return the n-gram terms of one run of a script without word spaces.

    The index holds every unit and every pair of neighbours; a query asks for
    its pairs only, or its single unit. Pairs make a two-character word
    (東京, 서울) match wherever it stands, whatever a dictionary would have cut,
    at the price of some false pairs across word edges (東京都 contains 京都).
    """
    bigrams = [units[index] + units[index + 1] for index in range(len(units) - 1)]
    if for_query:
        return bigrams or units
    return units + bigrams


def _dictionary_terms(run: str, lang: str | None, *, for_query: bool) -> list[str]:
    if icu is None:
        return _ngrams(_clusters(run), for_query=for_query)
    words = _icu_words(run, lang)
    if for_query:
        return words
    # A query segmented alone may keep as one dictionary word what the
    # document's context split in two (น้ำท่วม vs น้ำ|ท่วม): index joined
    # neighbours too.
    return words + [words[index] + words[index + 1] for index in range(len(words) - 1)]


def _runs(normalised_text: str) -> Iterator[tuple[str, str]]:
    for match in _run_pattern().finditer(normalised_text):
        yield match.lastgroup or "word", match.group()


def _terms(text: str, lang: str | None, *, for_query: bool) -> list[str]:
    terms: list[str] = []
    for kind, run in _runs(normalise(text)):
        if kind == "word":
            terms.append(run)
        elif kind == "dictionary":
            terms.extend(_dictionary_terms(run, lang, for_query=for_query))
        else:
            terms.extend(_ngrams(list(run), for_query=for_query))
    return terms


def segment(text: str, lang: str | None = None) -> list[str]:
    """Split ``text`` into words, dropping spaces and punctuation; the words keep their case.

    ICU's dictionaries decide the word edges of Thai, Lao, Burmese, Khmer,
    Chinese and Japanese; other scripts split at every character that is not
    a letter, mark or digit, as FTS5 and PostgreSQL's parser do, so "don't"
    gives "don" and "t" here and in the index alike. ``lang`` (a BCP 47 code
    such as "th") is a hint for ICU.
    """
    words: list[str] = []
    for kind, run in _runs(_without_ignorables(text)):
        if kind in ("word", "hangul"):
            words.append(run)
        elif icu is None:
            words.append(run)
        else:
            words.extend(_icu_words(run, lang))
    return words


def spaced_words(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each word of ``text`` written in a script that puts spaces
    between words (Latin, Cyrillic, Devanagari, Hangul, ...), in order.

    Runs of Han, Kana, Thai, Lao, Burmese and Khmer, which have no spaces and which the
    index cuts into n-grams or dictionary words, are left out.
    """
    return [
        match.span()
        for match in _run_pattern().finditer(text)
        if match.lastgroup in ("word", "hangul")
    ]


# Terms of a script written with spaces this long also match as a word's start ("energ"
# finds "energy", "выброс" finds "выбросы"); shorter ones must be whole words.
PREFIX_MIN_LENGTH = 4


def is_spaced_script(term: str) -> bool:
    """Whether ``term`` is of a script written with spaces between words. Every script
    below Thai in Unicode order (Latin, Cyrillic, Devanagari, ...) is, and so is Latin
    Extended Additional."""
    first = term[0]
    return first < "\u0e00" or "\u1e00" <= first <= "\u1fff"


def matches_as_prefix(term: str) -> bool:
    """Whether a query term also matches the words of the index it begins."""
    return len(term) >= PREFIX_MIN_LENGTH and is_spaced_script(term)


def index_terms(text: str, lang: str | None = None) -> str:
    """Return the space-separated terms to store in a full-text column for ``text``.

    SQLite FTS5 with ``FTS5_TOKENIZE`` reads the terms back exactly as
    written. PostgreSQL's ``to_tsvector('simple', ...)`` does too for Latin,
    Cyrillic and CJK, but its parser may cut Thai or Hindi terms at vowel
    signs; matching then still works, less precisely, as long as the query
    goes through the same parser. Queries must come from ``query_terms`` so
    both sides see the same normalisation and segmentation.
    """
    return " ".join(_terms(text, lang, for_query=False))


def query_terms(query: str, lang: str | None = None) -> list[str]:
    """Return the distinct terms a document's index terms must contain to match ``query``.

    Every term of ``query_terms(text)`` is among ``index_terms(text)``, so a
    document always matches a query made of its own words.
    """
    return list(dict.fromkeys(_terms(query, lang, for_query=True)))
