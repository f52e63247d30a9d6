"""REST API of agreements and pledges: their viewsets register on the shared /api/v1/ router."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from intercity.agreements import proposals
from intercity.agreements import selectors as agreement_selectors
from intercity.agreements import serializers as api
from intercity.agreements import services as agreement_services
from intercity.agreements.models import Agreement, Pledge, StatusProposal
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

AGREEMENT_RULES = Rules(
    can_create_agreement, can_edit_agreement, can_delete_agreement, can_view_agreement
)
PLEDGE_RULES = Rules(can_create_pledge, can_edit_pledge, can_delete_pledge)


class StatusChangeViewSet(RecordViewSet):
    """POST …/status/: the secretariat changes the status; a party proposes a change."""

    @extend_schema(
        request=api.StatusChangeSerializer,
        responses={
            200: api.StatusChangeResultSerializer,
            202: api.StatusChangeResultSerializer,
            403: FORBIDDEN,
            **WRITE_RESPONSES,
        },
        description=_(
            "The secretariat's change applies at once (200); a party's change is a proposal "
            "that waits for another party or the secretariat (202)."
        ),
    )
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, *args, **kwargs):
        record = self.get_object()

        def change(data):
            return proposals.status_change(
                actor=request.user, record=record, status=data["status"], note=data.get("note", "")
            )

        serializer = api.StatusChangeSerializer(data=request.data)
        data = validated_or_refused(serializer, change)
        check_input(serializer)
        with service_errors(serializer):
            proposal = change(data)
        record.refresh_from_db(fields=["status"])
        context = self.get_serializer_context()
        result = {
            "status": record.status,
            "proposal": None
            if proposal is None
            else api.StatusProposalSerializer(proposal, context=context).data,
        }
        code = status.HTTP_200_OK if proposal is None else status.HTTP_202_ACCEPTED
        return Response(result, status=code)


@document(
    list_serializer=api.AgreementSerializer,
    filters=api.AgreementFilterSerializer,
    detail_serializer=api.AgreementDetailSerializer,
    write_serializer=api.AgreementWriteSerializer,
)
class AgreementViewSet(StatusChangeViewSet):
    """City-to-city agreements with their parties, themes and signatories."""

    reader_description = _(
        "City-to-city agreements with their parties, themes and signatories; a draft is shown "
        "only to those who may edit it. The secretariat and the parties' focal points write "
        "them."
    )

    queryset = Agreement.objects.none()
    rules = AGREEMENT_RULES
    list_serializer_class = api.AgreementSerializer
    detail_serializer_class = api.AgreementDetailSerializer
    write_serializer_class = api.AgreementWriteSerializer
    filter_serializer_class = api.AgreementFilterSerializer

    def select_list(self, *, q=None, city=None, theme=None, status=None):
        return agreement_selectors.agreement_list(
            user=self.request.user, search=q, city=city, theme=theme, status=status
        )

    def select_one(self, key):
        return agreement_selectors.agreement_get(user=self.request.user, slug=key)

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
    detail_serializer=api.PledgeDetailSerializer,
    write_serializer=api.PledgeWriteSerializer,
)
class PledgeViewSet(StatusChangeViewSet):
    """Promises of help from one city to another; they have no slug, so the id names them."""

    reader_description = _(
        "Promises of help from one city to another, each named by its number. A city's focal "
        "point makes one; the secretariat and the focal points of the two cities change it."
    )

    queryset = Pledge.objects.none()
    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    rules = PLEDGE_RULES
    list_serializer_class = api.PledgeSerializer
    detail_serializer_class = api.PledgeDetailSerializer
    write_serializer_class = api.PledgeWriteSerializer
    filter_serializer_class = api.PledgeFilterSerializer

    def select_list(self, *, city=None, status=None):
        return agreement_selectors.pledge_list(city=city, status=status)

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


class StatusProposalViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Changes of status proposed by one party, which another party or the secretariat
    confirms or declines, and which the proposing city may withdraw."""

    reader_description = _(
        "Changes of status that one party proposes for an agreement or a pledge: another "
        "party or the secretariat confirms or declines it, and the proposing city may "
        "withdraw it."
    )

    serializer_class = api.StatusProposalSerializer
    queryset = StatusProposal.objects.none()

    def get_permissions(self):
        # Agreements and pledges are public, and so is what is proposed about them.
        if self.action == "retrieve":
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_object(self):
        return agreement_selectors.proposal_get(pk=self.kwargs["pk"])

    def _decide(self, request, service):
        with service_errors(api.StatusProposalSerializer()):
            proposal = service(actor=request.user, proposal=self.get_object())
        context = self.get_serializer_context()
        return Response(api.StatusProposalSerializer(proposal, context=context).data)

    @extend_schema(request=None, responses={200: api.StatusProposalSerializer, 403: FORBIDDEN})
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self._decide(request, proposals.proposal_confirm)

    @extend_schema(request=None, responses={200: api.StatusProposalSerializer, 403: FORBIDDEN})
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._decide(request, proposals.proposal_decline)

    @extend_schema(request=None, responses={200: api.StatusProposalSerializer, 403: FORBIDDEN})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._decide(request, proposals.proposal_withdraw)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("agreements", AgreementViewSet, basename="agreement")
    router.register("pledges", PledgeViewSet, basename="pledge")
    router.register("status-proposals", StatusProposalViewSet, basename="status-proposal")
