"""Reads of the solidarity app: lists, the incident page, the needs board, timeline, city view."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import Any

from django.db.models import (
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from intercity.accounts.models import User
from intercity.accounts.roles import is_network_insider, is_secretariat
from intercity.solidarity import matching, reporting
from intercity.solidarity.models import (
    AffectedCity,
    Assistance,
    CapMessage,
    Delivery,
    Incident,
    Need,
    Offer,
    SolidarityMessage,
)
from intercity.solidarity.units import unit_key

ZERO = Decimal(0)
AMOUNT = DecimalField(max_digits=14, decimal_places=2)


def _sum_of(related: QuerySet, *, link: str, column: str):
    total = (
        related.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=AMOUNT), ZERO, output_field=AMOUNT)


def _live_assistance() -> QuerySet:
    return Assistance.objects.exclude(status=Assistance.Status.CANCELLED)


def visible_incidents(user) -> QuerySet:
    rows = Incident.objects.all()
    if is_secretariat(user):
        return rows
    rows = rows.exclude(status=Incident.Status.DRAFT)
    if not is_network_insider(user):
        rows = rows.filter(visibility="public")
    return rows


def visible_records(rows: QuerySet, user, prefix: str = "") -> QuerySet:
    if is_network_insider(user):
        return rows
    return rows.filter(**{f"{prefix}visibility": "public"})


def incident_list(
    *,
    user,
    kind: str | None = None,
    status: str | None = None,
    search: str | None = None,
    city: str | None = None,
    reported_by: str | None = None,
) -> QuerySet:
    """Incidents the user may see; ``city`` keeps those affecting that city (by slug, not
    dismissed), ``reported_by`` those a city reported."""
    rows = visible_incidents(user)
    if kind:
        rows = rows.filter(kind=kind)
    if status:
        rows = rows.filter(status=status)
    if city:
        affecting = AffectedCity.objects.exclude(status=AffectedCity.Status.DISMISSED).filter(
            city__slug=city
        )
        rows = rows.filter(pk__in=affecting.values("incident_id"))
    if reported_by:
        rows = rows.filter(reported_by_city__slug=reported_by)
    if search:
        rows = rows.filter(Q(name__icontains=search) | Q(area_description__icontains=search))
    links = AffectedCity.objects.exclude(status=AffectedCity.Status.DISMISSED).select_related(
        "city"
    )
    return rows.select_related("reported_by_city").prefetch_related(
        Prefetch("affected", queryset=links)
    )


def incident_get(*, user, slug: str | None = None, pk: int | None = None) -> Incident:
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    links = AffectedCity.objects.select_related("city", "decided_by")
    incident = (
        visible_incidents(user)
        .select_related("reported_by_city")
        .prefetch_related(Prefetch("affected", queryset=links), "figures", "sources", "cap_infos")
        .filter(**lookup)
        .first()
    )
    if incident is None:
        raise Http404
    return incident


def affected_city_slugs(incident: Incident) -> list[str]:
    """Cities linked to the incident, confirmed or suggested (dismissed ones left out)."""
    return [
        link.city.slug
        for link in incident.affected.all()
        if link.status != AffectedCity.Status.DISMISSED
    ]


def confirmed_cities(incident: Incident) -> list:
    return [link.city for link in incident.affected.all() if link.status == "confirmed"]


def incident_map_points(incidents) -> list[dict[str, Any]]:
    points = []
    for incident in incidents:
        if incident.latitude is None and not incident.polygon:
            continue
        points.append(
            {
                "name": incident.name,
                "url": incident.get_absolute_url(),
                "kind": incident.get_kind_display(),
                "status": incident.status,
                "severity": incident.severity,
                "latitude": incident.latitude,
                "longitude": incident.longitude,
                "radius_km": incident.radius_km,
                "polygon": incident.polygon or [],
            }
        )
    return points


# The needs board ---------------------------------------------------------------------------


def needs_with_progress(*, incident: Incident, user) -> QuerySet:
    """Needs of the incident with committed, dispatched and received totals, one query."""
    rows = visible_records(Need.objects.filter(incident=incident), user)
    return rows.select_related("city").annotate(
        committed=_sum_of(_live_assistance(), link="need", column="quantity"),
        dispatched=_sum_of(_live_assistance(), link="need", column="dispatched_quantity"),
        received=_sum_of(_live_assistance(), link="need", column="received_quantity"),
    )


def offers_with_remaining(rows: QuerySet) -> QuerySet:
    committed = _sum_of(_live_assistance(), link="offer", column="quantity")
    return rows.annotate(
        committed=committed,
        remaining=ExpressionWrapper(F("quantity") - committed, output_field=AMOUNT),
    )


@dataclass
class NeedRow:
    need: Need
    covered: Decimal
    pending: Decimal
    open: Decimal
    state: str
    assistance: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


@dataclass
class Board:
    incident: Incident
    rows: list[NeedRow]
    totals: list[dict[str, Any]]
    general_offers: list[Offer]
    offers: dict[int, Offer]
    incident_offers: list[Offer]


def _state(row_open: Decimal, pending: Decimal) -> str:
    if row_open == 0 and pending == 0:
        return "covered"
    if row_open == 0:
        return "pending"
    return "open"


CANDIDATE_LIMIT = 300


def needs_board(*, incident: Incident, user) -> Board:
    """Every need with covered / pending / open quantities, its accepted offers and suggestions.

    Runs a fixed number of queries: needs, their accepted offers with deliveries, and the
    candidate offers (this incident's, and the newest general ones in the needs' categories).
    """
    needs = list(needs_with_progress(incident=incident, user=user).order_by("id"))
    need_ids = [n.pk for n in needs]
    assistance = (
        Assistance.objects.filter(need_id__in=need_ids)
        .select_related("offer__city", "offer__organisation")
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("id")))
        .order_by("accepted_at", "id")
    )
    by_need: dict[int, list[Assistance]] = defaultdict(list)
    for item in assistance:
        by_need[item.need_id].append(item)
    categories = {n.category for n in needs}
    open_offers = visible_records(Offer.objects.filter(status=Offer.Status.OPEN), user)
    candidates = list(
        offers_with_remaining(
            open_offers.filter(
                Q(incident=incident) | Q(incident__isnull=True, category__in=categories)
            ).select_related("city", "organisation")
        )
        .filter(remaining__gt=0)
        .order_by(F("incident").desc(nulls_last=True), "-id")[:CANDIDATE_LIMIT]
    )
    offer_facts = [
        matching.OfferFacts(
            id=o.pk,
            incident_id=o.incident_id,
            need_id=o.need_id,
            city_id=o.city_id,
            category=o.category,
            unit=o.unit,
            remaining_quantity=o.remaining,
            available_from=o.available_from,
            available_until=o.available_until,
        )
        for o in candidates
    ]
    offers = {o.pk: o for o in candidates}
    accepted_pairs = {(a.need_id, a.offer_id) for a in assistance}
    rows = []
    for need in needs:
        open_quantity = max(need.quantity - need.committed, ZERO)
        pending = need.committed - need.received
        facts = matching.NeedFacts(
            id=need.pk,
            incident_id=need.incident_id,
            city_id=need.city_id,
            category=need.category,
            unit=need.unit,
            open_quantity=open_quantity if need.status == Need.Status.OPEN else ZERO,
            needed_by=need.needed_by,
        )
        suggestions = [
            s
            for s in matching.suggest(facts, offer_facts)
            if (need.pk, s.offer_id) not in accepted_pairs
        ]
        rows.append(
            NeedRow(
                need=need,
                covered=need.received,
                pending=pending,
                open=open_quantity,
                state=_state(open_quantity, pending),
                assistance=by_need[need.pk],
                suggestions=suggestions,
            )
        )
    general = [o for o in candidates if o.incident_id is None][:20]
    return Board(
        incident,
        rows,
        _totals(rows),
        general,
        offers,
        [o for o in candidates if o.incident_id == incident.pk],
    )


def _totals(rows: list[NeedRow]) -> list[dict[str, Any]]:
    by_unit: dict[str, dict[str, Any]] = {}
    for row in rows:
        unit = row.need.unit.strip()
        entry = by_unit.setdefault(
            unit_key(unit),
            {"unit": unit, "needed": ZERO, "covered": ZERO, "pending": ZERO, "open": ZERO},
        )
        entry["needed"] += row.need.quantity
        entry["covered"] += row.covered
        entry["pending"] += row.pending
        entry["open"] += row.open
    return sorted(by_unit.values(), key=lambda e: unit_key(e["unit"]))


def board_totals(*, incident: Incident) -> list[dict[str, Any]]:
    rows = []
    for need in needs_with_progress(incident=incident, user=None).filter(status="open"):
        open_quantity = max(need.quantity - need.committed, ZERO)
        pending = need.committed - need.received
        rows.append(NeedRow(need, need.received, pending, open_quantity, ""))
    return [
        {k: (f"{v.normalize():f}" if isinstance(v, Decimal) else v) for k, v in t.items()}
        for t in _totals(rows)
    ]


def need_get(*, pk: int) -> Need:
    need = Need.objects.select_related("incident", "city").filter(pk=pk).first()
    if need is None:
        raise Http404
    return need


def offer_get(*, pk: int) -> Offer:
    offer = (
        Offer.objects.select_related("city", "organisation", "need", "incident")
        .filter(pk=pk)
        .first()
    )
    if offer is None:
        raise Http404
    return offer


def assistance_get(*, pk: int) -> Assistance:
    item = (
        Assistance.objects.select_related("need__incident", "offer__city", "need__city")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def delivery_get(*, pk: int) -> Delivery:
    item = (
        Delivery.objects.select_related("assistance__need__incident", "assistance__offer")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def offer_list(*, user, incident: Incident | None = None, category: str | None = None) -> QuerySet:
    rows = visible_records(Offer.objects.all(), user)
    rows = rows.filter(Q(incident__isnull=True) | Q(incident__in=visible_incidents(user)))
    if incident is not None:
        rows = rows.filter(incident=incident)
    if category:
        rows = rows.filter(category=category)
    return offers_with_remaining(rows.select_related("city", "organisation"))


def need_list(*, user, incident: Incident | None = None) -> QuerySet:
    rows = visible_records(Need.objects.filter(incident__in=visible_incidents(user)), user)
    if incident is not None:
        rows = rows.filter(incident=incident)
    return rows.select_related("city", "incident").annotate(
        committed=_sum_of(_live_assistance(), link="need", column="quantity"),
        received=_sum_of(_live_assistance(), link="need", column="received_quantity"),
    )


def message_list(*, user, incident: Incident | None = None, city=None) -> QuerySet:
    rows = visible_records(SolidarityMessage.objects.all(), user)
    rows = rows.filter(Q(incident__isnull=True) | Q(incident__in=visible_incidents(user)))
    if incident is not None:
        rows = rows.filter(incident=incident)
    if city is not None:
        rows = rows.filter(Q(from_city=city) | Q(to_city=city))
    return rows.select_related("from_city", "to_city", "incident", "news_item", "meeting")


@dataclass(frozen=True)
class Reporter:
    """Who reported an incident, as the record shows: a city, a feed, the secretariat, the
    document it cites, or nothing recorded. ``label`` is what a reader is shown."""

    kind: str  # "city", "feed", "secretariat", "source" or "not_recorded"
    label: str
    city: Any = None
    feed: str = ""


def _reporting_models() -> reporting.Models:
    return reporting.Models(
        incident_history=Incident.history.model,
        user_history=User.history.model,
        affected_city=AffectedCity,
        cap_message=CapMessage,
    )


def _reporter(incident: Incident, trail: reporting.Trail) -> Reporter:
    if incident.reported_by_city_id is not None:
        city = incident.reported_by_city
        return Reporter(kind="city", label=city.label, city=city)
    if trail.feed:
        feed = trail.feed
        return Reporter(kind="feed", label=_("Imported from %(feed)s") % {"feed": feed}, feed=feed)
    if trail.by_secretariat:
        return Reporter(kind="secretariat", label=_("Recorded by the secretariat"))
    if incident.source_document:
        # Loaded from a document of the network's record (the dataset's seeds): the document
        # says the network knew of it, not which city told it.
        return Reporter(kind="source", label=_("As recorded in its source"))
    return Reporter(kind="not_recorded", label=_("Not recorded"))


def incident_reporters(incidents: Iterable[Incident]) -> dict[int, Reporter]:
    """Who reported each incident, by id, in a fixed number of queries for the whole list:
    the reporting cities not already loaded, then the audit trail of those without one."""
    incidents = list(incidents)
    reported = [i for i in incidents if i.reported_by_city_id is not None]
    prefetch_related_objects(
        [i for i in reported if not Incident.reported_by_city.is_cached(i)], "reported_by_city"
    )
    unreported = [i for i in incidents if i.reported_by_city_id is None]
    trails = reporting.trails(_reporting_models(), unreported)
    return {i.pk: _reporter(i, trails.get(i.pk, reporting.Trail())) for i in incidents}


def incident_reporter(incident: Incident) -> Reporter:
    """Who reported the incident; for an empty reporting city, what the record says instead."""
    return incident_reporters([incident])[incident.pk]


def with_reporters(
    incidents: Iterable[Incident], *, chunk_size: int = 2000
) -> Iterator[tuple[Incident, Reporter]]:
    """Each incident with its reporter, read a chunk at a time, for a download of any length."""
    rows = iter(incidents)
    while chunk := list(islice(rows, chunk_size)):
        reporters = incident_reporters(chunk)
        for incident in chunk:
            yield incident, reporters[incident.pk]
