"""Who may read and change business profiles, opportunities, events and schedules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.business.models import Registration

if TYPE_CHECKING:
    from intercity.organisations.models import Organisation


def _represents(user, organisation) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.role == user.Role.ORGANISATION_REP
        and user.organisation_id == organisation.pk
    )


def can_edit_profile(user, organisation) -> bool:
    return (
        is_secretariat(user)
        or focal_city_id(user) == organisation.city_id
        or _represents(user, organisation)
    )


def can_verify_profile(user, profile) -> bool:
    return is_secretariat(user) or focal_city_id(user) == profile.organisation.city_id


def can_view_profile(user, profile) -> bool:
    return profile.is_verified or can_edit_profile(user, profile.organisation)


def can_create_opportunity(user, organisation) -> bool:
    return can_edit_profile(user, organisation)


def can_edit_opportunity(user, opportunity) -> bool:
    return can_edit_profile(user, opportunity.organisation)


def can_view_opportunity(user, opportunity) -> bool:
    """Anyone reads an open opportunity of a verified organisation, also once its closing date
    has passed (a link or search hit to it still leads somewhere, and the page says so);
    those who may edit it read it closed or before the organisation is verified."""
    if can_edit_opportunity(user, opportunity):
        return True
    profile = getattr(opportunity.organisation, "business_profile", None)
    return (
        opportunity.status == opportunity.Status.OPEN
        and profile is not None
        and profile.is_verified
    )


def can_answer_opportunity(user, opportunity) -> bool:
    """A representative of another organisation answers a current opportunity it can read."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.role == user.Role.ORGANISATION_REP
        and user.organisation_id is not None
        and user.organisation_id != opportunity.organisation_id
        and opportunity.is_current
        and can_view_opportunity(user, opportunity)
    )


def can_view_answers(user, opportunity) -> bool:
    """The answers, with their senders' addresses, are for those who edit the opportunity."""
    return can_edit_opportunity(user, opportunity)


def can_mark_suggestion(user, organisation) -> bool:
    return _represents(user, organisation)


def can_open_event(user, meeting) -> bool:
    return is_secretariat(user) or (
        focal_city_id(user) is not None and focal_city_id(user) == meeting.host_city_id
    )


def can_organise_event(user, event) -> bool:
    """Organisers set slots, fix meetings, run the scheduler, move meetings and publish."""
    return can_open_event(user, event.meeting)


def can_publish_run(user, run) -> bool:
    """Organisers publish a run once: publishing it again would email every agenda again."""
    return can_organise_event(user, run.event) and run.event.published_run_id != run.pk


def can_register_for_event(user, event, organisation) -> bool:
    return _represents(user, organisation) or can_organise_event(user, event)


def can_request_meeting(user, registration) -> bool:
    return _represents(user, registration.organisation)


def can_answer_meeting_request(user, meeting_request) -> bool:
    return _represents(user, meeting_request.invitee.organisation)


def can_view_agenda(user, registration) -> bool:
    return _represents(user, registration.organisation) or can_organise_event(
        user, registration.event
    )


def can_import_profiles(user) -> bool:
    """The secretariat and the cities' focal points (who organise the business events) fill
    profiles in from a table; `profile_import_scope` says whose."""
    return is_secretariat(user) or focal_city_id(user) is not None


def profile_import_scope(user) -> Callable[[Organisation], bool]:
    """Whose profiles `user` may fill in from a table, as a test of one organisation: any for
    the secretariat; for a focal point, their city's organisations and those registered for
    a business event they organise (as `can_organise_event`: hosted by their city), whose
    profiles the visitors often send the organiser. One query for the whole table."""
    if is_secretariat(user):
        return lambda organisation: True
    city_id = focal_city_id(user)
    if city_id is None:
        return lambda organisation: False
    visitors = set(
        Registration.objects.filter(event__meeting__host_city_id=city_id).values_list(
            "organisation_id", flat=True
        )
    )
    return lambda organisation: organisation.city_id == city_id or organisation.pk in visitors
