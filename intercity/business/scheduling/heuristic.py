"""Fast heuristic: greedy construction with ejection repair, then simulated annealing on breaks.

It gives a complete schedule within seconds even for thousands of meetings; the exact engines
use it as a starting hint and as a fallback when they run out of time.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass

from .problem import Problem

FREE = -1


@dataclass
class HeuristicOutcome:
    slot_of: list[int | None]
    breaks: int
    placed: int


class LocalSearch:
    def __init__(self, problem: Problem, domains: list[list[int]], seed: int = 0) -> None:
        self.problem = problem
        self.domains = domains
        # Seeded for reproducible schedules; this randomness only diversifies the search.
        self.random = random.Random(seed)  # noqa: S311
        self.slot_count = problem.slot_count
        self.slot_of: list[int] = [FREE] * problem.meeting_count
        self.occupant = [[FREE] * problem.slot_count for _ in range(problem.participant_count)]
        self.load = [0] * problem.slot_count
        self.in_slot: list[set[int]] = [set() for _ in range(problem.slot_count)]
        self.unplaced: set[int] = set()
        self.breaks = [0] * problem.participant_count
        # The heuristic caps everyone at `fairness` breaks, which implies the real rule
        # (max - min <= d) since nobody has fewer than 0 breaks.
        self.cap = problem.fairness if problem.fairness is not None else problem.slot_count
        self.counts_gap = [True] * problem.slot_count
        if problem.ignore_lunch_gap:
            for s in range(problem.slot_count - 1):
                if problem.session_change_after[s]:
                    self.counts_gap[s + 1] = False

    # -- bookkeeping ---------------------------------------------------------------------

    def row_breaks(self, row: list[int]) -> int:
        """Breaks in one participant's occupancy row (idle runs between busy slots)."""
        breaks = 0
        seen = False
        idle = False
        for s, occupant in enumerate(row):
            if not self.counts_gap[s]:
                seen = False
                idle = False
            if occupant != FREE:
                if seen and idle:
                    breaks += 1
                seen = True
                idle = False
            elif seen:
                idle = True
        return breaks

    def place(self, m: int, s: int) -> None:
        a, b = self.problem.meeting_pairs[m]
        self.slot_of[m] = s
        self.occupant[a][s] = m
        self.occupant[b][s] = m
        self.load[s] += 1
        self.in_slot[s].add(m)
        self.unplaced.discard(m)
        self.breaks[a] = self.row_breaks(self.occupant[a])
        self.breaks[b] = self.row_breaks(self.occupant[b])

    def remove(self, m: int) -> None:
        a, b = self.problem.meeting_pairs[m]
        s = self.slot_of[m]
        self.slot_of[m] = FREE
        self.occupant[a][s] = FREE
        self.occupant[b][s] = FREE
        self.load[s] -= 1
        self.in_slot[s].discard(m)
        self.unplaced.add(m)
        self.breaks[a] = self.row_breaks(self.occupant[a])
        self.breaks[b] = self.row_breaks(self.occupant[b])

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

    def penalty(self, breaks: int) -> int:
        return breaks + (1000 * (breaks - self.cap) if breaks > self.cap else 0)

    def move_delta(self, m: int, s: int) -> int:
        """Cost change of moving placed meeting m to slot s (both participants free there)."""
        a, b = self.problem.meeting_pairs[m]
        old = self.slot_of[m]
        row_a, row_b = self.occupant[a], self.occupant[b]
        before = self.penalty(self.breaks[a]) + self.penalty(self.breaks[b])
        row_a[old] = row_b[old] = FREE
        row_a[s] = row_b[s] = m
        after = self.penalty(self.row_breaks(row_a)) + self.penalty(self.row_breaks(row_b))
        row_a[s] = row_b[s] = FREE
        row_a[old] = row_b[old] = m
        return after - before

    def cost(self) -> int:
        return sum(self.penalty(b) for b in self.breaks)

    # -- construction -------------------------------------------------------------------

    def construct(self, deadline: float) -> None:
        problem = self.problem
        degree = [len(meetings) for meetings in problem.meetings_of]
        pending = sorted(
            range(problem.meeting_count),
            key=lambda m: (
                len(self.domains[m]),
                -(degree[problem.meeting_pairs[m][0]] + degree[problem.meeting_pairs[m][1]]),
            ),
        )
        pending.reverse()  # pop() takes from the end: most constrained first
        self.unplaced = set(pending)
        while pending and time.monotonic() < deadline:
            m = pending.pop()
            if not self.domains[m]:
                continue
            slot = self._best_free_slot(m)
            if slot is not None:
                self.place(m, slot)

    def _best_free_slot(self, m: int) -> int | None:
        a, b = self.problem.meeting_pairs[m]
        row_a, row_b = self.occupant[a], self.occupant[b]
        best, best_score = None, None
        for s in self.domains[m]:
            if row_a[s] != FREE or row_b[s] != FREE or self.load[s] >= self.problem.tables:
                continue
            if not self.order_ok(m, s):
                continue
            row_a[s] = row_b[s] = m
            score = self.penalty(self.row_breaks(row_a)) + self.penalty(self.row_breaks(row_b))
            row_a[s] = row_b[s] = FREE
            key = (score, self.load[s], self.random.random())
            if best_score is None or key < best_score:
                best, best_score = s, key
        return best

    def _blockers(self, m: int, s: int) -> set[int]:
        """Meetings that must leave for m to go into slot s (capacity handled by the caller)."""
        a, b = self.problem.meeting_pairs[m]
        blockers = {self.occupant[p][s] for p in (a, b)} - {FREE}
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
            if count == 0 and self.load[s] >= self.problem.tables:
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
        if self.load[s] >= self.problem.tables:
            movable = [n for n in self.in_slot[s] if len(self.domains[n]) > 1]
            victim = self.random.choice(movable or list(self.in_slot[s]))
            self.remove(victim)
            removed.add(victim)
        self.place(m, s)
        return list(removed)

    # -- improvement --------------------------------------------------------------------

    def repair(self, deadline: float) -> None:
        """Min-conflicts: insert unplaced meetings, ejecting blockers, until all fit or time."""
        placeable = [m for m in self.unplaced if self.domains[m]]
        tabu: dict[tuple[int, int], int] = {}
        step = 0
        while placeable and time.monotonic() < deadline:
            step += 1
            m = self.random.choice(placeable)
            slot = self._best_free_slot(m)
            if slot is None:
                allowed = [s for s in self.domains[m] if tabu.get((m, s), -1) < step]
                for removed in self._eject_for(m, allowed or self.domains[m]):
                    tabu[(removed, self.slot_of[m])] = step + 10
            else:
                self.place(m, slot)
            placeable = [n for n in self.unplaced if self.domains[n]]

    def improve(self, deadline: float) -> None:
        """Simulated annealing over moves and swaps of meetings; unplaced ones stay out."""
        problem = self.problem
        movable = [
            m
            for m in range(problem.meeting_count)
            if self.slot_of[m] != FREE and len(self.domains[m]) > 1
        ]
        if not movable:
            return
        current = self.cost()
        best_cost, best_slots = current, list(self.slot_of)
        temperature = 0.6
        iteration = 0
        while True:
            iteration += 1
            if iteration % 512 == 0:
                if time.monotonic() >= deadline or best_cost == 0:
                    break
                temperature = max(0.05, temperature * 0.97)
            m = self.random.choice(movable)
            s = self.random.choice(self.domains[m])
            old = self.slot_of[m]
            if s == old:
                continue
            a, b = problem.meeting_pairs[m]
            blocker_a, blocker_b = self.occupant[a][s], self.occupant[b][s]
            if blocker_a == FREE and blocker_b == FREE:
                if self.load[s] >= problem.tables or not self.order_ok(m, s):
                    continue
                delta = self.move_delta(m, s)
                if delta <= 0 or self.random.random() < math.exp(-delta / temperature):
                    self.remove(m)
                    self.place(m, s)
                    current += delta
            else:
                # Swap with the one meeting blocking it, if that meeting can take m's slot.
                if blocker_a != FREE and blocker_b != FREE:
                    continue
                other = blocker_a if blocker_a != FREE else blocker_b
                if old not in self.domains[other]:
                    continue
                c, d = problem.meeting_pairs[other]
                if any(self.occupant[q][old] not in (FREE, m) for q in (c, d)):
                    continue
                involved = {a, b, c, d}
                before = sum(self.penalty(self.breaks[q]) for q in involved)
                self.remove(m)
                self.remove(other)
                self.place(m, s)
                self.place(other, old)
                if not (self.order_ok(m, s) and self.order_ok(other, old)):
                    delta = None
                else:
                    delta = sum(self.penalty(self.breaks[q]) for q in involved) - before
                accept = delta is not None and (
                    delta <= 0 or self.random.random() < math.exp(-delta / temperature)
                )
                if accept:
                    current += delta
                else:
                    self.remove(m)
                    self.remove(other)
                    self.place(m, old)
                    self.place(other, s)
            if current < best_cost:
                best_cost, best_slots = current, list(self.slot_of)
        self._restore(best_slots)

    def _restore(self, slots: list[int]) -> None:
        for m in range(self.problem.meeting_count):
            if self.slot_of[m] != FREE:
                self.remove(m)
        for m, s in enumerate(slots):
            if s != FREE:
                self.place(m, s)


def solve_heuristically(
    problem: Problem, domains: list[list[int]], *, time_limit: float, seed: int = 0
) -> HeuristicOutcome:
    """Best schedule found within the time limit; may leave meetings unplaced if stuck."""
    deadline = time.monotonic() + time_limit
    search = LocalSearch(problem, domains, seed)
    search.construct(deadline)
    search.repair(time.monotonic() + (deadline - time.monotonic()) * 0.5)
    search.improve(deadline)
    slot_of: list[int | None] = [s if s != FREE else None for s in search.slot_of]
    placed = sum(1 for s in slot_of if s is not None)
    return HeuristicOutcome(slot_of, sum(search.breaks), placed)
