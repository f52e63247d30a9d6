"""API representations of cities, and the city fields other records embed."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.core.serializers import SOURCE_FIELDS, ChoiceFilter


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
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:city-detail", lookup_field="slug")
    country = serializers.CharField(source="country_name")
    languages = serializers.ListField(child=serializers.CharField(max_length=16))

    class Meta:
        model = City
        fields = ["url", *CITY_FIELDS, "is_demo"]


class CityWriteSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_name", max_length=120)
    languages = serializers.ListField(
        child=serializers.CharField(max_length=16), required=False, help_text=_("Language codes.")
    )

    class Meta:
        model = City
        fields = CITY_FIELDS
        # Uniqueness and constraints are checked once, by the model, inside the service.
        validators = []


class CityFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, help_text=_("Words to look for in the names."))
    membership = ChoiceFilter(choices=City.Membership.choices)
    country = serializers.CharField(
        required=False, max_length=2, help_text=_("Two-letter country code.")
    )
