"""Reads of agreements and pledges."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.agreements.models import Agreement, AgreementParty, Pledge, StatusProposal
from intercity.core.selectors import text_filter

_PARTIES = Prefetch(
    "party_roles", queryset=AgreementParty.objects.select_related("city").order_by("city__name")
)


def agreement_visible(user) -> QuerySet:
    """The agreements this user may read: drafts only for the secretariat and the parties'
    focal points, as can_view_agreement decides for one agreement."""
    if is_secretariat(user):
        return Agreement.objects.all()
    published = ~Q(status=Agreement.Status.DRAFT)
    own = focal_city_id(user)
    if own is None:
        return Agreement.objects.filter(published)
    own_drafts = AgreementParty.objects.filter(city_id=own).values("agreement")
    return Agreement.objects.filter(published | Q(pk__in=own_drafts))


def agreement_list(
    *,
    user,
    search: str | None = None,
    city: str | None = None,
    theme: str | None = None,
    status: str | None = None,
) -> QuerySet:
    agreements = (
        agreement_visible(user).select_related("signed_place").prefetch_related(_PARTIES, "themes")
    )
    agreements = text_filter(agreements, search, ["title", "description"])
    if city:
        agreements = agreements.filter(party_roles__city__slug=city).distinct()
    if theme:
        agreements = agreements.filter(themes__slug=theme)
    if status:
        agreements = agreements.filter(status=status)
    return agreements.order_by("-signed_on", "title")


def agreement_get(*, user, slug: str) -> Agreement:
    return get_object_or_404(
        agreement_visible(user)
        .select_related("signed_place", "signed_at_meeting")
        .prefetch_related(_PARTIES, "themes", "signatories__city"),
        slug=slug,
    )


def pledge_list(*, city: str | None = None, status: str | None = None) -> QuerySet:
    pledges = Pledge.objects.select_related("from_city", "to_city", "meeting").prefetch_related(
        "themes"
    )
    if city:
        pledges = pledges.filter(from_city__slug=city) | pledges.filter(to_city__slug=city)
    if status:
        pledges = pledges.filter(status=status)
    return pledges.order_by("-pledged_on", "subject")


def city_agreements(*, city, user) -> dict:
    """The agreements a city is party to and the pledges it gave or received, for its page."""
    agreements = (
        agreement_visible(user)
        .filter(party_roles__city=city)
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


_PROPOSAL_RELATED = (
    "agreement",
    "pledge__from_city",
    "pledge__to_city",
    "proposing_city",
    "proposed_by",
    "decided_by",
)


def pending_proposal(record) -> StatusProposal | None:
    """The change of status awaiting confirmation on an agreement or pledge, if any."""
    kind = "agreement" if isinstance(record, Agreement) else "pledge"
    return (
        StatusProposal.objects.filter(**{kind: record}, state=StatusProposal.State.PENDING)
        .select_related(*_PROPOSAL_RELATED)
        .first()
    )


def proposal_get(*, pk: int) -> StatusProposal:
    return get_object_or_404(StatusProposal.objects.select_related(*_PROPOSAL_RELATED), pk=pk)


def proposals_awaiting(*, user) -> list[StatusProposal]:
    """Pending proposals the user may confirm or decline: other parties' proposals to the
    user's city, or every pending proposal for the secretariat."""
    pending = StatusProposal.objects.filter(state=StatusProposal.State.PENDING).select_related(
        *_PROPOSAL_RELATED
    )
    if is_secretariat(user):
        return list(pending.order_by("created_at"))
    own = focal_city_id(user)
    if own is None:
        return []
    mine = (
        Q(agreement__party_roles__city_id=own)
        | Q(pledge__from_city_id=own)
        | Q(pledge__to_city_id=own)
    )
    return list(
        pending.filter(mine).exclude(proposing_city_id=own).distinct().order_by("created_at")
    )


def proposals_of(*, record) -> QuerySet:
    """Every proposal made on the record, newest first."""
    kind = "agreement" if isinstance(record, Agreement) else "pledge"
    return StatusProposal.objects.filter(**{kind: record}).select_related(*_PROPOSAL_RELATED)


def proposal_url(proposal: StatusProposal) -> str:
    """Where a proposal is shown: its agreement's page, or the pledge in the pledge list."""
    if proposal.agreement_id:
        return proposal.agreement.get_absolute_url()
    return reverse("agreements:list") + f"#pledge-{proposal.pledge_id}"


def pending_by_pledge(pledges) -> dict[int, StatusProposal]:
    """The pending proposal of each of the given pledges that has one."""
    rows = StatusProposal.objects.filter(
        pledge__in=[pledge.pk for pledge in pledges], state=StatusProposal.State.PENDING
    ).select_related(*_PROPOSAL_RELATED)
    return {row.pledge_id: row for row in rows}
