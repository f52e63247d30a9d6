"""A record's history reads as sentences, field by field, and hides what the public may not see."""

import pytest
from django.urls import reverse

from intercity.agreements.services import agreement_update
from intercity.core.audit import audit_trail
from intercity.meetings.services import attendee_upsert, meeting_set_cities, meeting_update
from intercity.testing.factories import AgreementFactory, MeetingFactory, ThemeFactory

pytestmark = pytest.mark.django_db

INTERNAL_MARKS = ("meetings.", "agreements.", "cities_changed", "{'", "[{", "_changed")


@pytest.fixture
def meeting(cast):
    return MeetingFactory(host_city=cast.home, title="Water expert meeting")


def test_adding_a_city_reads_as_a_sentence_naming_the_role_city_and_day(cast, client_for, meeting):
    meeting_set_cities(actor=cast.focal_point, meeting=meeting, roles={cast.other: "delegate"})

    page = client_for(None).get(meeting.get_absolute_url()).content.decode()

    assert "Home City focal point added Other City as a participant" in page
    assert f"({cast.focal_point.get_full_name()})" not in page  # no person named to the public
    for mark in INTERNAL_MARKS:
        assert mark not in page.split('id="history"')[1]


def test_network_insiders_also_see_who_the_person_was(cast, client_for, meeting):
    meeting_set_cities(actor=cast.focal_point, meeting=meeting, roles={cast.other: "observer"})

    page = client_for(cast.other_focal_point).get(meeting.get_absolute_url()).content.decode()

    name = cast.focal_point.get_full_name()
    assert f"Home City focal point ({name}) added Other City as an observer" in page


def test_a_person_added_to_a_meeting_is_named(cast, meeting):
    attendee_upsert(actor=cast.secretariat, meeting=meeting, name="Ms Lan", data={})

    line = audit_trail(meeting, viewer=None)[0]

    assert line.sentence == "The secretariat added Ms Lan as a participant"


def test_a_field_change_says_the_old_and_new_value_in_words(cast, meeting):
    meeting_update(actor=cast.secretariat, meeting=meeting, data={"status": "held"})

    line = audit_trail(meeting, viewer=None)[0]

    assert line.sentence == "The secretariat updated the meeting"
    assert [change.text for change in line.changes] == ["status changed from “Planned” to “Held”"]


def test_a_changed_set_of_themes_names_the_themes_not_raw_rows(cast, client_for):
    agreement = AgreementFactory(parties=[cast.home, cast.other])
    smog = ThemeFactory(name="Air quality and smog")
    agreement_update(actor=cast.secretariat, agreement=agreement, data={}, themes=[smog])

    page = client_for(None).get(agreement.get_absolute_url()).content.decode()
    history = page.split('id="history"')[1]

    assert "The secretariat changed the themes" in history
    assert "themes: added Air quality and smog" in history
    for mark in INTERNAL_MARKS:
        assert mark not in history


def test_the_history_of_a_record_not_public_is_hidden_from_the_public(cast, meeting):
    meeting_update(actor=cast.secretariat, meeting=meeting, data={"is_public": False})

    assert audit_trail(meeting, viewer=None) is None
    assert audit_trail(meeting, viewer=cast.reader) is None
    assert audit_trail(meeting, viewer=cast.focal_point)[0].changes[0].text == (
        "public changed from “yes” to “no”"
    )


def test_a_history_page_costs_a_bounded_number_of_queries(
    cast, client_for, meeting, django_assert_max_num_queries
):
    for index in range(20):
        attendee_upsert(actor=cast.secretariat, meeting=meeting, name=f"P{index}", data={})
    meeting_set_cities(actor=cast.focal_point, meeting=meeting, roles={cast.other: "delegate"})
    with django_assert_max_num_queries(8):
        lines = audit_trail(meeting, viewer=cast.secretariat)
    assert len(lines) == 22
    assert reverse("meetings:detail", kwargs={"slug": meeting.slug})


