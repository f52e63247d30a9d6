"""Reads of cooperation opportunities: the filtered list, one opportunity, an organisation's,
and the answers to one."""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from intercity.business.models import MeetingRequest, Opportunity, OpportunityAnswer, Registration
from intercity.organisations.models import Organisation


def _current() -> Q:
    return Q(status=Opportunity.Status.OPEN) & (
        Q(expires_on__isnull=True) | Q(expires_on__gte=timezone.localdate())
    )


def opportunity_list(
    *,
    kind: str | None = None,
    direction: str | None = None,
    city: str | None = None,
    search: str | None = None,
) -> QuerySet:
    """Current opportunities of verified organisations, newest first, as the directory shows
    them; `search` looks in the title, the description and the organisation's name."""
    rows = Opportunity.objects.filter(
        _current(), organisation__business_profile__is_verified=True
    ).select_related("organisation__city")
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
    current = list(rows.filter(_current()))
    if not include_past:
        return current
    return current + list(rows.exclude(_current()))


def events_to_meet(*, user, own: Organisation | None, other: Organisation) -> QuerySet:
    """Business events the user can see where both organisations are registered, meeting
    requests are still taken and neither has asked the other yet: where the reader can ask
    the opportunity's author to meet.
    Each event carries `counterpart_registration`, the other organisation's registration."""
    from intercity.business.selectors import visible_events

    if own is None or own.pk == other.pk:
        return visible_events(user).none()
    now = timezone.now()
    return (
        visible_events(user)
        .filter(registrations__organisation=own)
        .filter(registrations__organisation=other)
        .filter(Q(request_deadline__isnull=True) | Q(request_deadline__gt=now))
        # Not where one has already asked the other: the event's form would not offer it.
        .exclude(
            pk__in=MeetingRequest.objects.filter(
                Q(requester__organisation=own, invitee__organisation=other)
                | Q(requester__organisation=other, invitee__organisation=own)
            ).values("event_id")
        )
        .annotate(
            counterpart_registration=Subquery(
                Registration.objects.filter(event=OuterRef("pk"), organisation=other).values("pk")[
                    :1
                ]
            )
        )
        .select_related("meeting")
        .distinct()
        .order_by("meeting__start_date", "pk")
    )


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
