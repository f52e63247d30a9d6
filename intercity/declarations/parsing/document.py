"""Runs the parser's stages over one text: blocks, front matter, operative part, facts."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from intercity.declarations.parsing.blocks import split_blocks
from intercity.declarations.parsing.cities import CityMatcher
from intercity.declarations.parsing.confidence import field_confidence
from intercity.declarations.parsing.doubts import doubted_fields
from intercity.declarations.parsing.facts import extract_next_meeting
from intercity.declarations.parsing.furniture import document_symbol
from intercity.declarations.parsing.headings import is_heading, split_title_heading
from intercity.declarations.parsing.language import guess_languages
from intercity.declarations.parsing.lexicon import (
    ANNEX_ADOPTION_RE,
    CLOSING_LEAD_RE,
    NETWORK_KEYWORD_RE,
    PREAMBLE_LEAD_RE,
    RESOLUTION_VERB_RE,
    RESOLVED_CLAUSE_RE,
    TITLE_KEYWORD_RE,
)
from intercity.declarations.parsing.markers import (
    BULLET,
    ListMarker,
    has_ordinal_word_sections,
    read_marker,
    read_ordinal_word,
)
from intercity.declarations.parsing.meeting import (
    extract_adoption_date,
    extract_meeting,
    find_dateline,
)
from intercity.declarations.parsing.member_lexicon import (
    MEMBER_BODY_OPENING_RE,
    MEMBER_CONNECTIVE_RE,
)
from intercity.declarations.parsing.operative import (
    OperativeReader,
    is_section_heading,
    plausible_first,
)
from intercity.declarations.parsing.paragraphs import (
    coerce_text,
    introduces_recitals,
    names_document,
    operative_marker,
    safe_iterable,
)
from intercity.declarations.parsing.participants import ADOPTING_BODY_RE, extract_participants
from intercity.declarations.parsing.references import extract_initiatives, extract_references
from intercity.declarations.parsing.result import (
    Meeting,
    NextMeeting,
    ParsedDeclaration,
    PreambleParagraph,
    Reference,
)

# A heading is a short line that does not end like a sentence.
_HEADING_MAX_BLOCKS = 6
_FACTS_SEARCH_LENGTH = 50_000
# The first clause often still says who met where ("1. We, Heads of State, gathered …").
_FIRST_CLAUSE_FACTS = 3000
_FACT_CLAUSES = 2
# A resolution's number and title: "74/212. International Day of Clean Air for blue skies".
_RESOLUTION_TITLE_RE = re.compile(r"^\d{1,3}/\d{1,4}\.\s+(?P<title>\S.{2,500})$")
_HEADER_BLOCKS = 30
_NEXT_MEETING_SEARCH = 30_000
# References and initiatives are looked for in the first 300,000 characters (some 100 pages).
_REFERENCES_SEARCH = 300_000
# Fewest paragraphs after the opening for an unnumbered text to be read as a statement.
_STATEMENT_MIN_PARAGRAPHS = 2
_STRUCTURAL_HEADINGS = re.compile(
    r"(?:Preamble|Präambel|Préambule|Preámbulo|前文|Operative\s+(?:part|paragraphs)|"
    r"Signatories|Unterzeichner)\s*:?",
    re.IGNORECASE,
)


def parse_declaration(text: str, *, known_cities: Iterable[str] = ()) -> ParsedDeclaration:
    """Parse a declaration's plain text. Never raises: problems become warnings."""
    try:
        cities = safe_iterable(known_cities)
        result = _parse(text, cities)
        text = coerce_text(text)
        result.doubts = doubted_fields(
            text, result.to_dict(), lambda form: _parse(form, cities).to_dict()
        )
        result.field_confidence = field_confidence(result.evidence, result.warnings, result.doubts)
        return result
    except Exception as error:  # noqa: BLE001 - an import must degrade, never crash
        # The property tests check that this net is never used; it protects production
        # imports against a bug the tests have not found.
        return ParsedDeclaration(warnings=[f"internal parser error: {type(error).__name__}"])


