"""Who may read and change city-to-city agreements and pledges."""

from intercity.accounts.roles import focal_city_id, is_secretariat


def can_view_agreement(user, agreement) -> bool:
    """A draft is still being negotiated: only those who may edit it read it."""
    return agreement.status != agreement.Status.DRAFT or can_edit_agreement(user, agreement)


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


def party_city_ids(record) -> set[int]:
    """The cities bound by an agreement or a pledge."""
    if hasattr(record, "party_roles"):
        return {role.city_id for role in record.party_roles.all()}
    return {record.from_city_id, record.to_city_id}


def can_change_parties(user, record) -> bool:
    """Who takes part in an agreement, another party's role or signatories, and between which
    cities a pledge runs are the secretariat's to change."""
    return is_secretariat(user)


def can_propose_status(user, record) -> bool:
    own = focal_city_id(user)
    return not is_secretariat(user) and own is not None and own in party_city_ids(record)


def can_decide_proposal(user, proposal) -> bool:
    """The secretariat, or a focal point of a party other than the proposing city."""
    if not proposal.is_pending:
        return False
    if is_secretariat(user):
        return True
    own = focal_city_id(user)
    return (
        own is not None
        and own != proposal.proposing_city_id
        and own in party_city_ids(proposal.record)
    )


def can_withdraw_proposal(user, proposal) -> bool:
    return proposal.is_pending and focal_city_id(user) == proposal.proposing_city_id
