"""Reads of cooperation opportunities: the filtered list, one opportunity, an organisation's,
and the answers to one."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from intercity.business.models import Opportunity, OpportunityAnswer
from intercity.organisations.models import Organisation


def opportunity_list(
    *,
    kind: str | None = None,
    direction: str | None = None,
    city: str | None = None,
    search: str | None = None,
) -> QuerySet:
    """Current opportunities of verified organisations, newest first, as the directory shows
    them; `search` looks in the title, the description and the organisation's name."""
    rows = (
        Opportunity.objects.current()
        .filter(organisation__business_profile__is_verified=True)
        .select_related("organisation__city")
    )
    if kind:
        rows = rows.filter(kind=kind)
    if direction:
        rows = rows.filter(direction=direction)
    if city:
        rows = rows.filter(organisation__city__slug=city)
    for word in (search or "").split()[:8]:
        rows = rows.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return rows.order_by("-created_at", "-pk")


def opportunity_get(*, pk: int) -> Opportunity:
    return get_object_or_404(
        Opportunity.objects.select_related("organisation__city", "organisation__business_profile"),
        pk=pk,
    )


def opportunities_of(*, organisation: Organisation, include_past: bool) -> list[Opportunity]:
    """An organisation's opportunities: the current ones, and with `include_past` (for those
    who edit them) the closed and expired ones after them."""
    rows = organisation.opportunities.order_by("-created_at", "-pk")
    today = timezone.localdate()
    current = list(rows.current(today))
    if not include_past:
        return current
    return current + list(rows.exclude(pk__in=rows.current(today).values("pk")))


def answers_to(*, opportunity: Opportunity) -> QuerySet:
    """The answers an opportunity received, newest first, with who sent them."""
    return (
        OpportunityAnswer.objects.filter(opportunity=opportunity)
        .select_related("organisation__city", "sender")
        .order_by("-created_at", "-pk")
    )


def answer_of(*, opportunity: Opportunity, organisation: Organisation | None):
    """The organisation's answer to the opportunity, if it sent one."""
    if organisation is None:
        return None
    return OpportunityAnswer.objects.filter(
        opportunity=opportunity, organisation=organisation
    ).first()


def answer_readers(*, organisation: Organisation) -> QuerySet:
    """The organisation's representatives who can be emailed an answer."""
    return organisation.representatives.exclude(email="").order_by("pk")
