"""The race of exact engines: which engines start, which join, make way or yield, and that
the proven bound and the best schedule meet."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from intercity.business.scheduling import race as race_module
from intercity.business.scheduling.decision_engine import solve_by_decisions
from intercity.business.scheduling.tests.builders import (
    make_instance_data,
    one_break_event,
    problem_and_domains,
)

CAP_FREE = ("g3", False)


def _event_with_full_tables():
    """Five meetings in five slots of one table: every place is taken."""
    data = make_instance_data(
        slots=5, tables=1, meetings=[("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e")]
    )
    return problem_and_domains(data)


def _optimum(problem, domains) -> tuple[int, list[int | None]]:
    messages: list[tuple] = []
    solve_by_decisions(problem, domains, messages.append)
    return messages[-1][1], list(messages[-1][2])


def _recording_context(monkeypatch) -> list:
    """Replace the fork context with one that notes which worker each process runs."""
    started_targets: list = []
    real_context = multiprocessing.get_context("fork")

    class RecordingContext:
        def Pipe(self, duplex: bool = True):  # noqa: N802 - the multiprocessing name
            return real_context.Pipe(duplex=duplex)

        def Process(self, *, target, args, **options):  # noqa: N802 - the multiprocessing name
            started_targets.append((target, args))
            return real_context.Process(target=target, args=args, **options)

    monkeypatch.setattr(
        race_module.multiprocessing, "get_context", lambda _name: RecordingContext()
    )
    return started_targets


def _engines(started: list) -> list[tuple[str, bool]]:
    workers = (race_module._decision_worker, race_module._pseudo_boolean_worker)
    return [args[2] for target, args in started if target in workers]


def _silent_engine(problem, domains, engine, hint, connection) -> None:
    time.sleep(60)


def _silent_opening_engine(problem, domains, engine, connection) -> None:
    time.sleep(60)


def _silent_race(monkeypatch) -> list:
    """Engines that never answer, and a record of the workers started."""
    monkeypatch.setattr(race_module, "_decision_worker", _silent_engine)
    monkeypatch.setattr(race_module, "_pseudo_boolean_worker", _silent_opening_engine)
    return _recording_context(monkeypatch)


def test_nearly_full_tables_open_with_the_counting_engines_and_others_with_a_cap_free_one():
    full = race_module.engines_for(_event_with_full_tables()[0])
    spare = race_module.engines_for(one_break_event()[0])
    # Nearly full: an engine with the slot capacity and the pseudo-Boolean engine open.
    assert full[0][1] is True and full[1] == race_module.PSEUDO_BOOLEAN
    # Spare tables: one engine with the capacity and one without it open.
    assert spare[0][1] is True and spare[1] == CAP_FREE
    assert race_module.PSEUDO_BOOLEAN not in spare
    # Both race every decision engine, with and without the capacity, sooner or later.
    assert set(spare) == set(full) - {race_module.PSEUDO_BOOLEAN}


def test_one_engine_more_than_the_cores_joins_a_race_that_outlasts_the_first_moments(
    monkeypatch,
):
    problem, domains = one_break_event()
    optimum, _schedule = _optimum(problem, domains)
    started = _recording_context(monkeypatch)
    monkeypatch.setattr(race_module, "JOIN_SECONDS", 0.0)
    race = race_module.Race(problem, domains, 2)
    try:
        assert _engines(started) == [("cd19", True), CAP_FREE]
        bound, best, breaks, infeasible = race.run(time.monotonic() + 20, None, 0)
    finally:
        race.stop()
    assert _engines(started) == race_module.engines_for(problem)[:3]
    assert not infeasible
    assert breaks == bound == optimum
    assert sum(problem.breaks_per_participant(best)) == optimum


def test_a_quiet_race_adds_the_neighbourhood_search_and_the_cap_free_engine_yields(monkeypatch):
    problem, domains = one_break_event()
    optimum, start = _optimum(problem, domains)
    # Engines that never answer: the race is quiet from its first moment, and the optimum's
    # proof can only come from the neighbourhood search.
    started = _silent_race(monkeypatch)
    monkeypatch.setattr(race_module, "JOIN_SECONDS", 0.0)
    monkeypatch.setattr(race_module, "QUIET_SECONDS", 0.0)
    monkeypatch.setattr(race_module, "QUIET_SHARE", 0.0)
    race = race_module.Race(problem, domains, 2)
    try:
        bound, best, breaks, infeasible = race.run(time.monotonic() + 20, start, 0)
        engines = [process for process, _receiver in race.running[:3]]
        assert all(process.is_alive() for process in engines)  # none gave way to the search
        search = race.running[-1][0]
        niceness = {
            engine: os.getpriority(os.PRIO_PROCESS, process.pid)
            for engine, process in zip(_engines(started), engines, strict=True)
        }
        # The search shares one engine's part of the cores with the engine without the
        # capacity; the engines with it keep their priority.
        assert niceness[CAP_FREE] == race_module.LATE_NICENESS
        assert os.getpriority(os.PRIO_PROCESS, search.pid) == race_module.LATE_NICENESS
        assert niceness[("cd19", True)] < race_module.LATE_NICENESS
        assert niceness[("cd15", True)] < race_module.LATE_NICENESS
    finally:
        race.stop()
    assert [target for target, _args in started] == [
        _silent_engine,
        _silent_engine,
        _silent_engine,
        race_module._neighbourhood_worker,
    ]
    assert not infeasible
    assert breaks == optimum
    assert bound >= optimum
    assert sum(problem.breaks_per_participant(best)) == optimum


@pytest.mark.parametrize(("workers", "makes_way"), [(2, True), (5, False)])
def test_the_opening_engine_makes_way_at_the_stagger_only_when_cores_are_short(
    monkeypatch, workers, makes_way
):
    problem, domains = _event_with_full_tables()
    started = _silent_race(monkeypatch)
    monkeypatch.setattr(race_module, "STAGGER_SECONDS", 0.0)
    race = race_module.Race(problem, domains, workers)
    try:
        assert len(race.opening) == 1
        race.run(time.monotonic() + 0.5, None, 0)
        race.opening[0].join(timeout=5)
        assert race.opening[0].is_alive() is not makes_way
        others = [process for process, _receiver in race.running if process not in race.opening]
        assert all(process.is_alive() for process in others)
        # On two cores the engine next in line takes its core at once; the last ones wait.
        engines = _engines(started)
        if makes_way:
            assert engines == race_module.engines_for(problem)[:3]
        else:
            assert engines == race_module.engines_for(problem)
    finally:
        race.stop()


def test_with_one_core_the_opening_engine_neither_starts_nor_joins_later():
    problem, domains = _event_with_full_tables()
    race = race_module.Race(problem, domains, 1)
    try:
        assert race_module.PSEUDO_BOOLEAN not in race.waiting
        assert not race.opening
        assert len(race.running) == 1
    finally:
        race.stop()
