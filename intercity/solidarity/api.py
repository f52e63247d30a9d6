"""REST API of the solidarity app: its viewsets register on the shared /api/v1/ router."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.settings import api_settings

from intercity.api.service_trial import validated_or_refused
from intercity.core.params import number_param
from intercity.solidarity import selectors, services
from intercity.solidarity import serializers as api
from intercity.solidarity.drills import drill_list
from intercity.solidarity.models import Assistance, Delivery, DrillAction, Incident
from intercity.solidarity.parsers import CapXMLParser, XMLParser
from intercity.solidarity.permissions import (
    can_edit_incident,
    can_manage_incidents,
    can_report_incident,
    can_view_incident,
    can_view_record,
)


@contextmanager
def service_errors() -> Iterator[None]:
    """A refused write answers 404 (nothing is confirmed to a stranger); bad input 400."""
    try:
        yield
    except (DjangoPermissionDenied, Http404) as error:
        raise NotFound from error
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            detail = dict(error.message_dict)
            if "__all__" in detail:
                detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
        else:
            detail = {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
        raise ValidationError(detail) from error


def _created(response: Response) -> Response:
    """A new record is read back as a detail read would show it, answered with 201."""
    response.status_code = status.HTTP_201_CREATED
    return response


class SolidarityViewSet(viewsets.GenericViewSet):
    permission_classes = [IsAuthenticatedOrReadOnly]
    write_serializer_class = None

    def get_serializer_class(self):
        if self.action in ("create", "partial_update", "update") and self.write_serializer_class:
            return self.write_serializer_class
        return self.serializer_class

    def payload(self, write=None, **kwargs) -> dict:
        """The valid input; a refusal also names what ``write`` refuses in the valid part."""
        serializer = self.get_serializer(data=self.request.data, **kwargs)
        if write is None:
            serializer.is_valid(raise_exception=True)
            return dict(serializer.validated_data)
        return validated_or_refused(serializer, write)


class IncidentViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """Incidents affecting member cities: the secretariat writes, a focal point reports one in
    their city, everyone reads what is public."""

    reader_description = _(
        "Incidents affecting member cities. The secretariat records and confirms them, a "
        "focal point reports one in their own city, and everyone reads those made public."
    )

    queryset = Incident.objects.none()
    serializer_class = api.IncidentSerializer
    write_serializer_class = api.IncidentWriteSerializer

    def get_queryset(self):
        filters = api.IncidentFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        return selectors.incident_list(
            user=self.request.user,
            kind=data.get("kind"),
            status=data.get("status"),
            search=data.get("q"),
            city=data.get("city"),
            reported_by=data.get("reported_by"),
        )

    def _incident(self, pk) -> Incident:
        try:
            return selectors.incident_get(user=self.request.user, pk=int(pk))
        except (ValueError, Http404) as error:
            raise NotFound from error

    @extend_schema(parameters=[api.IncidentFilterSerializer])
    def list(self, request, *args, **kwargs):
        # Who reported each incident is read for the whole page at once, not row by row.
        page = self.paginate_queryset(self.get_queryset())
        context = {**self.get_serializer_context(), "reporters": selectors.incident_reporters(page)}
        serializer = api.IncidentSerializer(page, many=True, context=context)
        return self.get_paginated_response(serializer.data)

    @extend_schema(responses=api.IncidentDetailSerializer)
    def retrieve(self, request, pk=None):
        return Response(api.IncidentDetailSerializer(self._incident(pk)).data)

    @extend_schema(
        request=api.IncidentWriteSerializer,
        responses={201: api.IncidentDetailSerializer},
        description=_(
            "The secretariat records an incident; a focal point reports one in their own city."
        ),
    )
    def create(self, request):
        """Anyone else is answered 404, as if incidents could not be written at all."""
        if not can_report_incident(request.user):
            raise NotFound

        def create(data):
            return services.incident_create(actor=request.user, data=data)

        data = self.payload(create)
        with service_errors():
            incident = create(data)
        fresh = self._incident(incident.pk)
        return Response(api.IncidentDetailSerializer(fresh).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=api.IncidentWriteSerializer, responses=api.IncidentDetailSerializer)
    def partial_update(self, request, pk=None):
        incident = self._incident(pk)
        if not can_edit_incident(request.user, incident):
            raise NotFound

        def update(data):
            fresh = Incident.objects.get(pk=incident.pk)
            services.incident_update(actor=request.user, incident=fresh, data=data)

        data = self.payload(update, partial=True)
        with service_errors():
            update(data)
        return Response(api.IncidentDetailSerializer(self._incident(pk)).data)

    @extend_schema(
        responses={(200, "application/cap+xml"): OpenApiTypes.STR},
        description=_("The incident as an OASIS CAP 1.2 message."),
    )
    @action(detail=True, methods=["get"])
    def cap(self, request, pk=None):
        incident = self._incident(pk)
        body = services.cap_export(incident=incident)
        return HttpResponse(body, content_type="application/cap+xml; charset=utf-8")

    @extend_schema(
        request={
            "application/cap+xml": OpenApiTypes.STR,
            "multipart/form-data": api.CapUploadSerializer,
        },
        responses={
            200: api.IncidentSerializer,
            201: api.IncidentSerializer,
            400: OpenApiResponse(description=_("The list of what is wrong; nothing was stored.")),
        },
        description=_(
            "Import one CAP 1.2 message: Alert creates or updates, Update and Cancel follow it."
        ),
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import-cap",
        parser_classes=[CapXMLParser, XMLParser, MultiPartParser, FormParser, JSONParser],
    )
    def import_cap(self, request):
        # CAP tools send the XML as the body; a form uploads a `file` or posts an `xml` field.
        if not can_manage_incidents(request.user):
            raise NotFound
        if isinstance(request.data, bytes):
            data = request.data
        elif request.data.get("file") is not None:
            data = request.data["file"].read()
        else:
            data = str(request.data.get("xml", "")).encode("utf-8")
        result = services.cap_import(actor=request.user, data=data)
        if not result.ok:
            return Response({"problems": result.problems}, status=status.HTTP_400_BAD_REQUEST)
        fresh = self._incident(result.incident.pk)
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(api.IncidentSerializer(fresh).data, status=code)

    @extend_schema(
        request=api.ConfirmSerializer,
        responses=api.IncidentDetailSerializer,
        description=_(
            "Confirm the incident and the cities it affects; their focal points get an email."
        ),
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        incident = self._incident(pk)
        if not can_manage_incidents(request.user):
            raise NotFound
        cities = api.ConfirmSerializer(data=request.data)
        cities.is_valid(raise_exception=True)
        with service_errors():
            services.incident_confirm(
                actor=request.user,
                incident=Incident.objects.get(pk=incident.pk),
                cities=cities.validated_data["cities"],
            )
        return Response(api.IncidentDetailSerializer(self._incident(pk)).data)


class NeedViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """What affected cities need; their focal points and the secretariat write them."""

    reader_description = _(
        "What the cities an incident affects need; their focal points and the secretariat "
        "write them."
    )

    serializer_class = api.NeedSerializer
    write_serializer_class = api.NeedWriteSerializer

    def get_queryset(self):
        incident = self.request.query_params.get("incident")
        rows = selectors.need_list(user=self.request.user)
        if incident:
            rows = rows.filter(incident_id=number_param(incident))
        return rows.order_by("id")

    def retrieve(self, request, pk=None):
        need = self.get_queryset().filter(pk=pk).first()
        if need is None:
            raise NotFound
        return Response(api.NeedSerializer(need).data)

    def create(self, request):

        def post(data):
            data = dict(data)
            incident = data.pop("incident")
            if not can_view_incident(request.user, incident):
                raise NotFound
            return services.need_post(actor=request.user, incident=incident, data=data)

        data = self.payload(post)
        with service_errors():
            need = post(data)
        return _created(self.retrieve(request, pk=need.pk))

    def partial_update(self, request, pk=None):
        need = selectors.need_list(user=request.user).filter(pk=pk).first()
        if need is None:
            raise NotFound

        def update(data):
            services.need_update(actor=request.user, need=need, data=data)

        data = self.payload(update, partial=True)
        with service_errors():
            update(data)
        return self.retrieve(request, pk=pk)


class OfferViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """Help offered by cities and organisations; each offerer updates only its own offers."""

    reader_description = _(
        "Help offered by cities and organisations; each offerer changes only its own offers."
    )

    serializer_class = api.OfferSerializer
    write_serializer_class = api.OfferWriteSerializer

    def get_queryset(self):
        return selectors.offer_list(user=self.request.user).order_by("-id")

    def retrieve(self, request, pk=None):
        offer = self.get_queryset().filter(pk=pk).first()
        if offer is None:
            raise NotFound
        return Response(api.OfferSerializer(offer).data)

    def create(self, request):

        def make(data):
            return services.offer_make(actor=request.user, data=data)

        data = self.payload(make)
        with service_errors():
            offer = make(data)
        return _created(self.retrieve(request, pk=offer.pk))

    def partial_update(self, request, pk=None):
        offer = self.get_queryset().filter(pk=pk).first()
        if offer is None:
            raise NotFound

        def update(data):
            services.offer_update(actor=request.user, offer=offer, data=data)

        data = self.payload(update, partial=True)
        with service_errors():
            update(data)
        return self.retrieve(request, pk=pk)


class AssistanceViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """Offers accepted for needs (POST accepts one), with what was dispatched and received."""

    reader_description = _(
        "Offers accepted for needs, with what was dispatched and received; the city in need "
        "decides which offers it accepts."
    )

    serializer_class = api.AssistanceSerializer

    def get_queryset(self):
        needs = selectors.need_list(user=self.request.user).values("pk")
        return (
            Assistance.objects.filter(need__in=needs).select_related("need", "offer").order_by("id")
        )

    def retrieve(self, request, pk=None):
        item = self.get_queryset().filter(pk=pk).first()
        if item is None:
            raise NotFound
        return Response(api.AssistanceSerializer(item).data)

    def create(self, request):

        def accept(data):
            need, offer = data["need"], data["offer"]
            if not can_view_record(request.user, need) or not can_view_record(request.user, offer):
                raise NotFound
            return services.offer_accept(
                actor=request.user, need=need, offer=offer, quantity=data.get("quantity")
            )

        data = self.payload(accept)
        with service_errors():
            item = accept(data)
        return Response(api.AssistanceSerializer(item).data, status=status.HTTP_201_CREATED)


class DeliveryViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """Shipments: POST dispatches part of an accepted offer, receive/ confirms arrival."""

    reader_description = _(
        "Shipments of accepted help: the offerer dispatches part of it, and the city in need "
        "confirms its arrival."
    )

    serializer_class = api.DeliverySerializer

    def get_queryset(self):
        needs = selectors.need_list(user=self.request.user).values("pk")
        return Delivery.objects.filter(assistance__need__in=needs).order_by("id")

    def retrieve(self, request, pk=None):
        item = self.get_queryset().filter(pk=pk).first()
        if item is None:
            raise NotFound
        return Response(api.DeliverySerializer(item).data)

    def create(self, request):

        def dispatch(data):
            return services.delivery_dispatch(
                actor=request.user,
                assistance=data["assistance"],
                quantity=data["quantity"],
                note=data.get("note", ""),
            )

        data = self.payload(dispatch)
        with service_errors():
            delivery = dispatch(data)
        return Response(api.DeliverySerializer(delivery).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=api.DeliverySerializer)
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        delivery = self.get_queryset().filter(pk=pk).first()
        if delivery is None:
            raise NotFound
        with service_errors():
            delivery = services.delivery_receive(actor=request.user, delivery=delivery)
        return Response(api.DeliverySerializer(delivery).data)


class MessageViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """Solidarity messages between cities, in any language; network-only ones stay inside."""

    reader_description = _(
        "Solidarity messages between cities, in any language; those meant for the network "
        "stay inside it. The secretariat and a city's focal point send them."
    )

    serializer_class = api.MessageSerializer

    def get_queryset(self):
        return selectors.message_list(user=self.request.user).order_by("-sent_on", "-id")

    def retrieve(self, request, pk=None):
        item = self.get_queryset().filter(pk=pk).first()
        if item is None:
            raise NotFound
        return Response(api.MessageSerializer(item).data)

    def create(self, request):

        def send(data):
            return services.message_send(actor=request.user, data=data)

        data = self.payload(send)
        with service_errors():
            message = send(data)
        return Response(api.MessageSerializer(message).data, status=status.HTTP_201_CREATED)


class DrillViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, SolidarityViewSet):
    """Joint drills with their scenario, participating cities and after-action review."""

    reader_description = _(
        "Joint drills with their scenario, participating cities and after-action review; to "
        "read only."
    )

    serializer_class = api.DrillSerializer

    def get_queryset(self):
        return drill_list(user=self.request.user)


class DrillActionViewSet(mixins.ListModelMixin, SolidarityViewSet):
    """Actions from after-action reviews; the owner city marks them done (PATCH done)."""

    reader_description = _(
        "Actions decided in drills' after-action reviews; the city that owns an action marks "
        "it done."
    )

    serializer_class = api.DrillActionSerializer

    def get_queryset(self):
        drills = drill_list(user=self.request.user).values("pk")
        return DrillAction.objects.filter(review__drill__in=drills).select_related(
            "owner_city", "review__drill__meeting"
        )

    def partial_update(self, request, pk=None):
        item = self.get_queryset().filter(pk=pk).first()
        if item is None:
            raise NotFound
        data = self.payload(partial=True)
        with service_errors():
            services.action_set_done(actor=request.user, action=item, done=data.get("done", True))
        item.refresh_from_db()
        return Response(api.DrillActionSerializer(item).data)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("incidents", IncidentViewSet, basename="incident")
    router.register("solidarity/needs", NeedViewSet, basename="solidarity-need")
    router.register("solidarity/offers", OfferViewSet, basename="solidarity-offer")
    router.register("solidarity/assistance", AssistanceViewSet, basename="solidarity-assistance")
    router.register("solidarity/deliveries", DeliveryViewSet, basename="solidarity-delivery")
    router.register("solidarity/messages", MessageViewSet, basename="solidarity-message")
    router.register("solidarity/drills", DrillViewSet, basename="solidarity-drill")
    router.register("solidarity/drill-actions", DrillActionViewSet, basename="solidarity-action")
