"""Meeting pages link only meetings the reader may open: a meeting hidden from the public
answers 404 to them, so the plenary series and related meetings leave it out."""

import pytest
from django.urls import reverse

from intercity.meetings.models import Meeting
from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plenaries(cast):
    shown = MeetingFactory(
        kind=Meeting.Kind.PLENARY, ordinal=12, slug="twelfth", host_city=cast.home
    )
    hidden = MeetingFactory(
        kind=Meeting.Kind.PLENARY, ordinal=13, slug="thirteenth", host_city=cast.other,
        is_public=False,
    )  # fmt: skip
    return shown, hidden


def test_the_public_series_leaves_out_a_hidden_plenary(client_for, cast, plenaries):
    shown, hidden = plenaries
    page = client_for(None).get(reverse("meetings:list")).text
    assert shown.get_absolute_url() in page
    assert hidden.get_absolute_url() not in page
    assert client_for(None).get(hidden.get_absolute_url()).status_code == 404


def test_network_insiders_see_the_whole_series(client_for, cast, plenaries):
    page = client_for(cast.expert).get(reverse("meetings:list")).text
    assert all(plenary.get_absolute_url() in page for plenary in plenaries)


def test_a_public_meeting_does_not_link_hidden_side_events_or_parent(client_for, cast, plenaries):
    shown, hidden = plenaries
    side = MeetingFactory(title="Closed workshop", parent=shown, is_public=False)
    alongside = MeetingFactory(title="Open seminar", slug="open-seminar", parent=hidden)
    public = client_for(None)
    assert side.get_absolute_url() not in public.get(shown.get_absolute_url()).text
    assert hidden.get_absolute_url() not in public.get(alongside.get_absolute_url()).text
    insider = client_for(cast.expert)
    assert side.get_absolute_url() in insider.get(shown.get_absolute_url()).text
    assert hidden.get_absolute_url() in insider.get(alongside.get_absolute_url()).text
