"""Finds earlier declarations a text refers to, and initiatives it names in quotation marks."""

import re
from dataclasses import dataclass

from intercity.declarations.parsing.cities import fold
from intercity.declarations.parsing.lexicon import REFERENCE_NON_CITY_WORDS

_MAX_INITIATIVES = 100
_MAX_REFERENCES = 100
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
# A declaration known by its name: "Universal Declaration of Human Rights", "Durban
# Declaration and Programme of Action", "2002 Declaration on the Conduct of Parties in …".
_NAME_LINK = r"(?:of|on|and|for|the|in|to)"
_NAMED_DECLARATION_RE = re.compile(
    r"(?:\b(?P<year>(?:19|20)\d\d)[ \t]+)?(?P<words>(?:[A-Z][\w\-’']*[ \t]+){0,5})Declaration"
    r"(?![^\W\d_])(?P<tail>[ \t]+(?:on|of|and|for|to)[ \t]+(?:the[ \t]+)?[A-Z][\w\-’']*"
    rf"(?:[ \t]+(?:{_NAME_LINK}[ \t]+){{0,2}}[A-Z][\w\-’']*){{0,7}})?"
)
_ALIAS_GAP_RE = re.compile(r"[ \t]*(?:\d{1,3}[ \t]*)?\([ \t]*(?:the[ \t]+)?")
_DETERMINER_RE = re.compile(r"^(?:This|The|That|These|Our|Its|Present|Said)\s+")
_QUOTED_RE = re.compile(r"[“\"„«「『‘](?P<name>[^“”\"„«»「」『』‘’\n]{2,120})[”\"“»」』’]")


@dataclass
class ReferenceFacts:
    title: str
    year: int | None
    city: str | None


def _city_from_words(words: str) -> str | None:
    kept = [word for word in words.split() if word.lower() not in REFERENCE_NON_CITY_WORDS]
    return " ".join(kept) or None


def extract_references(
    text: str, own_title: str | None, *, body_start: int = 0
) -> list[ReferenceFacts]:
    """Earlier declarations and agreements the text refers to.

    Names in the headings before ``body_start`` are the document's own names, not references.
    """
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
    previous_end = -1
    for match in _NAMED_DECLARATION_RE.finditer(text):
        if not match.group("words") and not match.group("tail"):
            continue  # "the Declaration": this text, or one named just before
        # "the Declaration of the … Conference on the Human Environment (Stockholm
        # Declaration)": a short name in brackets right after a name is the same declaration.
        alias = _ALIAS_GAP_RE.fullmatch(text, previous_end, match.start()) is not None
        previous_end = match.end()
        if alias and found and found[-1][1].title.startswith("Declaration"):
            position, named = found[-1]
            short = " ".join(match.group(0).split())
            found[-1] = (position, ReferenceFacts(f"{named.title} ({short})", named.year, None))
            continue
        title = _DETERMINER_RE.sub("", " ".join(match.group(0).split()))
        if match.start() < body_start or (own and (fold(title) in own or own in fold(title))):
            continue
        year = match.group("year")
        found.append((match.start(), ReferenceFacts(title, int(year) if year else None, None)))
    # At one position the longest reading wins: "2002 Declaration on the Conduct of …".
    found.sort(key=lambda item: (item[0], -len(item[1].title)))
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
