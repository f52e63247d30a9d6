"""App configuration for api."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "intercity.api"
    verbose_name = _("Api")
