"""What a single paragraph of a declaration is, and the parser's input made safe to read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from intercity.declarations.parsing.headings import is_heading
from intercity.declarations.parsing.lexicon import OPERATIVE_MARKER_RES, TITLE_KEYWORD_RE

# The announcement of the operative part is a short paragraph, or one that ends with a colon.
_MARKER_BLOCK_MAX = 200
_MARKER_SEARCH_LENGTH = 50_000


def operative_marker(block: str) -> re.Match[str] | None:
    """The phrase announcing the operative part ("We hereby declare:"), when the paragraph is
    that announcement rather than a long paragraph that happens to contain "we agree to"."""
    head = block[:_MARKER_SEARCH_LENGTH]
    for pattern in OPERATIVE_MARKER_RES:
        match = pattern.search(head)
        if match and (len(block) <= _MARKER_BLOCK_MAX or block.rstrip()[-1:] in ":："):
            return match
    return None


def names_document(block: str) -> bool:
    """Whether a block is a heading that names a kind of document: a title."""
    return is_heading(block) and TITLE_KEYWORD_RE.search(block) is not None


def introduces_recitals(paragraph: str, lead: re.Match[str]) -> bool:
    """Whether a paragraph is only a lead phrase and a colon ("Với nhận thức rằng:"), which
    leads the recitals that follow it."""
    rest = paragraph[lead.end() :].strip()
    return rest in (":", "：") or (not rest and paragraph.rstrip()[-1:] in ":：")


def safe_iterable(known_cities: Iterable[str]) -> list[str]:
    if isinstance(known_cities, str):
        return [known_cities]
    try:
        return [name for name in known_cities if isinstance(name, str)]
    except TypeError:
        return []


def coerce_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray):
        return bytes(text).decode("utf-8", errors="replace")
    return "" if text is None else str(text)
