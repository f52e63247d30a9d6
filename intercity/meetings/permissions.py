"""Who may read and change meetings."""

from intercity.accounts.roles import focal_city_id, is_network_insider, is_secretariat


def can_view_meeting(user, meeting) -> bool:
    return meeting.is_public or is_network_insider(user)


def can_create_meeting(user, host_city=None) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and (host_city is None or host_city.pk == own)


def can_edit_meeting(user, meeting) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and meeting.host_city_id == own


def can_delete_meeting(user, meeting) -> bool:
    return is_secretariat(user)


def can_manage_plenary_series(user) -> bool:
    """Opening a plenary, numbering it, or turning it into another kind of meeting."""
    return is_secretariat(user)
