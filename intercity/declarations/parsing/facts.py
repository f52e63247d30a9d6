"""Finds the next meeting a declaration announces: its host city, year and ordinal."""

import re
from dataclasses import dataclass

from intercity.declarations.parsing.cities import (
    NOT_PLACE_WORDS,
    CityMatcher,
    capitalised_run_after,
    capitalised_run_before,
)
from intercity.declarations.parsing.dates import to_ascii_digits
from intercity.declarations.parsing.meeting import ordinal_mentions, sentence_around

_NEXT_MEETING_RE = re.compile(
    r"\bto\s+host\b|\bwill\s+host\b|\bshall\s+host\b|\bhost(?:ing)?\s+(?:of\s+)?the\s+next\b|"
    r"\bnext\s+(?:\w+\s+){0,3}?(?:meeting|conference|summit|assembly|session|forum)\b|"
    r"\bmeet\s+again\b|\bals\s+Gastgeber|\bauszurichten\b|\bausrichten\b|次回|"
    r"\bđăng\s+cai\b|"
    # The next meeting in the member languages: Vietnamese, Thai, Korean, Chinese, Russian,
    # Indonesian and Malay, Filipino, Mongolian, Hindi, Burmese.
    r"\b(?:hội\s+nghị|kỳ\s+họp|phiên\s+họp|cuộc\s+họp|diễn\s+đàn)\s+(?:\w+\s+){0,3}?"
    r"(?:tiếp\s+theo|kế\s+tiếp|tới)\b|"
    r"(?:ประชุม|สมัชชา|สัมมนา|เวที)\S{0,12}?(?:ครั้งต่อไป|ครั้งถัดไป|ครั้งหน้า)|เป็นเจ้าภาพ|"
    r"(?:다음|차기)\s*(?:회의|총회|회담|정상회의|포럼)|"
    r"(?:下次|下一次|下届|下屆|下一届|下一屆)\s*\S{0,6}?(?:会议|會議|大会|大會|峰会|峰會|论坛|論壇)|"
    r"\bследующ\w*\s+(?:\w+\s+){0,2}?(?:встреч|заседани|совещани|конференци|саммит|сесси|"
    r"ассамбле|форум)\w*|"
    r"\b(?:pertemuan|konferensi|sidang|rapat|mesyuarat|persidangan|KTT)\s+(?:\w+\s+){0,2}?"
    r"(?:berikutnya|selanjutnya|seterusnya|akan\s+datang)\b|\btuan\s+rumah\b|"
    r"\bsusunod\s+na\s+(?:pulong|pagpupulong|kumperensya|pagtitipon)\b|"
    r"\bдараагийн\s+(?:\w+\s+)?(?:хура?л|уулзалт|чуулга)\w*|"
    r"अगली\s+(?:बैठक|सभा)|अगला\s+(?:शिखर\s+)?सम्मेलन|"
    r"နောက်(?:ထပ်)?\s*(?:အစည်းအဝေး|ညီလာခံ)",
    re.IGNORECASE,
)
# A year as the member languages write it, in digits of any script (read as ASCII first):
# Gregorian ("2023", "ค.ศ. 2023"), Thai Buddhist era ("พ.ศ. 2566", "ปี 2566": 543 years
# ahead), or a Japanese or Taiwanese era year ("令和5年", "民國112年").
_YEAR_RE = re.compile(
    r"(?P<be>(?:พ\.\s?ศ\.|พุทธศักราช|ปี)\s*)?(?<!\d)(?P<year>(?:19|20|24|25|26)\d\d)(?!\d)|"
    r"(?P<era>令和|平成|民國|民国)\s*(?P<era_year>\d{1,3}|元)\s*年"
)
_BUDDHIST_ERA = 543
# The year before each era's first: 令和元年 is 2019, 平成元年 1989, 民國元年 1912.
_ERA_START = {"令和": 2018, "平成": 1988, "民國": 1911, "民国": 1911}


def _years(text: str) -> list[int]:
    """The Gregorian years a text names, in order."""
    years = []
    for match in _YEAR_RE.finditer(to_ascii_digits(text)):
        if match.group("era"):
            number = match.group("era_year")
            years.append(_ERA_START[match.group("era")] + (1 if number == "元" else int(number)))
            continue
        year = int(match.group("year"))
        if year >= 2400:
            # A Buddhist-era year: only with its era word or after "ปี" (year), never a count.
            if not match.group("be"):
                continue
            year -= _BUDDHIST_ERA
        years.append(year)
    return years


@dataclass
class NextMeetingFacts:
    city: str | None = None
    year: int | None = None
    ordinal: int | None = None


def extract_next_meeting(
    operative_text: str, current_ordinal: int | None, cities: CityMatcher
) -> NextMeetingFacts:
    """Host city, year and ordinal of the next meeting, from the operative part and closing."""
    for match in _NEXT_MEETING_RE.finditer(operative_text):
        sentence_start, sentence = sentence_around(operative_text, match.start(), match.end())
        keyword_at = match.start() - sentence_start
        facts = NextMeetingFacts()
        ordinals = [m for m in ordinal_mentions(sentence) if m[2] != current_ordinal]
        if ordinals:
            facts.ordinal = ordinals[0][2]
        years = _years(sentence[keyword_at:])
        if years:
            facts.year = years[0]
        facts.city = _host_city(sentence, keyword_at, match.group(0), cities)
        if facts.city or facts.ordinal or facts.year:
            return facts
    return NextMeetingFacts()


def _host_city(sentence: str, keyword_at: int, keyword: str, cities: CityMatcher) -> str | None:
    if cities:
        mentioned = cities.mentions(sentence)
        if mentioned:
            return mentioned[0][1]
    lowered = keyword.lower()
    if lowered.startswith(("to host", "will host", "shall host", "als gastgeber")):
        # "welcome Tomsk to host", "Tomsk will host"
        name = capitalised_run_before(sentence, keyword_at)
        if name and name.casefold() not in NOT_PLACE_WORDS:
            return name
    by_city = re.search(
        r"\b(?:hosted\s+by|held\s+in|take\s+place\s+in|in|at)\s+", sentence[keyword_at:]
    )
    if by_city:
        name = capitalised_run_after(sentence, keyword_at + by_city.end())
        if name and not name.isupper():
            return name
    return None
