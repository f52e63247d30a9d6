"""Pulls facts out of declaration prose: the meeting, participants, references, initiatives."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from intercity.declarations.parsing_dates import find_date_ranges
from intercity.declarations.parsing_lexicon import (
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
_MAX_INITIATIVES = 100
_MAX_REFERENCES = 100

_WORD_RE = re.compile(r"[^\W_][\w'’\-.]*")
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
_REFERENCE_KINDS = (
    r"(?:Joint\s+)?(?:Declaration|Resolution|Agreement|Charter|Communiqu[ée]|Statement|Accord|"
    r"Protocol|Convention|Agenda|Action\s+Plan|Plan\s+of\s+Action|Compact|Pact|Consensus)"
)
_REFERENCE_YEAR_FIRST_RE = re.compile(
    rf"\b(?P<year>(?:19|20)\d\d)\s+(?P<words>(?:[A-Z][\w\-'’]*\s+){{0,4}}?)(?P<kind>{_REFERENCE_KINDS})\b"
)
_REFERENCE_YEAR_AFTER_RE = re.compile(
    rf"\b(?P<words>(?:[A-Z][\w\-'’]*\s+){{1,3}}?)(?P<kind>{_REFERENCE_KINDS})\s+"
    r"(?:of|from|in|adopted\s+in)\s+(?P<year>(?:19|20)\d\d)\b"
)
_REFERENCE_OF_CITY_RE = re.compile(
    rf"\b(?P<kind>{_REFERENCE_KINDS})\s+of\s+(?P<words>[A-Z][\w\-'’]*)\s*[\(,]?\s*"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_REFERENCE_GERMAN_RE = re.compile(
    r"\b(?:(?P<words>[A-ZÄÖÜ][\w\-]*?)(?:er)?\s+Erklärung\s+(?:von\s+|aus\s+dem\s+Jahr\s+)?"
    r"(?P<year>(?:19|20)\d\d)|Erklärung\s+von\s+(?P<words2>[A-ZÄÖÜ][\w\-]*)\s*\(?"
    r"(?P<year2>(?:19|20)\d\d))"
)
_REFERENCE_CJK_RE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*年\s*(?:の)?(?P<city>[\u4e00-\u9fff\u30a0-\u30ffー]{1,8}?)"
    r"(?:共同)?宣言"
)
_QUOTED_RE = re.compile(r"[“\"„«「『‘](?P<name>[^“”\"„«»「」『』‘’\n]{2,120})[”\"“»」』’]")
_MONTH_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
# Lower-case words that belong inside a city's name: "Frankfurt am Main", "Rio de Janeiro".
_NAME_PARTICLES = {"am", "an", "de", "del", "da", "do", "di", "du", "la", "le", "upon", "sur"}
_NOT_PLACE_WORDS = _MONTH_WORDS | {"the", "this", "our", "its", "order", "accordance", "asia"}


@dataclass
class MeetingFacts:
    ordinal: int | None = None
    name: str | None = None
    city: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    network: str | None = None


def fold(text: str) -> str:
    """A form of a name for comparing: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


class CityMatcher:
    """Finds the known cities a piece of text names."""

    def __init__(self, known_cities: Iterable[str]) -> None:
        self.names: dict[str, str] = {}
        for name in known_cities:
            if isinstance(name, str) and name.strip():
                self.names[fold(name)] = name.strip()

    def __bool__(self) -> bool:
        return bool(self.names)

    def match(self, text: str) -> str | None:
        """The known city the text is or contains, as the caller spelt it."""
        folded = fold(text)
        if folded in self.names:
            return self.names[folded]
        padded = f" {folded} "
        for key, name in self.names.items():
            if f" {key} " in padded:
                return name
        return None

    def mentions(self, text: str) -> list[tuple[int, str]]:
        """Positions and printed forms of known cities mentioned in the text."""
        found: list[tuple[int, str]] = []
        folded_text = fold(text)
        # Folding can change lengths, so positions are only used for ordering.
        for key in self.names:
            # Names in scripts written without spaces (Thai, Han) have no word boundaries.
            bounded = key[:1].isupper() or key[:1].islower()
            pattern = r"(?<!\w)" + re.escape(key) + r"(?!\w)" if bounded else re.escape(key)
            match = re.search(pattern, folded_text)
            if match:
                found.append((match.start(), key))
        found.sort()
        printed: list[tuple[int, str]] = []
        for position, key in found:
            original = re.search(re.escape(self.names[key]), text, re.IGNORECASE)
            printed.append((position, original.group(0) if original else self.names[key]))
        return printed


