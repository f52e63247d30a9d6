"""Filling business profiles in from a table: every line checked, all or nothing.

The secretariat, or a city's focal point for their own city's organisations and those
registered for a business event they organise, brings in what many registered organisations
offer and seek (a trade fair's exhibitor survey, a chamber of commerce's list). A line for an
organisation that has a profile updates it, and the report says so; an empty cell leaves the
stored value as it is. A line repeating an earlier line's organisation, or changing nothing,
is skipped and said so; any other problem is reported with its line and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from intercity.business import permissions as rules
from intercity.business.models import Profile, Sector
from intercity.cities.models import City
from intercity.core.csv_tables import TableReport, read_table
from intercity.core.services import bulk_create_with_audit, require, save_changes
from intercity.organisations.models import Organisation

CREATED = "business.profile.imported"
UPDATED = "business.profile.import_updated"
REQUIRED = ("organisation", "sector")
OPTIONAL = ("city", "size", "languages", "offers", "seeks")
FIELDS = ("sector", "size", "languages", "offers", "seeks")
MAX_LINES = 5_000
# Names looked up per query: an OR of this many conditions stays within SQLite's limits.
LOOKUP_CHUNK = 200


@dataclass
class ProfileImport(TableReport):
    """What an import did, or would have done had no line been wrong (or on a dry run)."""

    created: list[Profile] = field(default_factory=list)
    updated: list[Profile] = field(default_factory=list)


def _candidates(values: set[str]) -> list[Organisation]:
    """Every organisation a cell could name (its id, slug or name, case aside), a few queries
    for the whole file."""
    ids = {int(value) for value in values if value.isdigit()}
    found = {o.pk: o for o in Organisation.objects.filter(pk__in=ids).select_related("city")}
    ordered = sorted(values)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start : start + LOOKUP_CHUNK]
        wanted = Q(slug__in=chunk)
        for value in chunk:
            wanted |= Q(name__iexact=value)
        for organisation in Organisation.objects.filter(wanted).select_related("city"):
            found[organisation.pk] = organisation
    return list(found.values())


def _finder(records):
    """Which organisation a line names, or why none."""
    values = {cells.get("organisation", "") for _line, cells in records} - {""}
    candidates = _candidates(values)
    by_id = {str(o.pk): o for o in candidates}
    by_slug = {o.slug: o for o in candidates}
    by_name: dict[str, list[Organisation]] = {}
    for organisation in candidates:
        by_name.setdefault(organisation.name.casefold(), []).append(organisation)
    cities = {}
    for city in City.objects.all().only("pk", "slug", "name"):
        cities.setdefault(city.slug.casefold(), city)
        cities.setdefault(city.name.casefold(), city)

    def find(value: str, city_value: str) -> tuple[Organisation | None, str]:
        if organisation := by_id.get(value) or by_slug.get(value):
            return organisation, ""
        matches = by_name.get(value.casefold(), [])
        if city_value:
            city = cities.get(city_value.casefold())
            if city is None:
                return None, _("No city “%(name)s” on the platform.") % {"name": city_value}
            matches = [o for o in matches if o.city_id == city.pk]
        if len(matches) == 1:
            return matches[0], ""
        if not matches:
            return None, _("No organisation “%(name)s” on the platform; add it first.") % {
                "name": value
            }
        return None, _("Several organisations are called “%(name)s”; give its city or id.") % {
            "name": value
        }

    return find


def _choices() -> tuple[dict[str, Sector], dict[str, str]]:
    """Sectors by ISIC code and name, sizes by code and label (English or the reader's)."""
    sectors = {}
    for sector in Sector.objects.all():
        sectors[sector.code.casefold()] = sector
        sectors[sector.name.casefold()] = sector
        sectors.setdefault(sector.label.casefold(), sector)
    sizes = {}
    for code, label in Profile.Size.choices:
        sizes[code] = code
        sizes[str(label).casefold()] = code
        with translation.override("en"):
            sizes[str(label).casefold()] = code
    return sectors, sizes


def _languages(value: str) -> str:
    """ "en; vi", "EN vi" and "en,vi" all become "en, vi"."""
    return ", ".join(code.lower() for code in re.split(r"[\s,;/]+", value) if code)


def _line_errors(data: dict[str, Any]) -> list[str]:
    """The model's own checks of one line (lengths, choices), with field names."""
    try:
        Profile(**data).full_clean(
            exclude=["organisation", "sector"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        return [
            f"{Profile._meta.get_field(name).verbose_name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        ]
    return []


def _line_data(cells, sectors, sizes, line: int, report: ProfileImport) -> dict | None:
    """The values a line sets, or None once its problems are reported."""
    sector = sectors.get(cells.get("sector", "").casefold())
    if sector is None:
        report.errors.append(
            (line, _("Sector “%(value)s” is not an ISIC section.") % {"value": cells["sector"]})
        )
        return None
    data: dict[str, Any] = {"sector": sector}
    if size_value := cells.get("size", ""):
        if (size := sizes.get(size_value.casefold())) is None:
            report.errors.append(
                (
                    line,
                    _("Size “%(value)s” is not one of: %(choices)s.")
                    % {"value": size_value, "choices": ", ".join(Profile.Size.values)},
                )
            )
            return None
        data["size"] = size
    if languages := _languages(cells.get("languages", "")):
        data["languages"] = languages
    for name in ("offers", "seeks"):
        if cells.get(name):
            data[name] = cells[name]
    return data


def profiles_import(*, actor: Any, content: bytes, dry_run: bool = False) -> ProfileImport:
    """Create or update the table's profiles; write nothing if a line is wrong or on a dry run."""
    require(rules.can_import_profiles(actor))
    report = ProfileImport()
    records = read_table(
        content,
        report,
        required=REQUIRED,
        optional=OPTIONAL,
        max_lines=MAX_LINES,
        no_lines=_("The file has a header but no lines of profiles."),
    )
    find = _finder(records)
    sectors, sizes = _choices()
    may_fill_in = rules.profile_import_scope(actor)
    in_file: dict[int, int] = {}  # each organisation planned from this file, and its line
    planned: list[tuple[Organisation, dict[str, Any]]] = []
    for line, cells in records:
        value = cells.get("organisation", "")
        if not value or not cells.get("sector"):
            report.errors.append((line, _("Both the organisation and the sector are needed.")))
            continue
        organisation, problem = find(value, cells.get("city", ""))
        if organisation is None:
            report.errors.append((line, problem))
            continue
        if not may_fill_in(organisation):
            report.errors.append(
                (
                    line,
                    _(
                        "%(name)s (%(city)s) is neither an organisation of your city nor "
                        "registered for a business event you organise."
                    )
                    % {"name": organisation.name, "city": organisation.city.name},
                )
            )
            continue
        data = _line_data(cells, sectors, sizes, line, report)
        if data is None:
            continue
        if problems := _line_errors(data):
            report.errors.extend((line, problem) for problem in problems)
            continue
        if organisation.pk in in_file:
            report.skipped.append(
                (
                    line,
                    _("%(name)s: the same organisation as on line %(line)s.")
                    % {"name": organisation.name, "line": in_file[organisation.pk]},
                )
            )
            continue
        in_file[organisation.pk] = line
        planned.append((organisation, data))
    stored = {
        profile.organisation_id: profile
        for profile in Profile.objects.filter(
            organisation__in=[organisation for organisation, _data in planned]
        ).select_related("sector")
    }
    new, changes = [], []
    for organisation, data in planned:
        profile = stored.get(organisation.pk)
        if profile is None:
            new.append({**data, "organisation": organisation})
        elif any(getattr(profile, name) != value for name, value in data.items()):
            changes.append((profile, data))
        else:
            report.skipped.append(
                (
                    in_file[organisation.pk],
                    _("%(name)s: the profile already says this.") % {"name": organisation.name},
                )
            )
    report.skipped.sort()
    if report.errors:
        return report
    if dry_run:
        report.created = [Profile(**data) for data in new]
        report.updated = [profile for profile, _data in changes]
        return report
    try:
        with transaction.atomic():
            report.created = bulk_create_with_audit(Profile, new, actor=actor, action=CREATED)
            for profile, data in changes:
                save_changes(profile, data, actor=actor, action=UPDATED)
                report.updated.append(profile)
    except IntegrityError:
        # Someone gave one of these organisations a profile meanwhile.
        report.created, report.updated = [], []
        report.errors.append((0, _("Another change came in meanwhile; upload the file again.")))
        return report
    report.written = True
    return report
