"""Who may read and change programmes, their activities and reviews."""

from intercity.accounts.roles import focal_city_id, is_network_insider, is_secretariat


def can_view_programme(user, programme) -> bool:
    return True


def can_create_programme(user, lead_city=None) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and (lead_city is None or lead_city.pk == own)


def can_edit_programme(user, programme) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and programme.lead_city_id == own


def can_join_programme(user, programme) -> bool:
    """Experts and focal points take part in running programmes for their own city."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role not in (user.Role.EXPERT, user.Role.FOCAL_POINT) or not user.city_id:
        return False
    return not programme.is_ended


def can_see_programme_participants(user, programme) -> bool:
    """Names of people stay inside the network; the public sees how many take part."""
    return is_network_insider(user)


def can_review_programme(user, programme) -> bool:
    # Reviews are decisions of a plenary, recorded by the secretariat.
    return is_secretariat(user)


def can_delete_programme(user, programme) -> bool:
    return is_secretariat(user)
