"""Who may read and change city records."""

from intercity.accounts.roles import focal_city_id, is_secretariat

FOCAL_POINT_FIELDS = frozenset({"local_name", "names", "description", "website", "languages"})


def can_view_city(user, city) -> bool:
    return True


def can_create_city(user) -> bool:
    return is_secretariat(user)


def can_edit_city(user, city) -> bool:
    return is_secretariat(user) or (city is not None and focal_city_id(user) == city.pk)


def editable_city_fields(user, city) -> frozenset[str] | None:
    """None means every field; a focal point may not change membership or gazetteer facts."""
    if is_secretariat(user):
        return None
    if can_edit_city(user, city):
        return FOCAL_POINT_FIELDS
    return frozenset()


def can_delete_city(user, city) -> bool:
    return is_secretariat(user)
