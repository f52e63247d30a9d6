"""Writes to organisation profiles."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.core.services import create_with_audit, delete_with_audit, require, save_changes
from intercity.organisations.models import Organisation
from intercity.organisations.permissions import (
    can_create_organisation,
    can_delete_organisation,
    can_edit_organisation,
)


@transaction.atomic
def organisation_create(*, actor: Any, data: Mapping[str, Any]) -> Organisation:
    if actor is not None:
        require(can_create_organisation(actor))
        _check_city(actor, data.get("city"))
    return create_with_audit(
        Organisation, data, actor=actor, action="organisations.organisation.created"
    )


@transaction.atomic
def organisation_update(
    *, actor: Any, organisation: Organisation, data: Mapping[str, Any]
) -> list[str]:
    if actor is not None:
        require(can_edit_organisation(actor, organisation))
        if "city" in data:
            _check_city(actor, data["city"], current=organisation.city_id)
    return save_changes(
        organisation, data, actor=actor, action="organisations.organisation.updated"
    )


@transaction.atomic
def organisation_delete(*, actor: Any, organisation: Organisation) -> None:
    if actor is not None:
        require(can_delete_organisation(actor, organisation))
    delete_with_audit(organisation, actor=actor, action="organisations.organisation.deleted")


def _check_city(actor, city, current=None) -> None:
    if is_secretariat(actor) or city is None:
        return
    own = focal_city_id(actor)
    allowed = {own, current} - {None}
    if city.pk not in allowed:
        raise ValidationError({"city": _("You can only register organisations of your city.")})
