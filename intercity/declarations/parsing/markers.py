"""Recognises the numbering that opens a clause or sub-item: 1. (a) II. - • Article 3."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Number kinds. A style is (kind, format); two markers belong to the same list only when
# both match, so "1." clauses and "1)" sub-items are told apart.
ARABIC = "arabic"
DECIMAL = "decimal"
LOWER_LETTER = "lower-letter"
UPPER_LETTER = "upper-letter"
LOWER_ROMAN = "lower-roman"
UPPER_ROMAN = "upper-roman"
BULLET = "bullet"
ARTICLE = "article"
KANJI = "kanji"
ORDINAL_WORD = "ordinal-word"

BULLET_CHARACTERS = "-–—•●○◦▪▫■□・*+►▶◆◇※"

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_KANJI_DIGITS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

_ARTICLE_RE = re.compile(
    r"(?:Article|ARTICLE|Art\.|Artikel|ARTIKEL|Artículo|Articolo|Điều|ĐIỀU|Section|SECTION|"
    r"Clause|CLAUSE|Paragraph|§)\s*(?P<token>\d{1,3}|[IVXLC]{1,6})(?![\w])\s*[.:)\-–—]?\s*"
)
_CITED_ARTICLE_RE = re.compile(r"(?:of\s+the|applies|provides|states|stipulates)\b")
_ARTICLE_CJK_RE = re.compile(r"第\s*(?P<token>\d{1,3}|[一二三四五六七八九十]{1,4})\s*条\s*")
_KANJI_ITEM_RE = re.compile(r"(?P<token>[一二三四五六七八九十]{1,3})[、．.]\s*")
_PAREN_RE = re.compile(r"\((?P<token>\d{1,3}|[A-Za-z]{1,6})\)\s*")
_CLOSE_PAREN_RE = re.compile(r"(?P<token>\d{1,3}|[A-Za-z]{1,6})\)\s*")
_DECIMAL_RE = re.compile(r"(?P<token>\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s)\s*")
_DOT_RE = re.compile(r"(?P<token>\d{1,3}|[A-Za-z]{1,6})[.、](?!\d)(?P<space>\s*)")
_BULLET_RE = re.compile(r"(?P<bullet>[" + re.escape(BULLET_CHARACTERS) + r"])(?P<space>\s*)")
_MONTH_AFTER_NUMBER_RE = re.compile(
    r"(?:Jan(?:uar|uary)?|Feb(?:ruar|ruary)?|Mär(?:z)?|Mar(?:ch)?|Apr(?:il)?|Mai|May|"
    r"Jun(?:i|e)?|Jul(?:i|y)?|Aug(?:ust)?|Sep(?:t|tember)?|Okt(?:ober)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?|janv(?:ier)?|févr(?:ier)?|mars|avr(?:il)?|juin|"
    r"juil(?:let)?|août|sept(?:embre)?|déc(?:embre)?)(?![^\W\d_])",
    re.IGNORECASE,
)
# Longest prefix worth normalising: fullwidth "（１２）" and a bullet before it.
_PREFIX_LENGTH = 16


@dataclass(frozen=True)
class ListMarker:
    """A numbering token found at the start of a paragraph."""

    label: str | None
    kinds: tuple[str, ...]
    fmt: str
    values: tuple[int, ...]
    rest: str

    def style(self, kind: str) -> tuple[str, str]:
        return (kind, self.fmt)

    def value_for(self, kind: str) -> int:
        return self.values[self.kinds.index(kind)]


def roman_value(token: str) -> int | None:
    """Value of a Roman numeral, or None when the token is not a well-formed one."""
    lowered = token.lower()
    if not lowered or any(ch not in _ROMAN_VALUES for ch in lowered):
        return None
    total = 0
    for index, ch in enumerate(lowered):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[lowered[index + 1]] if index + 1 < len(lowered) else 0
        total += -value if value < following else value
    if total <= 0 or total > 100:
        return None
    # Reject forms such as "IIII" or "VX" by writing the value back and comparing.
    if _to_roman(total) != lowered:
        return None
    return total


def _to_roman(value: int) -> str:
    pieces = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for amount, letters in pieces:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def kanji_value(token: str) -> int | None:
    """Value of a small kanji numeral (一 .. 九十九)."""
    if not token or any(ch not in _KANJI_DIGITS for ch in token):
        return None
    if "十" not in token:
        return _KANJI_DIGITS[token] if len(token) == 1 else None
    tens_part, _, units_part = token.partition("十")
    if len(tens_part) > 1 or len(units_part) > 1 or "十" in units_part:
        return None
    tens = _KANJI_DIGITS[tens_part] if tens_part else 1
    units = _KANJI_DIGITS[units_part] if units_part else 0
    return tens * 10 + units


def _normalised_prefix(text: str) -> tuple[str, list[int]]:
    """NFKC form of the paragraph's first characters and where each came from.

    Fullwidth digits and brackets ("（１）", "２．") are common in Japanese and Chinese texts;
    normalising only a short prefix keeps the work constant per paragraph.
    """
    prefix = text[:_PREFIX_LENGTH]
    if prefix.isascii():
        # The common case: nothing to normalise, every position maps to itself.
        return prefix, list(range(len(prefix) + 1))
    normalised: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(prefix):
        # Circled numbers normalise to bare digits; give them a dot so they read as "1.".
        if "\u2460" <= ch <= "\u2473":
            piece = str(ord(ch) - 0x2460 + 1) + "."
        else:
            piece = unicodedata.normalize("NFKC", ch)
        for part in piece:
            normalised.append(part)
            origin.append(index)
    origin.append(min(len(text), _PREFIX_LENGTH))
    return "".join(normalised), origin


def _enumerated(token: str, fmt: str, rest: str) -> ListMarker | None:
    """Interpret a token such as "3", "b", "iv" or "C" as a list number."""
    if token.isdigit():
        value = int(token)
        if value == 0 or value > LARGEST_FREE_NUMBER:
            return None
        return ListMarker(token, (ARABIC,), fmt, (value,), rest)
    if not token.isascii() or not token.isalpha():
        return None
    kinds: list[str] = []
    values: list[int] = []
    roman = roman_value(token)
    if token.islower():
        if len(token) == 1:
            kinds.append(LOWER_LETTER)
            values.append(ord(token) - ord("a") + 1)
        if roman is not None:
            kinds.append(LOWER_ROMAN)
            values.append(roman)
    elif token.isupper():
        if len(token) == 1:
            kinds.append(UPPER_LETTER)
            values.append(ord(token) - ord("A") + 1)
        if roman is not None:
            kinds.append(UPPER_ROMAN)
            values.append(roman)
    if not kinds:
        return None
    return ListMarker(token, tuple(kinds), fmt, tuple(values), rest)


# The parser asks about the same paragraph several times; markers are immutable.
@lru_cache(maxsize=65_536)
def read_marker(paragraph: str) -> ListMarker | None:
    """The list marker that opens the paragraph, if any, with the text after it."""
    text = paragraph.lstrip()
    if not text:
        return None
    prefix, origin = _normalised_prefix(text)

    def rest_after(normalised_end: int) -> str:
        return text[origin[min(normalised_end, len(origin) - 1)] :].strip()

    match = _ARTICLE_RE.match(text)
    if match:
        token = match.group("token")
        value = int(token) if token.isdigit() else roman_value(token)
        rest = text[match.end() :]
        # "Article V of the Treaty …" at the start of a wrapped line cites an article.
        if value and not _CITED_ARTICLE_RE.match(rest):
            return ListMarker(token, (ARTICLE,), "article", (value,), text[match.end() :].strip())
    match = _ARTICLE_CJK_RE.match(prefix)
    if match:
        token = match.group("token")
        value = int(token) if token.isdigit() else kanji_value(token)
        if value:
            return ListMarker(token, (ARTICLE,), "article", (value,), rest_after(match.end()))
    match = _KANJI_ITEM_RE.match(prefix)
    if match:
        value = kanji_value(match.group("token"))
        if value:
            return ListMarker(
                match.group("token"), (KANJI,), "kanji", (value,), rest_after(match.end())
            )

    match = _BULLET_RE.match(prefix)
    if match:
        after_bullet = prefix[match.end() :]
        # "- a." is a lettered item that happens to carry a dash in front.
        inner = _enumerated_at_start(after_bullet)
        if inner is not None and match.group("space"):
            token, fmt, length = inner
            marker = _enumerated(token, fmt, rest_after(match.end() + length))
            if marker is not None:
                return marker
        bullet = match.group("bullet")
        # A hyphen glued to a word is a word ("-based"), not a bullet.
        if bullet in "-*+" and not match.group("space"):
            return None
        rest = rest_after(match.end())
        if not rest or rest[0] in BULLET_CHARACTERS:
            return None
        return ListMarker(None, (BULLET,), bullet, (0,), rest)

    inner = _enumerated_at_start(prefix)
    if inner is None:
        return None
    token, fmt, length = inner
    rest = rest_after(length)
    # "18. November 2013" at the start of a line is a German date, not clause 18.
    if fmt == "." and token.isdigit() and _MONTH_AFTER_NUMBER_RE.match(rest):
        return None
    if fmt == "decimal":
        if rest[:1].islower():
            # "1.5 degrees Celsius" at the start of a wrapped line is a quantity.
            return None
        depth = token.count(".") + 1
        return ListMarker(token, (DECIMAL,), f"decimal{depth}", (depth,), rest)
    return _enumerated(token, fmt, rest)


_ORDINAL_WORDS = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
)
_ORDINAL_WORD_RE = re.compile(r"(?P<word>" + "|".join(_ORDINAL_WORDS) + r"),\s+(?=\S)")


def read_ordinal_word(paragraph: str) -> ListMarker | None:
    """ "First, we resolve …", "Second, …": sections numbered by words, read only where the
    document has such a sequence (a lone "First," opens an ordinary sentence)."""
    match = _ORDINAL_WORD_RE.match(paragraph)
    if match is None:
        return None
    word = match.group("word")
    value = _ORDINAL_WORDS.index(word) + 1
    return ListMarker(word, (ORDINAL_WORD,), "word", (value,), paragraph[match.end() :].strip())


def has_ordinal_word_sections(paragraphs: list[str]) -> bool:
    """Whether paragraphs open with "First," then "Second," in order."""
    expected = 1
    for paragraph in paragraphs:
        marker = read_ordinal_word(paragraph)
        if marker is not None and marker.values[0] == expected:
            expected += 1
            if expected > 2:
                return True
    return False


def _enumerated_at_start(prefix: str) -> tuple[str, str, int] | None:
    """Token, format and matched length of an enumerated marker at the start of prefix."""
    match = _PAREN_RE.match(prefix)
    if match:
        return match.group("token"), "()", match.end()
    match = _DECIMAL_RE.match(prefix)
    if match:
        return match.group("token"), "decimal", match.end()
    match = _CLOSE_PAREN_RE.match(prefix)
    if match:
        return match.group("token"), ")", match.end()
    match = _DOT_RE.match(prefix)
    if match:
        token = match.group("token")
        following = prefix[match.end() : match.end() + 1]
        if not following:
            # A number alone on its line: its text follows on the next line.
            return (token, ".", match.end()) if token.isdigit() else None
        if not match.group("space"):
            # "1.to further" is a clause; "e.g." and "U.S." are abbreviations.
            if not (token.isdigit() and following.isalpha()):
                return None
        elif len(token) > 1 and not token.isdigit() and roman_value(token) is None:
            return None
        return token, ".", match.end()
    return None


# Numbers above this are not read as list numbers on their own (they are mostly years at the
# start of a wrapped line), only where they continue a running numbering.
LARGEST_FREE_NUMBER = 500
_CONTINUED_NUMBER_RE = re.compile(r"(?P<token>\d{3,5})(?P<fmt>[.)])(?:\s+|$)")


def read_continued_number(text: str, expected: int) -> ListMarker | None:
    """ "1234. text" as a list marker, when 1234 is the number the running list expects."""
    match = _CONTINUED_NUMBER_RE.match(text.lstrip())
    if match is None or int(match.group("token")) != expected:
        return None
    rest = text.lstrip()[match.end() :].strip()
    return ListMarker(match.group("token"), (ARABIC,), match.group("fmt"), (expected,), rest)
