"""Writes to agreements, their parties and signatories, and to pledges of help."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.agreements.models import Agreement, AgreementParty, Pledge, Signatory
from intercity.agreements.permissions import (
    can_change_parties,
    can_create_agreement,
    can_create_pledge,
    can_delete_agreement,
    can_delete_pledge,
    can_edit_agreement,
    can_edit_pledge,
)
from intercity.agreements.proposals import status_change
from intercity.core.audit import record_m2m_change
from intercity.core.services import (
    create_with_audit,
    delete_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    set_m2m,
    with_changes,
)


def _parties_errors(actor: Any, parties: Mapping) -> dict[str, str]:
    if len(parties) < 2:
        return {"parties": _("An agreement needs at least two parties.")}
    if actor is None or is_secretariat(actor):
        return {}
    if focal_city_id(actor) not in {city.pk for city in parties}:
        return {"parties": _("Your city must be one of the parties.")}
    return {}


# The fields whose values the status must agree with.
STATUS_DATES = ("status", "signed_on", "term_start", "term_end")


def _status_dates_errors(agreement: Agreement, data: Mapping[str, Any]) -> dict[str, str]:
    """Where a status and dates contradict each other, when either is being set."""
    wanted = {name: data.get(name, getattr(agreement, name)) for name in STATUS_DATES}
    if agreement.pk and all(wanted[name] == getattr(agreement, name) for name in STATUS_DATES):
        return {}
    meeting = data.get("signed_at_meeting", agreement.signed_at_meeting_id)
    candidate = Agreement(**wanted, signed_at_meeting_id=getattr(meeting, "pk", meeting))
    try:
        candidate.clean()
    except ValidationError:
        return {}  # The model's own rules come first; its validation reports them.
    return candidate.status_conflicts(today=timezone.localdate())


@transaction.atomic
def agreement_create(
    *,
    actor: Any,
    data: Mapping[str, Any],
    parties: Mapping[Any, str],
    themes: Iterable = (),
    signatories: Iterable[Mapping[str, Any]] = (),
) -> Agreement:
    """Create an agreement between cities (city → role), with its themes and signatories."""
    if actor is not None:
        require(can_create_agreement(actor))
    errors = _parties_errors(actor, parties) | _status_dates_errors(Agreement(), data)
    refuse_with_record_errors(errors, Agreement(**data))
    agreement = create_with_audit(
        Agreement,
        data,
        actor=actor,
        action="agreements.agreement.created",
        relations={"themes": themes},
    )
    for city, role in parties.items():
        AgreementParty.objects.create(agreement=agreement, city=city, role=role)
    for signatory in signatories:
        row = Signatory(agreement=agreement, **signatory)
        row.full_clean()
        row.save()
    return agreement


@transaction.atomic
def agreement_update(
    *,
    actor: Any,
    agreement: Agreement,
    data: Mapping[str, Any],
    parties: Mapping[Any, str] | None = None,
    themes: Iterable | None = None,
) -> bool:
    if actor is not None:
        require(can_edit_agreement(actor, agreement))
    data = dict(data)
    status = data.pop("status", agreement.status)
    errors = _status_dates_errors(agreement, {**data, "status": status})
    if parties is not None:
        errors |= _parties_errors(actor, parties) or _own_role_only_errors(
            actor, agreement, parties
        )
    refuse_with_record_errors(errors, with_changes(agreement, data))
    changed = bool(
        save_changes(agreement, data, actor=actor, action="agreements.agreement.updated")
    )
    if parties is not None:
        changed |= _set_parties(actor, agreement, parties)
    if status != agreement.status:
        # A party's change of status waits for another party; the secretariat's applies.
        status_change(actor=actor, record=agreement, status=status)
        changed = True
    if themes is not None:
        changed |= set_m2m(
            agreement, "themes", themes, actor=actor, action="agreements.agreement.themes_changed"
        )
    return changed


@transaction.atomic
def agreement_delete(*, actor: Any, agreement: Agreement) -> None:
    if actor is not None:
        require(can_delete_agreement(actor, agreement))
    delete_with_audit(agreement, actor=actor, action="agreements.agreement.deleted")


def _own_role_only_errors(
    actor: Any, agreement: Agreement, parties: Mapping[Any, str]
) -> dict[str, str]:
    """A party may change its own role; who the parties are and their roles otherwise are the
    secretariat's to change."""
    if actor is None or can_change_parties(actor, agreement):
        return {}
    own = focal_city_id(actor)
    current = {row.city_id: row.role for row in agreement.party_roles.all()}
    wanted = {city.pk: role for city, role in parties.items()}
    if set(wanted) != set(current):
        return {"parties": _("Only the secretariat can add or remove a party.")}
    if any(wanted[city] != role for city, role in current.items() if city != own):
        return {"parties": _("A party can change its own role only.")}
    return {}


