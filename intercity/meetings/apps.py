"""App configuration for meetings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "intercity.meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from intercity.meetings.files import register_document_files
        from intercity.meetings.search import register_meeting_source

        register_meeting_source()
        register_document_files()
