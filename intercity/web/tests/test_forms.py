"""Bad input on the pages gets field errors and a 400, never a 500, and nothing is written."""

import pytest

from intercity.meetings.models import Meeting
from intercity.programmes.models import Programme
from intercity.testing.factories import MeetingFactory, meeting_form_data


def test_a_meeting_that_ends_before_it_starts_is_refused_on_the_field(cast, client_for):
    client = client_for(cast.focal_point)
    response = client.post("/meetings/new/", meeting_form_data(cast.home, end_date="2031-05-01"))
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()
    assert not Meeting.objects.exists()


def test_an_unknown_time_zone_is_refused_on_the_field(cast, client_for):
    client = client_for(cast.secretariat)
    response = client.post("/meetings/new/", meeting_form_data(cast.home, time_zone="Mars/Olympus"))
    assert response.status_code == 400
    assert "not a known time zone" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_plenary_needs_its_number(cast, client_for):
    response = client_for(cast.secretariat).post(
        "/meetings/new/", meeting_form_data(cast.home, kind="plenary")
    )
    assert response.status_code == 400
    assert "needs its number" in response.content.decode()


def test_a_focal_point_cannot_record_a_meeting_hosted_by_another_city(cast, client_for):
    response = client_for(cast.focal_point).post("/meetings/new/", meeting_form_data(cast.other))
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_a_valid_meeting_is_created_with_its_host_and_an_audit_entry(cast, client_for):
    response = client_for(cast.focal_point).post("/meetings/new/", meeting_form_data(cast.home))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.city_roles.get().role == "host"
    entry = meeting.history.get()
    assert entry.history_user == cast.focal_point
    assert entry.history_change_reason == "meetings.meeting.created"


def programme_form(city, **overrides):
    data = {"name": "Heat island pilot", "kind": "pilot", "status": "active", "lead_city": city.pk}
    return data | overrides


def test_a_running_pilot_without_an_end_date_is_refused(cast, client_for):
    response = client_for(cast.focal_point).post(
        "/programmes/new/", programme_form(cast.home, start_date="2031-01-01")
    )
    assert response.status_code == 400
    assert "needs an end date" in response.content.decode()
    assert not Programme.objects.exists()


def test_a_pilot_shows_as_ended_after_its_end_date(cast, client_for):
    response = client_for(cast.focal_point).post(
        "/programmes/new/",
        programme_form(cast.home, start_date="2020-01-01", end_date="2020-06-30"),
    )
    assert response.status_code == 302
    pilot = Programme.objects.get()
    assert pilot.status == "active" and pilot.is_ended
    page = client_for(None).get(f"/programmes/{pilot.slug}/").content.decode()
    assert "Ended" in page


@pytest.mark.parametrize("field", ["year", "start_date"])
def test_garbage_in_typed_fields_is_a_field_error(cast, client_for, field):
    response = client_for(cast.secretariat).post(
        "/meetings/new/", meeting_form_data(cast.home, **{field: "soon"})
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_editing_keeps_a_history_of_who_changed_what(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)
    data = meeting_form_data(cast.home, title="Renamed meeting", year=2030)
    data.update(start_date="2030-05-06", end_date="2030-05-07")
    response = client_for(cast.focal_point).post(f"/meetings/{meeting.slug}/edit/", data)
    assert response.status_code == 302
    page = client_for(None).get(f"/meetings/{meeting.slug}/").content.decode()
    assert "Home City focal point updated the meeting" in page
    assert "meetings.meeting.updated" not in page
    assert "title changed from" in page and "Renamed meeting" in page


def test_a_meeting_records_represented_and_observer_cities(cast, client_for):
    data = meeting_form_data(cast.home, represented=[cast.other.pk])
    response = client_for(cast.focal_point).post("/meetings/new/", data)
    assert response.status_code == 302
    roles = dict(Meeting.objects.get().city_roles.values_list("city__name", "role"))
    assert roles == {"Home City": "host", "Other City": "delegate"}


def test_a_city_cannot_be_both_represented_and_observer(cast, client_for):
    data = meeting_form_data(cast.home, represented=[cast.other.pk], observers=[cast.other.pk])
    response = client_for(cast.focal_point).post("/meetings/new/", data)
    assert response.status_code == 400
    assert "Already represented" in response.content.decode()


def test_agenda_times_are_read_in_the_meetings_time_zone(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home, time_zone="Asia/Tokyo")
    response = client_for(cast.focal_point).post(
        f"/meetings/{meeting.slug}/sessions/new/",
        {"title": "Opening", "kind": "plenary", "starts_at": "2030-05-06T09:00", "position": 1},
    )
    assert response.status_code == 302
    session = meeting.sessions.get()
    assert session.starts_at.isoformat() == "2030-05-06T00:00:00+00:00"
    page = client_for(None).get(f"/meetings/{meeting.slug}/").content.decode()
    assert "09:00" in page


def test_only_the_host_city_adds_agenda_items(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)
    url = f"/meetings/{meeting.slug}/sessions/new/"
    assert client_for(cast.other_focal_point).post(url, {"title": "X"}).status_code == 404
    assert not meeting.sessions.exists()
