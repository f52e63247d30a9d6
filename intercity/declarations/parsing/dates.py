"""Finds dates and date ranges ("18–19 November 2013", "2013-11-18 to 2013-11-19") in text."""

import datetime
import re
from dataclasses import dataclass

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
}

_MONTH = (
    r"(?:"
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
            rf"\b(?P<d1>{_DAY})\s+(?P<mn1>{_MONTH})\s+(?P<y1>{_YEAR}){_RANGE}"
            rf"(?P<d2>{_DAY})\s+(?P<mn2>{_MONTH})\s+(?P<y2>{_YEAR})\b",
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
            rf"\s+(?P<y2>{_YEAR})\b",
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
            rf"\b(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?P<mn2>{_MONTH}){_COMMA}(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "iso",
        re.compile(rf"\b(?P<y1>{_YEAR})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}})\b"),
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
            rf"(?P<y1>{_YEAR})\b",
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


@dataclass(frozen=True)
class DateRange:
    """A date or a range of dates, with where it was found."""

    start: datetime.date
    end: datetime.date
    position: int


def _number(text: str | None) -> int | None:
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or len(digits) > 4:
        return None
    return int(digits)


def _month(match: re.Match[str], numeric: str, named: str) -> int | None:
    groups = match.groupdict()
    if groups.get(numeric):
        return _number(groups[numeric])
    if groups.get(named):
        return _MONTHS.get(groups[named].lower().rstrip("."))
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
    return word.lower().rstrip(".") in _MONTHS


def find_date_ranges(text: str) -> list[DateRange]:
    """Every date or date range in the text, ranges preferred where they overlap, in order."""
    return _find(text, _LAYOUTS)


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
