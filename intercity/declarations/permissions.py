"""Who may read, import and correct declarations, and report progress on commitments."""

from intercity.accounts.roles import focal_city_id, is_secretariat


def can_view_declaration(user, declaration) -> bool:
    # Drafts are the secretariat's working copies; adopted declarations are public.
    return declaration.is_adopted or is_secretariat(user)


def can_import_declaration(user) -> bool:
    return is_secretariat(user)


def can_edit_declaration(user, declaration) -> bool:
    return is_secretariat(user)


def can_correct_declaration(user, declaration) -> bool:
    return is_secretariat(user)


def can_edit_commitment(user, commitment) -> bool:
    return is_secretariat(user)


def can_report_progress(user, commitment, city) -> bool:
    """A focal point reports for their own city, on commitments their city carries."""
    if city is None or not commitment.cities.filter(pk=city.pk).exists():
        return False
    if is_secretariat(user):
        return True
    return focal_city_id(user) == city.pk


def can_send_reminders(user) -> bool:
    return is_secretariat(user)


def can_view_evidence(user, report) -> bool:
    """Evidence stays within the network's working side: the secretariat and the reporting city."""
    if is_secretariat(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.city_id is not None and user.city_id == report.city_id
