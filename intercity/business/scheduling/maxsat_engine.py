"""Exact engine: a weighted-CNF MaxSAT encoding solved by python-sat's core-guided RC2.

Core-guided MaxSAT proves lower bounds on the break count far faster than branch-and-bound
on these instances (as Bofill et al. found), so it is the main prover of the portfolio.
"""

from __future__ import annotations

from collections.abc import Iterable

from pysat.card import CardEnc, EncType
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool

from .problem import Problem, chosen_slots


def has_zero_anchor(problem: Problem) -> bool:
    """True when some participant surely has 0 breaks, making fairness an absolute cap."""
    return any(len(meetings) <= 1 for meetings in problem.meetings_of)


class MaxSatEncoding:
    """Hard clauses for every rule, one soft unit clause per possible break of a participant."""

    def __init__(self, problem: Problem, domains: list[list[int]], *, implied: bool = True) -> None:
        self.problem = problem
        self.implied = implied
        self.domains = domains
        self.pool = IDPool()
        self.formula = WCNF()
        self.x: list[dict[int, int]] = [
            {s: self.pool.id(("x", m, s)) for s in domain} for m, domain in enumerate(domains)
        ]
        self.break_literals: list[list[int]] = []
        self._encode()

    def _hard(self, clauses: Iterable[list[int]]) -> None:
        for clause in clauses:
            self.formula.append(clause)

    def at_most(self, literals: list[int], bound: int) -> None:
        if len(literals) <= bound:
            return
        if bound == 1 and len(literals) <= 8:
            self._hard([-a, -b] for i, a in enumerate(literals) for b in literals[i + 1 :])
            return
        encoding = EncType.seqcounter if bound == 1 else EncType.kmtotalizer
        cnf = CardEnc.atmost(literals, bound=bound, vpool=self.pool, encoding=encoding)
        self._hard(cnf.clauses)

    def _encode(self) -> None:
        problem = self.problem
        for literals in self.x:
            self._hard([list(literals.values())])
            self.at_most(list(literals.values()), 1)
        for s in range(problem.slot_count):
            in_slot = [self.x[m][s] for m in range(problem.meeting_count) if s in self.x[m]]
            self.at_most(in_slot, problem.tables)
        for m, before in enumerate(problem.predecessors):
            for earlier in before:
                for s, literal in self.x[m].items():
                    self._hard([[-literal, *(v for t, v in self.x[earlier].items() if t < s)]])
        for p in range(problem.participant_count):
            self._participant(p)

    def _participant(self, p: int) -> None:
        problem, pool = self.problem, self.pool
        meetings = problem.meetings_of[p]
        busy: list[int | None] = []
        for s in range(problem.slot_count):
            literals = [self.x[m][s] for m in meetings if s in self.x[m]]
            self.at_most(literals, 1)
            if not literals:
                busy.append(None)
                continue
            b = pool.id(("busy", p, s))
            self._hard([[-b, *literals]])
            self._hard([-lit, b] for lit in literals)
            busy.append(b)
        break_at: dict[int, int] = {}
        if len(meetings) >= 2:
            # seen[s]: some meeting of p in slots 0..s. A break ends at s when p is busy at s,
            # idle at s-1, and was busy before; only the upward direction is needed because
            # break literals are minimised and fairness only caps them.
            seen_previous: int | None = None
            for s in range(problem.slot_count):
                current = busy[s]
                previous = busy[s - 1] if s > 0 else None
                lunch = problem.ignore_lunch_gap and s > 0 and problem.session_change_after[s - 1]
                if current is not None and seen_previous is not None and not lunch:
                    brk = pool.id(("break", p, s))
                    clause = [-current, -seen_previous, brk]
                    if previous is not None:
                        clause.insert(1, previous)
                    self._hard([clause])
                    break_at[s] = brk
                if lunch:
                    seen_previous = None
                if current is None and seen_previous is None:
                    continue
                seen = pool.id(("seen", p, s))
                if current is not None:
                    self._hard([[-current, seen]])
                if seen_previous is not None:
                    self._hard([[-seen_previous, seen]])
                seen_previous = seen
            if self.implied and not problem.ignore_lunch_gap:
                self._implied(p, busy, break_at)
        self.break_literals.append(list(break_at.values()))

    def _implied(self, p: int, busy: list[int | None], break_at: dict[int, int]) -> None:
        """Implied clauses about a participant's n meetings that unit propagation can use.

        Two busy slots n or more apart force a break between them; and a busy block that
        starts (or ends) at s without covering the n slots after (or before) s forces a break
        somewhere. These let the SAT solver see counting conflicts without pigeonhole proofs.
        """
        count = len(self.problem.meetings_of[p])
        any_break = list(break_at.values())
        busy_slots = [(s, b) for s, b in enumerate(busy) if b is not None]
        for i, (s, b_s) in enumerate(busy_slots):
            for t, b_t in busy_slots[i + 1 :]:
                if t - s >= count:
                    between = [lit for u, lit in break_at.items() if s < u <= t]
                    self._hard([[-b_s, -b_t, *between]])
        last = len(busy) - 1
        for s, b_s in busy_slots:
            next_busy = busy[s + 1] if s < last else None
            previous_busy = busy[s - 1] if s > 0 else None
            ends_here = [-b_s] + ([next_busy] if next_busy is not None else [])
            starts_here = [-b_s] + ([previous_busy] if previous_busy is not None else [])
            for j in range(1, count):
                earlier = busy[s - j] if s - j >= 0 else None
                self._hard([[*ends_here, *([earlier] if earlier is not None else []), *any_break]])
                later = busy[s + j] if s + j <= last else None
                self._hard([[*starts_here, *([later] if later is not None else []), *any_break]])


def solve_with_maxsat(
    problem: Problem,
    domains: list[list[int]],
    *,
    solver_name: str = "cd15",
    implied: bool = True,
) -> tuple[str, list[int | None] | None, int | None]:
    """Optimal (status, slot per meeting, breaks) or ("infeasible", None, None).

    RC2 cannot be interrupted cleanly, so callers run this in a separate process and end that
    process at their deadline. Fairness is encoded as an absolute cap, which is exact only
    when `has_zero_anchor(problem)` holds or fairness is None. Without the implied clauses
    (`implied=False`) the model is the plain one, whose core-guided search behaves very
    differently from the decision engine's: a useful second member of a portfolio.
    """
    encoding = MaxSatEncoding(problem, domains, implied=implied)
    if problem.fairness is not None:
        for literals in encoding.break_literals:
            encoding.at_most(literals, problem.fairness)
    for literals in encoding.break_literals:
        for literal in literals:
            encoding.formula.append([-literal], weight=1)
    # CaDiCaL 1.5.3 proved the benchmark optima several times faster than Glucose here.
    with RC2(encoding.formula, solver=solver_name, exhaust=True, minz=True) as rc2:
        model = rc2.compute()
        if model is None:
            return "infeasible", None, None
        true = {lit for lit in model if lit > 0}
        slot_of = chosen_slots(encoding.x, problem.meeting_count, true.__contains__)
        return "optimal", slot_of, rc2.cost
