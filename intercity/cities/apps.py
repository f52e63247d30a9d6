"""App configuration for cities."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "intercity.cities"
    verbose_name = _("Cities")

    def ready(self) -> None:
        from intercity.cities.search import register_city_source

        register_city_source()
