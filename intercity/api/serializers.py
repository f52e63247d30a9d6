"""API serializers: records out, validated input in; the services do the writing."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from intercity.agreements.models import Agreement, AgreementParty, Pledge, Signatory
from intercity.cities.models import City
from intercity.core.models import NewsItem, Theme
from intercity.meetings.models import Attendee, Meeting, MeetingCity, MeetingDocument, Session
from intercity.meetings.permissions import can_view_meeting
from intercity.organisations.models import Organisation
from intercity.programmes.models import Activity, Programme, Review

SOURCE_FIELDS = ["source_document", "source_locator"]


def city_slug_field(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="slug", queryset=City.objects.all(), **kwargs)


def theme_slugs_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Theme.objects.all(),
        many=True,
        required=False,
        help_text=_("Slugs of the themes."),
    )


def meeting_slug_field(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug", queryset=Meeting.objects.all(), required=False, allow_null=True, **kwargs
    )


def unique_cities(rows: list[dict]) -> list[dict]:
    """Refuse a list that names a city twice: each city plays one role."""
    slugs = [row["city"].slug for row in rows]
    if len(slugs) != len(set(slugs)):
        raise serializers.ValidationError(_("Name each city only once."))
    return rows


# Records shown inside other records -------------------------------------------------------


class CitySummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = ["slug", "name", "country_code"]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name"]


class MeetingSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["slug", "title", "kind", "year"]


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


# Cities ---------------------------------------------------------------------------------


# What a client may both read and write on a city; reads add the URL and the demo flag.
CITY_FIELDS = [
    "slug",
    "name",
    "local_name",
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
    membership = serializers.ChoiceField(choices=City.Membership.choices, required=False)
    country = serializers.CharField(
        required=False, max_length=2, help_text=_("Two-letter country code.")
    )


# Organisations --------------------------------------------------------------------------


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:organisation-detail", lookup_field="slug"
    )
    city = CitySummarySerializer()

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
    city = city_slug_field(help_text=_("Slug of the organisation's city."))

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "city", "description", "website", *SOURCE_FIELDS]
        validators = []


class OrganisationFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, help_text=_("Words to look for."))
    kind = serializers.ChoiceField(choices=Organisation.Kind.choices, required=False)
    city = serializers.SlugField(required=False, help_text=_("Slug of a city."))


# Meetings -------------------------------------------------------------------------------


class MeetingCitySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer()

    class Meta:
        model = MeetingCity
        fields = ["city", "role"]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["title", "kind", "topic", "day", "starts_at", "ends_at", "position"]


class AttendeeSerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(allow_null=True)

    class Meta:
        model = Attendee
        fields = ["name", "position", "city", "role"]


class MeetingDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingDocument
        fields = ["title", "kind", "language", "file", "url"]


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:meeting-detail", lookup_field="slug"
    )
    host_city = CitySummarySerializer(allow_null=True)

    class Meta:
        model = Meeting
        fields = [
            "url",
            "slug",
            "title",
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
        ]


class MeetingListSerializer(MeetingSerializer):
    city_count = serializers.IntegerField(
        read_only=True, help_text=_("Number of participating cities, host included.")
    )

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "city_count"]


class MeetingDetailSerializer(MeetingSerializer):
    parent = VisibleMeetingField(help_text=_("The meeting this one was held alongside."))
    cities = MeetingCitySerializer(source="city_roles", many=True)
    sessions = SessionSerializer(many=True)
    attendees = AttendeeSerializer(many=True)
    documents = MeetingDocumentSerializer(many=True)

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


class MeetingCityWriteSerializer(serializers.Serializer):
    city = city_slug_field()
    # The host's role follows from the meeting's host city, so it is not given here.
    role = serializers.ChoiceField(choices=[MeetingCity.Role.DELEGATE, MeetingCity.Role.OBSERVER])


class MeetingWriteSerializer(serializers.ModelSerializer):
    host_city = city_slug_field(required=False, allow_null=True)
    parent = meeting_slug_field(help_text=_("Slug of the meeting this one is held alongside."))
    year = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2999,
        help_text=_("Defaults to the year of the start date."),
    )
    cities = MeetingCityWriteSerializer(
        many=True,
        required=False,
        write_only=True,
        help_text=_("Participating cities other than the host; replaces the current list."),
    )

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
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
    q = serializers.CharField(required=False, help_text=_("Words to look for."))
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)
    city = serializers.SlugField(required=False, help_text=_("Slug of a host or participant."))
    when = serializers.ChoiceField(
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))], required=False
    )


# Programmes -----------------------------------------------------------------------------


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
    kind = serializers.ChoiceField(choices=Programme.Kind.choices, required=False)
    status = serializers.ChoiceField(
        choices=[*Programme.Status.choices, ("ended", _("Ended"))], required=False
    )
    city = serializers.SlugField(required=False, help_text=_("Slug of a lead or member city."))
    theme = serializers.SlugField(required=False, help_text=_("Slug of a theme."))


# Agreements and pledges -----------------------------------------------------------------


class AgreementPartySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer()

    class Meta:
        model = AgreementParty
        fields = ["city", "role"]


class SignatorySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer()

    class Meta:
        model = Signatory
        fields = ["name", "position", "city"]


class AgreementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:agreement-detail", lookup_field="slug"
    )
    parties = AgreementPartySerializer(source="party_roles", many=True)
    themes = ThemeSerializer(many=True)
    signed_place = CitySummarySerializer(allow_null=True)

    class Meta:
        model = Agreement
        fields = [
            "url",
            "slug",
            "title",
            "status",
            "parties",
            "themes",
            "signed_on",
            "signed_place",
            "term_start",
            "term_end",
        ]


class AgreementDetailSerializer(AgreementSerializer):
    signed_at_meeting = VisibleMeetingField()
    signatories = SignatorySerializer(many=True)

    class Meta(AgreementSerializer.Meta):
        fields = [
            *AgreementSerializer.Meta.fields,
            "description",
            "signed_at_meeting",
            "signatories",
            *SOURCE_FIELDS,
            "is_demo",
        ]


class AgreementPartyWriteSerializer(serializers.Serializer):
    city = city_slug_field()
    role = serializers.ChoiceField(
        choices=AgreementParty.Role.choices, default=AgreementParty.Role.PARTY
    )


class SignatoryWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    position = serializers.CharField(max_length=200, required=False, allow_blank=True)
    city = city_slug_field()


class AgreementWriteSerializer(serializers.ModelSerializer):
    parties = AgreementPartyWriteSerializer(
        many=True,
        required=False,
        write_only=True,
        help_text=_("At least two cities with their role; replaces the current parties."),
    )
    themes = theme_slugs_field()
    signatories = SignatoryWriteSerializer(
        many=True,
        required=False,
        write_only=True,
        help_text=_("People who signed; on an update, names not yet listed are added."),
    )
    signed_place = city_slug_field(required=False, allow_null=True)
    signed_at_meeting = meeting_slug_field()

    class Meta:
        model = Agreement
        fields = [
            "slug",
            "title",
            "description",
            "status",
            "parties",
            "themes",
            "signatories",
            "signed_on",
            "signed_place",
            "signed_at_meeting",
            "term_start",
            "term_end",
            *SOURCE_FIELDS,
        ]
        validators = []

    def validate_parties(self, rows):
        # A partial update skips nested defaults, so the default role is filled in here.
        return [{"role": AgreementParty.Role.PARTY, **row} for row in unique_cities(rows)]

    def validate(self, attrs):
        if self.instance is None and "parties" not in attrs:
            raise serializers.ValidationError(
                {"parties": _("An agreement needs at least two parties.")}
            )
        return attrs


class AgreementFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, help_text=_("Words to look for."))
    city = serializers.SlugField(required=False, help_text=_("Slug of a party."))
    theme = serializers.SlugField(required=False, help_text=_("Slug of a theme."))
    status = serializers.ChoiceField(choices=Agreement.Status.choices, required=False)


class PledgeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:pledge-detail")
    from_city = CitySummarySerializer()
    to_city = CitySummarySerializer()
    themes = ThemeSerializer(many=True)
    meeting = VisibleMeetingField()

    class Meta:
        model = Pledge
        fields = [
            "url",
            "id",
            "from_city",
            "to_city",
            "subject",
            "themes",
            "meeting",
            "pledged_on",
            "status",
            *SOURCE_FIELDS,
            "is_demo",
        ]


class PledgeWriteSerializer(serializers.ModelSerializer):
    from_city = city_slug_field()
    to_city = city_slug_field()
    themes = theme_slugs_field()
    meeting = meeting_slug_field(help_text=_("Slug of the meeting where it was made."))

    class Meta:
        model = Pledge
        fields = [
            "from_city",
            "to_city",
            "subject",
            "themes",
            "meeting",
            "pledged_on",
            "status",
            *SOURCE_FIELDS,
        ]
        validators = []


class PledgeFilterSerializer(serializers.Serializer):
    city = serializers.SlugField(required=False, help_text=_("Slug of a giving or receiving city."))


# News and themes ------------------------------------------------------------------------


class NewsItemSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:news-detail", lookup_field="slug")
    cities = CitySummarySerializer(many=True)
    meeting = VisibleMeetingField()

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
    cities = city_slug_field(many=True, required=False, help_text=_("Slugs of the cities."))
    meeting = meeting_slug_field()

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
    kind = serializers.ChoiceField(choices=NewsItem.Kind.choices, required=False)
    city = serializers.SlugField(required=False, help_text=_("Slug of a city."))
