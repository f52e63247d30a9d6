"""An imported declaration's slug names its year once."""

import pytest

from intercity.declarations.services import declaration_import
from intercity.testing.declaration_factories import SHORT_DECLARATION

pytestmark = pytest.mark.django_db


def test_a_title_without_its_year_gets_the_year_in_the_slug(cast):
    declaration = declaration_import(actor=cast.secretariat, text=SHORT_DECLARATION)
    assert declaration.slug == "riverside-declaration-2020"


def test_a_title_that_names_its_year_does_not_repeat_it(cast):
    text = SHORT_DECLARATION.replace("Riverside Declaration", "Riverside Declaration 2020", 1)
    declaration = declaration_import(actor=cast.secretariat, text=text)
    assert declaration.title == "Riverside Declaration 2020"
    assert declaration.slug == "riverside-declaration-2020"


def test_a_vietnamese_title_keeps_its_d_in_the_slug(cast):
    text = SHORT_DECLARATION.replace("Riverside Declaration", "Tuyên bố Đà Lạt về đô thị", 1)
    declaration = declaration_import(actor=cast.secretariat, text=text)
    assert declaration.slug == "tuyen-bo-da-lat-ve-do-thi-2020"
