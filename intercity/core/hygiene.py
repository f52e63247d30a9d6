"""Input hygiene for every record: date bounds, visible text, no bidirectional overrides.

One set of rules, applied by ``TimeStampedModel.clean_fields`` (so every form that validates
its instance, every service's ``full_clean`` and therefore every API write) and by
``check_value`` for the few inputs that are not model fields. Display-side breaking of long
unbroken strings lives in ``break_long_words``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI):
# they can reorder what a reader sees ("txt.exe" shown as "exe.txt"). The plain marks
# LRM/RLM/ALM stay allowed: right-to-left writers need them and they reorder nothing.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


@dataclass(frozen=True)
class DateBounds:
    """Earliest year allowed, and how many years after today a date may lie."""

    first_year: int
    years_ahead: int

    def limits(self, today: datetime.date) -> tuple[datetime.date, datetime.date]:
        first = datetime.date(self.first_year, 1, 1)
        if self.years_ahead == 0:
            # "Not in the future", with a day of slack for reporters ahead of UTC.
            return first, today + datetime.timedelta(days=1)
        latest_year = min(today.year + self.years_ahead, datetime.MAXYEAR)
        return first, datetime.date(latest_year, 12, 31)


DEFAULT_BOUNDS = DateBounds(first_year=1900, years_ahead=50)

# Per-field bounds, keyed "app_label.model.field"; a field named "year" uses the bounds of
# the model's dates. Meetings and reports belong to a network founded in 2001.
FIELD_BOUNDS: dict[str, DateBounds] = {
    "meetings.meeting.start_date": DateBounds(1990, 10),
    "meetings.meeting.end_date": DateBounds(1990, 10),
    "meetings.meeting.year": DateBounds(1990, 10),
    "meetings.session.day": DateBounds(1990, 10),
    "meetings.session.starts_at": DateBounds(1990, 10),
    "meetings.session.ends_at": DateBounds(1990, 10),
    "declarations.declaration.adopted_on": DateBounds(1990, 10),
    "declarations.progressreport.reported_on": DateBounds(1990, 10),
    "knowledge.knowledgetranslation.translated_on": DateBounds(1990, 10),
    "core.newsitem.published_on": DateBounds(1990, 10),
    "business.event.registration_deadline": DateBounds(1990, 10),
    "business.event.request_deadline": DateBounds(1990, 10),
}

TEXT_FIELD_TYPES = (models.CharField, models.TextField)
DATE_FIELD_TYPES = (models.DateField,)  # DateTimeField is a DateField


def bounds_for(label: str) -> DateBounds:
    return FIELD_BOUNDS.get(label, DEFAULT_BOUNDS)


def has_visible_text(value: str) -> bool:
    """True when some character would show: not only spaces, format or control characters."""
    for char in value:
        category = unicodedata.category(char)
        if category[0] in "LNPS" or category in ("Mc",):
            return True
    return False


def has_bidi_controls(value: str) -> bool:
    return bool(_BIDI_RE.search(value))


def check_text(value: str, *, required_visible: bool = True) -> None:
    """Refuse text with bidirectional overrides, or (when set) text with nothing visible."""
    if not value:
        return
    if has_bidi_controls(value):
        raise ValidationError(
            _(
                "Remove the invisible direction-changing characters (such as a right-to-left "
                "override); they can make text read differently from what was typed."
            ),
            code="bidi_control",
        )
    if required_visible and not has_visible_text(value):
        raise ValidationError(
            _("Type some visible characters; spaces or invisible characters alone are not text."),
            code="invisible",
        )


def check_date(value, *, bounds: DateBounds, today: datetime.date | None = None) -> None:
    """Refuse a date (or datetime, or year) outside the field's sensible range."""
    if value is None or value == "":
        return
    today = today or timezone.localdate()
    first, last = bounds.limits(today)
    if isinstance(value, int):
        too_early, too_late = value < first.year, value > last.year
    else:
        day = value.date() if isinstance(value, datetime.datetime) else value
        too_early, too_late = day < first, day > last
    if too_early or too_late:
        raise ValidationError(
            _("Give a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={"first": first.year, "last": last.isoformat()},
        )


def _field_label(model: type[models.Model], name: str) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}.{name}"


def check_field(field: models.Field, value, *, model: type[models.Model]) -> None:
    """Apply the rule that fits the model field's kind to its value."""
    if isinstance(field, TEXT_FIELD_TYPES) and isinstance(value, str):
        if field.choices or (field.blank and not value.strip()):
            return
        check_text(value)
    elif isinstance(field, DATE_FIELD_TYPES):
        check_date(value, bounds=bounds_for(_field_label(model, field.name)))
    elif field.name == "year" and isinstance(value, int):
        check_date(value, bounds=bounds_for(_field_label(model, field.name)))


def check_instance(instance: models.Model, *, exclude=None) -> None:
    """Every field rule at once, errors keyed by field name as Django's clean_fields does."""
    exclude = set(exclude or ())
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.attname in exclude:
            continue
        try:
            check_field(field, getattr(instance, field.attname), model=type(instance))
        except ValidationError as error:
            errors.setdefault(field.name, []).append(error)
    if errors:
        raise ValidationError(errors)


def check_value(value, *, kind: str, field_label: str = "") -> None:
    """The same rules for inputs that are not model fields: kind is "text" or "date"."""
    if kind == "text":
        check_text(value)
    elif kind == "date":
        check_date(value, bounds=bounds_for(field_label))


def check_payload(data, *, model: type[models.Model] | None = None) -> dict[str, list[str]]:
    """Errors per top-level key for submitted data (an API body), nested values included.

    Top-level dates take the bounds of the model field of the same name.
    """
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        label = _field_label(model, name) if model is not None else ""
        try:
            _check_nested(value, label=label)
        except ValidationError as error:
            errors[name] = error.messages
    return errors


def _check_nested(value, *, label: str) -> None:
    if isinstance(value, str):
        if value.strip():
            check_text(value)
    elif isinstance(value, datetime.date):
        check_date(value, bounds=bounds_for(label))
    elif isinstance(value, dict):
        for item in value.values():
            _check_nested(item, label="")
    elif isinstance(value, list | tuple):
        for item in value:
            _check_nested(item, label="")


# Display ----------------------------------------------------------------------------------

_LONG_RUN = re.compile(r"\S{40,}")
BREAK_EVERY = 20


def break_long_words(text: str, *, every: int = BREAK_EVERY) -> str:
    """Insert zero-width spaces into unbroken runs so a narrow screen can wrap them."""

    def split(match: re.Match) -> str:
        run = match.group(0)
        return "\u200b".join(run[i : i + every] for i in range(0, len(run), every))

    return _LONG_RUN.sub(split, text)


def neutralise_bidi(text: str) -> str:
    """Drop direction overrides from text stored before the rules applied."""
    return _BIDI_RE.sub("", text)
