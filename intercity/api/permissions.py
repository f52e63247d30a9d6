"""DRF glue that answers API requests with the permission rules each app names in its api.py."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, BasePermission


@dataclass(frozen=True)
class Rules:
    """The four questions the API asks about one kind of record, answered by its app."""

    can_create: Callable[[Any], bool]
    can_edit: Callable[[Any, Any], bool]
    can_delete: Callable[[Any, Any], bool]
    # None for records that have no unpublished state: everyone may read them.
    can_view: Callable[[Any, Any], bool] | None = None


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
