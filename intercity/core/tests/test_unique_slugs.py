"""Slugs for many new records at once: free, distinct, readable where they can be."""

import re

import pytest

from intercity.core.slugs import unique_slugs
from intercity.organisations.models import Organisation
from intercity.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_each_text_takes_the_first_free_numbered_form():
    OrganisationFactory(slug="solar")
    OrganisationFactory(slug="solar-3")
    slugs = unique_slugs(Organisation, ["Solar", "SOLAR", "Wind", "Solar"])
    assert slugs == ["solar-2", "solar-4", "wind", "solar-5"]


def test_a_base_whose_forms_are_all_taken_gets_a_random_suffix():
    for slug in ["busy", "busy-2", "busy-3", "busy-4"]:
        OrganisationFactory(slug=slug)
    (slug,) = unique_slugs(Organisation, ["Busy"])
    assert re.fullmatch(r"busy-[0-9a-f]{8}", slug)


def test_a_name_in_another_script_still_gets_a_slug_and_long_names_are_cut():
    slugs = unique_slugs(Organisation, ["東京", "x" * 120, "x" * 120], max_length=100)
    assert slugs[0] and len(set(slugs)) == 3
    assert slugs[1] == "x" * 100 and slugs[2] == "x" * 98 + "-2"
