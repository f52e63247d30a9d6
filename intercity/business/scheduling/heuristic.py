"""Fast heuristic: greedy construction with ejection repair, then simulated annealing on breaks.

Each participant's busy slots are kept as a bit mask, so the breaks of a row are counted with
two shifts and a popcount (a break is a gap between two runs of busy slots) and every move is
evaluated in constant time. This gives a complete schedule within seconds even for tens of
thousands of meetings; the exact engines use it as an upper bound and a starting hint, and as a
fallback when they run out of time.

Fairness is handled as a cap of `fairness` breaks per participant (which implies the real rule,
max - min <= d, since nobody has fewer than 0 breaks): going over it costs a heavy penalty, and
a schedule is reported as usable only once nobody is over the cap.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from .problem import Problem

FREE = -1
# Cost of one break above the fairness cap, against 1 for an ordinary break.
OVER_CAP = 30


@dataclass
class HeuristicOutcome:
    slot_of: list[int | None]
    breaks: int
    placed: int
    # Largest number of breaks above the fairness cap of any participant (0 = fair).
    over_cap: int = 0

    @property
    def complete_and_fair(self) -> bool:
        return self.over_cap == 0 and all(s is not None for s in self.slot_of)


def _bits(mask: int) -> list[int]:
    slots = []
    while mask:
        low = mask & -mask
        slots.append(low.bit_length() - 1)
        mask ^= low
    return slots


class LocalSearch:
    def __init__(self, problem: Problem, domains: list[list[int]], seed: int = 0) -> None:
        self.problem = problem
        self.domains = domains
        # Seeded for reproducible schedules; this randomness only diversifies the search.
        self.random = random.Random(seed)  # noqa: S311
        self.slot_count = slot_count = problem.slot_count
        self.pairs = problem.meeting_pairs
        self.tables = problem.tables
        self.domain_mask = [sum(1 << s for s in domain) for domain in domains]
        self.slot_of: list[int] = [FREE] * problem.meeting_count
        self.occupant = [[FREE] * slot_count for _ in range(problem.participant_count)]
        self.busy = [0] * problem.participant_count
        self.load = [0] * slot_count
        self.full = 0  # slots whose tables are all taken
        self.in_slot: list[set[int]] = [set() for _ in range(slot_count)]
        self.unplaced: set[int] = set(range(problem.meeting_count))
        self.breaks = [0] * problem.participant_count
        self.cap = problem.fairness if problem.fairness is not None else slot_count
        # Breaks are counted per segment: the whole day, or each session when lunch is free.
        segments = []
        start = 0
        for s in range(slot_count):
            last = s == slot_count - 1
            if last or (problem.ignore_lunch_gap and problem.session_change_after[s]):
                segments.append(((1 << (s + 1)) - 1) ^ ((1 << start) - 1))
                start = s + 1
        self.segments = segments if len(segments) > 1 else None
        self.ordered = any(problem.predecessors)

    # -- bookkeeping ---------------------------------------------------------------------

    def row_breaks(self, mask: int) -> int:
        """Breaks of a busy mask: runs of busy slots minus one, per segment."""
        if self.segments is None:
            if not mask:
                return 0
            return (mask & ~(mask << 1)).bit_count() - 1
        total = 0
        for segment in self.segments:
            part = mask & segment
            if part:
                total += (part & ~(part << 1)).bit_count() - 1
        return total

    def penalty(self, breaks: int) -> int:
        return breaks + (OVER_CAP * (breaks - self.cap) if breaks > self.cap else 0)

    def place(self, m: int, s: int) -> None:
        a, b = self.pairs[m]
        bit = 1 << s
        self.slot_of[m] = s
        self.occupant[a][s] = m
        self.occupant[b][s] = m
        self.busy[a] |= bit
        self.busy[b] |= bit
        self.load[s] += 1
        if self.load[s] >= self.tables:
            self.full |= bit
        self.in_slot[s].add(m)
        self.unplaced.discard(m)
        self.breaks[a] = self.row_breaks(self.busy[a])
        self.breaks[b] = self.row_breaks(self.busy[b])

    def remove(self, m: int) -> None:
        a, b = self.pairs[m]
        s = self.slot_of[m]
        bit = 1 << s
        self.slot_of[m] = FREE
        self.occupant[a][s] = FREE
        self.occupant[b][s] = FREE
        self.busy[a] &= ~bit
        self.busy[b] &= ~bit
        self.load[s] -= 1
        self.full &= ~bit
        self.in_slot[s].discard(m)
        self.unplaced.add(m)
        self.breaks[a] = self.row_breaks(self.busy[a])
        self.breaks[b] = self.row_breaks(self.busy[b])

    def order_ok(self, m: int, s: int) -> bool:
        for earlier in self.problem.predecessors[m]:
            t = self.slot_of[earlier]
            if t != FREE and t >= s:
                return False
        for later in self.problem.successors[m]:
            t = self.slot_of[later]
            if t != FREE and t <= s:
                return False
        return True

    def order_mask(self, m: int) -> int:
        """Slots allowed to m by its placed predecessors and successors."""
        low, high = 0, self.slot_count - 1
        for earlier in self.problem.predecessors[m]:
            t = self.slot_of[earlier]
            if t != FREE and t + 1 > low:
                low = t + 1
        for later in self.problem.successors[m]:
            t = self.slot_of[later]
            if t != FREE and t - 1 < high:
                high = t - 1
        if high < low:
            return 0
        return ((1 << (high + 1)) - 1) ^ ((1 << low) - 1)

    def cost(self) -> int:
        return sum(self.penalty(b) for b in self.breaks)

    def over_cap(self) -> int:
        return max((b - self.cap for b in self.breaks), default=0) if self.breaks else 0

    # -- construction -------------------------------------------------------------------

    def construct(self, deadline: float) -> None:
        """Participants with the most meetings first, each one's meetings side by side."""
        problem = self.problem
        degree = [len(meetings) for meetings in problem.meetings_of]
        order: list[int] = [m for m in range(problem.meeting_count) if len(self.domains[m]) == 1]
        seen = set(order)
        people = sorted(
            range(problem.participant_count), key=lambda p: (-degree[p], self.random.random())
        )
        for p in people:
            mine = sorted(
                (m for m in problem.meetings_of[p] if m not in seen),
                key=lambda m: (len(self.domains[m]), -degree[sum(self.pairs[m]) - p]),
            )
            order.extend(mine)
            seen.update(mine)
        order = [m for m in order if self.slot_of[m] == FREE]
        for count, m in enumerate(order):
            if count % 256 == 0 and time.monotonic() >= deadline:
                break
            if not self.domains[m]:
                continue
            slot = self._best_free_slot(m)
            if slot is not None:
                self.place(m, slot)

    def _best_free_slot(self, m: int) -> int | None:
        a, b = self.pairs[m]
        busy_a, busy_b = self.busy[a], self.busy[b]
        free = self.domain_mask[m] & ~(busy_a | busy_b | self.full)
        if free and self.ordered:
            free &= self.order_mask(m)
        if not free:
            return None
        base = self.penalty(self.breaks[a]) + self.penalty(self.breaks[b])
        near = (busy_a << 1) | (busy_a >> 1) | (busy_b << 1) | (busy_b >> 1)
        rng = self.random.random
        best, best_key = None, None
        for s in _bits(free):
            bit = 1 << s
            score = (
                self.penalty(self.row_breaks(busy_a | bit))
                + self.penalty(self.row_breaks(busy_b | bit))
                - base
            )
            key = (score, 0 if near & bit else 1, self.load[s], rng())
            if best_key is None or key < best_key:
                best, best_key = s, key
        return best

    def _blockers(self, m: int, s: int) -> set[int]:
        """Meetings that must leave for m to go into slot s (capacity handled by the caller)."""
        a, b = self.pairs[m]
        blockers = {self.occupant[a][s], self.occupant[b][s]} - {FREE}
        for earlier in self.problem.predecessors[m]:
            if self.slot_of[earlier] != FREE and self.slot_of[earlier] >= s:
                blockers.add(earlier)
        for later in self.problem.successors[m]:
            if self.slot_of[later] != FREE and self.slot_of[later] <= s:
                blockers.add(later)
        return blockers

    def _eject_for(self, m: int, slots: list[int]) -> list[int]:
        """Place m where the fewest meetings block it, removing them; return the removed."""
        best: list[tuple[int, set[int]]] = []
        best_count = None
        for s in slots:
            blockers = self._blockers(m, s)
            count = len(blockers)
            if count == 0 and self.load[s] >= self.tables:
                count = 1
            if any(len(self.domains[n]) == 1 for n in blockers):
                count += 100  # fixed meetings are ejected only as a last resort
            if best_count is None or count < best_count:
                best, best_count = [(s, blockers)], count
            elif count == best_count:
                best.append((s, blockers))
        s, removed = self.random.choice(best)
        for r in removed:
            self.remove(r)
        if self.load[s] >= self.tables:
            movable = [n for n in self.in_slot[s] if len(self.domains[n]) > 1]
            victim = self.random.choice(movable or list(self.in_slot[s]))
            self.remove(victim)
            removed.add(victim)
        self.place(m, s)
        return list(removed)

    def repair(self, deadline: float) -> None:
        """Min-conflicts: insert unplaced meetings, ejecting blockers, until all fit or time."""
        tabu: dict[tuple[int, int], int] = {}
        step = 0
        while time.monotonic() < deadline:
            placeable = [n for n in self.unplaced if self.domains[n]]
            if not placeable:
                return
            for m in placeable:
                step += 1
                if self.slot_of[m] != FREE:
                    continue
                slot = self._best_free_slot(m)
                if slot is None:
                    allowed = [s for s in self.domains[m] if tabu.get((m, s), -1) < step]
                    for removed in self._eject_for(m, allowed or self.domains[m]):
                        tabu[(removed, self.slot_of[m])] = step + 10
                else:
                    self.place(m, slot)

    # -- improvement --------------------------------------------------------------------

    def _chain(
        self, m: int, old: int, s: int, limit: int = 40
    ) -> tuple[list[int], list[int]] | None:
        """Kempe chain of m between slots old and s: the meetings that must swap slots with it."""
        occupant, pairs, domain_mask = self.occupant, self.pairs, self.domain_mask
        from_old, from_new = [m], []
        seen = {m}
        stack = [(m, old)]
        while stack:
            n, at = stack.pop()
            other = s if at == old else old
            if not (domain_mask[n] >> other) & 1 or len(self.domains[n]) == 1:
                return None
            for q in pairs[n]:
                k = occupant[q][other]
                if k != FREE and k not in seen:
                    seen.add(k)
                    if len(seen) > limit:
                        return None
                    (from_old if other == old else from_new).append(k)
                    stack.append((k, other))
        return from_old, from_new

    def improve(self, deadline: float, *, target: int = 0) -> None:
        """Simulated annealing over Kempe-chain moves of meetings; keeps the best schedule.

        A move sends a meeting to another slot and swaps the chain of meetings that would
        clash with it between the two slots (a plain move when nothing clashes). Target slots
        are mostly next to a run of one of the meeting's participants. Unplaced meetings stay
        out; the temperature falls with the time left and rises again after a long stall.
        """
        problem = self.problem
        movable = [
            m
            for m in range(problem.meeting_count)
            if self.slot_of[m] != FREE and len(self.domains[m]) > 1
        ]
        if not movable:
            return
        started = time.monotonic()
        span = max(1e-3, deadline - started)
        current = self.cost()
        best_cost, best_slots = current, list(self.slot_of)
        hot, cold = 0.15, 0.01
        temperature = hot
        iteration = 0
        last_gain = 0
        rand, choice, exp = self.random.random, self.random.choice, math.exp
        pairs, domains, slot_of, busy = self.pairs, self.domains, self.slot_of, self.busy
        tables, load, in_slot, ordered = self.tables, self.load, self.in_slot, self.ordered
        domain_mask, breaks, penalty, row_breaks = (
            self.domain_mask,
            self.breaks,
            self.penalty,
            self.row_breaks,
        )
        stall_limit = 40 * len(movable) + 20000
        while True:
            iteration += 1
            if iteration & 1023 == 0:
                now = time.monotonic()
                if now >= deadline or best_cost <= target:
                    break
                if iteration - last_gain > stall_limit:
                    # Restart from the best schedule, hot again.
                    self._restore(best_slots)
                    current = best_cost
                    last_gain = iteration
                    started, span = now, max(1e-3, deadline - now)
                fraction = (now - started) / span
                temperature = hot * (cold / hot) ** fraction
            m = choice(movable)
            old = slot_of[m]
            a, b = pairs[m]
            if rand() < 0.7:
                q = a if rand() < 0.5 else b
                row = busy[q]
                near = ((row << 1) | (row >> 1)) & ~row & domain_mask[m]
                if not near:
                    continue
                targets = _bits(near)
                s = targets[int(rand() * len(targets))]
            else:
                s = choice(domains[m])
            if s == old:
                continue
            chain = self._chain(m, old, s)
            if chain is None:
                continue
            from_old, from_new = chain
            swap_full = None
            if load[s] - len(from_new) + len(from_old) > tables:
                # Slot s is full: also bring back one meeting of s not in the chain.
                candidates = [
                    n
                    for n in in_slot[s]
                    if n not in from_new
                    and (domain_mask[n] >> old) & 1
                    and len(domains[n]) > 1
                    and self.occupant[pairs[n][0]][old] == FREE
                    and self.occupant[pairs[n][1]][old] == FREE
                ]
                if not candidates:
                    continue
                swap_full = choice(candidates)
                from_new = [*from_new, swap_full]
            if load[old] - len(from_old) + len(from_new) > tables:
                continue
            change = (1 << old) | (1 << s)
            rows: dict[int, int] = {}
            for n in from_old:
                for q in pairs[n]:
                    rows[q] = rows.get(q, busy[q]) ^ change
            for n in from_new:
                for q in pairs[n]:
                    rows[q] = rows.get(q, busy[q]) ^ change
            delta = 0
            for q, row in rows.items():
                if row != busy[q]:
                    delta += penalty(row_breaks(row)) - penalty(breaks[q])
            if not (delta <= 0 or rand() < exp(-delta / temperature)):
                continue
            for n in from_old:
                self.remove(n)
            for n in from_new:
                self.remove(n)
            for n in from_old:
                self.place(n, s)
            for n in from_new:
                self.place(n, old)
            if (
                ordered
                and not all(self.order_ok(n, s) for n in from_old)
                or (ordered and not all(self.order_ok(n, old) for n in from_new))
            ):
                for n in from_old:
                    self.remove(n)
                for n in from_new:
                    self.remove(n)
                for n in from_old:
                    self.place(n, old)
                for n in from_new:
                    self.place(n, s)
                continue
            current += delta
            if current < best_cost:
                best_cost, best_slots = current, list(slot_of)
                last_gain = iteration
        self._restore(best_slots)

    def _restore(self, slots: list[int]) -> None:
        for m in range(self.problem.meeting_count):
            if self.slot_of[m] != FREE:
                self.remove(m)
        for m, s in enumerate(slots):
            if s != FREE:
                self.place(m, s)


