"""The incident and drill lists: empty states in words, filters, pages, bounded queries."""

import datetime

import pytest
from django.urls import reverse

from intercity.solidarity import services
from intercity.solidarity.models import AffectedCity, Incident
from intercity.testing.solidarity_factories import active_incident

pytestmark = pytest.mark.django_db


def test_the_incident_list_says_nothing_is_recorded_when_there_is_nothing(client, net):
    text = client.get(reverse("solidarity:list")).content.decode()
    assert "No incidents recorded." in text
    assert "No incident matches these filters." not in text


def test_the_incident_list_says_the_filters_find_nothing_when_incidents_exist(client, net):
    active_incident(affected=[net.manila], name="Flood in the delta")
    text = client.get(reverse("solidarity:list"), {"q": "volcano"}).content.decode()
    assert "No incident matches these filters." in text
    assert "No incidents recorded." not in text


def test_the_incident_list_filters_by_affected_and_reporting_city(client, net):
    manila = active_incident(affected=[net.manila], name="Flood in the delta")
    active_incident(affected=[net.tokyo], name="Quake in the bay")
    Incident.objects.filter(pk=manila.pk).update(reported_by_city=net.manila)
    page = reverse("solidarity:list")

    affecting = client.get(page, {"city": net.manila.slug}).content.decode()
    reported = client.get(page, {"reported_by": net.manila.slug}).content.decode()
    none_reported = client.get(page, {"reported_by": net.tokyo.slug}).content.decode()
    api = client.get("/api/v1/incidents/", {"city": net.tokyo.slug}).json()

    assert "Flood in the delta" in affecting and "Quake in the bay" not in affecting
    assert "Flood in the delta" in reported and "Quake in the bay" not in reported
    assert "No incident matches these filters." in none_reported
    assert [row["name"] for row in api["results"]] == ["Quake in the bay"]
    assert client.get("/api/v1/incidents/", {"reported_by": "atlantis"}).status_code == 400


def test_a_dismissed_city_does_not_find_the_incident(client, net):
    incident = active_incident(affected=[net.manila, net.seoul], name="Flood in the delta")
    AffectedCity.objects.filter(incident=incident, city=net.seoul).update(
        status=AffectedCity.Status.DISMISSED
    )
    text = client.get(reverse("solidarity:list"), {"city": net.seoul.slug}).content.decode()
    assert "No incident matches these filters." in text


def _drill(net, title, *, year=2031, kind="earthquake", scenario="Shaking at dawn."):
    return services.drill_create(
        actor=net.tokyo_focal,
        meeting={
            "title": title,
            "host_city": net.tokyo,
            "year": year,
            "start_date": datetime.date(year, 9, 1),
        },
        cities={net.seoul: "delegate"},
        data={"scenario_kind": kind, "scenario": scenario, "objectives": ["Report in an hour"]},
    )


def test_the_drill_list_filters_by_scenario_and_words(client, net):
    _drill(net, "Harbour earthquake drill")
    _drill(net, "River flood drill", kind="flood", scenario="The river breaks its banks.")
    by_kind = client.get(reverse("solidarity:drills"), {"scenario": "flood"}).content.decode()
    by_words = client.get(reverse("solidarity:drills"), {"q": "banks"}).content.decode()
    assert "River flood drill" in by_kind and "Harbour earthquake drill" not in by_kind
    assert "River flood drill" in by_words and "Harbour earthquake drill" not in by_words


def test_the_drill_list_finds_a_drill_by_its_title_in_another_language(client, net):
    drill = _drill(net, "Harbour earthquake drill")
    _drill(net, "River flood drill", kind="flood")
    drill.meeting.titles = {"ja": "港湾地震訓練"}
    drill.meeting.save(update_fields=["titles"])
    found = client.get(reverse("solidarity:drills"), {"q": "港湾"}).content.decode()
    by_code = client.get(reverse("solidarity:drills"), {"q": "ja"}).content.decode()
    assert "Harbour earthquake drill" in found
    assert "River flood drill" not in found
    assert "No drill matches these filters." in by_code


def test_the_drill_list_tells_no_match_apart_from_nothing_recorded(client, net):
    assert "No drills recorded." in client.get(reverse("solidarity:drills")).content.decode()
    _drill(net, "Harbour earthquake drill")
    text = client.get(reverse("solidarity:drills"), {"q": "volcano"}).content.decode()
    assert "No drill matches these filters." in text
    assert "No drills recorded." not in text


def test_the_drill_list_comes_in_pages_with_bounded_queries(
    client, net, django_assert_max_num_queries
):
    for year in range(1991, 1993):
        _drill(net, f"Drill of {year}", year=year)
    with django_assert_max_num_queries(12) as small:
        assert client.get(reverse("solidarity:drills")).status_code == 200
    for year in range(1993, 2017):
        _drill(net, f"Drill of {year}", year=year)
    with django_assert_max_num_queries(len(small.captured_queries)):
        first = client.get(reverse("solidarity:drills")).content.decode()
    second = client.get(reverse("solidarity:drills"), {"page": "2"}).content.decode()
    assert "Drill of 2016" in first and "Drill of 1991" not in first
    assert "Drill of 1991" in second and 'rel="prev"' in second
