"""API views: parse and check input, call one selector or service, render the record."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.settings import api_settings

from intercity.agreements import selectors as agreement_selectors
from intercity.agreements import services as agreement_services
from intercity.agreements.models import Agreement, Pledge
from intercity.api import permissions
from intercity.api import serializers as api
from intercity.cities import selectors as city_selectors
from intercity.cities import services as city_services
from intercity.cities.models import City
from intercity.core import selectors as core_selectors
from intercity.core import services as core_services
from intercity.core.models import NewsItem, Theme
from intercity.meetings import selectors as meeting_selectors
from intercity.meetings import services as meeting_services
from intercity.meetings.models import Meeting
from intercity.organisations import selectors as organisation_selectors
from intercity.organisations import services as organisation_services
from intercity.organisations.models import Organisation
from intercity.programmes import selectors as programme_selectors
from intercity.programmes import services as programme_services
from intercity.programmes.models import Programme


@contextmanager
def service_errors(serializer: serializers.Serializer) -> Iterator[None]:
    """Turn a service's Django ValidationError into a 400 keyed by the API's field names."""
    try:
        yield
    except DjangoValidationError as exc:
        # Services name model fields; the API may expose one under another name.
        names = {
            field.source: name
            for name, field in serializer.fields.items()
            if field.source and field.source != "*"
        }
        if hasattr(exc, "error_dict"):
            detail = {
                names.get(field, field): messages for field, messages in exc.message_dict.items()
            }
            if "__all__" in detail:
                detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
        else:
            detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        raise serializers.ValidationError(detail) from exc


def by_city(rows: list[Mapping[str, Any]]) -> dict[City, str]:
    """The {city: role} mapping the services take, from the API's list of city and role."""
    return {row["city"]: row["role"] for row in rows}


WRITE_RESPONSES = {
    400: OpenApiResponse(description=_("Invalid input, with a message per field.")),
    401: OpenApiResponse(description=_("No valid credentials were given.")),
    404: OpenApiResponse(description=_("No such record, or not one you may change.")),
}
FORBIDDEN = OpenApiResponse(description=_("Your role may not do this."))


