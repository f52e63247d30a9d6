"""A city's solidarity section: incidents that affected it, help it gave and received."""

import pytest
from django.template.loader import render_to_string

from intercity.solidarity import services
from intercity.solidarity.sections import TEMPLATE, city_section_context, city_solidarity
from intercity.testing.solidarity_factories import active_incident, need, offer

pytestmark = pytest.mark.django_db


def test_the_section_lists_incidents_and_help_both_ways(net):
    incident = active_incident(affected=[net.manila])
    accepted = services.offer_accept(
        actor=None,
        need=need(incident, net.manila, quantity=10),
        offer=offer(net.tokyo, quantity=10, incident=incident),
    )

    manila = city_solidarity(city=net.manila, user=None)
    tokyo = city_solidarity(city=net.tokyo, user=None)

    assert manila.incidents == [incident] and manila.received == [accepted]
    assert tokyo.incidents == [] and tokyo.given == [accepted]
    html = render_to_string(TEMPLATE, city_section_context(city=net.tokyo, user=None))
    assert "10 tents to Metro Manila" in html


def test_network_only_help_stays_out_of_the_public_section(net):
    incident = active_incident(affected=[net.manila], visibility="network")
    need(incident, net.manila, quantity=10)

    assert not city_solidarity(city=net.manila, user=None)
    assert city_solidarity(city=net.manila, user=net.tokyo_focal).incidents == [incident]


def test_the_section_runs_two_queries(net, django_assert_num_queries):
    for n in range(3):
        active_incident(affected=[net.manila], name=f"Flood {n}")

    with django_assert_num_queries(2):
        city_solidarity(city=net.manila, user=None)


def test_the_home_section_shows_active_public_incidents(net):
    from intercity.solidarity.sections import HOME_TEMPLATE, home_section_context

    active_incident(affected=[net.manila], name="Flood in Metro Manila")
    active_incident(affected=[net.manila], name="Hidden flood", visibility="network")

    html = render_to_string(HOME_TEMPLATE, home_section_context(user=None))

    assert "Flood in Metro Manila" in html and "Hidden flood" not in html
