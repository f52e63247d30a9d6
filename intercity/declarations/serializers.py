"""API serializers of declarations, commitments and progress reports."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field
from intercity.core.serializers import RecordFilter, ThemeSerializer
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
    subitems = SubItemSerializer(many=True, read_only=True)

    class Meta:
        model = Clause
        fields = ["number", "intro", "text", "subitems"]


class ParagraphSerializer(serializers.ModelSerializer):
    class Meta:
        model = Paragraph
        fields = ["part", "lead", "text"]


class ReferenceSerializer(serializers.ModelSerializer):
    target = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Reference
        fields = ["title", "year", "city", "target"]


class DeclarationListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:declaration-detail", lookup_field="slug"
    )
    meeting = MeetingSummarySerializer(read_only=True, allow_null=True)
    commitment_count = serializers.IntegerField(read_only=True)

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
    signatories = CitySummarySerializer(many=True, read_only=True)
    paragraphs = ParagraphSerializer(many=True, read_only=True)
    clauses = ClauseSerializer(many=True, read_only=True)
    initiatives = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    references = ReferenceSerializer(many=True, read_only=True)
    next_meeting = serializers.SerializerMethodField()
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
    text = serializers.CharField(help_text=_("The declaration's full text."))
    meeting = serializers.SlugRelatedField(
        slug_field="slug", queryset=Meeting.objects.all(), required=False, allow_null=True
    )
    title = serializers.CharField(max_length=200, required=False)


class DeclarationFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False)
    year = serializers.IntegerField(required=False, min_value=1, max_value=9999)
    city = RecordFilter(queryset=City.objects.all())
    language = serializers.CharField(required=False)


class CommitmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-v1:commitment-detail")
    declaration = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    clause = serializers.CharField(source="reference", read_only=True)
    cities = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    themes = ThemeSerializer(many=True, read_only=True)
    programmes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    meetings = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    agreements = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

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
    declaration = serializers.CharField(required=False)
    city = RecordFilter(queryset=City.objects.all())
    q = serializers.CharField(
        required=False,
        help_text=_(
            "Words to find in the commitment's title or text, or its reference as printed "
            "(e.g. 3a)."
        ),
    )


class ProgressReportSerializer(serializers.ModelSerializer):
    city = CitySummarySerializer(read_only=True)
    commitment = serializers.PrimaryKeyRelatedField(read_only=True)
    reported_by = serializers.CharField(source="reported_by.username", read_only=True)

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
    commitment = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.all())
    city = city_slug_field()
    status = serializers.ChoiceField(choices=ProgressReport.Status.choices)
    narrative = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="What has been done. Required unless `evidence_url` is given.",
    )
    evidence_url = serializers.URLField(required=False, allow_blank=True, default="")
    reported_on = serializers.DateField(required=False, allow_null=True, default=None)


class ProgressReportFilterSerializer(serializers.Serializer):
    commitment = serializers.IntegerField(required=False)
    city = RecordFilter(queryset=City.objects.all())
    latest = serializers.BooleanField(required=False, default=False)
