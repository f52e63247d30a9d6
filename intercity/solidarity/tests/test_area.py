"""An incident's area suggests the member cities it touches; a person confirms them."""

import pytest
from django.core import mail

from intercity.solidarity import geo, services
from intercity.solidarity.models import AffectedCity

PLACES = [geo.Place(1, 14.6042, 120.9822), geo.Place(2, 35.6895, 139.6917)]


def test_a_circle_suggests_the_cities_inside_it():
    area = geo.Area(latitude=14.0, longitude=121.0, radius_km=100)

    assert [n.key for n in geo.places_near(area, PLACES, within_km=0)] == [1]


def test_a_point_without_radius_reaches_as_far_as_the_margin():
    area = geo.Area(latitude=14.9, longitude=121.0)

    near = geo.places_near(area, PLACES, within_km=50)

    assert [n.key for n in near] == [1]
    assert 30 < near[0].distance_km < 35


def test_a_polygon_contains_the_cities_inside_and_measures_those_outside():
    manila_box = ((14.0, 120.5), (15.0, 120.5), (15.0, 121.5), (14.0, 121.5), (14.0, 120.5))
    area = geo.Area(polygon=manila_box)

    assert geo.distance_to_area_km(14.6042, 120.9822, area) == 0
    assert 2700 < geo.distance_to_area_km(35.6895, 139.6917, area) < 3100


pytestmark = pytest.mark.django_db


def test_recording_an_incident_suggests_and_a_person_confirms(net):
    incident = services.incident_create(
        actor=net.secretariat,
        data={
            "name": "Earthquake near Tokyo",
            "kind": "earthquake",
            "status": "active",
            "latitude": 35.5,
            "longitude": 139.5,
            "radius_km": 20,
        },
    )
    link = AffectedCity.objects.get(incident=incident)
    assert (link.city, link.status) == (net.tokyo, "suggested")

    services.affected_city_decide(
        actor=net.secretariat, incident=incident, city=net.tokyo, confirmed=True
    )

    link.refresh_from_db()
    assert link.status == "confirmed" and link.decided_by == net.secretariat


def test_moving_the_area_keeps_decisions_and_adds_new_suggestions(net):
    incident = services.incident_create(
        actor=net.secretariat,
        data={"name": "Flood", "kind": "flood", "latitude": 35.6, "longitude": 139.7},
    )
    services.affected_city_decide(
        actor=net.secretariat, incident=incident, city=net.tokyo, confirmed=False
    )

    services.incident_update(
        actor=net.secretariat,
        incident=incident,
        data={"latitude": 36.5, "longitude": 133.0, "radius_km": 800},
    )

    links = {link.city.slug: link.status for link in incident.affected.all()}
    assert links == {"tokyo": "dismissed", "seoul": "suggested"}


def test_confirmation_emails_the_affected_and_nearby_focal_points(
    net, mailoutbox, django_capture_on_commit_callbacks
):
    incident = services.incident_create(
        actor=net.secretariat,
        data={
            "name": "Typhoon over Tokyo",
            "kind": "tropical_cyclone",
            "status": "active",
            "latitude": 35.6,
            "longitude": 139.7,
            "radius_km": 50,
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.incident_confirm(actor=net.secretariat, incident=incident, cities=[net.tokyo])

    to = sorted(m.to[0] for m in mail.outbox)
    # Seoul is about 1,160 km away, within the nearby distance; Manila is about 3,000 km.
    assert to == ["seoul.focal@example.org", "tokyo.focal@example.org"]
    tokyo_mail = next(m for m in mail.outbox if m.to == ["tokyo.focal@example.org"])
    assert "Typhoon over Tokyo" in tokyo_mail.subject
    assert "needs board" in tokyo_mail.body


def test_the_daily_digest_goes_out_while_the_incident_is_active(net, mailoutbox):
    incident = services.incident_create(
        actor=net.secretariat,
        data={
            "name": "Flood",
            "kind": "flood",
            "status": "active",
            "latitude": 35.6,
            "longitude": 139.7,
        },
    )
    services.incident_confirm(actor=net.secretariat, incident=incident, cities=[net.tokyo])
    mail.outbox.clear()

    assert services.digest_send() == 2
    services.incident_set_status(actor=net.secretariat, incident=incident, status="closed")
    mail.outbox.clear()
    assert services.digest_send() == 0


def test_the_daily_digest_is_written_in_each_recipients_language(net, mailoutbox):
    from django.utils import translation

    net.tokyo_focal.language = "th"
    net.tokyo_focal.save()
    incident = services.incident_create(
        actor=net.secretariat,
        data={"name": "Flood", "kind": "flood", "status": "active", "latitude": 35.6,
              "longitude": 139.7},
    )  # fmt: skip
    services.incident_confirm(actor=net.secretariat, incident=incident, cities=[net.tokyo])
    mail.outbox.clear()
    services.digest_send()
    by_address = {m.to[0]: m for m in mail.outbox}
    with translation.override("th"):
        subject = translation.gettext("Daily summary: %(name)s") % {"name": "Flood"}
    assert subject != "Daily summary: Flood", "no Thai translation"
    assert by_address[net.tokyo_focal.email].subject == subject
    assert by_address["seoul.focal@example.org"].subject == "Daily summary: Flood"
