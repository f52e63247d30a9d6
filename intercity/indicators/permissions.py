"""Who may read and change indicators, observations and targets."""

from intercity.accounts.roles import focal_city_id, is_secretariat

# Values anyone may read; estimated figures stay with the city and the secretariat.
PUBLIC_STATUSES = ("reported", "verified")


def can_manage_indicator(user, indicator=None) -> bool:
    return is_secretariat(user)


def can_create_observation(user, city=None) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and (city is None or city.pk == own)


def can_edit_observation(user, observation) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and observation.city_id == own


def can_delete_observation(user, observation) -> bool:
    return can_edit_observation(user, observation)


def can_verify_observation(user, observation=None) -> bool:
    return is_secretariat(user)


def sees_all_of_city(user, city_id: int) -> bool:
    """The secretariat and the city's own people read its estimated and confidential values."""
    if is_secretariat(user):
        return True
    return bool(getattr(user, "is_authenticated", False) and user.city_id == city_id)


def can_view_observation(user, observation) -> bool:
    if sees_all_of_city(user, observation.city_id):
        return True
    return observation.status in PUBLIC_STATUSES and observation.notation_key != "C"


def can_import_observations(user) -> bool:
    return is_secretariat(user) or focal_city_id(user) is not None


def can_create_target(user, city=None) -> bool:
    return can_create_observation(user, city)


def can_edit_target(user, target) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and target.city_id == own


def can_delete_target(user, target) -> bool:
    return can_edit_target(user, target)


def can_view_target(user, target) -> bool:
    return True
