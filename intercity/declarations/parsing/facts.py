"""Pulls facts out of declaration prose: the meeting, its participants and the next meeting."""

import re
from dataclasses import dataclass

from intercity.declarations.parsing.cities import (
    NOT_PLACE_WORDS,
    CityMatcher,
    capitalised_run_after,
    capitalised_run_before,
    fold,
)
from intercity.declarations.parsing.dates import find_date_ranges
from intercity.declarations.parsing.lexicon import (
    ENGLISH_ORDINAL_WORDS,
    GERMAN_MEETING_KINDS,
    GERMAN_ORDINAL_WORDS,
    MEETING_KINDS,
    REFERENCE_NON_CITY_WORDS,
)

# How far around a mention of the meeting its city and dates are looked for.
_WINDOW_BEFORE = 200
_WINDOW_AFTER = 400
# Most names a participants list can hold; a longer run is prose, not a list.
_MAX_PARTICIPANTS = 60
_MAX_NAME_LENGTH = 60
_MEETING_KIND_GROUP = rf"(?P<kind>(?:{MEETING_KINDS})(?:\s+(?:{MEETING_KINDS}))?)"
_NUMERIC_MEETING_RE = re.compile(
    rf"\b(?P<number>\d{{1,3}})(?:st|nd|rd|th|e|ème|er|re|ª|º|\.ª)\s+"
    rf"(?P<words>(?:[^\W\d_][\w\-']*\s+){{0,3}}?){_MEETING_KIND_GROUP}\b",
    re.IGNORECASE,
)
_WORD_MEETING_RE = re.compile(
    r"\b(?P<word>"
    + "|".join(sorted(ENGLISH_ORDINAL_WORDS, key=len, reverse=True))
    + rf")\s+(?P<words>(?:[^\W\d_][\w\-']*\s+){{0,3}}?){_MEETING_KIND_GROUP}\b",
    re.IGNORECASE,
)
_GERMAN_MEETING_RE = re.compile(
    r"\b(?:(?P<number>\d{1,3})\.|(?P<word>"
    + "|".join(GERMAN_ORDINAL_WORDS)
    + rf"))\s+(?P<words>(?:[A-ZÄÖÜ][\w\-]*\s+){{0,2}}?)(?P<kind>{GERMAN_MEETING_KINDS})\b"
)
_ROMANCE_MEETING_RE = re.compile(
    r"\b(?P<number>\d{1,3})(?:e|ème|er|re|ª|º|\.ª)\s+"
    r"(?P<kind>Assemblée|Conférence|Réunion|Sommet|Session|Rencontre|Reunión|Asamblea|"
    r"Conferencia|Cumbre|Sesión)(?:\s+(?:plénière|générale|Plenaria|General))?",
    re.IGNORECASE,
)
_JAPANESE_MEETING_RE = re.compile(
    r"第\s*(?P<number>\d{1,3})\s*回\s*[^\s、。,]{0,10}?(?:総会|会議|会合|サミット|フォーラム)"
)
_VIETNAMESE_MEETING_RE = re.compile(
    r"(?:Hội\s+nghị|Phiên\s+họp|Kỳ\s+họp)[^,.;\n]{0,40}?\s+lần\s+thứ\s+(?P<number>\d{1,3})",
    re.IGNORECASE,
)
_NEXT_MEETING_RE = re.compile(
    r"\bto\s+host\b|\bwill\s+host\b|\bshall\s+host\b|\bhost(?:ing)?\s+(?:of\s+)?the\s+next\b|"
    r"\bnext\s+(?:\w+\s+){0,3}?(?:meeting|conference|summit|assembly|session|forum)\b|"
    r"\bmeet\s+again\b|\bals\s+Gastgeber|\bauszurichten\b|\bausrichten\b|次回|"
    r"\bđăng\s+cai\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_PLACE_VERB_RE = re.compile(
    r"\b(?:held|hosted|convened|organi[sz]ed|took\s+place|taking\s+place|met|meeting|"
    r"gathered|assembled|stattgefunden|fand|tagte|tagten|diễn\s+ra|tổ\s+chức)\b"
    r"[^.;]{0,40}?\b(?:in|at|by|tại)\s+(?:the\s+[Cc]ity\s+of\s+)?",
    re.IGNORECASE,
)
_PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|at|tại)\s+(?:the\s+[Cc]ity\s+of\s+)?")
_JAPANESE_PLACE_RE = re.compile(r"(?P<city>[\u4e00-\u9fff\u30a0-\u30ffー]{1,8}?)(?:市|都)?で開催")
_PARTICIPANTS_TRIGGER_RE = re.compile(
    r"\b(?:representatives|delegates|delegations|mayors|governors|leaders|heads|"
    r"Vertreterinnen|Vertreter|Oberbürgermeister|Bürgermeister|représentants|representantes|"
    r"đại\s+diện)\s+(?:\w+\s+){0,3}?(?:of|der|des|de|các)\s+(?:the\s+)?"
    r"(?:(?:member\s+)?(?:cities|Städte|villes|ciudades|thành\s+phố)\s+(?:of\s+)?)?|"
    r"\bthe\s+(?:member\s+)?cities\s+of\s+|\bdie\s+Städte\s+",
    re.IGNORECASE,
)
_JAPANESE_LIST_RE = re.compile(
    r"(?P<list>[\u4e00-\u9fff\u30a0-\u30ffー・]{1,12}(?:[、,，][\u4e00-\u9fff\u30a0-\u30ffー・]{1,12}){1,40})"
    r"(?:の|各都市の)(?:代表|市長|首長)"
)
_LIST_SEPARATOR_RE = re.compile(r"\s*[,;、，]\s*|\s+(?:and|und|et|y|e|và|&|as\s+well\s+as)\s+")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|and|die|der|la|le|les|el|los)\s+", re.IGNORECASE)
_NAME_PARTICLES = {"am", "an", "de", "del", "da", "do", "di", "du", "la", "le", "upon", "sur"}


