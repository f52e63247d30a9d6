"""API representations of business profiles, opportunities, events, requests and runs."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from intercity.business import run_reasons
from intercity.business.models import (
    Assignment,
    Event,
    MeetingRequest,
    Opportunity,
    OpportunityAnswer,
    Profile,
    ScheduleRun,
    Slot,
)
from intercity.business.services import MAX_RUN_SECONDS, MIN_RUN_SECONDS
from intercity.cities.selectors import member_cities
from intercity.core.serializers import (
    CheckedTableUploadSerializer,
    ChoiceFilter,
    RecordFilter,
    TableReportSerializer,
    TableUploadSerializer,
    model_label,
)


class ProfileSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(
        source="organisation.name", label=model_label(Profile, "organisation")
    )
    slug = serializers.CharField(source="organisation.slug", label=_("Slug"))
    city = serializers.CharField(source="organisation.city.name", label=_("City"))
    sector = serializers.CharField(source="sector.code", label=model_label(Profile, "sector"))
    sector_label = serializers.CharField(
        source="sector.label", read_only=True, label=_("Sector name")
    )

    class Meta:
        model = Profile
        fields = [
            "slug",
            "organisation",
            "city",
            "sector",
            "sector_label",
            "size",
            "languages",
            "offers",
            "seeks",
        ]


class OpportunitySerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(
        source="organisation.slug", read_only=True, label=model_label(Opportunity, "organisation")
    )

    class Meta:
        model = Opportunity
        fields = [
            "id",
            "organisation",
            "direction",
            "kind",
            "title",
            "description",
            "status",
            "expires_on",
        ]


@extend_schema_serializer(
    description=_(
        "An answer to an opportunity; who sent it, with their address, is for its author."
    )
)
class OpportunityAnswerSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(
        source="organisation.slug",
        read_only=True,
        label=model_label(OpportunityAnswer, "organisation"),
    )
    organisation_name = serializers.CharField(
        source="organisation.name", read_only=True, label=_("Organisation's name")
    )
    city = serializers.CharField(source="organisation.city.slug", read_only=True, label=_("City"))
    sender_name = serializers.SerializerMethodField(label=_("Sender's name"))
    sender_email = serializers.SerializerMethodField(label=_("Sender's email address"))

    class Meta:
        model = OpportunityAnswer
        fields = [
            "id",
            "organisation",
            "organisation_name",
            "city",
            "sender_name",
            "sender_email",
            "message",
            "created_at",
        ]
        read_only_fields = ["created_at"]

    def get_sender_name(self, answer) -> str:
        sender = answer.sender
        return (sender.get_full_name() or sender.username) if sender else ""

    def get_sender_email(self, answer) -> str:
        return answer.sender.email if answer.sender else ""


class SlotSerializer(serializers.ModelSerializer):
    class Meta:
        model = Slot
        fields = ["id", "day", "starts_at", "ends_at", "session"]


class EventSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(
        source="meeting_id", read_only=True, label=model_label(Event, "meeting")
    )
    title = serializers.CharField(source="meeting.title", read_only=True, label=_("Title"))
    host_city = serializers.CharField(
        source="meeting.host_city.slug", read_only=True, label=_("Host city")
    )
    slots = SlotSerializer(many=True, read_only=True, label=_("Time slots"))

    class Meta:
        model = Event
        fields = [
            "id",
            "meeting",
            "title",
            "host_city",
            "tables",
            "fairness",
            "registration_deadline",
            "request_deadline",
            "published_at",
            "slots",
        ]


class _PartySerializer(serializers.Serializer):
    registration = serializers.IntegerField(source="pk", label=_("Registration"))
    organisation = serializers.CharField(source="organisation.slug", label=_("Organisation"))
    name = serializers.CharField(source="organisation.name", label=_("Name"))


class MeetingRequestSerializer(serializers.ModelSerializer):
    requester = _PartySerializer(read_only=True, label=_("Requested by"))
    invitee = _PartySerializer(read_only=True, label=_("Invited"))
    after = serializers.SerializerMethodField(label=model_label(MeetingRequest, "after"))

    class Meta:
        model = MeetingRequest
        fields = ["id", "requester", "invitee", "status", "session", "fixed_slot", "after"]
        extra_kwargs = {"fixed_slot": {"label": _("Fixed time slot")}}

    def get_after(self, row) -> list[int]:
        return [earlier.pk for earlier in row.after.all()]


class OpportunityFilterSerializer(serializers.Serializer):
    """The filters of the opportunity list, as the directory page offers them."""

    kind = ChoiceFilter(choices=Opportunity.Kind.choices, label=_("Kind"))
    direction = ChoiceFilter(choices=Opportunity.Direction.choices, label=_("Direction"))
    city = RecordFilter(
        queryset=member_cities(),
        label=_("City"),
        help_text=_("Slug of the member city of the organisation."),
    )
    q = serializers.CharField(
        required=False,
        max_length=200,
        label=_("Words"),
        help_text=_("Words to find in the title, the description or the organisation's name."),
    )


class EventFilterSerializer(serializers.Serializer):
    """The filter of the event list, as its page offers it."""

    q = serializers.CharField(
        required=False,
        max_length=200,
        label=_("Words"),
        help_text=_("Words to find in the title of the event's meeting or its host city's name."),
    )


class RequestFilterSerializer(serializers.Serializer):
    status = ChoiceFilter(choices=MeetingRequest.Status.choices, label=_("Status"))
    q = serializers.CharField(required=False, max_length=200, label=_("Words"))


class AssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assignment
        fields = ["request", "slot", "table"]
        extra_kwargs = {"request": {"label": _("Meeting request")}, "slot": {"label": _("Slot")}}


@extend_schema_serializer(
    description=_(
        "A scheduler run: its stage and figures while it runs, its schedule once finished."
    )
)
class ScheduleRunSerializer(serializers.ModelSerializer):
    gap = serializers.SerializerMethodField(
        label=_("Breaks above the bound"),
        help_text=_("Breaks the schedule may have beyond the optimum (0 once proved optimal)."),
    )
    explanation = serializers.SerializerMethodField(
        label=_("Explanation"), help_text=_("Why the run ended as it did, in your language.")
    )
    reasons = serializers.SerializerMethodField(
        label=_("Reasons as codes"),
        help_text=_("The same reasons as codes and values (database keys), for programs."),
    )
    assignments = serializers.SerializerMethodField(label=_("Placed meetings"))

    class Meta:
        model = ScheduleRun
        fields = [
            "id",
            "event",
            "status",
            "stage",
            "progress",
            "time_limit",
            "breaks",
            "lower_bound",
            "gap",
            "seconds",
            "explanation",
            "reasons",
            "problems",
            "created_at",
            "assignments",
        ]
        # The run's model names these fields in English only.
        extra_kwargs = {
            "event": {"label": _("Event")},
            "status": {"label": _("Status")},
            "progress": {"label": _("Progress")},
            "breaks": {"label": _("Breaks")},
            "lower_bound": {"label": _("Proven lower bound")},
            "seconds": {"label": _("Search time (seconds)")},
            "problems": {"label": _("Problems")},
        }

    def get_gap(self, run) -> int | None:
        return None if run.breaks is None else max(0, run.breaks - run.lower_bound)

    def get_explanation(self, run) -> list[str]:
        return run_reasons.run_explanation(run)

    def get_reasons(self, run) -> list[dict]:
        return [line for line in run.explanation if isinstance(line, dict)]

    def get_assignments(self, run) -> list[dict] | None:
        if not run.is_finished:
            return None
        return AssignmentSerializer(run.assignments.all(), many=True).data


class RunRequestSerializer(serializers.Serializer):
    time_limit = serializers.IntegerField(
        min_value=MIN_RUN_SECONDS,
        max_value=MAX_RUN_SECONDS,
        required=False,
        default=30,
        label=model_label(ScheduleRun, "time_limit"),
    )


@extend_schema_serializer(description=_("Meetings two organisations agreed on, one a line."))
class RequestImportUploadSerializer(TableUploadSerializer):
    columns = "requester, invitee[, session, note]"


@extend_schema_serializer(
    description=_("What an import of agreed meetings did; with errors, nothing was written.")
)
class RequestImportSerializer(TableReportSerializer):
    created = serializers.IntegerField(label=_("Meetings added"))
    registered = serializers.IntegerField(label=_("Organisations registered"))


@extend_schema_serializer(
    description=_("Business profiles to create or update, one organisation a line.")
)
class ProfileImportUploadSerializer(CheckedTableUploadSerializer):
    columns = "organisation, sector[, city, size, languages, offers, seeks]"


class _ImportedProfileSerializer(serializers.Serializer):
    organisation = serializers.CharField(source="organisation.slug", label=_("Organisation"))
    name = serializers.CharField(source="organisation.name", label=_("Name"))
    sector = serializers.CharField(source="sector.code", label=_("Sector"))


@extend_schema_serializer(
    description=_("What an import of business profiles did; with errors, nothing was written.")
)
class ProfileImportSerializer(TableReportSerializer):
    written = serializers.BooleanField(label=_("Written"))
    created = _ImportedProfileSerializer(many=True, label=_("Created"))
    updated = _ImportedProfileSerializer(many=True, label=_("Updated"))


class _CounterpartSerializer(serializers.Serializer):
    organisation = serializers.CharField(source="slug", label=_("Organisation"))
    name = serializers.CharField(label=_("Name"))


class AgendaItemSerializer(serializers.Serializer):
    slot = SlotSerializer(label=_("Slot"))
    table = serializers.IntegerField(label=_("Table"))
    counterpart = _CounterpartSerializer(label=_("Meeting with"))
    note = serializers.CharField(label=_("Note"))


class AgendaSerializer(serializers.Serializer):
    event = serializers.IntegerField(label=_("Event"))
    published = serializers.BooleanField(label=_("Published"))
    meetings = AgendaItemSerializer(many=True, label=_("Meetings"))
