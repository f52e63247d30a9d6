"""A text progress bar for operators' commands, drawn on one line of a terminal."""

from __future__ import annotations

import time
from typing import TextIO

from intercity.search.eta import format_duration, remaining_seconds


class ProgressBar:
    def __init__(self, stream: TextIO, label: str, *, width: int = 30) -> None:
        self.stream = stream
        self.label = label
        self.width = width
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._interactive = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        # Redraw at most ten times a second, and always at the end.
        if done < total and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        fraction = done / total if total else 1.0
        filled = int(self.width * fraction)
        elapsed = now - self.started
        rate = done / max(elapsed, 1e-9)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{done}/{total} {fraction:4.0%} {rate:,.0f}/s"
        )
        if done < total:
            line += f", {format_duration(remaining_seconds(done, total, elapsed))} left"
        if self._interactive:
            self.stream.write("\r" + line)
            if done >= total:
                self.stream.write("\n")
        elif done >= total or filled != getattr(self, "_filled", -1):
            self.stream.write(line + "\n")
        self._filled = filled
        self.stream.flush()