@dataclass
class MeetingFacts:
    ordinal: int | None = None
    name: str | None = None
    city: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    network: str | None = None


def _ordinal_mentions(text: str) -> list[tuple[int, int, int, str]]:
    """Every "12th Plenary Meeting" style mention: start, end, ordinal and printed name."""
    mentions: list[tuple[int, int, int, str]] = []
    for match in _NUMERIC_MEETING_RE.finditer(text):
        mentions.append((match.start(), match.end(), int(match.group("number")), match.group(0)))
    for match in _WORD_MEETING_RE.finditer(text):
        number = ENGLISH_ORDINAL_WORDS.get(" ".join(match.group("word").lower().split()))
        if number:
            mentions.append((match.start(), match.end(), number, match.group(0)))
    for match in _GERMAN_MEETING_RE.finditer(text):
        if match.group("number"):
            number = int(match.group("number"))
        else:
            number = GERMAN_ORDINAL_WORDS.get(match.group("word").lower(), 0)
        if number:
            mentions.append((match.start(), match.end(), number, match.group(0)))
    for pattern in (_ROMANCE_MEETING_RE, _JAPANESE_MEETING_RE, _VIETNAMESE_MEETING_RE):
        for match in pattern.finditer(text):
            mentions.append(
                (match.start(), match.end(), int(match.group("number")), match.group(0))
            )
    mentions.sort()
    return [mention for mention in mentions if 0 < mention[2] < 1000]


def _place_after(text: str, start: int, end: int, cities: CityMatcher) -> str | None:
    """The city a meeting was held in, looked for between start and end."""
    window = text[start:end]
    for pattern in (_PLACE_VERB_RE, _PLACE_PREPOSITION_RE):
        for match in pattern.finditer(window):
            name = capitalised_run_after(window, match.end())
            if not name:
                continue
            if cities:
                known = cities.match(name)
                if known:
                    return name if fold(name) == fold(known) else known
                continue
            if name.isupper() and len(name) > 3:
                # An all-capitals word is usually the network's acronym, not a place.
                continue
            return name
    match = _JAPANESE_PLACE_RE.search(window)
    if match:
        return match.group("city")
    return None


def extract_meeting(
    front_text: str, fallback_text: str, title: str | None, cities: CityMatcher
) -> MeetingFacts:
    """Ordinal, name, city and dates of the meeting that adopted the declaration."""
    facts = MeetingFacts()
    mentions = _ordinal_mentions(front_text)
    anchor_start, anchor_end = 0, min(len(front_text), _WINDOW_AFTER * 3)
    if mentions:
        start, end, ordinal, name = mentions[0]
        facts.ordinal = ordinal
        facts.name = " ".join(name.split())
        anchor_start = max(0, start - _WINDOW_BEFORE)
        anchor_end = min(len(front_text), end + _WINDOW_AFTER)
        network = re.match(
            r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w\-]*(?:[ \t]+[A-Z0-9][\w\-]*){0,6}"
            r"(?:[ \t]*\([A-Z0-9]+\))?)",
            front_text[end : end + 120],
        )
        if network:
            facts.network = network.group(1)
        # Look for the city after the mention first: "the 12th Meeting, held in Hanoi".
        facts.city = _place_after(front_text, start, anchor_end, cities)
    if facts.city is None:
        facts.city = _place_after(front_text, anchor_start, anchor_end, cities)
    if facts.city is None and fallback_text:
        facts.city = _place_after(fallback_text, 0, min(len(fallback_text), 2000), cities)
    if facts.city is None and title:
        facts.city = _city_from_title(title, cities)

    dates = find_date_ranges(front_text[anchor_start:anchor_end])
    if not dates:
        dates = find_date_ranges(front_text[:20_000])
    if not dates and fallback_text:
        dates = find_date_ranges(fallback_text[:5_000])
    if dates:
        facts.start_date = dates[0].start.isoformat()
        facts.end_date = dates[0].end.isoformat()
    return facts


