"""REST API of agreements and pledges: their viewsets register on the shared /api/v1/ router."""

from django.db import transaction
from django.shortcuts import get_object_or_404

from intercity.agreements import selectors as agreement_selectors
from intercity.agreements import serializers as api
from intercity.agreements import services as agreement_services
from intercity.agreements.models import Agreement, Pledge
from intercity.agreements.permissions import (
    can_create_agreement,
    can_create_pledge,
    can_delete_agreement,
    can_delete_pledge,
    can_edit_agreement,
    can_edit_pledge,
    can_view_agreement,
)
from intercity.api.permissions import Rules
from intercity.api.views import RecordViewSet, by_city, document

AGREEMENT_RULES = Rules(
    can_create_agreement, can_edit_agreement, can_delete_agreement, can_view_agreement
)
PLEDGE_RULES = Rules(can_create_pledge, can_edit_pledge, can_delete_pledge)


@document(
    list_serializer=api.AgreementSerializer,
    filters=api.AgreementFilterSerializer,
    detail_serializer=api.AgreementDetailSerializer,
    write_serializer=api.AgreementWriteSerializer,
)
class AgreementViewSet(RecordViewSet):
    """City-to-city agreements with their parties, themes and signatories."""

    queryset = Agreement.objects.none()
    rules = AGREEMENT_RULES
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
    rules = PLEDGE_RULES
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


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("agreements", AgreementViewSet, basename="agreement")
    router.register("pledges", PledgeViewSet, basename="pledge")
