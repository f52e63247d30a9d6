"""Makes city-to-city agreements findable in the platform search."""

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.agreements.models import Agreement, AgreementParty
from intercity.searchindex.models import Visibility
from intercity.searchindex.registry import Document, SearchSource, Watch, join_lines, register


def agreement_documents(agreement):
    parties = [role.city for role in agreement.party_roles.all()]
    yield Document(
        type="agreement",
        id=str(agreement.pk),
        title=agreement.title,
        body=join_lines(agreement.description, ", ".join(city.name for city in parties)),
        url=agreement.get_absolute_url(),
        city=parties[0] if parties else None,
        cities=[city.slug for city in parties],
        themes=[theme.slug for theme in agreement.themes.all()],
        date=agreement.signed_on,
        visibility=Visibility.DRAFT
        if agreement.status == Agreement.Status.DRAFT
        else Visibility.PUBLIC,
    )


def agreement_document_permission(user) -> Q:
    """Drafts are found by those who may read them: the secretariat and the parties' focal
    points (can_view_agreement), not by every city named in the document."""
    if is_secretariat(user):
        return Q()
    allowed = Q(visibility=Visibility.PUBLIC)
    own = focal_city_id(user)
    if own is not None:
        own_drafts = (
            AgreementParty.objects.filter(city_id=own)
            .annotate(key=Cast("agreement_id", CharField()))
            .values("key")
        )
        allowed |= Q(visibility=Visibility.DRAFT, object_id__in=own_drafts)
    return allowed


def register_agreement_source() -> None:
    register(
        SearchSource(
            type="agreement",
            label=_("Agreement"),
            model=Agreement,
            objects=lambda: Agreement.objects.prefetch_related("party_roles__city", "themes"),
            documents=agreement_documents,
            permission=agreement_document_permission,
            m2m_fields=["themes"],
            watch=[Watch(AgreementParty, lambda party: party.agreement_id)],
        )
    )
