"""API representations of indicators, observations, targets and imports."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import city_slug_field
from intercity.core.serializers import ChoiceFilter, RecordFilter
from intercity.indicators.models import Indicator, NotationKey, Observation, Target

INDICATOR_FIELDS = [
    "code",
    "name",
    "definition",
    "unit",
    "direction",
    "theme",
    "aggregation",
    "standard",
    "gpc_breakdown",
    "gpc_sector",
    "per_capita",
    "minimum",
    "maximum",
]


def _city_field(**kwargs):
    return city_slug_field(help_text=_("The city's slug."), **kwargs)


def _indicator_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=Indicator.objects.all(),
        help_text=_("The indicator's code."),
        **kwargs,
    )


class IndicatorSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:indicator-detail", lookup_field="code"
    )
    name = serializers.CharField(source="label", read_only=True)
    definition = serializers.CharField(source="description", read_only=True)

    class Meta:
        model = Indicator
        fields = ["url", *INDICATOR_FIELDS]


class IndicatorWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS
        validators = []


class IndicatorFilterSerializer(serializers.Serializer):
    theme = ChoiceFilter(choices=Indicator.Theme.choices)


class ObservationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:indicator-observation-detail")
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)
    value = serializers.FloatField(
        read_only=True, allow_null=True, help_text=_("The value in the indicator's unit.")
    )
    unit = serializers.CharField(source="indicator.unit", read_only=True)

    class Meta:
        model = Observation
        fields = [
            "id",
            "url",
            "city",
            "indicator",
            "year",
            "period_start",
            "period_end",
            "gpc_sector",
            "gpc_scope",
            "value",
            "unit",
            "value_as_given",
            "unit_as_given",
            "notation_key",
            "status",
            "source_document",
            "source_locator",
            "source_url",
            "source_publisher",
            "method_note",
            "is_demo",
            "verified_at",
            "updated_at",
        ]


class ObservationWriteSerializer(serializers.Serializer):
    city = _city_field()
    indicator = _indicator_field()
    year = serializers.IntegerField(min_value=1900, max_value=9999)
    value = serializers.FloatField(required=False, allow_null=True)
    unit = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_("Unit of the value; the indicator's if empty."),
    )
    notation_key = serializers.ChoiceField(
        choices=NotationKey.choices, required=False, allow_blank=True
    )
    status = serializers.ChoiceField(choices=Observation.Status.choices, required=False)
    period_start = serializers.DateField(required=False, allow_null=True)
    period_end = serializers.DateField(required=False, allow_null=True)
    gpc_sector = serializers.CharField(required=False, allow_blank=True)
    gpc_scope = serializers.CharField(required=False, allow_blank=True)
    source_document = serializers.CharField(required=False, allow_blank=True, max_length=200)
    source_locator = serializers.CharField(required=False, allow_blank=True, max_length=200)
    source_url = serializers.URLField(required=False, allow_blank=True, max_length=500)
    source_publisher = serializers.CharField(required=False, allow_blank=True, max_length=200)
    method_note = serializers.CharField(required=False, allow_blank=True)


class ObservationFilterSerializer(serializers.Serializer):
    city = RecordFilter(queryset=City.objects.all(), help_text=_("City slug."))
    indicator = RecordFilter(
        queryset=Indicator.objects.all(), slug_field="code", help_text=_("Indicator code.")
    )
    year_from = serializers.IntegerField(
        required=False, min_value=1, max_value=9999, help_text=_("First year, included.")
    )
    year_to = serializers.IntegerField(
        required=False, min_value=1, max_value=9999, help_text=_("Last year, included.")
    )


class TargetSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:indicator-target-detail")
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)
    commitment = serializers.PrimaryKeyRelatedField(read_only=True)
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Target
        fields = [
            "id",
            "url",
            "city",
            "indicator",
            "kind",
            "base_year",
            "base_value",
            "target_year",
            "target_value",
            "bau_value",
            "commitment",
            "programme",
            "note",
            "is_demo",
        ]


class TargetWriteSerializer(serializers.ModelSerializer):
    city = _city_field()
    indicator = _indicator_field()

    class Meta:
        model = Target
        fields = [
            "city",
            "indicator",
            "kind",
            "base_year",
            "base_value",
            "target_year",
            "target_value",
            "bau_value",
            "commitment",
            "programme",
            "note",
        ]


class TargetFilterSerializer(serializers.Serializer):
    city = RecordFilter(queryset=City.objects.all())
    indicator = RecordFilter(queryset=Indicator.objects.all(), slug_field="code")


class IndicatorImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("A CSV or XLSX table in the long or wide layout."))
    dry_run = serializers.BooleanField(
        required=False, default=False, help_text=_("Check every row and report; store nothing.")
    )