def solve_heuristically(
    problem: Problem,
    domains: list[list[int]],
    *,
    time_limit: float,
    seed: int = 0,
    target: int = 0,
    initial: list[int | None] | None = None,
    improver: Callable[..., object] | None = None,
) -> HeuristicOutcome:
    """Best schedule found within the time limit; may leave meetings unplaced if stuck.

    Construction and repair run first (a complete schedule usually comes in well under a
    second per thousand meetings); the rest of the time goes to the annealing, which stops
    early once the schedule's breaks reach `target` (a proved lower bound). With an
    `improver` (called as improver(search, deadline, target=...)), a complete schedule is
    improved by it instead: the solver passes kempe_paths.chase_breaks for large events,
    which gets much further there in the same time.
    """
    start = time.monotonic()
    deadline = start + time_limit
    search = LocalSearch(problem, domains, seed)
    if initial is not None:
        # Continue from a given schedule (e.g. an earlier run's best).
        for m, s in enumerate(initial):
            if s is not None:
                search.place(m, s)
    search.construct(deadline)
    search.repair(start + max(0.6 * time_limit, 0.0))
    if improver is not None and not search.unplaced:
        improver(search, deadline, target=target)
    else:
        search.improve(deadline, target=target)
    if search.unplaced and any(search.domains[m] for m in search.unplaced):
        search.repair(deadline)
    slot_of: list[int | None] = [s if s != FREE else None for s in search.slot_of]
    placed = sum(1 for s in slot_of if s is not None)
    return HeuristicOutcome(slot_of, sum(search.breaks), placed, max(0, search.over_cap()))
