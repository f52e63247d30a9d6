"""Writes to the indicator catalogue, to observations and to targets, each audited."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.core.audit import save_with_audit
from intercity.core.services import (
    apply_changes,
    create_with_audit,
    delete_with_audit,
    require,
    save_changes,
)
from intercity.indicators.catalogue import CATALOGUE, entry_fields
from intercity.indicators.models import Indicator, Observation, Target
from intercity.indicators.permissions import (
    can_create_observation,
    can_create_target,
    can_delete_observation,
    can_delete_target,
    can_edit_observation,
    can_edit_target,
    can_manage_indicator,
    can_verify_observation,
)
from intercity.indicators.units import UnitError, convert

# Fields a caller may give when recording a value; the rest is worked out here.
OBSERVATION_FIELDS = (
    "status",
    "source_document",
    "source_locator",
    "source_url",
    "source_publisher",
    "method_note",
    "is_demo",
)


def whole_year(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def converted(*, indicator: Indicator, value: float | None, unit: str) -> float | None:
    """The value in the indicator's unit; None when the unit cannot be converted, and the
    record's clean() then says so beside the unit, together with its other errors."""
    if value is None:
        return None
    try:
        return convert(value, unit or indicator.unit, indicator.unit)
    except UnitError:
        return None


# The catalogue


