"""A record's history told in words: who did what, field by field, with no internal codes."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from intercity.core.history_words import (
    ACTIONS,
    CHANGED_SET,
    CITY_ROLES,
    DETAIL_FALLBACK,
    ENTITIES,
    LANGUAGE_VERBS,
    REMOVED_CITIES,
    ROLE_CHANGES,
    UNKNOWN,
    VERBS,
)

# Fields whose changes say nothing to a reader.
QUIET_FIELDS = {"updated_at", "created_at", "id", "search_vector"}
DETAIL_SEPARATOR = " "
REASON_LENGTH = 100


def encode_reason(action: str, detail: dict | None = None) -> str:
    """The change reason stored with a history row: the action, and ids it concerns if short."""
    if not detail:
        return action
    # Names stay as written: escaped, a name in Thai or Japanese would not fit the column.
    reason = (
        action + DETAIL_SEPARATOR + json.dumps(detail, separators=(",", ":"), ensure_ascii=False)
    )
    return reason if len(reason) <= REASON_LENGTH else action


ROLE_LETTERS = {"h": "host", "d": "delegate", "o": "observer"}


def city_changes_detail(
    *, added: dict[int, str], removed: list[int], changed: dict[int, str]
) -> dict[str, list[int]]:
    """A compact record of participating-city changes: ids grouped by change and role.

    {"+d": [3, 1], "+h": [1], "-": [7], "~o": [5]} fits a plenary's thirteen cities in the
    history row's change reason.

    Ids are kept sorted, each after the first as its distance from the one before, so that
    a dozen cities with large ids still fit: [1203, 1, 1, 2] stands for 1203, 1204, 1205, 1207.
    """
    grouped: dict[str, list[int]] = {}
    for sign, rows in (("+", added), ("~", changed)):
        for pk, role in rows.items():
            grouped.setdefault(sign + role[:1], []).append(pk)
    if removed:
        grouped["-"] = list(removed)
    return {key: _as_steps(pks) for key, pks in grouped.items()}


def _as_steps(pks: list[int]) -> list[int]:
    ordered = sorted(pks)
    steps = [later - earlier for earlier, later in zip(ordered, ordered[1:], strict=False)]
    return ordered[:1] + steps


def _from_steps(steps: list) -> list[int]:
    pks: list[int] = []
    for step in steps:
        if not isinstance(step, int):
            return []
        pks.append(step if not pks else pks[-1] + step)
    return pks


def _city_changes(detail: dict) -> tuple[list, list, list]:
    added, changed = [], []
    for key, steps in detail.items():
        if key[:1] in "+~" and len(key) == 2 and isinstance(steps, list):
            role = ROLE_LETTERS.get(key[1], "delegate")
            (added if key[0] == "+" else changed).extend((pk, role) for pk in _from_steps(steps))
    removed = detail.get("-")
    return added, _from_steps(removed) if isinstance(removed, list) else [], changed


def decode_reason(reason: str) -> tuple[str, dict]:
    action, _sep, rest = (reason or "").partition(DETAIL_SEPARATOR)
    try:
        detail = json.loads(rest) if rest else {}
    except ValueError:
        detail = {}
    return action, detail if isinstance(detail, dict) else {}


# Who -------------------------------------------------------------------------------------


def describe_actor(user: Any, *, show_name: bool) -> str:
    """ "Hanoi focal point", "The secretariat"; the person's name only for network insiders."""
    if user is None:
        return _("The platform")
    role = getattr(user, "role", "")
    city = getattr(user, "city", None)
    organisation = getattr(user, "organisation", None)
    if user.is_superuser or role == "secretariat":
        phrase = _("The secretariat")
    elif role == "focal_point" and city is not None:
        phrase = _("%(city)s focal point") % {"city": city.label}
    elif role == "expert" and city is not None:
        phrase = _("%(city)s expert") % {"city": city.label}
    elif role == "organisation_rep" and organisation is not None:
        phrase = _("%(organisation)s representative") % {"organisation": organisation.name}
    else:
        phrase = _("A registered user")
    if show_name:
        name = user.get_full_name() or user.username
        return _("%(role)s (%(name)s)") % {"role": phrase, "name": name}
    return phrase


# Values ----------------------------------------------------------------------------------


