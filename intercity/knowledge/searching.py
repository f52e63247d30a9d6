"""How knowledge items enter platform search: their documents and the source registration."""

from django.utils.translation import gettext_lazy as _

from intercity.knowledge.markup import plain_text
from intercity.searchindex.registry import Document, SearchSource, Watch, register


def item_documents(item):
    """One document per item, holding its translations' words so any version finds it."""
    versions = [
        "\n".join(part for part in (t.title, t.summary, plain_text(t.body)) if part)
        for t in item.translations.all()
    ]
    outcome = item.outcome
    if item.outcome_unit and item.outcome_result is not None:
        outcome = (
            f"{outcome} {item.outcome_baseline or ''} → {item.outcome_result} {item.outcome_unit}"
        )
    body = "\n".join(
        part for part in (item.summary, plain_text(item.body), outcome, *versions) if part
    )
    yield Document(
        type="knowledge",
        id=str(item.pk),
        title=item.title,
        body=body,
        url=item.get_absolute_url(),
        language=item.language,
        city=item.city_id,
        cities=[item.city.slug] if item.city else [],
        themes=[theme.slug for theme in item.themes.all()],
        date=item.period_start or (item.published_at.date() if item.published_at else None),
        visibility=item.visibility,
        owner_city=item.city_id,
        owner_user=item.author_id,
    )


def register_knowledge_source() -> None:
    from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation

    register(
        SearchSource(
            type="knowledge",
            label=_("Knowledge"),
            model=KnowledgeItem,
            objects=lambda: KnowledgeItem.objects.select_related("city").prefetch_related(
                "themes", "translations"
            ),
            documents=item_documents,
            m2m_fields=["themes"],
            watch=[Watch(KnowledgeTranslation, lambda version: version.item_id)],
        )
    )
