"""The section registry that lets low pages show the records of apps above them."""

import pytest

from intercity.core import sections
from intercity.core.sections import Section


@pytest.fixture
def probe():
    """A section registered for the test only."""
    registered = []

    def add(**kwargs):
        section = sections.register(Section(**kwargs))
        registered.append(section)
        return section

    yield add
    for section in registered:
        sections.unregister(section.slot, section.name)


def test_sections_come_in_page_order_whatever_the_registration_order(probe):
    probe(slot="city", name="zz-late", template="x.html", order=999)
    probe(slot="city", name="aa-early", template="x.html", order=-1)
    names = [section.name for section in sections.sections("city")]
    assert names[0] == "aa-early"
    assert names[-1] == "zz-late"


def test_every_app_above_cities_adds_its_part_of_the_city_page():
    names = [section.name for section in sections.sections("city")]
    assert names == [
        "meetings",
        "programmes",
        "agreements",
        "commitments",
        "knowledge",
        "indicators",
        "solidarity",
    ]


def test_registering_the_same_name_again_replaces_the_section(probe):
    probe(slot="home", name="probe", template="first.html")
    probe(slot="home", name="probe", template="second.html")
    templates = [s.template for s in sections.sections("home") if s.name == "probe"]
    assert templates == ["second.html"]


def test_an_unknown_slot_is_refused():
    with pytest.raises(ValueError, match="Unknown slot"):
        sections.register(Section(slot="nowhere", name="probe", template="x.html"))


def test_filling_a_slot_passes_its_arguments_to_each_section(probe, db):
    probe(slot="home", name="probe", template="x.html", context=lambda *, user: {"who": user})
    filled = {f.section.name: f.context for f in sections.fill("home", user="reader")}
    assert filled["probe"] == {"who": "reader"}


def test_filling_a_slot_with_the_wrong_arguments_is_refused():
    with pytest.raises(TypeError):
        sections.fill("city", user=None)
