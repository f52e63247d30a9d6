"""API representations of city-to-city agreements and pledges."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from intercity.agreements.models import (
    Agreement,
    AgreementParty,
    Pledge,
    Signatory,
    StatusProposal,
)
from intercity.agreements.selectors import pending_proposal
from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field, unique_cities
from intercity.core.models import Theme
from intercity.core.serializers import (
    SOURCE_FIELDS,
    ChoiceFilter,
    RecordFilter,
    RowSerializer,
    ThemeSerializer,
    model_label,
    theme_slugs_field,
)
from intercity.meetings.serializers import VisibleMeetingField, meeting_slug_field


class AgreementPartySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(label=model_label(AgreementParty, "city"))

    class Meta:
        model = AgreementParty
        fields = ["city", "role"]


class SignatorySerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(label=model_label(Signatory, "city"))

    class Meta:
        model = Signatory
        fields = ["name", "position", "city"]


class StatusProposalSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:status-proposal-detail", label=_("Address")
    )
    agreement = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        label=model_label(StatusProposal, "agreement"),
    )
    pledge = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, label=model_label(StatusProposal, "pledge")
    )
    proposing_city = CitySummarySerializer(label=model_label(StatusProposal, "proposing_city"))

    class Meta:
        model = StatusProposal
        fields = [
            "url",
            "id",
            "agreement",
            "pledge",
            "status_from",
            "status_to",
            "note",
            "state",
            "proposing_city",
            "created_at",
            "decided_at",
        ]


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.CharField(
        max_length=20,
        label=_("Status"),
        help_text=_(
            "The new status. The secretariat's change applies at once; a party's change waits "
            "for another party or the secretariat to confirm it."
        ),
    )
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, label=_("Note"))


class StatusChangeResultSerializer(serializers.Serializer):
    status = serializers.CharField(label=_("Status"), help_text=_("The record's status now."))
    proposal = StatusProposalSerializer(
        allow_null=True,
        label=_("Proposal"),
        help_text=_("The proposal waiting for confirmation, if one was made."),
    )


class AgreementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:agreement-detail", lookup_field="slug", label=_("Address")
    )
    parties = AgreementPartySerializer(
        source="party_roles", many=True, label=model_label(Agreement, "parties")
    )
    themes = ThemeSerializer(many=True, label=model_label(Agreement, "themes"))
    signed_place = CitySummarySerializer(
        allow_null=True, label=model_label(Agreement, "signed_place")
    )

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


class PendingProposalMixin(serializers.Serializer):
    pending_status_proposal = serializers.SerializerMethodField(
        label=_("Proposed change of status"),
        help_text=_("The change of status awaiting confirmation, if any."),
    )

    @extend_schema_field(StatusProposalSerializer(allow_null=True))
    def get_pending_status_proposal(self, record):
        proposal = pending_proposal(record)
        if proposal is None:
            return None
        return StatusProposalSerializer(proposal, context=self.context).data


class AgreementDetailSerializer(PendingProposalMixin, AgreementSerializer):
    signed_at_meeting = VisibleMeetingField(label=model_label(Agreement, "signed_at_meeting"))
    signatories = SignatorySerializer(many=True, label=_("Signatories"))

    class Meta(AgreementSerializer.Meta):
        fields = [
            *AgreementSerializer.Meta.fields,
            "description",
            "signed_at_meeting",
            "signatories",
            *SOURCE_FIELDS,
            "is_demo",
            "pending_status_proposal",
        ]


@extend_schema_serializer(description=_("A city party to the agreement, and its role."))
class AgreementPartyWriteSerializer(RowSerializer):
    city = city_slug_field(label=_("City"))
    role = serializers.ChoiceField(
        choices=AgreementParty.Role.choices, default=AgreementParty.Role.PARTY, label=_("Role")
    )


@extend_schema_serializer(
    description=_("A person who signed the agreement, with their position and city.")
)
class SignatoryWriteSerializer(RowSerializer):
    name = serializers.CharField(max_length=200, label=_("Name"))
    position = serializers.CharField(
        max_length=200, required=False, allow_blank=True, label=_("Position")
    )
    city = city_slug_field(label=_("City"))


class AgreementWriteSerializer(serializers.ModelSerializer):
    parties = AgreementPartyWriteSerializer(
        many=True,
        required=False,
        write_only=True,
        label=model_label(Agreement, "parties"),
        help_text=_("At least two cities with their role; replaces the current parties."),
    )
    themes = theme_slugs_field()
    signatories = SignatoryWriteSerializer(
        many=True,
        required=False,
        write_only=True,
        label=_("Signatories"),
        help_text=_("People who signed; on an update, names not yet listed are added."),
    )
    signed_place = city_slug_field(
        required=False, allow_null=True, label=model_label(Agreement, "signed_place")
    )
    signed_at_meeting = meeting_slug_field(label=model_label(Agreement, "signed_at_meeting"))

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
    q = serializers.CharField(required=False, label=_("Words"), help_text=_("Words to look for."))
    city = RecordFilter(
        queryset=City.objects.all(), label=_("City"), help_text=_("Slug of a party.")
    )
    theme = RecordFilter(
        queryset=Theme.objects.all(), label=_("Theme"), help_text=_("Slug of a theme.")
    )
    status = ChoiceFilter(choices=Agreement.Status.choices, label=_("Status"))


class PledgeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:pledge-detail", label=_("Address"))
    from_city = CitySummarySerializer(label=model_label(Pledge, "from_city"))
    to_city = CitySummarySerializer(label=model_label(Pledge, "to_city"))
    themes = ThemeSerializer(many=True, label=model_label(Pledge, "themes"))
    meeting = VisibleMeetingField(label=model_label(Pledge, "meeting"))

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


class PledgeDetailSerializer(PendingProposalMixin, PledgeSerializer):
    class Meta(PledgeSerializer.Meta):
        fields = [*PledgeSerializer.Meta.fields, "pending_status_proposal"]


class PledgeWriteSerializer(serializers.ModelSerializer):
    from_city = city_slug_field(label=model_label(Pledge, "from_city"))
    to_city = city_slug_field(label=model_label(Pledge, "to_city"))
    themes = theme_slugs_field()
    meeting = meeting_slug_field(
        label=model_label(Pledge, "meeting"), help_text=_("Slug of the meeting where it was made.")
    )

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
    city = RecordFilter(
        queryset=City.objects.all(),
        label=_("City"),
        help_text=_("Slug of a giving or receiving city."),
    )
    status = ChoiceFilter(choices=Pledge.Status.choices, label=_("Status"))
