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


# Registration ---------------------------------------------------------------------------------
# Whoever may edit the meeting (the secretariat, the host city's focal point) opens and closes
# registration and decides every registration; another city's focal point registers and
# decides the people of their own city's delegation. Experts and focal points register
# themselves; organisation representatives only for business meetings and trade fairs.


def can_manage_registration(user, meeting) -> bool:
    return can_edit_meeting(user, meeting)


def can_see_registrations(user, meeting) -> bool:
    """The registrations page: all of them for managers, their own city's for a focal point."""
    return can_view_meeting(user, meeting) and (
        can_manage_registration(user, meeting) or focal_city_id(user) is not None
    )


def may_be_registered(person, meeting) -> bool:
    """Whether a person can come to the meeting: attached to a city, or representing an
    organisation at a business meeting or trade fair."""
    if not getattr(person, "is_authenticated", False) or not person.is_active:
        return False
    if person.role in ("expert", "focal_point"):
        return person.city_id is not None
    return (
        person.role == "organisation_rep"
        and person.organisation_id is not None
        and meeting.organisations_may_register
    )


def can_register(user, meeting) -> bool:
    """Registering oneself."""
    return can_view_meeting(user, meeting) and may_be_registered(user, meeting)


def can_register_person(user, meeting, person) -> bool:
    """Registering someone else: a manager anyone, a focal point their own city's people."""
    if not can_view_meeting(user, meeting) or not may_be_registered(person, meeting):
        return False
    if can_manage_registration(user, meeting):
        return True
    own = focal_city_id(user)
    return own is not None and person.city_id == own


def can_register_others(user, meeting) -> bool:
    return can_view_meeting(user, meeting) and (
        can_manage_registration(user, meeting) or focal_city_id(user) is not None
    )


def can_decide_registration(user, registration) -> bool:
    meeting = registration.meeting
    if can_manage_registration(user, meeting):
        return True
    own = focal_city_id(user)
    return own is not None and registration.city_id == own and can_view_meeting(user, meeting)


def can_cancel_registration(user, registration) -> bool:
    if getattr(user, "is_authenticated", False) and registration.person_id == user.pk:
        return True
    return can_decide_registration(user, registration)
