"""A search reads the fields of the hits it returns, not those of every candidate it ranked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intercity.searchindex.engine import search
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

# What a hit shows is read by the only query that reads the titles of documents named by id.
TITLE = '"searchindex_searchdocument"."title"'
IDS = re.compile(r'"searchindex_searchdocument"\."id" IN \(([^)]*)\)')


def hit_rows_read(queries) -> list[int]:
    """The ids whose hit fields ``queries`` read, in one query."""
    reads = [IDS.search(query["sql"]) for query in queries if TITLE in query["sql"]]
    reads = [found for found in reads if found]
    assert len(reads) == 1
    return sorted(int(doc_id) for doc_id in reads[0].group(1).split(","))


@pytest.fixture
def harbour(cast):
    """Six records of the home city that name it: each found by its words and as its record."""
    return [
        KnowledgeItemFactory(city=cast.home, title=f"Home City harbour {number}")
        for number in range(6)
    ]


def test_only_the_returned_hits_are_read(harbour):
    # Three keyword matches, and the named city's records (its page, its organisation and
    # the six): eight candidates ranked for three results.
    with CaptureQueriesContext(connection) as context:
        results = search(user=None, query="Home City harbour", semantic=False, limit=3)
    assert len(results.hits) == 3
    assert hit_rows_read(context.captured_queries) == sorted(
        hit.document.id for hit in results.hits
    )
