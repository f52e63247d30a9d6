"""Turns the plain text of a city-network declaration into structure (pure Python, no Django)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from intercity.declarations.parsing_blocks import is_cjk, split_blocks
from intercity.declarations.parsing_facts import (
    CityMatcher,
    extract_initiatives,
    extract_meeting,
    extract_next_meeting,
    extract_participants,
    extract_references,
)
from intercity.declarations.parsing_language import guess_languages
from intercity.declarations.parsing_lexicon import (
    CLOSING_LEAD_RE,
    NETWORK_KEYWORD_RE,
    OPERATIVE_MARKER_RES,
    PREAMBLE_LEAD_RE,
    RESOLVED_CLAUSE_RE,
    TITLE_KEYWORD_RE,
)
from intercity.declarations.parsing_markers import (
    ARTICLE,
    BULLET,
    LOWER_LETTER,
    LOWER_ROMAN,
    UPPER_LETTER,
    UPPER_ROMAN,
    ListMarker,
    read_marker,
)

__all__ = [
    "Clause",
    "Meeting",
    "NextMeeting",
    "ParsedDeclaration",
    "PreambleParagraph",
    "Reference",
    "SubItem",
    "parse_declaration",
]

# A heading is a short line that does not end like a sentence.
_HEADING_MAX_LENGTH = 160
_HEADING_MAX_BLOCKS = 6
_SENTENCE_END = ".;!?。；！？"
_TERMINAL_PUNCTUATION = ".;!?。；！？"
# The first item of a list is numbered 1 (or a, i, I); a list starting at 40 is prose.
_FIRST_ITEM_MAX = 3
# A jump this large between clause numbers means the number is not a clause number.
_MAX_NUMBER_JUMP = 5
_RESOLVED = ("resolved", "resolved")
_FACTS_SEARCH_LENGTH = 50_000
_STRUCTURAL_HEADINGS = re.compile(
    r"(?:Preamble|Präambel|Préambule|Preámbulo|前文|Operative\s+(?:part|paragraphs)|"
    r"Signatories|Unterzeichner)\s*:?",
    re.IGNORECASE,
)


@dataclass
class Meeting:
    """The meeting that adopted the declaration."""

    ordinal: int | None = None
    name: str | None = None
    city: str | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class PreambleParagraph:
    """A paragraph before the operative part, with its lead phrase ("Recalling") if known."""

    lead: str | None
    text: str


@dataclass
class SubItem:
    """A lettered (or otherwise marked) item under a clause."""

    label: str | None
    text: str


@dataclass
class Clause:
    """An operative clause: its number as printed, full text, lead-in and sub-items."""

    number: str | None
    text: str
    intro: str | None = None
    subitems: list[SubItem] = field(default_factory=list)


@dataclass
class Reference:
    """An earlier declaration or agreement the text refers to."""

    title: str
    year: int | None = None
    city: str | None = None


@dataclass
class NextMeeting:
    """Where, when and which meeting comes next, when the declaration says."""

    city: str | None = None
    year: int | None = None
    ordinal: int | None = None


@dataclass
class ParsedDeclaration:
    """Everything the parser found in a declaration's text."""

    title: str | None = None
    network: str | None = None
    meeting: Meeting = field(default_factory=Meeting)
    participants: list[str] = field(default_factory=list)
    opening: list[str] = field(default_factory=list)
    preamble: list[PreambleParagraph] = field(default_factory=list)
    operative_intro: str | None = None
    clauses: list[Clause] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    next_meeting: NextMeeting = field(default_factory=NextMeeting)
    language: str | None = None
    languages: list[str] = field(default_factory=list)
    confidence: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of plain lists, dicts, strings, numbers and None."""
        return asdict(self)


def parse_declaration(text: str, *, known_cities: Iterable[str] = ()) -> ParsedDeclaration:
    """Parse a declaration's plain text. Never raises: problems become warnings."""
    try:
        return _parse(text, known_cities)
    except Exception as error:  # noqa: BLE001 - an import must degrade, never crash
        # The property tests check that this net is never used; it protects production
        # imports against a bug the tests have not found.
        return ParsedDeclaration(warnings=[f"internal parser error: {type(error).__name__}"])


# Internal structure -------------------------------------------------------------------------


