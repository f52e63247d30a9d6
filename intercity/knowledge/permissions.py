"""Who may read, publish, translate and moderate knowledge items."""

from intercity.accounts.roles import is_network_insider, is_secretariat


def _contributor_city_id(user) -> int | None:
    """Focal points and experts contribute for the city they are attached to."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.role in (user.Role.FOCAL_POINT, user.Role.EXPERT):
        return user.city_id
    return None


def can_view_item(user, item) -> bool:
    if item.visibility == item.Visibility.PUBLIC:
        return True
    if item.visibility == item.Visibility.NETWORK and is_network_insider(user):
        return True
    return can_edit_item(user, item)


def can_create_item(user, city=None) -> bool:
    if is_secretariat(user):
        return True
    own = _contributor_city_id(user)
    return own is not None and (city is None or city.pk == own)


def can_author_for(user, organisation) -> bool:
    """The secretariat writes for any organisation; a contributor for those of their city, and
    an organisation's representative for their own."""
    if is_secretariat(user):
        return True
    own = _contributor_city_id(user)
    if own is not None and organisation.city_id == own:
        return True
    return getattr(user, "organisation_id", None) == organisation.pk


def can_edit_item(user, item) -> bool:
    if is_secretariat(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    own = _contributor_city_id(user)
    if own is not None and item.city_id == own:
        return True
    return item.author_id == user.pk


def can_moderate_item(user, item=None) -> bool:
    return is_secretariat(user)


def can_delete_item(user, item) -> bool:
    return is_secretariat(user)


def can_translate_item(user, item) -> bool:
    """Any contributor of the network may translate what they can read."""
    if not can_view_item(user, item):
        return False
    return is_secretariat(user) or _contributor_city_id(user) is not None


def can_import_items(user) -> bool:
    return is_secretariat(user) or _contributor_city_id(user) is not None


def can_run_indexing(user) -> bool:
    return is_secretariat(user)
