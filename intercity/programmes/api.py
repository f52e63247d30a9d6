"""REST API of programmes: its viewset registers on the shared /api/v1/ router."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from intercity.api.permissions import Rules
from intercity.api.service_trial import validated_or_refused
from intercity.api.views import (
    FORBIDDEN,
    WRITE_RESPONSES,
    RecordViewSet,
    check_input,
    document,
    service_errors,
)
from intercity.programmes import selectors as programme_selectors
from intercity.programmes import serializers as api
from intercity.programmes import services as programme_services
from intercity.programmes.models import Programme
from intercity.programmes.permissions import (
    can_create_programme,
    can_delete_programme,
    can_edit_programme,
    can_review_programme,
    can_see_programme_participants,
    can_view_programme,
)

PROGRAMME_RULES = Rules(
    can_create_programme, can_edit_programme, can_delete_programme, can_view_programme
)


@document(
    list_serializer=api.ProgrammeListSerializer,
    filters=api.ProgrammeFilterSerializer,
    detail_serializer=api.ProgrammeDetailSerializer,
    write_serializer=api.ProgrammeWriteSerializer,
)
class ProgrammeViewSet(RecordViewSet):
    """Joint projects, platforms and pilot programmes, with activities and reviews."""

    reader_description = _(
        "Joint projects, platforms and pilot programmes, with their activities and reviews. "
        "The secretariat and the lead city's focal point write them."
    )

    queryset = Programme.objects.none()
    rules = PROGRAMME_RULES
    list_serializer_class = api.ProgrammeListSerializer
    detail_serializer_class = api.ProgrammeDetailSerializer
    write_serializer_class = api.ProgrammeWriteSerializer
    filter_serializer_class = api.ProgrammeFilterSerializer

    def select_list(self, *, q=None, kind=None, status=None, city=None, theme=None):
        return programme_selectors.programme_list(
            search=q, kind=kind, status=status, city=city, theme=theme
        )

    def select_one(self, key):
        return programme_selectors.programme_get(slug=key)

    def create_record(self, data):
        cities, themes = data.pop("cities", ()), data.pop("themes", ())
        return programme_services.programme_create(
            actor=self.request.user, data=data, cities=cities, themes=themes
        )

    def update_record(self, obj, data):
        cities, themes = data.pop("cities", None), data.pop("themes", None)
        programme_services.programme_update(
            actor=self.request.user, programme=obj, data=data, cities=cities, themes=themes
        )

    def delete_record(self, obj):
        programme_services.programme_delete(actor=self.request.user, programme=obj)

    @extend_schema(
        request=api.ReviewWriteSerializer,
        responses={201: api.ProgrammeDetailSerializer, **WRITE_RESPONSES},
        description=_(
            "The secretariat records a plenary's decision on the programme; a meeting that is "
            "not a plenary is refused on `meeting`. Closing it closes the programme."
        ),
    )
    @action(detail=True, methods=["post"])
    def reviews(self, request, *args, **kwargs):
        programme = self.get_object()
        if not can_review_programme(request.user, programme):
            raise NotFound

        def record(data):
            programme_services.review_record(
                actor=request.user,
                programme=programme,
                meeting=data.get("meeting"),
                decision=data.get("decision", ""),
                notes=data.get("notes", ""),
            )

        serializer = api.ReviewWriteSerializer(data=request.data)
        data = validated_or_refused(serializer, record)
        check_input(serializer)
        with service_errors(serializer):
            record(data)
        return self.render(programme, status_code=status.HTTP_201_CREATED)

    @extend_schema(
        responses={
            200: api.ParticipantSerializer(many=True),
            401: WRITE_RESPONSES[401],
            403: FORBIDDEN,
            404: WRITE_RESPONSES[404],
        },
        description=_(
            "The people taking part in the programme, in the order they joined, with the city "
            "each takes part for: for the secretariat and people of member cities."
        ),
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="participants",
        permission_classes=[IsAuthenticated],
    )
    def participants(self, request, *args, **kwargs):
        programme = self.select_one(kwargs[self.lookup_field])
        if not can_see_programme_participants(request.user, programme):
            raise PermissionDenied
        rows = programme_selectors.programme_participants(programme=programme)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(api.ParticipantSerializer(page, many=True).data)

    @extend_schema(
        request=None,
        responses={
            200: api.ParticipantSerializer,
            201: api.ParticipantSerializer,
            401: WRITE_RESPONSES[401],
            403: FORBIDDEN,
            404: WRITE_RESPONSES[404],
        },
        description=_(
            "Take part in a running programme yourself, as an expert or focal point of a member "
            "city: 201 on joining, 200 if you already take part."
        ),
    )
    @participants.mapping.post
    def join(self, request, *args, **kwargs):
        programme = self.select_one(kwargs[self.lookup_field])
        participant, joined = programme_services.programme_join(
            actor=request.user, programme=programme
        )
        code = status.HTTP_201_CREATED if joined else status.HTTP_200_OK
        return Response(api.ParticipantSerializer(participant).data, status=code)

    @extend_schema(
        request=None,
        responses={204: None, 401: WRITE_RESPONSES[401], 404: WRITE_RESPONSES[404]},
        description=_("Stop taking part in the programme; nothing changes if you did not."),
    )
    @participants.mapping.delete
    def leave(self, request, *args, **kwargs):
        programme = self.select_one(kwargs[self.lookup_field])
        programme_services.programme_leave(actor=request.user, programme=programme)
        return Response(status=status.HTTP_204_NO_CONTENT)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("programmes", ProgrammeViewSet, basename="programme")
