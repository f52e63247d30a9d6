"""?format=json answers JSON on every API list and record, even to a browser asking for HTML."""

import pytest
from rest_framework.test import APIClient

from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_every_list_and_its_first_record_answer_json_when_asked(cast):
    KnowledgeItemFactory(city=cast.home)
    client = APIClient()
    client.force_authenticate(cast.secretariat)
    lists = client.get("/api/v1/", {"format": "json"}, HTTP_ACCEPT=BROWSER).json()
    assert len(lists) > 20

    for name, address in lists.items():
        path = address.split("//", 1)[-1].split("/", 1)[-1].split("?")[0]
        response = client.get(f"/{path}", {"format": "json", "q": "x"}, HTTP_ACCEPT=BROWSER)
        assert response["Content-Type"].startswith("application/json"), name
        rows = response.json().get("results") if isinstance(response.json(), dict) else None
        record = (rows or [{}])[0].get("url")
        if record:
            record_path = record.split("//", 1)[-1].split("/", 1)[-1].split("?")[0]
            answer = client.get(f"/{record_path}", {"format": "json"}, HTTP_ACCEPT=BROWSER)
            assert answer["Content-Type"].startswith("application/json"), record_path


def test_errors_answer_json_too(cast):
    client = APIClient()
    for path in ("/api/v1/cities/no-such-city/", "/api/v1/knowledge/import/"):
        response = client.get(path, {"format": "json"}, HTTP_ACCEPT=BROWSER)
        assert response.status_code in (404, 401, 405)
        assert response["Content-Type"].startswith("application/json"), path
