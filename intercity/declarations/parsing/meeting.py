"""Finds the meeting a declaration comes from (name, ordinal, city, dates) and its adoption date.

The meeting is read, in order of trust, from the sentence that says the participants
gathered ("We ... met in San Francisco on November 16-17, 2023"), from a numbered mention
("the 12th Plenary Meeting", "Seventy-fourth session") and its own sentence, and from the
line that closes a resolution ("52nd plenary meeting 19 December 2019"). The date a document
was issued ("Distr.: General 22 January 2020", a dateline) is never taken for the meeting's.
"""

import datetime
import re
from dataclasses import dataclass, field

from intercity.declarations.parsing.cities import (
    NOT_PLACE_WORDS,
    CityMatcher,
    capitalised_run_after,
    fold,
    is_country,
)
from intercity.declarations.parsing.dates import (
    DateRange,
    find_date_ranges,
    find_yearless_date_ranges,
    is_month_name,
)
from intercity.declarations.parsing.lexicon import (
    ENGLISH_ORDINAL_WORDS,
    GERMAN_MEETING_KINDS,
    GERMAN_ORDINAL_WORDS,
    MEETING_KINDS,
    REFERENCE_NON_CITY_WORDS,
)
from intercity.declarations.parsing.markers import kanji_value
from intercity.declarations.parsing.member_lexicon import MEMBER_ADOPTION_RE

# How far around a mention of the meeting a known city is looked for.
_WINDOW_BEFORE = 200
_WINDOW_AFTER = 400
_SEARCH_LENGTH = 20_000
_GATHERING_SEARCH = 6_000
_GATHERING_SENTENCES = 3

