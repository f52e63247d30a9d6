"""Business API: the directory and opportunities."""

import pytest

from intercity.business.models import Opportunity
from intercity.testing.business_factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_the_directory_api_lists_only_verified_profiles(client):
    shown = ProfileFactory()
    ProfileFactory(is_verified=False)
    data = client.get("/api/v1/business/profiles/").json()
    slugs = [row["slug"] for row in data["results"]]
    assert slugs == [shown.organisation.slug]


def test_anonymous_cannot_create_an_opportunity(client):
    response = client.post("/api/v1/business/opportunities/", {"title": "x"})
    assert response.status_code == 401
    assert not Opportunity.objects.exists()


def test_a_representative_publishes_an_opportunity_for_their_organisation(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    response = client_for(cast.organisation_rep).post(
        "/api/v1/business/opportunities/",
        {"direction": "offer", "kind": "energy_saving", "title": "LED lamps"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["organisation"] == cast.organisation_rep.organisation.slug
    listed = client_for(None).get("/api/v1/business/opportunities/").json()["results"]
    assert [row["title"] for row in listed] == ["LED lamps"]


def test_a_user_without_an_organisation_gets_404(cast, client_for):
    response = client_for(cast.reader).post(
        "/api/v1/business/opportunities/",
        {"direction": "offer", "kind": "tourism", "title": "Tours"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Opportunity.objects.exists()
