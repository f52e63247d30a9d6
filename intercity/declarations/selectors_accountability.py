"""Reads of the accountability matrix, its progress figures and exports, and a city's
commitments with their latest status, in bounded queries."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from intercity.cities.models import City
from intercity.declarations.models import Commitment, Declaration, ProgressReport
from intercity.declarations.selectors import Responsibility, commitment_scope

Status = ProgressReport.Status
DONE = {Status.ACHIEVED.value, Status.NOT_APPLICABLE.value}
# Shown in the matrix and explained by its legend; "none" is a responsible city's
# commitment without any report yet.
STATUS_SYMBOLS = {
    "none": "?",
    Status.NOT_STARTED.value: "–",
    Status.PLANNED.value: "○",
    Status.IN_PROGRESS.value: "◐",
    Status.ACHIEVED.value: "✓",
    Status.NOT_APPLICABLE.value: "⊘",
}


def inactive_cutoff(today: datetime.date | None = None) -> datetime.date:
    days = getattr(settings, "INTERCITY_INACTIVE_AFTER_DAYS", 365)
    return (today or timezone.localdate()) - datetime.timedelta(days=days)


# The accountability matrix -----------------------------------------------------------------


@dataclass
class Cell:
    """One city's standing on one commitment."""

    city: City
    status: str | None = None
    reported_on: datetime.date | None = None
    inactive: bool = False

    @property
    def css(self) -> str:
        return self.status or "none"

    @property
    def label(self) -> str:
        return str(Status(self.status).label) if self.status else ""

    @property
    def symbol(self) -> str:
        """A shape for each status, so the matrix does not rely on colour alone."""
        return STATUS_SYMBOLS.get(self.status or "none", "?")


@dataclass
class MatrixRow:
    commitment: Commitment
    cells: list[Cell | None]


@dataclass
class Progress:
    """Counts of the latest statuses over a set of (commitment, city) cells."""

    key: int
    total: int = 0
    counts: Counter = field(default_factory=Counter)
    inactive: int = 0
    label: str = ""
    url: str = ""

    @property
    def reported(self) -> int:
        return sum(self.counts.values())

    @property
    def not_reported(self) -> int:
        return max(self.total - self.reported, 0)

    @property
    def percent(self) -> int:
        applicable = self.total - self.counts[Status.NOT_APPLICABLE]
        if applicable <= 0:
            return 0
        return round(100 * self.counts[Status.ACHIEVED] / applicable)

    def segments(self) -> list[tuple[str, str, int, float]]:
        """(status, label, count, width %) for a stacked progress bar."""
        if not self.total:
            return []
        parts = [(status.value, str(status.label), self.counts[status.value]) for status in Status]
        parts.append(("none", "", self.not_reported))
        return [(s, lbl, n, round(100 * n / self.total, 2)) for s, lbl, n in parts if n]


def _latest(commitment_ids: Iterable[int] | QuerySet, city_ids=None) -> QuerySet:
    latest = ProgressReport.objects.filter(is_latest=True, commitment_id__in=commitment_ids)
    if city_ids is not None:
        latest = latest.filter(city_id__in=city_ids)
    return latest


def _is_inactive(status, reported_on, adopted_on, cutoff) -> bool:
    if status in DONE:
        return False
    if reported_on is not None:
        return reported_on < cutoff
    return adopted_on is not None and adopted_on < cutoff


def matrix_cities(*, commitments: QuerySet, city: City | None = None) -> list[City]:
    if city is not None:
        return [city]
    ids = Responsibility.objects.filter(commitment_id__in=commitments.values("pk")).values(
        "city_id"
    )
    return list(
        City.objects.filter(pk__in=ids).only("pk", "slug", "name", "names").order_by("name")
    )


def matrix_rows(
    *, commitments: list[Commitment], cities: list[City], today: datetime.date | None = None
) -> list[MatrixRow]:
    """The coloured cells of a page of commitments: two queries whatever the sizes."""
    cutoff = inactive_cutoff(today)
    ids = [c.pk for c in commitments]
    city_ids = [c.pk for c in cities]
    responsible = set(
        Responsibility.objects.filter(commitment_id__in=ids, city_id__in=city_ids).values_list(
            "commitment_id", "city_id"
        )
    )
    latest = {
        (commitment_id, city_id): (status, reported_on)
        for commitment_id, city_id, status, reported_on in _latest(ids, city_ids).values_list(
            "commitment_id", "city_id", "status", "reported_on"
        )
    }
    rows = []
    for commitment in commitments:
        adopted_on = commitment.declaration.adopted_on
        cells: list[Cell | None] = []
        for city in cities:
            key = (commitment.pk, city.pk)
            if key not in responsible:
                cells.append(None)
                continue
            status, reported_on = latest.get(key, (None, None))
            cells.append(
                Cell(
                    city=city,
                    status=status,
                    reported_on=reported_on,
                    inactive=_is_inactive(status, reported_on, adopted_on, cutoff),
                )
            )
        rows.append(MatrixRow(commitment=commitment, cells=cells))
    return rows


