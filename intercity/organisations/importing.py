"""Registering many organisations from a table: every line checked, all or nothing.

The secretariat, or a city's focal point for their own city, brings in a list of enterprises,
universities and agencies (a trade fair's exhibitor list, this directory's own CSV download).
A line naming an organisation already registered in its city, or repeating an earlier line,
is skipped and said so; any other problem is reported with its line and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from intercity.cities.models import City
from intercity.core.csv_tables import TableReport, read_table
from intercity.core.services import bulk_create_with_audit, require
from intercity.core.slugs import unique_slugs
from intercity.organisations.models import Organisation
from intercity.organisations.permissions import can_create_organisation

ACTION = "organisations.organisation.imported"
REQUIRED = ("name", "city")
OPTIONAL = ("kind", "website", "description")
# The directory's download reads back: its column of its own is passed over.
IGNORED = ("demo data",)
MAX_LINES = 5_000
SLUG_LENGTH = 100


@dataclass
class OrganisationImport(TableReport):
    """What an import did, or would have done had no line been wrong (or on a dry run)."""

    created: list[Organisation] = field(default_factory=list)


def _city_finder(records):
    """The city each cell names, by slug or English name, case aside; two queries at most."""
    values = {cells.get("city", "") for _line, cells in records} - {""}
    by_key: dict[str, City] = {}
    for city in City.objects.all().only("pk", "slug", "name"):
        by_key.setdefault(city.slug.casefold(), city)
        by_key.setdefault(city.name.casefold(), city)
    return {value: by_key.get(value.casefold()) for value in values}


def _kinds() -> dict[str, str]:
    """Each kind by its code and its label, in English and in the reader's language (the
    directory's CSV download gives labels)."""
    kinds = {}
    for code, label in Organisation.Kind.choices:
        kinds[code] = code
        kinds[str(label).casefold()] = code
        with translation.override("en"):
            kinds[str(label).casefold()] = code
    return kinds


def _line_errors(data: dict[str, Any]) -> list[str]:
    """The model's own checks of one line (lengths, the website address), with field names."""
    try:
        # The city was found above; checking it again would cost a query per line.
        Organisation(**data, slug="x").full_clean(
            exclude=["city"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        return [
            f"{Organisation._meta.get_field(name).verbose_name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        ]
    return []


def organisations_import(
    *, actor: Any, content: bytes, dry_run: bool = False
) -> OrganisationImport:
    """Register the table's organisations; write nothing if a line is wrong or on a dry run."""
    require(can_create_organisation(actor))
    report = OrganisationImport()
    records = read_table(
        content,
        report,
        required=REQUIRED,
        optional=OPTIONAL,
        ignored=IGNORED,
        max_lines=MAX_LINES,
        no_lines=_("The file has a header but no lines of organisations."),
    )
    cities = _city_finder(records)
    existing = {
        (name.casefold(), city_id)
        for name, city_id in Organisation.objects.filter(
            city__in={city for city in cities.values() if city}
        ).values_list("name", "city_id")
    }
    kinds = _kinds()
    in_file: dict[tuple[str, int], int] = {}
    planned: list[tuple[int, dict[str, Any]]] = []
    for line, cells in records:
        name, city_value = cells.get("name", ""), cells.get("city", "")
        if not name or not city_value:
            report.errors.append((line, _("Both the name and the city are needed.")))
            continue
        city = cities[city_value]
        if city is None:
            report.errors.append(
                (line, _("No city “%(name)s” on the platform.") % {"name": city_value})
            )
            continue
        if not can_create_organisation(actor, city):
            report.errors.append((line, _("You can only register organisations of your city.")))
            continue
        kind = kinds.get(cells.get("kind", "").casefold() or Organisation.Kind.ENTERPRISE)
        if kind is None:
            report.errors.append(
                (
                    line,
                    _("Kind “%(value)s” is not one of: %(choices)s.")
                    % {"value": cells["kind"], "choices": ", ".join(Organisation.Kind.values)},
                )
            )
            continue
        key = (name.casefold(), city.pk)
        if key in in_file:
            report.skipped.append(
                (
                    line,
                    _("%(name)s (%(city)s): the same organisation as on line %(line)s.")
                    % {"name": name, "city": city.name, "line": in_file[key]},
                )
            )
            continue
        if key in existing:
            report.skipped.append(
                (
                    line,
                    _("%(name)s (%(city)s) is already registered.")
                    % {"name": name, "city": city.name},
                )
            )
            continue
        website = cells.get("website", "")
        if website and "://" not in website:
            website = f"https://{website}"
        data = {
            "name": name,
            "kind": kind,
            "city": city,
            "website": website,
            "description": cells.get("description", ""),
        }
        if problems := _line_errors(data):
            report.errors.extend((line, problem) for problem in problems)
            continue
        in_file[key] = line
        planned.append((line, data))
    rows = [data for _line, data in planned]
    if report.errors:
        return report
    if dry_run:
        report.created = [Organisation(**data) for data in rows]
        return report
    for data, slug in zip(
        rows,
        unique_slugs(Organisation, [data["name"] for data in rows], max_length=SLUG_LENGTH),
        strict=True,
    ):
        data["slug"] = slug
    try:
        with transaction.atomic():
            report.created = bulk_create_with_audit(Organisation, rows, actor=actor, action=ACTION)
    except IntegrityError:
        # Someone registered an organisation under one of these slugs meanwhile.
        report.created = []
        report.errors.append((0, _("Another change came in meanwhile; upload the file again.")))
        return report
    report.written = True
    return report
