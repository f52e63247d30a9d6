"""REST API of the business app: its viewsets register on the shared /api/v1/ router."""

from functools import partial

from django.core.exceptions import PermissionDenied as ServicePermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from intercity.api.service_trial import refuse_with_service_errors
from intercity.api.views import (
    WRITE_RESPONSES,
    check_input,
    import_action,
    service_errors,
)
from intercity.business import permissions as rules
from intercity.business import profile_importing, selectors, services
from intercity.business.importing import requests_import
from intercity.business.selectors_opportunities import (
    answers_to,
    opportunity_get,
    opportunity_list,
)
from intercity.business.serializers import (
    AgendaSerializer,
    EventFilterSerializer,
    EventSerializer,
    MeetingRequestSerializer,
    OpportunityAnswerSerializer,
    OpportunityFilterSerializer,
    OpportunitySerializer,
    ProfileImportSerializer,
    ProfileImportUploadSerializer,
    ProfileSerializer,
    RequestFilterSerializer,
    RequestImportSerializer,
    RequestImportUploadSerializer,
    RunRequestSerializer,
    ScheduleRunSerializer,
)
from intercity.business.services_answers import opportunity_answer_create


class ProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory: verified organisation profiles only."""

    reader_description = _(
        "The business directory: profiles of verified organisations. The secretariat and "
        "cities' focal points may fill profiles in from a table."
    )

    serializer_class = ProfileSerializer
    lookup_field = "organisation__slug"
    lookup_url_kwarg = "slug"

    def get_queryset(self):
        return selectors.directory(
            search=self.request.query_params.get("q"),
            sector=self.request.query_params.get("sector"),
        )

    @import_action(
        upload=ProfileImportUploadSerializer,
        report=ProfileImportSerializer,
        description=_(
            "Create or update the profiles of a CSV file: 201 once written, 200 for a dry run; "
            "if a line is wrong, 400 and nothing is written. For the secretariat, and a city's "
            "focal point for its own organisations and those registered for a business event "
            "it organises."
        ),
    )
    def import_table(self, request):
        # Which rows a focal point may fill in is the import's own check.
        if not request.user.is_authenticated:
            raise NotAuthenticated
        if not rules.can_import_profiles(request.user):
            raise PermissionDenied
        return partial(profile_importing.profiles_import, actor=request.user)


class OpportunityViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Open opportunities of verified organisations; representatives publish and change
    their own."""

    reader_description = _(
        "Offers and requests for cooperation from verified organisations. An organisation's "
        "representatives publish and change its own, and answer those of others."
    )

    serializer_class = OpportunitySerializer
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        filters = getattr(self, "filters", {})
        return opportunity_list(
            kind=filters.get("kind"),
            direction=filters.get("direction"),
            city=filters.get("city"),
            search=filters.get("q"),
        )

    @extend_schema(parameters=[OpportunityFilterSerializer])
    def list(self, request, *args, **kwargs):
        filters = OpportunityFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        self.filters = filters.validated_data
        return super().list(request, *args, **kwargs)

    def create(self, request, *args, **kwargs):
        organisation = request.user.organisation
        if organisation is None:
            raise Http404

        def create(data):
            return services.opportunity_create(
                actor=request.user, organisation=organisation, data=data
            )

        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            refuse_with_service_errors(serializer, create)
        check_input(serializer)
        from django.core.exceptions import PermissionDenied

        try:
            with service_errors(serializer):
                row = create(serializer.validated_data)
        except PermissionDenied as error:
            raise Http404 from error
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)

    def get_object(self):
        """One opportunity: a current one for anyone, any of theirs for those who edit it."""
        opportunity = opportunity_get(pk=self.kwargs["pk"])
        if not rules.can_view_opportunity(self.request.user, opportunity):
            raise Http404
        return opportunity

    @extend_schema(
        responses={200: OpportunitySerializer, **WRITE_RESPONSES},
        description=_(
            "Change an opportunity of one's organisation: its text, kind, closing date, or "
            '`status` "closed" to take it out of the directory.'
        ),
    )
    def partial_update(self, request, *args, **kwargs):
        """An opportunity the caller may not edit answers 404, as one that is not there."""
        if not request.user.is_authenticated:
            raise NotAuthenticated
        opportunity = self.get_object()
        if not rules.can_edit_opportunity(request.user, opportunity):
            raise Http404

        def update(data):
            services.opportunity_update(actor=request.user, opportunity=opportunity, data=data)

        serializer = self.get_serializer(opportunity, data=request.data, partial=True)
        if not serializer.is_valid():
            refuse_with_service_errors(serializer, update)
        check_input(serializer)
        with service_errors(serializer):
            update(serializer.validated_data)
        opportunity.refresh_from_db()
        return Response(self.get_serializer(opportunity).data)

    @extend_schema(
        methods=["GET"],
        responses={
            200: OpportunityAnswerSerializer(many=True),
            401: WRITE_RESPONSES[401],
            404: WRITE_RESPONSES[404],
        },
        description=_("The answers the opportunity received, newest first, for those who edit it."),
    )
    @extend_schema(
        methods=["POST"],
        request=OpportunityAnswerSerializer,
        responses={201: OpportunityAnswerSerializer, **WRITE_RESPONSES},
        description=_(
            "A representative of another organisation answers a current opportunity, once per "
            "organisation; the opportunity's representatives are emailed the message with the "
            "sender's name and address."
        ),
    )
    @action(detail=True, methods=["get", "post"], serializer_class=OpportunityAnswerSerializer)
    def answers(self, request, pk=None):
        # Either way, an opportunity the caller may not see or answer is 404, as if absent.
        if not request.user.is_authenticated:
            raise NotAuthenticated
        opportunity = self.get_object()
        if request.method == "GET":
            if not rules.can_view_answers(request.user, opportunity):
                raise Http404
            page = self.paginate_queryset(answers_to(opportunity=opportunity))
            return self.get_paginated_response(OpportunityAnswerSerializer(page, many=True).data)
        if not rules.can_answer_opportunity(request.user, opportunity):
            raise Http404
        serializer = OpportunityAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check_input(serializer)
        try:
            with service_errors(serializer):
                answer = opportunity_answer_create(
                    actor=request.user,
                    opportunity=opportunity,
                    message=serializer.validated_data["message"],
                )
        except ServicePermissionDenied as error:
            raise Http404 from error
        return Response(OpportunityAnswerSerializer(answer).data, status=status.HTTP_201_CREATED)


