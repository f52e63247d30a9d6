"""Makes declarations and each of their operative clauses findable in the platform search."""

from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intercity.declarations.deriving import BULLET
from intercity.declarations.models import Clause, Commitment, Declaration, Paragraph
from intercity.searchindex.models import Visibility
from intercity.searchindex.registry import Document, SearchSource, Watch, register


def _objects():
    return Declaration.objects.select_related("meeting__host_city").prefetch_related(
        "signatories",
        "paragraphs",
        Prefetch("clauses", queryset=Clause.objects.prefetch_related("subitems")),
        Prefetch("commitments", queryset=Commitment.objects.prefetch_related("themes")),
    )


def declaration_documents(declaration: Declaration):
    host = declaration.meeting.host_city if declaration.meeting_id else None
    cities = [city.slug for city in declaration.signatories.all()]
    if host is not None:
        cities.append(host.slug)
    visibility = Visibility.PUBLIC if declaration.is_adopted else Visibility.DRAFT
    themes_by_clause: dict[int, set[str]] = {}
    for commitment in declaration.commitments.all():
        slugs = themes_by_clause.setdefault(commitment.clause_id, set())
        slugs.update(theme.slug for theme in commitment.themes.all())
    common = {
        "language": declaration.language,
        "city": host,
        "cities": cities,
        "date": declaration.adopted_on,
        "visibility": visibility,
        "owner_city": host,
    }
    paragraphs = [p.text for p in declaration.paragraphs.all()]
    yield Document(
        type="declaration",
        id=str(declaration.pk),
        title=declaration.title,
        body="\n".join(paragraphs),
        url=declaration.get_absolute_url(),
        themes=sorted(set().union(*themes_by_clause.values())),
        **common,
    )
    for clause in declaration.clauses.all():
        parts = [
            clause.text,
            *(
                f"{s.label}. {s.text}" if s.label else f"{BULLET} {s.text}"
                for s in clause.subitems.all()
            ),
        ]
        yield Document(
            type="clause",
            id=f"{declaration.pk}.{clause.pk}",
            title=gettext("%(declaration)s, clause %(number)s")
            % {"declaration": declaration.title, "number": clause.number or clause.position},
            body="\n".join(parts),
            url=f"{declaration.get_absolute_url()}#{clause.anchor}",
            themes=sorted(themes_by_clause.get(clause.pk, ())),
            **common,
        )


def register_declaration_source() -> None:
    register(
        SearchSource(
            type="declaration",
            label=_("Declaration"),
            model=Declaration,
            objects=_objects,
            documents=declaration_documents,
            types={"declaration": _("Declaration"), "clause": _("Declaration clause")},
            watch=[
                Watch(Clause, lambda clause: clause.declaration_id),
                Watch(Paragraph, lambda paragraph: paragraph.declaration_id),
            ],
            m2m_fields=["signatories"],
        )
    )
