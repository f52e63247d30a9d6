"""App configuration for cities."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "intercity.cities"
    verbose_name = _("Cities")