class _Parser:
    def __init__(self, text: str, known_cities: Iterable[str]) -> None:
        self.blocks = split_blocks(text)
        self.cities = CityMatcher(safe_iterable(known_cities))
        self.result = ParsedDeclaration()
        self.warnings = self.result.warnings
        self.has_operative_marker = False
        self.ordinal_words = has_ordinal_word_sections(self.blocks)
        self.resolution_verbs = False
        self.statement = False
        # Characters taken by the title lines at the top, which name the document itself.
        self.heading_chars = 0
        self.sources: dict[str, str | None] = {}

    def marker(self, block: str) -> ListMarker | None:
        marker = read_marker(block)
        if marker is None and self.ordinal_words:
            return read_ordinal_word(block)
        return marker

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
        reader = OperativeReader(
            self.warnings, ordinal_words=self.ordinal_words, resolution_verbs=self.resolution_verbs
        )
        zone = self.blocks[zone_start:]
        operative = reader.read_statement(zone) if self.statement else reader.read(zone)
        if operative.intro_prose:
            intro = self.result.operative_intro
            self.result.operative_intro = "\n".join(
                [intro, *operative.intro_prose] if intro else operative.intro_prose
            )
        self.result.clauses = operative.clauses
        self.result.closing.extend(operative.closing)
        self._read_facts(front)
        self.result.confidence = self._confidence()
        self.result.evidence = self._evidence()
        self.result.field_confidence = field_confidence(self.result.evidence, self.warnings)
        return self.result

    def _evidence(self) -> dict[str, str]:
        """Which rule found each field ("none" when nothing was found)."""
        result, sources = self.result, self.sources
        operative = sources.get("operative") or "none"
        return {
            "title": sources.get("title") or "none",
            "symbol": "header" if result.symbol else "none",
            "adopted_on": sources.get("adopted_on") or "none",
            "meeting name": sources.get("meeting name") or "none",
            "meeting ordinal": sources.get("meeting ordinal") or "none",
            "meeting city": sources.get("meeting city") or "none",
            "meeting dates": sources.get("meeting dates") or "none",
            "participants": sources.get("participants") or "none",
            "preamble count": "leads" if result.preamble else "none",
            "clause count": operative,
            "numbering": operative,
            "sub-items": operative,
            "references": "named" if result.references else "none",
        }

    # Where the operative part begins ----------------------------------------------------------

    def _find_operative_start(self) -> tuple[int, int | None]:
        """Index of the first operative block, and of the block announcing it (if any)."""
        first_marker: int | None = None
        first_resolved: int | None = None
        first_numbered: int | None = None
        first_bullet: int | None = None
        first_verb: int | None = None
        # Operative verbs count only after a resolution's subject or preamble.
        resolution_context = False
        seen_lead = False
        for index, block in enumerate(self.blocks):
            marker = self.marker(block)
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
            if first_marker is None and seen_lead and MEMBER_BODY_OPENING_RE.match(block):
                # "…ので、 / 国連総会は、": after its recitals, the body that speaks opens the
                # operative part, with the connective before it ("이에, / 국제연합총회는,").
                first_marker = index
                if index > 0 and MEMBER_CONNECTIVE_RE.match(self.blocks[index - 1]):
                    first_marker = index - 1
            if PREAMBLE_LEAD_RE.match(block):
                seen_lead = True
            if ADOPTING_BODY_RE.match(block) or PREAMBLE_LEAD_RE.match(block):
                resolution_context = True
            elif first_verb is None and resolution_context and RESOLUTION_VERB_RE.match(block):
                first_verb = index
            if first_marker is None and operative_marker(block):
                leads = PREAMBLE_LEAD_RE.match(block) is not None
                if (not leads or block.rstrip()[-1:] in ":：") and not RESOLVED_CLAUSE_RE.match(
                    block
                ):
                    first_marker = index
            if first_marker is not None and first_resolved is not None:
                break
            if first_marker is not None and first_numbered is not None:
                break
            if first_verb is not None and first_numbered is not None:
                break

        candidates = []
        if first_verb is not None:
            kind = "annex" if ANNEX_ADOPTION_RE.match(self.blocks[first_verb]) else "verb"
            candidates.append((first_verb, kind))
        if first_marker is not None:
            candidates.append((first_marker, "marker"))
        if first_resolved is not None:
            candidates.append((first_resolved, "resolved"))
        if first_numbered is not None:
            candidates.append((first_numbered, "numbered"))
        if not candidates and first_bullet is not None:
            candidates.append((first_bullet, "numbered"))
        if not candidates:
            return self._statement_start()
        index, kind = min(candidates)
        self.sources["operative"] = kind
        if kind == "numbered" and self.ordinal_words:
            self.sources["operative"] = "ordinal-words"
        if kind == "verb":
            self.has_operative_marker = True
            self.resolution_verbs = True
            return index, None
        if kind in ("marker", "annex"):
            self.has_operative_marker = True
            return index, index
        if kind == "resolved":
            self.has_operative_marker = True
            return index, None
        # A numbered list with no marker: a lead-in line ending with a colon announces it.
        previous = self.blocks[index - 1] if index > 0 else ""
        if previous.rstrip()[-1:] in ":：" and PREAMBLE_LEAD_RE.match(previous) is None:
            self.has_operative_marker = True
            self.sources["operative"] = "lead-in"
            return index - 1, index - 1
        self.warnings.append("no operative marker found; operative part starts at first item")
        return index, None

    def _statement_start(self) -> tuple[int, int | None]:
        """With no marker and no numbering, the paragraphs after the opening are clauses."""
        position = 0
        # The title may be longer than a section heading when it names a kind of document.
        while position < len(self.blocks) and (
            is_section_heading(self.blocks[position])
            or (position == 0 and is_heading(self.blocks[position]))
        ):
            position += 1
        rest = [block for block in self.blocks[position + 1 :] if not is_section_heading(block)]
        leads = sum(1 for block in rest if PREAMBLE_LEAD_RE.match(block))
        # Paragraphs that mostly open with "Recalling", "Noting" are a preamble, not clauses.
        if len(rest) < _STATEMENT_MIN_PARAGRAPHS or leads * 2 > len(rest):
            self.warnings.append("no operative part found")
            return len(self.blocks), None
        self.statement = True
        self.sources["operative"] = "statement"
        self.warnings.append("no operative marker found; paragraphs after the opening are clauses")
        return position + 1, None

    # Title, network, opening and preamble ------------------------------------------------------

    def _read_front(self, front: list[str]) -> None:
        numbered_title = next(
            (
                index
                for index, block in enumerate(front[:_HEADER_BLOCKS])
                if _RESOLUTION_TITLE_RE.match(block)
            ),
            None,
        )
        if numbered_title is not None:
            # A resolution: the numbered title line, the header lines before it are opening.
            match = _RESOLUTION_TITLE_RE.match(front[numbered_title])
            self.result.title = match.group("title") if match else None
            self.sources["title"] = "numbered"
            front = front[:numbered_title] + front[numbered_title + 1 :]
            self._read_body(front)
            return
        headings: list[str] = []
        position = 0
        notes: list[str] = []
        if len(front) > 1 and not is_heading(front[0]) and names_document(front[1]):
            # A note printed above the title ("Noong Disyembre 10, 1948, … nagpahayag …").
            notes = front[:1]
            position = 1
        while (
            position < len(front) and position < _HEADING_MAX_BLOCKS and is_heading(front[position])
        ):
            headings.append(front[position])
            position += 1
        self._read_headings(headings)
        self.heading_chars = len("\n".join(headings))
        # Short lines that are neither title nor network are text (Thai uses no full stops).
        unused = [
            heading
            for heading in headings
            if heading not in (self.result.title, self.result.network)
            and not (self.result.title and self.result.title in heading)
        ]
        self._read_body([*notes, *unused, *front[position:]])

    def _read_body(self, blocks: list[str]) -> None:
        """Opening paragraphs, then preamble paragraphs from the first lead phrase on."""
        body = [block for block in blocks if not _STRUCTURAL_HEADINGS.fullmatch(block)]
        first_lead = next(
            (
                index
                for index, block in enumerate(body)
                if PREAMBLE_LEAD_RE.match(self._without_marker(block))
            ),
            None,
        )
        if first_lead is None:
            # A preamble opens with lead phrases ("Recalling", "Noting"): without any, the
            # paragraphs before the operative part are all opening.
            opening_count = len(body)
        else:
            opening_count = first_lead
        self.result.opening = body[:opening_count]
        shared_lead: str | None = None
        for block in body[opening_count:]:
            paragraph = self._without_marker(block)
            lead = PREAMBLE_LEAD_RE.match(paragraph)
            if lead is not None and introduces_recitals(paragraph, lead):
                # "Với nhận thức rằng:" stands alone and leads each recital after it.
                shared_lead = " ".join(lead.group("lead").split())
                continue
            if lead is None and is_section_heading(paragraph) and paragraph[:1].isupper():
                # A section heading before the operative part ("Governance of …") is not a
                # preamble paragraph.
                continue
            self.result.preamble.append(
                PreambleParagraph(
                    lead=" ".join(lead.group("lead").split()) if lead else shared_lead,
                    text=paragraph,
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
                split_title, split_network = split_title_heading(heading)
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
        if title is not None:
            self.sources["title"] = "keyword" if TITLE_KEYWORD_RE.search(title) else "heading"

    # Clauses, sub-items and closing -------------------------------------------------------------

    def _read_facts(self, front: list[str]) -> None:
        result = self.result
        # The meeting and its participants are named near the top; reading a bounded amount
        # keeps huge inputs fast.
        # "1. We, the leaders … 2. We met in Bali on 15-16 November 2022": the first clauses
        # may say who met, where and when.
        first_clauses = [
            clause.text[:_FIRST_CLAUSE_FACTS] for clause in result.clauses[:_FACT_CLAUSES]
        ]
        front_text = "\n".join(
            part for part in [*front, result.operative_intro, *first_clauses] if part
        )[:_FACTS_SEARCH_LENGTH]
        operative_text = "\n".join(clause.text for clause in result.clauses)
        closing_text = "\n".join(result.closing)[:_FACTS_SEARCH_LENGTH]

        result.symbol = document_symbol("\n".join(self.blocks[:5]))
        result.adopted_on, self.sources["adopted_on"] = extract_adoption_date(
            [*front[:_HEADER_BLOCKS], *result.closing[:_HEADER_BLOCKS]],
            notes=result.opening[:_HEADER_BLOCKS],
            closing=result.closing,
        )
        facts = extract_meeting(
            front_text,
            closing_text,
            result.title,
            self.cities,
            intro=result.operative_intro,
            reference=datetime.date.fromisoformat(result.adopted_on) if result.adopted_on else None,
            dateline=find_dateline(front[:_HEADER_BLOCKS]),
        )
        adopted_at_meeting = self.sources["adopted_on"] == "adopted" or (
            # "（1948.12.10 第３回国連総会採択）": a note naming the session it was adopted at.
            self.sources["adopted_on"] == "note" and facts.name is not None
        )
        if facts.start_date is None and adopted_at_meeting:
            # "ADOPTED this 4th day of June 2019": adopted at the meeting, on that day.
            facts.start_date = facts.end_date = result.adopted_on
            facts.sources["dates"] = "adopted"
        result.meeting = Meeting(
            ordinal=facts.ordinal,
            name=facts.name,
            city=facts.city,
            start_date=facts.start_date,
            end_date=facts.end_date,
        )
        self.sources.update({f"meeting {key}": value for key, value in facts.sources.items()})
        if result.network is None and facts.network:
            result.network = facts.network
        result.participants, self.sources["participants"] = extract_participants(
            front, front_text, result.title, self.cities, intro=result.operative_intro
        )
        if self.cities and any(self.cities.match(name) for name in result.participants):
            # In a list of member cities, a name the platform does not know needs a look.
            for name in result.participants:
                if self.cities.match(name) is None:
                    self.warnings.append(f"participant not among known cities: {name}")

        # The next meeting is announced in the last clauses or the closing lines.
        next_facts = extract_next_meeting(
            operative_text[-_NEXT_MEETING_SEARCH:] + "\n" + closing_text, facts.ordinal, self.cities
        )
        result.next_meeting = NextMeeting(
            city=next_facts.city, year=next_facts.year, ordinal=next_facts.ordinal
        )

        full_text = "\n".join(self.blocks)[:_REFERENCES_SEARCH]
        result.references = [
            Reference(title=item.title, year=item.year, city=item.city)
            for item in extract_references(full_text, result.title, body_start=self.heading_chars)
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


def _parse(text: object, known_cities: Iterable[str]) -> ParsedDeclaration:
    return _Parser(coerce_text(text), known_cities).parse()