class RecordViewSet(viewsets.GenericViewSet):
    """Plumbing shared by every resource; subclasses name their selectors and services."""

    lookup_field = "slug"
    permission_classes = [permissions.FollowsRecordRules]
    rules: ClassVar[permissions.Rules]
    list_serializer_class: ClassVar[type[serializers.Serializer]]
    detail_serializer_class: ClassVar[type[serializers.Serializer]]
    write_serializer_class: ClassVar[type[serializers.Serializer]]
    filter_serializer_class: ClassVar[type[serializers.Serializer]]

    # What each resource fills in.
    def select_list(self, **filters) -> QuerySet:
        raise NotImplementedError

    def select_one(self, key: str) -> Model:
        raise NotImplementedError

    def create_record(self, data: dict) -> Model:
        raise NotImplementedError

    def update_record(self, obj: Model, data: dict) -> None:
        raise NotImplementedError

    def delete_record(self, obj: Model) -> None:
        raise NotImplementedError

    # The plumbing.
    def get_serializer_class(self):
        if self.action == "list":
            return self.list_serializer_class
        if self.action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        return self.detail_serializer_class

    def get_object(self) -> Model:
        obj = self.select_one(self.kwargs[self.lookup_field])
        self.check_object_permissions(self.request, obj)
        return obj

    def render(self, obj: Model, *, status_code: int = status.HTTP_200_OK) -> Response:
        # Read back through the selector so the answer has what a detail read would show.
        fresh = self.select_one(str(getattr(obj, self.lookup_field)))
        context = self.get_serializer_context()
        return Response(self.detail_serializer_class(fresh, context=context).data, status_code)

    def list(self, request, *args, **kwargs):
        filters = self.filter_serializer_class(data=request.query_params)
        filters.is_valid(raise_exception=True)
        page = self.paginate_queryset(self.select_list(**filters.validated_data))
        context = self.get_serializer_context()
        data = self.list_serializer_class(page, many=True, context=context).data
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        return self.render(self.get_object())

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors(serializer):
            obj = self.create_record(dict(serializer.validated_data))
        return self.render(obj, status_code=status.HTTP_201_CREATED)

    def update(self, request, *args, partial: bool = False, **kwargs):
        obj = self.get_object()
        serializer = self.get_serializer(obj, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with service_errors(serializer):
            self.update_record(obj, dict(serializer.validated_data))
        return self.render(obj)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        obj = self.get_object()
        with service_errors(self.get_serializer()):
            self.delete_record(obj)
        return Response(status=status.HTTP_204_NO_CONTENT)


def document(*, list_serializer, filters, detail_serializer, write_serializer):
    """The OpenAPI description of a resource: which serializer reads and which writes."""
    writes = {"request": write_serializer, "responses": {200: detail_serializer, **WRITE_RESPONSES}}
    return extend_schema_view(
        list=extend_schema(parameters=[filters], responses=list_serializer),
        retrieve=extend_schema(responses=detail_serializer),
        create=extend_schema(
            request=write_serializer,
            responses={201: detail_serializer, 403: FORBIDDEN, **WRITE_RESPONSES},
        ),
        update=extend_schema(**writes),
        partial_update=extend_schema(**writes),
        destroy=extend_schema(
            responses={204: None, 403: FORBIDDEN, **WRITE_RESPONSES},
        ),
    )


@document(
    list_serializer=api.CitySerializer,
    filters=api.CityFilterSerializer,
    detail_serializer=api.CitySerializer,
    write_serializer=api.CityWriteSerializer,
)
class CityViewSet(RecordViewSet):
    """Cities of the network, members or not, with their membership and gazetteer facts."""

    queryset = City.objects.none()  # for the schema's path parameter; reads use selectors
    rules = permissions.CITY_RULES
    list_serializer_class = api.CitySerializer
    detail_serializer_class = api.CitySerializer
    write_serializer_class = api.CityWriteSerializer
    filter_serializer_class = api.CityFilterSerializer

    def select_list(self, *, q=None, membership=None, country=None):
        return city_selectors.city_list(search=q, membership=membership, country=country)

    def select_one(self, key):
        return city_selectors.city_get(slug=key)

    def create_record(self, data):
        return city_services.city_create(actor=self.request.user, data=data)

    def update_record(self, obj, data):
        city_services.city_update(actor=self.request.user, city=obj, data=data)

    def delete_record(self, obj):
        city_services.city_delete(actor=self.request.user, city=obj)


@document(
    list_serializer=api.OrganisationSerializer,
    filters=api.OrganisationFilterSerializer,
    detail_serializer=api.OrganisationSerializer,
    write_serializer=api.OrganisationWriteSerializer,
)
class OrganisationViewSet(RecordViewSet):
    """Enterprises, universities and agencies of member cities."""

    queryset = Organisation.objects.none()
    rules = permissions.ORGANISATION_RULES
    list_serializer_class = api.OrganisationSerializer
    detail_serializer_class = api.OrganisationSerializer
    write_serializer_class = api.OrganisationWriteSerializer
    filter_serializer_class = api.OrganisationFilterSerializer

    def select_list(self, *, q=None, kind=None, city=None):
        return organisation_selectors.organisation_list(search=q, kind=kind, city=city)

    def select_one(self, key):
        return organisation_selectors.organisation_get(slug=key)

    def create_record(self, data):
        return organisation_services.organisation_create(actor=self.request.user, data=data)

    def update_record(self, obj, data):
        organisation_services.organisation_update(
            actor=self.request.user, organisation=obj, data=data
        )

    def delete_record(self, obj):
        organisation_services.organisation_delete(actor=self.request.user, organisation=obj)


@document(
    list_serializer=api.MeetingListSerializer,
    filters=api.MeetingFilterSerializer,
    detail_serializer=api.MeetingDetailSerializer,
    write_serializer=api.MeetingWriteSerializer,
)
class MeetingViewSet(RecordViewSet):
    """Meetings of every kind; meetings that are not public exist only for network insiders."""

    queryset = Meeting.objects.none()
    rules = permissions.MEETING_RULES
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


@document(
    list_serializer=api.ProgrammeListSerializer,
    filters=api.ProgrammeFilterSerializer,
    detail_serializer=api.ProgrammeDetailSerializer,
    write_serializer=api.ProgrammeWriteSerializer,
)
class ProgrammeViewSet(RecordViewSet):
    """Joint projects, platforms and pilot programmes, with activities and reviews."""

    queryset = Programme.objects.none()
    rules = permissions.PROGRAMME_RULES
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


@document(
    list_serializer=api.AgreementSerializer,
    filters=api.AgreementFilterSerializer,
    detail_serializer=api.AgreementDetailSerializer,
    write_serializer=api.AgreementWriteSerializer,
)
class AgreementViewSet(RecordViewSet):
    """City-to-city agreements with their parties, themes and signatories."""

    queryset = Agreement.objects.none()
    rules = permissions.AGREEMENT_RULES
    list_serializer_class = api.AgreementSerializer
    detail_serializer_class = api.AgreementDetailSerializer
    write_serializer_class = api.AgreementWriteSerializer
    filter_serializer_class = api.AgreementFilterSerializer

    def select_list(self, *, q=None, city=None, theme=None, status=None):
        return agreement_selectors.agreement_list(search=q, city=city, theme=theme, status=status)

    def select_one(self, key):
        return agreement_selectors.agreement_get(slug=key)

    def create_record(self, data):
        parties, themes = by_city(data.pop("parties")), data.pop("themes", ())
        signatories = data.pop("signatories", ())
        return agreement_services.agreement_create(
            actor=self.request.user,
            data=data,
            parties=parties,
            themes=themes,
            signatories=signatories,
        )

    @transaction.atomic
    def update_record(self, obj, data):
        parties, themes = data.pop("parties", None), data.pop("themes", None)
        signatories = data.pop("signatories", ())
        agreement_services.agreement_update(
            actor=self.request.user,
            agreement=obj,
            data=data,
            parties=None if parties is None else by_city(parties),
            themes=themes,
        )
        for signatory in signatories:
            agreement_services.signatory_upsert(
                actor=self.request.user,
                agreement=obj,
                name=signatory.pop("name"),
                data=signatory,
            )

    def delete_record(self, obj):
        agreement_services.agreement_delete(actor=self.request.user, agreement=obj)


@document(
    list_serializer=api.PledgeSerializer,
    filters=api.PledgeFilterSerializer,
    detail_serializer=api.PledgeSerializer,
    write_serializer=api.PledgeWriteSerializer,
)
class PledgeViewSet(RecordViewSet):
    """Promises of help from one city to another; they have no slug, so the id names them."""

    queryset = Pledge.objects.none()
    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    rules = permissions.PLEDGE_RULES
    list_serializer_class = api.PledgeSerializer
    detail_serializer_class = api.PledgeSerializer
    write_serializer_class = api.PledgeWriteSerializer
    filter_serializer_class = api.PledgeFilterSerializer

    def select_list(self, *, city=None):
        return agreement_selectors.pledge_list(city=city)

    def select_one(self, key):
        return get_object_or_404(agreement_selectors.pledge_list(), pk=key)

    def create_record(self, data):
        themes = data.pop("themes", ())
        return agreement_services.pledge_create(actor=self.request.user, data=data, themes=themes)

    def update_record(self, obj, data):
        themes = data.pop("themes", None)
        agreement_services.pledge_update(
            actor=self.request.user, pledge=obj, data=data, themes=themes
        )

    def delete_record(self, obj):
        agreement_services.pledge_delete(actor=self.request.user, pledge=obj)


@document(
    list_serializer=api.NewsItemSerializer,
    filters=api.NewsFilterSerializer,
    detail_serializer=api.NewsItemSerializer,
    write_serializer=api.NewsItemWriteSerializer,
)
class NewsItemViewSet(RecordViewSet):
    """News the network publishes."""

    queryset = NewsItem.objects.none()
    rules = permissions.NEWS_RULES
    list_serializer_class = api.NewsItemSerializer
    detail_serializer_class = api.NewsItemSerializer
    write_serializer_class = api.NewsItemWriteSerializer
    filter_serializer_class = api.NewsFilterSerializer

    def select_list(self, *, kind=None, city=None):
        return core_selectors.news_list(kind=kind, city=city)

    def select_one(self, key):
        return get_object_or_404(core_selectors.news_list(), slug=key)

    def create_record(self, data):
        cities = data.pop("cities", ())
        return core_services.news_publish(actor=self.request.user, data=data, cities=cities)

    def update_record(self, obj, data):
        cities = data.pop("cities", None)
        core_services.news_update(actor=self.request.user, item=obj, data=data, cities=cities)

    def delete_record(self, obj):
        core_services.news_delete(actor=self.request.user, item=obj)


class ThemeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The managed list of cooperation themes; read-only."""

    lookup_field = "slug"
    serializer_class = api.ThemeSerializer

    def get_queryset(self):
        return core_selectors.theme_list()

    def get_object(self) -> Theme:
        return get_object_or_404(self.get_queryset(), slug=self.kwargs["slug"])


class TokenView(ObtainAuthToken):
    """Exchange a username and password for the token that authenticates API calls."""