def _city_from_title(title: str, cities: CityMatcher) -> str | None:
    """ "Hanoi Declaration" names the city it was adopted in."""
    match = re.match(
        r"\s*((?:[^\W\d_][\w'’\-]*\s+){1,3}?)(?:Joint\s+)?(?:Declaration|Erklärung)", title
    )
    if not match:
        return None
    words = [
        word for word in match.group(1).split() if word.lower() not in REFERENCE_NON_CITY_WORDS
    ]
    if not words or not all(word[:1].isupper() for word in words):
        return None
    name = " ".join(words)
    if cities:
        return cities.match(name)
    if name.isupper():
        return None
    return name


def extract_participants(front_text: str, cities: CityMatcher, warnings: list[str]) -> list[str]:
    """Names of the participating cities, in the form printed."""
    participants: list[str] = []
    match = _PARTICIPANTS_TRIGGER_RE.search(front_text[:20_000])
    if match:
        participants = _names_from_list(front_text[match.end() : match.end() + 1500])
    else:
        japanese = _JAPANESE_LIST_RE.search(front_text[:20_000])
        if japanese:
            participants = _names_from_list(japanese.group("list"))
    if not participants and cities:
        first_paragraph = front_text[:3000]
        participants = [name for _position, name in cities.mentions(first_paragraph)]
    if cities:
        for name in participants:
            if cities.match(name) is None:
                warnings.append(f"participant not among known cities: {name}")
    return participants


def _names_from_list(text: str) -> list[str]:
    """Split "Bangkok, Hanoi, Kuala Lumpur and Tomsk, participated" into its names."""
    cut = re.search(r"[.;:()\n]|\s[-–—]\s", text)
    if cut:
        text = text[: cut.start()]
    names: list[str] = []
    for piece in _LIST_SEPARATOR_RE.split(text):
        name = _LEADING_ARTICLE_RE.sub("", piece.strip()).strip(" \"'“”")
        if not name:
            continue
        name, sentence_follows = _leading_name(name)
        if not name or len(name) > _MAX_NAME_LENGTH:
            break
        names.append(name)
        # "Tomsk participated in ...": the list ends with the name before the verb.
        if sentence_follows or len(names) >= _MAX_PARTICIPANTS:
            break
    return names


def _leading_name(piece: str) -> tuple[str, bool]:
    """The capitalised name at the start of a list piece, and whether other words follow."""
    if not piece[:1].isupper() and not _is_caseless_letter(piece[:1]):
        return "", False
    words = piece.split()
    kept: list[str] = []
    for word in words:
        if word[:1].isupper() or _is_caseless_letter(word[:1]):
            kept.append(word)
        elif word in _NAME_PARTICLES and kept:
            kept.append(word)
        else:
            break
        if len(kept) > 5:
            return "", False
    # A particle cannot end a name: "Frankfurt am" + "sagte" is "Frankfurt".
    while kept and kept[-1] in _NAME_PARTICLES:
        kept.pop()
    return " ".join(kept), len(kept) < len(words)


def _is_caseless_letter(ch: str) -> bool:
    """Letters of scripts without case (Han, kana, Thai), which can start a name."""
    return bool(ch) and ch.isalpha() and not ch.isupper() and not ch.islower()


@dataclass
class NextMeetingFacts:
    city: str | None = None
    year: int | None = None
    ordinal: int | None = None


_SENTENCE_STOP_RE = re.compile(r"(?<!\d)\.(?=\s|$)|[;\n。]")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence (or clause up to a semicolon) around text[start:end], and where it starts.

    A full stop after a digit is a German ordinal ("10. Plenarsitzung"), not a sentence end.
    """
    lower = max(0, start - 300)
    sentence_start = lower
    for stop in _SENTENCE_STOP_RE.finditer(text, lower, start):
        sentence_start = stop.end()
    upper = min(len(text), end + 300)
    stop = _SENTENCE_STOP_RE.search(text, end, upper)
    sentence_end = stop.start() if stop else upper
    return sentence_start, text[sentence_start:sentence_end]


def extract_next_meeting(
    operative_text: str, current_ordinal: int | None, cities: CityMatcher
) -> NextMeetingFacts:
    """Host city, year and ordinal of the next meeting, from the operative part and closing."""
    for match in _NEXT_MEETING_RE.finditer(operative_text):
        sentence_start, sentence = _sentence_around(operative_text, match.start(), match.end())
        keyword_at = match.start() - sentence_start
        facts = NextMeetingFacts()
        ordinals = [m for m in _ordinal_mentions(sentence) if m[2] != current_ordinal]
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
