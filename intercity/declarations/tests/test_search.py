"""Declarations and their clauses are found by the platform search, drafts only by insiders."""

import pytest

from intercity.declarations.models import Declaration
from intercity.declarations.services import declaration_import
from intercity.web.selectors import site_search

TEXT = """Bangkok Declaration on Clean Rivers

We, the representatives of Bangkok and Hanoi, met in Bangkok from 3 to 4 May 2031.

Recalling our shared rivers;

Hereby we declare:

1. to restore the canals with wetland filters;
2. to share flood forecasting data between our cities.
"""


@pytest.fixture
def declaration(cast):
    return declaration_import(actor=cast.secretariat, text=TEXT)


def test_a_clause_is_found_by_its_words(declaration, cast):
    results = site_search(user=None, query="wetland filters")
    hit = next(hit.document for hit in results.hits if hit.document.doc_type == "clause")
    assert hit.url.endswith("#clause-1")
    assert "clause 1" in hit.title


def test_the_declaration_itself_is_found_by_its_title(declaration):
    results = site_search(user=None, query="Clean Rivers")
    assert any(hit.document.doc_type == "declaration" for hit in results.hits)


def test_a_draft_declaration_is_neither_shown_nor_counted_to_the_public(cast):
    draft = declaration_import(
        actor=cast.secretariat, text=TEXT, corrections={"status": Declaration.Status.DRAFT}
    )
    assert not draft.is_adopted
    public = site_search(user=None, query="wetland filters")
    assert public.total == 0
    assert site_search(user=cast.secretariat, query="wetland filters").total >= 1
