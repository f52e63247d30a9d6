"""REST API of the business app: its viewsets register on the shared /api/v1/ router."""

from django.http import Http404
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from intercity.api.views import check_input, service_errors
from intercity.business import selectors, services
from intercity.business.serializers import OpportunitySerializer, ProfileSerializer


class ProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory: verified organisation profiles only."""

    serializer_class = ProfileSerializer
    lookup_field = "organisation__slug"
    lookup_url_kwarg = "slug"

    def get_queryset(self):
        return selectors.directory(
            search=self.request.query_params.get("q"),
            sector=self.request.query_params.get("sector"),
        )


class OpportunityViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Open opportunities of verified organisations; representatives publish their own."""

    serializer_class = OpportunitySerializer
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        return selectors.open_opportunities(
            kind=self.request.query_params.get("kind"),
            direction=self.request.query_params.get("direction"),
        )

    def create(self, request, *args, **kwargs):
        organisation = request.user.organisation
        if organisation is None:
            raise Http404
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check_input(serializer)
        from django.core.exceptions import PermissionDenied

        try:
            with service_errors(serializer):
                row = services.opportunity_create(
                    actor=request.user, organisation=organisation, data=serializer.validated_data
                )
        except PermissionDenied as error:
            raise Http404 from error
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("business/profiles", ProfileViewSet, basename="business-profile")
    router.register("business/opportunities", OpportunityViewSet, basename="business-opportunity")
