"""How quantities of relief read: unit names and "5 tents" in the reader's language.

Every page, email and API answer that shows a need's or an offer's quantity goes through
``amount`` (templates: ``{{ quantity|with_unit:unit }}``), so a unit posted as "litres" in
Hanoi reads as リットル in Tokyo. A unit outside the catalogue reads as it was typed.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats
from django.utils.translation import ngettext_lazy, pgettext_lazy

from intercity.solidarity.units import CODES, unit_code

# The unit as a column heading or a choice in a list.
NAMES = {
    "litre": pgettext_lazy("relief unit", "litres"),
    "kilogram": pgettext_lazy("relief unit", "kilograms"),
    "tonne": pgettext_lazy("relief unit", "tonnes"),
    "cubic_metre": pgettext_lazy("relief unit", "cubic metres"),
    "item": pgettext_lazy("relief unit", "items (pieces)"),
    "person": pgettext_lazy("relief unit", "people"),
    "household": pgettext_lazy("relief unit", "households (families)"),
    "kit": pgettext_lazy("relief unit", "kits"),
    "box": pgettext_lazy("relief unit", "boxes"),
    "tent": pgettext_lazy("relief unit", "tents"),
    "bed": pgettext_lazy("relief unit", "beds"),
    "dose": pgettext_lazy("relief unit", "doses"),
    "day": pgettext_lazy("relief unit", "days"),
    "hour": pgettext_lazy("relief unit", "hours"),
}

# A quantity with its unit; "n" chooses the plural form, "count" is the number as shown.
COUNTED = {
    "litre": ngettext_lazy("%(count)s litre", "%(count)s litres", "n"),
    "kilogram": ngettext_lazy("%(count)s kilogram", "%(count)s kilograms", "n"),
    "tonne": ngettext_lazy("%(count)s tonne", "%(count)s tonnes", "n"),
    "cubic_metre": ngettext_lazy("%(count)s cubic metre", "%(count)s cubic metres", "n"),
    "item": ngettext_lazy("%(count)s item", "%(count)s items", "n"),
    "person": ngettext_lazy("%(count)s person", "%(count)s people", "n"),
    "household": ngettext_lazy("%(count)s household", "%(count)s households", "n"),
    "kit": ngettext_lazy("%(count)s kit", "%(count)s kits", "n"),
    "box": ngettext_lazy("%(count)s box", "%(count)s boxes", "n"),
    "tent": ngettext_lazy("%(count)s tent", "%(count)s tents", "n"),
    "bed": ngettext_lazy("%(count)s bed", "%(count)s beds", "n"),
    "dose": ngettext_lazy("%(count)s dose", "%(count)s doses", "n"),
    "day": ngettext_lazy("%(count)s day", "%(count)s days", "n"),
    "hour": ngettext_lazy("%(count)s hour", "%(count)s hours", "n"),
}


def unit_name(unit: str) -> str:
    """The unit alone, in the reader's language; a unit outside the catalogue as typed."""
    code = unit_code(unit)
    return str(NAMES[code]) if code else (unit or "").strip()


def _plural_number(quantity: Decimal) -> int:
    # A fraction reads like a plural ("1.5 litres"; Russian "1,5 литра", its "few" form).
    return int(quantity) if quantity == quantity.to_integral_value() else 2


def number_shown(number: Decimal | int) -> str:
    """ "20,000", "20 000", "2,5": a quantity without its unit, as the reader writes numbers."""
    # Grouped always: the site leaves grouping off by default, and "20000" is hard to read.
    return formats.number_format(Decimal(number).normalize(), force_grouping=True)


def amount(quantity: Decimal | int | None, unit: str) -> str:
    """ "5 tents", "1 tent", "テント5張": a quantity with its unit in the reader's language."""
    if quantity is None:
        return unit_name(unit)
    quantity = Decimal(quantity)
    shown = number_shown(quantity)
    code = unit_code(unit)
    if code is None:
        return f"{shown} {(unit or '').strip()}".strip()
    return COUNTED[code] % {"n": _plural_number(quantity), "count": shown}


def unit_choices() -> list[tuple[str, str]]:
    """The catalogue as choices, in catalogue order, named in the reader's language."""
    return [(code, NAMES[code]) for code in CODES]
