"""How programs sign in to the API, and the language they are then answered in."""

from rest_framework import authentication

from intercity.accounts.middleware import activate_language, chosen_language


class TokenAuthentication(authentication.TokenAuthentication):
    """Django REST framework's token sign-in, answered in the person's own language.

    A token is read only once the API view runs, after the middleware that applies a signed-in
    person's language to the pages; so the profile's language is applied here, with the same
    precedence: a link's `?hl=` first, then the language cookie, then the profile, then the
    client's Accept-Language."""

    def authenticate(self, request):
        found = super().authenticate(request)
        if found is not None:
            chosen = chosen_language(request._request, found[0])
            if chosen:
                activate_language(request._request, chosen)
        return found
