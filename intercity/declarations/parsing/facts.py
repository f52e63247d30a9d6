"""Finds the next meeting a declaration announces: its host city, year and ordinal."""

import re
from dataclasses import dataclass

from intercity.declarations.parsing.cities import (
    NOT_PLACE_WORDS,
    CityMatcher,
    capitalised_run_after,
    capitalised_run_before,
)
from intercity.declarations.parsing.meeting import ordinal_mentions, sentence_around

_NEXT_MEETING_RE = re.compile(
    r"\bto\s+host\b|\bwill\s+host\b|\bshall\s+host\b|\bhost(?:ing)?\s+(?:of\s+)?the\s+next\b|"
    r"\bnext\s+(?:\w+\s+){0,3}?(?:meeting|conference|summit|assembly|session|forum)\b|"
    r"\bmeet\s+again\b|\bals\s+Gastgeber|\bauszurichten\b|\bausrichten\b|次回|"
    r"\bđăng\s+cai\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


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
        years = [int(year) for year in _YEAR_RE.findall(sentence[keyword_at:])]
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