_NAME_WORD = r"[^\W\d_][\w\-+.’']*"
_MEETING_KIND_GROUP = rf"(?P<kind>(?:{MEETING_KINDS})(?:\s+(?:{MEETING_KINDS}))?)"
_NUMERIC_MEETING_RE = re.compile(
    rf"\b(?P<number>\d{{1,3}})(?:st|nd|rd|th|e|ème|er|re|ª|º|\.ª)\s+"
    rf"(?P<words>(?:{_NAME_WORD}\s+){{0,3}}?){_MEETING_KIND_GROUP}\b",
    re.IGNORECASE,
)
_WORD_MEETING_RE = re.compile(
    r"\b(?P<word>"
    + "|".join(sorted(ENGLISH_ORDINAL_WORDS, key=len, reverse=True))
    + rf")(?:-ever)?\s+(?P<words>(?:{_NAME_WORD}\s+){{0,3}}?){_MEETING_KIND_GROUP}\b",
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
# Member languages: 第12回総会 (ja), 第十二次全体会议 (zh), 제12차 총회 (ko), ครั้งที่ 12 (th),
# Pertemuan Pleno ke-12 (id), 12-е пленарное заседание (ru), Hội nghị ... lần thứ 12 (vi).
_JAPANESE_MEETING_RE = re.compile(
    r"第\s*(?P<number>\d{1,3})\s*回\s*[^\s、。,]{0,10}?(?:総会|会議|会合|サミット|フォーラム)"
)
_CHINESE_MEETING_RE = re.compile(
    r"第\s*(?P<number>\d{1,3}|[一二三四五六七八九十]{1,4})\s*[次届]\s*[^\s，。、]{0,10}?"
    r"(?:会议|大会|峰会|论坛|全会)"
)
_KOREAN_MEETING_RE = re.compile(
    r"제\s*(?P<number>\d{1,3})\s*(?:차|회)\s*[^\s,.]{0,12}?\s?(?:총회|회의|정상회의|포럼)"
)
_THAI_MEETING_RE = re.compile(r"การประชุม[^\s]{0,30}?\s*ครั้งที่\s*(?P<number>\d{1,3})")
_INDONESIAN_MEETING_RE = re.compile(
    r"(?:Pertemuan|Konferensi|Sidang|Rapat|KTT)(?:\s+[A-Z]\w*){0,3}\s+ke-?\s*(?P<number>\d{1,3})"
)
_RUSSIAN_MEETING_RE = re.compile(
    r"(?P<number>\d{1,3})\s*-?\s*(?:[ейяогмхйу]{1,3})\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:заседани|совещани|конференци|саммит|форум|ассамбле|сесси)\w*",
    re.IGNORECASE,
)
_VIETNAMESE_MEETING_RE = re.compile(
    r"(?:Hội\s+nghị|Phiên\s+họp|Kỳ\s+họp)[^,.;\n]{0,40}?\s+lần\s+thứ\s+(?P<number>\d{1,3})",
    re.IGNORECASE,
)

# A meeting named without an ordinal: "the ASEAN-U.S. Special Summit", "the high-level meeting".
_NAMED_WORD = r"(?:[A-Z0-9][\w\-+.’']*|[a-z]+-[\w\-]+)"
_NAMED_MEETING_RE = re.compile(
    rf"\bthe\s+(?P<name>(?:{_NAMED_WORD}\s+){{0,5}}?"
    r"(?i:Summit|Meeting|Conference|Forum|Dialogue|Plenary|Congress|Convention|Symposium))\b",
)
# Sentences that say the participants came together, in several languages.
_GATHERING_RE = re.compile(
    r"\b(?:met|meet|(?:are|were)\s+meeting|gathered|gather|convened|convene|assembled|"
    r"participated\s+in|"
    # "welcomed X to Washington" says who came; "the parties welcomed the initiative" does not.
    r"held\s+talks|hosted|welcomed?(?=[^;]{0,80}?\bto\s+(?-i:[A-Z]))|"
    r"tagten|trafen\s+sich|versammelt|réunis|reunidos|"
    r"bertemu|berkumpul|hadir|menghadiri|họp|gặp\s+gỡ|tụ\s+họp|собрались|встретились|провели|"
    r"приняли\s+участие|состоявш\w*|проходивш\w*)\b|"
    r"に集い|に参集|が集まり|で開催|에\s*모여|에서\s*만나|에서\s*개최|참석|齐聚|聚首|相聚|出席|举行|"
    r"ร่วมประชุม|ได้ประชุม|เข้าร่วม",
    re.IGNORECASE,
)
_PLACE_VERB_RE = re.compile(
    r"\b(?:held|hosted|convened|organi[sz]ed|took\s+place|taking\s+place|met|meeting|meet|"
    r"gathered|gather|assembled|stattgefunden|fand|tagte|tagten|diễn\s+ra|tổ\s+chức|"
    r"diselenggarakan|berlangsung|состоявш\w*|проходивш\w*|прошедш\w*)\b"
    r"[^.;]{0,40}?\b(?:in|at|tại|di|в)\s+(?:the\s+[Cc]ity\s+of\s+)?",
    re.IGNORECASE,
)
_WELCOME_TO_RE = re.compile(r"\bwelcomed?\b[^;]{0,80}?\bto\s+(?=[A-Z])")
_PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|at|tại|di|в)\s+(?:the\s+[Cc]ity\s+of\s+)?")
# Places in languages that mark them after the name or with their own preposition.
_JAPANESE_PLACE_RE = re.compile(
    r"(?P<city>[\u4e00-\u9fff\u30a0-\u30ffー]{1,8}?)(?:市|都)?で開催|"
    r"(?P<ko>[\uac00-\ud7af]{1,8})에서\s*(?:개최|열린|열리)|"
    r"在(?P<zh>[\u4e00-\u9fff]{1,6}?)(?:市)?(?:举行|召开)|"
    # "ณ" ("at") stands apart; inside a word ("ปณิธาน") it is only a letter.
    r"(?<![\u0e00-\u0e7f])ณ\s*(?P<th>[\u0e00-\u0e7f]{2,20})"
)
# Buildings and institutions a meeting is held at, which are not its city.
_VENUE_WORDS = re.compile(
    r"\b(?:House|Headquarters|Hall|Cent(?:er|re)|Palace|Hotel|Building|Office|Nations|"
    r"Secretariat|Parliament|Ministry|University)\b"
)
# A resolution closes with the meeting that adopted it: "52nd plenary meeting 19 December 2019".
_CLOSING_MEETING_RE = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE
)
# Where a document states when it was adopted, signed or issued.
_ADOPTION_RE = re.compile(
    r"\b(?:adopted|signed|done|approved|issued|made|dated|unterzeichnet|geschehen|"
    r"fait|hecho|ditandatangani|disahkan|подписано|принято)\b",
    re.IGNORECASE,
)
_NOTE_LENGTH = 300
# Closing lines the date of signing may stand in ("2024년 3월 5일 서울에서 서명하였다.").
_CLOSING_LINES = 5
_TODAY_RE = re.compile(r"\b(?:today|this\s+day)\b", re.IGNORECASE)
_ISSUE_LINE_RE = re.compile(r"\bDistr\.|\bOriginal:", re.IGNORECASE)
_DATELINE_MAX = 40
_ADOPTION_LEAD = 40

