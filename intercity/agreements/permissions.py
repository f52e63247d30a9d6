"""Who may read and change city-to-city agreements and pledges."""

from intercity.accounts.roles import focal_city_id, is_secretariat


def can_view_agreement(user, agreement) -> bool:
    return True


def can_create_agreement(user, party_cities=()) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    if own is None:
        return False
    return not party_cities or own in {city.pk for city in party_cities}


def can_edit_agreement(user, agreement) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    if own is None:
        return False
    return any(role.city_id == own for role in agreement.party_roles.all())


def can_create_pledge(user) -> bool:
    return is_secretariat(user) or focal_city_id(user) is not None


def can_edit_pledge(user, pledge) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and own in (pledge.from_city_id, pledge.to_city_id)


def can_delete_agreement(user, agreement) -> bool:
    return is_secretariat(user)


def can_delete_pledge(user, pledge) -> bool:
    return is_secretariat(user)
