"""The next-host suggestion counts the next plenary an adopted declaration names."""

import pytest

from intercity.meetings.models import Meeting
from intercity.meetings.selectors import next_host_suggestion
from intercity.testing.declaration_factories import DeclarationFactory
from intercity.testing.factories import CityFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    cities = {
        name: CityFactory(name=name, membership_status="member")
        for name in ("Bangkok", "Delhi", "Hanoi", "Tokyo")
    }
    for ordinal, host in ((1, "Tokyo"), (2, "Hanoi")):
        MeetingFactory(kind=Meeting.Kind.PLENARY, ordinal=ordinal, host_city=cities[host])
    return cities


def test_without_an_announcement_the_rotation_suggests_the_next_plenarys_host(series):
    suggestion = next_host_suggestion()
    assert (suggestion.ordinal, suggestion.city.name) == (3, "Bangkok")
    assert suggestion.announced == ()


def test_the_host_a_declaration_names_takes_its_plenary_and_the_suggestion_moves_on(series):
    DeclarationFactory(next_meeting_ordinal=3, next_meeting_city="Bangkok", next_meeting_year=2031)
    suggestion = next_host_suggestion()
    assert suggestion.announced == ((3, series["Bangkok"]),)
    assert (suggestion.ordinal, suggestion.city.name) == (4, "Delhi")


def test_a_draft_or_an_unknown_city_announces_nothing(series):
    DeclarationFactory(status="draft", next_meeting_ordinal=3, next_meeting_city="Bangkok")
    DeclarationFactory(next_meeting_ordinal=3, next_meeting_city="Atlantis")
    assert next_host_suggestion().ordinal == 3


def test_the_meeting_list_names_the_announced_host(series, client):
    DeclarationFactory(next_meeting_ordinal=3, next_meeting_city="Bangkok")
    text = client.get("/meetings/").text
    assert "Plenary no. 3: Bangkok, as a declaration announced" in text
    assert "Suggested host of plenary no. 4: Delhi" in text
