"""App configuration for declarations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationsConfig(AppConfig):
    name = "intercity.declarations"
    verbose_name = _("Declarations")

    def ready(self) -> None:
        from intercity.declarations.files import register_evidence_files
        from intercity.declarations.rotation import register_announced_hosts
        from intercity.declarations.search import register_declaration_source

        register_declaration_source()
        register_evidence_files()
        register_announced_hosts()
