"""What the solidarity API reads and writes: incidents, needs, offers, deliveries, messages."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from intercity.cities.models import City
from intercity.core.serializers import ChoiceFilter, RecordFilter
from intercity.organisations.models import Organisation
from intercity.solidarity.models import (
    AffectedCity,
    Assistance,
    CapInfo,
    Delivery,
    Drill,
    DrillAction,
    Incident,
    IncidentFigure,
    IncidentSource,
    Need,
    Offer,
    SolidarityMessage,
)
from intercity.solidarity.quantities import unit_name
from intercity.solidarity.selectors import affected_city_slugs, incident_reporter
from intercity.solidarity.units import CODES, unit_stored

CITY = {"slug_field": "slug", "queryset": City.objects.all()}

UNIT_HELP = (
    "A unit code of the catalogue ("
    + ", ".join(f"`{code}`" for code in CODES)
    + "), or any other unit as free text. Typed words for a catalogued unit, in any of the "
    "network's languages (`liters`, `L`, `lít`, `リットル`, `ลิตร`), are recognised and "
    "stored as its code; other text is kept as sent."
)


@extend_schema_field(
    {
        "anyOf": [{"type": "string", "enum": list(CODES)}, {"type": "string", "maxLength": 40}],
        "description": UNIT_HELP,
    }
)
class UnitField(serializers.CharField):
    """A unit as the API reads and writes it: a catalogue code, or free text for the rest."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("help_text", UNIT_HELP)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return unit_stored(super().to_internal_value(data))


class UnitLabelMixin(serializers.Serializer):
    unit_label = serializers.SerializerMethodField(
        help_text="The unit named in the language of the request (Accept-Language)."
    )

    def get_unit_label(self, obj) -> str:
        return unit_name(obj.unit)


def incident_summary(incident: Incident) -> dict:
    """The fields every consumer relies on; the CLI prints the same."""
    return {
        "id": incident.pk,
        "slug": incident.slug,
        "name": incident.name,
        "kind": incident.kind,
        "severity": incident.severity,
        "status": incident.status,
        "alert_level": incident.alert_level,
        "affected_cities": affected_city_slugs(incident),
    }


class ReporterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["city", "feed", "secretariat", "source", "not_recorded"],
        help_text="city: reported_by_city reported it; feed: imported from a feed; "
        "secretariat: the audit trail shows the secretariat recording it; source: loaded from "
        "the document it cites (source_document); not_recorded: the record does not say.",
    )
    feed = serializers.CharField(help_text="GDACS or CAP when kind is feed, else empty.")
    label = serializers.CharField(help_text="What a reader is shown, in the request's language.")


class IncidentSerializer(serializers.ModelSerializer):
    affected_cities = serializers.SerializerMethodField(
        help_text="Slugs of the member cities linked to the incident, confirmed or suggested "
        "from its area; the detail's `affected` gives each one's status."
    )
    cap_url = serializers.SerializerMethodField()
    reported_by_city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    reported_by = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "severity",
            "status",
            "alert_level",
            "started_at",
            "ended_at",
            "glide",
            "affected_cities",
            "cap_url",
            "reported_by_city",
            "reported_by",
        ]

    def get_affected_cities(self, obj) -> list[str]:
        return affected_city_slugs(obj)

    def get_cap_url(self, obj) -> str:
        return reverse("api-v1:incident-cap", kwargs={"pk": obj.pk})

    @extend_schema_field(ReporterSerializer)
    def get_reported_by(self, incident: Incident) -> dict:
        """Who reported the incident; says so honestly when no reporting city is recorded.

        A list passes the reporters of its page in the context (``reporters``, from
        ``incident_reporters``), so a page costs the same queries whatever its length.
        """
        reporters = self.context.get("reporters") or {}
        reporter = reporters.get(incident.pk) or incident_reporter(incident)
        return ReporterSerializer(
            {"kind": reporter.kind, "feed": reporter.feed, "label": reporter.label}
        ).data


class AffectedCitySerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = AffectedCity
        fields = ["city", "status", "distance_km", "decided_at"]


class FigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentFigure
        fields = ["id", "kind", "value", "source", "as_of"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentSource
        fields = ["id", "title", "url", "locator"]


class CapInfoSerializer(serializers.ModelSerializer):
    class Meta:
        model = CapInfo
        fields = [
            "language",
            "event",
            "categories",
            "urgency",
            "severity",
            "certainty",
            "headline",
            "description",
            "instruction",
            "sender_name",
            "web",
            "expires",
        ]


class IncidentDetailSerializer(IncidentSerializer):
    affected = AffectedCitySerializer(many=True, read_only=True)
    figures = FigureSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    cap_infos = CapInfoSerializer(many=True, read_only=True)

    class Meta(IncidentSerializer.Meta):
        fields = [
            *IncidentSerializer.Meta.fields,
            "description",
            "visibility",
            "area_description",
            "latitude",
            "longitude",
            "radius_km",
            "polygon",
            "source_document",
            "source_locator",
            "is_demo",
            "affected",
            "figures",
            "sources",
            "cap_infos",
        ]


class IncidentWriteSerializer(serializers.ModelSerializer):
    reported_by_city = serializers.SlugRelatedField(
        required=False,
        allow_null=True,
        help_text="Slug of the member city reporting the incident. A focal point reports for "
        "their own city only (the default). The secretariat may name the member city it records "
        "the incident for, whose focal points can then keep it up to date, or none (the default). "
        "The city is confirmed as affected at once.",
        **CITY,
    )

    class Meta:
        model = Incident
        fields = [
            "name",
            "kind",
            "severity",
            "status",
            "alert_level",
            "started_at",
            "ended_at",
            "description",
            "area_description",
            "latitude",
            "longitude",
            "radius_km",
            "polygon",
            "glide",
            "visibility",
            "reported_by_city",
        ]


class IncidentFilterSerializer(serializers.Serializer):
    kind = ChoiceFilter(choices=Incident.Kind.choices)
    status = ChoiceFilter(choices=Incident.Status.choices)
    q = serializers.CharField(required=False, max_length=200)
    city = RecordFilter(
        queryset=City.objects.all(),
        help_text="Slug of a city the incident affects (not dismissed).",
    )
    reported_by = RecordFilter(
        queryset=City.objects.all(), help_text="Slug of the member city that reported it."
    )


class ConfirmSerializer(serializers.Serializer):
    cities = serializers.SlugRelatedField(many=True, **CITY)


class CapUploadSerializer(serializers.Serializer):
    file = serializers.FileField(required=False)
    xml = serializers.CharField(required=False)


class NeedSerializer(UnitLabelMixin, serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit = UnitField(read_only=True)
    committed = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    received = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    class Meta:
        model = Need
        fields = [
            "id",
            "incident",
            "city",
            "category",
            "description",
            "quantity",
            "unit",
            "unit_label",
            "urgency",
            "location",
            "needed_by",
            "status",
            "visibility",
            "committed",
            "received",
            "is_demo",
        ]


class NeedWriteSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(required=False, **CITY)
    unit = UnitField()

    class Meta:
        model = Need
        fields = [
            "incident",
            "city",
            "category",
            "description",
            "quantity",
            "unit",
            "urgency",
            "location",
            "needed_by",
            "status",
            "visibility",
        ]


class OfferSerializer(UnitLabelMixin, serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit = UnitField(read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    class Meta:
        model = Offer
        fields = [
            "id",
            "incident",
            "need",
            "city",
            "organisation",
            "category",
            "description",
            "quantity",
            "unit",
            "unit_label",
            "available_from",
            "available_until",
            "conditions",
            "status",
            "visibility",
            "remaining",
            "is_demo",
        ]


class OfferWriteSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(required=False, allow_null=True, **CITY)
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    unit = UnitField(required=False)

    class Meta:
        model = Offer
        fields = [
            "incident",
            "need",
            "city",
            "organisation",
            "category",
            "description",
            "quantity",
            "unit",
            "available_from",
            "available_until",
            "conditions",
            "status",
            "visibility",
        ]
        extra_kwargs = {"category": {"required": False}}


class AssistanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assistance
        fields = [
            "id",
            "need",
            "offer",
            "quantity",
            "dispatched_quantity",
            "received_quantity",
            "status",
            "accepted_at",
        ]
        read_only_fields = ["dispatched_quantity", "received_quantity", "status", "accepted_at"]
        extra_kwargs = {"quantity": {"required": False}}


class DeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = Delivery
        fields = ["id", "assistance", "quantity", "note", "status", "dispatched_at", "received_at"]
        read_only_fields = ["status", "dispatched_at", "received_at"]


class MessageSerializer(serializers.ModelSerializer):
    from_city = serializers.SlugRelatedField(required=False, allow_null=True, **CITY)
    to_city = serializers.SlugRelatedField(**CITY)

    class Meta:
        model = SolidarityMessage
        fields = [
            "id",
            "incident",
            "from_city",
            "to_city",
            "language",
            "body",
            "sent_on",
            "visibility",
            "meeting",
            "news_item",
            "source_document",
            "source_locator",
        ]
        read_only_fields = ["meeting", "news_item", "source_document", "source_locator"]
        extra_kwargs = {"sent_on": {"required": False}}


class DrillActionSerializer(serializers.ModelSerializer):
    owner_city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    done = serializers.BooleanField(write_only=True, required=False)

    class Meta:
        model = DrillAction
        fields = ["id", "description", "owner_city", "due_on", "done_at", "done"]
        read_only_fields = ["description", "due_on", "done_at"]


class DrillSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="meeting.slug")
    title = serializers.CharField(source="meeting.title")
    host_city = serializers.CharField(source="meeting.host_city.slug", default=None)
    start_date = serializers.DateField(source="meeting.start_date")
    cities = serializers.SerializerMethodField()
    review = serializers.SerializerMethodField()

    class Meta:
        model = Drill
        fields = [
            "id",
            "slug",
            "title",
            "host_city",
            "start_date",
            "scenario_kind",
            "scenario",
            "objectives",
            "cities",
            "review",
        ]

    def get_cities(self, obj) -> list[str]:
        return [city.slug for city in obj.meeting.cities.all()]

    def get_review(self, obj) -> dict | None:
        review = getattr(obj, "review", None)
        if review is None:
            return None
        return {
            "what_worked": review.what_worked,
            "to_improve": review.to_improve,
            "lessons": review.lessons,
            "knowledge_item": review.knowledge_item.slug if review.knowledge_item else None,
            "actions": DrillActionSerializer(review.actions.all(), many=True).data,
        }
