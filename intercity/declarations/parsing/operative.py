"""Reads the operative part of a declaration: numbered clauses, sub-items, closing remarks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intercity.declarations.parsing.blocks import is_cjk, nesting_depth
from intercity.declarations.parsing.lexicon import (
    CLOSING_LEAD_RE,
    RESOLUTION_VERB_RE,
    RESOLVED_CLAUSE_RE,
)
from intercity.declarations.parsing.markers import (
    ARTICLE,
    BULLET,
    LARGEST_FREE_NUMBER,
    LOWER_LETTER,
    LOWER_ROMAN,
    UPPER_LETTER,
    UPPER_ROMAN,
    ListMarker,
    read_continued_article,
    read_continued_number,
    read_marker,
    read_ordinal_word,
)
from intercity.declarations.parsing.numbering import (
    number_clauses_in_order,
    qualified_number,
    section_labels,
    split_lost_numbers,
)
from intercity.declarations.parsing.parts import (
    ends_statement,
    heads_new_section,
    is_section_heading,
    leading_headings,
    restarts,
    signed_on,
    trailing_closing,
)
from intercity.declarations.parsing.result import Clause, SubItem

_TERMINAL_PUNCTUATION = ".;!?。；！？"
# The first item of a list is numbered 1 (or a, i, I); a list starting at 40 is prose.
_FIRST_ITEM_MAX = 3
# A jump this large between clause numbers means the number is not a clause number.
_MAX_NUMBER_JUMP = 5
_RESOLVED = ("resolved", "resolved")
# The characters blocks.is_cjk accepts.
_CJK_CHARACTER_RE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


@dataclass
class OperativePart:
    """The clauses read from the operative zone, what follows them, and what precedes them."""

    clauses: list[Clause]
    closing: list[str]
    intro_prose: list[str]


@dataclass
class _ClauseDraft:
    number: str | None
    value: int
    intro_parts: list[str]
    subitems: list[SubItem] = field(default_factory=list)
    tail_parts: list[str] = field(default_factory=list)
    # Which section of a text whose numbering starts again in each: 0, 1, …
    section: int = 0

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
            # An item whose marker stood alone on its line ("(h)") takes the next paragraph.
            if (
                not last.text
                or last.text[-1] not in _TERMINAL_PUNCTUATION
                or paragraph[:1].islower()
            ):
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


def _script_family(text: str) -> str:
    sample = text[:200]
    # Counted by pattern: asked for every paragraph of a long list of articles, a loop over
    # the characters took most of the time of a 2 MB text.
    cjk = len(_CJK_CHARACTER_RE.findall(sample))
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return "none"
    return "cjk" if cjk * 3 >= letters else "other"


class OperativeReader:
    """Turns the paragraphs after the operative marker into clauses, noting problems."""

    def __init__(
        self, warnings: list[str], *, ordinal_words: bool = False, resolution_verbs: bool = False
    ) -> None:
        self.warnings = warnings
        self.ordinal_words = ordinal_words
        self.resolution_verbs = resolution_verbs

    def _opens_unnumbered_clause(self, block: str) -> bool:
        """ "BE IT RESOLVED", or in a resolution a paragraph opening with "Decides", "Urges"."""
        if RESOLVED_CLAUSE_RE.match(block):
            return True
        return self.resolution_verbs and RESOLUTION_VERB_RE.match(block) is not None

    def marker(
        self, block: str, last_value: int = 0, top_style: tuple[str, str] | None = None
    ) -> ListMarker | None:
        marker = read_marker(block)
        if marker is None and self.ordinal_words:
            return read_ordinal_word(block)
        if marker is None and top_style is not None and top_style[0] == ARTICLE:
            # "弟23条" between 第22条 and 第24条: a heading whose first character was mistyped.
            return read_continued_article(block, last_value + 1)
        if marker is None and last_value >= LARGEST_FREE_NUMBER:
            # Past 500 a number is a clause number only where it continues the list.
            return read_continued_number(block, last_value + 1)
        return marker

    def read(self, zone: list[str]) -> OperativePart:
        drafts: list[_ClauseDraft] = []
        closing: list[str] = []
        top_style: tuple[str, str] | None = None
        sub_style: tuple[str, str] | None = None
        prose: list[str] = []
        last_value = 0
        last_sub_value = 0
        in_closing = False
        # One heading per section (None for a section without one), and the heading lines
        # read before the first clause of the next section.
        headings: list[str | None] = [None]
        pending: list[str] = []

        for index, block in enumerate(zone):
            if (
                drafts
                and top_style not in (None, _RESOLVED)
                and heads_new_section(zone, index, top_style)
            ):
                pending.append(block)
                continue
            if self._opens_unnumbered_clause(block) and top_style in (None, _RESOLVED):
                top_style = _RESOLVED
                drafts[-1:] = self._reattach(drafts[-1:], closing)
                in_closing = False
                drafts.append(_ClauseDraft(None, len(drafts) + 1, [block]))
                sub_style, last_sub_value = None, 0
                continue
            marker = self.marker(block, last_value, top_style)
            if marker is not None and nesting_depth(block) and drafts and not in_closing:
                # An item indented under a clause belongs to it, however it is numbered.
                if nesting_depth(block) == 1:
                    kind = self._sub_kind(marker, sub_style, last_sub_value)
                    sub_style, last_sub_value = marker.style(kind), marker.value_for(kind)
                    drafts[-1].subitems.append(SubItem(marker.label, marker.rest))
                else:
                    label = f"{marker.label}. " if marker.label else "- "
                    self._append_to_last(drafts[-1], label + marker.rest, force=True)
                continue
            if marker is not None:
                kind, level = self._classify(
                    marker, top_style, sub_style, last_value, last_sub_value
                )
                if level == 0 and top_style is None and not plausible_first(marker):
                    level = -1
                if level == 0:
                    style = marker.style(kind)
                    value = marker.value_for(kind)
                    numbered = top_style is not None and kind not in (BULLET, ARTICLE)
                    if numbered and self._merge_translation(drafts, marker, kind, block):
                        continue
                    # Numbering that starts again under a heading, or after more than one
                    # clause, opens a section.
                    opens_section = (
                        top_style is not None
                        and restarts((kind,), (value,), marker.fmt, top_style)
                        and bool(pending or last_value > 1)
                    )
                    if opens_section:
                        headings.append(" ".join(pending) or None)
                        pending.clear()
                    if numbered:
                        repeated = bool(drafts) and marker.label == drafts[-1].number
                        repeated = repeated or (opens_section and bool(headings[-1]))
                        if value != last_value + 1 and kind != "decimal" and not repeated:
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
                    rest = [marker.rest] if marker.rest else []
                    section = len(headings) - 1
                    drafts.append(_ClauseDraft(marker.label, value, rest, section=section))
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

        intro_prose: list[str] = []
        if len(headings) > 1 and leading_headings(prose):
            # The first section's heading stands before its first clause.
            count = leading_headings(prose)
            headings[0] = " ".join(prose[-count:])
            prose = prose[:-count]
        if not drafts and prose:
            drafts, closing = self._prose_clauses(prose)
        elif prose and top_style is not None and top_style[0] == BULLET:
            # Before a list of unnumbered items, a paragraph that says something (rather than
            # announcing the list with a colon) is an unnumbered clause too.
            leading = [
                _ClauseDraft(None, 0, [paragraph])
                for paragraph in prose
                if paragraph.rstrip()[-1:] not in ":：" and not is_section_heading(paragraph)
            ]
            intro_prose = [paragraph for paragraph in prose if paragraph.rstrip()[-1:] in ":："]
            drafts[:0] = leading
        elif prose:
            # Paragraphs between the marker and the first clause belong to the lead-in,
            # e.g. its translation in a bilingual text.
            intro_prose = prose
        if self._number_sections(drafts, headings):
            self.warnings.append("clause numbering repeats a number: clauses numbered in order")
        clauses = split_lost_numbers([draft.build() for draft in drafts])
        has_numbers = any(clause.number for clause in clauses)
        # Bullets and "BE IT RESOLVED" paragraphs are clauses that simply carry no number.
        unnumbered_list = top_style is not None and (
            top_style == _RESOLVED or top_style[0] == BULLET
        )
        if not has_numbers and not unnumbered_list:
            self.warnings.append("no numbered clauses found")
        return OperativePart(clauses, closing, intro_prose)

    def read_statement(self, zone: list[str]) -> OperativePart:
        """A statement without numbering: every paragraph is a clause, headings are not,
        bullets after a paragraph ending with a colon are its sub-items, and a dateline or
        a signature ends the text."""
        drafts: list[_ClauseDraft] = []
        closing: list[str] = []
        trailing = trailing_closing(zone)
        previous_bullet = False
        for index, block in enumerate(zone):
            if closing or index >= trailing or ends_statement(block):
                closing.append(block)
                continue
            marker = read_marker(block)
            if marker is not None and marker.rest:
                last = drafts[-1] if drafts else None
                announces = last is not None and last.last_text().rstrip().endswith((":", "："))
                if last is not None and (
                    (announces and not last.subitems)
                    or (last.subitems and previous_bullet)
                    or nesting_depth(block)
                ):
                    last.subitems.append(SubItem(marker.label, marker.rest))
                else:
                    drafts.append(_ClauseDraft(marker.label, len(drafts) + 1, [marker.rest]))
                previous_bullet = True
                continue
            previous_bullet = False
            if is_section_heading(block) and index + 1 < len(zone):
                continue
            drafts.append(_ClauseDraft(None, len(drafts) + 1, [block]))
        number_clauses_in_order(drafts)
        return OperativePart([draft.build() for draft in drafts], closing, [])

    @staticmethod
    def _number_sections(drafts: list[_ClauseDraft], headings: list[str | None]) -> bool:
        """Number each section's clauses in order; in a text of several sections, qualify the
        numbers by the section ("II.1"). Whether a clause number repeated within a section."""
        repeated = False
        for section in range(len(headings)):
            members = [draft for draft in drafts if draft.section == section]
            repeated = number_clauses_in_order(members) or repeated
        if len(headings) > 1:
            labels = section_labels(headings)
            for draft in drafts:
                draft.number = qualified_number(labels[draft.section], draft.number)
        return repeated

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
    def _sub_kind(
        marker: ListMarker, sub_style: tuple[str, str] | None, last_sub_value: int
    ) -> str:
        """The kind of a nested item's marker: the one that continues the sub-items before it."""
        for kind in marker.kinds:
            if marker.style(kind) == sub_style and marker.value_for(kind) == last_sub_value + 1:
                return kind
        return default_kind(marker)

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
        kind = default_kind(marker)
        if top_style is None:
            return kind, 0
        if sub_style is None:
            return kind, 1
        return kind, 2

    @staticmethod
    def _continues(draft: _ClauseDraft, block: str, top_style: tuple[str, str] | None) -> bool:
        """Whether an unmarked paragraph after a clause carries on that clause."""
        if CLOSING_LEAD_RE.match(block) or signed_on(block):
            return False
        last_text = draft.last_text().rstrip()
        # A paragraph in another script right after a clause is its translation.
        block_family, last_family = _script_family(block), _script_family(last_text)
        if "none" not in (block_family, last_family) and block_family != last_family:
            return True
        if not last_text or last_text[-1] not in _TERMINAL_PUNCTUATION:
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


def default_kind(marker: ListMarker) -> str:
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


def plausible_first(marker: ListMarker) -> bool:
    """Whether a marker could open a list: 1, a, i, I or a bullet, not 18 or z."""
    kind = default_kind(marker)
    if kind in (BULLET, "decimal"):
        return True
    return marker.value_for(kind) <= _FIRST_ITEM_MAX
