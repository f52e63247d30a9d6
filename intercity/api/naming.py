"""The names and descriptions the API gives its pages, in the reader's language: "Cities", "City".

Django REST framework names a page after its view's class ("City List", "Api Root") and
describes it with the class's docstring, in English whatever the reader's language; the records'
own names are already translated, and each view declares its description for readers as
`reader_description = _("…")` (gettext_lazy), and a view without records its name as
`reader_name`. Docstrings stay the developers' documentation. (Attributes of their own: a
viewset's `name` and `description` are reset by the framework whenever it is routed.)
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from rest_framework.routers import APIRootView
from rest_framework.utils import formatting
from rest_framework.views import get_view_name

# The suffixes a router gives a viewset's two pages.
PLURAL_SUFFIX = "List"
SINGULAR_SUFFIX = "Instance"


def _model_of(view):
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return queryset.model
    serializer = getattr(view, "serializer_class", None)
    if serializer is None and hasattr(view, "get_serializer_class"):
        # A viewset that picks its serializer per action names no class of its own.
        try:
            serializer = view.get_serializer_class()
        except (AssertionError, AttributeError):  # no serializer, or no action yet
            serializer = None
    return getattr(getattr(serializer, "Meta", None), "model", None)


def view_name(view) -> str:
    """A page's name: the records' translated name for a list or a record, or the name a view
    without records declares for readers (`reader_name = _("…")`); the framework's own naming
    for anything else (an extra action keeps the name its code gives it)."""
    if isinstance(view, APIRootView):
        return _("API root")
    if getattr(view, "name", None) is None and getattr(view, "reader_name", None) is not None:
        return str(view.reader_name)
    model = _model_of(view)
    if model is not None and getattr(view, "name", None) is None:
        suffix = getattr(view, "suffix", None)
        if suffix == PLURAL_SUFFIX:
            return capfirst(model._meta.verbose_name_plural)
        if suffix == SINGULAR_SUFFIX:
            return capfirst(model._meta.verbose_name)
    return get_view_name(view)


def view_description(view, html: bool = False) -> str:
    """A page's description: what its view declares for readers, in their language.

    An extra action keeps the docstring its method gives it, which the router passes as the
    view's `description`; a view that declares nothing falls back to its class docstring. So
    an extra action describes itself for readers with `extend_schema(description=_("…"))`,
    which the schema shows translated, and has no docstring: its page then shows its
    viewset's description, in the reader's language, rather than English.
    """
    if isinstance(view, APIRootView):
        text = _("The kinds of record the API serves, each at its own address.")
    elif getattr(view, "description", None) is not None:
        text = formatting.dedent(str(view.description))
    elif getattr(view, "reader_description", None) is not None:
        text = str(view.reader_description)
    else:
        text = formatting.dedent(view.__class__.__doc__ or "")
    return formatting.markup_description(text) if html else text
