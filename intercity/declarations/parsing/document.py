"""Runs the parser's stages over one text: blocks, front matter, operative part, facts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from intercity.declarations.parsing.blocks import split_blocks
from intercity.declarations.parsing.cities import CityMatcher
from intercity.declarations.parsing.facts import (
    extract_meeting,
    extract_next_meeting,
    extract_participants,
)
from intercity.declarations.parsing.language import guess_languages
from intercity.declarations.parsing.lexicon import (
    CLOSING_LEAD_RE,
    NETWORK_KEYWORD_RE,
    OPERATIVE_MARKER_RES,
    PREAMBLE_LEAD_RE,
    RESOLVED_CLAUSE_RE,
    TITLE_KEYWORD_RE,
)
from intercity.declarations.parsing.markers import BULLET, read_marker
from intercity.declarations.parsing.operative import OperativeReader, plausible_first
from intercity.declarations.parsing.references import extract_initiatives, extract_references
from intercity.declarations.parsing.result import (
    Meeting,
    NextMeeting,
    ParsedDeclaration,
    PreambleParagraph,
    Reference,
)

# A heading is a short line that does not end like a sentence.
_HEADING_MAX_LENGTH = 160
_HEADING_MAX_BLOCKS = 6
_SENTENCE_END = ".;!?。；！？"
_FACTS_SEARCH_LENGTH = 50_000
_STRUCTURAL_HEADINGS = re.compile(
    r"(?:Preamble|Präambel|Préambule|Preámbulo|前文|Operative\s+(?:part|paragraphs)|"
    r"Signatories|Unterzeichner)\s*:?",
    re.IGNORECASE,
)


def parse_declaration(text: str, *, known_cities: Iterable[str] = ()) -> ParsedDeclaration:
    """Parse a declaration's plain text. Never raises: problems become warnings."""
    try:
        return _parse(text, known_cities)
    except Exception as error:  # noqa: BLE001 - an import must degrade, never crash
        # The property tests check that this net is never used; it protects production
        # imports against a bug the tests have not found.
        return ParsedDeclaration(warnings=[f"internal parser error: {type(error).__name__}"])


def _is_heading(block: str) -> bool:
    return (
        len(block) <= _HEADING_MAX_LENGTH
        and block[-1:] not in _SENTENCE_END + ",:"
        and read_marker(block) is None
        and PREAMBLE_LEAD_RE.match(block) is None
    )


def _operative_marker(block: str) -> re.Match[str] | None:
    head = block[:_FACTS_SEARCH_LENGTH]
    for pattern in OPERATIVE_MARKER_RES:
        match = pattern.search(head)
        if match:
            return match
    return None


def _split_title_heading(heading: str) -> tuple[str | None, str | None]:
    """Title and network from a heading that runs both together, as a one-line text does."""
    keyword = TITLE_KEYWORD_RE.search(heading)
    if keyword is None:
        return None, None
    before = heading[: keyword.start()]
    # Walk back over the capitalised (not all-capitals) words that name the title.
    words = before.split()
    kept: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and not (word.isupper() and len(word) > 1) and len(kept) < 4:
            kept.insert(0, word)
        else:
            break
    if len(kept) == len(words):
        return heading.strip(), None
    title_start = before.rfind(kept[0]) if kept else keyword.start()
    title = heading[title_start:].strip()
    network = heading[:title_start].strip()
    if not NETWORK_KEYWORD_RE.search(network) and not re.search(r"\([A-Z0-9]{2,}\)", network):
        return heading.strip(), None
    return title, network or None


