"""App configuration for agreements."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "intercity.agreements"
    verbose_name = _("Agreements")

    def ready(self) -> None:
        from intercity.agreements.search import register_agreement_source

        register_agreement_source()
