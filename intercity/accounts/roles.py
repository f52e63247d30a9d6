"""Small questions about a user's role that every permission module asks."""

from typing import Any


def is_secretariat(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_secretariat)


def focal_city_id(user: Any) -> int | None:
    """The city a focal point speaks for, or None for everyone else."""
    if getattr(user, "is_authenticated", False) and user.is_focal_point:
        return user.city_id
    return None


def is_network_insider(user: Any) -> bool:
    """Secretariat and people attached to a member city see records not yet public."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_secretariat or user.city_id is not None
