"""The solidarity app: incidents, help between cities, alerts and joint drills."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolidarityConfig(AppConfig):
    name = "intercity.solidarity"
    verbose_name = _("Solidarity")
    default_auto_field = "django.db.models.BigAutoField"
