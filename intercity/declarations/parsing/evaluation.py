"""Scores the parser's output against facts labelled by hand, field by field (exact match).

A label file holds, per text, the facts a reader finds in it; the rules used when labelling:
- ``title``: the document's own title as printed (a resolution's title without its number);
- ``symbol``: the document symbol (A/RES/74/212) or null;
- ``adopted_on``: the date of adoption or issue the text states, else null;
- ``meeting``: the gathering the text comes from: name as printed (compared without its
  ordinal), ordinal, city, first and last day; a General Assembly resolution's meeting is
  its session, and an annexed declaration's meeting is the one whose participants
  "gathered" to adopt it;
- ``participants``: who adopts or signs (states, organisations, the General Assembly);
  ``A|B`` lists spellings of one participant that are equally right;
- ``preamble``: paragraphs before the operative part that open with a lead phrase;
- ``clauses``: top-level operative paragraphs: numbered paragraphs, ordinal-word sections
  ("First, ... Second, ..."), or else every body paragraph after the opening one; section
  headings, signature blocks and dates are not clauses; bullets after a paragraph that ends
  with a colon are its sub-items;
- ``numbering``: printed clause numbers, as runs: "1-19", "1*9" (nine clauses all printed
  "1."), "" when unnumbered;
- ``subitems``: lettered or bulleted items under clauses, counted over the whole text;
- ``references``: earlier declarations named in the text (a distinctive part of each name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from intercity.declarations.parsing.cities import fold
from intercity.declarations.parsing.lexicon import ENGLISH_ORDINAL_WORDS
from intercity.declarations.parsing.markers import numeral_value

FIELDS = (
    "title",
    "symbol",
    "adopted_on",
    "meeting name",
    "meeting ordinal",
    "meeting city",
    "meeting dates",
    "participants",
    "preamble count",
    "clause count",
    "numbering",
    "sub-items",
    "references",
)

_LEADING_ARTICLE_RE = re.compile(r"^the\s+")


def _name(text: str | None) -> str:
    return _LEADING_ARTICLE_RE.sub("", fold(text or "").strip(" .,;:"))


_ORDINAL_PREFIX_RE = re.compile(
    r"^(?:(?P<digits>\d{1,3})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted((re.escape(word) for word in ENGLISH_ORDINAL_WORDS), key=len, reverse=True))
    + r")(?:-ever)?)\s+"
)


def _meeting_name(text: str | None) -> tuple[int | None, str]:
    """A meeting's ordinal, if its name starts with one, and the name without it."""
    name = _name(text)
    match = _ORDINAL_PREFIX_RE.match(name)
    if match is None:
        return None, name
    ordinal = (
        int(match.group("digits"))
        if match.group("digits")
        else ENGLISH_ORDINAL_WORDS[match.group("word")]
    )
    return ordinal, name[match.end() :]


def _same_meeting_name(found: str, labelled: str) -> bool:
    """Equal names, the one with an ordinal and the other without it counting as equal."""
    found_ordinal, found_name = _meeting_name(found)
    for spelling in labelled.split("|"):
        ordinal, name = _meeting_name(spelling)
        if (
            name == found_name
            and None in (ordinal, found_ordinal)
            or (name == found_name and ordinal == found_ordinal)
        ):
            return True
    return False


def _alternatives(label: str) -> set[str]:
    return {_name(part) for part in label.split("|")}


def _city(text: str | None) -> str:
    return _name((text or "").split(",")[0])


def numbering_runs(numbers: Iterable[str | None]) -> str:
    """Clause numbers as printed, written as runs: "1-19", "1*9", "" when unnumbered.

    Numbers in other scripts and numeral systems count by their value: "第十二条" and
    "Арван хоёрдугаар зүйл" are 12."""
    values: list[int | str] = []
    for number in numbers:
        if number is None:
            continue
        value = numeral_value(number)
        values.append(number if value is None else value)
    runs: list[str] = []
    index = 0
    while index < len(values):
        value = values[index]
        end = index
        if isinstance(value, int):
            while end + 1 < len(values) and values[end + 1] == value:
                end += 1
            if end > index:
                runs.append(f"{value}*{end - index + 1}")
                index = end + 1
                continue
            while (
                end + 1 < len(values)
                and isinstance(values[end + 1], int)
                and values[end + 1] == values[end] + 1  # type: ignore[operator]
            ):
                end += 1
            runs.append(str(value) if end == index else f"{value}-{values[end]}")
        else:
            runs.append(str(value))
        index = end + 1
    return ",".join(runs)


def _participants_match(found: list[str], labelled: list[str]) -> bool:
    if len(found) != len(labelled):
        return False
    remaining = [_name(name) for name in found]
    for label in labelled:
        spellings = _alternatives(label)
        match = next((name for name in remaining if name in spellings), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def _references_match(found: list[Mapping[str, Any]], labelled: list[str]) -> bool:
    titles = [fold(item["title"]) for item in found if "declaration" in fold(item["title"])]
    wanted = [fold(label) for label in labelled]
    unmatched = list(titles)
    for label in wanted:
        match = next((title for title in unmatched if label in title or title in label), None)
        if match is None:
            return False
        unmatched.remove(match)
    return not unmatched


def field_results(parsed: Mapping[str, Any], label: Mapping[str, Any]) -> dict[str, bool]:
    """Whether each field of the parser's output (a to_dict()) matches the label exactly."""
    meeting, wanted = parsed["meeting"], label["meeting"]
    clauses = parsed["clauses"]
    subitems = sum(len(clause["subitems"]) for clause in clauses)
    name = wanted["name"]
    return {
        "title": fold(parsed["title"] or "") == fold(label["title"]),
        "symbol": parsed.get("symbol") == label["symbol"],
        "adopted_on": parsed.get("adopted_on") == label["adopted_on"],
        "meeting name": (
            meeting["name"] is None if name is None else _same_meeting_name(meeting["name"], name)
        ),
        "meeting ordinal": meeting["ordinal"] == wanted["ordinal"],
        "meeting city": (
            meeting["city"] is None
            if wanted["city"] is None
            else _city(meeting["city"]) in {_city(part) for part in wanted["city"].split("|")}
        ),
        "meeting dates": (meeting["start_date"], meeting["end_date"])
        == (wanted["start_date"], wanted["end_date"]),
        "participants": _participants_match(parsed["participants"], label["participants"]),
        "preamble count": len(parsed["preamble"]) == label["preamble"],
        "clause count": len(clauses) == label["clauses"],
        "numbering": numbering_runs(clause["number"] for clause in clauses) == label["numbering"],
        "sub-items": subitems == label["subitems"],
        "references": _references_match(parsed["references"], label["references"]),
    }


def shares(results: Iterable[Mapping[str, bool]]) -> dict[str, float]:
    """The share of texts whose field matched, per field."""
    rows = list(results)
    if not rows:
        return dict.fromkeys(FIELDS, 0.0)
    return {field: sum(1 for row in rows if row[field]) / len(rows) for field in FIELDS}
