"""Finds dates and date ranges ("18–19 November 2013", "2013-11-18 to 2013-11-19") in text."""

import datetime
import re
from dataclasses import dataclass

from intercity.declarations.parsing.markers import kanji_value

_MONTHS = {
    # English
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # German
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    "okt": 10,
    "dez": 12,
    # French
    "janvier": 1,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    # Spanish
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # Indonesian
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "mei": 5,
    "agustus": 8,
    "desember": 12,
    # Russian, in the genitive a date uses, and the nominative
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
    "январь": 1,
    "февраль": 2,
    "март": 3,
    "апрель": 4,
    "май": 5,
    "июнь": 6,
    "июль": 7,
    "август": 8,
    "сентябрь": 9,
    "октябрь": 10,
    "ноябрь": 11,
    "декабрь": 12,
    # Thai
    "มกราคม": 1,
    "กุมภาพันธ์": 2,
    "มีนาคม": 3,
    "เมษายน": 4,
    "พฤษภาคม": 5,
    "มิถุนายน": 6,
    "กรกฎาคม": 7,
    "สิงหาคม": 8,
    "กันยายน": 9,
    "ตุลาคม": 10,
    "พฤศจิกายน": 11,
    "ธันวาคม": 12,
    # Thai abbreviations (ม.ค. … ธ.ค.) are added below.
    # Tagalog (with the Spanish names above)
    "pebrero": 2,
    "marso": 3,
    "hunyo": 6,
    "hulyo": 7,
    "setyembre": 9,
    "oktubre": 10,
    "nobyembre": 11,
    "disyembre": 12,
    # Malay (with the Indonesian and German names above)
    "julai": 7,
    "ogos": 8,
    "mac": 3,
    "disember": 12,
    # Hindi, in both spellings each month has
    "जनवरी": 1,
    "फ़रवरी": 2,
    "फरवरी": 2,
    "मार्च": 3,
    "अप्रैल": 4,
    "अप्रेल": 4,
    "मई": 5,
    "जून": 6,
    "जुलाई": 7,
    "अगस्त": 8,
    "सितम्बर": 9,
    "सितंबर": 9,
    "अक्टूबर": 10,
    "अक्तूबर": 10,
    "नवम्बर": 11,
    "नवंबर": 11,
    "दिसम्बर": 12,
    "दिसंबर": 12,
    # Burmese (followed by လ, "month")
    "ဇန်နဝါရီ": 1,
    "ဖေဖော်ဝါရီ": 2,
    "မတ်": 3,
    "ဧပြီ": 4,
    "မေ": 5,
    "ဇွန်": 6,
    "ဇူလိုင်": 7,
    "ဩဂုတ်": 8,
    "စက်တင်ဘာ": 9,
    "အောက်တိုဘာ": 10,
    "နိုဝင်ဘာ": 11,
    "ဒီဇင်ဘာ": 12,
}

# Thai abbreviates a month by its initials, with dots: "15 ธ.ค. 2566".
_THAI_SHORT = "ม.ค ก.พ มี.ค เม.ย พ.ค มิ.ย ก.ค ส.ค ก.ย ต.ค พ.ย ธ.ค"
_MONTHS.update(zip(_THAI_SHORT.split(), range(1, 13), strict=True))
# Thai may write "month" before its name: "เดือนธันวาคม".
_MONTH_WORD = "เดือน"
_MONTH = (
    rf"(?:{_MONTH_WORD}\s*)?(?:"
    + "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
    + r")\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|\.|er)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_RANGE = (
    r"\s*(?:-|–|—|~|～|to|until|till|through|thru|and|bis|zum|au|al|a|y|et|und|hingga|sampai|"
    r"dan|по|и|ถึง)\s*"
)
# Thai years count from the Buddha's era, 543 years before the Gregorian one.
_BUDDHIST_ERA = 543
_BUDDHIST_YEARS_FROM = 2400
_COMMA = r",?\s*"
# The era a Thai year may name: Buddhist (พ.ศ., พุทธศักราช) or Christian (ค.ศ., คริสต์ศักราช).
_ERA = r"(?:(?:พ\.\s?ศ\.|พุทธศักราช|ค\.\s?ศ\.|คริสต์ศักราช)\s*)?"

# Chinese numerals as dates write them: the year digit by digit (一九四八), month and day
# as numbers (十二月十日).
_CJK_DIGIT = "〇零一二三四五六七八九"
_CJK_DIGIT_VALUES = {ch: max(index - 1, 0) for index, ch in enumerate(_CJK_DIGIT)}
_CJK_NUMBER = "[一二三四五六七八九十]{1,3}"