@transaction.atomic
def catalogue_load(*, actor: Any = None) -> dict[str, int]:
    """Create or bring up to date the shipped indicators; indicators added by hand stay."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for position, entry in enumerate(CATALOGUE, start=1):
        data = entry_fields(entry, position * 10)
        indicator = existing.get(entry.code)
        if indicator is None:
            create_with_audit(
                Indicator,
                {"code": entry.code, **data},
                actor=actor,
                action="indicators.indicator.created",
            )
            counts["created"] += 1
        elif save_changes(indicator, data, actor=actor, action="indicators.indicator.updated"):
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


@transaction.atomic
def indicator_create(*, actor: Any, data: Mapping[str, Any]) -> Indicator:
    _require(can_manage_indicator(actor), actor)
    return create_with_audit(Indicator, data, actor=actor, action="indicators.indicator.created")


@transaction.atomic
def indicator_update(*, actor: Any, indicator: Indicator, data: Mapping[str, Any]) -> bool:
    _require(can_manage_indicator(actor, indicator), actor)
    if "unit" in data and data["unit"] != indicator.unit and indicator.observations.exists():
        raise ValidationError(
            {"unit": _("Values are stored in this unit already; add a new indicator instead.")}
        )
    return bool(save_changes(indicator, data, actor=actor, action="indicators.indicator.updated"))


# Observations


def _status_for(actor: Any, observation: Observation, wanted: str | None) -> None:
    """Only the secretariat marks a value verified; a changed value must be verified again."""
    if wanted == Observation.Status.VERIFIED:
        if actor is not None and not can_verify_observation(actor, observation):
            raise ValidationError({"status": _("Only the secretariat verifies values.")})
        if observation.verified_by_id is None or observation.status != wanted:
            observation.verified_by = actor if getattr(actor, "is_authenticated", False) else None
            observation.verified_at = timezone.now()
        observation.status = wanted
        return
    if wanted:
        observation.status = wanted
    if observation.status != Observation.Status.VERIFIED:
        observation.verified_by = None
        observation.verified_at = None


def observation_key(
    *,
    city,
    indicator: Indicator,
    year: int,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    gpc_sector: str = "",
    gpc_scope: str = "",
) -> dict[str, Any]:
    start, end = whole_year(year)
    return {
        "city": city,
        "indicator": indicator,
        "period_start": period_start or start,
        "period_end": period_end or end,
        # A scope given for a one-sector indicator belongs to that sector.
        "gpc_sector": (gpc_sector or indicator.gpc_sector) if (gpc_sector or gpc_scope) else "",
        "gpc_scope": gpc_scope,
    }


@transaction.atomic
def observation_record(
    *,
    actor: Any,
    city,
    indicator: Indicator,
    year: int,
    value: float | None = None,
    unit: str = "",
    notation_key: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    gpc_sector: str = "",
    gpc_scope: str = "",
    data: Mapping[str, Any] | None = None,
) -> tuple[Observation, str]:
    """Record a city's value for a period; a second value for the same key updates the first.

    Answers the observation and "created", "updated" or "unchanged".
    """
    _require(can_create_observation(actor, city), actor)
    key = observation_key(
        city=city,
        indicator=indicator,
        year=year,
        period_start=period_start,
        period_end=period_end,
        gpc_sector=gpc_sector,
        gpc_scope=gpc_scope,
    )
    observation = Observation.objects.select_for_update().filter(**key).first()
    created = observation is None
    if created:
        observation = Observation(**key, year=year, entered_by=_user(actor))
    fields = {
        "year": year,
        "value_as_given": value,
        "unit_as_given": (unit or indicator.unit) if value is not None else "",
        "value": converted(indicator=indicator, value=value, unit=unit),
        "notation_key": notation_key,
        **{name: v for name, v in (data or {}).items() if name in OBSERVATION_FIELDS},
    }
    wanted_status = fields.pop("status", None)
    changed = apply_changes(observation, fields)
    before = (observation.status, observation.verified_by_id)
    if changed and not created and observation.status == Observation.Status.VERIFIED:
        observation.status = Observation.Status.REPORTED
    _status_for(actor, observation, wanted_status)
    changed = changed or before != (observation.status, observation.verified_by_id)
    if created:
        save_with_audit(observation, actor=actor, action="indicators.observation.created")
        return observation, "created"
    if not changed:
        return observation, "unchanged"
    save_with_audit(observation, actor=actor, action="indicators.observation.updated")
    return observation, "updated"


@transaction.atomic
def observation_update(*, actor: Any, observation: Observation, data: Mapping[str, Any]) -> bool:
    """Change a stored value, its unit, notation key, status or source."""
    _require(can_edit_observation(actor, observation), actor)
    indicator = observation.indicator
    fields = {name: v for name, v in data.items() if name in OBSERVATION_FIELDS}
    if "value" in data or "unit" in data or "notation_key" in data:
        value = data.get("value", observation.value_as_given)
        unit = data.get("unit", observation.unit_as_given) or indicator.unit
        fields.update(
            {
                "value_as_given": value,
                "unit_as_given": unit if value is not None else "",
                "value": converted(indicator=indicator, value=value, unit=unit),
                "notation_key": data.get("notation_key", observation.notation_key) or "",
            }
        )
    wanted_status = fields.pop("status", None)
    changed = apply_changes(observation, fields)
    before = (observation.status, observation.verified_by_id)
    if changed and observation.status == Observation.Status.VERIFIED:
        observation.status = Observation.Status.REPORTED
    _status_for(actor, observation, wanted_status)
    if not changed and before == (observation.status, observation.verified_by_id):
        return False
    save_with_audit(observation, actor=actor, action="indicators.observation.updated")
    return True


@transaction.atomic
def observation_verify(*, actor: Any, observation: Observation) -> None:
    _require(can_verify_observation(actor, observation), actor)
    observation.status = Observation.Status.VERIFIED
    observation.verified_by = _user(actor)
    observation.verified_at = timezone.now()
    save_with_audit(observation, actor=actor, action="indicators.observation.verified")


@transaction.atomic
def observation_delete(*, actor: Any, observation: Observation) -> None:
    _require(can_delete_observation(actor, observation), actor)
    delete_with_audit(observation, actor=actor, action="indicators.observation.deleted")


# Targets

TARGET_FIELDS = (
    "city",
    "indicator",
    "kind",
    "base_year",
    "base_value",
    "target_year",
    "target_value",
    "bau_value",
    "commitment",
    "programme",
    "note",
    "is_demo",
)


@transaction.atomic
def target_create(*, actor: Any, data: Mapping[str, Any]) -> Target:
    _require(can_create_target(actor, data.get("city")), actor)
    fields = {name: value for name, value in data.items() if name in TARGET_FIELDS}
    return create_with_audit(Target, fields, actor=actor, action="indicators.target.created")


@transaction.atomic
def target_update(*, actor: Any, target: Target, data: Mapping[str, Any]) -> bool:
    _require(can_edit_target(actor, target), actor)
    fields = {name: value for name, value in data.items() if name in TARGET_FIELDS}
    if "city" in fields and fields["city"].pk != target.city_id:
        require(can_create_target(actor, fields["city"]))
    return bool(save_changes(target, fields, actor=actor, action="indicators.target.updated"))


@transaction.atomic
def target_delete(*, actor: Any, target: Target) -> None:
    _require(can_delete_target(actor, target), actor)
    delete_with_audit(target, actor=actor, action="indicators.target.deleted")


def _require(allowed: bool, actor: Any) -> None:
    # No actor is the platform itself loading its dataset; every person is checked.
    if actor is not None:
        require(allowed)


def _user(actor: Any):
    return actor if getattr(actor, "is_authenticated", False) else None
