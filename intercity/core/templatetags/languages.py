"""A language code shown to a reader as the language's name, in the reader's language."""

from django import template
from django.conf import settings

register = template.Library()


@register.filter
def language_name(code):
    """The platform's name for one of its languages, translated; any other code as it is."""
    names = dict(settings.LANGUAGES)
    return str(names[code]) if code in names else code
