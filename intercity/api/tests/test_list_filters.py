"""A list filter with fixed values refuses any other with a 400 naming the allowed ones."""

import pytest
from rest_framework.test import APIClient

from intercity.knowledge.models import KnowledgeItem
from intercity.testing.business_factories import (
    EventFactory,
    OpportunityFactory,
    ProfileFactory,
)
from intercity.testing.factories import (
    CityFactory,
    MeetingFactory,
    OrganisationFactory,
    PledgeFactory,
)
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


def _choice_filters(schema: dict) -> list[tuple[str, str, list[str]]]:
    """(path, parameter, allowed values) for every list filter the schema gives fixed values."""
    found = []
    for path, operations in schema["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            schema_of = parameter.get("schema", {})
            allowed = schema_of.get("enum") or schema_of.get("items", {}).get("enum")
            if parameter["in"] == "query" and allowed:
                found.append((path, parameter["name"], allowed))
    return found


def test_every_filter_with_fixed_values_refuses_another_naming_the_allowed_ones(cast):
    client = APIClient()
    filters = _choice_filters(client.get("/api/schema/", {"format": "json"}).json())
    paths = {path for path, _name, _allowed in filters}
    assert {"/api/v1/pledges/", "/api/v1/business/opportunities/", "/api/v1/search/"} <= paths
    # Lists under a record (a meeting's registrations, a business event's requests) need one,
    # and someone who may read them.
    meeting = MeetingFactory()
    event = EventFactory()
    client.force_authenticate(cast.secretariat)

    for path, name, allowed in filters:
        address = path.format(slug=meeting.slug, id=event.pk)
        response = client.get(address, {name: "nonsense", "q": "water"})

        assert response.status_code == 400, (path, name)
        [message] = response.json()[name]
        assert "nonsense" in message, (path, name)
        assert ", ".join(allowed) in message, (path, name)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/pledges/", "status"),
        ("/api/v1/knowledge/", "language"),
        ("/api/v1/business/opportunities/", "kind"),
        ("/api/v1/business/opportunities/", "direction"),
        ("/api/v1/search/", "type"),
        ("/api/v1/search/", "language"),
        ("/api/v1/agreements/", "status"),
        ("/api/v1/meetings/", "when"),
    ],
)
def test_a_value_no_record_can_have_is_a_field_error_not_an_empty_or_whole_list(path, name):
    response = APIClient().get(path, {name: "nonsense", "q": "water"})

    assert response.status_code == 400
    assert list(response.json()) == [name]


def test_pledges_are_filtered_by_status(cast):
    PledgeFactory(from_city=cast.home, to_city=cast.other, subject="Pumps", status="pledged")
    PledgeFactory(from_city=cast.home, to_city=cast.other, subject="Boats", status="fulfilled")

    rows = APIClient().get("/api/v1/pledges/", {"status": "fulfilled"}).json()["results"]

    assert [row["subject"] for row in rows] == ["Boats"]


def test_opportunities_are_filtered_by_kind_and_direction(cast):
    organisation = ProfileFactory().organisation
    OpportunityFactory(organisation=organisation, title="Sell", direction="offer")
    OpportunityFactory(organisation=organisation, title="Buy", direction="request")

    response = APIClient().get(
        "/api/v1/business/opportunities/", {"direction": "request", "kind": "energy_saving"}
    )

    assert [row["title"] for row in response.json()["results"]] == ["Buy"]


def test_opportunities_are_filtered_by_city_and_words_as_on_the_directory_page(cast):
    at_home = ProfileFactory(organisation__city=cast.home, organisation__name="Lotus Pumps")
    abroad = ProfileFactory(organisation__city=cast.other).organisation
    OpportunityFactory(organisation=at_home.organisation, title="Solar pumps for farms")
    OpportunityFactory(organisation=at_home.organisation, title="LED street lights")
    OpportunityFactory(organisation=abroad, title="Solar panels")
    path = "/api/v1/business/opportunities/"

    def titles(**params):
        return sorted(row["title"] for row in APIClient().get(path, params).json()["results"])

    assert titles(city=cast.home.slug) == ["LED street lights", "Solar pumps for farms"]
    assert titles(q="solar") == ["Solar panels", "Solar pumps for farms"]
    assert titles(city=cast.home.slug, q="solar farms") == ["Solar pumps for farms"]
    # The organisation's name is searched as well, as on the page.
    assert titles(q="lotus") == ["LED street lights", "Solar pumps for farms"]


@pytest.mark.parametrize("slug", ["atlantis", "former-city"])
def test_opportunities_of_a_city_that_is_no_member_are_a_field_error(cast, slug):
    former = CityFactory(name="Former City", membership_status="former")
    ProfileFactory(organisation=OrganisationFactory(city=former))
    OpportunityFactory(organisation=former.organisations.get())

    response = APIClient().get("/api/v1/business/opportunities/", {"city": slug})

    assert response.status_code == 400
    [message] = response.json()["city"]
    assert slug in message


def test_knowledge_is_filtered_by_a_known_language(cast):
    KnowledgeItemFactory(city=cast.home, title="Phân loại rác", language="vi")
    KnowledgeItemFactory(city=cast.home, title="Waste sorting", language="en")

    rows = APIClient().get("/api/v1/knowledge/", {"language": "vi"}).json()["results"]

    assert [row["title"] for row in rows] == ["Phân loại rác"]
    assert KnowledgeItem.objects.count() == 2
