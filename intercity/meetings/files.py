"""Who may download a meeting's document: whoever may see the meeting."""

from intercity.core.files import register_file_rule
from intercity.meetings.models import MeetingDocument
from intercity.meetings.permissions import can_view_meeting


def can_read_document(user, name: str) -> bool:
    document = MeetingDocument.objects.filter(file=name).select_related("meeting").first()
    return document is not None and can_view_meeting(user, document.meeting)


def register_document_files() -> None:
    register_file_rule("meetings", can_read_document)
