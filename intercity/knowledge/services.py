"""Writes to knowledge items, their translations and attachments, and bulk imports."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from intercity.accounts.roles import is_secretariat
from intercity.agreements.selectors import agreement_visible
from intercity.cities.models import City
from intercity.core import filetypes
from intercity.core.audit import create_with_relations, record_m2m_change
from intercity.core.models import Theme
from intercity.core.services import (
    create_with_audit,
    delete_with_audit,
    require,
    save_changes,
    set_m2m,
)
from intercity.core.slugs import create_with_unique_slug
from intercity.declarations.models import Commitment
from intercity.declarations.selectors import declaration_visible
from intercity.knowledge.models import Attachment, KnowledgeItem, KnowledgeTranslation
from intercity.knowledge.permissions import (
    can_author_for,
    can_create_item,
    can_delete_item,
    can_edit_item,
    can_import_items,
    can_moderate_item,
    can_translate_item,
)
from intercity.meetings.selectors import visible_meetings

DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
RELATIONS = ("themes", "programmes", "meetings", "agreements", "commitments")


def max_attachment_bytes() -> int:
    return getattr(settings, "KNOWLEDGE_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES)


def _check_city(actor: Any, city) -> None:
    if actor is None or is_secretariat(actor):
        return
    if city is None or city.pk != actor.city_id:
        raise ValidationError({"city": _("You can only publish knowledge for your own city.")})


def _check_organisation(actor: Any, organisation, item: KnowledgeItem | None = None) -> None:
    """The authoring organisation must be one the actor writes for, unless the item already
    names it: an editor keeps an author someone else chose."""
    if actor is None or organisation is None or can_author_for(actor, organisation):
        return
    if item is not None and item.organisation_id == organisation.pk:
        return
    raise ValidationError({"organisation": _("Choose among the organisations you may write for.")})


def _visible_links(
    actor: Any, name: str, chosen: Iterable, item: KnowledgeItem | None = None
) -> list:
    """The records an item is to be linked to under ``name``: those the actor chose, which
    must be ones they may see, and the item's links to drafts hidden from them, which are
    not theirs to remove."""
    visible, refusal = _LINKS_SEEN_BY[name](actor)
    chosen = list(chosen)
    seen = set(visible.filter(pk__in=[r.pk for r in chosen]).values_list("pk", flat=True))
    if any(record.pk not in seen for record in chosen):
        raise ValidationError({name: refusal})
    if item is None or item.pk is None:
        return chosen
    return chosen + list(getattr(item, name).exclude(pk__in=visible.values("pk")))


# The links whose targets may be drafts hidden from some users: what a user may see, and
# what they are told when they choose something else.
_LINKS_SEEN_BY = {
    "meetings": lambda actor: (
        visible_meetings(actor),
        _("Choose among the meetings you may see."),
    ),
    "agreements": lambda actor: (
        agreement_visible(actor),
        _("Choose among the agreements you may see."),
    ),
    "commitments": lambda actor: (
        Commitment.objects.filter(declaration__in=declaration_visible(actor)),
        _("Choose among the commitments you may see."),
    ),
}


def _published_at(item: KnowledgeItem) -> None:
    if item.visibility != KnowledgeItem.Visibility.DRAFT and item.published_at is None:
        item.published_at = timezone.now()


@transaction.atomic
def item_create(*, actor: Any, data: Mapping[str, Any], **relations: Iterable) -> KnowledgeItem:
    """Publish or draft an item; ``relations`` name themes, programmes, meetings, agreements
    and commitments."""
    data = dict(data)
    if actor is not None:
        require(can_create_item(actor))
        if not data.get("city") and not is_secretariat(actor):
            data["city"] = actor.city
        _check_city(actor, data.get("city"))
        _check_organisation(actor, data.get("organisation"))
        data.setdefault("author", actor)
        relations = {
            name: _visible_links(actor, name, targets) if name in _LINKS_SEEN_BY else targets
            for name, targets in relations.items()
        }
    if data.get("slug"):
        return _item_insert(actor, data, relations)
    return create_with_unique_slug(
        KnowledgeItem,
        data.get("title", ""),
        lambda slug: _item_insert(actor, data | {"slug": slug}, relations),
        max_length=100,
    )


def _item_insert(actor: Any, data: dict[str, Any], relations: Mapping[str, Any]) -> KnowledgeItem:
    item = KnowledgeItem(**data)
    _published_at(item)
    create_with_relations(
        item,
        actor=actor,
        action="knowledge.item.created",
        relations={name: relations[name] for name in RELATIONS if relations.get(name)},
    )
    return item


@transaction.atomic
def item_update(
    *, actor: Any, item: KnowledgeItem, data: Mapping[str, Any], **relations: Iterable | None
) -> bool:
    if actor is not None:
        require(can_edit_item(actor, item))
        if "city" in data:
            _check_city(actor, data["city"])
        if "organisation" in data:
            _check_organisation(actor, data["organisation"], item)
        for name in _LINKS_SEEN_BY:
            if relations.get(name) is not None:
                relations[name] = _visible_links(actor, name, relations[name], item)
    data = dict(data)
    if data.get("visibility", item.visibility) != KnowledgeItem.Visibility.DRAFT and (
        item.published_at is None
    ):
        data["published_at"] = timezone.now()
    changed = bool(save_changes(item, data, actor=actor, action="knowledge.item.updated"))
    for name in RELATIONS:
        if relations.get(name) is not None:
            changed |= set_m2m(
                item, name, relations[name], actor=actor, action=f"knowledge.item.{name}_changed"
            )
    return changed


@transaction.atomic
def item_moderate(*, actor: Any, item: KnowledgeItem, visibility: str, note: str = "") -> bool:
    """The secretariat's say: withdraw an item to draft, or restore it, with a note saying why."""
    if actor is not None:
        require(can_moderate_item(actor, item))
    data = {"visibility": visibility, "moderation_note": note}
    if visibility != KnowledgeItem.Visibility.DRAFT and item.published_at is None:
        data["published_at"] = timezone.now()
    return bool(save_changes(item, data, actor=actor, action="knowledge.item.moderated"))


