"""API representations shared by every app: themes and the fields of sourced records."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.core.models import Theme

SOURCE_FIELDS = ["source_document", "source_locator"]


def theme_slugs_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Theme.objects.all(),
        many=True,
        required=False,
        help_text=_("Slugs of the themes."),
    )


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name"]
