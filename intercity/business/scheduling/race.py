"""The race of exact engines behind the scheduler: decision engines, neighbourhood search
and a plain RC2 model in worker processes, until the proven bound meets the best schedule."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait

from .decision_engine import solve_by_decisions
from .maxsat_engine import solve_with_maxsat
from .neighbourhood import improve_by_neighbourhoods
from .pb_engine import available as pseudo_boolean_available
from .pb_engine import solve_pseudo_boolean
from .problem import Problem

# Called with (best breaks so far or None, proven lower bound) as the search goes.
Progress = Callable[[int | None, int], None]
# A race that hears nothing for this long (at least QUIET_SECONDS, else this share of its
# time) starts the large-neighbourhood search, when the cores had no room for it at the
# start. It shares one engine's part of the machine with the engines that yield to it (see
# YIELDING): all of them get LATE_NICENESS, whose scheduler weight is half that of NICENESS.
# No engine is ended: each is the only one that settles some published events within a
# minute (CaDiCaL 1.5 with the slot capacity ticf-13crafb and forum-13crafb.forb0007,
# CaDiCaL 1.9 with it tic-13crafc.fixed040-Forb, Glucose 3 without it forum-13crafc's and
# ticf-13crafc's family).
QUIET_SECONDS = 10.0
QUIET_SHARE = 0.25
LATE_NICENESS = 13
# Engines that race: (SAT solver, with the implied slot capacity) for the decision engines,
# and PSEUDO_BOOLEAN for the Exact model (pb_engine), which needs no hint and starts solving
# at once. Each of them is ten times slower than another on some published event, and which
# is first depends on how full the tables are (`engines_for`): counting engines (Exact, the
# slot capacity) when the meetings take NEARLY_FULL of the slot-table places or more, and
# beside an engine with the capacity, one without it (Glucose 3) from the start on the
# others. As many start as there are workers (cores); an engine in OPENING_ONLY makes way at
# STAGGER_SECONDS, when the cores are short, for the next one; at JOIN_SECONDS, when the
# event has shown that it is not one of the many that the first ones settle at once, one
# engine more than there are cores races.
PSEUDO_BOOLEAN = ("exact", False)
NEARLY_FULL = 0.7
COUNTING_ENGINES = (("cd15", True), PSEUDO_BOOLEAN, ("cd19", True), ("g3", False), ("cd15", False))
CLAUSE_ENGINES = (("cd19", True), ("g3", False), ("cd15", True), ("cd15", False))
# Engines that make way at STAGGER_SECONDS when the cores are short. The pseudo-Boolean
# engine settles in a fraction of a second the events whose tables are nearly all taken
# (the decision engines need a second or more there), and on the others it is rarely the
# first: past the first second it would only take the others' cores.
OPENING_ONLY = (PSEUDO_BOOLEAN,)
STAGGER_SECONDS = 1.0
JOIN_SECONDS = 4.0
# Engines that yield to the neighbourhood search when it joins a quiet race: those without
# the slot capacity settle the events they suit within seconds, or not within a minute.
YIELDING = (("g3", False), ("cd15", False))
# Workers yield to the parent: its heuristic runs while they encode, and a web request
# served by the same machine should not wait on a search.
NICENESS = 10


def engines_for(problem: Problem) -> list[tuple[str, bool]]:
    """The engines that race on this event, the first ones first.

    Where the meetings nearly fill the slot-table places, the counting arguments are what
    settles the event: Exact reasons with the counts themselves (cutting planes), and the
    implied slot capacity lets the SAT engines count. Elsewhere the capacity rarely binds,
    and for the events settled by an engine without it, that engine has to start at once.
    """
    places = problem.slot_count * problem.tables
    if places and problem.meeting_count >= NEARLY_FULL * places:
        return [
            engine
            for engine in COUNTING_ENGINES
            if engine != PSEUDO_BOOLEAN or pseudo_boolean_available(problem)
        ]
    return list(CLAUSE_ENGINES)


def _lower_priority(pid: int, niceness: int) -> None:
    """Give a worker at least this niceness; one that has already ended is left alone."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, max(niceness, os.getpriority(os.PRIO_PROCESS, pid)))
    except OSError:
        pass