_SENTENCE_STOP_RE = re.compile(
    r"(?<!\b\d)(?<!\b\d\d)(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)(?<!\bDr)(?<!\bMr)(?<!\bSt)(?<!\bNo)"
    # Thai abbreviations put a full stop after each letter: "พ.ศ. 2566", "ธ.ค.".
    r"(?<!\.[\u0e01-\u0e2e])\.(?=\s|$)|[;\n。]"
)


@dataclass
class MeetingFacts:
    ordinal: int | None = None
    name: str | None = None
    city: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    network: str | None = None
    # Which rule found each fact, for the confidence the parser gives it.
    sources: dict[str, str] = field(default_factory=dict)


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence (or clause up to a semicolon) around text[start:end], and where it starts.

    A full stop after a one- or two-digit number is a German ordinal ("10. Plenarsitzung"),
    and one after an initial or a title an abbreviation ("D.C.", "Jr."), not a sentence end;
    one after a year ends the sentence.
    """
    lower = max(0, start - 300)
    sentence_start = lower
    for stop in _SENTENCE_STOP_RE.finditer(text, lower, start):
        sentence_start = stop.end()
    upper = min(len(text), end + 300)
    stop = _SENTENCE_STOP_RE.search(text, end, upper)
    sentence_end = stop.start() if stop else upper
    return sentence_start, text[sentence_start:sentence_end]


def _number_of(token: str) -> int:
    return int(token) if token.isdigit() else kanji_value(token) or 0


def ordinal_mentions(text: str) -> list[tuple[int, int, int, str]]:
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
    for pattern in (
        _ROMANCE_MEETING_RE,
        _JAPANESE_MEETING_RE,
        _CHINESE_MEETING_RE,
        _KOREAN_MEETING_RE,
        _THAI_MEETING_RE,
        _INDONESIAN_MEETING_RE,
        _RUSSIAN_MEETING_RE,
        _VIETNAMESE_MEETING_RE,
    ):
        for match in pattern.finditer(text):
            number = _number_of(match.group("number"))
            mentions.append((match.start(), match.end(), number, match.group(0)))
    mentions.sort()
    return [mention for mention in mentions if 0 < mention[2] < 1000]


def _accepted_place(name: str, cities: CityMatcher, *, unknown_allowed: bool) -> str | None:
    if cities:
        known = cities.match(name)
        if known:
            return name if fold(name) == fold(known) else known
    if not unknown_allowed or _VENUE_WORDS.search(name):
        return None
    if name.isupper() and len(name) > 3:
        # An all-capitals word is usually the network's acronym, not a place.
        return None
    if name.casefold() in NOT_PLACE_WORDS or is_country(name):
        return None
    return name


def place_in(text: str, cities: CityMatcher, *, unknown_allowed: bool) -> str | None:
    """The city a meeting was held in, as the text names it ("held in Hanoi")."""
    for pattern in (_PLACE_VERB_RE, _WELCOME_TO_RE, _PLACE_PREPOSITION_RE):
        for match in pattern.finditer(text):
            name = capitalised_run_after(text, match.end())
            if name:
                accepted = _accepted_place(name, cities, unknown_allowed=unknown_allowed)
                if accepted:
                    return accepted
    match = _JAPANESE_PLACE_RE.search(text)
    if match:
        return next(group for group in match.groups() if group)
    return None


def _meeting_dates(text: str) -> DateRange | None:
    """The first date in the text that is not the date the document was issued."""
    for found in find_date_ranges(text):
        line_start = text.rfind("\n", 0, found.position) + 1
        if _ISSUE_LINE_RE.search(text, max(line_start - 40, 0), found.position):
            continue
        return found
    return None


def _gatherings(text: str) -> list[str]:
    """The first sentences saying the participants met ("We … met in …", "welcome X to …")."""
    sentences: list[str] = []
    starts: set[int] = set()
    for match in _GATHERING_RE.finditer(text, 0, min(len(text), _GATHERING_SEARCH)):
        start, sentence = sentence_around(text, match.start(), match.end())
        if start in starts:
            continue
        if (
            find_date_ranges(sentence)
            or _NAMED_MEETING_RE.search(sentence)
            or ordinal_mentions(sentence)
            or _PLACE_VERB_RE.search(sentence)
            or _WELCOME_TO_RE.search(sentence)
        ):
            starts.add(start)
            sentences.append(sentence)
            if len(sentences) >= _GATHERING_SENTENCES:
                break
    return sentences


def _set(facts: MeetingFacts, name: str, value: object, source: str) -> None:
    if value is not None and getattr(facts, name) is None:
        setattr(facts, name, value)
        facts.sources[name] = source


def _set_dates(facts: MeetingFacts, found: DateRange | None, source: str) -> None:
    if found is not None and facts.start_date is None:
        facts.start_date = found.start.isoformat()
        facts.end_date = found.end.isoformat()
        facts.sources["dates"] = source


def _read_sentence(
    facts: MeetingFacts,
    sentence: str,
    cities: CityMatcher,
    source: str,
    *,
    names: bool = True,
    reference: datetime.date | None = None,
) -> None:
    mentions = ordinal_mentions(sentence) if names else []
    if not names:
        pass
    elif mentions:
        _set(facts, "ordinal", mentions[0][2], source)
        _set(facts, "name", " ".join(mentions[0][3].split()), source)
    else:
        named = _NAMED_MEETING_RE.search(sentence)
        if named:
            _set(facts, "name", " ".join(named.group("name").split()), source)
    _set(facts, "city", place_in(sentence, cities, unknown_allowed=True), source)
    _set_dates(facts, _meeting_dates(sentence), source)
    if facts.start_date is None and reference is not None:
        # "welcomed the Prime Minister to Washington on August 2nd", in a text dated 2023.
        yearless = find_yearless_date_ranges(sentence, reference)
        _set_dates(facts, yearless[0] if yearless else None, f"{source} without year")


def extract_meeting(
    front_text: str,
    closing_text: str,
    title: str | None,
    cities: CityMatcher,
    *,
    intro: str | None = None,
    reference: datetime.date | None = None,
    dateline: tuple[DateRange, str | None] | None = None,
) -> MeetingFacts:
    """Ordinal, name, city and dates of the meeting that adopted the declaration.

    ``reference`` is the document's own date, which places dates printed without a year;
    ``dateline`` the date and place a statement is headed with ("20 May 2023, Hiroshima").
    """
    facts = MeetingFacts()
    front_text = front_text[:_SEARCH_LENGTH]
    gatherings = _gatherings(front_text)
    for index, sentence in enumerate(gatherings):
        # Later sentences may add where or when, but a meeting they name is another one.
        _read_sentence(facts, sentence, cities, "gathering", names=index == 0, reference=reference)
    if dateline is not None and gatherings:
        # "Today, we … met for the third Summit" under "20 May 2023, Hiroshima".
        date, place = dateline
        if _TODAY_RE.search(gatherings[0]):
            _set_dates(facts, date, "dateline")
        if place is not None:
            _set(facts, "city", _accepted_place(place, cities, unknown_allowed=True), "dateline")
    if gatherings and facts.name is None and intro:
        # "Adopts the following declaration of the high-level meeting …".
        named = _NAMED_MEETING_RE.search(intro[:2000])
        if named:
            _set(facts, "name", " ".join(named.group("name").split()), "intro")
    mentions = ordinal_mentions(front_text)
    anchor_start, anchor_end = 0, min(len(front_text), _WINDOW_AFTER * 3)
    if mentions:
        start, end, _ordinal, _name = mentions[0]
        # Where a sentence says who met, a meeting mentioned elsewhere is another one.
        if not gatherings:
            _sentence_start, sentence = sentence_around(front_text, start, end)
            _read_sentence(facts, sentence, cities, "ordinal")
        anchor_start = max(0, start - _WINDOW_BEFORE)
        anchor_end = min(len(front_text), end + _WINDOW_AFTER)
        network = re.match(
            r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w\-]*(?:[ \t]+[A-Z0-9][\w\-]*){0,6}"
            r"(?:[ \t]*\([A-Z0-9]+\))?)",
            front_text[end : end + 120],
        )
        if network:
            facts.network = network.group(1)
    if facts.city is None and cities:
        # A member city named near the mention, or in the closing lines, is the host.
        window = front_text[anchor_start:anchor_end]
        _set(facts, "city", place_in(window, cities, unknown_allowed=False), "window")
        if closing_text:
            closing = closing_text[:2000]
            _set(facts, "city", place_in(closing, cities, unknown_allowed=False), "closing")
    if facts.city is None and title:
        _set(facts, "city", _city_from_title(title, cities), "title")
    if facts.start_date is None and closing_text:
        closing_meeting = _CLOSING_MEETING_RE.search(closing_text[:5000])
        if closing_meeting:
            after = closing_text[closing_meeting.end() : closing_meeting.end() + 60]
            _set_dates(facts, _meeting_dates(after), "closing")
    if facts.start_date is None and mentions:
        _set_dates(facts, _meeting_dates(front_text[anchor_start:anchor_end]), "window")
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


def find_dateline(blocks: list[str]) -> tuple[DateRange, str | None] | None:
    """The date, and the place if any, of a line that is only those: "20 May 2023, Hiroshima",
    "Bali, Indonesia, 15-16 November 2022"."""
    for index, block in enumerate(blocks):
        previous = blocks[index - 1] if index else ""
        if (
            len(block) > _DATELINE_MAX * 2
            or _ISSUE_LINE_RE.search(block)
            or _ISSUE_LINE_RE.search(previous)
        ):
            continue
        found = find_date_ranges(block)
        if len(found) != 1:
            continue
        # Every comma-separated part is part of the date or a capitalised place name.
        places = []
        for part in (part.strip() for part in re.split(r",|\s[-–—]\s", block)):
            words = part.split()
            if not words or all(word.isdigit() or is_month_name(word) for word in words):
                continue
            if any(ch.isdigit() for ch in part):
                # "15-16 November" before the year: a part with digits holds only the date.
                other = [
                    word
                    for word in re.split(r"[\s\-–—]+", part)
                    if word and not word.rstrip("stndrh.").isdigit() and not is_month_name(word)
                ]
                if other:
                    places = None
                    break
                continue
            if not all(word[:1].isupper() for word in words) or len(words) > 4:
                places = None
                break
            places.append(part)
        if places is None:
            continue
        return found[0], places[0] if places else None
    return None


def extract_adoption_date(
    blocks: list[str], notes: list[str] | None = None, closing: list[str] | None = None
) -> tuple[str | None, str | None]:
    """The date the text says it was adopted, signed or issued on, and how it was found.

    "Resolution adopted by the General Assembly on 19 December 2019", "Signed at Kuala Lumpur
    on October 26, 2025", a note under the title in a member language that puts the date
    before its verb ("联合国大会一九四八年十二月十日…通过", "（1948.12.10 …採択）"), or a line
    that is a date and nothing else (a dateline). ``notes`` are the paragraphs between the
    title and the preamble, where such a note speaks of the text itself; the ``closing``
    lines after the clauses are read the same way.
    """
    for block in blocks:
        # Only a phrase opening its paragraph speaks of this document, not of one it cites.
        match = _ADOPTION_RE.search(block, 0, _ADOPTION_LEAD)
        if match:
            window = block[match.end() : match.end() + 120]
            found = find_date_ranges(window)
            if found and found[0].position < 80:
                return found[0].end.isoformat(), "adopted"
    for block in [*(notes or ()), *(closing or ())[:_CLOSING_LINES]]:
        head = block[:_NOTE_LENGTH]
        if MEMBER_ADOPTION_RE.search(head):
            found = find_date_ranges(head)
            if found and found[0].start == found[0].end:
                return found[0].start.isoformat(), "note"
    for index, block in enumerate(blocks):
        previous = blocks[index - 1] if index else ""
        if (
            len(block) <= _DATELINE_MAX
            and not _ISSUE_LINE_RE.search(block)
            and not _ISSUE_LINE_RE.search(previous)
        ):
            found = find_date_ranges(block)
            if found and len(found) == 1 and found[0].start == found[0].end:
                rest = block.replace(",", " ").split()
                if len(rest) <= 4:
                    return found[0].start.isoformat(), "dateline"
    return None, None
