"""A meeting's title reads in the reader's language where the meeting has its own translation,
and as written otherwise; the translations are edited, checked and audited like any field."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from intercity.core.audit import audit_trail
from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_update
from intercity.searchindex.engine import search
from intercity.testing.factories import MeetingFactory, meeting_form_data

pytestmark = pytest.mark.django_db

JAPANESE = "第12回総会"


@pytest.fixture
def meeting(cast):
    return MeetingFactory(
        host_city=cast.home, title="12th Plenary Meeting", titles={"ja": JAPANESE}
    )


def test_a_japanese_reader_sees_the_japanese_title_on_the_list_and_the_page(client, meeting):
    for url in (reverse("meetings:list"), meeting.get_absolute_url()):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="ja").text
        assert JAPANESE in page
        assert "12th Plenary Meeting" not in page
    page = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").text
    assert f"<h1>{JAPANESE}</h1>" in page


def test_an_english_reader_and_one_without_a_translation_see_the_title_as_written(client, meeting):
    for language in ("en", "ko"):
        for url in (reverse("meetings:list"), meeting.get_absolute_url()):
            page = client.get(url, HTTP_ACCEPT_LANGUAGE=language).text
            assert "12th Plenary Meeting" in page
            assert JAPANESE not in page


def test_a_title_is_never_looked_up_in_the_interface_catalogues():
    # "Meetings" is an interface word with a Japanese translation; a meeting so titled keeps it.
    meeting = MeetingFactory(title="Meetings")
    with translation.override("ja"):
        assert gettext("Meetings") != "Meetings"
        assert meeting.label == "Meetings"
    assert meeting.title_in("ja") == "Meetings"
    assert meeting.title_in(None) == "Meetings"


def test_the_edit_form_saves_the_titles_and_shows_them_one_a_line(cast, client_for, meeting):
    client = client_for(cast.focal_point)
    url = reverse("meetings:edit", args=[meeting.slug])
    answer = client.post(
        url,
        meeting_form_data(cast.home, title=meeting.title, titles="ja: 第12回総会\nvi: Hội nghị 12"),
    )
    assert answer.status_code == 302
    meeting.refresh_from_db()
    assert meeting.titles == {"ja": JAPANESE, "vi": "Hội nghị 12"}
    assert "ja: 第12回総会\nvi: Hội nghị 12" in client.get(url).text


def test_a_title_in_a_language_not_on_the_platform_is_a_field_error(cast, client_for, meeting):
    answer = client_for(cast.focal_point).post(
        reverse("meetings:edit", args=[meeting.slug]),
        meeting_form_data(cast.home, title=meeting.title, titles="xx: Klingon title"),
    )
    assert answer.status_code == 400
    assert answer.context["form"].errors["titles"] == ["Not a language of the platform: xx."]
    assert '<p class="error" role="alert">Not a language of the platform: xx.</p>' in answer.text
    meeting.refresh_from_db()
    assert meeting.titles == {"ja": JAPANESE}


def test_a_new_meeting_keeps_its_titles(cast, client_for):
    answer = client_for(cast.focal_point).post(
        reverse("meetings:create"), meeting_form_data(cast.home, titles="th: การประชุม")
    )
    assert answer.status_code == 302
    assert Meeting.objects.get(title="Expert meeting on waste").titles == {"th": "การประชุม"}


def test_a_change_of_the_titles_reads_in_the_history(cast, meeting):
    meeting_update(
        actor=cast.secretariat, meeting=meeting, data={"titles": {"ja": JAPANESE, "ko": "총회"}}
    )
    line = audit_trail(meeting, viewer=None)[0]
    assert line.sentence == "The secretariat updated the meeting"
    assert [change.text for change in line.changes] == [
        "titles in other languages changed from “ja: 第12回総会” to “ja: 第12回総会; ko: 총회”"
    ]


def test_search_finds_a_meeting_by_its_title_in_another_language(meeting):
    results = search(user=None, query=JAPANESE, semantic=False, reader_language="ja")
    assert [hit.document.url for hit in results.hits] == [meeting.get_absolute_url()]


def test_the_meetings_list_finds_a_meeting_by_its_title_in_another_language(client, meeting):
    MeetingFactory(title="Expert meeting on energy", titles={"ko": "에너지 전문가 회의"})
    found = client.get(reverse("meetings:list"), {"q": "総会"}).text
    assert "12th Plenary Meeting" in found and "Expert meeting on energy" not in found
    found = client.get(reverse("meetings:list"), {"q": "에너지"}).text
    assert "Expert meeting on energy" in found and "12th Plenary Meeting" not in found


def test_a_language_code_alone_finds_no_meeting_by_its_translations(client, meeting):
    page = client.get(reverse("meetings:list"), {"q": "ja"}).text
    assert "12th Plenary Meeting" not in page
