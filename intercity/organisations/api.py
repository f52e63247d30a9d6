"""REST API of organisations: its viewset registers on the shared /api/v1/ router."""

from functools import partial

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import PermissionDenied

from intercity.api.permissions import Rules
from intercity.api.views import RecordViewSet, document, import_action
from intercity.organisations import selectors as organisation_selectors
from intercity.organisations import serializers as api
from intercity.organisations import services as organisation_services
from intercity.organisations.importing import organisations_import
from intercity.organisations.models import Organisation
from intercity.organisations.permissions import (
    can_create_organisation,
    can_delete_organisation,
    can_edit_organisation,
    can_view_organisation,
)

ORGANISATION_RULES = Rules(
    can_create_organisation, can_edit_organisation, can_delete_organisation, can_view_organisation
)


@document(
    list_serializer=api.OrganisationSerializer,
    filters=api.OrganisationFilterSerializer,
    detail_serializer=api.OrganisationSerializer,
    write_serializer=api.OrganisationWriteSerializer,
)
class OrganisationViewSet(RecordViewSet):
    """Enterprises, universities and agencies of member cities."""

    reader_description = _(
        "Enterprises, universities and agencies of member cities. The secretariat and a "
        "city's focal point register them; an organisation's representative edits its own."
    )

    queryset = Organisation.objects.none()
    rules = ORGANISATION_RULES
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

    @import_action(
        upload=api.OrganisationImportUploadSerializer,
        report=api.OrganisationImportSerializer,
        description=_(
            "Register the organisations of a CSV file: 201 once written, 200 for a dry run; "
            "if a line is wrong, 400 and nothing is written. Known ones are skipped."
        ),
    )
    def import_table(self, request):
        if not can_create_organisation(request.user):
            raise PermissionDenied
        return partial(organisations_import, actor=request.user)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("organisations", OrganisationViewSet, basename="organisation")
