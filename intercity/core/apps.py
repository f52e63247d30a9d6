"""App configuration for shared building blocks."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "intercity.core"
    verbose_name = _("Core")
