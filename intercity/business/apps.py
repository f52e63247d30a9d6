"""App configuration for business."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessConfig(AppConfig):
    name = "intercity.business"
    verbose_name = _("Business")

    def ready(self) -> None:
        from intercity.business.search import register_business_source

        register_business_source()
