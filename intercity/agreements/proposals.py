"""Changes of status between parties: one party proposes, another party or the secretariat
confirms. Agreements and pledges share this one mechanism."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.accounts.models import User
from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.agreements.models import Agreement, StatusProposal
from intercity.agreements.permissions import (
    can_decide_proposal,
    can_propose_status,
    can_withdraw_proposal,
    party_city_ids,
)
from intercity.agreements.selectors import proposal_url
from intercity.core.audit import record_m2m_change, save_with_audit
from intercity.core.mail import in_language_of
from intercity.core.queue import enqueue_on_commit
from intercity.core.services import require, save_changes

NOTIFY_TASK = "intercity.agreements.tasks.notify_status_proposal"


def _kind(record) -> str:
    return "agreement" if isinstance(record, Agreement) else "pledge"


def _apply(record, status: str, *, actor: Any) -> None:
    save_changes(
        record, {"status": status}, actor=actor, action=f"agreements.{_kind(record)}.status"
    )


def _check_dates(record, status: str) -> None:
    """An agreement's new status must agree with its dates (a pledge has none to agree with)."""
    if not isinstance(record, Agreement):
        return
    dates = {name: getattr(record, name) for name in ("signed_on", "term_start", "term_end")}
    errors = Agreement(status=status, **dates).status_conflicts(today=timezone.localdate())
    if errors:
        raise ValidationError({"status": list(errors.values())})


@transaction.atomic
def status_change(*, actor: Any, record, status: str, note: str = "") -> StatusProposal | None:
    """Change the status of an agreement or pledge.

    The secretariat's change applies at once (returns None); a party's change becomes a
    proposal that waits for another party or the secretariat (returns the proposal).
    """
    if status not in type(record).Status.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")})
    _check_dates(record, status)
    if actor is None or is_secretariat(actor):
        _apply(record, status, actor=actor)
        return None
    require(can_propose_status(actor, record))
    if status == record.status:
        raise ValidationError({"status": _("The record already has this status.")})
    kind = _kind(record)
    # The row lock makes two parties proposing at once wait for each other.
    type(record).objects.select_for_update().filter(pk=record.pk).first()
    if StatusProposal.objects.filter(**{kind: record}, state=StatusProposal.State.PENDING).exists():
        raise ValidationError({"status": _("A change of status is already awaiting confirmation.")})
    proposal = StatusProposal(
        **{kind: record},
        status_from=record.status,
        status_to=status,
        note=note.strip(),
        proposed_by=actor,
        proposing_city_id=focal_city_id(actor),
    )
    try:
        with transaction.atomic():
            save_with_audit(proposal, actor=actor, action="agreements.proposal.created")
    except IntegrityError as error:
        raise ValidationError(
            {"status": _("A change of status is already awaiting confirmation.")}
        ) from error
    record_m2m_change(record, actor=actor, action=f"agreements.{kind}.status_proposed")
    enqueue_on_commit(NOTIFY_TASK, proposal.pk)
    return proposal


def _locked(proposal: StatusProposal) -> StatusProposal:
    return StatusProposal.objects.select_for_update().get(pk=proposal.pk)


def _decide(proposal: StatusProposal, state: str, *, actor: Any, action: str) -> StatusProposal:
    proposal.state = state
    proposal.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    proposal.decided_at = timezone.now()
    save_with_audit(proposal, actor=actor, action=f"agreements.proposal.{action}")
    record = proposal.record
    record_m2m_change(record, actor=actor, action=f"agreements.{_kind(record)}.status_{action}")
    return proposal


@transaction.atomic
def proposal_confirm(*, actor: Any, proposal: StatusProposal) -> StatusProposal:
    """Another party (or the secretariat) agrees: the proposed status applies."""
    proposal = _locked(proposal)
    require(can_decide_proposal(actor, proposal))
    # The dates may have moved, or the term run out, since the proposal was made.
    _check_dates(proposal.record, proposal.status_to)
    _apply(proposal.record, proposal.status_to, actor=actor)
    return _decide(proposal, StatusProposal.State.CONFIRMED, actor=actor, action="confirmed")


@transaction.atomic
def proposal_decline(*, actor: Any, proposal: StatusProposal) -> StatusProposal:
    """Another party (or the secretariat) disagrees: the status stays as it was."""
    proposal = _locked(proposal)
    require(can_decide_proposal(actor, proposal))
    return _decide(proposal, StatusProposal.State.DECLINED, actor=actor, action="declined")


@transaction.atomic
def proposal_withdraw(*, actor: Any, proposal: StatusProposal) -> StatusProposal:
    """The proposing city takes its proposal back."""
    proposal = _locked(proposal)
    require(can_withdraw_proposal(actor, proposal))
    return _decide(proposal, StatusProposal.State.WITHDRAWN, actor=actor, action="withdrawn")


def proposal_notify(*, proposal_id: int) -> int:
    """Email the focal points of the other parties, each in their own language."""
    proposal = StatusProposal.objects.filter(pk=proposal_id).first()
    if proposal is None or not proposal.is_pending:
        return 0
    record = proposal.record
    others = party_city_ids(record) - {proposal.proposing_city_id}
    people = User.objects.filter(
        role=User.Role.FOCAL_POINT, is_active=True, city_id__in=others
    ).exclude(email="")
    url = getattr(settings, "SITE_URL", "").rstrip("/") + proposal_url(proposal)
    mails = []
    for person in people:
        with in_language_of(person):
            subject = _("A change of status awaits your confirmation: %(record)s") % {
                "record": record
            }
            body = _(
                "%(city)s proposes to change the status of %(record)s from %(old)s to %(new)s.\n"
                "Confirm or decline it: %(url)s"
            ) % {
                "city": proposal.proposing_city.name,
                "record": record,
                "old": proposal.status_from_label,
                "new": proposal.status_to_label,
                "url": url,
            }
        mails.append((subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]))
    return send_mass_mail(mails, fail_silently=False) if mails else 0