def _set_parties(actor: Any, agreement: Agreement, parties: Mapping[Any, str]) -> bool:
    wanted = {city.pk: role for city, role in parties.items()}
    current = {row.city_id: row for row in agreement.party_roles.all()}
    if {k: r.role for k, r in current.items()} == wanted:
        return False
    agreement.party_roles.exclude(city_id__in=wanted).delete()
    for city_id, role in wanted.items():
        AgreementParty.objects.update_or_create(
            agreement=agreement, city_id=city_id, defaults={"role": role}
        )
    record_m2m_change(agreement, actor=actor, action="agreements.agreement.parties_changed")
    return True


@transaction.atomic
def signatory_upsert(*, actor: Any, agreement: Agreement, name: str, data: Mapping) -> Signatory:
    if actor is not None:
        require(can_edit_agreement(actor, agreement))
        city = data.get("city")
        if not can_change_parties(actor, agreement) and getattr(city, "pk", city) != focal_city_id(
            actor
        ):
            raise ValidationError(
                {"signatories": _("A party can add signatories of its own city only.")}
            )
    row = agreement.signatories.filter(name=name).first()
    if row is None:
        row = Signatory(agreement=agreement, name=name, **data)
        row.full_clean()
        row.save()
        record_m2m_change(agreement, actor=actor, action="agreements.signatory.added")
    return row


@transaction.atomic
def pledge_create(*, actor: Any, data: Mapping[str, Any], themes: Iterable = ()) -> Pledge:
    if actor is not None:
        require(can_create_pledge(actor))
        own = focal_city_id(actor)
        if not is_secretariat(actor) and own not in (
            getattr(data.get("from_city"), "pk", None),
            getattr(data.get("to_city"), "pk", None),
        ):
            errors = {"from_city": _("Your city must give or receive the help.")}
            refuse_with_record_errors(errors, Pledge(**data))
    pledge = create_with_audit(Pledge, data, actor=actor, action="agreements.pledge.created")
    pledge.themes.set(list(themes))
    return pledge


@transaction.atomic
def pledge_update(
    *, actor: Any, pledge: Pledge, data: Mapping[str, Any], themes: Iterable | None = None
) -> bool:
    if actor is not None:
        require(can_edit_pledge(actor, pledge))
    data = dict(data)
    status = data.pop("status", pledge.status)
    if actor is not None and not can_change_parties(actor, pledge):
        moved = {
            name: _("Only the secretariat can change the cities of a pledge.")
            for name in ("from_city", "to_city")
            if name in data
            and getattr(data[name], "pk", data[name]) != getattr(pledge, f"{name}_id")
        }
        if moved:
            raise ValidationError(moved)
    changed = bool(save_changes(pledge, data, actor=actor, action="agreements.pledge.updated"))
    if status != pledge.status:
        status_change(actor=actor, record=pledge, status=status)
        changed = True
    if themes is not None:
        changed |= set_m2m(
            pledge, "themes", themes, actor=actor, action="agreements.pledge.themes_changed"
        )
    return changed


@transaction.atomic
def pledge_delete(*, actor: Any, pledge: Pledge) -> None:
    if actor is not None:
        require(can_delete_pledge(actor, pledge))
    delete_with_audit(pledge, actor=actor, action="agreements.pledge.deleted")
