"""App configuration for organisations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "intercity.organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from intercity.organisations.search import register_organisation_source

        register_organisation_source()
