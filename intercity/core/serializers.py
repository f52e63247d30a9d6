"""API representations shared by every app: themes and the fields of sourced records."""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.core.models import Theme

SOURCE_FIELDS = ["source_document", "source_locator"]


class RowSerializer(serializers.Serializer):
    """One row of a nested list in a request body (a party, a participating city…).

    On a partial update (PATCH) DRF skips the missing required fields of the record, and the
    rows nested in it inherit that leniency; but a row is always given whole, so its own
    required fields are checked here and a missing one is a field error, never a 500.
    """

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            missing = {
                name: [_("This field is required.")]
                for name, field in self.fields.items()
                if field.required and not field.read_only and name not in data
            }
            if missing:
                raise serializers.ValidationError(missing)
        return super().to_internal_value(data)


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
        fields = ["slug", "name", "names", "label"]
        read_only_fields = ["label"]
