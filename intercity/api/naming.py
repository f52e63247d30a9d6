"""The names the browsable API gives its pages, in the reader's language: "Cities", "City".

Django REST framework names a page after its view's class ("City List", "Api Root"), in English
whatever the reader's language; the records' own names are already translated.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from rest_framework.routers import APIRootView
from rest_framework.views import get_view_name

# The suffixes a router gives a viewset's two pages.
PLURAL_SUFFIX = "List"
SINGULAR_SUFFIX = "Instance"


def _model_of(view):
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return queryset.model
    serializer = getattr(view, "serializer_class", None)
    return getattr(getattr(serializer, "Meta", None), "model", None)


def view_name(view) -> str:
    """A page's name: the records' translated name for a list or a record; the framework's
    own naming for anything else (an extra action keeps the name its code gives it)."""
    if isinstance(view, APIRootView):
        return _("API root")
    model = _model_of(view)
    if model is not None and getattr(view, "name", None) is None:
        suffix = getattr(view, "suffix", None)
        if suffix == PLURAL_SUFFIX:
            return capfirst(model._meta.verbose_name_plural)
        if suffix == SINGULAR_SUFFIX:
            return capfirst(model._meta.verbose_name)
    return get_view_name(view)