def _progress(
    *, group: str, report_group: str, commitments: QuerySet, today=None
) -> dict[int, Progress]:
    """Progress grouped by city or declaration over the given commitments: three queries."""
    cutoff = inactive_cutoff(today)
    scope = commitments.order_by().values("pk")
    cells = Responsibility.objects.filter(commitment_id__in=scope)
    results: dict[int, Progress] = {}
    old = Q(commitment__declaration__adopted_on__lt=cutoff)
    for row in cells.values(group).annotate(total=Count("id"), old=Count("id", filter=old)):
        results[row[group]] = Progress(key=row[group], total=row["total"], inactive=row["old"])
    reports = _latest(scope).values(report_group, "status")
    fresh = Q(reported_on__gte=cutoff) | Q(status__in=DONE)
    for row in reports.annotate(n=Count("id"), settled_old=Count("id", filter=old & fresh)):
        progress = results.setdefault(row[report_group], Progress(key=row[report_group]))
        progress.counts[row["status"]] += row["n"]
        # Cells of declarations adopted before the cut-off start as inactive; a recent or
        # final report settles them.
        progress.inactive -= row["settled_old"]
    for progress in results.values():
        progress.inactive = max(progress.inactive, 0)
    return results


def progress_by_declaration(*, commitments: QuerySet, today=None) -> list[Progress]:
    results = _progress(
        group="commitment__declaration_id",
        report_group="commitment__declaration_id",
        commitments=commitments,
        today=today,
    )
    declarations = Declaration.objects.filter(pk__in=list(results)).only("pk", "slug", "title")
    for declaration in declarations:
        results[declaration.pk].label = declaration.title
        results[declaration.pk].url = declaration.get_absolute_url()
    return sorted(results.values(), key=lambda p: p.label)


def progress_by_city(*, commitments: QuerySet, today=None) -> list[Progress]:
    results = _progress(
        group="city_id", report_group="city_id", commitments=commitments, today=today
    )
    # In the matrix's order (the cities' own names), each named in the reader's language.
    cities = City.objects.filter(pk__in=list(results)).only("pk", "slug", "name", "names")
    ordered = []
    for city in cities.order_by("name"):
        results[city.pk].label = city.label
        results[city.pk].url = city.get_absolute_url()
        ordered.append(results[city.pk])
    return ordered


def matrix_export_rows(
    *, commitments: QuerySet, city: City | None = None, today=None
) -> Iterator[dict]:
    """Every (commitment, city) cell of the scope, for CSV and JSON: four queries."""
    cutoff = inactive_cutoff(today)
    scope = commitments.order_by().values("pk")
    latest = {
        (c, city): (status, on)
        for c, city, status, on in _latest(scope).values_list(
            "commitment_id", "city_id", "status", "reported_on"
        )
    }
    cities = {c.pk: c for c in City.objects.only("pk", "slug", "name", "names")}
    by_commitment = defaultdict(list)
    responsibilities = Responsibility.objects.filter(commitment_id__in=scope)
    if city is not None:
        responsibilities = responsibilities.filter(city=city)
    for commitment_id, city_id in responsibilities.order_by("commitment_id", "city_id").values_list(
        "commitment_id", "city_id"
    ):
        by_commitment[commitment_id].append(city_id)
    for commitment in commitments.iterator(chunk_size=2000):
        for city_id in sorted(by_commitment.get(commitment.pk, []), key=lambda i: cities[i].name):
            place = cities[city_id]
            status, reported_on = latest.get((commitment.pk, city_id), (None, None))
            yield {
                "declaration": commitment.declaration.slug,
                "declaration_title": commitment.declaration.title,
                "clause": commitment.reference,
                "commitment_id": commitment.pk,
                "commitment": commitment.title,
                "city": place.slug,
                "city_name": place.name,
                "status": status or "",
                "reported_on": reported_on.isoformat() if reported_on else "",
                "inactive": _is_inactive(
                    status, reported_on, commitment.declaration.adopted_on, cutoff
                ),
            }


def pending_by_city(*, declaration_id: int | None = None, today=None) -> dict[int, list[str]]:
    """For each city, the commitments still awaiting its report (not final, not recent)."""
    commitments = Commitment.objects.filter(declaration__status=Declaration.Status.ADOPTED)
    if declaration_id is not None:
        commitments = commitments.filter(declaration_id=declaration_id)
    cutoff = inactive_cutoff(today)
    latest = {
        (c, city): (status, on)
        for c, city, status, on in _latest(commitments.values("pk")).values_list(
            "commitment_id", "city_id", "status", "reported_on"
        )
    }
    labels = {
        pk: f"{declaration} — {title}"
        for pk, declaration, title in commitments.values_list("pk", "declaration__title", "title")
    }
    pending: dict[int, list[str]] = defaultdict(list)
    for commitment_id, city_id in Responsibility.objects.filter(
        commitment_id__in=commitments.values("pk")
    ).values_list("commitment_id", "city_id"):
        status, reported_on = latest.get((commitment_id, city_id), (None, None))
        if status in DONE or (reported_on is not None and reported_on >= cutoff):
            continue
        pending[city_id].append(labels[commitment_id])
    return dict(pending)


# A city's page -----------------------------------------------------------------------------


@dataclass
class CityCommitment:
    commitment: Commitment
    cell: Cell


def city_commitments(*, city: City, user=None, limit: int = 100, today=None) -> dict:
    """The commitments a city carries with its latest status, and its overall progress."""
    commitments = commitment_scope(user=user, city=city)
    page = list(commitments[:limit])
    rows = matrix_rows(commitments=page, cities=[city], today=today)
    progress = _progress(
        group="city_id", report_group="city_id", commitments=commitments, today=today
    ).get(city.pk)
    return {
        "items": [CityCommitment(row.commitment, row.cells[0]) for row in rows if row.cells[0]],
        "progress": progress,
        "more": max((progress.total if progress else 0) - len(page), 0),
    }
