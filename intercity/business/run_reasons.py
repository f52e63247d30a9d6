"""A scheduler run's reasons in the reader's language, naming organisations and slots."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from intercity.business.models import MeetingRequest, Registration, ScheduleRun


def _reason_templates() -> dict[str, str]:
    """The scheduler's reasons in the reader's language, by code (see scheduling.model.Reason)."""
    return {
        "fixed_wrong_session": _(
            "The meeting %(meeting)s is fixed to %(slot)s, outside its session (%(session)s)."
        ),
        "fixed_unavailable": _(
            "The meeting %(meeting)s is fixed to %(slot)s, when %(participant)s is unavailable."
        ),
        "session_without_slots": _(
            "The meeting %(meeting)s must take place in a session that has no slots (%(session)s)."
        ),
        "no_common_slot": _(
            "The meeting %(meeting)s has no slot in which both participants are available "
            "(session: %(session)s)."
        ),
        "fixed_clash": _(
            "The fixed meetings %(first)s and %(second)s are both at %(slot)s, and "
            "%(participant)s takes part in both."
        ),
        "fixed_overfull": _(
            "More meetings are fixed to %(slot)s than there are tables (meetings: %(count)s, "
            "tables: %(tables)s)."
        ),
        "participant_overfull": _(
            "%(participant)s has more meetings than available slots in the allowed sessions "
            "(meetings: %(count)s, slots: %(slot_count)s)."
        ),
        "participant_stuck": _(
            "%(participant)s has more meetings than slots they can use (meetings: "
            "%(meetings)s; slots: %(slots)s)."
        ),
        "participant_stuck_ordered": _(
            "Once the required order of meetings is taken into account, %(participant)s has "
            "more meetings than slots they can use (meetings: %(meetings)s; slots: %(slots)s)."
        ),
        "session_overfull": _(
            "The session %(session)s has more meetings than places (meetings: %(count)s; "
            "places: %(slot_count)s slots × %(tables)s tables = %(places)s)."
        ),
        "event_overfull": _(
            "The event has more meetings than places (meetings: %(count)s; places: "
            "%(slot_count)s slots × %(tables)s tables = %(places)s)."
        ),
        "precedence_chain": _(
            "The meeting %(meeting)s cannot keep the required order: the meetings that must "
            "come before and after it need more slots than it may use."
        ),
        "unfair_found": _(
            "No schedule within the fairness limit (%(fairness)s) was found in time; the best "
            "complete one goes over it (breaks over the limit: %(over)s). Allow more time or "
            "a larger limit."
        ),
        "incomplete": _(
            "No complete schedule was found in time (meetings placed: %(placed)s of "
            "%(count)s). Allow more time."
        ),
        "fairness_only": _(
            "Every schedule goes over the fairness limit (%(fairness)s); without it a "
            "schedule exists."
        ),
        "rules_conflict": _(
            "The rules cannot all be met together (the solver proved it), although no single "
            "participant or slot is over-full on its own."
        ),
        "partial": _(
            "The best partial schedule places %(placed)s of %(count)s meetings (breaks: "
            "%(breaks)s)."
        ),
        "partial_proved": _(
            "The best partial schedule places %(placed)s of %(count)s meetings (breaks: "
            "%(breaks)s); none can place more."
        ),
        "failed": _("The scheduler stopped with an error: %(error)s"),
    }


# Values of a scheduler reason that hold database keys, and what they name.
_REASON_KINDS = {
    "meeting": "meeting",
    "first": "meeting",
    "second": "meeting",
    "meetings": "meeting",
    "slot": "slot",
    "slots": "slot",
    "participant": "participant",
    "requester": "participant",
    "invitee": "participant",
    "earlier_slot": "slot",
    "fixed_to": "slot",
}


def _problem_templates() -> dict[str, str]:
    """The independent validator's findings in the reader's language, by code."""
    return {
        "table_shared": _(
            "Table %(table)s at %(slot)s holds two meetings (%(first)s; %(second)s)."
        ),
        "slot_overfull": _(
            "%(slot)s has more meetings than tables (meetings: %(count)s, tables: %(tables)s)."
        ),
        "wrong_session": _(
            "The meeting %(meeting)s is at %(slot)s, outside its session (%(session)s)."
        ),
        "off_fixed_slot": _("The meeting %(meeting)s is fixed to %(fixed_to)s but is at %(slot)s."),
        "unavailable": _(
            "The meeting %(meeting)s is at %(slot)s, when %(participant)s is unavailable."
        ),
        "double_booked": _("%(participant)s has two meetings at %(slot)s (%(first)s; %(second)s)."),
        "order_broken": _(
            "The meeting %(first)s (%(earlier_slot)s) must come before the meeting "
            "%(second)s (%(slot)s)."
        ),
        "not_scheduled": _("The meeting %(meeting)s has no slot."),
        "unfair": _(
            "Unfair: breaks per participant range from %(least)s to %(most)s, more than "
            "%(fairness)s apart."
        ),
    }


# The validator's findings as scheduling.validation words them, keys quoted by repr().
_K, _N = r"'(?P<%s>\d+)'", r"(?P<%s>\d+)"
_PROBLEM_PATTERNS = [
    (code, re.compile(pattern))
    for code, pattern in (
        (
            "table_shared",
            rf"table {_N % 'table'} in slot {_K % 'slot'} holds both {_K % 'first'} "
            rf"and {_K % 'second'}",
        ),
        (
            "slot_overfull",
            rf"slot {_K % 'slot'} has {_N % 'count'} meetings but only {_N % 'tables'} tables",
        ),
        (
            "wrong_session",
            rf"meeting {_K % 'meeting'} must be in the (?P<session>\w+) "
            rf"but is in \w+ slot {_K % 'slot'}",
        ),
        (
            "off_fixed_slot",
            rf"meeting {_K % 'meeting'} is fixed to slot {_K % 'fixed_to'} "
            rf"but is in slot {_K % 'slot'}",
        ),
        (
            "unavailable",
            rf"meeting {_K % 'meeting'} is in slot {_K % 'slot'} "
            rf"where {_K % 'participant'} is unavailable",
        ),
        (
            "double_booked",
            rf"participant {_K % 'participant'} has meetings {_K % 'first'} and "
            rf"{_K % 'second'} both in slot {_K % 'slot'}",
        ),
        (
            "order_broken",
            rf"meeting {_K % 'first'} \(slot {_K % 'earlier_slot'}\) must come before "
            rf"meeting {_K % 'second'} \(slot {_K % 'slot'}\)",
        ),
        ("not_scheduled", rf"meeting {_K % 'meeting'} is not scheduled"),
        (
            "unfair",
            rf"unfair: break counts range from {_N % 'least'} to {_N % 'most'}, "
            rf"more than {_N % 'fairness'} apart",
        ),
    )
]


def _problem_line(problem: str) -> dict | str:
    """A validator finding as a reason with a code and values, or as it is if unknown."""
    for code, pattern in _PROBLEM_PATTERNS:
        if match := pattern.fullmatch(problem):
            return {"code": code, "values": match.groupdict()}
    return problem


def run_problems(run: ScheduleRun, problems: list[str] | None = None) -> list[str]:
    """What the independent validator finds wrong with the run's schedule (or `problems` it
    found in it), in the reader's language and naming organisations and slots, not the keys
    the validator was given."""
    found = run.problems if problems is None else problems
    return _render(run, [_problem_line(str(p)) for p in found], _problem_templates())


def run_explanation(run: ScheduleRun) -> list[str]:
    """The run's reasons in the reader's language, naming meetings by their organisations
    and slots by day and time instead of by the keys the scheduler was given. Lines stored
    as plain text are shown as they are."""
    return _render(run, run.explanation, _reason_templates())


def _render(run: ScheduleRun, lines: list, templates: dict[str, str]) -> list[str]:
    """Coded reasons through their templates with their keys named; text as it is."""
    reasons = [line for line in lines if isinstance(line, dict)]
    keys: dict[str, set[int]] = {"meeting": set(), "slot": set(), "participant": set()}
    for line in reasons:
        for name, value in line.get("values", {}).items():
            if kind := _REASON_KINDS.get(name):
                values = value if isinstance(value, list) else [value]
                keys[kind].update(int(v) for v in values if str(v).isdigit())
    related = ("requester__organisation", "invitee__organisation")
    names = {
        "meeting": {
            r.pk: str(r)
            for r in MeetingRequest.objects.filter(
                event_id=run.event_id, pk__in=keys["meeting"]
            ).select_related(*related)
        },
        "slot": {s.pk: str(s) for s in run.event.slots.filter(pk__in=keys["slot"])},
        "participant": {
            r.pk: str(r.organisation)
            for r in Registration.objects.filter(
                event_id=run.event_id, pk__in=keys["participant"]
            ).select_related("organisation")
        },
    }
    sessions = dict(MeetingRequest.Preference.choices)
    rendered = []
    for line in lines:
        if not isinstance(line, dict) or line.get("code") not in templates:
            rendered.append(str(line))
            continue
        values = {}
        for name, value in line.get("values", {}).items():
            if kind := _REASON_KINDS.get(name):
                named = [
                    names[kind].get(int(v), f"#{v}") if str(v).isdigit() else str(v)
                    for v in (value if isinstance(value, list) else [value])
                ]
                values[name] = ", ".join(named)
            elif name in ("session", "slot_session"):
                values[name] = sessions.get(value, value)
            else:
                values[name] = value
        rendered.append(templates[line["code"]] % values)
    return rendered