class _Parser:
    def __init__(self, text: str, known_cities: Iterable[str]) -> None:
        self.blocks = split_blocks(text)
        self.cities = CityMatcher(_safe_iterable(known_cities))
        self.result = ParsedDeclaration()
        self.warnings = self.result.warnings
        self.has_operative_marker = False

    def parse(self) -> ParsedDeclaration:
        if not self.blocks:
            self.warnings.append("empty text")
            self.warnings.append("no numbered clauses found")
            return self.result
        operative_start, marker_index = self._find_operative_start()
        front = self.blocks[:operative_start]
        if operative_start == len(self.blocks):
            # With no operative part, closing remarks still close the text.
            while len(front) > 1 and CLOSING_LEAD_RE.match(front[-1]):
                self.result.closing.insert(0, front.pop())
        self._read_front(front)
        zone_start = operative_start
        if marker_index is not None:
            self.result.operative_intro = self.blocks[marker_index]
            zone_start = marker_index + 1
        operative = OperativeReader(self.warnings).read(self.blocks[zone_start:])
        if operative.intro_prose:
            intro = self.result.operative_intro
            self.result.operative_intro = "\n".join(
                [intro, *operative.intro_prose] if intro else operative.intro_prose
            )
        self.result.clauses = operative.clauses
        self.result.closing.extend(operative.closing)
        self._read_facts(front)
        self.result.confidence = self._confidence()
        return self.result

    # Where the operative part begins ----------------------------------------------------------

    def _find_operative_start(self) -> tuple[int, int | None]:
        """Index of the first operative block, and of the block announcing it (if any)."""
        first_marker: int | None = None
        first_resolved: int | None = None
        first_numbered: int | None = None
        first_bullet: int | None = None
        for index, block in enumerate(self.blocks):
            marker = read_marker(block)
            if marker is not None:
                if index == 0:
                    continue
                if marker.kinds == (BULLET,):
                    if first_bullet is None and PREAMBLE_LEAD_RE.match(marker.rest) is None:
                        first_bullet = index
                elif first_numbered is None and plausible_first(marker):
                    first_numbered = index
                continue
            if first_resolved is None and RESOLVED_CLAUSE_RE.match(block):
                first_resolved = index
            if first_marker is None and _operative_marker(block):
                leads = PREAMBLE_LEAD_RE.match(block) is not None
                if (not leads or block.rstrip()[-1:] in ":：") and not RESOLVED_CLAUSE_RE.match(
                    block
                ):
                    first_marker = index
            if first_marker is not None and first_resolved is not None:
                break
            if first_marker is not None and first_numbered is not None:
                break

        candidates = []
        if first_marker is not None:
            candidates.append((first_marker, "marker"))
        if first_resolved is not None:
            candidates.append((first_resolved, "resolved"))
        if first_numbered is not None:
            candidates.append((first_numbered, "numbered"))
        if not candidates and first_bullet is not None:
            candidates.append((first_bullet, "numbered"))
        if not candidates:
            self.warnings.append("no operative part found")
            return len(self.blocks), None
        index, kind = min(candidates)
        if kind == "marker":
            self.has_operative_marker = True
            return index, index
        if kind == "resolved":
            self.has_operative_marker = True
            return index, None
        # A numbered list with no marker: a lead-in line ending with a colon announces it.
        previous = self.blocks[index - 1] if index > 0 else ""
        if previous.rstrip()[-1:] in ":：" and PREAMBLE_LEAD_RE.match(previous) is None:
            self.has_operative_marker = True
            return index - 1, index - 1
        self.warnings.append("no operative marker found; operative part starts at first item")
        return index, None

    # Title, network, opening and preamble ------------------------------------------------------

    def _read_front(self, front: list[str]) -> None:
        headings: list[str] = []
        position = 0
        while (
            position < len(front)
            and position < _HEADING_MAX_BLOCKS
            and _is_heading(front[position])
        ):
            headings.append(front[position])
            position += 1
        self._read_headings(headings)
        # Short lines that are neither title nor network are text (Thai uses no full stops).
        unused = [
            heading
            for heading in headings
            if heading not in (self.result.title, self.result.network)
            and not (self.result.title and self.result.title in heading)
        ]
        body = [
            block
            for block in [*unused, *front[position:]]
            if not _STRUCTURAL_HEADINGS.fullmatch(block)
        ]

        first_lead = next(
            (
                index
                for index, block in enumerate(body)
                if PREAMBLE_LEAD_RE.match(self._without_marker(block))
            ),
            None,
        )
        if first_lead is None:
            # Without any lead phrase the first paragraph introduces, the rest is preamble.
            opening_count = 1 if body else 0
        else:
            opening_count = first_lead
        self.result.opening = body[:opening_count]
        for block in body[opening_count:]:
            paragraph = self._without_marker(block)
            lead = PREAMBLE_LEAD_RE.match(paragraph)
            self.result.preamble.append(
                PreambleParagraph(
                    lead=" ".join(lead.group("lead").split()) if lead else None, text=paragraph
                )
            )

    @staticmethod
    def _without_marker(block: str) -> str:
        marker = read_marker(block)
        if marker is not None and marker.rest:
            return marker.rest
        return block

    def _read_headings(self, headings: list[str]) -> None:
        title: str | None = None
        network: str | None = None
        for heading in headings:
            if title is None and TITLE_KEYWORD_RE.search(heading):
                split_title, split_network = _split_title_heading(heading)
                title = split_title
                if split_network and network is None:
                    network = split_network
            elif network is None and NETWORK_KEYWORD_RE.search(heading):
                # "Adopted by the General Assembly of the X League" names the network at its end.
                named = re.search(r"\bof\s+(?:the\s+)?(\S.*)$", heading)
                if named and NETWORK_KEYWORD_RE.search(named.group(1)):
                    network = named.group(1)
                else:
                    network = heading
        if title is None:
            others = [heading for heading in headings if heading != network]
            if others:
                title = others[0]
        self.result.title = title
        self.result.network = network

    # Clauses, sub-items and closing -------------------------------------------------------------

    def _read_facts(self, front: list[str]) -> None:
        result = self.result
        # The meeting and its participants are named near the top; reading a bounded amount
        # keeps huge inputs fast.
        front_text = "\n".join(
            [*front, result.operative_intro] if result.operative_intro else front
        )[:_FACTS_SEARCH_LENGTH]
        operative_text = "\n".join(clause.text for clause in result.clauses)
        closing_text = "\n".join(result.closing)[:_FACTS_SEARCH_LENGTH]

        facts = extract_meeting(front_text, closing_text, result.title, self.cities)
        result.meeting = Meeting(
            ordinal=facts.ordinal,
            name=facts.name,
            city=facts.city,
            start_date=facts.start_date,
            end_date=facts.end_date,
        )
        if result.network is None and facts.network:
            result.network = facts.network
        result.participants = extract_participants(front_text, self.cities, self.warnings)

        next_facts = extract_next_meeting(
            operative_text + "\n" + closing_text, facts.ordinal, self.cities
        )
        result.next_meeting = NextMeeting(
            city=next_facts.city, year=next_facts.year, ordinal=next_facts.ordinal
        )

        full_text = "\n".join(self.blocks)
        result.references = [
            Reference(title=item.title, year=item.year, city=item.city)
            for item in extract_references(full_text, result.title)
        ]
        result.initiatives = extract_initiatives(full_text)
        result.language, result.languages = guess_languages(full_text)

        if result.title is None:
            self.warnings.append("no title found")
        if result.meeting.start_date is None:
            self.warnings.append("no meeting date found")
        if not result.participants:
            self.warnings.append("no participants found")

    def _confidence(self) -> float:
        result = self.result
        score = 0.0
        score += 0.1 if result.title else 0.0
        score += 0.05 if result.meeting.ordinal else 0.0
        score += 0.05 if result.meeting.city else 0.0
        score += 0.05 if result.meeting.start_date else 0.0
        score += 0.1 if result.participants else 0.0
        score += 0.1 if result.preamble else 0.0
        score += 0.05 if any(paragraph.lead for paragraph in result.preamble) else 0.0
        score += 0.2 if self.has_operative_marker else 0.0
        score += 0.2 if result.clauses else 0.0
        score += 0.1 if any(clause.number for clause in result.clauses) else 0.0
        penalty = 0.04 * len(
            [warning for warning in self.warnings if not warning.startswith("participant not")]
        )
        return round(max(0.0, min(1.0, score - penalty)), 3)


def _safe_iterable(known_cities: Iterable[str]) -> list[str]:
    if isinstance(known_cities, str):
        return [known_cities]
    try:
        return [name for name in known_cities if isinstance(name, str)]
    except TypeError:
        return []


def _coerce_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray):
        return bytes(text).decode("utf-8", errors="replace")
    return "" if text is None else str(text)


def _parse(text: object, known_cities: Iterable[str]) -> ParsedDeclaration:
    return _Parser(_coerce_text(text), known_cities).parse()
