"""REST API of the declarations app: its viewsets register on the shared /api/v1/ router."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from intercity.api.service_trial import refuse_with_service_errors
from intercity.api.views import check_input, service_errors
from intercity.cities.models import City
from intercity.declarations import selectors
from intercity.declarations import serializers as api
from intercity.declarations.models import ProgressReport
from intercity.declarations.permissions import can_import_declaration, can_report_progress
from intercity.declarations.progress import commitment_report
from intercity.declarations.services import declaration_import


class AuthenticatedWrites(BasePermission):
    """Reads are public; writes need credentials (401), the rest is decided per record."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or request.user.is_authenticated


class DeclarationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Declarations with their structure; the secretariat imports a text with POST."""

    reader_description = _(
        "Declarations of the network with their structure: preamble, clauses and signatories. "
        "The secretariat imports a declaration's text."
    )

    lookup_field = "slug"
    permission_classes = [AuthenticatedWrites]

    def get_serializer_class(self):
        if self.action == "list":
            return api.DeclarationListSerializer
        if self.action == "create":
            return api.DeclarationImportSerializer
        return api.DeclarationDetailSerializer

    def get_queryset(self):
        return selectors.declaration_list(user=self.request.user)

    @extend_schema(parameters=[api.DeclarationFilterSerializer])
    def list(self, request, *args, **kwargs):
        filters = api.DeclarationFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        declarations = selectors.declaration_list(
            user=request.user,
            search=data.get("q"),
            year=data.get("year"),
            city=data.get("city"),
            language=data.get("language"),
        )
        page = self.paginate_queryset(declarations)
        context = self.get_serializer_context()
        return self.get_paginated_response(
            api.DeclarationListSerializer(page, many=True, context=context).data
        )

    def retrieve(self, request, *args, **kwargs):
        declaration = selectors.declaration_get(slug=kwargs["slug"], user=request.user)
        context = self.get_serializer_context()
        return Response(api.DeclarationDetailSerializer(declaration, context=context).data)

    @extend_schema(
        request=api.DeclarationImportSerializer,
        responses={201: api.DeclarationDetailSerializer},
    )
    def create(self, request, *args, **kwargs):
        if not can_import_declaration(request.user):
            self.permission_denied(request)
        serializer = api.DeclarationImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check_input(serializer)
        data = serializer.validated_data
        with service_errors(serializer):
            declaration = declaration_import(
                actor=request.user,
                text=data["text"],
                meeting=data.get("meeting"),
                corrections={"title": data.get("title")},
            )
        fresh = selectors.declaration_get(slug=declaration.slug, user=request.user)
        context = self.get_serializer_context()
        return Response(
            api.DeclarationDetailSerializer(fresh, context=context).data,
            status=status.HTTP_201_CREATED,
        )


class CommitmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Commitments of visible declarations; filters by declaration, city and words."""

    reader_description = _(
        "Commitments drawn from the operative clauses of declarations, with the cities, "
        "themes and work linked to each; to read only."
    )

    serializer_class = api.CommitmentSerializer

    def get_queryset(self):
        return selectors.commitment_scope(user=self.request.user).prefetch_related(
            "cities", "themes", "programmes", "meetings", "agreements"
        )

    @extend_schema(parameters=[api.CommitmentFilterSerializer])
    def list(self, request, *args, **kwargs):
        filters = api.CommitmentFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        declaration = city = None
        if filters.validated_data.get("declaration"):
            declaration = get_object_or_404(
                selectors.declaration_visible(request.user),
                slug=filters.validated_data["declaration"],
            )
        if filters.validated_data.get("city"):
            city = get_object_or_404(City, slug=filters.validated_data["city"])
        commitments = selectors.commitment_scope(
            user=request.user,
            declaration=declaration,
            city=city,
            search=filters.validated_data.get("q"),
        ).prefetch_related("cities", "themes", "programmes", "meetings", "agreements")
        page = self.paginate_queryset(commitments)
        context = self.get_serializer_context()
        return self.get_paginated_response(
            api.CommitmentSerializer(page, many=True, context=context).data
        )


class ProgressReportViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Progress reports; a focal point adds one for their own city with POST."""

    reader_description = _(
        "Cities' reports of progress on commitments; a focal point reports for their own city."
    )

    permission_classes = [AuthenticatedWrites]

    def get_serializer_class(self):
        if self.action == "create":
            return api.ProgressReportWriteSerializer
        return api.ProgressReportSerializer

    def get_queryset(self):
        return ProgressReport.objects.filter(
            commitment__declaration__in=selectors.declaration_visible(self.request.user)
        ).select_related("city", "reported_by")

    @extend_schema(parameters=[api.ProgressReportFilterSerializer])
    def list(self, request, *args, **kwargs):
        filters = api.ProgressReportFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        reports = self.get_queryset()
        if data.get("commitment"):
            reports = reports.filter(commitment_id=data["commitment"])
        if data.get("city"):
            reports = reports.filter(city__slug=data["city"])
        if data.get("latest"):
            reports = reports.filter(is_latest=True)
        page = self.paginate_queryset(reports.order_by("-reported_on", "-id"))
        return self.get_paginated_response(api.ProgressReportSerializer(page, many=True).data)

    def create(self, request, *args, **kwargs):

        def report(data):
            data = dict(data)
            # A link refused as typed is still evidence given: no call for a narrative.
            data.setdefault("evidence_url", request.data.get("evidence_url", ""))
            commitment, city = data.pop("commitment"), data.pop("city")
            return commitment_report(actor=request.user, commitment=commitment, city=city, **data)

        serializer = api.ProgressReportWriteSerializer(data=request.data)
        if not serializer.is_valid():
            # The service refuses another city's report before it checks anything else.
            refuse_with_service_errors(serializer, report)
        check_input(serializer)
        data = serializer.validated_data
        if not can_report_progress(request.user, data["commitment"], data["city"]):
            # Another city's record: answer as if it did not exist.
            raise NotFound
        with service_errors(serializer):
            saved = report(data)
        return Response(api.ProgressReportSerializer(saved).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("declarations", DeclarationViewSet, basename="declaration")
    router.register("commitments", CommitmentViewSet, basename="commitment")
    router.register("progress-reports", ProgressReportViewSet, basename="progress-report")
