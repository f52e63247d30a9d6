"""Reads of agreements and pledges."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from intercity.agreements.models import Agreement, AgreementParty, Pledge
from intercity.core.selectors import text_filter

_PARTIES = Prefetch(
    "party_roles", queryset=AgreementParty.objects.select_related("city").order_by("city__name")
)


def agreement_list(
    *,
    search: str | None = None,
    city: str | None = None,
    theme: str | None = None,
    status: str | None = None,
) -> QuerySet:
    agreements = Agreement.objects.select_related("signed_place").prefetch_related(
        _PARTIES, "themes"
    )
    agreements = text_filter(agreements, search, ["title", "description"])
    if city:
        agreements = agreements.filter(party_roles__city__slug=city).distinct()
    if theme:
        agreements = agreements.filter(themes__slug=theme)
    if status:
        agreements = agreements.filter(status=status)
    return agreements.order_by("-signed_on", "title")


def agreement_get(*, slug: str) -> Agreement:
    return get_object_or_404(
        Agreement.objects.select_related("signed_place", "signed_at_meeting").prefetch_related(
            _PARTIES, "themes", "signatories__city"
        ),
        slug=slug,
    )


def pledge_list(*, city: str | None = None) -> QuerySet:
    pledges = Pledge.objects.select_related("from_city", "to_city", "meeting").prefetch_related(
        "themes"
    )
    if city:
        pledges = pledges.filter(from_city__slug=city) | pledges.filter(to_city__slug=city)
    return pledges.order_by("-pledged_on", "subject")


def city_agreements(*, city) -> dict:
    """The agreements a city is party to and the pledges it gave or received, for its page."""
    agreements = (
        Agreement.objects.filter(party_roles__city=city)
        .distinct()
        .prefetch_related("party_roles__city")
        .order_by("-signed_on", "title")
    )
    pledges = (
        Pledge.objects.filter(Q(from_city=city) | Q(to_city=city))
        .select_related("from_city", "to_city")
        .order_by("subject")
    )
    return {"agreements": list(agreements), "pledges": list(pledges)}