@dataclass
class _ClauseDraft:
    number: str | None
    value: int
    intro_parts: list[str]
    subitems: list[SubItem] = field(default_factory=list)
    tail_parts: list[str] = field(default_factory=list)

    def last_text(self) -> str:
        if self.tail_parts:
            return self.tail_parts[-1]
        if self.subitems:
            return self.subitems[-1].text
        return self.intro_parts[-1] if self.intro_parts else ""

    def append(self, paragraph: str) -> None:
        """Add a following paragraph to whatever part of the clause it continues."""
        if self.subitems and not self.tail_parts:
            last = self.subitems[-1]
            if last.text[-1:] not in _TERMINAL_PUNCTUATION or paragraph[:1].islower():
                last.text = _join(last.text, paragraph)
                return
            self.tail_parts.append(paragraph)
            return
        if self.tail_parts:
            self.tail_parts[-1] = _join(self.tail_parts[-1], paragraph)
        elif self.intro_parts:
            self.intro_parts[-1] = _join(self.intro_parts[-1], paragraph)
        else:
            self.intro_parts.append(paragraph)

    def build(self) -> Clause:
        intro = "\n".join(part for part in self.intro_parts if part)
        lines = [intro] if intro else []
        for item in self.subitems:
            lines.append(f"{item.label}. {item.text}" if item.label else f"- {item.text}")
        lines.extend(self.tail_parts)
        return Clause(
            number=self.number,
            text="\n".join(lines),
            intro=(intro or None) if self.subitems else None,
            subitems=self.subitems,
        )


def _join(first: str, second: str) -> str:
    """Join a paragraph to the one it continues: inline when a sentence runs on."""
    if not first:
        return second
    if first[-1:] in _TERMINAL_PUNCTUATION or first[-1:] in ":：" or second[:1].isupper():
        return first + "\n" + second
    if is_cjk(first[-1]) or is_cjk(second[:1] or " "):
        return first + second
    return first + " " + second


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


