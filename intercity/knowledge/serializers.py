"""API representations of knowledge items, imports and platform search results."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intercity.agreements.models import Agreement
from intercity.agreements.selectors import agreement_visible
from intercity.cities.models import City
from intercity.cities.serializers import CitySummarySerializer, city_slug_field
from intercity.core.models import Theme
from intercity.core.serializers import (
    SOURCE_FIELDS,
    ChoiceFilter,
    MultipleChoiceFilter,
    RecordFilter,
    ThemeSerializer,
    model_label,
    theme_slugs_field,
)
from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation
from intercity.meetings.models import Meeting
from intercity.meetings.selectors import visible_meetings
from intercity.organisations.models import Organisation
from intercity.programmes.models import Programme
from intercity.searchindex.registry import type_labels


def _slugs(model, label, help_text):
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=model.objects.all(),
        many=True,
        required=False,
        label=label,
        help_text=help_text,
    )


class VisibleAgreementSlug(serializers.SlugRelatedField):
    """An agreement the caller may read, by slug: a draft hidden from them is unknown."""

    def get_queryset(self):
        request = self.context.get("request")
        return agreement_visible(getattr(request, "user", None))


class VisibleMeetingSlug(serializers.SlugRelatedField):
    """A meeting the caller may read, by slug: one kept to the network is unknown to others."""

    def get_queryset(self):
        request = self.context.get("request")
        return visible_meetings(getattr(request, "user", None))


class TranslationSerializer(serializers.ModelSerializer):
    translator = serializers.CharField(
        source="translator_label",
        read_only=True,
        label=model_label(KnowledgeTranslation, "translator"),
    )

    class Meta:
        model = KnowledgeTranslation
        fields = ["language", "title", "summary", "body", "translator", "translated_on"]


class KnowledgeItemSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-v1:knowledge-item-detail", lookup_field="slug", label=_("Address")
    )
    city = CitySummarySerializer(allow_null=True, label=model_label(KnowledgeItem, "city"))
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        label=model_label(KnowledgeItem, "organisation"),
    )
    themes = ThemeSerializer(many=True, label=model_label(KnowledgeItem, "themes"))

    class Meta:
        model = KnowledgeItem
        fields = [
            "url",
            "slug",
            "kind",
            "title",
            "summary",
            "language",
            "city",
            "organisation",
            "themes",
            "visibility",
            "period_start",
            "period_end",
            "published_at",
        ]


def _indicator_code(**kwargs) -> serializers.SlugRelatedField:
    """The indicator an outcome moved, by its code (the model is reached through the field)."""
    indicator = KnowledgeItem._meta.get_field("outcome_indicator").related_model
    if not kwargs.get("read_only"):
        kwargs["queryset"] = indicator.objects.all()
    return serializers.SlugRelatedField(
        slug_field="code",
        label=model_label(KnowledgeItem, "outcome_indicator"),
        help_text=_("Code of the indicator this outcome moved."),
        **kwargs,
    )


class KnowledgeItemDetailSerializer(KnowledgeItemSerializer):
    programmes = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(KnowledgeItem, "programmes")
    )
    meetings = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(KnowledgeItem, "meetings")
    )
    agreements = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, label=model_label(KnowledgeItem, "agreements")
    )
    translations = TranslationSerializer(many=True, read_only=True, label=_("Translations"))
    outcome_indicator = _indicator_code(read_only=True, allow_null=True)

    class Meta(KnowledgeItemSerializer.Meta):
        fields = [
            *KnowledgeItemSerializer.Meta.fields,
            "body",
            "outcome",
            "outcome_baseline",
            "outcome_result",
            "outcome_unit",
            "outcome_indicator",
            "programmes",
            "meetings",
            "agreements",
            "translations",
            *SOURCE_FIELDS,
        ]


class KnowledgeItemWriteSerializer(serializers.ModelSerializer):
    city = city_slug_field(
        required=False, allow_null=True, label=model_label(KnowledgeItem, "city")
    )
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        label=model_label(KnowledgeItem, "organisation"),
    )
    themes = theme_slugs_field()
    programmes = _slugs(
        Programme, model_label(KnowledgeItem, "programmes"), _("Slugs of related programmes.")
    )
    meetings = VisibleMeetingSlug(
        slug_field="slug",
        queryset=Meeting.objects.all(),
        many=True,
        required=False,
        label=model_label(KnowledgeItem, "meetings"),
        help_text=_("Slugs of related meetings."),
    )
    agreements = VisibleAgreementSlug(
        slug_field="slug",
        queryset=Agreement.objects.all(),
        many=True,
        required=False,
        label=model_label(KnowledgeItem, "agreements"),
        help_text=_("Slugs of related agreements."),
    )
    outcome_indicator = _indicator_code(required=False, allow_null=True)

    class Meta:
        model = KnowledgeItem
        fields = [
            "title",
            "kind",
            "language",
            "city",
            "organisation",
            "visibility",
            "summary",
            "body",
            "outcome",
            "outcome_baseline",
            "outcome_result",
            "outcome_unit",
            "outcome_indicator",
            "period_start",
            "period_end",
            "themes",
            "programmes",
            "meetings",
            "agreements",
            *SOURCE_FIELDS,
        ]
        validators = []


class KnowledgeFilterSerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, label=_("Words"), help_text=_("Words to look for, in any language.")
    )
    city = RecordFilter(queryset=City.objects.all(), label=_("City"))
    theme = RecordFilter(queryset=Theme.objects.all(), label=_("Theme"))
    kind = ChoiceFilter(choices=KnowledgeItem.Kind.choices, label=_("Kind"))
    language = ChoiceFilter(choices=settings.LANGUAGES, label=_("Language"))


class ImportSerializer(serializers.Serializer):
    jsonl = serializers.CharField(
        required=False,
        trim_whitespace=False,
        label=_("JSON Lines"),
        help_text=_("The library as JSON Lines: one JSON object a line."),
    )
    items = serializers.ListField(
        child=serializers.JSONField(label=_("Item")),
        required=False,
        label=_("Items"),
        help_text=_("Or the items as a JSON list of objects."),
    )

    def validate(self, attrs):
        if not attrs.get("jsonl") and not attrs.get("items"):
            raise serializers.ValidationError(_("Send “jsonl” or “items”."))
        return attrs


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(label=_("Words"), help_text=_("Words to look for, in any language."))
    lang = serializers.CharField(
        required=False,
        label=_("Language of the query"),
        help_text=_("Language of the query, a hint."),
    )
    type = MultipleChoiceFilter(choices=[], label=_("Kinds of record"))
    city = serializers.SlugField(required=False, label=_("City"))
    theme = serializers.SlugField(required=False, label=_("Theme"))
    language = ChoiceFilter(choices=settings.LANGUAGES, label=_("Language"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The kinds of record search covers are known once every app is loaded.
        self.fields["type"].child.choices = list(type_labels().items())

    date_from = serializers.DateField(required=False, label=_("From date"))
    date_to = serializers.DateField(required=False, label=_("To date"))


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(label=_("Kind of record"))
    id = serializers.CharField(label=_("ID"))
    title = serializers.CharField(label=_("Title"))
    url = serializers.CharField(label=_("Address"))
    score = serializers.FloatField(label=_("Score"))
    snippet = serializers.CharField(
        label=_("Extract"), help_text=_("HTML: escaped text with <mark> around matches.")
    )
    language = serializers.CharField(label=_("Language"))
    date = serializers.DateField(allow_null=True, label=_("Date"))
    matched_by = serializers.ListField(
        child=serializers.CharField(label=_("Way of matching")), label=_("Found by")
    )
