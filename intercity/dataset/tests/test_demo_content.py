"""The demo network shows every capability working: knowledge, a scheduled fair, reports."""

import pytest

from intercity.business.models import Event, MeetingRequest
from intercity.dataset.demo import demo_load
from intercity.dataset.loader import anmc21_load
from intercity.declarations.models import ProgressReport
from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation
from intercity.meetings.models import Meeting, Registration

pytestmark = pytest.mark.django_db

MEMBER_LANGUAGES = {"en", "ja", "ko", "vi", "th", "id", "ms", "ru", "zh-hant", "mn", "my", "hi"}


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    anmc21_load(actor=None)
    demo_load()


def _counts():
    return (
        KnowledgeItem.objects.count(),
        KnowledgeTranslation.objects.count(),
        MeetingRequest.objects.count(),
        ProgressReport.objects.count(),
        Registration.objects.count(),
    )


def test_demo_knowledge_is_written_in_every_member_language(demo):
    items = KnowledgeItem.objects.filter(is_demo=True, visibility="public")
    assert MEMBER_LANGUAGES | {"fil"} <= set(items.values_list("language", flat=True))
    assert KnowledgeItem.objects.filter(is_demo=False).count() == 0
    assert KnowledgeTranslation.objects.filter(item__slug="demo-tokyo-cap-and-trade").count() == 2


def test_the_demo_trade_fair_has_a_published_schedule_of_its_accepted_meetings(demo):
    event = Event.objects.get(meeting__slug="demo-trade-fair-hanoi")
    assert event.meeting.is_demo
    assert event.published_at is not None
    run = event.runs.get()
    accepted = event.requests.filter(status="accepted").count()
    assert accepted == 10
    assert run.status == "optimal"
    assert run.assignments.count() == accepted
    assert not run.problems


def test_demo_reports_come_from_several_cities_and_one_carries_evidence(demo):
    reports = ProgressReport.objects.all()
    assert reports.values("city").distinct().count() >= 5
    assert reports.values("status").distinct().count() >= 4
    assert reports.exclude(evidence_file="").exists()


def test_loading_the_demo_again_adds_nothing(demo):
    before = _counts()
    demo_load()
    assert _counts() == before


def test_the_demo_expert_meeting_takes_registrations_one_approved_one_waiting(demo):
    meeting = Meeting.objects.get(slug="demo-platform-expert-meeting")
    assert meeting.registration_is_open
    assert sorted(meeting.registrations.values_list("person__username", "status")) == [
        ("seoul.expert", "pending"),
        ("tokyo.focal", "approved"),
    ]
    assert meeting.attendees.get().user.username == "tokyo.focal"
    assert not Registration.objects.filter(meeting__is_demo=False).exists()
