"""A language code shown to a reader as the language's name, in the reader's language."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from intercity.core.language_names import language_names_in

register = template.Library()


@register.filter
def language_name(code):
    """The platform's name for one of its languages, as its menus give it; another language
    by its CLDR name in the reader's language; a code neither knows as it is."""
    if not code:
        return code
    names = dict(settings.LANGUAGES)
    if code in names:
        return str(names[code])
    return language_names_in([code], get_language() or settings.LANGUAGE_CODE)[0]
