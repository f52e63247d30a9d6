"""Reads of the reports a city owes: every commitment it carries without a final status."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from intercity.cities.models import City
from intercity.declarations.models import ProgressReport
from intercity.declarations.selectors import commitment_scope
from intercity.declarations.selectors_accountability import DONE, inactive_cutoff


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def commitments_due(*, city: City, user=None, today: datetime.date | None = None) -> QuerySet:
    """Every commitment the city carries whose latest status is not final, the overdue first
    (silent since the inactivity cut-off, or past their target date), then in the matrix's
    order. Each row carries `latest_status` and `latest_on` (None before any report),
    `inactive` and `missed_target`.

    One query however many commitments the city carries: the filter, the order and the flags
    are worked out by the database, so a caller may slice it and count it in that query."""
    today = today or timezone.localdate()
    cutoff = inactive_cutoff(today)
    latest = ProgressReport.objects.filter(commitment=OuterRef("pk"), city=city, is_latest=True)
    inactive = Q(latest_on__lt=cutoff) | Q(
        latest_on__isnull=True, declaration__adopted_on__lt=cutoff
    )
    missed_target = Q(target_date__lt=today)
    return (
        commitment_scope(user=user, city=city)
        .annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_on=Subquery(latest.values("reported_on")[:1]),
        )
        # A commitment never reported on has no status: it is due, not final.
        .filter(Q(latest_status__isnull=True) | ~Q(latest_status__in=DONE))
        .annotate(
            inactive=_flag(inactive),
            missed_target=_flag(missed_target),
            overdue=_flag(inactive | missed_target),
        )
        .order_by("-overdue", "-declaration__adopted_on", "declaration_id", "position", "id")
    )
