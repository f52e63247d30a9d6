"""Which offers of help suit a need: same category, enough quantity, in time. No Django here."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from intercity.solidarity.units import unit_key


@dataclass(frozen=True)
class NeedFacts:
    id: int
    incident_id: int
    city_id: int
    category: str
    unit: str
    open_quantity: Decimal
    needed_by: datetime.date | None = None


@dataclass(frozen=True)
class OfferFacts:
    id: int
    incident_id: int | None
    need_id: int | None
    city_id: int | None
    category: str
    unit: str
    remaining_quantity: Decimal
    available_from: datetime.date | None = None
    available_until: datetime.date | None = None


@dataclass(frozen=True)
class Suggestion:
    offer_id: int
    score: float
    covers: Decimal  # how much of what is still open the offer could cover
    reasons: tuple[str, ...] = field(default=())
    late_by_days: int = 0


def same_unit(a: str, b: str) -> bool:
    """Whether two quantities are counted alike: an offer is accepted for a need only so.

    Units of the catalogue compare by code, whatever word was typed ("liters" is "litres");
    any other unit compares as text, ignoring case.
    """
    return unit_key(a) == unit_key(b)


def suggest(need: NeedFacts, offers: Iterable[OfferFacts], *, limit: int = 5) -> list[Suggestion]:
    """Offers worth accepting for a need, best first.

    An offer qualifies when it is for the same category, in the same unit, has something
    left, is made for this need, this incident or in general, and comes from another city.
    The score favours covering more of the open quantity, arriving before the need's date,
    and offers made for this very need.
    """
    if need.open_quantity <= 0:
        return []
    found: list[Suggestion] = []
    for offer in offers:
        if offer.category != need.category or offer.remaining_quantity <= 0:
            continue
        if not same_unit(offer.unit, need.unit):
            continue
        if offer.need_id is not None and offer.need_id != need.id:
            continue
        if offer.incident_id is not None and offer.incident_id != need.incident_id:
            continue
        if offer.city_id is not None and offer.city_id == need.city_id:
            continue
        covers = min(offer.remaining_quantity, need.open_quantity)
        reasons = ["category", "unit"]
        coverage = float(covers / need.open_quantity)
        reasons.append("covers_all" if covers == need.open_quantity else "covers_part")
        late = 0
        if need.needed_by is not None and offer.available_from is not None:
            late = max(0, (offer.available_from - need.needed_by).days)
        timing = 1.0 if late == 0 else max(0.0, 1.0 - late / 30)
        reasons.append("on_time" if late == 0 else "late")
        targeted = 1.0 if offer.need_id == need.id else 0.5 if offer.incident_id else 0.0
        if offer.need_id == need.id:
            reasons.append("for_this_need")
        elif offer.incident_id is not None:
            reasons.append("for_this_incident")
        else:
            reasons.append("general_offer")
        score = round(0.55 * coverage + 0.3 * timing + 0.15 * targeted, 4)
        found.append(Suggestion(offer.id, score, covers, tuple(reasons), late))
    found.sort(key=lambda s: (-s.score, -s.covers, s.offer_id))
    return found[:limit]