@transaction.atomic
def item_delete(*, actor: Any, item: KnowledgeItem) -> None:
    if actor is not None:
        require(can_delete_item(actor, item))
    delete_with_audit(item, actor=actor, action="knowledge.item.deleted")


@transaction.atomic
def translation_save(
    *, actor: Any, item: KnowledgeItem, language: str, data: Mapping[str, Any]
) -> KnowledgeTranslation:
    """Add the item's version in ``language``, or bring the existing one up to date."""
    if actor is not None:
        require(can_translate_item(actor, item))
    data = dict(data)
    data.setdefault("translated_on", timezone.localdate())
    if actor is not None and not data.get("translator_name"):
        data.setdefault("translator", actor)
    translation = item.translations.filter(language=language).first()
    if (
        translation is not None
        and actor is not None
        and translation.translator_id != actor.pk
        and not can_edit_item(actor, item)
    ):
        # Another person's translation is theirs and the item's editors' to change.
        raise ValidationError(
            {
                "language": _(
                    "This item already has a translation in this language, by someone else; "
                    "only they or the item's editors may change it."
                )
            }
        )
    action = "knowledge.item.translation_updated" if translation else "knowledge.item.translated"
    if translation is None:
        translation = create_with_audit(
            KnowledgeTranslation,
            {"item": item, "language": language, **data},
            actor=actor,
            action="knowledge.translation.created",
        )
    else:
        save_changes(translation, data, actor=actor, action="knowledge.translation.updated")
    # The item's search document holds its translations' words too; its history names the
    # language, so that two translations read as two different changes.
    record_m2m_change(item, actor=actor, action=action, detail={"language": language})
    return translation


@transaction.atomic
def translation_delete(*, actor: Any, translation: KnowledgeTranslation) -> None:
    if actor is not None:
        require(can_edit_item(actor, translation.item))
    item = translation.item
    delete_with_audit(translation, actor=actor, action="knowledge.translation.deleted")
    record_m2m_change(
        item,
        actor=actor,
        action="knowledge.item.translation_removed",
        detail={"language": translation.language},
    )


def _file_error(message: str, code: str) -> ValidationError:
    return ValidationError({"file": ValidationError(message, code=code)})


def check_upload(data: bytes) -> str:
    """The content type of an acceptable attachment, or a ValidationError saying what is wrong."""
    limit = max_attachment_bytes()
    if len(data) > limit:
        message = _("The file is larger than %(limit)s MB.") % {"limit": round(limit / 2**20, 1)}
        raise _file_error(message, "too_large")
    if not data:
        raise _file_error(_("The file is empty."), "empty")
    content_type = filetypes.detect_type(data)
    if content_type is None:
        raise _file_error(
            _("Only PDF, Word (DOCX) and image files (PNG, JPEG, GIF, WebP) are accepted."),
            "bad_type",
        )
    return content_type