def capitalised_run_after(text: str, position: int, max_words: int = 4) -> str | None:
    """The capitalised name that starts at position ("Kuala Lumpur", "Hà Nội")."""
    words: list[re.Match[str]] = []
    for match in _WORD_RE.finditer(text, position, min(len(text), position + 120)):
        gap = text[words[-1].end() if words else position : match.start()]
        if gap.strip() or (len(words) and "\n" in gap):
            break
        word = match.group(0).rstrip(".")
        if not word[:1].isupper() and not ("\u3040" <= word[:1] <= "\u9fff"):
            break
        if word.casefold() in _NOT_PLACE_WORDS:
            break
        words.append(match)
        if len(words) >= max_words:
            break
    if not words:
        return None
    return text[words[0].start() : words[-1].end()].rstrip(".’'")


def capitalised_run_before(text: str, position: int, max_words: int = 4) -> str | None:
    """The capitalised name that ends just before position ("welcome Tomsk| to host")."""
    window_start = max(0, position - 120)
    candidates = list(_WORD_RE.finditer(text, window_start, position))
    words: list[re.Match[str]] = []
    for match in reversed(candidates):
        gap = text[match.end() : words[0].start() if words else position]
        if gap.strip():
            break
        if not match.group(0)[:1].isupper():
            break
        words.insert(0, match)
        if len(words) >= max_words:
            break
    if not words:
        return None
    return text[words[0].start() : words[-1].end()]


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
        if name and name.casefold() not in _NOT_PLACE_WORDS:
            return name
    by_city = re.search(
        r"\b(?:hosted\s+by|held\s+in|take\s+place\s+in|in|at)\s+", sentence[keyword_at:]
    )
    if by_city:
        name = capitalised_run_after(sentence, keyword_at + by_city.end())
        if name and not name.isupper():
            return name
    return None


@dataclass
class ReferenceFacts:
    title: str
    year: int | None
    city: str | None


def _city_from_words(words: str) -> str | None:
    kept = [word for word in words.split() if word.lower() not in REFERENCE_NON_CITY_WORDS]
    return " ".join(kept) or None


def extract_references(text: str, own_title: str | None) -> list[ReferenceFacts]:
    """Earlier declarations and agreements the text refers to."""
    found: list[tuple[int, ReferenceFacts]] = []
    own = fold(own_title or "")
    for match in _REFERENCE_YEAR_FIRST_RE.finditer(text):
        words = match.group("words")
        found.append(
            (
                match.start(),
                ReferenceFacts(
                    " ".join(match.group(0).split()),
                    int(match.group("year")),
                    _city_from_words(words),
                ),
            )
        )
    for pattern in (_REFERENCE_YEAR_AFTER_RE, _REFERENCE_OF_CITY_RE):
        for match in pattern.finditer(text):
            found.append(
                (
                    match.start(),
                    ReferenceFacts(
                        " ".join(match.group(0).split()),
                        int(match.group("year")),
                        _city_from_words(match.group("words")),
                    ),
                )
            )
    for match in _REFERENCE_GERMAN_RE.finditer(text):
        words = match.group("words") or match.group("words2")
        year = match.group("year") or match.group("year2")
        found.append((match.start(), ReferenceFacts(match.group(0), int(year), words)))
    for match in _REFERENCE_CJK_RE.finditer(text):
        found.append(
            (
                match.start(),
                ReferenceFacts(match.group(0), int(match.group("year")), match.group("city")),
            )
        )
    found.sort(key=lambda item: item[0])
    references: list[ReferenceFacts] = []
    seen: set[str] = set()
    covered_until = -1
    for position, reference in found:
        key = fold(reference.title)
        if key in seen or (own and key == own) or position < covered_until:
            continue
        seen.add(key)
        covered_until = position + len(reference.title)
        references.append(reference)
        if len(references) >= _MAX_REFERENCES:
            break
    return references


def extract_initiatives(text: str) -> list[str]:
    """Names of initiatives given in quotation marks: “Platform for Technology and Industry”."""
    names: list[str] = []
    seen: set[str] = set()
    for match in _QUOTED_RE.finditer(text):
        name = match.group("name").strip()
        if not _looks_like_a_name(name):
            continue
        key = fold(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
            if len(names) >= _MAX_INITIATIVES:
                break
    return names


def _looks_like_a_name(name: str) -> bool:
    if not name or name[-1] in ".,;:!?":
        return False
    first = name[0]
    if first.isascii():
        words = name.split()
        if not first.isupper() or len(words) > 10:
            return False
        significant = [word for word in words if len(word) > 3]
        capitalised = [word for word in significant if word[:1].isupper()]
        return len(capitalised) * 2 >= len(significant)
    if first.isalpha() and first.islower():
        return False
    return len(name) <= 40
