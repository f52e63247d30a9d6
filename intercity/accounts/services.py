"""Writes to user accounts: API tokens, roles, and invitations by one-time link."""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from axes.utils import reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from intercity.accounts.models import Invitation, User
from intercity.accounts.permissions import (
    can_edit_own_details,
    can_edit_user,
    can_invite_user,
    can_unlock_sign_in,
)
from intercity.core.audit import save_with_audit
from intercity.core.services import require, save_changes

DEFAULT_INVITATION_DAYS = 7
audit_log = logging.getLogger("intercity.audit")


@transaction.atomic
def api_token_rotate(*, actor) -> Token:
    """Issue a fresh API token for the user, revoking any previous one."""
    Token.objects.filter(user=actor).delete()
    return Token.objects.create(user=actor)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_days() -> int:
    return getattr(settings, "INTERCITY_INVITATION_DAYS", DEFAULT_INVITATION_DAYS)


@transaction.atomic
def invitation_send(
    *, actor: Any, data: Mapping[str, Any], accept_url: Callable[[str], str]
) -> Invitation:
    """Invite a person by email; the link in the message works once, for a few days.

    ``accept_url`` turns the token into the absolute link; the token itself is never stored.
    An earlier unused invitation to the same address stops working.
    """
    if actor is not None:
        require(can_invite_user(actor))
    email = (data.get("email") or "").strip()
    if User.objects.filter(email__iexact=email, is_active=True).exists():
        raise ValidationError({"email": _("An account with this address already exists.")})
    now = timezone.now()
    Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        **{**data, "email": email},
        token_hash=_hash(token),
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=now + datetime.timedelta(days=invitation_days()),
    )
    save_with_audit(invitation, actor=actor, action="accounts.invitation.sent")
    link = accept_url(token)
    role = invitation.get_role_display()
    where = invitation.city or invitation.organisation
    subject = _("Your invitation to Intercity")
    body = _(
        "The network's secretariat invites you to Intercity as %(role)s%(where)s.\n\n"
        "Open this link to choose your password; it works once, until %(expires)s:\n%(link)s\n"
    ) % {
        "role": role,
        "where": f" ({where})" if where else "",
        "expires": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M %Z"),
        "link": link,
    }
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("city", "organisation")
        .filter(token_hash=_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, username: str, password: str) -> User:
    """Create the invited account with the password the invitee chose; the link is spent."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if invitation is None or not invitation.is_usable:
        raise ValidationError(
            _(
                "This invitation link has expired or was already used. "
                "Ask the secretariat for a new one."
            ),
            code="invitation_unusable",
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This user name is taken; choose another.")})
    user = User(
        username=username,
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
        role=invitation.role,
        city=invitation.city,
        organisation=invitation.organisation,
    )
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    user.set_password(password)
    save_with_audit(user, actor=None, action="accounts.user.invited")
    invitation.accepted_at = timezone.now()
    invitation.user = user
    save_with_audit(invitation, actor=user, action="accounts.invitation.accepted")
    return user


@transaction.atomic
def user_update(*, actor: Any, user: User, data: Mapping[str, Any]) -> list[str]:
    """Change a person's role, city, organisation, position or whether the account works."""
    if actor is not None:
        require(can_edit_user(actor, user))
    return save_changes(user, data, actor=actor, action="accounts.user.updated")


OWN_DETAILS = ("first_name", "last_name", "email", "position", "language")


@transaction.atomic
def user_details_update(*, actor: Any, user: User, data: Mapping[str, Any]) -> list[str]:
    """Change a person's own name, email, position or language; role and city stay as set."""
    require(can_edit_own_details(actor, user))
    data = {name: value for name, value in data.items() if name in OWN_DETAILS}
    return save_changes(user, data, actor=actor, action="accounts.user.updated")


@transaction.atomic
def sign_in_unlock(*, actor, username: str = "", ip_address: str = "") -> int:
    """Lift a lockout on an account or an address before it cools off; returns attempts cleared.

    The failures stay in the sign-in audit; the unlock itself is logged with who did it.
    """
    require(can_unlock_sign_in(actor))
    cleared = 0
    if username:
        cleared += reset(username=username)
    if ip_address:
        cleared += reset(ip=ip_address)
    audit_log.warning(
        "accounts.sign_in.unlocked by=%s username=%s ip=%s cleared=%s",
        actor.get_username(),
        username,
        ip_address,
        cleared,
    )
    return cleared


def user_language_set(user, language: str) -> None:
    """Save the interface language a person chose (one of settings.LANGUAGES)."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
