"""Reads about sign-ins: current lockouts and the audit of recent sign-ins and failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

RECENT_EVENTS = 50


@dataclass(frozen=True)
class Lockout:
    username: str
    ip_address: str
    failures: int
    last_failure: datetime


def lockouts_current() -> list[Lockout]:
    """Accounts and addresses that reached the failure limit and have not cooled off yet."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")[:RECENT_EVENTS]
    return [
        Lockout(
            username=attempt.username or "",
            ip_address=attempt.ip_address or "",
            failures=attempt.failures_since_start,
            last_failure=attempt.attempt_time,
        )
        for attempt in attempts
    ]


def sign_in_events_recent() -> dict[str, list]:
    """The latest successful sign-ins and the latest failures, lockouts marked."""
    return {
        "sign_ins": list(AccessLog.objects.order_by("-attempt_time")[:RECENT_EVENTS]),
        "failures": list(AccessFailureLog.objects.order_by("-attempt_time")[:RECENT_EVENTS]),
    }


def languages_by_email(emails) -> dict[str, str]:
    """Email address -> the language its person reads mail in (the site's default if none set)."""
    from intercity.accounts.models import User

    found = dict(User.objects.filter(email__in=list(emails)).values_list("email", "language"))
    return {email: language or settings.LANGUAGE_CODE for email, language in found.items()}