def test_a_changed_role_is_said_in_words(cast, meeting):
    meeting_set_cities(actor=cast.focal_point, meeting=meeting, roles={cast.other: "delegate"})
    meeting_set_cities(actor=cast.focal_point, meeting=meeting, roles={cast.other: "observer"})
    assert audit_trail(meeting, viewer=None)[0].sentence == (
        "Home City focal point made Other City an observer"
    )


def test_thirteen_cities_added_at_once_are_each_named(cast, meeting):
    from intercity.testing.factories import CityFactory

    cities = [CityFactory(name=f"Member {index:02d}") for index in range(13)]
    meeting_set_cities(
        actor=cast.secretariat, meeting=meeting, roles=dict.fromkeys(cities, "delegate")
    )
    sentences = audit_trail(meeting, viewer=None)[0].sentences
    names = ", ".join(f"Member {index:02d}" for index in range(13))
    assert sentences == [f"The secretariat added {names} as participants"]


def test_thirteen_cities_with_large_ids_are_each_named(cast, meeting):
    # A long-lived database has large ids; the change must still name every city.
    from intercity.testing.factories import CityFactory

    cities = [CityFactory(pk=48_000 + 7 * index, name=f"Member {index:02d}") for index in range(13)]
    meeting_set_cities(
        actor=cast.secretariat, meeting=meeting, roles=dict.fromkeys(cities, "delegate")
    )
    sentences = audit_trail(meeting, viewer=None)[0].sentences
    names = ", ".join(f"Member {index:02d}" for index in range(13))
    assert sentences == [f"The secretariat added {names} as participants"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", "Đầu mối của Home City đã thêm Other City làm bên tham dự"),
        ("ja", "Home City 窓口担当者 が Other City を参加都市に追加しました"),
    ],
)
def test_the_history_speaks_the_readers_language(client, cast, meeting, language, expected):
    meeting_set_cities(actor=cast.focal_point, meeting=meeting, roles={cast.other: "delegate"})
    page = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in page


def test_every_audit_action_in_the_code_reads_as_words():
    """No action written by a service falls back to the catch-all sentence or shows its code."""
    import re
    from pathlib import Path

    from intercity.core.history_words import ACTIONS, ENTITIES, LANGUAGE_VERBS, VERBS

    root = Path(__file__).resolve().parents[2]
    found = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        found |= set(
            re.findall(
                r'(?:action=|_change_reason = )"([a-z]+\.[a-z_]+\.[a-z_]+)"', path.read_text()
            )
        )
    actions = found
    assert len(actions) > 50
    unreadable = sorted(
        action
        for action in actions
        if action not in ACTIONS
        and not action.endswith("_changed")
        and (
            action.split(".")[1] not in ENTITIES
            or action.split(".")[2] not in VERBS.keys() | LANGUAGE_VERBS.keys()
        )
    )
    assert unreadable == []


# A long history: the latest changes, the number of the earlier ones, and a way to see them ---


def test_a_long_history_says_how_many_earlier_changes_it_leaves_out(cast, client_for):
    from intercity.cities.services import city_update

    for index in range(54):
        city_update(actor=cast.secretariat, city=cast.home, data={"description": f"v{index}"})
    changes = cast.home.history.count()
    client = client_for(cast.secretariat)

    history = client.get(cast.home.get_absolute_url()).content.decode().split('id="history"')[1]

    assert history.split("</ol>")[0].count('<span class="what">') == 50
    assert f"Show {changes - 50} earlier changes" in history
    assert 'href="?history=all#history"' in history

    whole = client.get(cast.home.get_absolute_url(), {"history": "all"}).content.decode()
    whole = whole.split('id="history"')[1]
    assert whole.split("</ol>")[0].count('<span class="what">') == changes
    assert "earlier change" not in whole


def test_a_short_history_offers_nothing_more(cast, meeting):
    trail = audit_trail(meeting, viewer=cast.secretariat)
    assert len(trail) == meeting.history.count() and trail.more == 0
