"""Text with NUL characters is refused with a 400, never a server error on PostgreSQL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token

from intercity.core.middleware import RefuseNulCharactersMiddleware


@pytest.fixture
def token(cast) -> str:
    return Token.objects.create(user=cast.secretariat).key


def test_a_nul_in_a_json_body_is_refused(client, token):
    response = client.post(
        reverse("api-v1:knowledge-item-list"),
        data='{"title": "Water", "themes": ["\\u0000"]}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_a_nul_in_a_query_is_refused(client, db):
    response = client.get(reverse("api-v1:agreement-list") + "?q=a%00b")
    assert response.status_code == 400


def test_a_nul_in_a_form_is_refused(client, db):
    response = client.post(
        reverse("web:search"), data="q=a%00b", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_an_upload_may_hold_any_byte(rf):
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\x00\x00binary", "application/pdf")
    request = rf.post("/upload/", {"file": upload})
    passed = []
    middleware = RefuseNulCharactersMiddleware(lambda request: passed.append(request) or "ok")
    assert middleware(request) == "ok"
    assert passed == [request]
