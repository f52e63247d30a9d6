"""API representations of programmes with their activities and reviews."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field
from intercity.core.models import Theme
from intercity.core.serializers import (
    SOURCE_FIELDS,
    ChoiceFilter,
    RecordFilter,
    ThemeSerializer,
    theme_slugs_field,
)
from intercity.meetings.models import Meeting
from intercity.meetings.serializers import VisibleMeetingField, meeting_slug_field
from intercity.programmes.models import Activity, Participant, Programme, Review


class ActivitySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(allow_null=True)
    meeting = VisibleMeetingField()

    class Meta:
        model = Activity
        fields = ["title", "kind", "city", "meeting", "date", "description"]


class ReviewSerializer(serializers.ModelSerializer):
    meeting = VisibleMeetingField()

    class Meta:
        model = Review
        fields = ["meeting", "decision", "notes"]


class ReviewWriteSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Meeting.objects.all(),
        help_text=_("Slug of the plenary meeting that decided the review."),
    )

    class Meta:
        model = Review
        fields = ["meeting", "decision", "notes"]


class ParticipantSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="username", read_only=True)
    name = serializers.SerializerMethodField(help_text=_("The person's full name."))
    city = CitySummarySerializer(
        source="person.city",
        allow_null=True,
        read_only=True,
        help_text=_("The city the person takes part for."),
    )
    joined_at = serializers.DateTimeField(
        source="created_at", read_only=True, help_text=_("When the person joined.")
    )

    class Meta:
        model = Participant
        fields = ["person", "name", "city", "joined_at"]
        read_only_fields = fields

    def get_name(self, participant) -> str:
        return participant.person.get_full_name() or participant.person.username


class ProgrammeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:programme-detail", lookup_field="slug"
    )
    is_ended = serializers.BooleanField(
        read_only=True, help_text=_("Closed, or past its end date.")
    )
    lead_city = CitySummarySerializer(allow_null=True)
    themes = ThemeSerializer(many=True)

    class Meta:
        model = Programme
        fields = [
            "url",
            "slug",
            "name",
            "titles",
            "kind",
            "field",
            "status",
            "is_ended",
            "lead_city",
            "themes",
            "start_date",
            "end_date",
        ]


class ProgrammeListSerializer(ProgrammeSerializer):
    city_count = serializers.IntegerField(read_only=True)
    activity_count = serializers.IntegerField(read_only=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "city_count", "activity_count"]


class ProgrammeDetailSerializer(ProgrammeSerializer):
    cities = CitySummarySerializer(many=True)
    activity_kinds = serializers.ListField(child=serializers.CharField())
    launched_at = VisibleMeetingField()
    activities = ActivitySerializer(many=True)
    reviews = ReviewSerializer(many=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [
            *ProgrammeSerializer.Meta.fields,
            "description",
            "cities",
            "activity_kinds",
            "launched_at",
            "activities",
            "reviews",
            *SOURCE_FIELDS,
            "is_demo",
        ]


class ProgrammeWriteSerializer(serializers.ModelSerializer):
    lead_city = city_slug_field(required=False, allow_null=True)
    cities = city_slug_field(
        many=True, required=False, help_text=_("Slugs of the participating cities.")
    )
    themes = theme_slugs_field()
    activity_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=Activity.Kind.choices), required=False
    )
    launched_at = meeting_slug_field(help_text=_("Slug of the meeting that launched it."))

    class Meta:
        model = Programme
        fields = [
            "slug",
            "name",
            "titles",
            "kind",
            "field",
            "description",
            "status",
            "lead_city",
            "cities",
            "themes",
            "activity_kinds",
            "launched_at",
            "start_date",
            "end_date",
            *SOURCE_FIELDS,
        ]
        validators = []


class ProgrammeFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, help_text=_("Words to look for."))
    kind = ChoiceFilter(choices=Programme.Kind.choices)
    status = ChoiceFilter(choices=[*Programme.Status.choices, ("ended", _("Ended"))])
    city = RecordFilter(queryset=City.objects.all(), help_text=_("Slug of a lead or member city."))
    theme = RecordFilter(queryset=Theme.objects.all(), help_text=_("Slug of a theme."))
