"""Refuses request text that no database can store, before any view reads it."""

import re

from django.http import JsonResponse
from django.utils.translation import gettext as _

# A NUL character, written literally, percent-encoded or as a JSON escape.
_NUL_IN_QUERY = re.compile(r"%00|\x00", re.IGNORECASE)
_NUL_IN_BODY = re.compile(rb"\x00|\\u0000|%00", re.IGNORECASE)
# Bodies of these types are text the views read as fields; uploads (multipart) carry files,
# which may hold any byte, and their text fields are checked by the forms.
_TEXT_BODIES = ("application/json", "application/x-www-form-urlencoded")


class RefuseNulCharactersMiddleware:
    """A NUL character in a query or a text body is answered 400 with a clear message.

    PostgreSQL cannot store or even compare text holding NUL, so without this check a
    generated or malicious value reaching a lookup would end in a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _NUL_IN_QUERY.search(request.META.get("QUERY_STRING", "")) or self._nul_in_body(request):
            message = _("Text cannot contain NUL characters (code 0).")
            return JsonResponse({"detail": message}, status=400)
        return self.get_response(request)

    @staticmethod
    def _nul_in_body(request) -> bool:
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type not in _TEXT_BODIES:
            return False
        return bool(_NUL_IN_BODY.search(request.body))