def _decision_worker(
    problem: Problem,
    domains: list[list[int]],
    engine: tuple[str, bool],
    hint: Connection,
    connection: Connection,
) -> None:
    """Encode the event while the parent runs its heuristic, then hear from the parent
    whether a schedule is already known before the first solve."""
    os.nice(NICENESS)
    try:
        solve_by_decisions(
            problem,
            domains,
            connection.send,
            solver_name=engine[0],
            slot_capacity=engine[1],
            known_feasible=hint.recv,
        )
    except EOFError:
        pass  # the parent ended the race before it began (the heuristic was optimal)
    finally:
        hint.close()
        connection.close()


def _pseudo_boolean_worker(
    problem: Problem, domains: list[list[int]], engine: tuple[str, bool], connection: Connection
) -> None:
    os.nice(NICENESS)
    try:
        solve_pseudo_boolean(problem, domains, connection.send)
    finally:
        connection.close()


def _plain_maxsat_worker(
    problem: Problem, domains: list[list[int]], connection: Connection
) -> None:
    try:
        status, slot_of, _cost = solve_with_maxsat(
            problem, domains, solver_name="g3", implied=False
        )
        if status == "infeasible" or slot_of is None:
            connection.send(("infeasible",))
        else:
            connection.send(("optimal", sum(problem.breaks_per_participant(slot_of)), slot_of))
    finally:
        connection.close()


def _neighbourhood_worker(
    problem: Problem,
    domains: list[list[int]],
    initial: list[int | None],
    lower_bound: int,
    connection: Connection,
) -> None:
    try:
        improve_by_neighbourhoods(
            problem, domains, initial, connection.send, lower_bound=lower_bound
        )
    finally:
        connection.close()


