"""Drills: a meeting of kind drill, its review, actions tracked to done, lessons kept."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from intercity.knowledge.models import KnowledgeItem
from intercity.solidarity import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def drill(net):
    return services.drill_create(
        actor=net.tokyo_focal,
        meeting={
            "title": "Joint earthquake drill 2027",
            "host_city": net.tokyo,
            "year": 2027,
            "start_date": datetime.date(2027, 9, 1),
        },
        cities={net.seoul: "delegate", net.manila: "delegate"},
        data={
            "scenario_kind": "earthquake",
            "scenario": "A magnitude 7.3 earthquake under the bay at 10:00.",
            "objectives": ["Share situation reports within one hour", "Dispatch a rescue team"],
        },
    )


def test_a_drill_is_a_meeting_of_kind_drill_with_its_cities(drill, net):
    assert drill.meeting.kind == "drill"
    assert set(drill.meeting.cities.all()) == {net.tokyo, net.seoul, net.manila}
    assert drill.objectives[0] == "Share situation reports within one hour"


def test_the_review_lessons_become_a_knowledge_item(drill, net):
    review = services.review_save(
        actor=net.tokyo_focal,
        drill=drill,
        data={
            "what_worked": "Reports came in time.",
            "to_improve": "Radio channels overlapped.",
            "lessons": "Agree radio channels before the drill.",
        },
    )

    item = services.review_publish_lessons(actor=net.tokyo_focal, review=review)

    assert item.kind == KnowledgeItem.Kind.DRILL_LESSON
    assert item.city == net.tokyo and list(item.meetings.all()) == [drill.meeting]
    review.refresh_from_db()
    assert review.knowledge_item == item
    assert services.review_publish_lessons(actor=net.tokyo_focal, review=review) == item
    assert KnowledgeItem.objects.count() == 1


def test_actions_are_tracked_to_done_by_their_owner_city(drill, net):
    review = services.review_save(
        actor=net.secretariat, drill=drill, data={"what_worked": "x", "to_improve": "y"}
    )
    action = services.action_add(
        actor=net.tokyo_focal,
        review=review,
        data={
            "description": "Publish the shared radio plan",
            "owner_city": net.seoul,
            "due_on": datetime.date(2027, 12, 1),
        },
    )

    with pytest.raises(PermissionDenied):
        services.action_set_done(actor=net.manila_focal, action=action, done=True)
    action.refresh_from_db()
    assert action.done_at is None
    assert services.action_set_done(actor=net.seoul_focal, action=action, done=True)
    action.refresh_from_db()
    assert action.done_at is not None


def test_another_city_cannot_write_the_review(drill, net):
    with pytest.raises(PermissionDenied):
        services.review_save(
            actor=net.manila_focal, drill=drill, data={"what_worked": "x", "to_improve": "y"}
        )
    from intercity.solidarity.models import DrillReview

    assert not DrillReview.objects.exists()