def _organised(request, event):
    """The event, if the caller organises it: 401 for anonymous callers, else 404."""
    if not request.user.is_authenticated:
        raise NotAuthenticated
    if not rules.can_organise_event(request.user, event):
        raise Http404
    return event


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Business-meeting events with their slots; organisers read the requests and schedule."""

    reader_description = _(
        "Business-meeting events with their time slots; the organisers read the meeting "
        "requests, schedule the meetings and publish the agendas."
    )

    serializer_class = EventSerializer
    filter_serializer_class = EventFilterSerializer

    def get_queryset(self):
        search = getattr(self, "filters", {}).get("q")
        return selectors.event_list(self.request.user, search=search).prefetch_related("slots")

    @extend_schema(
        parameters=[EventFilterSerializer],
        description=_(
            "The events you may see, latest first; `q` keeps those whose meeting's title or "
            "host city's name holds every word."
        ),
    )
    def list(self, request, *args, **kwargs):
        filters = EventFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        self.filters = filters.validated_data
        return super().list(request, *args, **kwargs)

    @extend_schema(
        parameters=[RequestFilterSerializer],
        responses={
            200: MeetingRequestSerializer(many=True),
            401: WRITE_RESPONSES[401],
            404: WRITE_RESPONSES[404],
        },
        description=_(
            "The event's meeting requests, for its organisers; filter by `status` and `q`."
        ),
    )
    @action(detail=True, methods=["get"], serializer_class=MeetingRequestSerializer)
    def requests(self, request, pk=None):
        event = _organised(request, self.get_object())
        filters = RequestFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = selectors.requests_of(
            event,
            status=filters.validated_data.get("status"),
            search=filters.validated_data.get("q"),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(MeetingRequestSerializer(page, many=True).data)

    @import_action(
        upload=RequestImportUploadSerializer,
        report=RequestImportSerializer,
        detail=True,
        url_path="requests/import",
        written=status.HTTP_200_OK,
        description=_(
            "Add meetings agreed elsewhere from a CSV file; nothing is written if a line is wrong."
        ),
    )
    def import_requests(self, request, pk=None):
        event = _organised(request, self.get_object())
        return partial(requests_import, actor=request.user, event=event)

    @extend_schema(
        responses={200: AgendaSerializer, 401: WRITE_RESPONSES[401]},
        description=_(
            "A participant's meetings in the published schedule: for the organisation's "
            "representative and the event's organisers; nothing before publication."
        ),
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"agenda/(?P<registration>[0-9]+)",
        serializer_class=AgendaSerializer,
    )
    def agenda(self, request, pk=None, registration=None):
        # Before publication the agenda is empty, not missing: `published` says which.
        if not request.user.is_authenticated:
            raise NotAuthenticated
        event = self.get_object()
        participant = selectors.event_registration(event, registration)
        if participant is None or not rules.can_view_agenda(request.user, participant):
            raise Http404
        run = event.published_run
        data = {
            "event": event.pk,
            "published": run is not None,
            "meetings": selectors.agenda_of(participant, run=run),
        }
        return Response(AgendaSerializer(data).data)

    @extend_schema(
        description=_("Start the scheduler on the accepted requests; poll the run it returns.")
    )
    @action(detail=True, methods=["post"], serializer_class=RunRequestSerializer)
    def runs(self, request, pk=None):
        # A background task does the run; the client reads its progress at business/runs/{id}/.
        event = _organised(request, self.get_object())
        serializer = RunRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors(serializer):
            run = services.schedule_run_request(
                actor=request.user, event=event, time_limit=serializer.validated_data["time_limit"]
            )
        return Response(ScheduleRunSerializer(run).data, status=status.HTTP_201_CREATED)


class ScheduleRunViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A scheduler run: stage, breaks and proven bound while it runs; the schedule after."""

    reader_description = _(
        "A run of the business-meeting scheduler, for the event's organisers: its progress "
        "while it runs, then the schedule it found."
    )

    serializer_class = ScheduleRunSerializer

    def get_queryset(self):
        return selectors.runs()

    def get_object(self):
        run = super().get_object()
        _organised(self.request, run.event)
        return run


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("business/profiles", ProfileViewSet, basename="business-profile")
    router.register("business/opportunities", OpportunityViewSet, basename="business-opportunity")
    router.register("business/events", EventViewSet, basename="business-event")
    router.register("business/runs", ScheduleRunViewSet, basename="business-run")
