"""App configuration for the platform search index."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchIndexConfig(AppConfig):
    name = "intercity.searchindex"
    label = "searchindex"
    verbose_name = _("Search index")

    def ready(self) -> None:
        # The foundation's own records are searchable from the start; other apps
        # register their sources in their own AppConfig.ready().
        from intercity.searchindex import checks, signals, sources  # noqa: F401

        sources.register_foundation_sources()
