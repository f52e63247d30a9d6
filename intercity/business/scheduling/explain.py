"""Plain-language reasons why an instance cannot be scheduled (over-full participants or slots)."""

from __future__ import annotations

from .problem import Problem


def _slot_names(problem: Problem, slots: list[int]) -> str:
    return ", ".join(problem.instance.slots[s].id for s in slots)


def _meeting_names(problem: Problem, meetings: list[int]) -> str:
    return ", ".join(problem.instance.meetings[m].id for m in meetings)


def _why_no_slot(problem: Problem, m: int) -> str:
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
            return (
                f"meeting {meeting.id} is fixed to slot {fixed.id} in the {fixed.session} "
                f"but must be in the {meeting.session}"
            )
        for participant in (a, b):
            if fixed.id in unavailable[participant]:
                return (
                    f"meeting {meeting.id} is fixed to slot {fixed.id} "
                    f"where participant {participant} is unavailable"
                )
    if not session_slots:
        return (
            f"meeting {meeting.id} must be in the {meeting.session} but that session has no slots"
        )
    return (
        f"meeting {meeting.id} ({a} with {b}, {meeting.session}) has no slot in which "
        "both participants are available"
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


def find_obstacles(problem: Problem, domains: list[list[int]]) -> list[str]:
    """Necessary conditions that fail; an empty list does not prove the instance feasible."""
    instance = problem.instance
    reasons: list[str] = []

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
                    f"fixed meetings {instance.meetings[fixed_at[(p, s)]].id} and {meeting.id} "
                    f"clash: participant {instance.participants[p].id} is in both "
                    f"in slot {instance.slots[s].id}"
                )
            else:
                fixed_at[(p, s)] = m
    for s, fixed in fixed_by_slot.items():
        if len(fixed) > problem.tables:
            reasons.append(
                f"slot {instance.slots[s].id} has {len(fixed)} fixed meetings but only "
                f"{problem.tables} tables"
            )

    for p, meetings in enumerate(problem.meetings_of):
        usable = [m for m in meetings if problem.domains[m]]
        violation = _hall_violation(usable, problem.domains)
        ordering = ""
        if violation is None:
            # The order of meetings can shrink their slots further.
            violation = _hall_violation([m for m in usable if domains[m]], domains)
            ordering = " once the required order of meetings is taken into account"
            if violation is None:
                continue
        stuck, slots = violation
        name = instance.participants[p].id
        if len(stuck) == len(meetings) and not ordering:
            reasons.append(
                f"participant {name} has {len(stuck)} meetings but only {len(slots)} "
                "available slots in the allowed sessions"
            )
        else:
            reasons.append(
                f"participant {name} has {len(stuck)} meetings ({_meeting_names(problem, stuck)}) "
                f"that can only use {len(slots)} slots ({_slot_names(problem, slots)}){ordering}"
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
                f"session {session} has {len(bound)} meetings but {len(slots)} slots × "
                f"{problem.tables} tables = {places} places"
            )
    places = problem.slot_count * problem.tables
    if problem.meeting_count > places:
        reasons.append(
            f"the event has {problem.meeting_count} meetings but {problem.slot_count} slots × "
            f"{problem.tables} tables = {places} places"
        )

    for m, domain in enumerate(domains):
        if problem.domains[m] and not domain:
            reasons.append(
                f"meeting {instance.meetings[m].id} cannot take place after "
                f"{_meeting_names(problem, problem.predecessors[m]) or 'its predecessors'} "
                "and before its successors: the chain of precedences needs more slots "
                "than its allowed slots offer"
            )
    return reasons