# One pattern per layout; each is bounded, so finditer stays linear in the text length.
_LAYOUTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso-range",
        re.compile(
            rf"(?P<y1>{_YEAR})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}}){_RANGE}"
            rf"(?P<y2>{_YEAR})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})",
            re.IGNORECASE,
        ),
    ),
    (
        "cjk-range",
        re.compile(
            rf"(?P<y1>{_YEAR})\s*年\s*(?P<m1>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*日"
            rf"(?:\s*[（(][^)）]{{0,3}}[)）])?\s*(?:-|–|～|~|〜|から|至|到)\s*"
            rf"(?:(?P<m2>\d{{1,2}})\s*月\s*)?(?P<d2>\d{{1,2}})\s*日",
        ),
    ),
    (
        "ko-range",
        re.compile(
            rf"(?P<y1>{_YEAR})\s*년\s*(?P<m1>\d{{1,2}})\s*월\s*(?P<d1>\d{{1,2}})\s*일"
            rf"(?:\s*[（(][^)）]{{0,3}}[)）])?\s*(?:-|–|～|~|〜|부터)\s*"
            rf"(?:(?P<m2>\d{{1,2}})\s*월\s*)?(?P<d2>\d{{1,2}})\s*일",
        ),
    ),
    (
        "vi-range",
        re.compile(
            rf"ngày\s+(?P<d1>\d{{1,2}})\s*(?:-|–|đến|và)\s*(?:ngày\s+)?(?P<d2>\d{{1,2}})\s+"
            rf"tháng\s+(?P<m1>\d{{1,2}})\s+năm\s+(?P<y2>{_YEAR})",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy-mdy",
        re.compile(
            rf"(?P<mn1>{_MONTH})\s+(?P<d1>{_DAY}){_COMMA}(?P<y1>{_YEAR}){_RANGE}"
            rf"(?P<mn2>{_MONTH})\s+(?P<d2>{_DAY}){_COMMA}(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "dmy-dmy",
        re.compile(
            rf"\b(?P<d1>{_DAY})\s+(?P<mn1>{_MONTH})\s+{_ERA}(?P<y1>{_YEAR}){_RANGE}"
            rf"(?P<d2>{_DAY})\s+(?P<mn2>{_MONTH})\s+{_ERA}(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "md-md-y",
        re.compile(
            rf"(?P<mn1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<mn2>{_MONTH})\s+(?P<d2>{_DAY})"
            rf"{_COMMA}(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "dm-dm-y",
        re.compile(
            rf"\b(?P<d1>{_DAY})\s+(?P<mn1>{_MONTH}){_RANGE}(?P<d2>{_DAY})\s+(?P<mn2>{_MONTH})"
            rf"\s+{_ERA}(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "md-d-y",
        re.compile(
            rf"(?P<mn1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY}){_COMMA}(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "d-d-my",
        re.compile(
            rf"\b(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?P<mn2>{_MONTH}){_COMMA}{_ERA}"
            rf"(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "iso",
        re.compile(rf"\b(?P<y1>{_YEAR})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}})\b"),
    ),
    # "1948.12.10", as Japanese and Korean notes write a date.
    (
        "ymd-dot",
        re.compile(rf"\b(?P<y1>{_YEAR})\.\s?(?P<m1>\d{{1,2}})\.\s?(?P<d1>\d{{1,2}})\b(?!\.\d)"),
    ),
    (
        "cjk-numerals",
        re.compile(
            rf"(?P<y1>[{_CJK_DIGIT}]{{4}})\s*年\s*(?P<m1>{_CJK_NUMBER})\s*月\s*"
            rf"(?P<d1>{_CJK_NUMBER})\s*[日号]"
        ),
    ),
    (
        "vi",
        re.compile(
            rf"ngày\s+(?P<d1>\d{{1,2}})\s+tháng\s+(?P<m1>\d{{1,2}})\s+năm\s+(?P<y1>{_YEAR})",
            re.IGNORECASE,
        ),
    ),
    # "၁၉၄၈ ခုနှစ်၊ ဒီဇင်ဘာလ ၁၀ ရက်": year, month, day.
    (
        "my",
        re.compile(rf"(?P<y1>{_YEAR})\s*ခုနှစ်\s*၊?\s*(?P<mn1>{_MONTH})\s*လ\s*(?P<d1>\d{{1,2}})\s*ရက်"),
    ),
    (
        "cjk",
        re.compile(rf"(?P<y1>{_YEAR})\s*年\s*(?P<m1>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*日"),
    ),
    (
        "ko",
        re.compile(rf"(?P<y1>{_YEAR})\s*년\s*(?P<m1>\d{{1,2}})\s*월\s*(?P<d1>\d{{1,2}})\s*일"),
    ),
    (
        "mdy",
        re.compile(rf"(?P<mn1>{_MONTH})\s+(?P<d1>{_DAY}){_COMMA}(?P<y1>{_YEAR})\b", re.IGNORECASE),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d1>{_DAY})\s+(?:day\s+)?(?:of\s+|de\s+)?(?P<mn1>{_MONTH}){_COMMA}(?:de\s+)?"
            rf"{_ERA}(?P<y1>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
]


# Dates without a year ("on August 2nd", "18-19 November"), read only where the year is known
# from elsewhere in the document (its date of issue).
_YEARLESS_LAYOUTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "md-d",
        re.compile(rf"\b(?P<mn1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\b", re.IGNORECASE),
    ),
    (
        "d-dm",
        re.compile(
            rf"\b(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?P<mn2>{_MONTH})(?!\w)", re.IGNORECASE
        ),
    ),
    ("md", re.compile(rf"\b(?P<mn1>{_MONTH})\s+(?P<d1>{_DAY})(?!\d)", re.IGNORECASE)),
    (
        "dm",
        re.compile(rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<mn1>{_MONTH})(?!\w)", re.IGNORECASE),
    ),
]


# Decimal digits of the scripts the member languages use, mapped to ASCII.
_DIGITS = {
    zero + offset: str(offset)
    for zero in (0x0E50, 0x0966, 0x1040, 0xFF10, 0x0660, 0x06F0, 0x09E6, 0x17E0, 0x0ED0)
    for offset in range(10)
}


def to_ascii_digits(text: str) -> str:
    """The text with the digits of other scripts (๒๕๖๖, २०२३, ၂၀၂၃) as ASCII, one for one."""
    return text.translate(_DIGITS)


@dataclass(frozen=True)
class DateRange:
    """A date or a range of dates, with where it was found."""

    start: datetime.date
    end: datetime.date
    position: int


def _number(text: str | None) -> int | None:
    if not text:
        return None
    if text[0] in _CJK_DIGIT or text[0] == "十":
        if len(text) == 4 and "十" not in text:
            return int("".join(str(_CJK_DIGIT_VALUES[ch]) for ch in text))
        return kanji_value(text)
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or len(digits) > 4:
        return None
    return int(digits)


def _month(match: re.Match[str], numeric: str, named: str) -> int | None:
    groups = match.groupdict()
    if groups.get(numeric):
        return _number(groups[numeric])
    if groups.get(named):
        return _MONTHS.get(groups[named].lower().removeprefix(_MONTH_WORD).strip().rstrip("."))
    return None


def _make_date(year: int | None, month: int | None, day: int | None) -> datetime.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _range_from(match: re.Match[str], default_year: int | None = None) -> DateRange | None:
    groups = match.groupdict()
    month_one = _month(match, "m1", "mn1")
    month_two = _month(match, "m2", "mn2")
    day_one = _number(groups.get("d1"))
    day_two = _number(groups.get("d2"))
    year_one = _number(groups.get("y1"))
    year_two = _number(groups.get("y2"))
    # Parts a range leaves out are shared: "November 18 to 19, 2013".
    month_one = month_one or month_two
    month_two = month_two or month_one
    year_one = year_one or year_two or default_year
    year_two = year_two or year_one
    if year_one and year_one >= _BUDDHIST_YEARS_FROM:
        year_one -= _BUDDHIST_ERA
    if year_two and year_two >= _BUDDHIST_YEARS_FROM:
        year_two -= _BUDDHIST_ERA
    if day_two is None:
        day_two, month_two, year_two = day_one, month_one, year_one
    start = _make_date(year_one, month_one, day_one)
    end = _make_date(year_two, month_two, day_two)
    if start is None or end is None:
        return None
    # A range that runs backwards within the year crosses New Year: "30 Dec to 2 Jan 2014".
    if end < start and groups.get("y1") is None:
        start = _make_date(year_one - 1, month_one, day_one) if year_one else None
    if start is None or end < start or (end - start).days > 62:
        return None
    return DateRange(start, end, match.start())


def _find(
    text: str, layouts: list[tuple[str, re.Pattern[str]]], year: int | None = None
) -> list[DateRange]:
    found: list[DateRange] = []
    taken: list[tuple[int, int]] = []
    for _layout, pattern in layouts:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            date_range = _range_from(match, year)
            if date_range is not None:
                found.append(date_range)
                taken.append(span)
    found.sort(key=lambda date_range: date_range.position)
    return found


def is_month_name(word: str) -> bool:
    """Whether ``word`` names a month ("May", "Nov.", "Dezember")."""
    return word.lower().removeprefix(_MONTH_WORD).rstrip(".") in _MONTHS


def find_date_ranges(text: str) -> list[DateRange]:
    """Every date or date range in the text, ranges preferred where they overlap, in order.

    Digits of other scripts (Thai ๑๐, Devanagari १०, Burmese ၁၀, fullwidth １０) are read
    as the ASCII digits they stand for; the text keeps its length, so positions hold.
    """
    return _find(text.translate(_DIGITS), _LAYOUTS)


def find_yearless_date_ranges(text: str, reference: datetime.date) -> list[DateRange]:
    """Dates printed without a year ("on August 2nd"), placed in the year of ``reference``.

    A document is dated on or after the meeting it reports, so a day that would fall after
    the reference date belongs to the year before.
    """
    found = []
    for date_range in _find(text, _YEARLESS_LAYOUTS, reference.year):
        if date_range.start > reference:
            earlier = _find(text[date_range.position :], _YEARLESS_LAYOUTS, reference.year - 1)
            if not earlier:
                continue
            date_range = DateRange(earlier[0].start, earlier[0].end, date_range.position)
        found.append(date_range)
    return found
