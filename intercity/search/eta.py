"""How long the rest of a long job will take, from the rate it has kept so far."""

from __future__ import annotations

__all__ = ["MIN_DONE", "format_duration", "remaining_seconds"]

# Fewer items than this say little about the rate: the first batch also pays for
# loading the model.
MIN_DONE = 1


def remaining_seconds(done: int, total: int, elapsed: float) -> float | None:
    """Seconds left for ``total - done`` items at ``done / elapsed`` items a second.

    None when nothing is done yet or no time has passed, since no rate is known;
    0 when nothing is left.
    """
    if total <= done:
        return 0.0
    if done < MIN_DONE or elapsed <= 0:
        return None
    return (total - done) * elapsed / done


def format_duration(seconds: float | None) -> str:
    """A short clock-style duration for a console: "1:02:03", "4:05", or "?" if unknown."""
    if seconds is None:
        return "?"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
