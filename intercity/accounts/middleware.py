"""Which language the interface speaks: a shared link's `?hl=`, then the switcher's cookie, then the
signed-in person's profile, then the browser's Accept-Language (Django's LocaleMiddleware)."""

from django.conf import settings
from django.utils import translation

LANGUAGE_PARAMETER = "hl"


def requested_language(request) -> str | None:
    """The supported language a link asks for with `?hl=`, or None.

    Codes are read as people and other systems write them: "zh_Hant", "zh-TW", "JA" and
    "fil_PH" all name a language the site speaks, and each comes back as the site's own code
    ("zh-hant", "ja", "fil"), which the page's `lang` and the language cookie then carry."""
    code = request.GET.get(LANGUAGE_PARAMETER, "").strip().replace("_", "-").lower()
    if not code:
        return None
    try:
        code = translation.get_supported_language_variant(code)
    except LookupError:
        return None
    return code


def chosen_language(request, user) -> str | None:
    """The language a person chose over their browser's: a link's `?hl=`, else the profile's
    language unless the switcher's cookie says otherwise; None leaves Accept-Language to decide."""
    chosen = requested_language(request)
    if chosen is None and (
        user is not None
        and user.is_authenticated
        and user.language
        and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
    ):
        chosen = user.language
    return chosen


def activate_language(request, code: str) -> None:
    translation.activate(code)
    request.LANGUAGE_CODE = code


class UserLanguageMiddleware:
    """Runs after LocaleMiddleware and overrides its choice where the person has made one.

    A link carrying `?hl=th` opens in Thai for whoever follows it, and the choice is remembered
    in the language cookie as the switcher would; the same URL without the parameter keeps working
    in everyone's own language, so links in emails, feeds and the API never change.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = chosen_language(request, getattr(request, "user", None))
        if chosen:
            activate_language(request, chosen)
        response = self.get_response(request)
        if chosen and LANGUAGE_PARAMETER in request.GET:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
