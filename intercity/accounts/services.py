"""Writes to user accounts."""

from django.db import transaction
from rest_framework.authtoken.models import Token


@transaction.atomic
def api_token_rotate(*, actor) -> Token:
    """Issue a fresh API token for the user, revoking any previous one."""
    Token.objects.filter(user=actor).delete()
    return Token.objects.create(user=actor)
