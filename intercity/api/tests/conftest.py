"""Fixtures of the API tests: clients that authenticate with a token, as each of the cast."""

import pytest
from django.urls import reverse
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


@pytest.fixture
def refused(api_as):
    """Sends a write as one of the cast, by role, and gives the body of the API's refusal."""

    def send(role: str, method: str, path: str, data: dict) -> dict:
        answer = getattr(api_as(role), method)(path, data, format="json")
        assert answer.status_code == 400, answer.content
        return answer.json()

    return send


@pytest.fixture
def schemas(client, db):
    """The OpenAPI schema as JSON, in English and in Vietnamese: texts that read the same in
    both are texts the reader's language does not reach."""

    def read(language: str) -> dict:
        answer = client.get(reverse("api-schema"), {"lang": language, "format": "json"})
        assert answer.status_code == 200
        return answer.json()

    return read("en"), read("vi")
