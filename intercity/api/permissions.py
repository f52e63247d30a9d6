"""DRF glue that answers API requests with each app's permission rules."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, BasePermission

from intercity.agreements.permissions import (
    can_create_agreement,
    can_create_pledge,
    can_delete_agreement,
    can_delete_pledge,
    can_edit_agreement,
    can_edit_pledge,
    can_view_agreement,
)
from intercity.cities.permissions import (
    can_create_city,
    can_delete_city,
    can_edit_city,
    can_view_city,
)
from intercity.core.permissions import can_delete_news, can_edit_news, can_publish_news
from intercity.meetings.permissions import (
    can_create_meeting,
    can_delete_meeting,
    can_edit_meeting,
    can_view_meeting,
)
from intercity.organisations.permissions import (
    can_create_organisation,
    can_delete_organisation,
    can_edit_organisation,
    can_view_organisation,
)
from intercity.programmes.permissions import (
    can_create_programme,
    can_delete_programme,
    can_edit_programme,
    can_view_programme,
)


@dataclass(frozen=True)
class Rules:
    """The four questions the API asks about one kind of record, answered by its app."""

    can_create: Callable[[Any], bool]
    can_edit: Callable[[Any, Any], bool]
    can_delete: Callable[[Any, Any], bool]
    # None for records that have no unpublished state: everyone may read them.
    can_view: Callable[[Any, Any], bool] | None = None


CITY_RULES = Rules(can_create_city, can_edit_city, can_delete_city, can_view_city)
ORGANISATION_RULES = Rules(
    can_create_organisation, can_edit_organisation, can_delete_organisation, can_view_organisation
)
MEETING_RULES = Rules(can_create_meeting, can_edit_meeting, can_delete_meeting, can_view_meeting)
PROGRAMME_RULES = Rules(
    can_create_programme, can_edit_programme, can_delete_programme, can_view_programme
)
AGREEMENT_RULES = Rules(
    can_create_agreement, can_edit_agreement, can_delete_agreement, can_view_agreement
)
PLEDGE_RULES = Rules(can_create_pledge, can_edit_pledge, can_delete_pledge)
NEWS_RULES = Rules(can_publish_news, can_edit_news, can_delete_news)


class FollowsRecordRules(BasePermission):
    """Applies the view's `rules`.

    Anonymous writes are refused before anything else, which DRF answers with 401 because
    token authentication comes first. A record the user may not change answers 404, as if
    it did not exist, so that the API does not confirm what a stranger cannot touch; a
    record the user may change but not delete answers 403.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not request.user.is_authenticated:
            return False
        if view.action == "create":
            return view.rules.can_create(request.user)
        return True

    def has_object_permission(self, request, view, obj) -> bool:
        rules: Rules = view.rules
        user = request.user
        if rules.can_view is not None and not rules.can_view(user, obj):
            raise NotFound
        if request.method in SAFE_METHODS:
            return True
        if not rules.can_edit(user, obj):
            raise NotFound
        if request.method == "DELETE":
            return rules.can_delete(user, obj)
        return True
