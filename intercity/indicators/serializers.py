"""API representations of indicators, observations, targets and imports."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import city_slug_field
from intercity.core.serializers import ChoiceFilter, RecordFilter, model_label
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


def _optional_text(name: str, *, field=serializers.CharField, **kwargs):
    """An observation's text that a row may leave out or blank, labelled as the model names it."""
    return field(required=False, allow_blank=True, label=model_label(Observation, name), **kwargs)


def _city_field(**kwargs):
    return city_slug_field(label=_("City"), help_text=_("The city's slug."), **kwargs)


def _indicator_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=Indicator.objects.all(),
        label=_("Indicator"),
        help_text=_("The indicator's code."),
        **kwargs,
    )


class IndicatorSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:indicator-detail", lookup_field="code", label=_("Address")
    )
    name = serializers.CharField(
        source="label", read_only=True, label=model_label(Indicator, "name")
    )
    definition = serializers.CharField(
        source="description", read_only=True, label=model_label(Indicator, "definition")
    )

    class Meta:
        model = Indicator
        fields = ["url", *INDICATOR_FIELDS]


class IndicatorWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS
        validators = []


class IndicatorFilterSerializer(serializers.Serializer):
    theme = ChoiceFilter(choices=Indicator.Theme.choices, label=_("Theme"))


class ObservationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:indicator-observation-detail", label=_("Address")
    )
    city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Observation, "city")
    )
    indicator = serializers.SlugRelatedField(
        slug_field="code", read_only=True, label=model_label(Observation, "indicator")
    )
    value = serializers.FloatField(
        read_only=True,
        allow_null=True,
        label=model_label(Observation, "value"),
        help_text=_("The value in the indicator's unit."),
    )
    unit = serializers.CharField(source="indicator.unit", read_only=True, label=_("Unit"))

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
    year = serializers.IntegerField(
        min_value=1900, max_value=9999, label=model_label(Observation, "year")
    )
    value = serializers.FloatField(
        required=False, allow_null=True, label=model_label(Observation, "value")
    )
    unit = serializers.CharField(
        required=False,
        allow_blank=True,
        label=_("Unit"),
        help_text=_("Unit of the value; the indicator's if empty."),
    )
    notation_key = serializers.ChoiceField(
        choices=NotationKey.choices,
        required=False,
        allow_blank=True,
        label=model_label(Observation, "notation_key"),
    )
    status = serializers.ChoiceField(
        choices=Observation.Status.choices,
        required=False,
        label=model_label(Observation, "status"),
    )
    period_start = serializers.DateField(
        required=False, allow_null=True, label=model_label(Observation, "period_start")
    )
    period_end = serializers.DateField(
        required=False, allow_null=True, label=model_label(Observation, "period_end")
    )
    gpc_sector = _optional_text("gpc_sector")
    gpc_scope = _optional_text("gpc_scope")
    source_document = _optional_text("source_document", max_length=200)
    source_locator = _optional_text("source_locator", max_length=200)
    source_url = _optional_text("source_url", field=serializers.URLField, max_length=500)
    source_publisher = _optional_text("source_publisher", max_length=200)
    method_note = _optional_text("method_note")


class ObservationFilterSerializer(serializers.Serializer):
    city = RecordFilter(queryset=City.objects.all(), label=_("City"), help_text=_("City slug."))
    indicator = RecordFilter(
        queryset=Indicator.objects.all(),
        slug_field="code",
        label=_("Indicator"),
        help_text=_("Indicator code."),
    )
    year_from = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=9999,
        label=_("From year"),
        help_text=_("First year, included."),
    )
    year_to = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=9999,
        label=_("To year"),
        help_text=_("Last year, included."),
    )


class TargetSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:indicator-target-detail", label=_("Address")
    )
    city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Target, "city")
    )
    indicator = serializers.SlugRelatedField(
        slug_field="code", read_only=True, label=model_label(Target, "indicator")
    )
    commitment = serializers.PrimaryKeyRelatedField(
        read_only=True, label=model_label(Target, "commitment")
    )
    programme = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Target, "programme")
    )

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
    city = RecordFilter(queryset=City.objects.all(), label=_("City"))
    indicator = RecordFilter(
        queryset=Indicator.objects.all(), slug_field="code", label=_("Indicator")
    )


class IndicatorImportSerializer(serializers.Serializer):
    file = serializers.FileField(
        label=_("File"), help_text=_("A CSV or XLSX table in the long or wide layout.")
    )
    dry_run = serializers.BooleanField(
        required=False,
        default=False,
        label=_("Check only"),
        help_text=_("Check every row and report; store nothing."),
    )
