"""API serializers of declarations, commitments and progress reports."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field
from intercity.core.serializers import RecordFilter, ThemeSerializer, model_label
from intercity.declarations.models import (
    Clause,
    Commitment,
    Declaration,
    Paragraph,
    ProgressReport,
    Reference,
    SubItem,
)
from intercity.meetings.models import Meeting
from intercity.meetings.serializers import MeetingSummarySerializer


class SubItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = SubItem
        fields = ["label", "text"]


class ClauseSerializer(serializers.ModelSerializer):
    subitems = SubItemSerializer(many=True, read_only=True, label=_("Sub-items"))

    class Meta:
        model = Clause
        fields = ["number", "intro", "text", "subitems"]


class ParagraphSerializer(serializers.ModelSerializer):
    class Meta:
        model = Paragraph
        fields = ["part", "lead", "text"]


class ReferenceSerializer(serializers.ModelSerializer):
    target = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, label=model_label(Reference, "target")
    )

    class Meta:
        model = Reference
        fields = ["title", "year", "city", "target"]


class DeclarationListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:declaration-detail", lookup_field="slug", label=_("Address")
    )
    meeting = MeetingSummarySerializer(
        read_only=True, allow_null=True, label=model_label(Declaration, "meeting")
    )
    commitment_count = serializers.IntegerField(read_only=True, label=_("Number of commitments"))

    class Meta:
        model = Declaration
        fields = [
            "url",
            "slug",
            "title",
            "status",
            "adopted_on",
            "symbol",
            "language",
            "version",
            "meeting",
            "commitment_count",
        ]


class DeclarationDetailSerializer(DeclarationListSerializer):
    signatories = CitySummarySerializer(
        many=True, read_only=True, label=model_label(Declaration, "signatories")
    )
    paragraphs = ParagraphSerializer(many=True, read_only=True, label=_("Paragraphs"))
    clauses = ClauseSerializer(many=True, read_only=True, label=_("Clauses"))
    initiatives = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name", label=_("Initiatives")
    )
    references = ReferenceSerializer(many=True, read_only=True, label=_("References"))
    next_meeting = serializers.SerializerMethodField(label=_("Next meeting"))
    commitment_count = None

    class Meta(DeclarationListSerializer.Meta):
        fields = [f for f in DeclarationListSerializer.Meta.fields if f != "commitment_count"] + [
            "original_text",
            "signatories",
            "participants_printed",
            "paragraphs",
            "operative_intro",
            "clauses",
            "initiatives",
            "references",
            "next_meeting",
            "parse_confidence",
            "parse_warnings",
            "parse_field_confidence",
            "meeting_printed",
        ]

    def get_next_meeting(self, declaration) -> dict:
        return {
            "city": declaration.next_meeting_city or None,
            "year": declaration.next_meeting_year,
            "ordinal": declaration.next_meeting_ordinal,
            "meeting": declaration.next_meeting.slug if declaration.next_meeting_id else None,
        }


class DeclarationImportSerializer(serializers.Serializer):
    text = serializers.CharField(label=_("Text"), help_text=_("The declaration's full text."))
    meeting = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Meeting.objects.all(),
        required=False,
        allow_null=True,
        label=model_label(Declaration, "meeting"),
    )
    title = serializers.CharField(
        max_length=200, required=False, label=model_label(Declaration, "title")
    )


class DeclarationFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, label=_("Words"))
    year = serializers.IntegerField(required=False, min_value=1, max_value=9999, label=_("Year"))
    city = RecordFilter(queryset=City.objects.all(), label=_("City"))
    language = serializers.CharField(required=False, label=_("Language"))


class CommitmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:commitment-detail", label=_("Address")
    )
    declaration = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=_("Declaration")
    )
    clause = serializers.CharField(source="reference", read_only=True, label=_("Clause"))
    cities = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(Commitment, "cities")
    )
    themes = ThemeSerializer(many=True, read_only=True, label=model_label(Commitment, "themes"))
    programmes = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(Commitment, "programmes")
    )
    meetings = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(Commitment, "meetings")
    )
    agreements = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(Commitment, "agreements")
    )

    class Meta:
        model = Commitment
        fields = [
            "url",
            "id",
            "declaration",
            "clause",
            "title",
            "description",
            "target_date",
            "cities",
            "themes",
            "programmes",
            "meetings",
            "agreements",
        ]


class CommitmentFilterSerializer(serializers.Serializer):
    declaration = serializers.CharField(required=False, label=_("Declaration"))
    city = RecordFilter(queryset=City.objects.all(), label=_("City"))
    q = serializers.CharField(
        required=False,
        label=_("Words"),
        help_text=_(
            "Words to find in the commitment's title or text, or its reference as printed "
            "(e.g. 3a)."
        ),
    )


class ProgressReportSerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(read_only=True, label=model_label(ProgressReport, "city"))
    commitment = serializers.PrimaryKeyRelatedField(
        read_only=True, label=model_label(ProgressReport, "commitment")
    )
    reported_by = serializers.CharField(
        source="reported_by.username",
        read_only=True,
        label=model_label(ProgressReport, "reported_by"),
    )

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "commitment",
            "city",
            "status",
            "narrative",
            "evidence_url",
            "reported_on",
            "reported_by",
            "is_latest",
        ]


class ProgressReportWriteSerializer(serializers.Serializer):
    commitment = serializers.PrimaryKeyRelatedField(
        queryset=Commitment.objects.all(), label=model_label(ProgressReport, "commitment")
    )
    city = city_slug_field(label=model_label(ProgressReport, "city"))
    status = serializers.ChoiceField(
        choices=ProgressReport.Status.choices, label=model_label(ProgressReport, "status")
    )
    narrative = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        label=model_label(ProgressReport, "narrative"),
        help_text=_("What has been done. Required unless `evidence_url` is given."),
    )
    evidence_url = serializers.URLField(
        required=False,
        allow_blank=True,
        default="",
        label=model_label(ProgressReport, "evidence_url"),
    )
    reported_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        label=model_label(ProgressReport, "reported_on"),
    )


class ProgressReportFilterSerializer(serializers.Serializer):
    commitment = serializers.IntegerField(required=False, label=_("Commitment"))
    city = RecordFilter(queryset=City.objects.all(), label=_("City"))
    latest = serializers.BooleanField(required=False, default=False, label=_("Latest"))
