"""API representations of cities, and the city fields other records embed."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.core.serializers import SOURCE_FIELDS, ChoiceFilter, model_label


def city_slug_field(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="slug", queryset=City.objects.all(), **kwargs)


def unique_cities(rows: list[dict]) -> list[dict]:
    """Refuse a list that names a city twice: each city plays one role."""
    slugs = [row["city"].slug for row in rows]
    if len(slugs) != len(set(slugs)):
        raise serializers.ValidationError(_("Name each city only once."))
    return rows


class CitySummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = ["slug", "name", "country_code"]


# What a client may both read and write on a city; reads add the URL and the demo flag.
CITY_FIELDS = [
    "slug",
    "name",
    "local_name",
    "names",
    "country",
    "country_code",
    "latitude",
    "longitude",
    "population",
    "time_zone",
    "languages",
    "membership_status",
    "joined_on",
    "left_on",
    "description",
    "website",
    "geonames_id",
    "gazetteer_source",
    *SOURCE_FIELDS,
]


class CitySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:city-detail", lookup_field="slug", label=_("Address")
    )
    country = serializers.CharField(source="country_name", label=_("Country"))
    languages = serializers.ListField(
        child=serializers.CharField(max_length=16, label=_("Language")),
        label=model_label(City, "languages"),
    )

    class Meta:
        model = City
        fields = ["url", *CITY_FIELDS, "is_demo"]


class CityWriteSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_name", max_length=120, label=_("Country"))
    languages = serializers.ListField(
        child=serializers.CharField(max_length=16, label=_("Language")),
        required=False,
        label=model_label(City, "languages"),
        help_text=_("Language codes."),
    )

    class Meta:
        model = City
        fields = CITY_FIELDS
        # Uniqueness and constraints are checked once, by the model, inside the service.
        validators = []


class CityFilterSerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, label=_("Words"), help_text=_("Words to look for in the names.")
    )
    membership = ChoiceFilter(
        choices=City.Membership.choices, label=model_label(City, "membership_status")
    )
    country = serializers.CharField(
        required=False, max_length=2, label=_("Country"), help_text=_("Two-letter country code.")
    )
