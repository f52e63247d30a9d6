"""API representations of the news the network publishes."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field
from intercity.core.models import NewsItem
from intercity.core.serializers import SOURCE_FIELDS, ChoiceFilter, RecordFilter, model_label
from intercity.meetings.serializers import VisibleMeetingField, meeting_slug_field


class NewsItemSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:news-detail", lookup_field="slug", label=_("Address")
    )
    cities = CitySummarySerializer(many=True, label=model_label(NewsItem, "cities"))
    meeting = VisibleMeetingField(label=model_label(NewsItem, "meeting"))

    class Meta:
        model = NewsItem
        fields = [
            "url",
            "slug",
            "title",
            "summary",
            "kind",
            "published_on",
            "cities",
            "meeting",
            *SOURCE_FIELDS,
            "is_demo",
        ]


class NewsItemWriteSerializer(serializers.ModelSerializer):
    cities = city_slug_field(
        many=True,
        required=False,
        label=model_label(NewsItem, "cities"),
        help_text=_("Slugs of the cities."),
    )
    meeting = meeting_slug_field(label=model_label(NewsItem, "meeting"))

    class Meta:
        model = NewsItem
        fields = [
            "slug",
            "title",
            "summary",
            "kind",
            "published_on",
            "cities",
            "meeting",
            *SOURCE_FIELDS,
        ]
        validators = []


class NewsFilterSerializer(serializers.Serializer):
    kind = ChoiceFilter(choices=NewsItem.Kind.choices, label=_("Kind"))
    city = RecordFilter(
        queryset=City.objects.all(), label=_("City"), help_text=_("Slug of a city.")
    )