def _script_family(text: str) -> str:
    sample = text[:200]
    cjk = sum(1 for ch in sample if is_cjk(ch))
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return "none"
    return "cjk" if cjk * 3 >= letters else "other"


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
        self._read_operative(self.blocks[zone_start:])
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
                elif first_numbered is None and _plausible_first(marker):
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

    def _read_operative(self, zone: list[str]) -> None:
        drafts: list[_ClauseDraft] = []
        closing: list[str] = []
        top_style: tuple[str, str] | None = None
        sub_style: tuple[str, str] | None = None
        prose: list[str] = []
        last_value = 0
        last_sub_value = 0
        in_closing = False

        for block in zone:
            if RESOLVED_CLAUSE_RE.match(block) and top_style in (None, _RESOLVED):
                top_style = _RESOLVED
                drafts[-1:] = self._reattach(drafts[-1:], closing)
                in_closing = False
                drafts.append(_ClauseDraft(None, len(drafts) + 1, [block]))
                sub_style, last_sub_value = None, 0
                continue
            marker = read_marker(block)
            if marker is not None:
                kind, level = self._classify(
                    marker, top_style, sub_style, last_value, last_sub_value
                )
                if level == 0 and top_style is None and not _plausible_first(marker):
                    level = -1
                if level == 0:
                    style = marker.style(kind)
                    value = marker.value_for(kind)
                    if top_style is not None and kind not in (BULLET, ARTICLE):
                        if self._merge_translation(drafts, marker, kind, block):
                            continue
                        if value != last_value + 1 and kind != "decimal":
                            if value <= last_value or value > last_value + _MAX_NUMBER_JUMP:
                                self.warnings.append(
                                    f"clause numbering out of sequence: {marker.label} "
                                    f"after {drafts[-1].number if drafts else '-'}"
                                )
                            else:
                                self.warnings.append(
                                    f"clause numbering skips from {drafts[-1].number} "
                                    f"to {marker.label}"
                                )
                    top_style = style
                    drafts[-1:] = self._reattach(drafts[-1:], closing)
                    in_closing = False
                    drafts.append(
                        _ClauseDraft(marker.label, value, [marker.rest] if marker.rest else [])
                    )
                    last_value = value
                    sub_style, last_sub_value = None, 0
                    continue
                if level == 1 and drafts and not in_closing:
                    sub_style = marker.style(kind)
                    last_sub_value = marker.value_for(kind)
                    drafts[-1].subitems.append(SubItem(marker.label, marker.rest))
                    continue
                if level == 2 and drafts and not in_closing:
                    # Deeper levels stay in the text of the item they belong to.
                    label = f"{marker.label}. " if marker.label else "- "
                    self._append_to_last(drafts[-1], label + marker.rest, force=True)
                    continue
            # A paragraph with no marker (or a marker that does not fit the lists).
            if not drafts:
                prose.append(block)
                continue
            if in_closing:
                closing.append(block)
                continue
            if self._continues(drafts[-1], block, top_style):
                drafts[-1].append(block)
            else:
                in_closing = True
                closing.append(block)

        if not drafts and prose:
            drafts, closing = self._prose_clauses(prose)
        elif prose:
            # Paragraphs between the marker and the first clause belong to the lead-in,
            # e.g. its translation in a bilingual text.
            self.result.operative_intro = "\n".join(
                [self.result.operative_intro, *prose] if self.result.operative_intro else prose
            )
        self.result.clauses = [draft.build() for draft in drafts]
        self.result.closing.extend(closing)
        has_numbers = any(clause.number for clause in self.result.clauses)
        # Bullets and "BE IT RESOLVED" paragraphs are clauses that simply carry no number.
        unnumbered_list = top_style is not None and (
            top_style == _RESOLVED or top_style[0] == BULLET
        )
        if not has_numbers and not unnumbered_list:
            self.warnings.append("no numbered clauses found")

    @staticmethod
    def _append_to_last(draft: _ClauseDraft, text: str, *, force: bool = False) -> None:
        if draft.subitems and force:
            draft.subitems[-1].text = draft.subitems[-1].text + "\n" + text
        else:
            draft.append(text)

    @staticmethod
    def _reattach(last: list[_ClauseDraft], closing: list[str]) -> list[_ClauseDraft]:
        """Paragraphs taken for closing remarks that another clause follows were clause text."""
        if last and closing:
            for paragraph in closing:
                last[0].tail_parts.append(paragraph)
        closing.clear()
        return last

    def _merge_translation(
        self, drafts: list[_ClauseDraft], marker: ListMarker, kind: str, block: str
    ) -> bool:
        """A repeated number in another script is the clause's translation (bilingual texts)."""
        value = marker.value_for(kind)
        if not drafts or value > drafts[-1].value:
            return False
        family = _script_family(marker.rest)
        for draft in drafts:
            if draft.value == value and draft.number is not None:
                if _script_family(draft.build().text) != family and family != "none":
                    draft.tail_parts.append(block)
                    return True
                return False
        return False

    @staticmethod
    def _classify(
        marker: ListMarker,
        top_style: tuple[str, str] | None,
        sub_style: tuple[str, str] | None,
        last_value: int,
        last_sub_value: int,
    ) -> tuple[str, int]:
        """Which kind the marker is (a letter or a Roman numeral?) and its level: 0, 1 or 2."""
        kinds = marker.kinds
        for level, style, previous in ((0, top_style, last_value), (1, sub_style, last_sub_value)):
            if style is None:
                continue
            fitting = [kind for kind in kinds if marker.style(kind) == style]
            if not fitting:
                continue
            # "i" after "h" is a letter; "i" after nothing or "iii" is a Roman numeral.
            for kind in fitting:
                if marker.value_for(kind) == previous + 1:
                    return kind, level
            # "(i)" after "(b)" does not continue the letters: it opens a Roman sub-list.
            fresh = [kind for kind in kinds if kind not in fitting and marker.value_for(kind) == 1]
            if fresh and level < 2:
                return fresh[0], level + 1
            return fitting[0], level
        kind = _default_kind(marker)
        if top_style is None:
            return kind, 0
        if sub_style is None:
            return kind, 1
        return kind, 2

    @staticmethod
    def _continues(draft: _ClauseDraft, block: str, top_style: tuple[str, str] | None) -> bool:
        """Whether an unmarked paragraph after a clause carries on that clause."""
        if CLOSING_LEAD_RE.match(block):
            return False
        last_text = draft.last_text().rstrip()
        # A paragraph in another script right after a clause is its translation.
        block_family, last_family = _script_family(block), _script_family(last_text)
        if "none" not in (block_family, last_family) and block_family != last_family:
            return True
        if last_text[-1:] not in _TERMINAL_PUNCTUATION:
            return True
        if block[:1].islower():
            return True
        # Articles often run over several paragraphs; numbered clauses rarely do.
        return top_style is not None and top_style[0] == ARTICLE

    def _prose_clauses(self, prose: list[str]) -> tuple[list[_ClauseDraft], list[str]]:
        """Operative paragraphs without numbering: each is a clause until closing remarks."""
        drafts: list[_ClauseDraft] = []
        closing: list[str] = []
        for block in prose:
            if closing or (drafts and CLOSING_LEAD_RE.match(block)):
                closing.append(block)
            else:
                drafts.append(_ClauseDraft(None, len(drafts) + 1, [block]))
        return drafts, closing

    # Facts -----------------------------------------------------------------------------------

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


def _default_kind(marker: ListMarker) -> str:
    """The likelier kind of a marker seen first: "i" and "I" start Roman lists, "v" is a letter."""
    kinds = marker.kinds
    if len(kinds) == 1:
        return kinds[0]
    if marker.label in ("i", "I"):
        return LOWER_ROMAN if LOWER_ROMAN in kinds else UPPER_ROMAN
    for kind in (LOWER_LETTER, UPPER_LETTER):
        if kind in kinds:
            return kind
    return kinds[0]


def _plausible_first(marker: ListMarker) -> bool:
    """Whether a marker could open a list: 1, a, i, I or a bullet, not 18 or z."""
    kind = _default_kind(marker)
    if kind in (BULLET, "decimal"):
        return True
    return marker.value_for(kind) <= _FIRST_ITEM_MAX


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
