"""Large-neighbourhood search: improve a schedule by re-solving a few participants exactly.

Proving the lower bound is usually quick; finding a schedule that reaches it is the hard
part, and a whole-event SAT search can wander for minutes on an unlucky event. This search
starts from the best known schedule and repeats: free the meetings of a few participants
that have more breaks than they need on their own (and of some of their partners), keep
every other meeting in its slot, and ask the SAT solver, under a conflict budget, for a
schedule with fewer breaks in total. A success becomes the new schedule; a failure frees a
larger neighbourhood next time, up to the whole event, where an unsatisfiable answer proves
the current schedule optimal. It runs beside the decision engine, which proves bounds.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pysat.solvers import Solver

from .decision_engine import DecisionEncoding
from .problem import Problem

# Conflicts allowed to one neighbourhood before another is tried.
CONFLICT_BUDGET = 20_000
FIRST_NEIGHBOURHOOD = 24  # meetings freed at first
GROWTH = 1.5


def improve_by_neighbourhoods(
    problem: Problem,
    domains: list[list[int]],
    initial: list[int | None],
    report: Callable[[tuple], None],
    *,
    lower_bound: int = 0,
    seed: int = 0,
    solver_name: str = "cd19",
    rounds: int | None = None,
) -> None:
    """Report ("improved", breaks, slot per meeting) for each better schedule found, and
    ("bound", b) when the whole event is proved to need at least b breaks. Returns when the
    schedule reaches the bound or after `rounds` neighbourhoods (None: until ended).

    The solver cannot be interrupted between budgets, so callers run this in a process.
    """
    encoding = DecisionEncoding(problem, domains)
    if encoding.proven > lower_bound:
        lower_bound = encoding.proven  # what the participants need on their own and in pairs
        report(("bound", lower_bound))
    rng = random.Random(seed)  # noqa: S311 - reproducible choices, not secrets
    current = list(initial)
    breaks = sum(problem.breaks_per_participant(current))
    size = float(FIRST_NEIGHBOURHOOD)
    done = 0
    with Solver(name=solver_name, bootstrap_with=encoding.formula.hard) as sat:
        while breaks > lower_bound and (rounds is None or done < rounds):
            done += 1
            freed = _neighbourhood(problem, encoding.bounds, current, int(size), rng)
            whole = len(freed) == problem.meeting_count
            assumptions = [
                encoding.x[m][s]
                for m, s in enumerate(current)
                if m not in freed and s is not None and s in encoding.x[m]
            ]
            assumptions += encoding.assumptions(breaks - 1)
            sat.conf_budget(CONFLICT_BUDGET * (4 if whole else 1))
            answer = sat.solve_limited(assumptions=assumptions)
            if answer:
                found = encoding.slots_of(sat.get_model())
                found_breaks = sum(problem.breaks_per_participant(found))
                if found_breaks < breaks:
                    current, breaks = found, found_breaks
                    report(("improved", breaks, current))
                size = max(FIRST_NEIGHBOURHOOD, size / GROWTH)
            elif answer is False and whole:
                lower_bound = breaks
                report(("bound", breaks))
            else:
                size = min(problem.meeting_count, size * GROWTH)


def _neighbourhood(
    problem: Problem,
    own_minimum: list[int],
    slot_of: list[int | None],
    size: int,
    rng: random.Random,
) -> set[int]:
    """Meetings to free: those of a participant with more breaks than it needs alone, then
    of partners and partners' partners, picked at random, until `size` meetings are free."""
    if size >= problem.meeting_count:
        return set(range(problem.meeting_count))
    per_participant = problem.breaks_per_participant(slot_of)
    excess = [p for p, b in enumerate(per_participant) if b > own_minimum[p]]
    start = rng.choice(excess) if excess else rng.randrange(problem.participant_count)
    chosen = {start}
    frontier = [start]
    freed: set[int] = set(problem.meetings_of[start])
    while len(freed) < size:
        if not frontier:
            # Another participant with too many breaks, or any participant, starts a new part.
            others = [p for p in excess if p not in chosen] or [
                p for p in range(problem.participant_count) if p not in chosen
            ]
            if not others:
                break
            frontier.append(rng.choice(others))
            chosen.add(frontier[-1])
            freed.update(problem.meetings_of[frontier[-1]])
            continue
        p = frontier.pop(rng.randrange(len(frontier)))
        partners = [
            q
            for m in problem.meetings_of[p]
            for q in problem.meeting_pairs[m]
            if q != p and q not in chosen
        ]
        rng.shuffle(partners)
        for q in partners[:3]:
            chosen.add(q)
            frontier.append(q)
            freed.update(problem.meetings_of[q])
    return freed
