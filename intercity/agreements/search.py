"""Makes city-to-city agreements findable in the platform search."""

from django.utils.translation import gettext_lazy as _

from intercity.agreements.models import Agreement, AgreementParty
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
    )


def register_agreement_source() -> None:
    register(
        SearchSource(
            type="agreement",
            label=_("Agreement"),
            model=Agreement,
            objects=lambda: Agreement.objects.prefetch_related("party_roles__city", "themes"),
            documents=agreement_documents,
            m2m_fields=["themes"],
            watch=[Watch(AgreementParty, lambda party: party.agreement_id)],
        )
    )
