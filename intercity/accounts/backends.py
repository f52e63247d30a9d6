"""The sign-in guard in front of Django's password check, for pages and the API alike."""

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials


class SignInGuardBackend(AxesStandaloneBackend):
    """django-axes' lockout check, marking the lockout where its middleware looks for it.

    The API's token endpoint passes its own request wrapper, and django-axes marks the
    lockout on the request it is given: the middleware, which holds the underlying request,
    would not see it and the API would answer a plain "wrong password".
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        underlying = getattr(request, "_request", None)
        if underlying is not None:
            credentials = get_credentials(username=username, password=password, **kwargs)
            if not AxesProxyHandler.is_allowed(underlying, credentials):
                underlying.axes_locked_out = True
                underlying.axes_credentials = credentials
        return super().authenticate(request, username=username, password=password, **kwargs)
