"""Importing indicator tables: every row checked, a report of each bad row, all or nothing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.cities.models import City
from intercity.cities.selectors import cities_by_name, city_name_folded
from intercity.core.services import require
from intercity.indicators.models import GpcScope, GpcSector, Indicator, NotationKey, Observation
from intercity.indicators.permissions import can_import_observations
from intercity.indicators.tables import LONG_HEADER, WIDE_HEADER, Row, TableError, read_table
from intercity.indicators.units import UnitError, convert

ACTION = "indicators.observation.imported"
PREVIEW_ROWS = 200
COMPARED = (
    "year",
    "value",
    "value_as_given",
    "unit_as_given",
    "notation_key",
    "status",
    "source_document",
    "source_locator",
    "source_url",
    "source_publisher",
    "method_note",
    "verified_by_id",
    "verified_at",
    "is_demo",
)
COPIED = tuple(name for name in COMPARED if name not in ("status", "verified_by_id", "verified_at"))
UPDATED = [name.removesuffix("_id") for name in COMPARED] + ["updated_at"]


@dataclass(frozen=True)
class Problem:
    where: str
    message: str


@dataclass(frozen=True)
class Planned:
    where: str
    city: str
    indicator: str
    year: int
    value: float | None
    unit: str
    notation_key: str
    action: str  # created, updated or unchanged


@dataclass
class ImportReport:
    layout: str = ""
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    errors: list[Problem] = field(default_factory=list)
    preview: list[Planned] = field(default_factory=list)
    digest: str = ""  # names the checked upload a page may then confirm

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "layout": self.layout,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [{"row": p.where, "message": p.message} for p in self.errors],
        }


def observations_import(
    *, actor: Any, content: bytes, filename: str = "", dry_run: bool = False, demo: bool = False
) -> ImportReport:
    """Import a CSV or XLSX table of values; nothing is stored unless every row is good."""
    if actor is not None:
        require(can_import_observations(actor))
    try:
        table = read_table(content, filename=filename)
    except TableError as exc:
        return ImportReport(dry_run=dry_run, errors=[Problem("1", _table_message(exc))])
    report = ImportReport(layout=table.layout, rows=len(table.rows), dry_run=dry_run)
    planned = _check_rows(actor, table.rows, report, demo=demo)
    if not report.ok:
        return report
    _plan(actor, planned, report)
    if not dry_run:
        _store(actor, planned)
    return report


class _Rules:
    """What rows are checked against, read once per import."""

    def __init__(self, actor: Any):
        self.actor = actor
        self.secretariat = actor is None or is_secretariat(actor)
        self.own_city = None if self.secretariat else focal_city_id(actor)
        self.cities: dict[str, City] = cities_by_name()
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        self.this_year = timezone.localdate().year


def _check_rows(actor: Any, rows: list[Row], report: ImportReport, *, demo: bool) -> list:
    rules = _Rules(actor)
    seen: dict[tuple, str] = {}
    planned = []
    for row in rows:
        messages: list[str] = []
        observation = _observation(rules, row, messages, demo=demo)
        if observation is not None and not messages:
            key = (
                observation.city_id,
                observation.indicator_id,
                observation.period_start,
                observation.period_end,
                observation.gpc_sector,
                observation.gpc_scope,
            )
            if key in seen:
                messages.append(_("duplicate of row %(row)s in this file") % {"row": seen[key]})
            else:
                seen[key] = row.where
                planned.append((row, key, observation))
        report.errors.extend(Problem(row.where, message) for message in messages)
    return planned


def _observation(rules: _Rules, row: Row, messages: list[str], *, demo: bool):
    cells = row.cells
    city = rules.cities.get(city_name_folded(cells.get("city", "")))
    if city is None:
        messages.append(_("unknown city “%(city)s”") % {"city": cells.get("city", "")})
    elif not rules.secretariat and city.pk != rules.own_city:
        messages.append(_("you may import values for your own city only"))
    indicator = rules.indicators.get(cells.get("indicator", "").strip().lower())
    if indicator is None:
        messages.append(
            _("unknown indicator code “%(code)s”") % {"code": cells.get("indicator", "")}
        )
    year = _year(cells.get("year", ""), rules.this_year, messages)
    value, notation = _value(cells, messages)
    status = cells.get("status", "").lower()
    if status and status not in Observation.Status.values:
        messages.append(_("unknown status “%(status)s”") % {"status": status})
    elif status == Observation.Status.VERIFIED and not rules.secretariat:
        messages.append(_("only the secretariat verifies values"))
    sector = cells.get("gpc_sector", "").lower().replace(" ", "_")
    scope = cells.get("gpc_scope", "").lower().removeprefix("scope").strip()
    if sector and sector not in GpcSector.values:
        messages.append(_("unknown GPC sector “%(sector)s”") % {"sector": sector})
    if scope and scope not in GpcScope.values:
        messages.append(_("unknown GPC scope “%(scope)s”") % {"scope": scope})
    period_start = _date(cells.get("period_start", ""), messages)
    period_end = _date(cells.get("period_end", ""), messages)
    if messages or indicator is None or city is None or year is None:
        return None
    unit = cells.get("unit", "") or indicator.unit
    canonical = None
    if value is not None:
        try:
            canonical = convert(value, unit, indicator.unit)
        except UnitError:
            messages.append(
                _("unit “%(given)s” cannot be converted to %(unit)s")
                % {"given": unit, "unit": indicator.unit}
            )
            return None
    if (sector or scope) and indicator.gpc_sector:
        sector = sector or indicator.gpc_sector
    observation = Observation(
        city=city,
        indicator=indicator,
        year=year,
        period_start=period_start or datetime.date(year, 1, 1),
        period_end=period_end or datetime.date(year, 12, 31),
        gpc_sector=sector,
        gpc_scope=scope,
        value=canonical,
        value_as_given=value,
        unit_as_given=unit if value is not None else "",
        notation_key=notation,
        status=status,
        source_document=cells.get("source", "")[:200],
        source_locator=cells.get("page", "")[:200],
        source_url=cells.get("source_url", ""),
        source_publisher=cells.get("publisher", "")[:200],
        method_note=cells.get("method", ""),
        is_demo=demo,
    )
    try:
        observation.clean_fields(
            exclude=["city", "indicator", "entered_by", "verified_by", "status"]
        )
        observation.clean()
    except ValidationError as error:
        messages.extend(_flatten(error))
        return None
    return observation


def _table_message(error: TableError) -> str:
    messages = {
        "empty": _("the file is empty"),
        "no rows": _("the file has a header but no rows of values"),
        "encoding": _("the file is neither UTF-8 CSV nor XLSX"),
        "xlsx": _("the file is not a readable XLSX workbook"),
        "header": _(
            "the header must start with “%(long)s” (long layout) or with “%(wide)s” "
            "followed by one column per year (wide layout)"
        )
        % {"long": ",".join(LONG_HEADER), "wide": ",".join(WIDE_HEADER)},
    }
    return messages.get(str(error), str(error))


def _year(text: str, this_year: int, messages: list[str]) -> int | None:
    try:
        year = int(float(text))
    except ValueError:
        messages.append(_("year “%(year)s” is not a year") % {"year": text})
        return None
    if year > this_year:
        messages.append(_("year %(year)s is in the future") % {"year": year})
        return None
    if year < 1900:
        messages.append(_("year %(year)s is too early") % {"year": year})
        return None
    return year


def _value(cells: dict[str, str], messages: list[str]) -> tuple[float | None, str]:
    text = cells.get("value", "").strip()
    notation = cells.get("notation_key", "").strip().upper()
    if text.upper() in NotationKey.values:
        notation, text = text.upper(), ""
    if notation and notation not in NotationKey.values:
        messages.append(_("unknown notation key “%(key)s”") % {"key": notation})
    if not text:
        if not notation:
            messages.append(_("no value and no notation key"))
        return None, notation
    try:
        value = float(text.replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        messages.append(_("value “%(value)s” is not a number") % {"value": text})
        return None, notation
    if value != value or value in (float("inf"), float("-inf")):
        messages.append(_("value “%(value)s” is not a number") % {"value": text})
    return value, notation


def _date(text: str, messages: list[str]) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        messages.append(_("date “%(date)s” is not a date (YYYY-MM-DD)") % {"date": text})
        return None


def _flatten(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


def _plan(actor: Any, planned: list, report: ImportReport) -> None:
    """Decide for each row whether it creates, updates or leaves a stored value."""
    city_ids = {key[0] for _row, key, _obs in planned}
    indicator_ids = {key[1] for _row, key, _obs in planned}
    existing = {
        (o.city_id, o.indicator_id, o.period_start, o.period_end, o.gpc_sector, o.gpc_scope): o
        for o in Observation.objects.filter(city_id__in=city_ids, indicator_id__in=indicator_ids)
    }
    user = actor if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    for index, (row, key, new) in enumerate(planned):
        old = existing.get(key)
        if old is None:
            new.status = new.status or Observation.Status.REPORTED
            new.entered_by = user
            if new.status == Observation.Status.VERIFIED:
                new.verified_by, new.verified_at = user, now
            action, target = "created", new
        else:
            action, target = _merge(old, new, user, now), old
        planned[index] = (action, target)
        setattr(report, action, getattr(report, action) + 1)
        if len(report.preview) < PREVIEW_ROWS:
            report.preview.append(
                Planned(
                    row.where,
                    new.city.label,
                    new.indicator.code,
                    new.year,
                    new.value_as_given,
                    new.unit_as_given,
                    new.notation_key,
                    action,
                )
            )


def _merge(old: Observation, new: Observation, user, now) -> str:
    before = {name: getattr(old, name) for name in COMPARED}
    for name in COPIED:
        setattr(old, name, getattr(new, name))
    value_changed = any(
        before[name] != getattr(old, name) for name in ("value", "notation_key", "unit_as_given")
    )
    if new.status == Observation.Status.VERIFIED:
        if before["status"] != Observation.Status.VERIFIED or value_changed:
            old.status, old.verified_by, old.verified_at = new.status, user, now
    elif new.status:
        old.status = new.status
    elif value_changed and old.status == Observation.Status.VERIFIED:
        old.status = Observation.Status.REPORTED
    if old.status != Observation.Status.VERIFIED:
        old.verified_by, old.verified_at = None, None
    after = {name: getattr(old, name) for name in COMPARED}
    return "unchanged" if after == before else "updated"


@transaction.atomic
def _store(actor: Any, planned: list) -> None:
    user = actor if getattr(actor, "is_authenticated", False) else None
    creates = [obs for action, obs in planned if action == "created"]
    updates = [obs for action, obs in planned if action == "updated"]
    now = timezone.now()
    for obs in updates:
        obs.updated_at = now
    if creates:
        Observation.objects.bulk_create(creates, batch_size=500)
        _history(creates, kind="+", user=user, when=now)
    if updates:
        Observation.objects.bulk_update(updates, fields=UPDATED, batch_size=500)
        _history(updates, kind="~", user=user, when=now)


def _history(observations: list[Observation], *, kind: str, user, when) -> None:
    """One audit row per stored value, as simple-history writes it, in one statement.

    Building a historical model instance per row took most of a large import's time;
    the rows are written straight from the stored values instead, with the same columns.
    """
    model = Observation.history.model
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    extra = {
        "history_date": when,
        "history_type": kind,
        "history_change_reason": ACTION,
        "history_user_id": user.pk if user is not None else None,
    }
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    rows = [
        [
            field.get_db_prep_save(
                extra[field.attname] if field.attname in extra else getattr(obs, field.attname),
                connection,
            )
            for field in fields
        ]
        for obs in observations
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