@transaction.atomic
def attachment_add(
    *, actor: Any, item: KnowledgeItem, title: str, name: str, data: bytes
) -> Attachment:
    """Attach a file whose content is a PDF, DOCX or image, within the size limit."""
    if actor is not None:
        require(can_edit_item(actor, item))
    content_type = check_upload(data)
    stem = (name.rsplit(".", 1)[0] or "attachment")[:80]
    attachment = Attachment(
        item=item,
        title=title or stem,
        content_type=content_type,
        size=len(data),
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # The stored name takes the extension of the detected type, not the uploaded one.
    stored_name = f"{slugify(stem)[:60] or 'file'}.{filetypes.EXTENSIONS[content_type]}"
    # The record is checked before its file is stored, so a refusal leaves no file behind.
    attachment.full_clean(exclude=["file"])
    attachment.file.save(stored_name, ContentFile(data), save=False)
    try:
        attachment.full_clean()
        attachment._history_user = attachment.uploaded_by
        attachment._change_reason = "knowledge.attachment.added"
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def attachment_delete(*, actor: Any, attachment: Attachment) -> None:
    if actor is not None:
        require(can_edit_item(actor, attachment.item))
    attachment.file.delete(save=False)
    delete_with_audit(attachment, actor=actor, action="knowledge.attachment.deleted")


# Bulk import -----------------------------------------------------------------

IMPORT_FIELDS = {"title", "body", "language", "city", "kind", "themes", "summary", "visibility"}
REQUIRED_IMPORT_FIELDS = ("title", "body", "language")


@dataclass
class ImportReport:
    created: list[KnowledgeItem] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)
    line_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _language_code(value: str) -> str | None:
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    return codes.get(value.strip().lower())


def _parse_import_line(
    raw: str, *, actor: Any, cities: dict[str, City], themes: dict[str, Theme]
) -> tuple[dict[str, Any], list[Theme]]:
    """One line's item fields and themes, or a ValueError whose text is shown to the importer."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(_("not valid JSON (%(error)s)") % {"error": error.msg}) from error
    if not isinstance(record, dict):
        raise ValueError(_("expected a JSON object"))
    unknown = sorted(set(record) - IMPORT_FIELDS)
    if unknown:
        raise ValueError(_("unknown fields: %(fields)s") % {"fields": ", ".join(unknown)})
    for name in REQUIRED_IMPORT_FIELDS:
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise ValueError(_("“%(field)s” is required and must be text") % {"field": name})
    language = _language_code(record["language"])
    if language is None:
        raise ValueError(_("unknown language “%(code)s”") % {"code": record["language"]})
    data: dict[str, Any] = {
        "title": record["title"].strip(),
        "body": record["body"],
        "language": language,
        "summary": record.get("summary") or "",
        "kind": record.get("kind") or KnowledgeItem.Kind.PRACTICE,
        "visibility": record.get("visibility") or KnowledgeItem.Visibility.PUBLIC,
    }
    if data["kind"] not in KnowledgeItem.Kind.values:
        raise ValueError(_("unknown kind “%(kind)s”") % {"kind": data["kind"]})
    if data["visibility"] not in KnowledgeItem.Visibility.values:
        raise ValueError(_("unknown visibility “%(value)s”") % {"value": data["visibility"]})
    city_slug = record.get("city")
    if city_slug:
        city = cities.get(str(city_slug).lower())
        if city is None:
            raise ValueError(_("unknown city “%(city)s”") % {"city": city_slug})
        data["city"] = city
    elif actor is not None and not is_secretariat(actor):
        data["city"] = actor.city
    if actor is not None and not is_secretariat(actor) and data.get("city") != actor.city:
        raise ValueError(_("you can only import knowledge for your own city"))
    theme_values = record.get("themes") or []
    if not isinstance(theme_values, list):
        raise ValueError(_("“themes” must be a list of theme slugs"))
    chosen = []
    for slug in theme_values:
        theme = themes.get(str(slug))
        if theme is None:
            raise ValueError(_("unknown theme “%(theme)s”") % {"theme": slug})
        chosen.append(theme)
    return data, chosen


def knowledge_import(*, actor: Any, lines: Iterable[str]) -> ImportReport:
    """Import a JSON Lines practice library: every line valid, or nothing is written.

    Each line is validated on its own (fields, language, city, themes, and the
    model's own rules), so the report lists every bad line at once. Items are
    indexed for search as they are created, in the same transaction.
    """
    if actor is not None:
        require(can_import_items(actor))
    cities = {city.slug: city for city in City.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    report = ImportReport()
    parsed: list[tuple[int, dict[str, Any], list[Theme]]] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        report.line_count += 1
        try:
            data, chosen = _parse_import_line(raw, actor=actor, cities=cities, themes=themes)
            candidate = KnowledgeItem(slug="import-check", **data)
            candidate.full_clean(exclude=["slug"])
        except ValueError as error:
            report.errors.append((number, str(error)))
            continue
        except ValidationError as error:
            messages = "; ".join(
                f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items()
            )
            report.errors.append((number, messages))
            continue
        parsed.append((number, data, chosen))
    if report.errors or not parsed:
        if not parsed and not report.errors:
            report.errors.append((0, _("The file holds no items.")))
        return report
    with transaction.atomic():
        for _number, data, chosen in parsed:
            report.created.append(item_create(actor=actor, data=data, themes=chosen))
    return report
