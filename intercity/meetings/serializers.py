"""API representations of meetings, and the meeting fields other records embed."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field, unique_cities
from intercity.core.serializers import (
    SOURCE_FIELDS,
    ChoiceFilter,
    RecordFilter,
    RowSerializer,
    model_label,
)
from intercity.meetings.models import (
    Attendee,
    Meeting,
    MeetingCity,
    MeetingDocument,
    Registration,
    Session,
)
from intercity.meetings.permissions import can_view_meeting


def meeting_slug_field(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug", queryset=Meeting.objects.all(), required=False, allow_null=True, **kwargs
    )


@extend_schema_serializer(
    description=_(
        "A meeting named inside another record: its title as written, and in other languages."
    )
)
class MeetingSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["slug", "title", "titles", "kind", "year"]


@extend_schema_field(MeetingSummarySerializer(allow_null=True))
class VisibleMeetingField(serializers.Field):
    """A linked meeting, shown only to those who may see it (non-public meetings stay hidden)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, meeting):
        request = self.context.get("request")
        if not can_view_meeting(getattr(request, "user", None), meeting):
            return None
        return MeetingSummarySerializer(meeting).data


class MeetingCitySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(label=model_label(MeetingCity, "city"))

    class Meta:
        model = MeetingCity
        fields = ["city", "role"]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["title", "kind", "topic", "day", "starts_at", "ends_at", "position"]


class AttendeeSerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(allow_null=True, label=model_label(Attendee, "city"))

    class Meta:
        model = Attendee
        fields = ["name", "position", "city", "role"]


class MeetingDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingDocument
        fields = ["title", "kind", "language", "file", "url"]


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:meeting-detail", lookup_field="slug", label=_("Address")
    )
    host_city = CitySummarySerializer(allow_null=True, label=model_label(Meeting, "host_city"))

    class Meta:
        model = Meeting
        fields = [
            "url",
            "slug",
            "title",
            "titles",
            "kind",
            "ordinal",
            "status",
            "host_city",
            "year",
            "start_date",
            "end_date",
            "time_zone",
            "venue",
            "is_public",
            "registration_opens_on",
            "registration_closes_on",
            "places_per_city",
        ]
        read_only_fields = ["registration_opens_on", "registration_closes_on", "places_per_city"]


class MeetingListSerializer(MeetingSerializer):
    city_count = serializers.IntegerField(
        read_only=True,
        label=_("Number of cities"),
        help_text=_("Number of participating cities, host included."),
    )

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "city_count"]


class MeetingDetailSerializer(MeetingSerializer):
    parent = VisibleMeetingField(
        label=model_label(Meeting, "parent"),
        help_text=_("The meeting this one was held alongside."),
    )
    cities = MeetingCitySerializer(
        source="city_roles", many=True, label=model_label(Meeting, "cities")
    )
    sessions = SessionSerializer(many=True, label=_("Sessions"))
    attendees = AttendeeSerializer(many=True, label=_("Attendees"))
    documents = MeetingDocumentSerializer(many=True, label=_("Documents"))

    class Meta(MeetingSerializer.Meta):
        fields = [
            *MeetingSerializer.Meta.fields,
            "description",
            "parent",
            "cities",
            "sessions",
            "attendees",
            "documents",
            *SOURCE_FIELDS,
            "is_demo",
        ]


@extend_schema_serializer(description=_("A city taking part in the meeting, and its role."))
class MeetingCityWriteSerializer(RowSerializer):
    city = city_slug_field(label=_("City"))
    # The host's role follows from the meeting's host city, so it is not given here.
    role = serializers.ChoiceField(
        choices=[
            (value, label)
            for value, label in MeetingCity.Role.choices
            if value != MeetingCity.Role.HOST
        ],
        label=_("Role"),
    )


class MeetingWriteSerializer(serializers.ModelSerializer):
    host_city = city_slug_field(
        required=False, allow_null=True, label=model_label(Meeting, "host_city")
    )
    parent = meeting_slug_field(
        label=model_label(Meeting, "parent"),
        help_text=_("Slug of the meeting this one is held alongside."),
    )
    year = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2999,
        label=model_label(Meeting, "year"),
        help_text=_("Defaults to the year of the start date."),
    )
    cities = MeetingCityWriteSerializer(
        many=True,
        required=False,
        write_only=True,
        label=model_label(Meeting, "cities"),
        help_text=_("Participating cities other than the host; replaces the current list."),
    )

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
            "titles",
            "kind",
            "ordinal",
            "host_city",
            "parent",
            "year",
            "start_date",
            "end_date",
            "time_zone",
            "venue",
            "status",
            "is_public",
            "description",
            "cities",
            *SOURCE_FIELDS,
        ]
        validators = []

    def validate_cities(self, rows):
        return unique_cities(rows)

    def validate(self, attrs):
        if "year" not in attrs and attrs.get("start_date"):
            attrs["year"] = attrs["start_date"].year
        return attrs


class MeetingFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, label=_("Words"), help_text=_("Words to look for."))
    kind = ChoiceFilter(choices=Meeting.Kind.choices, label=_("Kind"))
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999, label=_("Year"))
    city = RecordFilter(
        queryset=City.objects.all(),
        label=_("City"),
        help_text=_("Slug of a host or participant."),
    )
    when = ChoiceFilter(choices=[("upcoming", _("Upcoming")), ("past", _("Past"))], label=_("When"))


class RegistrationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, label=_("ID"))
    meeting = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Registration, "meeting")
    )
    person = serializers.SlugRelatedField(
        slug_field="username", read_only=True, label=model_label(Registration, "person")
    )
    name = serializers.CharField(
        read_only=True, label=_("Name"), help_text=_("The person's full name.")
    )
    city = CitySummarySerializer(
        allow_null=True, read_only=True, label=model_label(Registration, "city")
    )
    registered_by = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        label=model_label(Registration, "registered_by"),
    )
    decided_by = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        label=model_label(Registration, "decided_by"),
    )

    class Meta:
        model = Registration
        fields = [
            "id",
            "meeting",
            "person",
            "name",
            "city",
            "position",
            "role",
            "needs_visa_letter",
            "note",
            "status",
            "registered_by",
            "decided_by",
            "decided_at",
            "created_at",
        ]
        read_only_fields = fields


class RegistrationWriteSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(
        slug_field="username",
        queryset=User.objects.filter(is_active=True),
        required=False,
        label=model_label(Registration, "person"),
        help_text=_(
            "Username of the person to register; leave out to register yourself. A focal "
            "point registers people of their own city."
        ),
    )

    class Meta:
        model = Registration
        fields = ["person", "position", "role", "needs_visa_letter", "note"]


class RegistrationDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))], label=_("Decision")
    )


class RegistrationFilterSerializer(serializers.Serializer):
    status = ChoiceFilter(choices=Registration.Status.choices, label=_("Status"))
    city = serializers.SlugField(
        required=False, label=_("City"), help_text=_("Slug of the delegation's city.")
    )