@dataclass
class _Lookups:
    """Names of related records a page of history mentions, fetched one query per model."""

    wanted: dict[type[models.Model], set] = field(default_factory=lambda: defaultdict(set))
    names: dict[tuple[type[models.Model], Any], str] = field(default_factory=dict)
    # A person a change names ("decided by") is told as its author is: by role, and by name
    # only to network insiders.
    show_names: bool = False

    def want(self, model, pk) -> None:
        if pk is not None:
            self.wanted[model].add(pk)

    def load(self) -> None:
        people = get_user_model()
        for model, pks in self.wanted.items():
            rows = model._default_manager.filter(pk__in=pks)
            if model is people:
                for person in rows.select_related("city", "organisation"):
                    self.names[(model, person.pk)] = describe_actor(
                        person, show_name=self.show_names
                    )
                continue
            for obj in rows:
                self.names[(model, obj.pk)] = str(obj)

    def name(self, model, pk) -> str:
        return self.names.get((model, pk)) or _("a removed record")


def _m2m_ids(model_field, rows) -> list:
    key = model_field.m2m_reverse_field_name()
    return [row.get(key) for row in rows or [] if isinstance(row, dict)]


def _plain(model_field, value, lookups: _Lookups) -> str:
    """A field's value as a reader would say it."""
    if value is None or value == "" or value == {}:
        return ""
    if isinstance(value, dict):
        # Texts in other languages, e.g. a meeting's titles: "ja: 第12回総会; vi: …".
        value = "; ".join(f"{key}: {text}" for key, text in value.items())
    if getattr(model_field, "choices", None):
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.ForeignKey):
        return lookups.name(model_field.related_model, value)
    if isinstance(value, datetime.datetime):
        # In the reader's time zone, as the entry's own date is.
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def _change_sentence(model_field, label: str, old, new, lookups: _Lookups) -> str:
    if isinstance(model_field, models.ManyToManyField):
        before, after = set(_m2m_ids(model_field, old)), set(_m2m_ids(model_field, new))
        target = model_field.related_model
        parts = []
        added = sorted(lookups.name(target, pk) for pk in after - before)
        removed = sorted(lookups.name(target, pk) for pk in before - after)
        if added:
            parts.append(
                _("%(field)s: added %(names)s") % {"field": label, "names": ", ".join(added)}
            )
        if removed:
            parts.append(
                _("%(field)s: removed %(names)s") % {"field": label, "names": ", ".join(removed)}
            )
        return "; ".join(parts)
    if isinstance(model_field, models.TextField) and old and new:
        return _("%(field)s rewritten") % {"field": label}
    old_text, new_text = _plain(model_field, old, lookups), _plain(model_field, new, lookups)
    if not old_text:
        return _("%(field)s set to “%(new)s”") % {"field": label, "new": new_text}
    if not new_text:
        return _("%(field)s cleared (was “%(old)s”)") % {"field": label, "old": old_text}
    return _("%(field)s changed from “%(old)s” to “%(new)s”") % {
        "field": label,
        "old": old_text,
        "new": new_text,
    }


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - history may name a field the model no longer has
        return None


# Sentences -------------------------------------------------------------------------------


def _related_model(model, entity: str):
    """The model an action's ids point at, found through the record's own relations."""
    for name in (entity, f"{entity}s", "cities" if entity == "city" else ""):
        model_field = _model_field(model, name) if name else None
        if model_field is not None and model_field.related_model is not None:
            return model_field.related_model
    return None


class _Related(dict):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def __missing__(self, entity):
        self[entity] = _related_model(self.model, entity)
        return self[entity]

    def get(self, entity, default=None):
        return self[entity] or default


def _want_detail(action: str, detail: dict, model, lookups: _Lookups, related) -> None:
    if action.endswith(".cities_changed"):
        added, removed, changed = _city_changes(detail)
        for pk in [pk for pk, _role in added + changed] + removed:
            lookups.want(related.get("city"), pk)
    if "id" in detail and action in ACTIONS:
        target = related.get(action.split(".")[1])
        if target is not None:
            lookups.want(target, detail["id"])


