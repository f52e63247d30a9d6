"""App configuration for knowledge."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "intercity.knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from intercity.knowledge.files import register_attachment_files
        from intercity.knowledge.searching import register_knowledge_source

        register_knowledge_source()
        register_attachment_files()
