"""Time zones named as a reader understands them: the member city whose clock it is, in the
reader's language, and the UTC offset; the IANA id stays in the title."""

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import engines
from django.urls import reverse
from django.utils import timezone, translation

from intercity.accounts.time_zones import PLACE_SESSION_KEY, SESSION_KEY
from intercity.testing.factories import CityFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_meeting_page_names_its_zone_by_the_host_city_in_the_readers_language(client):
    hanoi = CityFactory(name="Hanoi", names={"vi": "Hà Nội", "ja": "ハノイ"})
    meeting = MeetingFactory(host_city=hanoi, time_zone="Asia/Ho_Chi_Minh")
    shown = '<span class="time-zone-name" title="Asia/Ho_Chi_Minh" translate="no">{}</span>'
    for language, name in (("vi", "Hà Nội"), ("ja", "ハノイ"), ("en", "Hanoi")):
        page = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).text
        assert shown.format(f"{name} (UTC+07:00)") in page  # the facts
        assert shown.format(f"{name}, UTC+07:00") in page  # the agenda's note
        assert ">Asia/Ho_Chi_Minh<" not in page


def test_a_zone_of_another_member_city_is_named_by_that_city_and_else_by_its_offset(client):
    CityFactory(name="Yangon", names={"my": "ရန်ကုန်"}, time_zone="Asia/Yangon")
    meeting = MeetingFactory(time_zone="Asia/Yangon")
    page = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="my").text
    assert 'title="Asia/Yangon" translate="no">ရန်ကုန် (UTC+06:30)</span>' in page
    meeting = MeetingFactory(time_zone="Asia/Kolkata")
    page = client.get(meeting.get_absolute_url()).text
    assert 'title="Asia/Kolkata" translate="no">UTC+05:30</span>' in page


def test_the_footer_names_the_readers_zone_from_the_session_without_a_query(
    rf, django_assert_num_queries
):
    template = engines["django"].from_string("{% load time_zones %}{% current_time_zone %}")
    request = rf.get("/")
    request.session = SessionStore()
    request.session[SESSION_KEY] = "Asia/Yangon"
    request.session[PLACE_SESSION_KEY] = {"en": "Yangon", "ja": "ヤンゴン"}
    with timezone.override("Asia/Yangon"), translation.override("ja"):
        with django_assert_num_queries(0):
            shown = template.render({"request": request})
    assert (
        shown == '<span class="time-zone-name" title="Asia/Yangon" translate="no">'
        "ヤンゴン (UTC+06:30)</span>"
    )


def test_signing_in_keeps_the_city_name_in_every_language(cast, client_for):
    cast.home.time_zone = "Asia/Kolkata"
    cast.home.names = {"hi": "नगर"}
    cast.home.save()
    focal = client_for(cast.focal_point)
    assert focal.session[PLACE_SESSION_KEY]["hi"] == "नगर"
    assert focal.session[PLACE_SESSION_KEY]["en"] == cast.home.name
    page = focal.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="hi").text
    assert 'title="Asia/Kolkata" translate="no">नगर (UTC+05:30)</span>' in page


def test_a_renamed_city_renames_its_zone_at_once(cast, client, django_capture_on_commit_callbacks):
    from intercity.cities.services import city_update

    meeting = MeetingFactory(time_zone="Asia/Yangon")
    city = CityFactory(name="Rangoon", time_zone="Asia/Yangon")
    assert (
        'title="Asia/Yangon" translate="no">Rangoon ('
        in client.get(meeting.get_absolute_url()).text
    )
    with django_capture_on_commit_callbacks(execute=True):
        city_update(actor=cast.secretariat, city=city, data={"name": "Yangon"})
    assert (
        'title="Asia/Yangon" translate="no">Yangon (' in client.get(meeting.get_absolute_url()).text
    )


def test_the_business_event_page_names_the_zone_its_slots_are_in(cast, client_for):
    from intercity.testing.business_factories import EventFactory, add_slots

    cast.home.time_zone = "Asia/Yangon"
    cast.home.names = {"ja": "ヤンゴン"}
    cast.home.save()
    event = EventFactory(meeting__host_city=cast.home, meeting__time_zone="Asia/Yangon")
    add_slots(event)
    page = client_for(cast.focal_point).get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja")
    assert page.status_code == 200
    assert 'title="Asia/Yangon" translate="no">ヤンゴン, UTC+06:30</span>' in page.text


def test_a_city_page_and_the_city_list_name_the_zone_as_meeting_pages_do(
    client, django_assert_max_num_queries
):
    hanoi = CityFactory(name="Hanoi", names={"vi": "Hà Nội"}, time_zone="Asia/Ho_Chi_Minh")
    tomsk = CityFactory(name="Tomsk", names={"vi": "Tomsk"}, time_zone="Asia/Tomsk")
    shown = '<span class="time-zone-name" title="{}" translate="no">{}</span>'
    page = client.get(hanoi.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="vi").text
    assert shown.format("Asia/Ho_Chi_Minh", "Hà Nội (UTC+07:00)") in page
    assert ">Asia/Ho_Chi_Minh<" not in page
    # The list names each city's own zone by the city in its row, with no query per row.
    with django_assert_max_num_queries(8):
        listing = client.get(reverse("cities:list"), HTTP_ACCEPT_LANGUAGE="vi").text
    assert shown.format("Asia/Ho_Chi_Minh", "Hà Nội (UTC+07:00)") in listing
    assert shown.format("Asia/Tomsk", "Tomsk (UTC+07:00)") in listing
    assert ">Asia/Tomsk<" not in listing
    assert tomsk.time_zone in listing  # the IANA id stays, in the title
