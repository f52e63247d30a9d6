"""Importing an event's agreed meetings from a table: every line checked, all or nothing.

An organiser whose meetings were arranged elsewhere (another event system's export, a
spreadsheet) brings them in as accepted requests between organisations already on the
platform; the organisations are registered for the event on the way. A line naming a
meeting that is already there, in either direction, is skipped and said so; any other
problem is reported with its line and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from intercity.business import permissions as rules
from intercity.business.models import (
    Event,
    MeetingRequest,
    Registration,
    validate_request_note,
)
from intercity.core.csv_tables import TableReport, read_table
from intercity.core.services import create_with_audit, require
from intercity.organisations.models import Organisation

ACTION = "business.meeting_request.imported"
REQUIRED = ("requester", "invitee")
OPTIONAL = ("session", "note")
# The schedule download (views.exports) reads back: its columns of its own are passed over.
IGNORED = ("day", "starts_at", "ends_at", "table", "requester_name", "invitee_name")
MAX_LINES = 20_000
# Names looked up per query: an OR of this many conditions stays within SQLite's limits.
LOOKUP_CHUNK = 200


@dataclass
class RequestImport(TableReport):
    """What an import did, or would have done had no line been wrong."""

    created: int = 0
    registered: int = 0


def _case_keys(text: str) -> set[str]:
    """The forms under which databases compare text case aside (they differ beyond ASCII)."""
    return {text.casefold(), text.lower(), text.upper()}


def _resolve_all(values: set[str]) -> dict[str, tuple[Organisation | None, str]]:
    """The organisation each cell value names (its slug, or its exact name case aside), or
    why none: a few queries for the whole file, however many lines and names it has."""
    values = {value for value in values if value}
    found: dict[str, tuple[Organisation | None, str]] = {}
    names: dict[str, dict[int, Organisation]] = {}
    chunks = [sorted(values)[i : i + LOOKUP_CHUNK] for i in range(0, len(values), LOOKUP_CHUNK)]
    for chunk in chunks:
        for organisation in Organisation.objects.filter(slug__in=chunk):
            found[organisation.slug] = (organisation, "")
        by_name = Q()
        for value in chunk:
            by_name |= Q(name__iexact=value)
        for organisation in Organisation.objects.filter(by_name):
            for key in _case_keys(organisation.name):
                names.setdefault(key, {})[organisation.pk] = organisation
    for value in values - found.keys():
        # The database matched the names case aside; the same comparison in Python tells
        # which value each one answers.
        matches = list(
            {pk: o for key in _case_keys(value) for pk, o in names.get(key, {}).items()}.values()
        )
        if len(matches) == 1:
            found[value] = (matches[0], "")
        elif not matches:
            found[value] = (None, _("No organisation “%(name)s” on the platform; add it first."))
        else:
            found[value] = (None, _("Several organisations are called “%(name)s”; give its slug."))
    return found


def _organisation_finder(records, report: RequestImport):
    """Resolve every distinct cell value at once; each line naming a bad one is reported."""
    resolved = _resolve_all(
        {cells.get(column, "") for _line, cells in records for column in REQUIRED}
    )

    def find(value: str, line: int) -> Organisation | None:
        organisation, message = resolved[value]
        if message:
            report.errors.append((line, message % {"name": value}))
        return organisation

    return find


def requests_import(*, actor: Any, event: Event, content: bytes) -> RequestImport:
    """Bring in the table's meetings as accepted requests; write nothing if a line is wrong."""
    require(rules.can_organise_event(actor, event))
    report = RequestImport()
    records = read_table(
        content,
        report,
        required=REQUIRED,
        optional=OPTIONAL,
        ignored=IGNORED,
        max_lines=MAX_LINES,
        no_lines=_("The file has a header but no lines of meetings."),
    )
    find = _organisation_finder(records, report)
    sessions = set(MeetingRequest.Preference.values)
    existing = {
        frozenset(pair)
        for pair in event.requests.values_list(
            "requester__organisation_id", "invitee__organisation_id"
        )
    }
    in_file: dict[frozenset, int] = {}  # each meeting planned from this file, and its line
    planned: list[tuple[Organisation, Organisation, str, str]] = []
    for line, cells in records:
        names = [cells.get(column, "") for column in REQUIRED]
        if not all(names):
            report.errors.append((line, _("Both the requester and the invitee are needed.")))
            continue
        session = (cells.get("session") or MeetingRequest.Preference.EITHER).lower()
        if session not in sessions:
            report.errors.append(
                (
                    line,
                    _("Session “%(value)s” is not one of: %(choices)s.")
                    % {"value": cells["session"], "choices": ", ".join(sorted(sessions))},
                )
            )
            continue
        requester, invitee = (find(name, line) for name in names)
        if requester is None or invitee is None:
            continue
        if requester.pk == invitee.pk:
            report.errors.append((line, _("An organisation cannot meet itself.")))
            continue
        pair = frozenset((requester.pk, invitee.pk))
        if pair in in_file:
            report.skipped.append(
                (
                    line,
                    _("%(a)s and %(b)s: the same meeting as on line %(line)s.")
                    % {"a": requester, "b": invitee, "line": in_file[pair]},
                )
            )
            continue
        if pair in existing:
            report.skipped.append(
                (
                    line,
                    _("%(a)s and %(b)s already have a meeting.") % {"a": requester, "b": invitee},
                )
            )
            continue
        note = cells.get("note", "")
        try:  # the note as the model and the request form check it (hidden characters, length)
            MeetingRequest(event=event, note=note, session=session).clean_fields(
                exclude=["event", "requester", "invitee"]
            )
            validate_request_note(note)
        except ValidationError as error:
            report.errors.append((line, " ".join(error.messages)))
            continue
        in_file[pair] = line
        planned.append((requester, invitee, session, note))
    if report.errors:
        return report
    with transaction.atomic():
        registrations = {r.organisation_id: r for r in event.registrations.all()}
        for requester, invitee, session, note in planned:
            for organisation in (requester, invitee):
                if organisation.pk not in registrations:
                    registrations[organisation.pk] = Registration.objects.create(
                        event=event, organisation=organisation
                    )
                    report.registered += 1
            create_with_audit(
                MeetingRequest,
                {
                    "event": event,
                    "requester": registrations[requester.pk],
                    "invitee": registrations[invitee.pk],
                    "session": session,
                    "note": note,
                    "status": MeetingRequest.Status.ACCEPTED,
                },
                actor=actor,
                action=ACTION,
            )
            report.created += 1
    report.written = True
    return report
