"""Template helpers of the solidarity pages."""

from decimal import Decimal

from django import template

from intercity.solidarity.quantities import amount, number, unit_name

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def with_unit(quantity, unit):
    """{{ need.quantity|with_unit:need.unit }}: "5 tents" in the reader's language."""
    return amount(quantity, unit)


@register.filter(name="unit_name")
def unit_name_filter(unit):
    """{{ need.unit|unit_name }}: the unit alone, in the reader's language."""
    return unit_name(unit)


@register.filter
def quantity(value):
    """{{ total.open|quantity }}: a bare quantity, grouped in the reader's format."""
    return number(value)


@register.filter
def input_number(value):
    """{{ item.undispatched|input_number }}: a quantity as a number field takes it ("2.5",
    "20000") in every language; "2,5" or "2E+4" would leave the field empty."""
    if value in (None, ""):
        return ""
    return format(Decimal(value).normalize(), "f")
