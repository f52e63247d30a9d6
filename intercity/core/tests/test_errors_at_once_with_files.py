"""A form sent with a file also has its other fields tried on the service, and the trial
stores no file: nothing lands in the media folder and nothing in the database."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intercity.core.form_saving import trial_error
from intercity.core.trial_storage import TrialFileSystemStorage, saves_can_be_discarded
from intercity.declarations.models import ProgressReport
from intercity.knowledge import views as knowledge_views
from intercity.knowledge.models import Attachment
from intercity.knowledge.services import attachment_add
from intercity.meetings.models import MeetingDocument
from intercity.testing.declaration_factories import CommitmentFactory
from intercity.testing.factories import MeetingFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Workshop minutes\n%%EOF\n"
PROGRAM = b"MZ\x90\x00 a renamed program"
ONLY_THESE_TYPES = "Only PDF, Word (DOCX) and image files (PNG, JPEG, GIF, WebP) are accepted."


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def post_report(cast, client_for, content: bytes, reported_on: str):
    """A report with a bad link and a file, sent by the home city's focal point."""
    commitment = CommitmentFactory(
        cities=[cast.home], clause__declaration__adopted_on=datetime.date(2020, 3, 5)
    )
    return client_for(cast.focal_point).post(
        reverse("declarations:report", args=[commitment.pk, cast.home.slug]),
        {
            "status": "achieved",
            "evidence_url": "not a link",
            "evidence_file": SimpleUploadedFile("minutes.pdf", content),
            "reported_on": reported_on,
        },
    )


@pytest.mark.parametrize(
    ("content", "reported_on", "field", "message"),
    [
        (PDF, "2099-01-01", "reported_on", "A report cannot be dated in the future."),
        (PROGRAM, "2021-01-01", "evidence_file", ONLY_THESE_TYPES),
    ],
    ids=["a date in the future", "a file that is not a document"],
)
def test_a_report_with_a_file_shows_a_bad_link_beside_another_error(
    cast, client_for, media, content, reported_on, field, message
):
    page = post_report(cast, client_for, content, reported_on)
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "evidence_url" in errors
    assert errors[field] == [message]
    assert not ProgressReport.objects.exists()
    assert stored_files(media) == []


def test_a_meeting_document_shows_a_bad_link_beside_a_file_that_is_not_a_document(
    cast, client_for, media
):
    meeting = MeetingFactory(host_city=cast.home)
    page = client_for(cast.focal_point).post(
        reverse("meetings:document-create", args=[meeting.slug]),
        {
            "document-title": "Report",
            "document-kind": "report",
            "document-url": "not a link",
            "document-file": SimpleUploadedFile("report.pdf", PROGRAM),
        },
    )
    assert page.status_code == 400
    errors = page.context["document_form"].errors
    assert "url" in errors
    assert errors["file"] == ["Only PDF, Word (DOCX) and image files (PNG, JPEG, GIF, WebP)."]
    assert not MeetingDocument.objects.exists()
    assert stored_files(media) == []


def test_an_attachment_with_a_wrong_title_is_tried_with_its_file_and_nothing_is_kept(
    cast, client_for, media, monkeypatch
):
    item = KnowledgeItemFactory(city=cast.home)
    stored = []

    def attach(**arguments):
        attachment = attachment_add(**arguments)
        stored.append(attachment.file.name)
        return attachment

    monkeypatch.setattr(knowledge_views, "attachment_add", attach)
    page = client_for(cast.secretariat).post(
        reverse("knowledge:attachment-create", args=[item.slug]),
        {"title": "x" * 300, "file": SimpleUploadedFile("plan.pdf", PDF)},
    )
    assert page.status_code == 400
    assert list(page.context["form"].errors) == ["title"]
    # The service went as far as storing the file, and the file is nowhere.
    assert stored and stored[0].startswith("knowledge/")
    assert stored_files(media) == []
    assert not Attachment.objects.exists()
    assert not Attachment.history.exists()


def test_a_trial_that_stores_a_file_keeps_neither_the_file_nor_the_record(cast, media):
    item = KnowledgeItemFactory(city=cast.home)

    def attach(_data):
        attachment_add(actor=cast.secretariat, item=item, title="Plan", name="plan.pdf", data=PDF)
        raise ValidationError({"title": "Refused after the file was stored."})

    error = trial_error(attach, {})
    assert error.message_dict == {"title": ["Refused after the file was stored."]}
    assert stored_files(media) == []
    assert not Attachment.objects.exists()


def test_files_are_stored_as_usual_outside_a_trial_and_by_other_threads_during_one(media):
    def store(name):
        default_storage.save(name, ContentFile(b"kept"))

    def save(_data):
        store("trial/discarded.txt")
        other = threading.Thread(target=store, args=["other/kept.txt"])
        other.start()
        other.join()

    trial_error(save, {})
    store("after/kept.txt")
    assert sorted(path.relative_to(media).as_posix() for path in stored_files(media)) == [
        "after/kept.txt",
        "other/kept.txt",
    ]


class StorageThatSavesItsOwnWay(FileSystemStorage):
    def save(self, name, content, max_length=None):
        return super()._save(name, content)


class TrialStorageThatSavesItsOwnWay(TrialFileSystemStorage):
    def save(self, name, content, max_length=None):
        return FileSystemStorage._save(self, name, content)


class TrialStorageThatWritesItsOwnWay(TrialFileSystemStorage):
    def _save(self, name, content):
        return FileSystemStorage._save(self, name, content)


def use_default_storage(settings, backend: type) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{backend.__module__}.{backend.__qualname__}"},
    }


@pytest.mark.parametrize(
    ("backend", "discards"),
    [
        (TrialFileSystemStorage, True),
        (FileSystemStorage, False),
        (StorageThatSavesItsOwnWay, False),
        (TrialStorageThatSavesItsOwnWay, False),
        (TrialStorageThatWritesItsOwnWay, False),
    ],
)
def test_trials_with_files_are_allowed_only_where_the_default_storage_discards_them(
    settings, backend, discards
):
    assert saves_can_be_discarded()
    use_default_storage(settings, backend)
    assert saves_can_be_discarded() is discards


def test_a_form_with_a_file_is_not_tried_where_a_storage_saves_its_own_way(
    cast, client_for, media, settings
):
    use_default_storage(settings, StorageThatSavesItsOwnWay)
    page = post_report(cast, client_for, PDF, "2099-01-01")
    assert page.status_code == 400
    assert list(page.context["form"].errors) == ["evidence_url"]
    assert stored_files(media) == []
