"""Writes to declarations and their commitments: import, corrections, edits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.cities.models import City
from intercity.core.audit import save_with_audit
from intercity.core.models import Theme
from intercity.core.services import create_with_audit, require, save_changes, set_m2m
from intercity.core.slugs import unique_slug
from intercity.declarations.deriving import derive_commitments
from intercity.declarations.matching import (
    cities_named,
    declaration_for_reference,
    declaration_parse,
    meeting_match,
    members_at,
    next_meeting_match,
    parsed_date,
)
from intercity.declarations.models import (
    IMMUTABLE_FIELDS,
    Clause,
    Commitment,
    Declaration,
    DeclarationVersion,
    Initiative,
    Paragraph,
    Reference,
    SubItem,
)
from intercity.declarations.permissions import (
    can_correct_declaration,
    can_edit_commitment,
    can_edit_declaration,
    can_import_declaration,
)
from intercity.meetings.models import Meeting
from intercity.programmes.models import Programme
from intercity.searchindex import indexing

# Declarations ------------------------------------------------------------------------------


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

    ``corrections`` overrides what the parser found: ``title``, ``adopted_on``, ``language``,
    ``signatories`` (cities) and ``status``. All or nothing: a failure stores nothing.
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
    meeting = meeting or meeting_match(parsed["meeting"])
    title = (corrections.get("title") or parsed["title"] or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the declaration a title.")})
    # The date the text gives for its own adoption wins over the last day of the meeting.
    adopted_on = (
        corrections.get("adopted_on")
        or parsed_date(parsed.get("adopted_on"))
        or parsed_date(parsed["meeting"]["end_date"])
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
    _store_structure(declaration, parsed, actor=actor)
    _derive_commitments(declaration, parsed, actor=actor)
    _link_waiting_references(declaration)
    return declaration


def _store_structure(declaration: Declaration, parsed: Mapping[str, Any], *, actor) -> None:
    position = 0
    parts = [
        *((Paragraph.Part.OPENING, None, text) for text in parsed["opening"]),
        *((Paragraph.Part.PREAMBLE, p["lead"], p["text"]) for p in parsed["preamble"]),
        *((Paragraph.Part.CLOSING, None, text) for text in parsed["closing"]),
    ]
    for part, lead, text in parts:
        position += 1
        create_with_audit(
            Paragraph,
            {
                "declaration": declaration,
                "part": part,
                "position": position,
                "lead": (lead or "")[:120],
                "text": text,
            },
            actor=actor,
            action="declarations.paragraph.imported",
        )
    for clause_position, clause in enumerate(parsed["clauses"], start=1):
        _create_clause(declaration, clause_position, clause, actor=actor)
    programmes = {p.name.casefold(): p for p in Programme.objects.all()}
    for index, name in enumerate(parsed["initiatives"], start=1):
        create_with_audit(
            Initiative,
            {
                "declaration": declaration,
                "position": index,
                "name": name[:200],
                "programme": programmes.get(name.casefold()),
            },
            actor=actor,
            action="declarations.initiative.imported",
        )
    for index, ref in enumerate(parsed["references"], start=1):
        create_with_audit(
            Reference,
            {
                "declaration": declaration,
                "position": index,
                "title": ref["title"][:200],
                "year": ref["year"],
                "city": (ref["city"] or "")[:120],
                "target": declaration_for_reference(ref["title"], ref["year"], ref["city"]),
            },
            actor=actor,
            action="declarations.reference.imported",
        )


def _create_clause(declaration, position, clause: Mapping[str, Any], *, actor) -> Clause:
    row = create_with_audit(
        Clause,
        {
            "declaration": declaration,
            "position": position,
            "number": (clause.get("number") or "")[:20],
            "intro": clause.get("intro") or "",
            "text": clause.get("text") or "",
        },
        actor=actor,
        action="declarations.clause.imported",
    )
    for sub_position, item in enumerate(clause.get("subitems") or [], start=1):
        create_with_audit(
            SubItem,
            {
                "clause": row,
                "position": sub_position,
                "label": (item.get("label") or "")[:20],
                "text": item.get("text") or "",
            },
            actor=actor,
            action="declarations.subitem.imported",
        )
    return row


def _derive_commitments(declaration: Declaration, parsed: Mapping[str, Any], *, actor) -> None:
    members = members_at(declaration.adopted_on)
    themes = list(Theme.objects.values_list("slug", "name"))
    theme_rows = {t.slug: t for t in Theme.objects.all()}
    clauses = {c.position: c for c in declaration.clauses.prefetch_related("subitems")}
    initiatives = {i.name: i.programme for i in declaration.initiatives.select_related("programme")}
    drafts = derive_commitments(
        parsed["clauses"],
        known_cities=[c.name for c in members],
        themes=themes,
        initiatives=list(initiatives),
    )
    for position, draft in enumerate(drafts, start=1):
        clause = clauses[draft.clause_position]
        subitem = None
        if draft.subitem_position is not None:
            subitem = next(s for s in clause.subitems.all() if s.position == draft.subitem_position)
        named = cities_named(draft.named_cities)
        meetings = []
        if (
            declaration.next_meeting
            and declaration.next_meeting_city
            and (declaration.next_meeting_city.casefold() in draft.description.casefold())
        ):
            meetings.append(declaration.next_meeting)
        commitment_create(
            actor=actor,
            declaration=declaration,
            clause=clause,
            subitem=subitem,
            data={
                "title": draft.title[:200],
                "description": draft.description,
                "position": position,
            },
            cities=named or members,
            themes=[theme_rows[slug] for slug in draft.themes],
            programmes=[initiatives[n] for n in draft.initiatives if initiatives.get(n)],
            meetings=meetings,
            check=False,
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


@transaction.atomic
def declaration_update(
    *,
    actor: Any,
    declaration: Declaration,
    data: Mapping[str, Any],
    signatories: Iterable[City] | None = None,
) -> bool:
    """Change a declaration's record; an adopted declaration's text never changes here."""
    if actor is not None:
        require(can_edit_declaration(actor, declaration))
    if declaration.is_adopted:
        fresh = Declaration.objects.get(pk=declaration.pk)
        touched = [
            name for name in IMMUTABLE_FIELDS if name in data and getattr(fresh, name) != data[name]
        ]
        if touched:
            raise ValidationError(
                {
                    name: _(
                        "The text of an adopted declaration cannot change; record a correction."
                    )
                    for name in touched
                }
            )
    changed = bool(
        save_changes(declaration, data, actor=actor, action="declarations.declaration.updated")
    )
    if signatories is not None:
        changed |= set_m2m(
            declaration,
            "signatories",
            signatories,
            actor=actor,
            action="declarations.declaration.signatories_changed",
        )
    return changed


@transaction.atomic
def declaration_correct(
    *, actor: Any, declaration: Declaration, text: str, reason: str
) -> DeclarationVersion:
    """Record a corrected text as a new version; earlier versions stay as they were.

    Clauses and sub-items keep their identity by printed number, so commitments and the
    progress reported on them survive a correction.
    """
    if actor is not None:
        require(can_correct_declaration(actor, declaration))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the text is corrected.")})
    if not text.strip():
        raise ValidationError({"original_text": _("The declaration's text is empty.")})
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if text == declaration.original_text:
        raise ValidationError({"original_text": _("The corrected text is the same as before.")})
    parsed = declaration_parse(text).to_dict()
    number = declaration.version + 1
    version = DeclarationVersion.objects.create(
        declaration=declaration,
        number=number,
        title=declaration.title,
        original_text=text,
        reason=reason,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    declaration.original_text = text
    declaration.version = number
    declaration.parse_confidence = parsed["confidence"]
    declaration.parse_warnings = parsed["warnings"]
    save_with_audit(declaration, actor=actor, action="declarations.declaration.corrected")
    declaration.paragraphs.all().delete()
    existing = {c.number or str(c.position): c for c in declaration.clauses.all()}
    position_offset = len(existing)
    _store_paragraphs_only(declaration, parsed, actor=actor)
    for index, clause in enumerate(parsed["clauses"], start=1):
        key = clause.get("number") or str(index)
        row = existing.get(key)
        if row is None:
            _create_clause(declaration, position_offset + index, clause, actor=actor)
            continue
        save_changes(
            row,
            {"intro": clause.get("intro") or "", "text": clause.get("text") or ""},
            actor=actor,
            action="declarations.clause.corrected",
        )
        items = {s.label: s for s in row.subitems.all()}
        for sub_position, item in enumerate(clause.get("subitems") or [], start=1):
            label = (item.get("label") or "")[:20]
            if label in items:
                save_changes(
                    items[label],
                    {"text": item.get("text") or ""},
                    actor=actor,
                    action="declarations.subitem.corrected",
                )
            else:
                create_with_audit(
                    SubItem,
                    {"clause": row, "position": sub_position, "label": label, "text": item["text"]},
                    actor=actor,
                    action="declarations.subitem.imported",
                )
    return version


def _store_paragraphs_only(declaration, parsed, *, actor) -> None:
    position = 0
    parts = [
        *((Paragraph.Part.OPENING, None, text) for text in parsed["opening"]),
        *((Paragraph.Part.PREAMBLE, p["lead"], p["text"]) for p in parsed["preamble"]),
        *((Paragraph.Part.CLOSING, None, text) for text in parsed["closing"]),
    ]
    for part, lead, text in parts:
        position += 1
        create_with_audit(
            Paragraph,
            {
                "declaration": declaration,
                "part": part,
                "position": position,
                "lead": (lead or "")[:120],
                "text": text,
            },
            actor=actor,
            action="declarations.paragraph.corrected",
        )


# Commitments -------------------------------------------------------------------------------


@transaction.atomic
def commitment_create(
    *,
    actor: Any,
    declaration: Declaration,
    clause: Clause,
    subitem: SubItem | None = None,
    data: Mapping[str, Any],
    cities: Iterable[City] = (),
    themes: Iterable[Theme] = (),
    programmes: Iterable = (),
    meetings: Iterable = (),
    agreements: Iterable = (),
    check: bool = True,
) -> Commitment:
    if actor is not None and check:
        require(can_edit_declaration(actor, declaration))
    if clause.declaration_id != declaration.pk:
        raise ValidationError({"clause": _("The clause belongs to another declaration.")})
    # A new commitment links to nothing yet: only non-empty sets cost queries.
    return create_with_audit(
        Commitment,
        {"declaration": declaration, "clause": clause, "subitem": subitem, **data},
        actor=actor,
        action="declarations.commitment.created",
        relations={
            "cities": cities,
            "themes": themes,
            "programmes": programmes,
            "meetings": meetings,
            "agreements": agreements,
        },
    )


@transaction.atomic
def commitment_update(
    *,
    actor: Any,
    commitment: Commitment,
    data: Mapping[str, Any],
    cities: Iterable[City] | None = None,
    themes: Iterable[Theme] | None = None,
    programmes: Iterable | None = None,
    meetings: Iterable | None = None,
    agreements: Iterable | None = None,
) -> bool:
    if actor is not None:
        require(can_edit_commitment(actor, commitment))
    changed = bool(
        save_changes(commitment, data, actor=actor, action="declarations.commitment.updated")
    )
    for name, targets in (
        ("cities", cities),
        ("themes", themes),
        ("programmes", programmes),
        ("meetings", meetings),
        ("agreements", agreements),
    ):
        if targets is not None:
            changed |= set_m2m(
                commitment,
                name,
                targets,
                actor=actor,
                action=f"declarations.commitment.{name}_changed",
            )
    return changed
