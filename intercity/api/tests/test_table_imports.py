"""Every CSV table import answers alike, on its page and in the API: a file too large is
refused before it is read, and problems come back by line with nothing written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from drf_spectacular.generators import SchemaGenerator

from intercity.business.models import MeetingRequest, Profile
from intercity.organisations.models import Organisation
from intercity.testing.business_factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def imports(cast):
    """Each import's page, API address, a column its header needs, and what it writes."""
    event = EventFactory(meeting__host_city=cast.home)
    return {
        "organisations": (
            "/organisations/import/",
            "/api/v1/organisations/import/",
            "name",
            Organisation.objects.exclude(pk=cast.organisation_rep.organisation_id),
        ),
        "profiles": (
            "/business/profile-import/",
            "/api/v1/business/profiles/import/",
            "organisation",
            Profile.objects.all(),
        ),
        "meetings": (
            f"/business/events/{event.pk}/requests/import/",
            f"/api/v1/business/events/{event.pk}/requests/import/",
            "requester",
            MeetingRequest.objects.all(),
        ),
    }


def _upload(content: bytes):
    return SimpleUploadedFile("table.csv", content, content_type="text/csv")


@pytest.mark.parametrize("kind", ["organisations", "profiles", "meetings"])
def test_a_file_over_the_size_limit_is_refused_on_the_page_and_in_the_api(
    cast, imports, client_for, kind
):
    page_url, api_url, column, written = imports[kind]
    big = f"{column}\n".encode() + b"x" * (5 * 1024 * 1024)
    client = client_for(cast.secretariat)
    api = client.post(api_url, {"file": _upload(big)})
    assert api.status_code == 400
    assert api.json() == {"file": ["The file is larger than 5 MB; split it."]}
    page = client.post(page_url, {"file": _upload(big)})
    assert page.status_code == 400 and "larger than 5 MB" in page.text
    assert not written.exists()


@pytest.mark.parametrize("kind", ["organisations", "profiles", "meetings"])
def test_a_wrong_header_is_reported_by_line_and_nothing_is_written(cast, imports, client_for, kind):
    page_url, api_url, column, written = imports[kind]
    client = client_for(cast.secretariat)
    api = client.post(api_url, {"file": _upload(b"colour\nblue\n")})
    assert api.status_code == 400
    body = api.json()
    assert body["skipped"] == []
    [error] = body["errors"]
    assert error["line"] == 1 and column in error["message"]
    page = client.post(page_url, {"file": _upload(b"colour\nblue\n")})
    assert page.status_code == 400 and column in page.text
    assert not written.exists()


WITH_CHECK = ({"file", "dry_run"}, {"200", "201", "400", "401", "403", "404", "429"})
IMPORT_SCHEMAS = {
    "/api/v1/organisations/import/": WITH_CHECK,
    "/api/v1/business/profiles/import/": WITH_CHECK,
    # Agreed meetings are written at once, answered 200: no check-only run.
    "/api/v1/business/events/{id}/requests/import/": (
        {"file"},
        {"200", "400", "401", "403", "404", "429"},
    ),
}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize("path", IMPORT_SCHEMAS)
def test_the_schema_describes_each_import_s_upload_and_answers(schema, path):
    fields, codes = IMPORT_SCHEMAS[path]
    operation = schema["paths"][path]["post"]
    reference = operation["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"]
    upload = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert set(upload["properties"]) == fields
    assert upload["required"] == ["file"]
    assert upload["properties"]["file"]["format"] == "binary"
    assert upload["properties"]["file"]["description"].startswith("CSV (UTF-8): ")
    if "dry_run" in upload["properties"]:
        assert upload["properties"]["dry_run"]["type"] == "boolean"
        assert upload["properties"]["dry_run"]["default"] is False
    assert set(operation["responses"]) == codes
