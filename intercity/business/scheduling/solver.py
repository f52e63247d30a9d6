"""Entry point that schedules an instance: diagnosis, heuristic, then a MaxSAT/CP-SAT portfolio."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from .canonical import canonical_order
from .cpsat_engine import EngineOutcome, solve_with_cpsat
from .decision_engine import applies_to, proven_lower_bound
from .explain import find_obstacles
from .heuristic import HeuristicOutcome, solve_heuristically
from .kempe_paths import chase_breaks
from .maxsat_engine import has_zero_anchor, solve_with_maxsat
from .model import Assignment, Instance, Reason, Result, reason
from .problem import Problem, build_problem, tighten_domains_by_precedence
from .race import Progress, Race
from .validation import validate_schedule

_INSTANCE_FAIRNESS = object()
# Above this many meetings the exact models are too big to build in a usual time limit.
LARGE_EVENT_MEETINGS = 2000
# The heuristic's time before the race: at least this, or a second per this many meetings.
# The decision engines encode the event meanwhile and then wait for its news (whether a
# schedule is known), so a longer start only delays them: on tic-13 they prove the 0-break
# optimum 0.17 s after the news, while the heuristic needs 0.3 s or more to reach it.
FIRST_HEURISTIC_SECONDS = 0.15
FIRST_HEURISTIC_MEETINGS = 1500
# Shares of the time limit kept after the race for the heuristic: without a complete
# schedule, and with one. The engines need all they can get on the hardest events
# (tic-13crafc.fixed040-Forb: about 28 s of one core for its slowest engine alone).
AFTER_RACE_SHARE = 0.15
POLISH_SHARE = 0.05
# Time for counting pairs of participants who cannot both keep a 0-break day, where no
# decision engine does it: at most this many seconds or this share of the time limit.
PAIR_SECONDS = 2.0
PAIR_SHARE = 0.05
# Share of the time limit given to explaining an infeasible event and placing what fits.
INFEASIBLE_SHARE = 0.2
# Share of that time in which the heuristic places what it can before the exact search for
# the best partial schedule starts from it: alone, that search places fewer meetings in a
# short time, and a different number from run to run.
PARTIAL_HINT_SHARE = 0.25
# Called with (meetings placed by the best partial schedule so far, meetings in the event)
# once the event is known not to fit.
Placing = Callable[[int, int], None]


def _assign_tables(problem: Problem, slot_of: list[int | None]) -> list[Assignment]:
    """Tables are interchangeable, so number the meetings of each slot 1, 2, 3, ..."""
    next_table = [1] * problem.slot_count
    assignments = []
    for m, s in enumerate(slot_of):
        if s is None:
            continue
        assignments.append(
            Assignment(problem.instance.meetings[m].id, problem.instance.slots[s].id, next_table[s])
        )
        next_table[s] += 1
    return assignments


def _is_complete_and_fair(problem: Problem, slot_of: list[int | None]) -> bool:
    if any(s is None for s in slot_of):
        return False
    breaks = problem.breaks_per_participant(slot_of)
    return problem.fairness is None or max(breaks, default=0) - min(breaks, default=0) <= (
        problem.fairness
    )


def _maxsat_worker(problem: Problem, domains: list[list[int]], connection: Connection) -> None:
    try:
        connection.send(solve_with_maxsat(problem, domains))
    finally:
        connection.close()


def solve(
    instance: Instance,
    *,
    time_limit: float = 60.0,
    workers: int = 2,
    fairness: int | None | object = _INSTANCE_FAIRNESS,
    ignore_lunch_gap: bool = False,
    use_maxsat: bool = True,
    on_progress: Progress | None = None,
    on_placing: Placing | None = None,
) -> Result:
    """Schedule every meeting with the fewest breaks, or explain why that is impossible.

    `on_progress(breaks, lower_bound)` is called whenever the best schedule or the proven
    bound improves, so a caller can show both while the search runs; the search stops as
    soon as they meet. Once the event is known not to fit, `on_placing(placed, count)` is
    called instead as the best partial schedule grows.
    """
    started = time.monotonic()
    deadline = started + time_limit
    chosen_fairness = instance.fairness if fairness is _INSTANCE_FAIRNESS else fairness
    # The model's variable order follows the event's structure, not its names or file order.
    instance = canonical_order(instance)
    problem = build_problem(
        instance,
        fairness=chosen_fairness,  # type: ignore[arg-type]
        ignore_lunch_gap=ignore_lunch_gap,
    )
    domains = tighten_domains_by_precedence(problem)

    obstacles = find_obstacles(problem, domains)
    if obstacles:
        return _infeasible(problem, domains, obstacles, started, deadline, workers, on_placing)

    # Large events lean on the heuristic: the exact models grow with meetings x slots, and
    # beyond a few thousand meetings they cannot even be built within a usual time limit.
    large = problem.meeting_count > LARGE_EVENT_MEETINGS
    exact = use_maxsat and not large and applies_to(problem)
    # What each participant needs on its own is a bound proved without the exact models (it
    # stands when they run out of time); the heuristic stops as soon as it reaches it. Pairs
    # who cannot both have a 0-break day add to it: the decision engines count them as they
    # encode the event, and without them they are counted here, for a bounded time.
    pairs_until = None if exact else started + min(PAIR_SECONDS, PAIR_SHARE * time_limit)
    bound = proven_lower_bound(problem, domains, pairs_until=pairs_until)
    if large:
        heuristic_budget = max(0.1, 0.95 * time_limit - (time.monotonic() - started))
    else:
        # A short start: the race settles most events of a few hundred meetings in a second
        # or two, so the heuristic gets about a second per 1,500 meetings before it (for an
        # upper bound that can end the race early, a known schedule that spares the engines
        # a feasibility check, and a fallback), and the time left after. On the published
        # events it has a complete schedule within 0.05 s, and reaches the bound on many of
        # those with a 0-break optimum.
        heuristic_budget = min(
            0.1 * time_limit,
            3.0,
            max(FIRST_HEURISTIC_SECONDS, problem.meeting_count / FIRST_HEURISTIC_MEETINGS),
        )
    # The decision engines encode the event while the heuristic runs here.
    race = Race(problem, domains, workers) if exact else None
    try:
        heuristic = solve_heuristically(
            problem,
            domains,
            time_limit=heuristic_budget,
            target=bound,
            improver=chase_breaks if large else None,
        )
        best_slots: list[int | None] | None = None
        best_breaks: int | None = None
        if _is_complete_and_fair(problem, heuristic.slot_of):
            best_slots, best_breaks = heuristic.slot_of, heuristic.breaks
        if on_progress is not None:
            on_progress(best_breaks, bound)
        if best_breaks is not None and best_breaks <= bound:
            return _result(problem, "optimal", best_slots, best_breaks, bound, started, "heuristic")
        if large:
            if best_slots is None or best_breaks is None:
                return _no_fair_schedule(problem, heuristic, bound, started)
            return _result(
                problem, "feasible", best_slots, best_breaks, bound, started, "heuristic"
            )
        if race is not None:
            # The last part of the time is kept for the heuristic if no optimum came: a larger
            # part when it has no complete schedule yet, a small one for polishing when it has
            # (the race's own neighbourhood search improves that schedule meanwhile).
            share = AFTER_RACE_SHARE if best_slots is None else POLISH_SHARE
            race_outcome = race.run(deadline - share * time_limit, best_slots, bound, on_progress)
    finally:
        if race is not None:
            race.stop()

    if race is not None:
        lower_bound, found, found_breaks, infeasible = race_outcome
        if infeasible:
            return _infeasible(problem, domains, [], started, deadline, workers, on_placing)
        if found is not None and found_breaks is not None and _is_complete_and_fair(problem, found):
            if best_breaks is None or found_breaks < best_breaks:
                best_slots, best_breaks = found, found_breaks
        if best_slots is not None and best_breaks is not None and lower_bound >= best_breaks:
            return _result(problem, "optimal", best_slots, best_breaks, lower_bound, started, "sat")
        later = solve_heuristically(
            problem,
            domains,
            time_limit=max(0.1, deadline - time.monotonic()),
            seed=1,
            target=lower_bound,
            initial=best_slots or heuristic.slot_of,
        )
        if _is_complete_and_fair(problem, later.slot_of) and (
            best_breaks is None or later.breaks < best_breaks
        ):
            best_slots, best_breaks = later.slot_of, later.breaks
        if best_slots is not None and best_breaks is not None:
            status = "optimal" if lower_bound >= best_breaks else "feasible"
            return _result(problem, status, best_slots, best_breaks, lower_bound, started, "sat")
        if time.monotonic() >= deadline - 0.05:
            return _no_fair_schedule(problem, later, lower_bound, started)
        use_maxsat = False

    maxsat_process = None
    receiver = None
    maxsat_allowed = (
        use_maxsat and not large and (problem.fairness is None or has_zero_anchor(problem))
    )
    if maxsat_allowed:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        maxsat_process = context.Process(
            target=_maxsat_worker, args=(problem, domains, sender), daemon=True
        )
        maxsat_process.start()
        sender.close()

    cpsat_holder: list = []
    cpsat_result: list[EngineOutcome] = []
    cpsat_workers = max(1, workers - 1) if maxsat_process else max(1, workers)

    def run_cpsat() -> None:
        cpsat_result.append(
            solve_with_cpsat(
                problem,
                domains,
                time_limit=deadline - time.monotonic(),
                workers=cpsat_workers,
                hint=best_slots,
                on_solver=cpsat_holder.append,
            )
        )

    thread = threading.Thread(target=run_cpsat, daemon=True)
    thread.start()
    maxsat_answer = None
    while thread.is_alive() and receiver is not None:
        if receiver.poll(0.05):
            try:
                maxsat_answer = receiver.recv()
            except EOFError:
                maxsat_answer = None
            receiver = None
            if maxsat_answer is not None and maxsat_answer[0] in ("optimal", "infeasible"):
                for cpsat in cpsat_holder:
                    cpsat.stop_search()
    thread.join()
    if maxsat_process is not None:
        if maxsat_process.is_alive():
            maxsat_process.kill()
        maxsat_process.join()

    if maxsat_answer is not None:
        status, slot_of, cost = maxsat_answer
        if status == "optimal" and slot_of is not None and _is_complete_and_fair(problem, slot_of):
            breaks = sum(problem.breaks_per_participant(slot_of))
            if breaks == cost:
                return _result(problem, "optimal", slot_of, breaks, breaks, started, "maxsat")
        if status == "infeasible":
            return _infeasible(problem, domains, [], started, deadline, workers, on_placing)

    outcome = cpsat_result[0] if cpsat_result else None
    lower_bound = bound
    if outcome is not None:
        if outcome.status == "infeasible":
            return _infeasible(problem, domains, [], started, deadline, workers, on_placing)
        lower_bound = max(bound, outcome.lower_bound)
        if outcome.slot_of is not None and (best_breaks is None or outcome.breaks < best_breaks):
            best_slots, best_breaks = outcome.slot_of, outcome.breaks
    if best_slots is None or best_breaks is None:
        return _no_fair_schedule(problem, heuristic, lower_bound, started)
    status = "optimal" if lower_bound >= best_breaks else "feasible"
    return _result(problem, status, best_slots, best_breaks, lower_bound, started, "cpsat")


def _no_fair_schedule(
    problem: Problem, heuristic: HeuristicOutcome, lower_bound: int, started: float
) -> Result:
    """Status unknown: say what the heuristic reached, so the organiser knows what is missing."""
    explanation: list[Reason] = []
    if heuristic.placed == problem.meeting_count and problem.fairness is not None:
        explanation.append(
            reason("unfair_found", fairness=problem.fairness, over=heuristic.over_cap)
        )
    else:
        explanation.append(
            reason("incomplete", placed=heuristic.placed, count=problem.meeting_count)
        )
    return Result(
        status="unknown",
        breaks=None,
        lower_bound=lower_bound,
        seconds=time.monotonic() - started,
        explanation=explanation,
    )


def _result(
    problem: Problem,
    status: str,
    slot_of: list[int | None],
    breaks: int,
    lower_bound: int,
    started: float,
    engine: str,
) -> Result:
    return Result(
        status=status,  # type: ignore[arg-type]
        breaks=breaks,
        lower_bound=min(lower_bound, breaks),
        seconds=time.monotonic() - started,
        assignments=_assign_tables(problem, slot_of),
        engine=engine,
    )


def _infeasible(
    problem: Problem,
    domains: list[list[int]],
    obstacles: list[Reason],
    started: float,
    deadline: float,
    workers: int,
    on_placing: Placing | None = None,
) -> Result:
    """Explain the infeasibility and offer the schedule placing the most meetings.

    The proof is what the organiser waits for, so the explanation and the partial schedule
    get a fifth of the time limit (at least two seconds), not all of what is left.
    """
    explanation = list(obstacles)
    deadline = min(deadline, time.monotonic() + max(2.0, INFEASIBLE_SHARE * (deadline - started)))
    count = problem.meeting_count
    placing = _PlacingReport(on_placing, count)
    placing(0)
    if not explanation and problem.fairness is not None:
        relaxed = build_problem(
            problem.instance, fairness=None, ignore_lunch_gap=problem.ignore_lunch_gap
        )
        check = solve_with_cpsat(
            relaxed,
            domains,
            time_limit=max(0.1, (deadline - time.monotonic()) / 3),
            workers=workers,
        )
        if check.slot_of is not None:
            explanation.append(reason("fairness_only", fairness=problem.fairness))
    if not explanation:
        explanation.append(reason("rules_conflict"))
    hint = _partial_hint(problem, domains, PARTIAL_HINT_SHARE * (deadline - time.monotonic()))
    if hint is not None:
        placing(hint.placed)
    partial = solve_with_cpsat(
        problem,
        domains,
        time_limit=max(0.1, deadline - time.monotonic()),
        workers=workers,
        optional=True,
        hint=None if hint is None else hint.slot_of,
        on_partial=placing,
    )
    if (
        hint is not None
        and (
            partial.slot_of is None
            or (-hint.placed, hint.breaks) < (-partial.placed, partial.breaks or 0)
        )
        and _keeps_the_rules(problem, hint.slot_of)
    ):
        partial = EngineOutcome("feasible", hint.slot_of, hint.breaks, 0, hint.placed, 0.0)
    assignments: list[Assignment] = []
    breaks = None
    if partial.slot_of is not None:
        assignments = _assign_tables(problem, partial.slot_of)
        breaks = partial.breaks
        explanation.append(
            reason(
                "partial_proved" if partial.status == "optimal" else "partial",
                placed=partial.placed,
                count=problem.meeting_count,
                breaks=partial.breaks,
            )
        )
    return Result(
        status="infeasible",
        breaks=breaks,
        lower_bound=0,
        seconds=time.monotonic() - started,
        assignments=assignments,
        explanation=explanation,
        engine="explain",
    )


class _PlacingReport:
    """Passes on the number of meetings placed, only when it grows."""

    def __init__(self, report: Placing | None, count: int) -> None:
        self.report, self.count, self.best = report, count, -1

    def __call__(self, placed: int) -> None:
        if self.report is not None and placed > self.best:
            self.best = placed
            self.report(placed, self.count)


def _partial_hint(
    problem: Problem, domains: list[list[int]], seconds: float
) -> HeuristicOutcome | None:
    """The heuristic's partial schedule, to start the exact search from."""
    outcome = solve_heuristically(problem, domains, time_limit=max(0.05, seconds))
    return outcome if outcome.placed else None


def _keeps_the_rules(problem: Problem, slot_of: list[int | None]) -> bool:
    """Whether the independent checker finds nothing wrong with a partial schedule."""
    report = validate_schedule(
        problem.instance,
        _assign_tables(problem, slot_of),
        fairness=problem.fairness,
        ignore_lunch_gap=problem.ignore_lunch_gap,
        allow_unplaced=True,
    )
    return report.ok
