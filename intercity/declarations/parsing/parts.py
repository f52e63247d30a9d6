"""Tells the parts of an operative text apart: section headings, the sections whose clause
numbering starts again ("Part I" 1, 2, 3; "Part II" 1, 2, 3), and the lines that close it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from intercity.declarations.parsing.dates import find_date_ranges
from intercity.declarations.parsing.headings import title_case
from intercity.declarations.parsing.lexicon import CLOSING_LEAD_RE
from intercity.declarations.parsing.markers import BULLET, read_marker
from intercity.declarations.parsing.member_lexicon import MEMBER_ADOPTION_RE

_HEADING_MAX = 120
_LONG_HEADING_MAX = 200
_SECTION_END = ".;!?。；！？,:"
# How many heading lines may stand between a section's last clause and the next one's first.
_HEADING_LINES_MAX = 3
# A page number left by a PDF copy ("3", "Page 3 of 10") stands between clauses like a heading.
_PAGE_NUMBER_RE = re.compile(r"(?:page|p\.)?\s*\d+(?:\s*(?:of|/)\s*\d+)?", re.IGNORECASE)
_SIGNED_LINE_MAX = 120
_SIGNED_RE = re.compile(
    r"^(?:Signed|Done|Adopted|In\s+witness|Witnessed|Geschehen|Fait|Hecho|Làm\s+tại)\b",
    re.IGNORECASE,
)


def is_section_heading(block: str) -> bool:
    """A short line that does not end like a sentence: "THE ALLIANCE", "Climate Action".

    A heading wrapped over two lines is longer, and capitalised like a title.
    """
    if block[-1:] in _SECTION_END:
        return False
    return len(block) <= _HEADING_MAX or (len(block) <= _LONG_HEADING_MAX and title_case(block))


def heads_new_section(zone: Sequence[str], index: int, top_style: tuple[str, str]) -> bool:
    """Whether zone[index] is the heading of a section whose clauses are numbered from the
    start again: a heading line (perhaps one of a few) followed by clause number 1."""
    block = zone[index]
    if (
        read_marker(block) is not None
        or not is_section_heading(block)
        or _PAGE_NUMBER_RE.fullmatch(block)
        or not any(ch.isalpha() for ch in block)
    ):
        return False
    for following in zone[index + 1 : index + 1 + _HEADING_LINES_MAX]:
        marker = read_marker(following)
        if marker is None:
            if is_section_heading(following):
                continue
            return False
        return restarts(marker.kinds, marker.values, marker.fmt, top_style)
    return False


def restarts(
    kinds: Sequence[str], values: Sequence[int], fmt: str, top_style: tuple[str, str]
) -> bool:
    """Whether a marker numbers the first clause of a list styled like the clauses so far."""
    return any(
        (kind, fmt) == top_style and value == 1 and kind != BULLET
        for kind, value in zip(kinds, values, strict=True)
    )


def leading_headings(prose: Sequence[str]) -> int:
    """How many of the paragraphs before the first clause are its section's heading lines."""
    count = 0
    while (
        count < min(len(prose), _HEADING_LINES_MAX)
        and read_marker(prose[-1 - count]) is None
        and is_section_heading(prose[-1 - count])
    ):
        count += 1
    return count


def signed_on(block: str) -> bool:
    """A short line saying where and when the text was signed, in a member language that
    may put the verb last: "2024년 3월 5일 서울에서 서명하였다.", "二〇二四年三月五日于北京签署"."""
    return (
        len(block) <= _SIGNED_LINE_MAX
        and MEMBER_ADOPTION_RE.search(block) is not None
        and bool(find_date_ranges(block))
    )


def ends_statement(block: str) -> bool:
    """A dateline or a signature line, after which only names and dates follow."""
    if _SIGNED_RE.match(block):
        return True
    if len(block) > 40 or not any(ch.isdigit() for ch in block):
        return False
    found = find_date_ranges(block)
    return len(found) == 1 and len(block.replace(",", " ").split()) <= 4


def trailing_closing(zone: list[str]) -> int:
    """Where the run of closing remarks ("We thank …", "Finally, …") at the end begins."""
    start = len(zone)
    while start > 1 and CLOSING_LEAD_RE.match(zone[start - 1]):
        start -= 1
    return start
