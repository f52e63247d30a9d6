"""Fixtures of the API tests: clients that authenticate with a token, as each of the cast."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def api_as(cast):
    """A client acting as one of the cast, named by role; "anonymous" sends no credentials."""

    def make(role: str) -> APIClient:
        client = APIClient()
        if role != "anonymous":
            token, _ = Token.objects.get_or_create(user=getattr(cast, role))
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make
