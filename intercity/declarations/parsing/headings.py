"""Tells heading lines from text, and splits a heading into the title and the network."""

import re

from intercity.declarations.parsing.lexicon import (
    NETWORK_KEYWORD_RE,
    PREAMBLE_LEAD_RE,
    TITLE_KEYWORD_RE,
)
from intercity.declarations.parsing.markers import read_marker

# A heading is a short line that does not end like a sentence.
_HEADING_MAX_LENGTH = 160
_TITLE_MAX_LENGTH = 300
_SENTENCE_END = ".;!?。；！？"


def is_heading(block: str) -> bool:
    # A long title ("Joint Declaration by the Prime Minister of … on the outcomes of …") is
    # still a heading when it names a kind of document.
    limit = _TITLE_MAX_LENGTH if TITLE_KEYWORD_RE.search(block[:80]) else _HEADING_MAX_LENGTH
    return (
        len(block) <= limit
        and block[-1:] not in _SENTENCE_END + ",:"
        and read_marker(block) is None
        # "Promoting Inclusive Economic Growth" opens like a preamble paragraph but is
        # capitalised like a heading.
        and (PREAMBLE_LEAD_RE.match(block) is None or title_case(block))
    )


def title_case(block: str) -> bool:
    """Whether most words of four letters or more start with a capital, as in a heading."""
    words = [word for word in re.findall(r"[^\W\d_][\w\-’']*", block) if len(word) >= 4]
    if len(words) < 3:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= 0.75 * len(words)


def split_title_heading(heading: str) -> tuple[str | None, str | None]:
    """Title and network from a heading that runs both together, as a one-line text does."""
    keyword = TITLE_KEYWORD_RE.search(heading)
    if keyword is None:
        return None, None
    start = keyword.start()
    # A keyword glued to the word before it ("東京宣言", the Tokyo Declaration) takes it along.
    while start > 0 and not heading[start - 1].isspace():
        start -= 1
    before = heading[:start]
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
    title_start = before.rfind(kept[0]) if kept else start
    title = heading[title_start:].strip()
    network = heading[:title_start].strip()
    if not NETWORK_KEYWORD_RE.search(network) and not re.search(r"\([A-Z0-9]{2,}\)", network):
        return heading.strip(), None
    return title, network or None
