"""Fields a reviewer should check: the ones that change when the text is given another way.

A field the parser read well does not depend on how the text happened to arrive: lines
wrapped as a PDF copy wraps them or joined into one line per paragraph, typographic or
straight quotes, one blank line between paragraphs or two. The text is read again in each
of those forms, and a field whose value differs between the readings is in doubt. Two
checks of consistency add to that: meeting dates that do not contain the adoption date, a
clause announcing a list that has no items, and declarations named in the text that the
parser did not list as references.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any

from intercity.declarations.parsing.cities import fold

# Longer texts are not read again: each reading costs a full parse.
REREAD_MAX_CHARS = 200_000
_WRAP_WIDTH = 72
_PAGE_PARAGRAPHS = 12
# A declaration is adopted during its meeting or after it, by a body that may meet weeks later
# (a General Assembly resolution endorsing a summit's declaration), never long after.
_ADOPTION_GRACE_DAYS = 92
_TYPOGRAPHY = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u00a0": " "}
)
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")
_NAMED_DECLARATION_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){1,6}Declaration\b(?:\s+(?:on|of|for)\s+(?:[A-Z][\w'’-]*\s*){1,6})?"
)


def _rewrapped(text: str) -> str:
    """Long lines cut at a fixed width, as a PDF copy hands them over; no line is joined."""
    lines = []
    for line in text.split("\n"):
        # Cutting a line keeps its indent, which nests a list item under the one before.
        indent = line[: len(line) - len(line.lstrip(" "))]
        words, current = line.lstrip(" ").split(" "), indent
        for word in words:
            if current.strip() and len(current) + 1 + len(word) > _WRAP_WIDTH:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current.strip() else current + word
        lines.append(current)
    return "\n".join(lines)


def _paged(text: str) -> str:
    """A page number line between paragraphs every so often, as a PDF's footer leaves it."""
    paragraphs = _PARAGRAPH_BREAK_RE.split(text)
    out = []
    for index, paragraph in enumerate(paragraphs, start=1):
        out.append(paragraph)
        if index % _PAGE_PARAGRAPHS == 0 and index < len(paragraphs):
            out.append(str(index // _PAGE_PARAGRAPHS + 1))
    return "\n\n".join(out)


def _typography(text: str) -> str:
    return text.translate(_TYPOGRAPHY)


def _spaced(text: str) -> str:
    return _PARAGRAPH_BREAK_RE.sub("\n\n\n", text)


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "wrapped": _rewrapped,
    "paged": _paged,
    "typography": _typography,
    "spacing": _spaced,
}


def _plain(text: str | None) -> str:
    return fold(text or "").translate(_TYPOGRAPHY)


def field_values(parsed: Mapping[str, Any]) -> dict[str, Any]:
    """Each scored field's value in a comparable form (typography aside)."""
    meeting = parsed["meeting"]
    clauses = parsed["clauses"]
    return {
        "title": _plain(parsed["title"]),
        "symbol": parsed["symbol"],
        "adopted_on": parsed["adopted_on"],
        "meeting name": _plain(meeting["name"]),
        "meeting ordinal": meeting["ordinal"],
        "meeting city": _plain(meeting["city"]),
        "meeting dates": (meeting["start_date"], meeting["end_date"]),
        "participants": tuple(sorted(_plain(name) for name in parsed["participants"])),
        "preamble count": len(parsed["preamble"]),
        "clause count": len(clauses),
        "numbering": tuple(clause["number"] for clause in clauses),
        "sub-items": sum(len(clause["subitems"]) for clause in clauses),
        "references": tuple(sorted(_plain(item["title"]) for item in parsed["references"])),
    }


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def consistency_doubts(parsed: Mapping[str, Any], text: str) -> dict[str, str]:
    """Fields whose values disagree with other facts of the same text."""
    doubts: dict[str, str] = {}
    adopted = _date(parsed["adopted_on"])
    start = _date(parsed["meeting"]["start_date"])
    end = _date(parsed["meeting"]["end_date"]) or start
    if adopted and start and end:
        last = end + datetime.timedelta(days=_ADOPTION_GRACE_DAYS)
        if not start <= adopted <= last:
            doubts["meeting dates"] = "dates disagree"
            doubts["adopted_on"] = "dates disagree"
    # A clause announcing a list (ending with a colon) with no items of its own: the items
    # may have been read as clauses of their own.
    if any(
        clause["text"].rstrip().endswith((":", "：")) and not clause["subitems"]
        for clause in parsed["clauses"]
    ):
        doubts["clause count"] = doubts["sub-items"] = "list read as clauses"
    own = fold(parsed["title"] or "")
    named = {
        fold(match.group(0).strip())
        for match in _NAMED_DECLARATION_RE.finditer(text[:REREAD_MAX_CHARS])
    }
    named = {name for name in named if name not in own and own not in name}
    found = [fold(item["title"]) for item in parsed["references"]]
    unlisted = [
        name for name in named if not any(name in title or title in name for title in found)
    ]
    if unlisted:
        doubts["references"] = "named but not listed"
    return doubts


def doubted_fields(
    text: str, parsed: Mapping[str, Any], reparse: Callable[[str], Mapping[str, Any]]
) -> dict[str, str]:
    """Fields in doubt, each with the reason: a form of the text it changed in, or a check."""
    doubts = consistency_doubts(parsed, text)
    if len(text) > REREAD_MAX_CHARS:
        return doubts
    values = field_values(parsed)
    for name, perturb in PERTURBATIONS.items():
        other = field_values(reparse(perturb(text)))
        for field, value in values.items():
            if other[field] != value:
                doubts.setdefault(field, f"changes when {name}")
    return doubts
