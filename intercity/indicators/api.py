"""REST API of the indicators app: its viewsets register on the shared /api/v1/ router."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from intercity.api.permissions import Rules
from intercity.api.service_trial import validated_or_refused
from intercity.api.views import RecordViewSet, document, service_errors
from intercity.indicators import serializers as api
from intercity.indicators import services
from intercity.indicators.importing import observations_import
from intercity.indicators.models import Indicator, Observation, Target
from intercity.indicators.permissions import (
    can_create_observation,
    can_create_target,
    can_delete_observation,
    can_delete_target,
    can_edit_observation,
    can_edit_target,
    can_import_observations,
    can_manage_indicator,
    can_view_observation,
    can_view_target,
)
from intercity.indicators.selectors import (
    indicator_get,
    indicator_list,
    observation_get,
    observation_list,
    target_get,
    target_list,
)

INDICATOR_RULES = Rules(
    can_manage_indicator, can_manage_indicator, lambda user, indicator: False, None
)
OBSERVATION_RULES = Rules(
    can_create_observation, can_edit_observation, can_delete_observation, can_view_observation
)
TARGET_RULES = Rules(can_create_target, can_edit_target, can_delete_target, can_view_target)


@document(
    list_serializer=api.IndicatorSerializer,
    filters=api.IndicatorFilterSerializer,
    detail_serializer=api.IndicatorSerializer,
    write_serializer=api.IndicatorWriteSerializer,
)
class IndicatorViewSet(RecordViewSet):
    """The network's indicator catalogue: code, name, definition, unit and standard."""

    reader_description = _(
        "The network's catalogue of indicators: code, name, definition, unit and standard. "
        "The secretariat maintains it."
    )

    queryset = Indicator.objects.none()
    lookup_field = "code"
    rules = INDICATOR_RULES
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    list_serializer_class = api.IndicatorSerializer
    detail_serializer_class = api.IndicatorSerializer
    write_serializer_class = api.IndicatorWriteSerializer
    filter_serializer_class = api.IndicatorFilterSerializer

    def select_list(self, *, theme=None):
        return indicator_list(theme=theme)

    def select_one(self, key):
        return indicator_get(code=key)

    def create_record(self, data):
        return services.indicator_create(actor=self.request.user, data=data)

    def update_record(self, obj, data):
        fresh = Indicator.objects.get(pk=obj.pk)
        services.indicator_update(actor=self.request.user, indicator=fresh, data=data)


@document(
    list_serializer=api.ObservationSerializer,
    filters=api.ObservationFilterSerializer,
    detail_serializer=api.ObservationSerializer,
    write_serializer=api.ObservationWriteSerializer,
)
class ObservationViewSet(RecordViewSet):
    """Values of indicators per city and period; a second value for the same key updates it."""

    reader_description = _(
        "Values of indicators per city and period; values not yet reported and confidential "
        "ones are shown only to the secretariat and the city's people. A city's focal point "
        "records its own city's values."
    )

    queryset = Observation.objects.none()
    lookup_field = "pk"
    rules = OBSERVATION_RULES
    list_serializer_class = api.ObservationSerializer
    detail_serializer_class = api.ObservationSerializer
    write_serializer_class = api.ObservationWriteSerializer
    filter_serializer_class = api.ObservationFilterSerializer

    def select_list(self, **filters):
        return observation_list(user=self.request.user, **filters)

    def select_one(self, key):
        try:
            return observation_get(pk=int(key), user=self.request.user)
        except ValueError as exc:
            raise NotFound from exc

    def create(self, request, *args, **kwargs):

        def record(data):
            data = dict(data)
            city, indicator = data.pop("city"), data.pop("indicator")
            if not can_create_observation(request.user, city):
                # Writing into another city's figures: as if the record did not exist.
                raise NotFound
            key = {
                "value": data.pop("value", None),
                "unit": data.pop("unit", "") or "",
                "notation_key": data.pop("notation_key", "") or "",
                "period_start": data.pop("period_start", None),
                "period_end": data.pop("period_end", None),
                "gpc_sector": data.pop("gpc_sector", "") or "",
                "gpc_scope": data.pop("gpc_scope", "") or "",
            }
            return services.observation_record(
                actor=request.user,
                city=city,
                indicator=indicator,
                year=data.pop("year"),
                data=data,
                **key,
            )

        serializer = self.get_serializer(data=request.data)
        data = validated_or_refused(serializer, record)
        with service_errors(serializer):
            observation, outcome = record(data)
        code = status.HTTP_201_CREATED if outcome == "created" else status.HTTP_200_OK
        return self.render(observation, status_code=code)

    def update_record(self, obj, data):
        data.pop("city", None)
        data.pop("indicator", None)
        data.pop("year", None)
        fresh = Observation.objects.select_related("indicator").get(pk=obj.pk)
        services.observation_update(actor=self.request.user, observation=fresh, data=data)

    def delete_record(self, obj):
        services.observation_delete(actor=self.request.user, observation=obj)

    @extend_schema(
        request={"multipart/form-data": api.IndicatorImportSerializer},
        responses={
            200: OpenApiResponse(description=_("Every row is good; counts of what changed.")),
            400: OpenApiResponse(description=_("The report: each bad row and why.")),
        },
        description=_("Import a CSV or XLSX table: every row valid, or nothing is stored."),
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
    )
    def import_table(self, request):
        if not request.user.is_authenticated:
            raise NotAuthenticated
        if not can_import_observations(request.user):
            raise PermissionDenied
        payload = api.IndicatorImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data["file"]
        report = observations_import(
            actor=request.user,
            content=upload.read(),
            filename=upload.name,
            dry_run=payload.validated_data["dry_run"],
        )
        code = status.HTTP_200_OK if report.ok else status.HTTP_400_BAD_REQUEST
        return Response(report.as_dict(), status=code)


@document(
    list_serializer=api.TargetSerializer,
    filters=api.TargetFilterSerializer,
    detail_serializer=api.TargetSerializer,
    write_serializer=api.TargetWriteSerializer,
)
class TargetViewSet(RecordViewSet):
    """Cities' targets for indicators, from a base year to a target year."""

    reader_description = _(
        "Cities' targets for indicators, from a base year to a target year. The secretariat "
        "and a city's focal point write their city's targets."
    )

    queryset = Target.objects.none()
    lookup_field = "pk"
    rules = TARGET_RULES
    list_serializer_class = api.TargetSerializer
    detail_serializer_class = api.TargetSerializer
    write_serializer_class = api.TargetWriteSerializer
    filter_serializer_class = api.TargetFilterSerializer

    def select_list(self, **filters):
        return target_list(**filters)

    def select_one(self, key):
        try:
            return target_get(pk=int(key))
        except ValueError as exc:
            raise NotFound from exc

    def create_record(self, data):
        if not can_create_target(self.request.user, data["city"]):
            raise NotFound
        return services.target_create(actor=self.request.user, data=data)

    def update_record(self, obj, data):
        if "city" in data and not can_create_target(self.request.user, data["city"]):
            raise NotFound
        fresh = Target.objects.get(pk=obj.pk)
        services.target_update(actor=self.request.user, target=fresh, data=data)

    def delete_record(self, obj):
        services.target_delete(actor=self.request.user, target=obj)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("indicators", IndicatorViewSet, basename="indicator")
    router.register("indicator-observations", ObservationViewSet, basename="indicator-observation")
    router.register("indicator-targets", TargetViewSet, basename="indicator-target")
