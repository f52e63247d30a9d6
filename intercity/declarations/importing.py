"""Importing a declaration's text: its record, structure and commitments in one transaction.

The parts of a declaration are many (a long one has hundreds of clauses and commitments), so
each kind is inserted together, with a few statements whatever their number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.core.audit import save_with_audit
from intercity.core.models import Theme
from intercity.core.services import bulk_create_with_audit, create_with_audit, require
from intercity.core.slugs import unique_slug
from intercity.declarations.deriving import bullet_places, derive_commitments
from intercity.declarations.matching import (
    all_names,
    cities_named,
    declaration_for_reference,
    declaration_parse,
    meeting_match,
    members_at,
    next_meeting_match,
    parsed_date,
)
from intercity.declarations.models import (
    Clause,
    Commitment,
    Declaration,
    DeclarationVersion,
    Initiative,
    Paragraph,
    Reference,
    SubItem,
)
from intercity.declarations.permissions import can_import_declaration
from intercity.meetings.models import Meeting
from intercity.programmes.models import Programme
from intercity.searchindex import indexing


def _slug_base(title: str, year) -> str:
    """The title with its year, unless the title already names it ("Tomsk Declaration 2014")."""
    if year and not re.search(rf"\b{year}\b", title):
        return f"{title} {year}"
    return title


@transaction.atomic
def declaration_import(
    *,
    actor: Any,
    text: str,
    meeting: Meeting | None = None,
    corrections: Mapping[str, Any] | None = None,
    source_document: str = "",
    is_demo: bool = False,
) -> Declaration:
    """Parse a declaration's text and store it with its structure and commitments.

    ``corrections`` overrides what the parser found: ``title``, ``adopted_on``, ``meeting``,
    ``language``, ``signatories`` (cities) and ``status``; an ``adopted_on`` or ``meeting`` of
    None means the declaration has no date or was adopted at no recorded meeting.
    All or nothing: a failure stores nothing.
    """
    if actor is not None:
        require(can_import_declaration(actor))
    corrections = dict(corrections or {})
    if not (text or "").strip():
        raise ValidationError({"original_text": _("The declaration's text is empty.")})
    parsed = declaration_parse(text).to_dict()
    # Every clause saved would re-index the whole declaration: index it once at the end.
    with indexing.batched():
        return _import_parsed(actor, text, parsed, meeting, corrections, source_document, is_demo)


def _import_parsed(actor, text, parsed, meeting, corrections, source_document, is_demo):
    if "meeting" in corrections:
        # The reviewer's meeting, or none when they cleared it: never one they removed.
        meeting = corrections["meeting"]
    else:
        meeting = meeting or meeting_match(parsed["meeting"])
    title = (corrections.get("title") or parsed["title"] or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the declaration a title.")})
    if "adopted_on" in corrections:
        # The reviewer's date, or none when they cleared it: never one they removed.
        adopted_on = corrections["adopted_on"] or None
    else:
        # The date the text gives for its own adoption wins over the last day of the meeting.
        adopted_on = parsed_date(parsed.get("adopted_on")) or parsed_date(
            parsed["meeting"]["end_date"]
        )
        if adopted_on is None and meeting is not None:
            adopted_on = meeting.end_date or meeting.start_date
    next_meeting = parsed["next_meeting"]
    year = adopted_on.year if adopted_on else ""
    declaration = create_with_audit(
        Declaration,
        {
            "slug": unique_slug(Declaration, _slug_base(title, year)),
            "title": title[:200],
            "status": corrections.get("status") or Declaration.Status.ADOPTED,
            "meeting": meeting,
            "adopted_on": adopted_on,
            "symbol": (corrections.get("symbol") or parsed.get("symbol") or "")[:80],
            "meeting_printed": {
                key: value for key, value in parsed["meeting"].items() if value is not None
            },
            "language": (corrections.get("language") or parsed["language"] or "")[:16],
            "original_text": text,
            "participants_printed": parsed["participants"],
            "operative_intro": (parsed["operative_intro"] or "")[:300],
            "next_meeting_city": (next_meeting["city"] or "")[:120],
            "next_meeting_year": next_meeting["year"],
            "next_meeting_ordinal": next_meeting["ordinal"],
            "next_meeting": next_meeting_match(next_meeting),
            "parse_confidence": parsed["confidence"],
            "parse_warnings": parsed["warnings"],
            "parse_field_confidence": parsed["field_confidence"],
            "source_document": source_document[:200],
            "is_demo": is_demo,
        },
        actor=actor,
        action="declarations.declaration.imported",
    )
    signatories = corrections.get("signatories")
    if signatories is None:
        signatories = cities_named(parsed["participants"])
    declaration.signatories.set(list(signatories))
    DeclarationVersion.objects.create(
        declaration=declaration,
        number=1,
        title=declaration.title,
        original_text=text,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    store_paragraphs(declaration, parsed, actor=actor, action="declarations.paragraph.imported")
    parts = _store_clauses(declaration, parsed["clauses"], actor=actor)
    initiatives = _store_initiatives_and_references(declaration, parsed, actor=actor)
    _store_commitments(declaration, parsed, parts, initiatives, actor=actor)
    _link_waiting_references(declaration)
    return declaration


def store_paragraphs(
    declaration: Declaration, parsed: Mapping[str, Any], *, actor, action: str
) -> list[Paragraph]:
    """The opening, preamble and closing paragraphs, numbered in the order of the text."""
    parts = [
        *((Paragraph.Part.OPENING, None, text) for text in parsed["opening"]),
        *((Paragraph.Part.PREAMBLE, p["lead"], p["text"]) for p in parsed["preamble"]),
        *((Paragraph.Part.CLOSING, None, text) for text in parsed["closing"]),
    ]
    rows = [
        {
            "declaration": declaration,
            "part": part,
            "position": position,
            "lead": (lead or "")[:120],
            "text": text,
        }
        for position, (part, lead, text) in enumerate(parts, start=1)
    ]
    return bulk_create_with_audit(Paragraph, rows, actor=actor, action=action)


def clause_fields(declaration: Declaration, position: int, clause: Mapping[str, Any]) -> dict:
    """The stored fields of a parsed operative clause at `position`."""
    return {
        "declaration": declaration,
        "position": position,
        "number": (clause.get("number") or "")[:20],
        "intro": clause.get("intro") or "",
        "text": clause.get("text") or "",
    }


def subitem_fields(
    clause: Clause, position: int, item: Mapping[str, Any], bullet: int | None = None
) -> dict:
    """The stored fields of a parsed sub-item at `position` in its clause, the `bullet`-th of
    its bullets when it has no label."""
    return {
        "clause": clause,
        "position": position,
        "label": (item.get("label") or "")[:20],
        "bullet": bullet,
        "text": item.get("text") or "",
    }


def with_bullet_places(clause: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], int | None]]:
    """A parsed clause's sub-items, each with its place among the clause's bullets."""
    items = clause.get("subitems") or []
    return list(zip(items, bullet_places(item.get("label") for item in items), strict=True))


def _store_clauses(
    declaration: Declaration, parsed_clauses: Sequence[Mapping[str, Any]], *, actor
) -> dict[tuple[int, int | None], Clause | SubItem]:
    """The operative clauses and their sub-items, by position: (3, None) is the third clause,
    (3, 2) its second sub-item."""
    clauses = bulk_create_with_audit(
        Clause,
        [
            clause_fields(declaration, position, clause)
            for position, clause in enumerate(parsed_clauses, start=1)
        ],
        actor=actor,
        action="declarations.clause.imported",
    )
    rows = [
        subitem_fields(row, position, item, bullet)
        for row, clause in zip(clauses, parsed_clauses, strict=True)
        for position, (item, bullet) in enumerate(with_bullet_places(clause), start=1)
    ]
    subitems = bulk_create_with_audit(
        SubItem, rows, actor=actor, action="declarations.subitem.imported"
    )
    parts: dict[tuple[int, int | None], Clause | SubItem] = {
        (clause.position, None): clause for clause in clauses
    }
    parts.update({(item.clause.position, item.position): item for item in subitems})
    return parts


def _store_initiatives_and_references(declaration, parsed, *, actor) -> dict[str, Programme | None]:
    """The initiatives launched and earlier declarations cited; the initiatives' programmes."""
    programmes = {p.name.casefold(): p for p in Programme.objects.all()}
    initiatives = bulk_create_with_audit(
        Initiative,
        [
            {
                "declaration": declaration,
                "position": index,
                "name": name[:200],
                "programme": programmes.get(name.casefold()),
            }
            for index, name in enumerate(parsed["initiatives"], start=1)
        ],
        actor=actor,
        action="declarations.initiative.imported",
    )
    bulk_create_with_audit(
        Reference,
        [
            {
                "declaration": declaration,
                "position": index,
                "title": ref["title"][:200],
                "year": ref["year"],
                "city": (ref["city"] or "")[:120],
                "target": declaration_for_reference(ref["title"], ref["year"], ref["city"]),
            }
            for index, ref in enumerate(parsed["references"], start=1)
        ],
        actor=actor,
        action="declarations.reference.imported",
    )
    return {initiative.name: initiative.programme for initiative in initiatives}


