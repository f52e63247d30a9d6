"""App configuration for shared building blocks."""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "intercity.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from intercity.core import lookups

        lookups.register()
        # Each app's sections.py registers its parts of the pages that gather many apps.
        autodiscover_modules("sections")
