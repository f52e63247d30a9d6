"""Reads of declarations and commitments, in bounded queries; the accountability matrix and
a city's commitments are read in `selectors_accountability`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, Right, Substr
from django.db.models.lookups import In
from django.shortcuts import get_object_or_404

from intercity.accounts.roles import is_secretariat
from intercity.cities.models import City
from intercity.core.selectors import text_filter
from intercity.declarations.deriving import BULLET
from intercity.declarations.models import Clause, Commitment, Declaration, Paragraph

Responsibility = Commitment.cities.through
DIGITS = list("0123456789")


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
    *,
    user=None,
    declaration: Declaration | None = None,
    city: City | None = None,
    search: str | None = None,
) -> QuerySet:
    commitments = Commitment.objects.filter(declaration__in=declaration_visible(user))
    if declaration is not None:
        commitments = commitments.filter(declaration=declaration)
    if city is not None:
        commitments = commitments.filter(
            pk__in=Responsibility.objects.filter(city=city).values("commitment_id")
        )
    commitments = commitments_matching(commitments, search=search)
    return commitments.select_related("declaration", "clause", "subitem").order_by(
        "-declaration__adopted_on", "declaration_id", "position", "id"
    )


def commitments_matching(commitments: QuerySet, *, search: str | None) -> QuerySet:
    """The commitments whose title or text holds every word of `search`, a word also finding
    the commitment it is the reference of ("2b") and, when it names a clause ("2"), the
    commitments of the clause and of its sub-items."""
    if not (search or "").split():
        return commitments
    clause, printed = _printed_references()
    return text_filter(
        commitments.alias(clause_reference=clause, commitment_reference=printed),
        search,
        ["title", "description"],
        whole=["clause_reference", "commitment_reference"],
    )


def _printed_references() -> tuple[Func, Case]:
    """`Clause.reference` and `Commitment.reference` (see `sub_reference`) as the database
    spells them, so a search by reference stays a filter and pages like any other."""
    clause = Coalesce(NullIf("clause__number", Value("")), Cast("clause__position", CharField()))
    label = F("subitem__label")
    numbered = In(Substr(label, 1, 1), DIGITS) & In(Right(clause, 1), DIGITS)
    printed = Case(
        When(subitem__isnull=True, then=clause),
        When(
            Q(subitem__label="", subitem__bullet__isnull=False),
            then=Concat(
                clause, Value(f"({BULLET}"), Cast("subitem__bullet", CharField()), Value(")")
            ),
        ),
        When(subitem__label="", then=clause),
        When(numbered, then=Concat(clause, Value("("), label, Value(")"))),
        default=Concat(clause, label),
        output_field=CharField(),
    )
    return clause, printed


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
