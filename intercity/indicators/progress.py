"""Pure arithmetic of indicator series: yearly figures, trends and progress along a target path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ON_TRACK = "on_track"
OFF_TRACK = "off_track"
NO_DATA = "no_data"


@dataclass(frozen=True)
class Part:
    """One stored value of a city's indicator: a whole year or part of it, a sector or scope."""

    year: int
    value: float
    whole: bool  # the whole year and no breakdown
    order: tuple = ()  # later periods sort last, for "latest"


def yearly_value(parts: Sequence[Part], aggregation: str) -> float | None:
    """One figure per year: the whole-year value if there is one, else the parts combined."""
    if not parts:
        return None
    whole = [part.value for part in parts if part.whole]
    if whole:
        return whole[0]
    if aggregation == "mean":
        return sum(part.value for part in parts) / len(parts)
    if aggregation == "latest":
        return max(parts, key=lambda part: part.order).value
    return sum(part.value for part in parts)


def yearly_series(parts: Iterable[Part], aggregation: str) -> dict[int, float]:
    by_year: dict[int, list[Part]] = {}
    for part in parts:
        by_year.setdefault(part.year, []).append(part)
    series = {}
    for year in sorted(by_year):
        value = yearly_value(by_year[year], aggregation)
        if value is not None:
            series[year] = value
    return series


def trend(series: dict[int, float]) -> float | None:
    """Change of the latest value against the one before it, in percent; None if unknown."""
    if len(series) < 2:
        return None
    years = sorted(series)
    previous, latest = series[years[-2]], series[years[-1]]
    if previous == 0:
        return None
    return (latest - previous) / abs(previous) * 100.0


def path_value(
    *, base_year: int, base_value: float, target_year: int, target_value: float, year: int
) -> float:
    """Where the straight line from base to target stands in a given year."""
    span = target_year - base_year
    share = (year - base_year) / span
    return base_value + (target_value - base_value) * share


@dataclass(frozen=True)
class Progress:
    state: str
    year: int | None = None
    actual: float | None = None
    expected: float | None = None

    @property
    def gap(self) -> float | None:
        if self.actual is None or self.expected is None:
            return None
        return self.actual - self.expected


def target_progress(
    *,
    base_year: int,
    base_value: float,
    target_year: int,
    target_value: float,
    series: dict[int, float],
    lower_is_better: bool,
    current_year: int,
) -> Progress:
    """On or off the straight path, judged on the latest value after the base year."""
    years = [year for year in series if base_year < year <= min(current_year, target_year)]
    if not years:
        return Progress(NO_DATA)
    year = max(years)
    actual = series[year]
    expected = path_value(
        base_year=base_year,
        base_value=base_value,
        target_year=target_year,
        target_value=target_value,
        year=year,
    )
    reducing = target_value < base_value if target_value != base_value else lower_is_better
    on_track = actual <= expected if reducing else actual >= expected
    return Progress(ON_TRACK if on_track else OFF_TRACK, year, actual, expected)
