"""Who may download a knowledge item's attachment: whoever may read the item."""

from intercity.core.files import register_file_rule
from intercity.knowledge.models import Attachment
from intercity.knowledge.permissions import can_view_item


def can_read_attachment(user, name: str) -> bool:
    attachment = Attachment.objects.filter(file=name).select_related("item").first()
    return attachment is not None and can_view_item(user, attachment.item)


def register_attachment_files() -> None:
    register_file_rule("knowledge", can_read_attachment)
