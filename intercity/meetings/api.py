"""REST API of meetings and their registrations: the viewsets register on the shared
/api/v1/ router."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from intercity.api.permissions import Rules
from intercity.api.service_trial import validated_or_refused
from intercity.api.views import (
    FORBIDDEN,
    WRITE_RESPONSES,
    RecordViewSet,
    by_city,
    check_input,
    document,
    service_errors,
)
from intercity.meetings import selectors as meeting_selectors
from intercity.meetings import serializers as api
from intercity.meetings import services as meeting_services
from intercity.meetings import services_registration as registration_services
from intercity.meetings.models import Meeting, Registration
from intercity.meetings.permissions import (
    can_cancel_registration,
    can_create_meeting,
    can_delete_meeting,
    can_edit_meeting,
    can_see_registrations,
    can_view_meeting,
)

MEETING_RULES = Rules(can_create_meeting, can_edit_meeting, can_delete_meeting, can_view_meeting)


@document(
    list_serializer=api.MeetingListSerializer,
    filters=api.MeetingFilterSerializer,
    detail_serializer=api.MeetingDetailSerializer,
    write_serializer=api.MeetingWriteSerializer,
)
class MeetingViewSet(RecordViewSet):
    """Meetings of every kind; meetings that are not public exist only for network insiders."""

    reader_description = _(
        "Meetings of every kind, from plenaries to drills; those that are not public are "
        "shown only inside the network. The secretariat and the host city's focal point write "
        "them."
    )

    queryset = Meeting.objects.none()
    rules = MEETING_RULES
    list_serializer_class = api.MeetingListSerializer
    detail_serializer_class = api.MeetingDetailSerializer
    write_serializer_class = api.MeetingWriteSerializer
    filter_serializer_class = api.MeetingFilterSerializer

    def select_list(self, *, q=None, kind=None, year=None, city=None, when=None):
        return meeting_selectors.meeting_list(
            user=self.request.user, search=q, kind=kind, year=year, city=city, when=when
        )

    def select_one(self, key):
        return meeting_selectors.meeting_get(user=self.request.user, slug=key)

    def create_record(self, data):
        cities = data.pop("cities", None)
        return meeting_services.meeting_create(
            actor=self.request.user,
            data=data,
            cities=None if cities is None else by_city(cities),
        )

    def update_record(self, obj, data):
        cities = data.pop("cities", None)
        meeting_services.meeting_update(
            actor=self.request.user,
            meeting=obj,
            data=data,
            cities=None if cities is None else by_city(cities),
        )

    def delete_record(self, obj):
        meeting_services.meeting_delete(actor=self.request.user, meeting=obj)

    @extend_schema(
        parameters=[api.RegistrationFilterSerializer],
        responses={
            200: api.RegistrationSerializer(many=True),
            401: WRITE_RESPONSES[401],
            404: WRITE_RESPONSES[404],
        },
        description=_(
            "The meeting's registrations: all of them for the secretariat and the host, "
            "a focal point's own city's for a focal point."
        ),
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="registrations",
        permission_classes=[IsAuthenticated],
    )
    def registrations(self, request, *args, **kwargs):
        meeting = self.select_one(kwargs[self.lookup_field])
        if not can_see_registrations(request.user, meeting):
            raise NotFound
        filters = api.RegistrationFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = meeting_selectors.registration_list(
            user=request.user, meeting=meeting, **filters.validated_data
        )
        page = self.paginate_queryset(rows)
        data = api.RegistrationSerializer(page, many=True).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=api.RegistrationWriteSerializer,
        responses={201: api.RegistrationSerializer, 403: FORBIDDEN, **WRITE_RESPONSES},
        description=_(
            "Register yourself, or (a focal point) a person of your city, or (the secretariat "
            "and the host) anyone. The registration waits for approval."
        ),
    )
    @registrations.mapping.post
    def register(self, request, *args, **kwargs):
        meeting = self.select_one(kwargs[self.lookup_field])

        def create(data):
            data = dict(data)
            person = data.pop("person", request.user)
            return registration_services.registration_create(
                actor=request.user, meeting=meeting, person=person, data=data
            )

        serializer = api.RegistrationWriteSerializer(data=request.data)
        data = validated_or_refused(serializer, create)
        check_input(serializer)
        with service_errors(serializer):
            registration = create(data)
        body = api.RegistrationSerializer(registration).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema_view(
    retrieve=extend_schema(
        responses={
            200: api.RegistrationSerializer,
            401: WRITE_RESPONSES[401],
            404: WRITE_RESPONSES[404],
        }
    )
)
class RegistrationViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A registration, seen by its person and by whoever decides it; approved or declined
    while it waits, cancelled by its person before the meeting."""

    reader_description = _(
        "A registration for a meeting, seen by the person registered and by those who decide "
        "it: approved or declined while it waits, cancelled by the person before the meeting."
    )

    serializer_class = api.RegistrationSerializer
    queryset = Registration.objects.none()
    permission_classes = [IsAuthenticated]

    def get_object(self):
        registration = (
            Registration.objects.select_related("meeting", "person", "city")
            .filter(pk=self.kwargs["pk"])
            .first()
        )
        if registration is None or not can_cancel_registration(self.request.user, registration):
            raise NotFound
        return registration

    @extend_schema(
        request=api.RegistrationDecisionSerializer,
        responses={200: api.RegistrationSerializer, 403: FORBIDDEN, **WRITE_RESPONSES},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        registration = self.get_object()
        serializer = api.RegistrationDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors(serializer):
            registration = registration_services.registration_decide(
                actor=request.user,
                registration=registration,
                approve=serializer.validated_data["decision"] == "approve",
            )
        return Response(api.RegistrationSerializer(registration).data)

    @extend_schema(
        request=None,
        responses={200: api.RegistrationSerializer, 403: FORBIDDEN, **WRITE_RESPONSES},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        registration = self.get_object()
        with service_errors(api.RegistrationSerializer()):
            registration = registration_services.registration_cancel(
                actor=request.user, registration=registration
            )
        return Response(api.RegistrationSerializer(registration).data)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("meetings", MeetingViewSet, basename="meeting")
    router.register("registrations", RegistrationViewSet, basename="registration")
