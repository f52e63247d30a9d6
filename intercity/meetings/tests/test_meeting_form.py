"""The meeting form offers only what the user may choose: a focal point no new plenary, and
a hosted plenary's kind and number shown as fixed while its logistics stay editable; nobody
the meeting itself as the one it is held alongside."""

import datetime
import re

import pytest
from django.urls import reverse

from intercity.meetings.models import Meeting
from intercity.testing.factories import MeetingFactory, meeting_form_data

pytestmark = pytest.mark.django_db


def _tag(page: str, name: str) -> str:
    """The opening tag of the form control called `name`, or '' when there is none."""
    found = re.search(rf'<(?:select|input)[^>]*\bname="{name}"[^>]*>', page)
    return found.group(0) if found else ""


def _kinds(page: str) -> list[str]:
    select = re.search(r'<select[^>]*\bname="kind".*?</select>', page, re.DOTALL)
    return re.findall(r'<option value="([^"]*)"', select.group(0))


def _plenary(city, ordinal=12):
    return MeetingFactory(
        kind=Meeting.Kind.PLENARY, ordinal=ordinal, host_city=city, venue="Old hall"
    )


def test_a_focal_point_is_not_offered_a_plenary_on_a_new_meeting(cast, client_for):
    page = client_for(cast.focal_point).get(reverse("meetings:create")).text
    assert "plenary" not in _kinds(page)
    assert "expert" in _kinds(page)
    assert _tag(page, "ordinal") == ""


def test_the_secretariat_is_offered_a_plenary_and_its_number(cast, client_for):
    page = client_for(cast.secretariat).get(reverse("meetings:create")).text
    assert "plenary" in _kinds(page)
    assert _tag(page, "ordinal")


def test_a_focal_point_editing_another_kind_of_meeting_is_not_offered_a_plenary(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)
    page = client_for(cast.focal_point).get(reverse("meetings:edit", args=[meeting.slug])).text
    assert "plenary" not in _kinds(page)
    assert _tag(page, "ordinal") == ""


def test_a_focal_point_sees_its_plenarys_kind_and_number_as_fixed(cast, client_for):
    plenary = _plenary(cast.home)
    answer = client_for(cast.focal_point).get(reverse("meetings:edit", args=[plenary.slug]))
    assert answer.status_code == 200
    assert "disabled" in _tag(answer.text, "kind")
    assert "disabled" in _tag(answer.text, "ordinal")
    assert 'value="12"' in _tag(answer.text, "ordinal")
    assert "Only the secretariat numbers the plenary meetings." in answer.text


def test_the_secretariat_may_change_a_plenarys_kind_and_number(cast, client_for):
    plenary = _plenary(cast.home)
    page = client_for(cast.secretariat).get(reverse("meetings:edit", args=[plenary.slug])).text
    assert "disabled" not in _tag(page, "kind")
    assert "disabled" not in _tag(page, "ordinal")


def test_a_focal_point_saves_its_plenarys_logistics(cast, client_for):
    plenary = _plenary(cast.home)
    answer = client_for(cast.focal_point).post(
        reverse("meetings:edit", args=[plenary.slug]),
        meeting_form_data(
            cast.home, title=plenary.title, kind="plenary", ordinal="12", venue="River hall"
        ),
    )
    assert answer.status_code == 302
    plenary.refresh_from_db()
    assert (plenary.venue, plenary.kind, plenary.ordinal) == ("River hall", "plenary", 12)


def test_a_forged_kind_or_number_on_a_plenary_is_ignored(cast, client_for):
    plenary = _plenary(cast.home)
    answer = client_for(cast.focal_point).post(
        reverse("meetings:edit", args=[plenary.slug]),
        meeting_form_data(
            cast.home, title=plenary.title, kind="expert", ordinal="13", venue="River hall"
        ),
    )
    assert answer.status_code == 302
    plenary.refresh_from_db()
    assert (plenary.venue, plenary.kind, plenary.ordinal) == ("River hall", "plenary", 12)


def test_a_forged_plenary_from_a_focal_point_is_refused_and_nothing_is_written(cast, client_for):
    client = client_for(cast.focal_point)
    created = client.post(
        reverse("meetings:create"), meeting_form_data(cast.home, kind="plenary", ordinal=1)
    )
    assert created.status_code == 400
    assert not Meeting.objects.exists()
    meeting = MeetingFactory(host_city=cast.home, title="Waste experts")
    edited = client.post(
        reverse("meetings:edit", args=[meeting.slug]),
        meeting_form_data(cast.home, title="Promoted", kind="plenary", ordinal="1"),
    )
    assert edited.status_code == 400
    meeting.refresh_from_db()
    assert (meeting.title, meeting.kind, meeting.ordinal) == ("Waste experts", "expert", None)


def test_a_focal_point_records_another_kind_of_meeting(cast, client_for):
    answer = client_for(cast.focal_point).post(
        reverse("meetings:create"), meeting_form_data(cast.home)
    )
    assert answer.status_code == 302
    assert Meeting.objects.get().kind == "expert"


def test_the_secretariat_opens_a_numbered_plenary(cast, client_for):
    answer = client_for(cast.secretariat).post(
        reverse("meetings:create"), meeting_form_data(cast.home, kind="plenary", ordinal="13")
    )
    assert answer.status_code == 302
    assert Meeting.objects.get().ordinal == 13


def test_a_meeting_is_not_offered_as_held_alongside_itself(cast, client_for):
    meeting = MeetingFactory(host_city=cast.home)
    other = MeetingFactory(host_city=cast.home)
    page = client_for(cast.focal_point).get(reverse("meetings:edit", args=[meeting.slug])).text
    select = re.search(r'<select[^>]*\bname="parent".*?</select>', page, re.DOTALL).group(0)
    offered = re.findall(r'<option value="(\d+)"', select)
    assert offered == [str(other.pk)]


def test_a_focal_point_is_offered_only_their_city_as_host_with_no_empty_choice(cast, client_for):
    page = client_for(cast.focal_point).get(reverse("meetings:create")).text
    select = page[
        page.index('name="host_city"') : page.index("</select>", page.index('name="host_city"'))
    ]
    assert select.count("<option") == 1
    assert f'value="{cast.home.pk}" selected' in select
    secretariat = client_for(cast.secretariat).get(reverse("meetings:create")).text
    assert secretariat.count('name="host_city"') == 1
    assert '<option value="" selected>' in secretariat[secretariat.index('name="host_city"') :]


@pytest.mark.parametrize("language", ["th", "ru", "zh-hant", "fil", "id", "my"])
def test_the_edit_form_gives_the_dates_as_the_browser_date_picker_reads_them(
    cast, client_for, language
):
    # A date input drops a value such as 18/11/2013, and saving the form then cleared the date.
    meeting = MeetingFactory(
        host_city=cast.home,
        start_date=datetime.date(2013, 11, 18),
        end_date=datetime.date(2013, 11, 19),
        year=2013,
    )
    page = (
        client_for(cast.secretariat)
        .get(reverse("meetings:edit", args=[meeting.slug]), HTTP_ACCEPT_LANGUAGE=language)
        .text
    )
    assert 'value="2013-11-18"' in _tag(page, "start_date")
    assert 'value="2013-11-19"' in _tag(page, "end_date")


def test_the_participating_cities_are_ticked_one_by_one(cast, client_for):
    # A multiple-choice list drops every other city when one is clicked without a key held.
    page = client_for(cast.secretariat).get(reverse("meetings:create")).text
    for name in ("represented", "observers"):
        assert f'type="checkbox" name="{name}"' in page
        assert not re.search(rf'<select[^>]*\bname="{name}"', page)
