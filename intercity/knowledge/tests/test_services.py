"""Publishing, moderation, translations, attachments and history of knowledge items."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from intercity.core.audit import audit_trail
from intercity.knowledge import services
from intercity.knowledge.markup import plain_text, render_markdown
from intercity.knowledge.models import Attachment, KnowledgeItem
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", "MZ")
    return buffer.getvalue()


def _data(**extra):
    return {"title": "Smog alerts", "body": "We warn residents.", "language": "en", **extra}


def test_a_focal_point_publishes_for_their_own_city(cast, themes):
    item = services.item_create(
        actor=cast.focal_point,
        data=_data(visibility="public"),
        themes=[themes["air-quality"]],
    )
    assert item.city == cast.home
    assert item.author == cast.focal_point
    assert item.published_at is not None
    assert [theme.slug for theme in item.themes.all()] == ["air-quality"]
    assert audit_trail(item)[0].action == "knowledge.item.created"


def test_an_expert_publishes_for_their_city_too(cast):
    item = services.item_create(actor=cast.expert, data=_data())
    assert item.city == cast.home
    assert item.visibility == KnowledgeItem.Visibility.DRAFT
    assert item.published_at is None


def test_nobody_but_the_secretariat_publishes_for_another_city(cast):
    with pytest.raises(ValidationError):
        services.item_create(actor=cast.focal_point, data=_data(city=cast.other))
    item = services.item_create(actor=cast.secretariat, data=_data(city=cast.other))
    assert item.city == cast.other


@pytest.mark.parametrize("persona", ["reader", "organisation_rep"])
def test_readers_and_organisations_cannot_publish(cast, persona):
    with pytest.raises(PermissionDenied):
        services.item_create(actor=getattr(cast, persona), data=_data())
    assert not KnowledgeItem.objects.exists()


def test_another_city_cannot_edit_and_nothing_changes(cast):
    item = KnowledgeItemFactory(city=cast.home, title="Original")
    with pytest.raises(PermissionDenied):
        services.item_update(actor=cast.other_focal_point, item=item, data={"title": "Hijacked"})
    item.refresh_from_db()
    assert item.title == "Original"


def test_the_secretariat_moderates_and_history_keeps_it(cast):
    item = KnowledgeItemFactory(city=cast.home)
    with pytest.raises(PermissionDenied):
        services.item_moderate(actor=cast.focal_point, item=item, visibility="draft")
    services.item_moderate(
        actor=cast.secretariat, item=item, visibility="draft", note="Needs a source."
    )
    item.refresh_from_db()
    assert item.visibility == "draft"
    assert item.moderation_note == "Needs a source."
    entry = audit_trail(item, viewer=cast.secretariat)[0]
    assert entry.action == "knowledge.item.moderated"
    assert "visibility" in {change.field for change in entry.changes}


def test_outcome_numbers_need_a_unit(cast):
    with pytest.raises(ValidationError) as error:
        services.item_create(actor=cast.focal_point, data=_data(outcome_result=12))
    assert "outcome_unit" in error.value.message_dict


def test_a_translation_is_a_linked_version_with_its_translator(cast):
    item = KnowledgeItemFactory(city=cast.other, language="ja", title="東京のスモッグ対策")
    version = services.translation_save(
        actor=cast.expert,
        item=item,
        language="vi",
        data={"title": "Chống khói bụi ở Tokyo", "body": "Nội dung."},
    )
    assert version.translator == cast.expert
    assert version.translated_on is not None
    with pytest.raises(ValidationError):
        services.translation_save(
            actor=cast.expert, item=item, language="ja", data={"title": "x", "body": "y"}
        )


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (PDF, "application/pdf"),
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
        (_docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_attachments_are_typed_by_their_content(cast, settings, tmp_path, data, content_type):
    settings.MEDIA_ROOT = tmp_path
    item = KnowledgeItemFactory(city=cast.home)
    attachment = services.attachment_add(
        actor=cast.focal_point, item=item, title="", name="report.bin", data=data
    )
    assert attachment.content_type == content_type
    assert attachment.size == len(data)


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00 an executable renamed report.pdf",
        b"<html><script>alert(1)</script></html>",
        _zip(),
        b"just text",
    ],
)
def test_attachments_of_other_types_are_rejected_whatever_their_name(
    cast, settings, tmp_path, data
):
    settings.MEDIA_ROOT = tmp_path
    item = KnowledgeItemFactory(city=cast.home)
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=cast.focal_point, item=item, title="", name="report.pdf", data=data
        )
    assert error.value.error_dict["file"][0].code == "bad_type"
    assert not Attachment.objects.exists()


def test_attachments_over_the_size_limit_are_rejected(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.KNOWLEDGE_MAX_ATTACHMENT_BYTES = 1024
    item = KnowledgeItemFactory(city=cast.home)
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=cast.focal_point, item=item, title="", name="big.pdf", data=PDF + b"0" * 2000
        )
    assert error.value.error_dict["file"][0].code == "too_large"


def test_an_attachment_refused_for_its_title_leaves_no_file_behind(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = KnowledgeItemFactory(city=cast.home)
    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            actor=cast.focal_point, item=item, title="x" * 301, name="report.pdf", data=PDF
        )
    assert "title" in error.value.error_dict
    assert not Attachment.objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_markdown_is_rendered_and_sanitised():
    html = render_markdown(
        "# Title\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1)) "
        '<img src=x onerror="alert(1)">'
    )
    assert "<strong>bold</strong>" in html
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
    assert plain_text("**bold** and _em_") == "bold and em"
