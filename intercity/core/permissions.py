"""Who may publish network news."""

from intercity.accounts.roles import is_secretariat


def can_publish_news(user) -> bool:
    return is_secretariat(user)


def can_edit_news(user, item) -> bool:
    return is_secretariat(user)


def can_delete_news(user, item) -> bool:
    return is_secretariat(user)
