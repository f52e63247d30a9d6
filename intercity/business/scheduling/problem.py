"""Index-based view of an instance that the solving engines work on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Instance


@dataclass
class Problem:
    """Slots, participants and meetings renumbered 0..n-1, with each meeting's allowed slots."""

    instance: Instance
    fairness: int | None
    ignore_lunch_gap: bool
    slot_count: int
    slot_session: list[str]
    participant_count: int
    meeting_pairs: list[tuple[int, int]]
    # Slots where a meeting may go: session, both participants' availability, fixed slot.
    domains: list[list[int]]
    # predecessors[m]: meetings that must be in a strictly earlier slot than m.
    predecessors: list[list[int]]
    successors: list[list[int]]
    meetings_of: list[list[int]]
    # session_break_after[s]: slots s and s+1 lie in different sessions (the lunch gap).
    session_change_after: list[bool]

    @property
    def meeting_count(self) -> int:
        return len(self.meeting_pairs)

    @property
    def tables(self) -> int:
        return self.instance.tables

    def breaks_of_slots(self, busy_slots: list[int]) -> int:
        """Breaks of one participant attending meetings in the given slots."""
        ordered = sorted(busy_slots)
        count = 0
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if later - earlier > 1 and not self._gap_is_lunch(earlier, later):
                count += 1
        return count

    def _gap_is_lunch(self, earlier: int, later: int) -> bool:
        if not self.ignore_lunch_gap:
            return False
        return any(self.session_change_after[s] for s in range(earlier, later))

    def breaks_per_participant(self, slot_of: list[int | None]) -> list[int]:
        busy: list[list[int]] = [[] for _ in range(self.participant_count)]
        for meeting, slot in enumerate(slot_of):
            if slot is None:
                continue
            a, b = self.meeting_pairs[meeting]
            busy[a].append(slot)
            busy[b].append(slot)
        return [self.breaks_of_slots(slots) for slots in busy]


def chosen_slots(
    x: list[dict[int, Any]], meeting_count: int, chosen: Callable[[Any], bool]
) -> list[int | None]:
    """Each meeting's slot in a model's answer: the slot whose variable `chosen` says is set
    (x[m] maps slot -> the engine's variable for "meeting m in that slot")."""
    slot_of: list[int | None] = [None] * meeting_count
    for m, variables in enumerate(x):
        for s, variable in variables.items():
            if chosen(variable):
                slot_of[m] = s
    return slot_of


def build_problem(
    instance: Instance, *, fairness: int | None, ignore_lunch_gap: bool = False
) -> Problem:
    slot_index = {slot.id: i for i, slot in enumerate(instance.slots)}
    participant_index = {p.id: i for i, p in enumerate(instance.participants)}
    meeting_index = {m.id: i for i, m in enumerate(instance.meetings)}
    slot_session = [slot.session for slot in instance.slots]
    unavailable = [
        {slot_index[s] for s in participant.unavailable} for participant in instance.participants
    ]
    pairs: list[tuple[int, int]] = []
    domains: list[list[int]] = []
    meetings_of: list[list[int]] = [[] for _ in instance.participants]
    for m, meeting in enumerate(instance.meetings):
        a, b = (participant_index[p] for p in meeting.participants)
        pairs.append((a, b))
        meetings_of[a].append(m)
        meetings_of[b].append(m)
        allowed = [
            s
            for s in range(len(instance.slots))
            if (meeting.session == "either" or slot_session[s] == meeting.session)
            and s not in unavailable[a]
            and s not in unavailable[b]
        ]
        if meeting.fixed_slot is not None:
            fixed = slot_index[meeting.fixed_slot]
            allowed = [fixed] if fixed in allowed else []
        domains.append(allowed)
    predecessors = [[meeting_index[a] for a in m.after] for m in instance.meetings]
    successors: list[list[int]] = [[] for _ in instance.meetings]
    for m, before in enumerate(predecessors):
        for p in before:
            successors[p].append(m)
    session_change_after = [
        slot_session[s] != slot_session[s + 1] for s in range(len(slot_session) - 1)
    ] + [False]
    return Problem(
        instance=instance,
        fairness=fairness,
        ignore_lunch_gap=ignore_lunch_gap,
        slot_count=len(instance.slots),
        slot_session=slot_session,
        participant_count=len(instance.participants),
        meeting_pairs=pairs,
        domains=domains,
        predecessors=predecessors,
        successors=successors,
        meetings_of=meetings_of,
        session_change_after=session_change_after,
    )


def tighten_domains_by_precedence(problem: Problem) -> list[list[int]]:
    """Domains narrowed by earliest/latest positions implied by chains of precedences."""
    order = topological_order(problem)
    domains = [list(d) for d in problem.domains]
    for m in order:
        if problem.predecessors[m]:
            earliest = (
                max(
                    (min(domains[p], default=problem.slot_count) for p in problem.predecessors[m]),
                    default=-1,
                )
                + 1
            )
            domains[m] = [s for s in domains[m] if s >= earliest]
    for m in reversed(order):
        if problem.successors[m]:
            latest = (
                min(
                    (max(domains[n], default=-1) for n in problem.successors[m]),
                    default=problem.slot_count,
                )
                - 1
            )
            domains[m] = [s for s in domains[m] if s <= latest]
    return domains


def topological_order(problem: Problem) -> list[int]:
    """Meetings ordered so that every meeting comes after its predecessors (input is acyclic)."""
    indegree = [len(p) for p in problem.predecessors]
    ready = [m for m in range(problem.meeting_count) if indegree[m] == 0]
    order: list[int] = []
    while ready:
        m = ready.pop()
        order.append(m)
        for n in problem.successors[m]:
            indegree[n] -= 1
            if indegree[n] == 0:
                ready.append(n)
    return order
