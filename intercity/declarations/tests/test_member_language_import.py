"""A declaration in a member language imports with its articles, paragraphs and facts."""

import pytest

from intercity.declarations.services import declaration_import
from intercity.declarations.tests.test_member_language_formulas import DECLARATIONS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "text", "title", "adopted_on", "participants"),
    DECLARATIONS,
    ids=[row[0] for row in DECLARATIONS],
)
def test_it_imports_the_articles_and_their_numbered_paragraphs(
    cast, language, text, title, adopted_on, participants
):
    declaration = declaration_import(actor=cast.secretariat, text=text)
    assert declaration.title == title
    assert declaration.language == language.split("-")[0]
    assert str(declaration.adopted_on or "") == (adopted_on or "")
    assert declaration.clauses.count() == 2
    assert declaration.slug
