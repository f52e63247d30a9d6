"""The import preview: what the parser found, and which fields a reviewer should check."""

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
        "preamble": [_lead_apart(paragraph) for paragraph in parsed["preamble"]],
        "form": form,
        "drafts": drafts,
        "to_check": to_check,
        "check_reasons": check_reasons,
    }


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