def _action_sentences(action: str, detail: dict, who: str, lookups, related) -> list[str]:
    if action.endswith(".cities_changed") and detail:
        city = related.get("city")
        added, removed, changed = _city_changes(detail)

        def sentence(template, pks) -> str:
            names = sorted(lookups.name(city, pk) for pk in pks)
            return template % {"who": who, "cities": ", ".join(names), "count": len(names)}

        lines = []
        for rows, templates in ((added, CITY_ROLES), (changed, ROLE_CHANGES)):
            for role in ("host", "delegate", "observer"):
                pks = [pk for pk, row_role in rows if row_role == role]
                if pks:
                    lines.append(sentence(templates[role], pks))
        if removed:
            lines.append(sentence(REMOVED_CITIES, removed))
        return lines or [str(UNKNOWN) % {"who": who}]
    if action in ACTIONS:
        target = related.get(action.split(".")[1])
        if "id" in detail and target is not None:
            # A record removed since keeps the name written down when it was added.
            name = lookups.names.get((target, detail["id"])) or detail.get("name")
            name = name or lookups.name(target, detail["id"])
            return [str(ACTIONS[action]) % {"who": who, "detail": name}]
        if "name" in detail:
            return [str(ACTIONS[action]) % {"who": who, "detail": detail["name"]}]
        return [str(DETAIL_FALLBACK[action]) % {"who": who}]
    parts = action.split(".")
    if len(parts) == 3:
        _app, entity, verb = parts
        language = detail.get("language")
        if verb in LANGUAGE_VERBS and isinstance(language, str):
            return [
                str(LANGUAGE_VERBS[verb])
                % {
                    "who": who,
                    "what": ENTITIES.get(entity, _("record")),
                    "language": dict(settings.LANGUAGES).get(language, language),
                }
            ]
        if verb.endswith("_changed"):
            noun = verb.removesuffix("_changed").replace("_", " ")
            return [str(CHANGED_SET) % {"who": who, "field": _(noun)}]
        if verb in VERBS:
            return [str(VERBS[verb]) % {"who": who, "what": ENTITIES.get(entity, _("record"))}]
    return [str(UNKNOWN) % {"who": who}]


@dataclass(frozen=True)
class ChangeLine:
    field: str  # the model field's name, for code; never shown
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class HistoryLine:
    when: datetime.datetime
    action: str  # the dotted audit type, for code and filters; never shown
    sentences: list[str]
    changes: list[ChangeLine]

    @property
    def sentence(self) -> str:
        return "; ".join(self.sentences)


def describe(obj: models.Model, records: list, *, show_names: bool) -> list[HistoryLine]:
    """Turn one record's history rows (newest first) into lines, each diffed with the next."""
    model = type(obj)
    entries = [
        (model, record, records[index + 1] if index + 1 < len(records) else None)
        for index, record in enumerate(records)
    ]
    return describe_rows(entries, show_names=show_names)


def describe_rows(entries: list[tuple], *, show_names: bool) -> list[HistoryLine]:
    """Lines for (model, history row, previous row or None) triples, names fetched in batches."""
    lookups = _Lookups(show_names=show_names)
    related_by_model: dict = {}
    pairs = []
    for model, record, previous in entries:
        related = related_by_model.setdefault(model, _Related(model))
        action, detail = decode_reason(record.history_change_reason or "")
        changes = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                model_field = _model_field(model, change.field)
                if model_field is None or change.field in QUIET_FIELDS:
                    continue
                changes.append((model_field, change.old, change.new))
                if isinstance(model_field, models.ForeignKey):
                    lookups.want(model_field.related_model, change.old)
                    lookups.want(model_field.related_model, change.new)
                elif isinstance(model_field, models.ManyToManyField):
                    for pk in _m2m_ids(model_field, change.old) + _m2m_ids(model_field, change.new):
                        lookups.want(model_field.related_model, pk)
        _want_detail(action, detail, model, lookups, related)
        pairs.append((model, related, record, action, detail, changes))
    lookups.load()
    lines = []
    for model, related, record, action, detail, changes in pairs:
        who = describe_actor(record.history_user, show_name=show_names)
        stored_action = action
        if not action:
            verb = {"+": "created", "~": "updated", "-": "deleted"}.get(record.history_type, "")
            action = f"x.{model._meta.model_name}.{verb}" if verb else ""
        sentences = _action_sentences(action, detail, who, lookups, related)
        words = [
            ChangeLine(f.name, _change_sentence(f, str(f.verbose_name), old, new, lookups))
            for f, old, new in changes
        ]
        lines.append(
            HistoryLine(record.history_date, stored_action, sentences, [w for w in words if w.text])
        )
    return lines


def is_public_record(obj: Any) -> bool:
    """Whether a record's history may be shown to anyone: public, published, adopted."""
    if getattr(obj, "is_public", True) is False:
        return False
    if getattr(obj, "visibility", "public") != "public":
        return False
    if getattr(obj, "is_adopted", True) is False:
        return False
    declaration = getattr(obj, "declaration", None)
    return not (declaration is not None and getattr(declaration, "is_adopted", True) is False)
