"""App configuration for indicators."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "intercity.indicators"
    verbose_name = _("Indicators")
