"""Template helpers of the solidarity pages."""

from django import template

from intercity.solidarity.quantities import amount, number_shown, unit_name

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
def quantity(number):
    """{{ row.open|quantity }}: "20,000" as the reader writes numbers, with no unit."""
    return number_shown(number)
