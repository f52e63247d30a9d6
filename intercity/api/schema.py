"""How the OpenAPI schema describes operations: in the reader's language where the views say
so, and with the answers every operation may give besides its own."""

from django.utils.translation import gettext as _
from drf_spectacular import openapi
from drf_spectacular.plumbing import get_doc

from intercity.api.naming import view_description

_WRITES = ("post", "put", "patch", "delete")


def document_common_answers(result, generator, request, public):
    """Add the answers the shared plumbing gives to any operation that can meet them:
    404 for a record or page that is not there, 400 for invalid input or filters, 401 and
    403 for writes, 429 when the caller's rate is spent. An operation's own wording wins."""
    answers = {
        "400": _("Invalid input or filters, with a message per field."),
        "401": _("No valid credentials were given."),
        "403": _("Your role may not do this."),
        "404": _("No such record or page, or not one you may see or change."),
        "429": _("Too many requests: wait and try again."),
    }
    for path, methods in result.get("paths", {}).items():
        for method, operation in methods.items():
            if method not in ("get", *_WRITES):
                continue
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            codes = ["429"]
            if method in _WRITES or "{" in path or any(p.get("name") == "page" for p in parameters):
                codes.append("404")
            if method in _WRITES:
                codes += ["400", "401", "403"]
            elif any(p.get("in") == "query" for p in parameters):
                codes.append("400")
            for code in codes:
                responses.setdefault(code, {"description": answers[code]})
    return result


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, describing an operation as the browsable API describes its page.

    The schema is built per request, in the reader's language (`?lang=`, `?hl=` or the
    account's), so an operation without its own description (its method's docstring or an
    `extend_schema(description=…)`) gets its viewset's `reader_description`, translated, rather
    than the class docstring.
    """

    def get_description(self) -> str:
        action = getattr(self.view, getattr(self.view, "action", self.method.lower()), None)
        return get_doc(action) or view_description(self.view)


class SingleObjectSchema(AutoSchema):
    """For a viewset whose `list` answers one object (a search with its counts), not an array."""

    def _is_list_view(self, serializer=None) -> bool:
        return False
