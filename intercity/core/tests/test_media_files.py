"""Uploaded files answer only readers who may see the record each belongs to."""

import pytest
from django.core.files.base import ContentFile

from intercity.knowledge.models import Attachment, KnowledgeItem
from intercity.testing.declaration_factories import CommitmentFactory, ProgressReportFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _evidence(cast):
    commitment = CommitmentFactory(cities=[cast.home, cast.other])
    report = ProgressReportFactory(commitment=commitment, city=cast.home)
    report.evidence_file.save("audit.pdf", ContentFile(PDF))
    return report


def _attachment(cast, visibility):
    item = KnowledgeItemFactory(city=cast.home, visibility=visibility)
    attachment = Attachment(item=item, title="Plan", content_type="application/pdf", size=len(PDF))
    attachment.file.save("plan.pdf", ContentFile(PDF))
    return attachment


def test_the_reporting_citys_focal_point_downloads_the_evidence(cast, client_for):
    report = _evidence(cast)
    response = client_for(cast.focal_point).get(report.evidence_file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content) == PDF


def test_the_secretariat_downloads_the_evidence(cast, client_for):
    report = _evidence(cast)
    assert client_for(cast.secretariat).get(report.evidence_file.url).status_code == 200


def test_evidence_is_404_for_another_city_and_the_public(cast, client_for, client):
    report = _evidence(cast)
    url = report.evidence_file.url
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client_for(cast.reader).get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_the_commitment_page_links_evidence_only_for_those_who_may_open_it(cast, client_for):
    report = _evidence(cast)
    page = report.commitment.get_absolute_url()
    assert report.evidence_file.url in client_for(cast.focal_point).get(page).text
    assert report.evidence_file.url not in client_for(cast.other_focal_point).get(page).text


def test_a_public_items_attachment_is_public(cast, client):
    attachment = _attachment(cast, KnowledgeItem.Visibility.PUBLIC)
    assert client.get(attachment.file.url).status_code == 200


def test_a_network_items_attachment_is_for_the_network(cast, client_for, client):
    attachment = _attachment(cast, KnowledgeItem.Visibility.NETWORK)
    url = attachment.file.url
    assert client_for(cast.other_focal_point).get(url).status_code == 200
    assert client.get(url).status_code == 404
    assert client_for(cast.reader).get(url).status_code == 404


def test_a_file_no_record_claims_is_404(client_for, cast, settings, tmp_path):
    (tmp_path / "stray.pdf").write_bytes(PDF)
    assert client_for(cast.secretariat).get("/media/stray.pdf").status_code == 404
    assert client_for(cast.secretariat).get("/media/knowledge/../stray.pdf").status_code == 404


def test_production_hands_the_file_to_the_front_server(cast, client_for, settings):
    settings.INTERCITY_FILE_OFFLOAD = "x-accel"
    report = _evidence(cast)
    response = client_for(cast.focal_point).get(report.evidence_file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + report.evidence_file.name
    assert response.content == b""
