"""Who may see and change user accounts, send invitations and lift sign-in lockouts."""

from typing import Any

from intercity.accounts.roles import is_secretariat


def can_manage_users(user) -> bool:
    return is_secretariat(user)


def can_invite_user(user) -> bool:
    return is_secretariat(user)


def can_edit_user(user, target) -> bool:
    """The secretariat changes roles; nobody changes their own role or switches themselves off."""
    return is_secretariat(user) and user.pk != target.pk


def can_edit_own_details(user, target) -> bool:
    """Everyone keeps their own name, email, position and language up to date."""
    return getattr(user, "is_authenticated", False) and user.is_active and user.pk == target.pk


def can_unlock_sign_in(user: Any) -> bool:
    """Only the secretariat lifts a sign-in lockout before it cools off."""
    return is_secretariat(user)
