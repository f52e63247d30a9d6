"""API representations of organisations: records out, validated input in."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field
from intercity.core.serializers import (
    SOURCE_FIELDS,
    CheckedTableUploadSerializer,
    ChoiceFilter,
    RecordFilter,
    TableReportSerializer,
    model_label,
)
from intercity.organisations.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:organisation-detail", lookup_field="slug", label=_("Address")
    )
    city = CitySummarySerializer(label=model_label(Organisation, "city"))

    class Meta:
        model = Organisation
        fields = [
            "url",
            "slug",
            "name",
            "kind",
            "city",
            "description",
            "website",
            *SOURCE_FIELDS,
            "is_demo",
        ]


class OrganisationWriteSerializer(serializers.ModelSerializer):
    city = city_slug_field(
        label=model_label(Organisation, "city"), help_text=_("Slug of the organisation's city.")
    )

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "city", "description", "website", *SOURCE_FIELDS]
        validators = []


class OrganisationFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, label=_("Words"), help_text=_("Words to look for."))
    kind = ChoiceFilter(choices=Organisation.Kind.choices, label=_("Kind"))
    city = RecordFilter(
        queryset=City.objects.all(), label=_("City"), help_text=_("Slug of a city.")
    )


@extend_schema_serializer(description=_("Organisations to register, one a line."))
class OrganisationImportUploadSerializer(CheckedTableUploadSerializer):
    columns = "name, city[, kind, website, description]"


class _ImportedSerializer(serializers.Serializer):
    slug = serializers.CharField(allow_blank=True, label=_("Slug"))
    name = serializers.CharField(label=_("Name"))
    kind = serializers.CharField(label=_("Kind"))
    city = serializers.CharField(source="city.slug", label=_("City"))


@extend_schema_serializer(
    description=_("What an import of organisations did; with errors, nothing was written.")
)
class OrganisationImportSerializer(TableReportSerializer):
    written = serializers.BooleanField(label=_("Written"))
    created = _ImportedSerializer(many=True, label=_("Created"))
