"""What a scheduler run records as it goes: its stage, the best breaks and proven bound, and
how many meetings the best partial schedule places, for the organiser's polled page."""

from collections.abc import Callable
from typing import Any

from intercity.business.models import ScheduleRun


def run_stage(run: ScheduleRun, stage: str, progress: int, **figures: Any) -> None:
    """Record how far a run got, so the polled progress partial can show it."""
    run.stage, run.progress = stage, progress
    for name, value in figures.items():
        setattr(run, name, value)
    run.save(update_fields=["stage", "progress", *figures, "updated_at"])


def progress_recorder(run: ScheduleRun) -> Callable[[int | None, int], None]:
    """Store the solver's best breaks and proven bound on the run whenever either changes,
    so the organiser's polled page shows them while the search goes on. They change only
    when the search improves, so the writes stay few; dropping one could leave the page
    showing stale figures until the run ends."""
    last: list[tuple[int | None, int] | None] = [None]

    def record(breaks: int | None, lower_bound: int) -> None:
        if last[0] == (breaks, lower_bound):
            return
        last[0] = (breaks, lower_bound)
        stage = ScheduleRun.Stage.SEARCHING if breaks is None else ScheduleRun.Stage.PROVING
        run_stage(run, stage, 50, breaks=breaks, lower_bound=lower_bound)

    return record


def placing_recorder(run: ScheduleRun) -> Callable[[int, int], None]:
    """Store how many meetings the best partial schedule places, once the event is known
    not to fit, so the page says how far placing what fits has got."""

    def record(placed: int, count: int) -> None:
        run_stage(run, ScheduleRun.Stage.PLACING, 80, placed=placed, to_place=count)

    return record
