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
    model_label,
    theme_slugs_field,
)
from intercity.meetings.models import Meeting
from intercity.meetings.serializers import VisibleMeetingField, meeting_slug_field
from intercity.programmes.models import Activity, Participant, Programme, Review


class ActivitySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(allow_null=True, label=model_label(Activity, "city"))
    meeting = VisibleMeetingField(label=model_label(Activity, "meeting"))

    class Meta:
        model = Activity
        fields = ["title", "kind", "city", "meeting", "date", "description"]


class ReviewSerializer(serializers.ModelSerializer):
    meeting = VisibleMeetingField(label=model_label(Review, "meeting"))

    class Meta:
        model = Review
        fields = ["meeting", "decision", "notes"]


class ReviewWriteSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Meeting.objects.all(),
        label=model_label(Review, "meeting"),
        help_text=_("Slug of the plenary meeting that decided the review."),
    )

    class Meta:
        model = Review
        fields = ["meeting", "decision", "notes"]


class ParticipantSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(
        slug_field="username", read_only=True, label=model_label(Participant, "person")
    )
    name = serializers.SerializerMethodField(
        label=_("Name"), help_text=_("The person's full name.")
    )
    city = CitySummarySerializer(
        source="person.city",
        allow_null=True,
        read_only=True,
        label=_("City"),
        help_text=_("The city the person takes part for."),
    )
    joined_at = serializers.DateTimeField(
        source="created_at",
        read_only=True,
        label=_("Joined"),
        help_text=_("When the person joined."),
    )

    class Meta:
        model = Participant
        fields = ["person", "name", "city", "joined_at"]
        read_only_fields = fields

    def get_name(self, participant) -> str:
        return participant.person.get_full_name() or participant.person.username


class ProgrammeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:programme-detail", lookup_field="slug", label=_("Address")
    )
    is_ended = serializers.BooleanField(
        read_only=True, label=_("Ended"), help_text=_("Closed, or past its end date.")
    )
    lead_city = CitySummarySerializer(allow_null=True, label=model_label(Programme, "lead_city"))
    themes = ThemeSerializer(many=True, label=model_label(Programme, "themes"))

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
    city_count = serializers.IntegerField(read_only=True, label=_("Number of cities"))
    activity_count = serializers.IntegerField(read_only=True, label=_("Number of activities"))

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "city_count", "activity_count"]


class ProgrammeDetailSerializer(ProgrammeSerializer):
    cities = CitySummarySerializer(many=True, label=model_label(Programme, "cities"))
    activity_kinds = serializers.ListField(
        child=serializers.CharField(label=_("Kind of activity")),
        label=model_label(Programme, "activity_kinds"),
    )
    launched_at = VisibleMeetingField(label=model_label(Programme, "launched_at"))
    activities = ActivitySerializer(many=True, label=_("Activities"))
    reviews = ReviewSerializer(many=True, label=_("Reviews"))

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
    lead_city = city_slug_field(
        required=False, allow_null=True, label=model_label(Programme, "lead_city")
    )
    cities = city_slug_field(
        many=True,
        required=False,
        label=model_label(Programme, "cities"),
        help_text=_("Slugs of the participating cities."),
    )
    themes = theme_slugs_field()
    activity_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=Activity.Kind.choices, label=_("Kind of activity")),
        required=False,
        label=model_label(Programme, "activity_kinds"),
    )
    launched_at = meeting_slug_field(
        label=model_label(Programme, "launched_at"),
        help_text=_("Slug of the meeting that launched it."),
    )

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
    q = serializers.CharField(required=False, label=_("Words"), help_text=_("Words to look for."))
    kind = ChoiceFilter(choices=Programme.Kind.choices, label=_("Kind"))
    status = ChoiceFilter(
        choices=[*Programme.Status.choices, ("ended", _("Ended"))], label=_("Status")
    )
    city = RecordFilter(
        queryset=City.objects.all(),
        label=_("City"),
        help_text=_("Slug of a lead or member city."),
    )
    theme = RecordFilter(
        queryset=Theme.objects.all(), label=_("Theme"), help_text=_("Slug of a theme.")
    )
