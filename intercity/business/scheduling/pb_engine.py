"""Exact engine: the event as a pseudo-Boolean optimisation, solved by the Exact solver.

Exact reasons with the linear constraints themselves (cutting planes) instead of their
clauses, and its optimisation is core-guided. The counting arguments this problem is made
of (each participant in at most one meeting per slot, at most t meetings per slot, n busy
slots for n meetings) are pigeonhole reasoning, which a clause learner can only do the long
way round; on events whose tables are nearly all taken it settles the optimum several times
faster than the SAT decision engines, and on others far slower, so it is one more member of
the race rather than a replacement.

A participant's breaks are its busy runs minus one, and a run starts at a busy slot whose
previous slot is idle, so minimising the run starts minimises the breaks.
"""

from __future__ import annotations

from collections.abc import Callable

from .decision_engine import applies_to, minimum_breaks
from .problem import Problem, chosen_slots

try:
    import exact
except ImportError:  # a platform without Exact's wheel: the race runs without this engine
    exact = None

# The solver is asked for news this often: the best schedule and the proven bound so far.
CHUNK_SECONDS = 0.25
Terms = list[tuple[int, str]]


def available(problem: Problem) -> bool:
    """Exact is installed and the event's rules are ones this model states exactly."""
    return exact is not None and applies_to(problem)


class PseudoBooleanModel:
    """Meeting-in-slot, busy and run-start variables with linear rules and objective."""

    def __init__(self, problem: Problem, domains: list[list[int]]) -> None:
        self.problem, self.domains = problem, domains
        self.solver = exact.Exact()
        self.x: list[dict[int, str]] = []
        self.objective: Terms = []
        self.offset = 0
        self.busy_in_slot: list[Terms] = [[] for _ in range(problem.slot_count)]
        for m, domain in enumerate(domains):
            self.x.append({s: self._variable(f"x{m}_{s}") for s in domain})
            self._equal([(1, name) for name in self.x[m].values()], 1)
        for s in range(problem.slot_count):
            in_slot = [(1, self.x[m][s]) for m in range(problem.meeting_count) if s in self.x[m]]
            if len(in_slot) > problem.tables:
                self.solver.addConstraint(in_slot, False, 0, True, problem.tables)
        for m, before in enumerate(problem.predecessors):
            for earlier in before:
                # slot(m) >= slot(earlier) + 1, slots weighted by their position
                self.solver.addConstraint(
                    [(s, name) for s, name in self.x[m].items()]
                    + [(-s, name) for s, name in self.x[earlier].items()],
                    True,
                    1,
                )
        for p in range(problem.participant_count):
            self._participant(p)
        for busy in self.busy_in_slot:
            # Implied: t tables seat at most 2t participants. Cutting planes could derive it
            # from the meetings, but stated, it settles the events whose tables are nearly all
            # taken (forumt-14crafe: 0.09 s of one core against 0.5 s without it).
            if len(busy) > 2 * problem.tables:
                self.solver.addConstraint(busy, False, 0, True, 2 * problem.tables)
        self.solver.setObjective(self.objective, True, self.offset)

    def _variable(self, name: str) -> str:
        self.solver.addVariable(name)
        return name

    def _equal(self, terms: Terms, value: int) -> None:
        self.solver.addConstraint(terms, True, value, True, value)

    def _participant(self, p: int) -> None:
        problem = self.problem
        meetings = problem.meetings_of[p]
        busy: list[str | None] = []
        for s in range(problem.slot_count):
            here = [(1, self.x[m][s]) for m in meetings if s in self.x[m]]
            if not here:
                busy.append(None)
                continue
            b = self._variable(f"b{p}_{s}")
            self._equal([*here, (-1, b)], 0)  # busy exactly when one of its meetings is here
            busy.append(b)
            self.busy_in_slot[s].append((1, b))
        self._equal([(1, b) for b in busy if b is not None], len(meetings))
        if len(meetings) < 2:
            return
        starts: Terms = []
        for s, b in enumerate(busy):
            if b is None:
                continue
            start = self._variable(f"r{p}_{s}")
            previous = busy[s - 1] if s > 0 else None
            if previous is None:
                self._equal([(1, start), (-1, b)], 0)
            else:  # start = b and not previous
                self.solver.addConstraint([(1, start), (-1, b), (1, previous)], True, 0)
                self.solver.addConstraint([(1, start), (-1, b)], False, 0, True, 0)
                self.solver.addConstraint([(1, start), (1, previous)], False, 0, True, 1)
            starts.append((1, start))
        runs_at_least = 1 + minimum_breaks(problem, self.domains, p)
        cap = len(starts) if problem.fairness is None else 1 + problem.fairness
        self.solver.addConstraint(starts, True, runs_at_least, True, cap)
        self.objective.extend(starts)
        self.offset -= 1

    def slot_of(self) -> list[int | None]:
        """Each meeting's slot in the solver's last schedule."""
        names = [name for literals in self.x for name in literals.values()]
        values = dict(zip(names, self.solver.getLastSolutionFor(names), strict=True))
        return chosen_slots(self.x, self.problem.meeting_count, values.__getitem__)


def solve_pseudo_boolean(
    problem: Problem,
    domains: list[list[int]],
    report: Callable[[tuple], None],
    *,
    chunk_seconds: float = CHUNK_SECONDS,
) -> None:
    """Report ("bound", b) and ("improved", breaks, slot per meeting) as they come, then
    ("optimal", breaks, slot per meeting), or ("infeasible",) when no schedule exists.

    Runs until the optimum is proved; callers run it in a process they can end."""
    model = PseudoBooleanModel(problem, domains)
    solver = model.solver
    best: int | None = None
    bound = 0
    while True:
        finished = solver.runFull(True, chunk_seconds) != "TIMEOUT"
        if finished and not solver.hasSolution():
            report(("infeasible",))
            return
        if finished or (solver.hasSolution() and (best is None or solver.getBestSoFar() < best)):
            best = solver.getBestSoFar()
            slot_of = model.slot_of()
            breaks = sum(problem.breaks_per_participant(slot_of))
            report(("optimal" if finished else "improved", breaks, slot_of))
            if finished:
                return
        if solver.getDualBound() > bound:
            bound = solver.getDualBound()
            report(("bound", bound))
