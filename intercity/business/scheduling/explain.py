"""Plain-language reasons why an instance cannot be scheduled (over-full participants or slots)."""

from __future__ import annotations

from .model import Reason, reason
from .problem import Problem


def _slot_ids(problem: Problem, slots: list[int]) -> tuple[str, ...]:
    return tuple(problem.instance.slots[s].id for s in slots)


def _meeting_ids(problem: Problem, meetings: list[int]) -> tuple[str, ...]:
    return tuple(problem.instance.meetings[m].id for m in meetings)


def _why_no_slot(problem: Problem, m: int) -> Reason:
    meeting = problem.instance.meetings[m]
    a, b = meeting.participants
    unavailable = {p.id: set(p.unavailable) for p in problem.instance.participants}
    session_slots = [
        slot.id
        for slot in problem.instance.slots
        if meeting.session == "either" or slot.session == meeting.session
    ]
    if meeting.fixed_slot is not None:
        fixed = next(s for s in problem.instance.slots if s.id == meeting.fixed_slot)
        if meeting.session not in ("either", fixed.session):
            return reason(
                "fixed_wrong_session",
                meeting=meeting.id,
                slot=fixed.id,
                slot_session=fixed.session,
                session=meeting.session,
            )
        for participant in (a, b):
            if fixed.id in unavailable[participant]:
                return reason(
                    "fixed_unavailable", meeting=meeting.id, slot=fixed.id, participant=participant
                )
    if not session_slots:
        return reason("session_without_slots", meeting=meeting.id, session=meeting.session)
    return reason(
        "no_common_slot", meeting=meeting.id, requester=a, invitee=b, session=meeting.session
    )


def _hall_violation(
    meetings: list[int], domains: list[list[int]]
) -> tuple[list[int], list[int]] | None:
    """A set of meetings needing more distinct slots than they can use together, if any.

    Found by maximum bipartite matching (augmenting paths); the meetings reachable from an
    unmatched one by alternating paths form the violating set (Hall's theorem).
    """
    slot_holder: dict[int, int] = {}

    def augment(m: int, visited: set[int]) -> bool:
        for s in domains[m]:
            if s in visited:
                continue
            visited.add(s)
            if s not in slot_holder or augment(slot_holder[s], visited):
                slot_holder[s] = m
                return True
        return False

    unmatched = [m for m in meetings if not augment(m, set())]
    if not unmatched:
        return None
    reached_meetings = set(unmatched)
    reached_slots: set[int] = set()
    frontier = list(unmatched)
    while frontier:
        m = frontier.pop()
        for s in domains[m]:
            if s not in reached_slots:
                reached_slots.add(s)
                holder = slot_holder.get(s)
                if holder is not None and holder not in reached_meetings:
                    reached_meetings.add(holder)
                    frontier.append(holder)
    return sorted(reached_meetings), sorted(reached_slots)


def find_obstacles(problem: Problem, domains: list[list[int]]) -> list[Reason]:
    """Necessary conditions that fail; an empty list does not prove the instance feasible."""
    instance = problem.instance
    reasons: list[Reason] = []

    for m, domain in enumerate(problem.domains):
        if not domain:
            reasons.append(_why_no_slot(problem, m))

    fixed_by_slot: dict[int, list[int]] = {}
    fixed_at: dict[tuple[int, int], int] = {}
    for m, meeting in enumerate(instance.meetings):
        if meeting.fixed_slot is None or not problem.domains[m]:
            continue
        s = problem.domains[m][0]
        fixed_by_slot.setdefault(s, []).append(m)
        for p in problem.meeting_pairs[m]:
            if (p, s) in fixed_at:
                reasons.append(
                    reason(
                        "fixed_clash",
                        first=instance.meetings[fixed_at[(p, s)]].id,
                        second=meeting.id,
                        participant=instance.participants[p].id,
                        slot=instance.slots[s].id,
                    )
                )
            else:
                fixed_at[(p, s)] = m
    for s, fixed in fixed_by_slot.items():
        if len(fixed) > problem.tables:
            reasons.append(
                reason(
                    "fixed_overfull",
                    slot=instance.slots[s].id,
                    count=len(fixed),
                    tables=problem.tables,
                )
            )

    for p, meetings in enumerate(problem.meetings_of):
        usable = [m for m in meetings if problem.domains[m]]
        violation = _hall_violation(usable, problem.domains)
        ordered = False
        if violation is None:
            # The order of meetings can shrink their slots further.
            violation = _hall_violation([m for m in usable if domains[m]], domains)
            ordered = True
            if violation is None:
                continue
        stuck, slots = violation
        name = instance.participants[p].id
        if len(stuck) == len(meetings) and not ordered:
            reasons.append(
                reason(
                    "participant_overfull",
                    participant=name,
                    count=len(stuck),
                    slot_count=len(slots),
                )
            )
        else:
            reasons.append(
                reason(
                    "participant_stuck_ordered" if ordered else "participant_stuck",
                    participant=name,
                    count=len(stuck),
                    meetings=_meeting_ids(problem, stuck),
                    slot_count=len(slots),
                    slots=_slot_ids(problem, slots),
                )
            )

    for session in ("morning", "afternoon"):
        slots = [s for s in range(problem.slot_count) if problem.slot_session[s] == session]
        bound = [
            m
            for m in range(problem.meeting_count)
            if problem.domains[m]
            and all(problem.slot_session[s] == session for s in problem.domains[m])
        ]
        places = len(slots) * problem.tables
        if len(bound) > places:
            reasons.append(
                reason(
                    "session_overfull",
                    session=session,
                    count=len(bound),
                    slot_count=len(slots),
                    tables=problem.tables,
                    places=places,
                )
            )
    places = problem.slot_count * problem.tables
    if problem.meeting_count > places:
        reasons.append(
            reason(
                "event_overfull",
                count=problem.meeting_count,
                slot_count=problem.slot_count,
                tables=problem.tables,
                places=places,
            )
        )

    for m, domain in enumerate(domains):
        if problem.domains[m] and not domain:
            reasons.append(
                reason(
                    "precedence_chain",
                    meeting=instance.meetings[m].id,
                    predecessors=_meeting_ids(problem, problem.predecessors[m]),
                )
            )
    return reasons