def _store_commitments(declaration, parsed, parts, initiatives, *, actor) -> list[Commitment]:
    """A commitment for each promise of the operative clauses, with the cities that carry it:
    those it names, else every member on the day of adoption."""
    members = members_at(declaration.adopted_on)
    theme_rows = {t.slug: t for t in Theme.objects.all()}
    drafts = derive_commitments(
        parsed["clauses"],
        known_cities=[name for city in members for name in all_names(city)],
        themes=[(t.slug, t.name) for t in theme_rows.values()],
        initiatives=list(initiatives),
    )
    rows, relations = [], []
    for position, draft in enumerate(drafts, start=1):
        named = cities_named(draft.named_cities, members)
        meetings = []
        if (
            declaration.next_meeting
            and declaration.next_meeting_city
            and (declaration.next_meeting_city.casefold() in draft.description.casefold())
        ):
            meetings.append(declaration.next_meeting)
        rows.append(
            {
                "declaration": declaration,
                "clause": parts[draft.clause_position, None],
                "subitem": (
                    parts[draft.clause_position, draft.subitem_position]
                    if draft.subitem_position is not None
                    else None
                ),
                "title": draft.title[:200],
                "description": draft.description,
                "position": position,
            }
        )
        relations.append(
            {
                "cities": named or members,
                "themes": [theme_rows[slug] for slug in draft.themes],
                "programmes": [initiatives[n] for n in draft.initiatives if initiatives.get(n)],
                "meetings": meetings,
            }
        )
    return bulk_create_with_audit(
        Commitment,
        rows,
        actor=actor,
        action="declarations.commitment.created",
        relations=relations,
    )


def _link_waiting_references(declaration: Declaration) -> None:
    """Placeholders in earlier imports that name this declaration now point to it."""
    waiting = Reference.objects.filter(target__isnull=True).exclude(declaration=declaration)
    for ref in waiting.filter(title__iexact=declaration.title):
        ref.target = declaration
        save_with_audit(ref, actor=None, action="declarations.reference.linked")
    if declaration.adopted_on and declaration.meeting_id:
        city = declaration.meeting.host_city.name if declaration.meeting.host_city_id else None
        if city:
            for ref in waiting.filter(year=declaration.adopted_on.year, city__iexact=city):
                if ref.target_id is None:
                    ref.target = declaration
                    save_with_audit(ref, actor=None, action="declarations.reference.linked")
