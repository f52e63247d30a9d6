"""Exact engine: a CP-SAT model over meeting-in-slot booleans with break-start objective literals.

Tables are interchangeable, so the model only keeps a per-slot capacity and table numbers are
handed out after solving; this removes all table symmetry from the search.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .problem import Problem, chosen_slots


@dataclass
class EngineOutcome:
    status: str  # "optimal" | "feasible" | "infeasible" | "unknown"
    slot_of: list[int | None] | None
    breaks: int | None
    lower_bound: int
    placed: int
    seconds: float


def _segments(problem: Problem) -> list[list[int]]:
    """Runs of slots within which idle gaps count as breaks."""
    if not problem.ignore_lunch_gap:
        return [list(range(problem.slot_count))]
    segments: list[list[int]] = [[]]
    for s in range(problem.slot_count):
        segments[-1].append(s)
        if problem.session_change_after[s] and s + 1 < problem.slot_count:
            segments.append([])
    return segments


class ScheduleModel:
    """Builds the CP-SAT model; with `optional`, meetings may be left out (partial schedules)."""

    def __init__(
        self, problem: Problem, domains: list[list[int]], *, optional: bool = False
    ) -> None:
        self.problem = problem
        self.domains = domains
        self.optional = optional
        self.model = cp_model.CpModel()
        self.x: list[dict[int, cp_model.IntVar]] = []
        self.placed: list[cp_model.LinearExprT] = []
        self.break_terms: list[cp_model.LinearExprT] = []
        self.break_constant = 0
        self._build()

    def _build(self) -> None:
        problem, model = self.problem, self.model
        for m, domain in enumerate(self.domains):
            literals = {s: model.new_bool_var(f"x{m}_{s}") for s in domain}
            self.x.append(literals)
            if self.optional:
                placed = model.new_bool_var(f"placed{m}")
                model.add(sum(literals.values()) == placed)
                self.placed.append(placed)
            else:
                model.add_exactly_one(literals.values())
                self.placed.append(1)

        for s in range(problem.slot_count):
            in_slot = [self.x[m][s] for m in range(problem.meeting_count) if s in self.x[m]]
            if len(in_slot) > problem.tables:
                model.add(sum(in_slot) <= problem.tables)

        for m, before in enumerate(problem.predecessors):
            for earlier in before:
                for s, literal in self.x[m].items():
                    earlier_literals = [lit for t, lit in self.x[earlier].items() if t < s]
                    clause = [literal.Not(), *earlier_literals]
                    if self.optional:
                        clause.append(self.placed[earlier].Not())
                    model.add_bool_or(clause)

        participant_breaks: list[cp_model.LinearExprT] = []
        always_zero = False
        for p in range(problem.participant_count):
            breaks = self._participant(p)
            if breaks is None:
                always_zero = True
            else:
                participant_breaks.append(breaks)
        self._fairness(participant_breaks, always_zero)

    def _participant(self, p: int) -> cp_model.LinearExprT | None:
        """Busy and block-start literals of one participant; returns its break count expression."""
        problem, model = self.problem, self.model
        meetings = problem.meetings_of[p]
        busy: list[cp_model.LinearExprT] = []
        for s in range(problem.slot_count):
            literals = [self.x[m][s] for m in meetings if s in self.x[m]]
            if not literals:
                busy.append(0)
            elif len(literals) == 1:
                busy.append(literals[0])
            else:
                b = model.new_bool_var(f"busy{p}_{s}")
                model.add(sum(literals) == b)
                busy.append(b)
        if len(meetings) <= 1:
            return None

        count = len(meetings)
        # Breaks = (number of busy blocks) - (number of non-empty segments).
        terms: list[cp_model.LinearExprT] = []
        constant = 0
        for segment in _segments(problem):
            segment_busy = [busy[s] for s in segment if not isinstance(busy[s], int)]
            if not segment_busy:
                continue
            for i, s in enumerate(segment):
                current = busy[s]
                if isinstance(current, int):
                    continue
                previous = busy[segment[i - 1]] if i > 0 else 0
                if isinstance(previous, int):
                    # A block necessarily starts here whenever this slot is busy.
                    terms.append(current)
                    continue
                start = model.new_bool_var(f"start{p}_{s}")
                model.add_implication(start, current)
                model.add_implication(start, previous.Not())
                model.add_bool_or([start, current.Not(), previous])
                terms.append(start)
            if self.optional or len(_segments(problem)) > 1:
                any_busy = model.new_bool_var(f"any{p}_{segment[0]}")
                model.add_max_equality(any_busy, segment_busy)
                terms.append(-any_busy)
            else:
                constant -= 1
        breaks_expr = sum(terms) + constant
        self.break_terms.extend(terms)
        self.break_constant += constant

        # Implied: the participant's span (first to last busy slot) holds all its meetings, and
        # breaks are at most the idle slots inside the span and at least one if any exists.
        if not self.optional and not problem.ignore_lunch_gap:
            first = model.new_int_var(0, problem.slot_count - 1, f"first{p}")
            last = model.new_int_var(0, problem.slot_count - 1, f"last{p}")
            for s, literal in enumerate(busy):
                if isinstance(literal, int):
                    continue
                model.add(first <= s).only_enforce_if(literal)
                model.add(last >= s).only_enforce_if(literal)
            idle = last - first + 1 - count
            model.add(idle >= 0)
            model.add(breaks_expr <= idle)
            max_idle = problem.slot_count - count
            if max_idle > 0:
                model.add(idle <= max_idle * breaks_expr)
            model.add(breaks_expr <= min(count - 1, max_idle))
        return breaks_expr

    def _fairness(self, participant_breaks: list[cp_model.LinearExprT], always_zero: bool) -> None:
        fairness = self.problem.fairness
        if fairness is None or not participant_breaks:
            return
        if always_zero:
            # Someone with at most one meeting always has 0 breaks, so the bound is absolute.
            for breaks in participant_breaks:
                self.model.add(breaks <= fairness)
            return
        top = self.model.new_int_var(0, self.problem.slot_count, "most_breaks")
        bottom = self.model.new_int_var(0, self.problem.slot_count, "least_breaks")
        for breaks in participant_breaks:
            self.model.add(breaks <= top)
            self.model.add(breaks >= bottom)
        self.model.add(top - bottom <= fairness)

    def total_breaks(self) -> cp_model.LinearExprT:
        return sum(self.break_terms) + self.break_constant

    def add_hint(self, slot_of: list[int | None]) -> None:
        for m, literals in enumerate(self.x):
            for s, literal in literals.items():
                self.model.add_hint(literal, slot_of[m] == s)


class _PlacedCounter(cp_model.CpSolverSolutionCallback):
    """Tells a caller how many meetings each improving partial schedule places."""

    def __init__(self, placed: list, report: Callable[[int], None]) -> None:
        super().__init__()
        self.placed, self.report = placed, report

    def on_solution_callback(self) -> None:
        self.report(sum(self.value(p) if not isinstance(p, int) else p for p in self.placed))


def solve_with_cpsat(
    problem: Problem,
    domains: list[list[int]],
    *,
    time_limit: float,
    workers: int,
    hint: list[int | None] | None = None,
    optional: bool = False,
    upper_bound: int | None = None,
    log: bool = False,
    on_solver: Callable[[cp_model.CpSolver], None] | None = None,
    on_partial: Callable[[int], None] | None = None,
) -> EngineOutcome:
    """Solve the CP-SAT model. With `optional`, meetings may stay out and `on_partial` hears
    how many each better partial schedule places, as the search finds it."""
    started = time.monotonic()
    built = ScheduleModel(problem, domains, optional=optional)
    model = built.model
    breaks = built.total_breaks()
    if optional:
        # Most meetings first, then fewest breaks: a meeting outweighs every possible break.
        weight = 2 * problem.meeting_count + 1
        placed_total = sum(built.placed)
        model.maximize(weight * placed_total - breaks)
    else:
        model.minimize(breaks)
        if upper_bound is not None:
            model.add(breaks <= upper_bound)
    if hint is not None:
        built.add_hint(hint)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, time_limit)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.log_search_progress = log
    if on_solver is not None:
        # Lets a portfolio stop this search from another thread once another engine wins.
        on_solver(solver)
    callback = _PlacedCounter(built.placed, on_partial) if optional and on_partial else None
    code = solver.solve(model, callback)
    seconds = time.monotonic() - started

    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        slot_of = chosen_slots(built.x, problem.meeting_count, solver.boolean_value)
        placed = sum(1 for s in slot_of if s is not None)
        found_breaks = sum(problem.breaks_per_participant(slot_of))
        if optional:
            bound = 0
        else:
            bound = max(0, math.ceil(solver.best_objective_bound - 1e-6))
            bound = min(bound, found_breaks)
        status = "optimal" if code == cp_model.OPTIMAL else "feasible"
        if status == "optimal" and not optional:
            bound = found_breaks
        return EngineOutcome(status, slot_of, found_breaks, bound, placed, seconds)
    if code == cp_model.INFEASIBLE:
        return EngineOutcome("infeasible", None, None, 0, 0, seconds)
    return EngineOutcome("unknown", None, None, 0, 0, seconds)
