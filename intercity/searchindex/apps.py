"""App configuration for the platform search index."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchIndexConfig(AppConfig):
    name = "intercity.searchindex"
    label = "searchindex"
    verbose_name = _("Search index")

    def ready(self) -> None:
        # Each app registers its search sources in its own AppConfig.ready(); the signal
        # handlers keep every registered source's documents current.
        from intercity.searchindex import checks, signals  # noqa: F401
