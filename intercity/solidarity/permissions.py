"""Who may see and change incidents, needs, offers, deliveries, messages and drills."""

from intercity.accounts.roles import focal_city_id, is_network_insider, is_secretariat


def _sees_network_records(user) -> bool:
    return is_network_insider(user)


def can_view_incident(user, incident) -> bool:
    if incident.status == "draft":
        return is_secretariat(user)
    return incident.visibility == "public" or _sees_network_records(user)


def can_manage_incidents(user) -> bool:
    """Confirm, import and delete incidents and alerts, and edit every incident."""
    return is_secretariat(user)


def can_report_incident(user, city=None) -> bool:
    """Record an incident reported by ``city`` (None: any city, or none named).

    A focal point reports one in their own city only; the secretariat records any.
    """
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and (city is None or city.pk == own)


def can_edit_incident(user, incident) -> bool:
    """The secretariat, and the focal points of the city that reported the incident."""
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and incident.reported_by_city_id == own


def can_set_incident_status(user, status: str) -> bool:
    """Only the secretariat puts an incident back to draft, which hides it from the network."""
    return is_secretariat(user) or status != "draft"


def can_decide_affected_city(user, incident, city) -> bool:
    """The secretariat decides for any city; a reporting focal point for their own city."""
    if is_secretariat(user):
        return True
    return can_edit_incident(user, incident) and focal_city_id(user) == city.pk


def can_delete_incident(user, incident) -> bool:
    return is_secretariat(user)


def can_view_record(user, record) -> bool:
    """Needs, offers and messages: network-only ones stay inside the network."""
    return record.visibility == "public" or _sees_network_records(user)


def can_post_need(user, incident, city) -> bool:
    """The affected city's focal points, or the secretariat, post its needs."""
    if city is None or not incident.is_open:
        return False
    if is_secretariat(user):
        return True
    return focal_city_id(user) == city.pk


def can_edit_need(user, need) -> bool:
    return is_secretariat(user) or focal_city_id(user) == need.city_id


def can_make_offer(user) -> bool:
    """Any member city's focal point, an organisation's representative, or the secretariat."""
    if is_secretariat(user) or focal_city_id(user) is not None:
        return True
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == "organisation_rep"
        and user.organisation_id
    )


def can_edit_offer(user, offer) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    if own is not None and offer.city_id == own:
        return True
    return bool(
        offer.organisation_id
        and getattr(user, "is_authenticated", False)
        and user.role == "organisation_rep"
        and user.organisation_id == offer.organisation_id
    )


def can_accept_offer(user, need) -> bool:
    """The city in need decides which offers it takes."""
    return can_edit_need(user, need)


def can_dispatch(user, assistance) -> bool:
    return can_edit_offer(user, assistance.offer)


def can_receive(user, assistance) -> bool:
    return can_edit_need(user, assistance.need)


def can_send_message(user, from_city) -> bool:
    if is_secretariat(user):
        return True
    return from_city is not None and focal_city_id(user) == from_city.pk


def can_send_messages(user) -> bool:
    """Whether the user writes messages at all: the secretariat, or a focal point for their city."""
    return (focal_city_id(user) is not None or is_secretariat(user)) and can_send_message(
        user, getattr(user, "city", None)
    )


def can_edit_message(user, message) -> bool:
    return can_send_message(user, message.from_city)


def can_manage_drill(user, drill) -> bool:
    """The host city's focal points and the secretariat run a drill and its review."""
    if is_secretariat(user):
        return True
    return focal_city_id(user) is not None and drill.meeting.host_city_id == focal_city_id(user)


def can_create_drill(user, host_city=None) -> bool:
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return own is not None and (host_city is None or host_city.pk == own)


def can_update_action(user, action) -> bool:
    """An action's owner city marks it done; the drill's managers may too."""
    if focal_city_id(user) == action.owner_city_id:
        return True
    return can_manage_drill(user, action.review.drill)
