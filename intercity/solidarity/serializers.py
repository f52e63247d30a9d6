"""What the solidarity API reads and writes: incidents, needs, offers, deliveries, messages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from intercity.cities.models import City
from intercity.core.serializers import ChoiceFilter, RecordFilter, model_label
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
from intercity.solidarity.selectors import affected_city_slugs, incident_reporter
from intercity.solidarity.unit_fields import UnitField, UnitLabelMixin

CITY = {"slug_field": "slug", "queryset": City.objects.all()}


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
        choices=[
            ("city", _("City")),
            ("feed", _("Feed")),
            ("secretariat", _("Secretariat")),
            ("source", _("Source document")),
            ("not_recorded", _("Not recorded")),
        ],
        label=_("Kind"),
        help_text=_(
            "city: reported_by_city reported it; feed: imported from a feed; "
            "secretariat: the audit trail shows the secretariat recording it; source: loaded "
            "from the document it cites (source_document); not_recorded: the record does not say."
        ),
    )
    feed = serializers.CharField(
        label=_("Feed"), help_text=_("GDACS or CAP when kind is feed, else empty.")
    )
    label = serializers.CharField(
        label=_("As shown"), help_text=_("What a reader is shown, in the request's language.")
    )


class IncidentSerializer(serializers.ModelSerializer):
    affected_cities = serializers.SerializerMethodField(
        label=model_label(Incident, "cities"),
        help_text=_(
            "Slugs of the member cities linked to the incident, confirmed or suggested "
            "from its area; the detail's `affected` gives each one's status."
        ),
    )
    cap_url = serializers.SerializerMethodField(label=_("Address of the CAP message"))
    reported_by_city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, label=_("Reporting city")
    )
    reported_by = serializers.SerializerMethodField(label=_("Reported by"))

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
    city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(AffectedCity, "city")
    )

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
    affected = AffectedCitySerializer(
        many=True, read_only=True, label=_("Affected cities and their status")
    )
    figures = FigureSerializer(many=True, read_only=True, label=_("Figures"))
    sources = SourceSerializer(many=True, read_only=True, label=_("Sources"))
    cap_infos = CapInfoSerializer(many=True, read_only=True, label=_("CAP details"))

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
        label=_("Reporting city"),
        help_text=_(
            "Slug of the member city reporting the incident. A focal point reports for their "
            "own city only (the default). The secretariat may name the member city it records "
            "the incident for, whose focal points can then keep it up to date, or none (the "
            "default). The city is confirmed as affected at once."
        ),
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
    kind = ChoiceFilter(choices=Incident.Kind.choices, label=_("Kind"))
    status = ChoiceFilter(choices=Incident.Status.choices, label=_("Status"))
    q = serializers.CharField(required=False, max_length=200, label=_("Words"))
    city = RecordFilter(
        queryset=City.objects.all(),
        label=_("Affected city"),
        help_text=_("Slug of a city the incident affects (not dismissed)."),
    )
    reported_by = RecordFilter(
        queryset=City.objects.all(),
        label=_("Reporting city"),
        help_text=_("Slug of the member city that reported it."),
    )


class ConfirmSerializer(serializers.Serializer):
    cities = serializers.SlugRelatedField(many=True, label=_("Affected cities"), **CITY)


class CapUploadSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, label=_("File"))
    xml = serializers.CharField(required=False, label=_("CAP message (XML)"))


class NeedSerializer(UnitLabelMixin, serializers.ModelSerializer):
    city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Need, "city")
    )
    unit = UnitField(read_only=True, label=model_label(Need, "unit"))
    committed = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, label=_("Committed")
    )
    received = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, label=_("Received")
    )

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
    city = serializers.SlugRelatedField(required=False, label=model_label(Need, "city"), **CITY)
    unit = UnitField(label=model_label(Need, "unit"))

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
    city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Offer, "city")
    )
    unit = UnitField(read_only=True, label=model_label(Offer, "unit"))
    organisation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(Offer, "organisation")
    )
    remaining = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, label=_("Remaining")
    )

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
    city = serializers.SlugRelatedField(
        required=False, allow_null=True, label=model_label(Offer, "city"), **CITY
    )
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        label=model_label(Offer, "organisation"),
    )
    unit = UnitField(required=False, label=model_label(Offer, "unit"))

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
    from_city = serializers.SlugRelatedField(
        required=False, allow_null=True, label=model_label(SolidarityMessage, "from_city"), **CITY
    )
    to_city = serializers.SlugRelatedField(label=model_label(SolidarityMessage, "to_city"), **CITY)

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
    owner_city = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, label=model_label(DrillAction, "owner_city")
    )
    done = serializers.BooleanField(write_only=True, required=False, label=_("Done"))

    class Meta:
        model = DrillAction
        fields = ["id", "description", "owner_city", "due_on", "done_at", "done"]
        read_only_fields = ["description", "due_on", "done_at"]


class DrillSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="meeting.slug", label=_("Slug"))
    title = serializers.CharField(source="meeting.title", label=_("Title"))
    host_city = serializers.CharField(
        source="meeting.host_city.slug", default=None, label=_("Host city")
    )
    start_date = serializers.DateField(source="meeting.start_date", label=_("Start date"))
    cities = serializers.SerializerMethodField(label=_("Participating cities"))
    review = serializers.SerializerMethodField(label=_("After-action review"))

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