class Race:
    """Prove bounds and improve the schedule in worker processes until the two meet.

    The first engines (`engines_for`) start at once: the decision engines encode the event
    while the parent runs its heuristic and `begin` then tells them whether a schedule is
    known; the pseudo-Boolean engine needs no such news and solves from the start, until it
    makes way for the engine next in line. `run` adds the other workers and gathers what
    they send. With a schedule to start from and cores to spare, one more process runs the
    large-neighbourhood search (better schedules around the best one); on two cores it joins
    them, at a lower priority, when the race goes quiet. On more cores a plain RC2 model
    joins too.

    Processes, not threads: the SAT solvers cannot be interrupted, so they are ended at the
    deadline, and every bound and schedule they sent before that has already been received.
    """

    def __init__(self, problem: Problem, domains: list[list[int]], workers: int) -> None:
        self.problem, self.domains, self.workers = problem, domains, max(1, workers)
        self.context = multiprocessing.get_context("fork")
        self.running: list[tuple] = []
        self.yielding: list = []  # processes of the engines that yield to the search
        self.opening: list = []  # processes of the engines that make way at the stagger
        self.receivers: list[Connection] = []
        self.hints: list[Connection] = []
        engines = engines_for(problem)
        for engine in engines[: self.workers]:
            self._start_engine(engine)
        # One engine more than there are cores races once the opening engines have left.
        staying = sum(engine not in OPENING_ONLY for engine in engines[: self.workers])
        later = [engine for engine in engines[self.workers :] if engine not in OPENING_ONLY]
        self.waiting = later[: self.workers + 1 - staying]

    def _start_engine(self, engine: tuple[str, bool], known: bool | None = None) -> None:
        self._start_engine_process(engine, known)
        if engine in YIELDING:
            self.yielding.append(self.running[-1][0])

    def _start_engine_process(self, engine: tuple[str, bool], known: bool | None) -> None:
        if engine == PSEUDO_BOOLEAN:
            self._start(_pseudo_boolean_worker, (self.problem, self.domains, engine))
            if engine in OPENING_ONLY:
                self.opening.append(self.running[-1][0])
            return
        hint, tell = self.context.Pipe(duplex=False)
        self._start(_decision_worker, (self.problem, self.domains, engine, hint))
        hint.close()
        if known is None:
            self.hints.append(tell)
        else:
            tell.send(known)
            tell.close()

    def _start(self, target, arguments) -> None:
        receiver, sender = self.context.Pipe(duplex=False)
        process = self.context.Process(target=target, args=(*arguments, sender), daemon=True)
        process.start()
        sender.close()
        self.running.append((process, receiver))
        self.receivers.append(receiver)

    def begin(self, best: list[int | None] | None) -> None:
        """Tell the decision engines whether the heuristic found a complete schedule."""
        for tell in self.hints:
            tell.send(best is not None)
            tell.close()
        self.hints = []

    def run(
        self,
        deadline: float,
        best: list[int | None] | None = None,
        lower_bound: int = 0,
        on_progress: Progress | None = None,
    ) -> tuple[int, list[int | None] | None, int | None, bool]:
        """Returns (lower bound, best schedule, its breaks, whether no schedule exists)."""
        problem, domains = self.problem, self.domains
        self.begin(best)
        best_breaks = None if best is None else sum(problem.breaks_per_participant(best))
        engines = len(self.running)
        extra: list[tuple] = []
        if best is not None:
            extra.append((_neighbourhood_worker, (problem, domains, best, lower_bound)))
        extra.append((_plain_maxsat_worker, (problem, domains)))
        for target, arguments in extra[: max(0, self.workers - engines)]:
            self._start(target, arguments)
        started = time.monotonic()
        join_at = started + JOIN_SECONDS if self.waiting else None
        make_way_at = started + STAGGER_SECONDS if self.opening else None
        # With too few cores for the neighbourhood search from the start, it joins the
        # engines once the race has gone a while without news.
        neighbourhood_after = (
            max(QUIET_SECONDS, QUIET_SHARE * (deadline - time.monotonic()))
            if best is not None and len(self.running) == engines >= 2
            else None
        )
        receivers = self.receivers
        infeasible = False
        last_news = time.monotonic()
        while receivers and not infeasible:
            if best_breaks is not None and lower_bound >= best_breaks:
                break
            now = time.monotonic()
            if make_way_at is not None and now >= make_way_at:
                # When the cores are short, the opening engines make way for the next ones.
                if engines - len(self.opening) + len(self.waiting) >= self.workers:
                    for process in self.opening:
                        process.kill()
                    for engine in self.waiting[: len(self.opening)]:
                        self._start_engine(engine, known=best is not None)
                    self.waiting = self.waiting[len(self.opening) :]
                make_way_at = None
            if join_at is not None and now >= join_at:
                for engine in self.waiting:
                    self._start_engine(engine, known=best is not None)
                self.waiting, join_at = [], None
            if neighbourhood_after is not None and now - last_news >= neighbourhood_after:
                self._start(_neighbourhood_worker, (problem, domains, best, lower_bound))
                for process in [*self.yielding, self.running[-1][0]]:
                    _lower_priority(process.pid, LATE_NICENESS)
                neighbourhood_after = None
            remaining = deadline - now
            if remaining <= 0:
                break
            timeout = remaining
            if neighbourhood_after is not None:
                timeout = min(timeout, max(0.0, last_news + neighbourhood_after - now))
            for moment in (join_at, make_way_at):
                if moment is not None:
                    timeout = min(timeout, max(0.0, moment - now))
            for receiver in wait(receivers, timeout=timeout):
                try:
                    message = receiver.recv()
                except EOFError:
                    receivers.remove(receiver)
                    continue
                last_news = time.monotonic()
                if message[0] == "bound":
                    lower_bound = max(lower_bound, message[1])
                elif message[0] in ("optimal", "improved"):
                    if best_breaks is None or message[1] < best_breaks:
                        best_breaks, best = message[1], message[2]
                    if message[0] == "optimal":
                        lower_bound = max(lower_bound, message[1])
                elif message[0] == "infeasible":
                    infeasible = True
                    break
                if on_progress is not None:
                    on_progress(best_breaks, min(lower_bound, best_breaks or lower_bound))
        return lower_bound, best, best_breaks, infeasible

    def stop(self) -> None:
        for tell in self.hints:
            tell.close()
        for process, receiver in self.running:
            if process.is_alive():
                process.kill()
            process.join()
            receiver.close()
