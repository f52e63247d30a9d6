"""REST API of the managed list of themes, registered on the shared /api/v1/ router."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, viewsets

from intercity.core import selectors as core_selectors
from intercity.core import serializers as api
from intercity.core.models import Theme


class ThemeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The managed list of cooperation themes; read-only."""

    reader_description = _("The managed list of cooperation themes, to read only.")

    lookup_field = "slug"
    serializer_class = api.ThemeSerializer

    def get_queryset(self):
        return core_selectors.theme_list()

    def get_object(self) -> Theme:
        return get_object_or_404(self.get_queryset(), slug=self.kwargs["slug"])


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("themes", ThemeViewSet, basename="theme")
