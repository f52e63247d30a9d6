"""Exact engine: SAT decisions "at most k breaks" for k = LB, LB+1, ... with busy-row patterns.

Each participant's cheapest possible busy rows (one contiguous window when it can have no
break, two blocks when it needs one) are enumerated and tied to the busy literals, which
lets the SAT solver reason about whole rows instead of single slots. Implied counts (each
participant busy in exactly as many slots as it has meetings; at most two busy participants
per table in a slot) cut the search further, as in Bofill et al. (2022). A decision proved
unsatisfiable raises the lower bound by one; the first satisfiable one is optimal. Progress
is streamed as it comes, so a caller that stops the search at its deadline keeps the bound.
"""

from __future__ import annotations

from collections.abc import Callable

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.solvers import Solver

from .maxsat_engine import MaxSatEncoding, has_zero_anchor
from .pair_bound import assign_to_slots, matching_size, pair_conflicts
from .problem import Problem, chosen_slots

# Participants needing more breaks than this alone get no row patterns (too many rows).
PATTERN_BREAKS = 1
# How far above the first lower bound the cardinality encodings reach.
EXTRA_BREAKS = 40


def applies_to(problem: Problem) -> bool:
    """The engine counts lunch gaps and reads fairness as an absolute cap (see has_zero_anchor)."""
    return not problem.ignore_lunch_gap and (problem.fairness is None or has_zero_anchor(problem))


def _matchable(meetings: list[int], domains: list[list[int]], allowed: set[int]) -> bool:
    """Can the meetings go to distinct slots of `allowed`?"""
    return assign_to_slots(meetings, domains, allowed) is not None


def _candidate_rows(slot_count: int, n: int, breaks: int):
    """Every row of n busy slots among slot_count with exactly `breaks` (0 or 1) breaks."""
    if breaks == 0:
        for a in range(slot_count - n + 1):
            yield tuple(range(a, a + n))
    elif breaks == 1:
        for a in range(slot_count):
            for first in range(1, n):
                second = n - first
                for b in range(a + first + 1, slot_count - second + 1):
                    yield (*range(a, a + first), *range(b, b + second))


def row_patterns(problem: Problem, domains: list[list[int]], p: int, breaks: int) -> list:
    """Every busy row of participant p with exactly `breaks` breaks its meetings can fill."""
    meetings = problem.meetings_of[p]
    return [
        row
        for row in _candidate_rows(problem.slot_count, len(meetings), breaks)
        if _matchable(meetings, domains, set(row))
    ]


def minimum_breaks(problem: Problem, domains: list[list[int]], p: int) -> int:
    """Fewest breaks participant p can have on its own: 0, 1, or PATTERN_BREAKS + 1 meaning
    "at least that many". Stops at the first fitting row, so it stays cheap on large events."""
    meetings = problem.meetings_of[p]
    if len(meetings) <= 1:
        return 0
    for breaks in range(PATTERN_BREAKS + 1):
        for row in _candidate_rows(problem.slot_count, len(meetings), breaks):
            if _matchable(meetings, domains, set(row)):
                return breaks
    return PATTERN_BREAKS + 1


def proven_lower_bound(
    problem: Problem, domains: list[list[int]], *, pairs_until: float | None = None
) -> int:
    """A lower bound on the total breaks that holds for any schedule: the sum of what each
    participant needs on its own (lunch gaps counted, as the objective does).

    With `pairs_until` (a time.monotonic() deadline), pairs of participants who cannot both
    keep a 0-break day (pair_bound) add to it, as far as they are found by then."""
    if problem.ignore_lunch_gap:
        return 0
    bounds = [minimum_breaks(problem, domains, p) for p in range(problem.participant_count)]
    if pairs_until is None:
        return sum(bounds)
    windows = [
        row_patterns(problem, domains, p, 0)
        if bound == 0 and len(problem.meetings_of[p]) > 1
        else None
        for p, bound in enumerate(bounds)
    ]
    conflicts = pair_conflicts(problem, domains, windows, deadline=pairs_until)
    return sum(bounds) + matching_size(conflicts)


def participant_lower_bounds(
    problem: Problem, domains: list[list[int]]
) -> tuple[list[int], list[list[tuple[int, ...]] | None]]:
    """Fewest breaks each participant can have on its own, and its rows with that many."""
    bounds = [minimum_breaks(problem, domains, p) for p in range(problem.participant_count)]
    patterns = [
        row_patterns(problem, domains, p, bound)
        if len(problem.meetings_of[p]) > 1 and bound <= PATTERN_BREAKS
        else None
        for p, bound in enumerate(bounds)
    ]
    return bounds, patterns


