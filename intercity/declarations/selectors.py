"""Reads of declarations, commitments and the accountability matrix, in bounded queries."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from intercity.accounts.roles import is_secretariat
from intercity.cities.models import City
from intercity.core.selectors import text_filter
from intercity.declarations.models import Clause, Commitment, Declaration, Paragraph, ProgressReport

Status = ProgressReport.Status
DONE = {Status.ACHIEVED.value, Status.NOT_APPLICABLE.value}
Responsibility = Commitment.cities.through
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


# Declarations ------------------------------------------------------------------------------


def declaration_visible(user) -> QuerySet:
    declarations = Declaration.objects.all()
    if not is_secretariat(user):
        declarations = declarations.filter(status=Declaration.Status.ADOPTED)
    return declarations


def declaration_list(
    *,
    user=None,
    search: str | None = None,
    year: int | None = None,
    city: str | None = None,
    language: str | None = None,
) -> QuerySet:
    declarations = declaration_visible(user).select_related("meeting__host_city")
    declarations = text_filter(declarations, search, ["title", "original_text"])
    if year:
        declarations = declarations.filter(adopted_on__year=year)
    if city:
        declarations = declarations.filter(signatories__slug=city)
    if language:
        declarations = declarations.filter(language=language)
    # Correlated counts rather than joins: joining clauses and commitments would multiply rows.
    return declarations.annotate(
        commitment_count=_count_per_declaration(Commitment),
        clause_count=_count_per_declaration(Clause),
    ).order_by("-adopted_on", "title")


def _count_per_declaration(model) -> Coalesce:
    counts = (
        model.objects.filter(declaration=OuterRef("pk"))
        .order_by()
        .values("declaration")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def declaration_languages(*, user=None) -> list[str]:
    """The languages of the declarations the user may see, for the list's filter."""
    codes = declaration_visible(user).exclude(language="").values_list("language", flat=True)
    return sorted(set(codes.order_by().distinct()))


def declaration_years(*, user=None) -> list[int]:
    """The years of adoption of the declarations the user may see, for the list's filter."""
    dates = declaration_visible(user).filter(adopted_on__isnull=False).dates("adopted_on", "year")
    return sorted({d.year for d in dates}, reverse=True)


def declaration_get(*, slug: str, user=None) -> Declaration:
    commitments = Commitment.objects.prefetch_related(
        "programmes", "meetings", "agreements__party_roles", "themes"
    ).annotate(city_count=Count("cities", distinct=True))
    return get_object_or_404(
        declaration_visible(user)
        .select_related("meeting__host_city", "next_meeting")
        .prefetch_related(
            "signatories",
            Prefetch("paragraphs", queryset=Paragraph.objects.order_by("position")),
            Prefetch(
                "clauses",
                queryset=Clause.objects.order_by("position").prefetch_related(
                    "subitems", Prefetch("commitments", queryset=commitments)
                ),
            ),
            "initiatives__programme",
            "references__target",
            "versions__created_by",
        ),
        slug=slug,
    )


def declaration_feed_items(*, limit: int = 50) -> list[Declaration]:
    return list(
        Declaration.objects.filter(status=Declaration.Status.ADOPTED)
        .select_related("meeting")
        .order_by("-adopted_on", "-id")[:limit]
    )


# Commitments -------------------------------------------------------------------------------


def commitment_get(*, pk: int, user=None) -> Commitment:
    return get_object_or_404(
        Commitment.objects.filter(declaration__in=declaration_visible(user))
        .select_related("declaration", "clause", "subitem")
        .prefetch_related("cities", "themes", "programmes", "meetings", "agreements__party_roles"),
        pk=pk,
    )


def commitment_reports(*, commitment: Commitment, city: City | None = None) -> QuerySet:
    reports = commitment.reports.select_related("city", "reported_by")
    if city is not None:
        reports = reports.filter(city=city)
    return reports.order_by("-reported_on", "-id")


def commitment_scope(
    *, user=None, declaration: Declaration | None = None, city: City | None = None
) -> QuerySet:
    commitments = Commitment.objects.filter(declaration__in=declaration_visible(user))
    if declaration is not None:
        commitments = commitments.filter(declaration=declaration)
    if city is not None:
        commitments = commitments.filter(
            pk__in=Responsibility.objects.filter(city=city).values("commitment_id")
        )
    return commitments.select_related("declaration", "clause", "subitem").order_by(
        "-declaration__adopted_on", "declaration_id", "position", "id"
    )


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


# A declaration's page ----------------------------------------------------------------------


@dataclass
class OutlineItem:
    """A clause or sub-item with the commitments it makes and what carries them out."""

    label: str
    text: str
    commitments: list[Commitment]
    programmes: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    anchor: str = ""
    reference: str = ""


@dataclass
class OutlineClause:
    clause: Clause
    own: OutlineItem
    subitems: list[OutlineItem]


def _carried_by(commitments: list[Commitment], user) -> tuple[list, list, list]:
    from intercity.agreements.permissions import can_view_agreement
    from intercity.meetings.permissions import can_view_meeting

    programmes, meetings, agreements = {}, {}, {}
    for commitment in commitments:
        programmes.update({p.pk: p for p in commitment.programmes.all()})
        meetings.update({m.pk: m for m in commitment.meetings.all() if can_view_meeting(user, m)})
        agreements.update(
            {a.pk: a for a in commitment.agreements.all() if can_view_agreement(user, a)}
        )
    return list(programmes.values()), list(meetings.values()), list(agreements.values())


def declaration_outline(*, declaration: Declaration, user=None) -> list[OutlineClause]:
    """The clauses of a declaration fetched by declaration_get, ready for its page."""
    outline = []
    for clause in declaration.clauses.all():
        commitments = list(clause.commitments.all())
        own = [c for c in commitments if c.subitem_id is None]
        items = []
        for subitem in clause.subitems.all():
            mine = [c for c in commitments if c.subitem_id == subitem.pk]
            carried = _carried_by(mine, user)
            item = OutlineItem(subitem.label, subitem.text, mine, *carried, anchor=subitem.anchor)
            item.reference = subitem.reference
            items.append(item)
        text = clause.intro if clause.subitems.all() and clause.intro else clause.text
        outline.append(
            OutlineClause(
                clause=clause,
                own=OutlineItem(clause.number, text, own, *_carried_by(own, user)),
                subitems=items,
            )
        )
    return outline
