"""Writes on drills: the drill meeting, its scenario, the after-action review and its actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.core.audit import save_with_audit
from intercity.core.services import create_with_audit, require, save_changes
from intercity.core.slugs import unique_slug
from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.services import item_create, item_update
from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_create
from intercity.solidarity.models import Drill, DrillAction, DrillReview
from intercity.solidarity.permissions import (
    can_create_drill,
    can_manage_drill,
    can_update_action,
)


@transaction.atomic
def drill_create(
    *,
    actor: Any,
    meeting: Mapping[str, Any],
    cities: Mapping[Any, str] | None = None,
    data: Mapping[str, Any],
) -> Drill:
    """A joint drill is a meeting of kind drill; the scenario and objectives sit beside it."""
    if actor is not None:
        require(can_create_drill(actor, meeting.get("host_city")))
    meeting = dict(meeting)
    meeting["kind"] = Meeting.Kind.DRILL
    meeting.setdefault("slug", unique_slug(Meeting, meeting.get("title", ""), max_length=100))
    record = meeting_create(actor=actor, data=meeting, cities=cities or {})
    return create_with_audit(
        Drill, {**data, "meeting": record}, actor=actor, action="solidarity.drill.created"
    )


@transaction.atomic
def drill_update(*, actor: Any, drill: Drill, data: Mapping[str, Any]) -> list[str]:
    if actor is not None:
        require(can_manage_drill(actor, drill))
    return save_changes(drill, data, actor=actor, action="solidarity.drill.updated")


@transaction.atomic
def review_save(*, actor: Any, drill: Drill, data: Mapping[str, Any]) -> DrillReview:
    """Write or correct the after-action review of a drill."""
    if actor is not None:
        require(can_manage_drill(actor, drill))
    review = DrillReview.objects.filter(drill=drill).first()
    if review is None:
        return create_with_audit(
            DrillReview, {**data, "drill": drill}, actor=actor, action="solidarity.review.written"
        )
    save_changes(review, data, actor=actor, action="solidarity.review.updated")
    return review


@transaction.atomic
def action_add(*, actor: Any, review: DrillReview, data: Mapping[str, Any]) -> DrillAction:
    if actor is not None:
        require(can_manage_drill(actor, review.drill))
    return create_with_audit(
        DrillAction, {**data, "review": review}, actor=actor, action="solidarity.action.added"
    )


@transaction.atomic
def action_set_done(*, actor: Any, action: DrillAction, done: bool) -> bool:
    if actor is not None:
        require(can_update_action(actor, action))
    if bool(action.done_at) == done:
        return False
    action.done_at = timezone.now() if done else None
    save_with_audit(
        action,
        actor=actor,
        action="solidarity.action.done" if done else "solidarity.action.reopened",
    )
    return True


@transaction.atomic
def review_publish_lessons(*, actor: Any, review: DrillReview) -> KnowledgeItem:
    """The review's lessons become a knowledge item of kind "lesson from a drill"."""
    drill = review.drill
    if actor is not None:
        require(can_manage_drill(actor, drill))
    if not review.lessons.strip():
        raise ValidationError({"lessons": _("Write the lessons before publishing them.")})
    meeting = drill.meeting
    data = {
        "kind": KnowledgeItem.Kind.DRILL_LESSON,
        "title": _("Lessons from %(drill)s") % {"drill": meeting.title},
        "summary": review.to_improve[:1000],
        "body": review.lessons,
        "language": "en",
        "city": meeting.host_city,
        "visibility": KnowledgeItem.Visibility.PUBLIC
        if meeting.is_public
        else KnowledgeItem.Visibility.NETWORK,
        "is_demo": meeting.is_demo,
    }
    if review.knowledge_item_id:
        item = review.knowledge_item
        item_update(actor=actor, item=item, data={k: v for k, v in data.items() if k != "city"})
        return item
    item = item_create(actor=actor, data=data, meetings=[meeting])
    review.knowledge_item = item
    save_with_audit(review, actor=actor, action="solidarity.review.lessons_published")
    return item
