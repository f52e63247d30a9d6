"""Reads of knowledge items: visibility, facets, versions, a city's knowledge, "which city"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import translation

from intercity.accounts.roles import is_network_insider, is_secretariat
from intercity.agreements.selectors import agreement_visible
from intercity.cities.models import City
from intercity.core.models import Theme
from intercity.declarations.models import Commitment
from intercity.declarations.selectors import declaration_visible
from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation
from intercity.knowledge.permissions import can_view_item
from intercity.meetings.selectors import visible_meetings
from intercity.organisations.models import Organisation
from intercity.searchindex.engine import SearchFilters, search
from intercity.searchindex.models import SearchDocument


def authorable_organisations(user) -> QuerySet:
    """Organisations ``user`` may name as an item's author (see ``can_author_for``)."""
    organisations = Organisation.objects.all()
    if is_secretariat(user):
        return organisations
    allowed = Q(pk=getattr(user, "organisation_id", None) or 0)
    if getattr(user, "is_authenticated", False) and user.is_active:
        if user.role in (user.Role.FOCAL_POINT, user.Role.EXPERT) and user.city_id:
            allowed |= Q(city_id=user.city_id)
    return organisations.filter(allowed)


def visible_items(user) -> QuerySet:
    """Items ``user`` may read: public ones, network ones for insiders, drafts for their editors."""
    items = KnowledgeItem.objects.all()
    if is_secretariat(user):
        return items
    allowed = Q(visibility=KnowledgeItem.Visibility.PUBLIC)
    if is_network_insider(user):
        allowed |= Q(visibility=KnowledgeItem.Visibility.NETWORK)
    if getattr(user, "is_authenticated", False) and user.is_active:
        editors = Q(author_id=user.pk)
        if user.role in (user.Role.FOCAL_POINT, user.Role.EXPERT) and user.city_id:
            editors |= Q(city_id=user.city_id)
        allowed |= editors
    return items.filter(allowed)


@dataclass(frozen=True)
class KnowledgeFilters:
    city: str | None = None
    theme: str | None = None
    kind: str | None = None
    language: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    def apply(self, items: QuerySet, *, skip: str | None = None) -> QuerySet:
        if self.city and skip != "city":
            items = items.filter(city__slug=self.city)
        if self.theme and skip != "theme":
            items = items.filter(themes__slug=self.theme)
        if self.kind and skip != "kind":
            items = items.filter(kind=self.kind)
        if self.language and skip != "language":
            items = items.filter(language=self.language)
        # An item belongs to the years its period overlaps.
        if self.year_from:
            items = items.filter(
                Q(period_end__gte=datetime.date(self.year_from, 1, 1))
                | Q(period_end__isnull=True, period_start__gte=datetime.date(self.year_from, 1, 1))
                | Q(period_start__isnull=True, period_end__isnull=True)
                & Q(created_at__year__gte=self.year_from)
            )
        if self.year_to:
            items = items.filter(
                Q(period_start__lte=datetime.date(self.year_to, 12, 31))
                | Q(period_start__isnull=True, period_end__lte=datetime.date(self.year_to, 12, 31))
                | Q(period_start__isnull=True, period_end__isnull=True)
                & Q(created_at__year__lte=self.year_to)
            )
        return items


def item_list(
    *, user, filters: KnowledgeFilters | None = None, search_text: str | None = None
) -> tuple[list[KnowledgeItem] | QuerySet, QuerySet]:
    """The items to list, best match first when searching, and the filtered queryset for facets."""
    filters = filters or KnowledgeFilters()
    items = filters.apply(visible_items(user)).distinct()
    listed = items.select_related("city", "organisation").prefetch_related("themes")
    if not search_text:
        return listed.order_by("-published_at", "-created_at", "-id"), items
    results = search(user=user, query=search_text, filters=SearchFilters(types=("knowledge",)))
    ranked_ids = [int(hit.document.doc_key) for hit in results.hits]
    by_id = listed.in_bulk(ranked_ids)
    matched = [by_id[pk] for pk in ranked_ids if pk in by_id]
    return matched, items.filter(pk__in=[item.pk for item in matched])


def item_facets(*, user, filters: KnowledgeFilters, matched: QuerySet | None = None) -> dict:
    """Counts per city, theme, kind and language of the items a user may see.

    Each facet is counted with every other active filter applied, so a count
    says how many items choosing that value would list.
    """
    base = visible_items(user)
    if matched is not None:
        base = base.filter(pk__in=matched.values("pk"))

    def counted(name: str, key: str, named=None):
        items = filters.apply(base, skip=name)
        rows = items.values(key).annotate(n=Count("id", distinct=True)).order_by("-n", key)
        rows = [row for row in rows if row[key]]
        if named is not None:
            # Cities and themes are named in the reader's language, as everywhere else.
            labels = {
                o.slug: o.label for o in named.objects.filter(slug__in=[r[key] for r in rows])
            }
            for row in rows:
                row["label"] = labels.get(row[key], row[key])
        return rows

    return {
        "city": counted("city", "city__slug", City),
        "theme": counted("theme", "themes__slug", Theme),
        "kind": counted("kind", "kind"),
        "language": counted("language", "language"),
    }


