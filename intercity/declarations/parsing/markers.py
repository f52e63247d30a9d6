"""Recognises the numbering that opens a clause or sub-item: 1. (a) II. - • Article 3."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from intercity.declarations.parsing.lexicon import ENGLISH_ORDINAL_WORDS

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
    "两": 2,
}
# Chinese numerals: [digit]百 [零] [digit]十 [digit], each part optional.
_KANJI_NUMBER_RE = re.compile(
    r"(?:(?P<h>[一二两三四五六七八九])?(?P<hundred>百))?(?P<zero>[零〇])?"
    r"(?:(?P<t>[一二三四五六七八九])?(?P<ten>十))?(?P<u>[一二三四五六七八九])?"
)
_KANJI_NUMBER_MAX = 6
_KANJI_NUMERAL = "[一二两三四五六七八九十百零〇]"
# Mongolian ordinals: a tens word in its attributive form, then a number with the ordinal
# suffix ("Хорин тавдугаар" = 25th); the stems drop a final vowel ("зургаа" → "зурга-").
_MONGOLIAN_TENS = {
    "арван": 10,
    "хорин": 20,
    "гучин": 30,
    "дөчин": 40,
    "тавин": 50,
    "жаран": 60,
    "далан": 70,
    "наян": 80,
    "ерэн": 90,
}
_MONGOLIAN_NUMBERS = {
    "нэг": 1,
    "хоёр": 2,
    "гурав": 3,
    "дөрөв": 4,
    "тав": 5,
    "зурга": 6,
    "дол": 7,
    "найм": 8,
    "ес": 9,
    "арав": 10,
    "хорь": 20,
    "гуч": 30,
    "дөч": 40,
    "тавь": 50,
    "жар": 60,
    "дал": 70,
    "ная": 80,
    "ер": 90,
    "зуу": 100,
}
_MONGOLIAN_ORDINAL = (
    r"(?:(?P<tens>" + "|".join(_MONGOLIAN_TENS) + r")\s+)?"
    r"(?P<number>" + "|".join(sorted(_MONGOLIAN_NUMBERS, key=len, reverse=True)) + r")"
    r"(?:дугаар|дүгээр|дахь|дэх)"
)
_MONGOLIAN_ORDINAL_RE = re.compile(_MONGOLIAN_ORDINAL)

_ARTICLE_RE = re.compile(
    r"(?:Article|ARTICLE|Art\.|Artikel|ARTIKEL|Artículo|Articolo|Điều|ĐIỀU|Section|SECTION|"
    r"Clause|CLAUSE|Paragraph|§|Статья|СТАТЬЯ|Pasal|PASAL|Artikulo|ARTIKULO|Perkara|PERKARA|"
    r"ข้อ|अनुच्छेद|အပိုဒ်)"
    # Digits of any script: Thai ๑, Devanagari १, Burmese ၁ are digits to int().
    r"\s*(?P<token>\d{1,3}|[IVXLC]{1,6})(?![\w])\s*[.:)\-–—।၊။]?\s*"
)
_CITED_ARTICLE_RE = re.compile(r"(?:of\s+the|applies|provides|states|stipulates)\b")
_ARTICLE_CJK_RE = re.compile(r"第\s*(?P<token>\d{1,3}|" + _KANJI_NUMERAL + r"{1,6})\s*[条條]\s*")
# Korean articles: "제 1 조", "제12조".
_ARTICLE_KOREAN_RE = re.compile(r"제\s*(?P<token>\d{1,3})\s*조(?![\uac00-\ud7af])\s*")
# Mongolian articles are numbered by ordinal words: "Нэгдүгээр зүйл", "Хорин тавдугаар зүйл".
_ARTICLE_MONGOLIAN_RE = re.compile(
    r"(?P<token>" + _MONGOLIAN_ORDINAL + r")\s+зүйл(?![\w])\s*[.:]?\s*", re.IGNORECASE
)
# "(一)", also written "㈠" or "（一）", numbers the paragraphs of a Chinese article.
_PAREN_KANJI_RE = re.compile(r"\((?P<token>[一二三四五六七八九十]{1,3})\)\s*")
_KANJI_ITEM_RE = re.compile(r"(?P<token>[一二三四五六七八九十]{1,3})[、．.]\s*")
# Sub-items lettered in the member languages' alphabets: Russian and Mongolian "а)", "б)",
# Thai "ก.", "ข.", in the order those lists use (letters that lists skip are left out).
CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_PAREN_RE = re.compile(r"\((?P<token>\d{1,3}|[A-Za-z]{1,6}|[а-я]|[ก-ฮ])\)\s*")
_CLOSE_PAREN_RE = re.compile(r"(?P<token>\d{1,3}|[A-Za-z]{1,6}|[а-я]|[ก-ฮ])\)\s*")
_DECIMAL_RE = re.compile(r"(?P<token>\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s)\s*")
# A Cyrillic letter and a full stop is mostly an abbreviation ("г. Томск"): not a marker.
_DOT_RE = re.compile(r"(?P<token>\d{1,3}|[A-Za-z]{1,6}|[ก-ฮ])[.、](?!\d)(?P<space>\s*)")
_BULLET_RE = re.compile(r"(?P<bullet>[" + re.escape(BULLET_CHARACTERS) + r"])(?P<space>\s*)")
_MONTH_AFTER_NUMBER_RE = re.compile(
    r"(?:Jan(?:uar|uary)?|Feb(?:ruar|ruary)?|Mär(?:z)?|Mar(?:ch)?|Apr(?:il)?|Mai|May|"
    r"Jun(?:i|e)?|Jul(?:i|y)?|Aug(?:ust)?|Sep(?:t|tember)?|Okt(?:ober)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?|janv(?:ier)?|févr(?:ier)?|mars|avr(?:il)?|juin|"
    r"juil(?:let)?|août|sept(?:embre)?|déc(?:embre)?)(?![^\W\d_])",
    re.IGNORECASE,
)
_MONGOLIAN_INITIALS = frozenset("АаХхГгДдТтЖжНнЕеЗзЁё")
_MONGOLIAN_HEADING_LENGTH = 60
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
    """Value of a Chinese or Japanese numeral up to the hundreds (一 .. 九百九十九)."""
    if not token or len(token) > _KANJI_NUMBER_MAX:
        return None
    match = _KANJI_NUMBER_RE.fullmatch(token)
    if match is None:
        return None
    value = 0
    if match.group("hundred"):
        value += 100 * (_KANJI_DIGITS[match.group("h")] if match.group("h") else 1)
    if match.group("ten"):
        value += 10 * (_KANJI_DIGITS[match.group("t")] if match.group("t") else 1)
    elif match.group("zero") and not match.group("hundred"):
        return None
    if match.group("u"):
        value += _KANJI_DIGITS[match.group("u")]
    return value or None


def mongolian_ordinal_value(words: str) -> int | None:
    """Value of a Mongolian ordinal ("Нэгдүгээр", "Хорин тавдугаар"), or None."""
    match = _MONGOLIAN_ORDINAL_RE.fullmatch(" ".join(words.split()).lower())
    if match is None:
        return None
    tens = _MONGOLIAN_TENS[match.group("tens")] if match.group("tens") else 0
    return tens + _MONGOLIAN_NUMBERS[match.group("number")]


def numeral_value(label: str | None) -> int | None:
    """The value of a printed clause number in any script the parser reads: 12, ١٢, ๑๒, ၁၂,
    १२, 十二, "Twelfth", "Арван хоёрдугаар"; None for a letter or an unknown word."""
    if not label:
        return None
    word = unicodedata.normalize("NFKC", label).strip().rstrip(",.").lower()
    if word.isdecimal():
        return int(word)
    if word in ENGLISH_ORDINAL_WORDS:
        return ENGLISH_ORDINAL_WORDS[word]
    return kanji_value(word) or mongolian_ordinal_value(word)


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
    for alphabet in (CYRILLIC_LETTERS, THAI_LETTERS):
        if token in alphabet:
            return ListMarker(token, (LOWER_LETTER,), fmt, (alphabet.index(token) + 1,), rest)
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
    match = _ARTICLE_CJK_RE.match(prefix) or _ARTICLE_KOREAN_RE.match(prefix)
    if match:
        token = match.group("token")
        value = int(token) if token.isdigit() else kanji_value(token)
        if value:
            return ListMarker(token, (ARTICLE,), "article", (value,), rest_after(match.end()))
    if text[:1] in _MONGOLIAN_INITIALS:
        match = _ARTICLE_MONGOLIAN_RE.match(text[:_MONGOLIAN_HEADING_LENGTH])
        if match:
            token = " ".join(match.group("token").split())
            value = mongolian_ordinal_value(token)
            if value:
                rest = text[match.end() :].strip()
                return ListMarker(token, (ARTICLE,), "article", (value,), rest)
    match = _PAREN_KANJI_RE.match(prefix)
    if match:
        value = kanji_value(match.group("token"))
        if value:
            return ListMarker(
                match.group("token"), (KANJI,), "(kanji)", (value,), rest_after(match.end())
            )
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


# A paragraph that is only "<character> 23 条": an article heading with its first character
# mistyped, read only where 23 is the article the running list expects.
_CONTINUED_ARTICLE_RE = re.compile(r"\S\s*(?P<token>\d{1,3}|" + _KANJI_NUMERAL + r"{1,6})\s*[条條]")
_CONTINUED_ARTICLE_LENGTH = 12


def read_continued_article(text: str, expected: int) -> ListMarker | None:
    """ "弟23条" as article 23, when 23 is the article the running list expects."""
    heading = text.strip()
    if len(heading) > _CONTINUED_ARTICLE_LENGTH:
        return None
    match = _CONTINUED_ARTICLE_RE.fullmatch(unicodedata.normalize("NFKC", heading))
    if match is None:
        return None
    token = match.group("token")
    value = int(token) if token.isdigit() else kanji_value(token)
    if value != expected:
        return None
    return ListMarker(token, (ARTICLE,), "article", (value,), "")
