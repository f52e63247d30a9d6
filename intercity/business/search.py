"""Makes verified business profiles and their current opportunities findable in the search.

One source per profile: a profile's documents are its offers and needs and each of its
organisation's current opportunities, so verifying a profile, or withdrawing its
verification, brings its opportunities into the search or takes them out at once."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from intercity.business.models import Opportunity, Profile
from intercity.searchindex.registry import Document, SearchSource, Watch, join_lines, register


def _objects():
    return Profile.objects.select_related("organisation__city").prefetch_related(
        Prefetch(
            "organisation__opportunities",
            queryset=Opportunity.objects.filter(status=Opportunity.Status.OPEN),
        )
    )


def profile_documents(profile: Profile):
    if not profile.is_verified:
        return
    organisation = profile.organisation
    common = {
        "city": organisation.city,
        "cities": [organisation.city.slug] if organisation.city else [],
        "owner_city": organisation.city,
    }
    yield Document(
        type="business_profile",
        id=f"profile-{profile.pk}",
        title=organisation.name,
        body=join_lines(profile.offers, profile.seeks),
        url=profile.get_absolute_url(),
        **common,
    )
    # Open ones: one whose closing date passes stays findable, and its page says so.
    for opportunity in organisation.opportunities.all():
        yield Document(
            type="opportunity",
            id=f"opportunity-{opportunity.pk}",
            title=opportunity.title,
            body=join_lines(opportunity.description, organisation.name),
            url=opportunity.get_absolute_url(),
            date=opportunity.created_at.date(),
            **common,
        )


def _profile_of(opportunity: Opportunity):
    return (
        Profile.objects.filter(organisation_id=opportunity.organisation_id)
        .values_list("pk", flat=True)
        .first()
    )


def register_business_source() -> None:
    register(
        SearchSource(
            type="business",
            label=_("Business profile"),
            model=Profile,
            objects=_objects,
            documents=profile_documents,
            types={
                "business_profile": _("Business profile"),
                "opportunity": _("Cooperation opportunity"),
            },
            watch=[Watch(Opportunity, _profile_of)],
        )
    )
