"""Who may read and change organisation profiles."""

from intercity.accounts.roles import focal_city_id, is_secretariat


def can_view_organisation(user, organisation) -> bool:
    return True


def can_create_organisation(user, city=None) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and (city is None or city.pk == own)


def can_edit_organisation(user, organisation) -> bool:
    if is_secretariat(user):
        return True
    if focal_city_id(user) == organisation.city_id:
        return True
    return bool(
        getattr(user, "is_authenticated", False)
        and user.role == user.Role.ORGANISATION_REP
        and user.organisation_id == organisation.pk
    )


def can_delete_organisation(user, organisation) -> bool:
    return is_secretariat(user)
