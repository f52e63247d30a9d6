"""The programme page's facts read right in the reader's language."""

import pytest
from django.utils import translation

from intercity.testing.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def _facts(response) -> str:
    return response.content.decode().split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]


def test_the_kinds_of_activity_are_not_labelled_as_a_second_period(client):
    programme = ProgrammeFactory(activity_kinds=["expert_meeting"])
    facts = _facts(client.get(programme.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="hi"))
    with translation.override("hi"):
        period = translation.gettext("Period")
        kinds = translation.gettext("Kinds of activity")
    assert facts.count(f"<dt>{period}</dt>") == 1
    assert f"<dt>{kinds}</dt>" in facts


def test_a_programme_without_dates_says_its_period_is_not_recorded(client):
    programme = ProgrammeFactory(start_date=None, end_date=None)
    facts = _facts(client.get(programme.get_absolute_url()))
    assert "… – …" not in facts
    assert '<dt>Period</dt><dd><span class="empty">not recorded</span></dd>' in facts


def test_the_programme_form_ticks_cities_and_themes_one_by_one(client_for, cast):
    import re

    from django.urls import reverse

    from intercity.testing.factories import ThemeFactory

    ThemeFactory()
    page = client_for(cast.secretariat).get(reverse("programmes:create")).text
    for name in ("cities", "themes"):
        assert f'type="checkbox" name="{name}"' in page
        assert not re.search(rf'<select[^>]*\bname="{name}"', page)


def test_recording_an_activity_shows_in_the_programmes_history(client_for, cast):
    from django.urls import reverse

    from intercity.core.audit import audit_trail

    programme = ProgrammeFactory()
    response = client_for(cast.secretariat).post(
        reverse("programmes:activity-create", args=[programme.slug]),
        {"title": "Landfill study visit", "kind": "expert_meeting", "date": "2026-03-10"},
    )
    assert response.status_code == 302
    sentence = audit_trail(programme, viewer=cast.secretariat)[0].sentence
    assert sentence.endswith("recorded the activity Landfill study visit")


def test_an_activity_held_at_a_meeting_links_to_it(client):
    from intercity.testing.factories import ActivityFactory, MeetingFactory

    meeting = MeetingFactory(title="Energy experts, Hanoi")
    activity = ActivityFactory(title="Expert meeting on equipment", meeting=meeting)

    page = client.get(activity.programme.get_absolute_url()).content.decode()

    assert f'<a href="{meeting.get_absolute_url()}">Expert meeting on equipment</a>' in page
