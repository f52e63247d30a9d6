"""A lower bound from pairs of participants who meet: both cannot always be at their minimum.

A participant at its own minimum of breaks has one of its cheapest busy rows (a contiguous
window, or two blocks when it needs a break). Within such a row, each of its meetings can
only take the slots that some assignment of all its meetings to the row's slots gives it.
When, for a meeting, those slots on one side and on the other have nothing in common, its
two participants cannot both be at their minimum: one of them has a break more. These
pairs form a graph on the participants. In any schedule the participants above their
minimum cover every edge of it, so there are at least as many of them as the edges of any
matching of the graph, and each adds at least one break to the sum of the minimums.

On events where meetings are fixed to slots this raises the bound by several breaks (the
published fixed-slot variants: up to 9); on events without such pins it usually adds
nothing, and costs a few hundredths of a second per hundred participants.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from .problem import Problem

Row = tuple[int, ...]


def assign_to_slots(
    meetings: list[int], domains: list[list[int]], row: set[int]
) -> dict[int, int] | None:
    """Meetings to distinct slots of `row` (augmenting paths) as {slot: meeting}, or None
    when they do not fit."""
    holder: dict[int, int] = {}

    def augment(m: int, visited: set[int]) -> bool:
        for s in domains[m]:
            if s in row and s not in visited:
                visited.add(s)
                if s not in holder or augment(holder[s], visited):
                    holder[s] = m
                    return True
        return False

    if not all(augment(m, set()) for m in meetings):
        return None
    return holder


def _components(nodes: list[int], successors: dict[int, list[int]]) -> dict[int, int]:
    """Strongly connected components (Tarjan, iterative): node -> component number."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    component: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, edge = work.pop()
            if edge == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            following = successors[node]
            if edge < len(following):
                work.append((node, edge + 1))
                nxt = following[edge]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = node
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component


def slots_in_row(meetings: list[int], domains: list[list[int]], row: Row) -> dict[int, set[int]]:
    """For a row with as many slots as meetings: the slots each meeting takes in some
    assignment of all of them to the row (empty when they do not fit).

    Every slot is taken, so meeting m can move to the slot of meeting n exactly when n can
    move on along a chain of such moves that comes back to m: both lie in one strongly
    connected component of the graph "m can take n's slot"."""
    cells = set(row)
    holder = assign_to_slots(meetings, domains, cells)
    if holder is None:
        return {m: set() for m in meetings}
    slot_of = {m: s for s, m in holder.items()}
    usable = {m: [s for s in domains[m] if s in cells] for m in meetings}
    successors = {m: [holder[s] for s in usable[m] if holder[s] != m] for m in meetings}
    component = _components(meetings, successors)
    return {
        m: {slot_of[m]} | {s for s in usable[m] if component[holder[s]] == component[m]}
        for m in meetings
    }


def slots_at_minimum(
    problem: Problem, domains: list[list[int]], p: int, rows: Sequence[Row]
) -> dict[int, set[int]]:
    """Slots each meeting of p can take while p keeps one of its cheapest rows."""
    meetings = problem.meetings_of[p]
    reachable: dict[int, set[int]] = {m: set() for m in meetings}
    allowed = [set(domains[m]) for m in meetings]
    for row in rows:
        cells = set(row)
        if all(cells <= slots for slots in allowed):
            # Any meeting can take any slot of the row (the usual case: nothing pinned).
            for m in meetings:
                reachable[m] |= cells
            continue
        for m, slots in slots_in_row(meetings, domains, row).items():
            reachable[m] |= slots
    return reachable


def pair_conflicts(
    problem: Problem,
    domains: list[list[int]],
    rows: Sequence[Sequence[Row] | None],
    *,
    deadline: float | None = None,
) -> list[tuple[int, int]]:
    """Pairs of participants (lower number first, each pair once) who cannot both keep one
    of their cheapest rows. `rows[p]` are p's cheapest rows, None when not enumerated (p is
    then left out). Stops at the deadline: the pairs found by then are still conflicts."""
    reachable: dict[int, dict[int, set[int]]] = {}
    conflicts: set[tuple[int, int]] = set()
    for m, (a, b) in enumerate(problem.meeting_pairs):
        if rows[a] is None or rows[b] is None:
            continue
        if deadline is not None and time.monotonic() > deadline:
            break
        for p in (a, b):
            if p not in reachable:
                reachable[p] = slots_at_minimum(problem, domains, p, rows[p])
        if not reachable[a][m] & reachable[b][m]:
            conflicts.add((min(a, b), max(a, b)))
    return sorted(conflicts)


def matching_size(edges: list[tuple[int, int]]) -> int:
    """Edges of a matching of the graph, found greedily from the least connected ends: a
    lower bound on how many nodes any cover of the edges needs."""
    degree: dict[int, int] = {}
    for a, b in edges:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    used: set[int] = set()
    size = 0
    for a, b in sorted(edges, key=lambda e: (degree[e[0]] + degree[e[1]], e)):
        if a not in used and b not in used:
            used.update((a, b))
            size += 1
    return size
