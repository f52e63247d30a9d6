"""Which search documents a user may see; applied in the database, before ranking or counting."""

from functools import reduce
from operator import or_

from django.db.models import Q

from intercity.accounts.roles import is_network_insider, is_secretariat
from intercity.searchindex.models import Visibility
from intercity.searchindex.registry import sources


def can_edit_for_city(user) -> int | None:
    """The city whose drafts this user shares: focal points and experts of a city."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.role in (user.Role.FOCAL_POINT, user.Role.EXPERT):
        return user.city_id
    return None


def default_document_permission(user) -> Q:
    """Public to all, network records to insiders, drafts to their owners and the secretariat."""
    if is_secretariat(user):
        return Q()
    allowed = Q(visibility=Visibility.PUBLIC)
    if is_network_insider(user):
        allowed |= Q(visibility=Visibility.NETWORK)
    if getattr(user, "is_authenticated", False) and user.is_active:
        owners = Q(owner_user_id=user.pk)
        city_id = can_edit_for_city(user)
        if city_id is not None:
            owners |= Q(owner_city_id=city_id)
        allowed |= Q(visibility=Visibility.DRAFT) & owners
    return allowed


def visible_documents_q(user) -> Q:
    """Documents of every registered source that ``user`` may see; nothing if none is registered.

    Sources that keep the default rules share one condition, so the database
    checks one simple predicate per row instead of one branch per source.
    """
    default_types = [source.type for source in sources() if source.permission is None]
    parts = [
        Q(source=source.type) & source.permission(user)
        for source in sources()
        if source.permission is not None
    ]
    if default_types:
        parts.append(Q(source__in=default_types) & default_document_permission(user))
    return reduce(or_, parts) if parts else Q(pk__in=[])