def visible_commitments(user) -> QuerySet:
    """Commitments of the declarations this user may read: a draft's are the secretariat's."""
    return Commitment.objects.filter(declaration__in=declaration_visible(user)).select_related(
        "declaration", "clause"
    )


def item_get(*, slug: str, user) -> KnowledgeItem:
    item = (
        KnowledgeItem.objects.select_related("city", "organisation", "author", "outcome_indicator")
        .prefetch_related(
            "themes",
            "programmes",
            # Links to a draft agreement or declaration, or a closed meeting, are shown only
            # to those who may open them.
            Prefetch("meetings", queryset=visible_meetings(user)),
            Prefetch("agreements", queryset=agreement_visible(user)),
            Prefetch("commitments", queryset=visible_commitments(user)),
            "attachments",
            "translations__translator",
        )
        .filter(slug=slug)
        .first()
    )
    if item is None or not can_view_item(user, item):
        # A record the user may not read does not exist for them.
        raise Http404
    return item


@dataclass(frozen=True)
class ItemVersion:
    """What the detail page shows: the original, or a translation of it."""

    language: str
    title: str
    summary: str
    body: str
    translation: KnowledgeTranslation | None = None

    @property
    def is_translation(self) -> bool:
        return self.translation is not None


def item_version(item: KnowledgeItem, language: str | None = None) -> ItemVersion:
    """The reader's language when a version exists in it, otherwise the original."""
    wanted = (language or translation.get_language() or "").lower()
    if wanted and wanted != item.language.lower():
        base = wanted.split("-")[0]
        for version in item.translations.all():
            code = version.language.lower()
            if code == wanted or (not language and code.split("-")[0] == base):
                return ItemVersion(
                    version.language, version.title, version.summary, version.body, version
                )
    return ItemVersion(item.language, item.title, item.summary, item.body)


def city_knowledge(*, city: City, user, limit: int = 10) -> list[KnowledgeItem]:
    return list(
        visible_items(user)
        .filter(city=city)
        .prefetch_related("themes")
        .order_by("-published_at", "-created_at")[:limit]
    )


def feed_items(*, limit: int = 50) -> QuerySet:
    return (
        KnowledgeItem.objects.filter(visibility=KnowledgeItem.Visibility.PUBLIC)
        .select_related("city")
        .prefetch_related("themes")
        .order_by("-published_at", "-id")[:limit]
    )


# "Which city has done this?" ---------------------------------------------------

# How much one piece of evidence counts: a city's own account of a practice
# says most; taking part in a programme or an agreement says less.
EVIDENCE_WEIGHTS = {"knowledge": 1.0, "programme": 0.6, "agreement": 0.4}
LEAD_FACTOR = 1.0
PARTICIPANT_FACTOR = 0.5


@dataclass
class CityEvidence:
    city: City
    score: float = 0.0
    evidence: list = field(default_factory=list)  # SearchHit, best first


def which_city(
    *, user, query: str = "", theme: str | None = None, limit: int = 10
) -> list[CityEvidence]:
    """Cities ranked by visible practice, programmes and agreements on a query or theme."""
    types = tuple(EVIDENCE_WEIGHTS)
    filters = SearchFilters(types=types, theme=theme)
    if query.strip():
        hits = search(user=user, query=query, filters=filters).hits
    elif theme:
        hits = _theme_hits(user=user, filters=filters)
    else:
        return []
    cities = {city.slug: city for city in City.objects.all()}
    # Search hits carry only what a result shows; the cities of all of them in one query.
    places = {
        doc_id: (named, primary)
        for doc_id, named, primary in SearchDocument.objects.filter(
            id__in=[hit.document.id for hit in hits]
        ).values_list("id", "cities", "city_id")
    }
    ranking: dict[str, CityEvidence] = {}
    top = max((hit.score for hit in hits), default=0.0) or 1.0
    for hit in hits:
        document = hit.document
        if document.id not in places:
            continue
        named, primary = places[document.id]
        slugs = [slug for slug in named.split() if slug in cities]
        weight = EVIDENCE_WEIGHTS.get(document.doc_type, 0.3) * (hit.score / top)
        for slug in dict.fromkeys(slugs):
            city = cities[slug]
            factor = LEAD_FACTOR if city.pk == primary else PARTICIPANT_FACTOR
            entry = ranking.setdefault(slug, CityEvidence(city=city))
            entry.score += weight * factor
            entry.evidence.append(hit)
    ordered = sorted(ranking.values(), key=lambda entry: (-entry.score, entry.city.name))
    return ordered[:limit]


def _theme_hits(*, user, filters: SearchFilters) -> list:
    from intercity.searchindex.engine import SearchHit, visible_documents
    from intercity.searchindex.registry import type_labels

    labels = type_labels()
    documents = visible_documents(user, filters).order_by("-date", "-id")[:200]
    return [
        SearchHit(
            document=document,
            score=1.0,
            type_label=str(labels.get(document.doc_type, document.doc_type)),
            matched_by=("theme",),
        )
        for document in documents
    ]
