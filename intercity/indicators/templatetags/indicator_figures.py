"""Template filters that show indicator figures with sensible precision."""

import math
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

from intercity.indicators.unit_labels import unit_label as _unit_label

register = template.Library()


@register.filter
def figure(value):
    """A number with three or four significant digits and grouped thousands; "—" for none."""
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    if number == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(number)))
    decimals = max(0, 2 - magnitude) if magnitude < 3 else 0
    return number_format(round(number, decimals), decimal_pos=decimals, force_grouping=True)


@register.filter
def figure_as_given(value):
    """A number with every digit it was given and grouped thousands ("12.345,5" in
    Vietnamese), for a preview that must show what will be stored; "—" for none."""
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return number_format(number, force_grouping=True)


@register.filter
def signed_percent(value):
    """A change in per cent, signed, with the reader's decimal mark: "+1,8 %" in Vietnamese."""
    if value is None:
        return ""
    rounded = round(float(value), 1)
    sign = "+" if rounded >= 0 else "-"
    return f"{sign}{number_format(abs(rounded), decimal_pos=1)} %"


@register.filter
def unit_label(unit):
    """The unit with its words in the reader's language ("GJ/capita" reads "GJ/người")."""
    return _unit_label(unit or "")
