"""The schema lists for each list exactly the filters that list reads: a client built from it
neither misses a filter nor sends one that is silently ignored."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from intercity.api.urls import router
from intercity.declarations import serializers as declaration_serializers


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _list_parameters(schema, prefix: str) -> set[str]:
    operation = schema["paths"][f"/api/v1/{prefix}/"]["get"]
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"} - {"page"}


FILTERED = [
    (prefix, viewset.filter_serializer_class)
    for prefix, viewset, _basename in router.registry
    if getattr(viewset, "filter_serializer_class", None) is not None
]


@pytest.mark.parametrize(("prefix", "filters"), FILTERED, ids=[p for p, _f in FILTERED])
def test_a_lists_documented_filters_are_the_ones_it_reads(schema, prefix, filters):
    assert _list_parameters(schema, prefix) == set(filters().fields)


@pytest.mark.parametrize(
    ("prefix", "filters"),
    [
        ("declarations", declaration_serializers.DeclarationFilterSerializer),
        ("commitments", declaration_serializers.CommitmentFilterSerializer),
        ("progress-reports", declaration_serializers.ProgressReportFilterSerializer),
    ],
)
def test_the_declaration_lists_document_their_filters(schema, prefix, filters):
    assert _list_parameters(schema, prefix) == set(filters().fields)


def test_pledges_do_not_offer_the_agreements_filters(schema):
    assert _list_parameters(schema, "pledges") == {"city", "status"}


def _page_of(schema, operation) -> dict:
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    name = content["$ref"].rsplit("/", 1)[-1]
    return schema["components"]["schemas"][name]


def test_an_events_requests_are_documented_as_a_filtered_page(schema):
    operation = schema["paths"]["/api/v1/business/events/{id}/requests/"]["get"]

    query = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    assert query == {"page", "status", "q"}
    page = _page_of(schema, operation)
    assert {"count", "next", "previous", "results"} <= set(page["properties"])
    assert page["properties"]["results"]["items"]["$ref"].endswith("/MeetingRequest")


def test_the_answers_to_an_opportunity_are_documented_as_a_page(schema):
    operation = schema["paths"]["/api/v1/business/opportunities/{id}/answers/"]["get"]

    assert "page" in {p["name"] for p in operation.get("parameters", [])}
    assert {"count", "next", "previous", "results"} <= set(
        _page_of(schema, operation)["properties"]
    )
