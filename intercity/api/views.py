"""What every app's API views share: the record viewset, its schema description, table
imports, the token view."""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import wraps
from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.settings import api_settings

from intercity.api import permissions
from intercity.api.service_trial import api_names, refuse_with_service_errors
from intercity.core.csv_tables import TableReport
from intercity.core.hygiene import check_payload
from intercity.core.serializers import TableUploadSerializer


def check_input(serializer: serializers.Serializer) -> None:
    """The platform's input hygiene on what a client sent, as a 400 naming the fields."""
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    errors = check_payload(serializer.validated_data, model=model)
    if errors:
        raise serializers.ValidationError(errors)


def import_action(
    *,
    upload: type[TableUploadSerializer],
    report: type[serializers.Serializer],
    detail: bool = False,
    url_path: str = "import",
    written: int = status.HTTP_201_CREATED,
    description: str | None = None,
):
    """Route and describe a table import, a multipart upload answered by its report. The
    decorated method checks access and returns the import to run, e.g.
    ``partial(things_import, actor=request.user)``; `import_response` does the rest.
    `description` tells readers what the import does, in their language (gettext_lazy)."""

    def decorate(method):
        @wraps(method)
        def answer(self, request, *args, **kwargs):
            run = method(self, request, *args, **kwargs)
            return import_response(request, upload=upload, report=report, run=run, written=written)

        routed = action(
            detail=detail,
            methods=["post"],
            url_path=url_path,
            parser_classes=[MultiPartParser],
            serializer_class=upload,
        )(answer)
        codes = {status.HTTP_200_OK, written, status.HTTP_400_BAD_REQUEST}
        return extend_schema(
            request=upload,
            responses=dict.fromkeys(sorted(codes), report),
            description=description,
        )(routed)

    return decorate


def import_response(
    request,
    *,
    upload: type[TableUploadSerializer],
    report: type[serializers.Serializer],
    run: Callable[..., TableReport],
    written: int = status.HTTP_201_CREATED,
) -> Response:
    """Answer a table import: the upload checked (a 400 naming the field, a file too large
    among them), then `run(content=..., **other fields)` answered with its report: 400 if a
    line was wrong and nothing was written, `written` once written, 200 for a check only."""
    form = upload(data=request.data)
    form.is_valid(raise_exception=True)
    options = dict(form.validated_data)
    file = options.pop("file")
    outcome = run(content=file.read(), **options)
    if not outcome.ok:
        code = status.HTTP_400_BAD_REQUEST
    else:
        code = written if outcome.written else status.HTTP_200_OK
    return Response(report(outcome).data, status=code)


@contextmanager
def service_errors(serializer: serializers.Serializer) -> Iterator[None]:
    """Turn a service's Django ValidationError into a 400 keyed by the API's field names."""
    try:
        yield
    except DjangoValidationError as exc:
        # Services name model fields; the API may expose one under another name.
        names = api_names(serializer)
        if hasattr(exc, "error_dict"):
            detail = {
                names.get(field, field): messages for field, messages in exc.message_dict.items()
            }
            if "__all__" in detail:
                detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
        else:
            detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        raise serializers.ValidationError(detail) from exc


def by_city(rows: list[Mapping[str, Any]]) -> dict[Model, str]:
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
        if not serializer.is_valid():
            refuse_with_service_errors(serializer, self.create_record)
        check_input(serializer)
        with service_errors(serializer):
            obj = self.create_record(dict(serializer.validated_data))
        return self.render(obj, status_code=status.HTTP_201_CREATED)

    def update(self, request, *args, partial: bool = False, **kwargs):
        obj = self.get_object()
        serializer = self.get_serializer(obj, data=request.data, partial=partial)
        if not serializer.is_valid():
            refuse_with_service_errors(serializer, lambda data: self.update_record(obj, data))
        check_input(serializer)
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


class TokenView(ObtainAuthToken):
    """Exchange a username and password for the token that authenticates API calls."""

    reader_description = _(
        "Send your username and password to receive the token that authenticates your API calls."
    )
