"""A signed-in person reads the interface in the language saved on their profile."""

from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    """After sign-in: the profile's language applies unless the switcher has set a cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.language
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        ):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
