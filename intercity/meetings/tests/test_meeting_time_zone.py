"""A new meeting is held in its host city's time zone unless told otherwise: the form starts
from the focal point's city's zone, follows the chosen host, and a meeting recorded without
a zone takes its host's."""

import json
import re

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_create
from intercity.testing.factories import meeting_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones(cast):
    cast.home.time_zone = "Asia/Ho_Chi_Minh"
    cast.home.save(update_fields=["time_zone"])
    cast.other.time_zone = "Asia/Tokyo"
    cast.other.save(update_fields=["time_zone"])
    return cast


def _tag(page: str, name: str) -> str:
    found = re.search(rf'<(?:select|input)[^>]*\bname="{name}"[^>]*>', page)
    return found.group(0) if found else ""


def test_a_focal_points_new_meeting_starts_in_their_citys_zone(zones, client_for):
    page = client_for(zones.focal_point).get(reverse("meetings:create")).text
    assert 'value="Asia/Ho_Chi_Minh"' in _tag(page, "time_zone")


def test_the_host_choice_carries_each_citys_zone_for_the_form_to_follow(zones, client_for):
    page = client_for(zones.secretariat).get(reverse("meetings:create")).text
    host = _tag(page, "host_city")
    assert 'data-fills="time_zone"' in host
    found = re.search(r"data-fill-values=\"([^\"]*)\"", host)
    values = json.loads(found.group(1).replace("&quot;", '"'))
    assert values[str(zones.other.pk)] == "Asia/Tokyo"
    assert values[str(zones.home.pk)] == "Asia/Ho_Chi_Minh"
    assert 'value="UTC"' not in _tag(page, "time_zone")


def test_a_meeting_posted_without_a_zone_is_held_in_its_hosts(zones, client_for):
    data = meeting_form_data(zones.other, title="Tokyo workshop", time_zone="")
    answer = client_for(zones.secretariat).post(reverse("meetings:create"), data)
    assert answer.status_code == 302
    assert Meeting.objects.get(title="Tokyo workshop").time_zone == "Asia/Tokyo"


def test_a_chosen_zone_is_kept(zones, client_for):
    data = meeting_form_data(zones.other, title="Online call", time_zone="UTC")
    client_for(zones.secretariat).post(reverse("meetings:create"), data)
    assert Meeting.objects.get(title="Online call").time_zone == "UTC"


def test_the_service_gives_a_meeting_without_a_zone_its_hosts(zones):
    meeting = meeting_create(
        actor=zones.secretariat,
        data={
            "title": "Tokyo forum",
            "slug": "tokyo-forum",
            "kind": "expert",
            "year": 2031,
            "host_city": zones.other,
        },
    )
    assert meeting.time_zone == "Asia/Tokyo"


def test_the_api_gives_a_meeting_without_a_zone_its_hosts(zones, client_for):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=zones.secretariat)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    payload = {
        "title": "Tokyo API forum",
        "slug": "tokyo-api-forum",
        "kind": "expert",
        "year": 2031,
        "host_city": zones.other.slug,
    }
    answer = client.post("/api/v1/meetings/", payload, format="json")
    assert answer.status_code == 201, answer.content
    assert Meeting.objects.get(title="Tokyo API forum").time_zone == "Asia/Tokyo"
