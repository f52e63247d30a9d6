"""The words Django REST framework writes into its browsable pages without marking them for
translation ("Raw data", "Cancel", a button's tooltip), put in the reader's language.

Its templates hold them as plain text, so no catalogue reaches them; the rendered page is read
for each as the framework prints it. Should a release reword one, it shows in English again,
and the browsable API's language tests say so.
"""

import re

from django.utils.html import escape
from django.utils.translation import gettext as _

_NAME = r"(?P<name>[^\"<]*)"
_TOOLTIP = re.compile(
    r'title="Make an? (?P<method>GET|POST|PUT|PATCH|DELETE|OPTIONS) request on the '
    + _NAME
    + r' resource(?: with the format set to `(?P<format>[^`"]*)`)?"'
)
_DELETE_QUESTION = re.compile(r">Are you sure you want to delete this " + _NAME + r"\?<")


def _plain_words() -> dict[str, str]:
    return {
        ">HTML form<": _("HTML form"),
        ">Raw data<": _("Raw data"),
        ">Cancel<": _("Cancel"),
        ">Delete<": _("Delete"),
        ">Lists are not currently supported in HTML input.<": _(
            "Lists are not currently supported in HTML input."
        ),
        'title="Specify a format for the GET request"': _("Specify a format for the GET request"),
    }


def _tooltip(match: re.Match) -> str:
    words = {"method": match["method"], "name": match["name"], "format": match["format"]}
    if match["format"] is not None:
        text = _("Make a %(method)s request on the %(name)s page in the format “%(format)s”")
    else:
        text = _("Make a %(method)s request on the %(name)s page")
    # The name comes escaped from the page; the rest of the sentence is escaped here.
    return 'title="' + escape(text) % words + '"'


def translate_page(page: str) -> str:
    """The browsable page with the framework's fixed English put in the active language."""
    for english, translated in _plain_words().items():
        if english.startswith("title="):
            page = page.replace(english, f'title="{escape(translated)}"')
        else:
            page = page.replace(english, f">{escape(translated)}<")
    page = _TOOLTIP.sub(_tooltip, page)
    return _DELETE_QUESTION.sub(
        lambda match: (
            ">"
            + escape(_("Are you sure you want to delete this %(name)s?")) % {"name": match["name"]}
            + "<"
        ),
        page,
    )
