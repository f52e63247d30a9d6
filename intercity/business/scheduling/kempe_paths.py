"""Improvement for large events: removing breaks by swapping two slots along Kempe paths.

The meetings held in two slots a and b form paths and even cycles, since a participant has at
most one meeting per slot. Swapping a and b along a path leaves the busy row of every
participant inside it as it was (busy in both slots before and after) and changes only the
two participants at its ends, each trading the one slot for the other. So the effect of the
swap on the breaks is known from its two ends alone, however long the path.

The search starts from a participant with breaks, looks at the trades of one of its busy
slots for a free one that do not add to its own breaks, follows the path each trade drags
along, and takes the best: a path whose far end loses or keeps its breaks lowers the total,
one whose far end gains a break moves the break there (half the time, so breaks wander
until two meet or one reaches a row that absorbs it), and now and then one that adds a
break, to leave a dead end. Between swaps of equal cost, fewer idle slots inside the rows
win, and such a swap is always taken: it narrows a gap that a later swap can then close,
which the count of breaks alone does not see. Breaks above the fairness cap cost as much as
in the heuristic's annealing, so the same search also makes a schedule fair. Time goes to the
few participants with breaks instead of the many without, which is what lets it keep up on
events with tens of thousands of meetings.

A path is swapped only if every meeting on it may take the other slot (sessions,
availability, fixed meetings), a slot receiving an extra meeting has a free table, every
precedence still holds.
"""

from __future__ import annotations

import time

from .heuristic import FREE, LocalSearch

# Chance of taking a swap that leaves the total unchanged (moving a break elsewhere).
PLATEAU_ACCEPTANCE = 0.5
# Chance of taking a swap that adds one break, when nothing better is on offer.
UPHILL_ACCEPTANCE = 0.05
# Trades of one participant looked at per step, the ones best for itself first.
OPTIONS_PER_STEP = 12


def _path_from(search: LocalSearch, start: int, a: int, b: int) -> tuple[list[int], int, bool]:
    """The a/b path ending at `start` (busy in exactly one of the two slots): its meetings,
    the participant at its other end, and whether every meeting may take the other slot."""
    occupant, pairs, domain_mask, domains = (
        search.occupant,
        search.pairs,
        search.domain_mask,
        search.domains,
    )
    at = a if occupant[start][a] != FREE else b
    person = start
    path: list[int] = []
    movable = True
    while True:
        m = occupant[person][at]
        if m == FREE:
            return path, person, movable
        path.append(m)
        other = b if at == a else a
        if movable and (not (domain_mask[m] >> other) & 1 or len(domains[m]) == 1):
            movable = False
        first, second = pairs[m]
        person = second if first == person else first
        at = other


def _idle(row: int) -> int:
    """Free slots between a row's first and last busy slot."""
    if not row:
        return 0
    return row.bit_length() - (row & -row).bit_length() + 1 - row.bit_count()


def _trades(search: LocalSearch, u: int) -> list[tuple[int, int, int, int]]:
    """(change in u's cost, change in its idle slots, busy slot a, free slot b) for every
    trade not adding to its cost."""
    row = search.busy[u]
    penalty, row_breaks = search.penalty, search.row_breaks
    own = penalty(search.breaks[u])
    idle = _idle(row)
    busy_slots = [s for s in range(search.slot_count) if (row >> s) & 1]
    free_slots = [s for s in range(search.slot_count) if not (row >> s) & 1]
    trades = []
    for a in busy_slots:
        without = row ^ (1 << a)
        for b in free_slots:
            new_row = without | (1 << b)
            new = penalty(row_breaks(new_row))
            if new <= own:
                trades.append((new - own, _idle(new_row) - idle, a, b))
    return trades


def _swap(search: LocalSearch, path: list[int], a: int, b: int) -> bool:
    """Swap the path's meetings between a and b, unless that breaks a precedence."""
    slot_of = search.slot_of
    old = [slot_of[m] for m in path]
    for m in path:
        search.remove(m)
    for m, s in zip(path, old, strict=True):
        search.place(m, b if s == a else a)
    if search.ordered and not all(search.order_ok(m, slot_of[m]) for m in path):
        for m in path:
            search.remove(m)
        for m, s in zip(path, old, strict=True):
            search.place(m, s)
        return False
    return True


def _best_path(search: LocalSearch, u: int) -> tuple[int, int, list[int], int, int] | None:
    """(change in total cost, change in idle slots, path, a, b) of the best allowed swap
    starting at u."""
    trades = _trades(search, u)
    search.random.shuffle(trades)
    trades.sort(key=lambda trade: (trade[0], trade[1]))
    best = None
    for delta_u, idle_u, a, b in trades[:OPTIONS_PER_STEP]:
        path, v, movable = _path_from(search, u, a, b)
        if not movable:
            continue
        row_v = search.busy[v]
        new_row_v = row_v ^ ((1 << a) | (1 << b))
        new_v = search.row_breaks(new_row_v)
        if len(path) % 2 == 1:
            # Both end meetings sit in the same slot, so the other slot gains a meeting.
            giving = search.slot_of[path[0]]
            if search.load[b if giving == a else a] >= search.tables:
                continue
        delta = delta_u + search.penalty(new_v) - search.penalty(search.breaks[v])
        idle_delta = idle_u + _idle(new_row_v) - _idle(row_v)
        if best is None or (delta, idle_delta) < best[:2]:
            best = (delta, idle_delta, path, a, b)
            if delta < 0:
                break
    return best


def chase_breaks(
    search: LocalSearch,
    deadline: float,
    *,
    target: int = 0,
    max_steps: int | None = None,
) -> int:
    """Improve a complete schedule until the deadline, `max_steps` steps or the target;
    leaves the search at the best schedule seen and returns its cost (breaks, plus the
    heuristic's penalty for breaks above the fairness cap).

    The steps depend only on the search's seed, so with `max_steps` (and a deadline that does
    not come first) the result is reproducible. Incomplete schedules are left as they are.
    """
    if search.unplaced:
        return search.cost()
    rand = search.random.random
    current = search.cost()
    best, best_slots = current, list(search.slot_of)
    steps = 0
    broken = [p for p, b in enumerate(search.breaks) if b > 0]
    while broken and current > target and (max_steps is None or steps < max_steps):
        steps += 1
        if steps % 64 == 0:
            if time.monotonic() >= deadline:
                break
            broken = [p for p, b in enumerate(search.breaks) if b > 0]
            if not broken:
                break
        u = broken[int(rand() * len(broken))]
        if search.breaks[u] == 0:
            continue
        found = _best_path(search, u)
        if found is None:
            continue
        delta, idle_delta, path, a, b = found
        if delta > 0 and rand() >= UPHILL_ACCEPTANCE:
            continue
        if delta == 0 and idle_delta >= 0 and rand() >= PLATEAU_ACCEPTANCE:
            continue
        if not _swap(search, path, a, b):
            continue
        current += delta
        if current < best:
            best, best_slots = current, list(search.slot_of)
    if current != best:
        search._restore(best_slots)
    return best