class DecisionEncoding(MaxSatEncoding):
    """The MaxSAT hard clauses plus row patterns, per-participant bounds and a break counter.

    `slot_capacity` adds the implied cap on busy participants per slot. It shortens the
    proofs on events whose tables are nearly full, and on others it can slow the search for
    a schedule tenfold or more, so the race runs the engine both with and without it.
    """

    def __init__(
        self, problem: Problem, domains: list[list[int]], *, slot_capacity: bool = True
    ) -> None:
        super().__init__(problem, domains)
        self.bounds, self.patterns = participant_lower_bounds(problem, domains)
        self.lower_bound = sum(self.bounds)
        # Pairs who cannot both be at their minimum: one of them has a break more.
        self.conflicts = pair_conflicts(problem, domains, self.patterns)
        self.proven = self.lower_bound + matching_size(self.conflicts)
        hard = self.formula.hard
        if problem.fairness is not None:
            for literals in self.break_literals:
                self.at_most(literals, problem.fairness)
        self.at_minimum: list[int] = []
        for p, rows in enumerate(self.patterns):
            if self.bounds[p] > len(self.break_literals[p]):
                hard.append([])  # p cannot have that many breaks: no schedule at all
            elif self.bounds[p] > 0:
                hard.extend(
                    CardEnc.atleast(
                        self.break_literals[p],
                        bound=self.bounds[p],
                        vpool=self.pool,
                        encoding=EncType.seqcounter,
                    ).clauses
                )
            if rows is not None:
                self._rows(p, rows)
        if slot_capacity:
            self._busy_per_slot()
        self._busy_per_participant()
        all_breaks = [lit for literals in self.break_literals for lit in literals]
        self.total = ITotalizer(all_breaks, ubound=self.proven + EXTRA_BREAKS, top_id=self.pool.top)
        self.pool.top = max(self.pool.top, self.total.top_id)
        hard.extend(self.total.cnf.clauses)
        # Participants above their own minimum: at most k - LB of them when k breaks are allowed.
        self.above = ITotalizer(
            [-lit for lit in self.at_minimum],
            ubound=self.proven - self.lower_bound + EXTRA_BREAKS,
            top_id=self.pool.top,
        )
        self.pool.top = max(self.pool.top, self.above.top_id)
        hard.extend(self.above.cnf.clauses)
        for p, q in self.conflicts:
            hard.append([-self.pool.id(("at_minimum", p)), -self.pool.id(("at_minimum", q))])

    def busy(self, p: int, s: int) -> int | None:
        return self.pool.obj2id.get(("busy", p, s))

    def _rows(self, p: int, rows: list[tuple[int, ...]]) -> None:
        hard = self.formula.hard
        minimum = self.pool.id(("at_minimum", p))
        self.at_minimum.append(minimum)
        choices = []
        for i, row in enumerate(rows):
            choice = self.pool.id(("row", p, i))
            choices.append(choice)
            cells = set(row)
            for s in range(self.problem.slot_count):
                busy = self.busy(p, s)
                if busy is not None:
                    hard.append([-choice, busy] if s in cells else [-choice, -busy])
        hard.append([-minimum, *choices])
        for s in range(self.problem.slot_count):
            busy = self.busy(p, s)
            if busy is not None:
                covering = [choices[i] for i, row in enumerate(rows) if s in row]
                hard.append([-minimum, -busy, *covering])

    def _busy_per_slot(self) -> None:
        """Implied: a slot with t tables holds at most 2t busy participants."""
        limit = 2 * self.problem.tables
        for s in range(self.problem.slot_count):
            literals = [b for p in range(self.problem.participant_count) if (b := self.busy(p, s))]
            if len(literals) > limit:
                self.at_most(literals, limit)

    def _busy_per_participant(self) -> None:
        """Implied: a participant with n meetings is busy in exactly n slots."""
        for p, meetings in enumerate(self.problem.meetings_of):
            literals = [b for s in range(self.problem.slot_count) if (b := self.busy(p, s))]
            if 1 < len(meetings) < len(literals):
                self.formula.hard.extend(
                    CardEnc.equals(
                        literals, bound=len(meetings), vpool=self.pool, encoding=EncType.cardnetwrk
                    ).clauses
                )

    def assumptions(self, k: int) -> list[int]:
        """Literals that restrict a solve to schedules with at most k breaks."""
        assumed = []
        if k < len(self.total.rhs):
            assumed.append(-self.total.rhs[k])
        extra = k - self.lower_bound
        if 0 <= extra < len(self.above.rhs):
            assumed.append(-self.above.rhs[extra])
        return assumed

    def slots_of(self, model: list[int]) -> list[int | None]:
        true = {lit for lit in model if lit > 0}
        return chosen_slots(self.x, self.problem.meeting_count, true.__contains__)


def solve_by_decisions(
    problem: Problem,
    domains: list[list[int]],
    report: Callable[[tuple], None],
    *,
    solver_name: str = "cd19",
    start_at: int = 0,
    known_feasible: bool | Callable[[], bool] = False,
    slot_capacity: bool = True,
) -> None:
    """Report ("bound", b) as bounds are proved, then ("optimal", breaks, slot per meeting),
    or ("infeasible",) when the hard rules admit no schedule at all.

    `known_feasible` says a schedule obeying the hard rules is already known (the heuristic
    found one), which spares the first, unbounded solve: besides its own cost, what the solver
    learns there steers it away from the schedules with few breaks, and the first bounded
    decision can then take ten times longer. It may be a callable, asked once the event is
    encoded, so that a caller can run its heuristic meanwhile.

    SAT solvers here cannot be interrupted, so callers run this in a process they can end.
    """
    encoding = DecisionEncoding(problem, domains, slot_capacity=slot_capacity)
    k = max(encoding.proven, start_at)
    report(("bound", k))
    if callable(known_feasible):
        known_feasible = known_feasible()
    with Solver(name=solver_name, bootstrap_with=encoding.formula.hard) as sat:
        # Without a cap on breaks, unsatisfiable hard rules mean no schedule exists at all;
        # asking once spares climbing k until the deadline on an infeasible event.
        if not known_feasible and not sat.solve():
            report(("infeasible",))
            return
        while k <= encoding.proven + EXTRA_BREAKS:
            if sat.solve(assumptions=encoding.assumptions(k)):
                slot_of = encoding.slots_of(sat.get_model())
                report(("optimal", sum(problem.breaks_per_participant(slot_of)), slot_of))
                return
            k += 1
            report(("bound", k))
