"""App configuration for programmes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "intercity.programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        from intercity.programmes.search import register_programme_source

        register_programme_source()
