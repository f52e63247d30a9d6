"""Writes to declarations and their commitments: import, corrections, edits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.cities.models import City
from intercity.core.audit import save_with_audit
from intercity.core.models import Theme
from intercity.core.services import create_with_audit, require, save_changes, set_m2m
from intercity.declarations.importing import (
    clause_fields,
    declaration_import,
    store_paragraphs,
    subitem_fields,
    with_bullet_places,
)
from intercity.declarations.matching import declaration_parse
from intercity.declarations.models import (
    IMMUTABLE_FIELDS,
    Clause,
    Commitment,
    Declaration,
    DeclarationVersion,
    SubItem,
)
from intercity.declarations.permissions import (
    can_correct_declaration,
    can_edit_commitment,
    can_edit_declaration,
)

__all__ = [
    "commitment_create",
    "commitment_update",
    "declaration_correct",
    "declaration_import",
    "declaration_update",
]

# Declarations ------------------------------------------------------------------------------


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
def _plain_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declaration_correct(
    *, actor: Any, declaration: Declaration, text: str, reason: str
) -> DeclarationVersion:
    """Record a corrected text as a new version; earlier versions stay as they were.

    Clauses and sub-items keep their identity by printed number (a bulleted sub-item by its
    place), so commitments and the progress reported on them survive a correction.
    """
    if actor is not None:
        require(can_correct_declaration(actor, declaration))
    # A browser sends a textarea's lines ended by CR LF, and the form trims the ends: the
    # same text must still compare equal.
    text = _plain_line_ends(text)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the text is corrected.")})
    if not text.strip():
        raise ValidationError({"original_text": _("The declaration's text is empty.")})
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if text.strip() == _plain_line_ends(declaration.original_text).strip():
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
    store_paragraphs(declaration, parsed, actor=actor, action="declarations.paragraph.corrected")
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
        # A bulleted sub-item has no label: it is known by its place, as its reference is.
        items = {s.label or s.position: s for s in row.subitems.all()}
        for sub_position, (item, bullet) in enumerate(with_bullet_places(clause), start=1):
            label = (item.get("label") or "")[:20]
            key = label or sub_position
            if key in items:
                save_changes(
                    items[key],
                    {"text": item.get("text") or "", "bullet": bullet},
                    actor=actor,
                    action="declarations.subitem.corrected",
                )
            else:
                create_with_audit(
                    SubItem,
                    subitem_fields(row, sub_position, item, bullet),
                    actor=actor,
                    action="declarations.subitem.imported",
                )
    return version


def _create_clause(declaration, position, clause: Mapping[str, Any], *, actor) -> Clause:
    """A clause a correction adds, with its sub-items."""
    row = create_with_audit(
        Clause,
        clause_fields(declaration, position, clause),
        actor=actor,
        action="declarations.clause.imported",
    )
    for sub_position, (item, bullet) in enumerate(with_bullet_places(clause), start=1):
        create_with_audit(
            SubItem,
            subitem_fields(row, sub_position, item, bullet),
            actor=actor,
            action="declarations.subitem.imported",
        )
    return row


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
