"""Numbers clauses so that each has a number of its own, as a reader tells them apart.

Markdown's auto-numbered lists and word-processor exports print every item as "1."; a reader
sees 1, 2, 3. Each such item takes the number after the one before, so that clauses keep
references and anchors of their own; numbering that does not repeat stays as printed.

A text in parts whose numbering starts again in each ("Part I" 1, 2, 3; "Part II" 1, 2, 3)
has its clause numbers qualified by their part: "I.1" … "II.3".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from intercity.declarations.parsing.markers import kanji_value, roman_value
from intercity.declarations.parsing.result import Clause

# The number or letter a section heading gives itself, after at most one word ("Part II",
# "Section 2", "Annex A", "Phần I", "Раздел 2", "ส่วนที่ 1"), or in the CJK way ("第二部分",
# "제2장").
_SECTION_LABEL_RE = re.compile(
    r"^(?:\S+\s*)??(?P<label>\d{1,3}|[IVXLC]{1,6}|[A-Z])(?=$|[\s.:)\-–—,])"
)
_CJK_SECTION_LABEL_RE = re.compile(
    r"^[第제]\s*(?P<label>\d{1,3}|[一二三四五六七八九十]{1,3})\s*[部章節节編编篇장부절편]"
)
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def numbered_in_order(numbers: Sequence[str | None]) -> list[str | None]:
    """The numbers with each repeat replaced by the next number: 1, 1, 1 → 1, 2, 3.

    A list that once repeated a number stays shifted while it goes on counting (1, 2, 2, 3 →
    1, 2, 3, 4); a jump or a restart (1, 2, 3, 1, 2 under new headings) is real numbering and
    is kept. Labels that are not decimal numbers ("a", "IV", "第3条") are kept and break a run.
    """
    result: list[str | None] = []
    shift = 0
    previous: int | None = None
    for number in numbers:
        if not (number and number.isascii() and number.isdigit()):
            result.append(number)
            previous, shift = None, 0
            continue
        value = int(number)
        if previous is not None and value == previous:
            shift += 1
        elif previous is None or value != previous + 1:
            shift = 0
        previous = value
        result.append(str(value + shift) if shift else number)
    return result


def repeats_a_number(numbers: Sequence[str | None]) -> bool:
    """Whether some decimal number follows itself, as in an auto-numbered list."""
    return any(
        first and first == second and first.isascii() and first.isdigit()
        for first, second in zip(numbers, numbers[1:], strict=False)
    )


def number_clauses_in_order(clauses: Sequence[Any]) -> bool:
    """Number in order the clauses (anything with ``number`` and ``subitems`` with ``label``)
    and each clause's sub-items; whether a clause number repeated."""
    numbers = [clause.number for clause in clauses]
    for clause, number in zip(clauses, numbered_in_order(numbers), strict=True):
        clause.number = number
        labels = numbered_in_order([item.label for item in clause.subitems])
        for item, label in zip(clause.subitems, labels, strict=True):
            item.label = label
    return repeats_a_number(numbers)


def section_label(heading: str | None) -> str | None:
    """The number or letter a section heading gives itself: "II" for "Part II: Air", "2" for
    "第二部分"; None for a heading without one ("Climate Action")."""
    if not heading:
        return None
    heading = unicodedata.normalize("NFKC", heading).strip()
    cjk = _CJK_SECTION_LABEL_RE.match(heading)
    if cjk:
        label = cjk.group("label")
        return label if label.isdigit() else str(kanji_value(label) or "") or None
    match = _SECTION_LABEL_RE.match(heading)
    if match is None:
        return None
    label = match.group("label")
    if not label.isdigit():
        if len(label) > 1 and roman_value(label) is None:
            return None
        # "A New Agenda" opens with a word, not a letter: a label standing first is followed
        # by punctuation ("A. Water", "II: Air") or ends the heading.
        if match.start("label") == 0 and heading[len(label) : len(label) + 1].isspace():
            return None
    return label


def _roman(value: int) -> str:
    """Roman numerals up to 39 (a text of more sections is numbered in digits)."""
    out, rest = "", value
    for amount, letters in _ROMAN:
        count, rest = divmod(rest, amount)
        out += letters * count
    return out if value < 40 else str(value)


def section_labels(headings: Sequence[str | None]) -> list[str]:
    """A label for each section: the heading's own number or letter when every heading gives
    one of its own, else each section's place in Roman numerals ("II" for the second), so
    that labels never mix kinds or repeat."""
    own = [section_label(heading) for heading in headings]
    if all(own) and len(set(own)) == len(own):
        return [label for label in own if label]
    return [_roman(position) for position in range(1, len(headings) + 1)]


def qualified_number(label: str, number: str | None) -> str | None:
    """A clause number within its section: "II.1"."""
    return f"{label}.{number}" if number else None


def split_lost_numbers(clauses: list[Clause]) -> list[Clause]:
    """Recover a clause whose number lost its line break: when "27" is followed by "29", a
    "28." after a sentence end inside clause 27 starts clause 28."""
    result: list[Clause] = []
    for index, clause in enumerate(clauses):
        following = clauses[index + 1] if index + 1 < len(clauses) else None
        if (
            following is not None
            and clause.number
            and following.number
            and clause.number.isdigit()
            and following.number.isdigit()
            and int(following.number) == int(clause.number) + 2
            and not clause.subitems
        ):
            missing = str(int(clause.number) + 1)
            match = re.search(rf"(?<=[.;:])\s+{missing}\.\s+(?=[A-Z])", clause.text)
            if match:
                result.append(Clause(clause.number, clause.text[: match.start()].rstrip()))
                result.append(Clause(missing, clause.text[match.end() :].strip()))
                continue
        result.append(clause)
    return result
