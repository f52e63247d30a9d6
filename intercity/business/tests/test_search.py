"""Verified business profiles and their open opportunities in the platform search."""

import pytest

from intercity.business import services
from intercity.business.models import Opportunity
from intercity.searchindex.engine import search
from intercity.testing.business_factories import OpportunityFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def _hits(query):
    return {
        (hit.document.doc_type, hit.document.title)
        for hit in search(user=None, query=query, semantic=False).hits
    }


def test_an_open_opportunity_of_a_verified_organisation_is_found_by_its_description():
    profile = ProfileFactory(offers="Geothermal drilling rigs", seeks="Municipal partners")
    OpportunityFactory(
        organisation=profile.organisation,
        title="Heat pumps for schools",
        description="Ground-source heat pumps with installation crews",
    )
    assert ("opportunity", "Heat pumps for schools") in _hits("installation crews")
    # The profile's offers are found too, under the organisation's name.
    assert ("business_profile", profile.organisation.name) in _hits("geothermal rigs")


def test_closing_an_opportunity_or_an_unverified_profile_keeps_it_out(cast):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation)
    opportunity = OpportunityFactory(
        organisation=profile.organisation, title="Desalination membranes"
    )
    assert ("opportunity", "Desalination membranes") in _hits("desalination membranes")
    services.opportunity_update(
        actor=cast.organisation_rep,
        opportunity=opportunity,
        data={"status": Opportunity.Status.CLOSED},
    )
    assert _hits("desalination membranes") == set()
    other = ProfileFactory(is_verified=False)
    OpportunityFactory(organisation=other.organisation, title="Unverified turbines")
    assert _hits("unverified turbines") == set()
    # Verified by its focal point: its opportunities come into the search with it.
    services.profile_verify(actor=cast.secretariat, profile=other)
    assert ("opportunity", "Unverified turbines") in _hits("unverified turbines")
