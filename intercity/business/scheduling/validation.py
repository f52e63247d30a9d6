"""Independent checker of a schedule: every hard rule, breaks and fairness, recomputed plainly.

Deliberately shares no code with the solving engines so that it can catch their mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Assignment, Instance


@dataclass
class ValidationReport:
    problems: list[str] = field(default_factory=list)
    breaks_by_participant: dict[str, int] = field(default_factory=dict)
    total_breaks: int = 0
    placed_meetings: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def participant_breaks(
    busy_positions: list[int], sessions: list[str], ignore_lunch_gap: bool = False
) -> int:
    """Number of maximal idle runs between two meetings of one participant."""
    positions = sorted(busy_positions)
    breaks = 0
    for i in range(1, len(positions)):
        previous, current = positions[i - 1], positions[i]
        if current == previous + 1:
            continue
        if ignore_lunch_gap and sessions[previous] != sessions[current]:
            continue
        breaks += 1
    return breaks


def validate_schedule(
    instance: Instance,
    assignments: list[Assignment],
    *,
    fairness: int | None,
    ignore_lunch_gap: bool = False,
    allow_unplaced: bool = False,
) -> ValidationReport:
    report = ValidationReport()
    position_of_slot = {slot.id: i for i, slot in enumerate(instance.slots)}
    sessions = [slot.session for slot in instance.slots]
    meetings = {meeting.id: meeting for meeting in instance.meetings}
    unavailable = {p.id: set(p.unavailable) for p in instance.participants}

    slot_of: dict[str, str] = {}
    for assignment in assignments:
        if assignment.meeting not in meetings:
            report.problems.append(f"unknown meeting {assignment.meeting!r} in the schedule")
            continue
        if assignment.meeting in slot_of:
            report.problems.append(f"meeting {assignment.meeting!r} is scheduled twice")
            continue
        if assignment.slot not in position_of_slot:
            report.problems.append(
                f"meeting {assignment.meeting!r} is in unknown slot {assignment.slot!r}"
            )
            continue
        if not 1 <= assignment.table <= instance.tables:
            report.problems.append(
                f"meeting {assignment.meeting!r} uses table {assignment.table} "
                f"outside 1..{instance.tables}"
            )
        slot_of[assignment.meeting] = assignment.slot
    report.placed_meetings = len(slot_of)

    if not allow_unplaced:
        for meeting_id in meetings:
            if meeting_id not in slot_of:
                report.problems.append(f"meeting {meeting_id!r} is not scheduled")

    tables_used: dict[tuple[str, int], str] = {}
    for assignment in assignments:
        key = (assignment.slot, assignment.table)
        if key in tables_used and tables_used[key] != assignment.meeting:
            report.problems.append(
                f"table {assignment.table} in slot {assignment.slot!r} holds both "
                f"{tables_used[key]!r} and {assignment.meeting!r}"
            )
        tables_used[key] = assignment.meeting

    meetings_in_slot: dict[str, int] = {}
    for slot_id in slot_of.values():
        meetings_in_slot[slot_id] = meetings_in_slot.get(slot_id, 0) + 1
    for slot_id, count in meetings_in_slot.items():
        if count > instance.tables:
            report.problems.append(
                f"slot {slot_id!r} has {count} meetings but only {instance.tables} tables"
            )

    attending: dict[tuple[str, str], str] = {}
    for meeting_id, slot_id in slot_of.items():
        meeting = meetings[meeting_id]
        session = sessions[position_of_slot[slot_id]]
        if meeting.session != "either" and meeting.session != session:
            report.problems.append(
                f"meeting {meeting_id!r} must be in the {meeting.session} "
                f"but is in {session} slot {slot_id!r}"
            )
        if meeting.fixed_slot is not None and meeting.fixed_slot != slot_id:
            report.problems.append(
                f"meeting {meeting_id!r} is fixed to slot {meeting.fixed_slot!r} "
                f"but is in slot {slot_id!r}"
            )
        for participant_id in meeting.participants:
            if slot_id in unavailable[participant_id]:
                report.problems.append(
                    f"meeting {meeting_id!r} is in slot {slot_id!r} "
                    f"where {participant_id!r} is unavailable"
                )
            key = (participant_id, slot_id)
            if key in attending:
                report.problems.append(
                    f"participant {participant_id!r} has meetings {attending[key]!r} and "
                    f"{meeting_id!r} both in slot {slot_id!r}"
                )
            else:
                attending[key] = meeting_id
        for earlier_id in meeting.after:
            if earlier_id in slot_of and not (
                position_of_slot[slot_of[earlier_id]] < position_of_slot[slot_id]
            ):
                report.problems.append(
                    f"meeting {earlier_id!r} (slot {slot_of[earlier_id]!r}) must come before "
                    f"meeting {meeting_id!r} (slot {slot_id!r})"
                )

    busy: dict[str, list[int]] = {p.id: [] for p in instance.participants}
    for (participant_id, slot_id), _meeting in attending.items():
        busy[participant_id].append(position_of_slot[slot_id])
    for participant_id, positions in busy.items():
        report.breaks_by_participant[participant_id] = participant_breaks(
            positions, sessions, ignore_lunch_gap
        )
    report.total_breaks = sum(report.breaks_by_participant.values())

    if fairness is not None and report.breaks_by_participant:
        most = max(report.breaks_by_participant.values())
        least = min(report.breaks_by_participant.values())
        if most - least > fairness:
            report.problems.append(
                f"unfair: break counts range from {least} to {most}, more than {fairness} apart"
            )
    return report
