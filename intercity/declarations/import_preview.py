"""The import preview: what the parser found, and which fields a reviewer should check."""

import datetime
import re

from django.utils.translation import gettext_lazy

from intercity.declarations.deriving import derive_commitments
from intercity.declarations.matching import (
    all_names,
    cities_named,
    declaration_parse,
    meeting_match,
    members_at,
)
from intercity.declarations.models import Declaration
from intercity.declarations.parsing.confidence import row_doubts, rows_to_check


def preview_context(text: str, form) -> dict:
    """What the preview page shows: the parse, the derived commitments, the rows to check."""
    parsed = declaration_parse(text).to_dict()
    members = members_at(None)
    drafts = derive_commitments(
        parsed["clauses"], known_cities=[name for city in members for name in all_names(city)]
    )
    # Rows whose fields the parser found by rules that were often wrong on labelled texts.
    to_check = rows_to_check(parsed["field_confidence"])
    check_reasons = {
        row: DOUBT_MESSAGES.get(reason, "")
        for row, reason in row_doubts(parsed["doubts"]).items()
        if row in to_check
    }
    return {
        "parsed": parsed,
        "warnings": [warning_sentence(warning) for warning in parsed["warnings"]],
        # The parser gives dates as ISO text; the page writes them as the reader does.
        "dates": {
            "adopted_on": _date(parsed["adopted_on"]),
            "start": _date(parsed["meeting"]["start_date"]),
            "end": _date(parsed["meeting"]["end_date"]),
        },
        "preamble": [_lead_apart(paragraph) for paragraph in parsed["preamble"]],
        "form": form,
        "drafts": drafts,
        "to_check": to_check,
        "check_reasons": check_reasons,
    }


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _lead_apart(paragraph: dict) -> dict:
    """A preamble paragraph's lead phrase and the text after it, as the declaration page sets
    them apart."""
    lead, text = paragraph["lead"] or "", paragraph["text"]
    if lead and text.startswith(lead):
        return {"lead": lead, "rest": text[len(lead) :]}
    return {"lead": "", "rest": text}


# Why a field is in doubt, as the reviewer reads it (see parsing/doubts.py).
DOUBT_MESSAGES = {
    "changes when wrapped": gettext_lazy(
        "Read differently when the lines are wrapped as in a PDF copy."
    ),
    "changes when paged": gettext_lazy(
        "Read differently when page numbers sit between paragraphs."
    ),
    "changes when typography": gettext_lazy("Read differently with straight quotes and dashes."),
    "changes when spacing": gettext_lazy("Read differently with more space between paragraphs."),
    "dates disagree": gettext_lazy(
        "The meeting's dates and the adoption date do not fit together."
    ),
    "list read as clauses": gettext_lazy(
        "A clause announces a list that has no items: they may have been read as clauses."
    ),
    "named but not listed": gettext_lazy(
        "The text names declarations that are not listed as references."
    ),
}


# The parser's warnings (see parsing/document.py, parsing/operative.py) are stable English
# notes, also stored with the declaration; the reviewer reads them as sentences in their
# language. Each pattern names its parts, which go into the sentence unchanged.
WARNING_MESSAGES = [
    (r"empty text", gettext_lazy("The text is empty.")),
    (r"no numbered clauses found", gettext_lazy("No numbered clauses were found.")),
    (r"no operative part found", gettext_lazy("No operative part was found.")),
    (
        r"no operative marker found; operative part starts at first item",
        gettext_lazy(
            "No words such as “declare” or “agree” open the operative part: "
            "it is taken to start at the first numbered item."
        ),
    ),
    (
        r"no operative marker found; paragraphs after the opening are clauses",
        gettext_lazy(
            "No words such as “declare” or “agree” open the operative part: "
            "the paragraphs after the opening are taken as clauses."
        ),
    ),
    (r"no title found", gettext_lazy("No title was found.")),
    (r"no meeting date found", gettext_lazy("No meeting date was found.")),
    (r"no participants found", gettext_lazy("No participating cities were found.")),
    (
        r"participant not among known cities: (?P<name>.+)",
        gettext_lazy("%(name)s is named as a participant but is not a member city."),
    ),
    (
        r"clause numbering out of sequence: (?P<number>\S+) after (?P<previous>\S+)",
        gettext_lazy("Clause %(number)s comes after clause %(previous)s, out of order."),
    ),
    (
        r"clause numbering skips from (?P<previous>\S+) to (?P<number>\S+)",
        gettext_lazy("The clause numbers jump from %(previous)s to %(number)s."),
    ),
    (
        r"clause numbering repeats a number: clauses numbered in order",
        gettext_lazy("A clause number repeats: the clauses are numbered in order."),
    ),
    (
        r"internal parser error: .+",
        gettext_lazy("The importer failed on this text: enter the fields by hand."),
    ),
]


def warning_sentence(warning: str) -> str:
    """A parser warning as a sentence in the reader's language; an unknown one as written."""
    for pattern, message in WARNING_MESSAGES:
        match = re.fullmatch(pattern, warning)
        if match:
            parts = match.groupdict()
            return str(message) % parts if parts else str(message)
    return warning


def initial_from(text: str, meeting) -> dict:
    """The confirm form's first values, from what the parser found."""
    parsed = declaration_parse(text).to_dict()
    meeting = meeting or meeting_match(parsed["meeting"])
    adopted_on = (
        parsed["adopted_on"]
        or parsed["meeting"]["end_date"]
        or ((meeting.end_date or meeting.start_date) if meeting else None)
    )
    return {
        "text": text,
        "title": parsed["title"] or "",
        "meeting": meeting,
        "adopted_on": adopted_on,
        "symbol": parsed["symbol"] or "",
        "language": parsed["language"] or "",
        "signatories": cities_named(parsed["participants"]),
        "status": Declaration.Status.ADOPTED,
    }
