"""Template filters that make stored text safe to lay out: long runs breakable, no overrides."""

from django import template
from django.utils.safestring import SafeData

from intercity.core.hygiene import break_long_words, neutralise_bidi

register = template.Library()


@register.filter
def breakable(value):
    """Plain text with zero-width break points in long runs and direction overrides removed.

    Markup that is already safe is returned unchanged: inserting break points could split a
    tag, and the stylesheet's ``overflow-wrap`` already lets it wrap.
    """
    if value is None or isinstance(value, SafeData):
        return value
    return break_long_words(neutralise_bidi(str(value)))
