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
