"""Reads of indicators and values, each page in a fixed number of queries whatever the data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from intercity.accounts.roles import is_secretariat
from intercity.cities.models import City
from intercity.indicators.models import Indicator, NotationKey, Observation, Target
from intercity.indicators.permissions import PUBLIC_STATUSES
from intercity.indicators.progress import Part, Progress, target_progress, trend, yearly_series
from intercity.indicators.unit_labels import unit_label
from intercity.knowledge.selectors import visible_items


def indicator_list(*, theme: str | None = None) -> QuerySet:
    indicators = Indicator.objects.all()
    if theme:
        indicators = indicators.filter(theme=theme)
    return indicators


def indicators_matching(indicators: list[Indicator], *, search: str | None) -> list[Indicator]:
    """The indicators whose code, name or standard holds every word of `search`.

    The name is matched as the reader sees it as well as as written, because most
    translated names live in the interface catalogues rather than in the database."""
    words = (search or "").casefold().split()[:8]
    if not words:
        return indicators
    return [
        indicator
        for indicator in indicators
        if all(
            word
            in " ".join(
                (indicator.code, indicator.label, indicator.name, indicator.standard)
            ).casefold()
            for word in words
        )
    ]


def indicator_get(*, code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise Http404
    return indicator


def public_observations() -> QuerySet:
    """Values anyone may read, and the only ones that ever enter a figure across cities."""
    return Observation.objects.filter(status__in=PUBLIC_STATUSES).exclude(
        notation_key=NotationKey.CONFIDENTIAL
    )


def visible_observations(user) -> QuerySet:
    """Values the user may read: public ones, plus all of their own city's, or everything."""
    if is_secretariat(user):
        return Observation.objects.all()
    allowed = Q(status__in=PUBLIC_STATUSES) & ~Q(notation_key=NotationKey.CONFIDENTIAL)
    if getattr(user, "is_authenticated", False) and user.city_id:
        allowed |= Q(city_id=user.city_id)
    return Observation.objects.filter(allowed)


def observation_list(
    *,
    user,
    city: str | None = None,
    indicator: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> QuerySet:
    observations = visible_observations(user).select_related("city", "indicator")
    if city:
        observations = observations.filter(city__slug=city)
    if indicator:
        observations = observations.filter(indicator__code=indicator)
    if year_from:
        observations = observations.filter(year__gte=year_from)
    if year_to:
        observations = observations.filter(year__lte=year_to)
    return observations.order_by("city__name", "indicator__position", "year", "period_start", "id")


def observation_get(*, pk: int, user) -> Observation:
    observation = (
        visible_observations(user).select_related("city", "indicator").filter(pk=pk).first()
    )
    if observation is None:
        raise Http404
    return observation


def target_list(*, city: str | None = None, indicator: str | None = None) -> QuerySet:
    targets = Target.objects.select_related("city", "indicator", "commitment", "programme")
    if city:
        targets = targets.filter(city__slug=city)
    if indicator:
        targets = targets.filter(indicator__code=indicator)
    return targets.order_by("city__name", "indicator__position", "target_year", "id")


def target_get(*, pk: int) -> Target:
    target = target_list().filter(pk=pk).first()
    if target is None:
        raise Http404
    return target


# Series and progress


def _parts(observations) -> dict[tuple[int, int], list[Part]]:
    """Chartable values by (city, indicator); notation keys and confidential values are gaps."""
    parts: dict[tuple[int, int], list[Part]] = defaultdict(list)
    for row in observations:
        city_id, indicator_id, year, value, key, start, end, sector, scope = row[:9]
        if value is None or key == NotationKey.CONFIDENTIAL:
            continue
        whole = not sector and not scope and start.month == 1 and start.day == 1
        whole = whole and end.month == 12 and end.day == 31
        parts[(city_id, indicator_id)].append(Part(year, value, whole, (end, start)))
    return parts


PART_FIELDS = (
    "city_id",
    "indicator_id",
    "year",
    "value",
    "notation_key",
    "period_start",
    "period_end",
    "gpc_sector",
    "gpc_scope",
)


@dataclass
class TargetView:
    target: Target
    progress: Progress

    @property
    def path(self) -> tuple[tuple[int, float], tuple[int, float]]:
        t = self.target
        return (t.base_year, t.base_value), (t.target_year, t.target_value)


def _target_view(target: Target, series: dict[int, float], year: int) -> TargetView:
    progress = target_progress(
        base_year=target.base_year,
        base_value=target.base_value,
        target_year=target.target_year,
        target_value=target.target_value,
        series=series,
        lower_is_better=target.indicator.lower_is_better,
        current_year=year,
    )
    return TargetView(target, progress)


@dataclass
class IndicatorSeries:
    indicator: Indicator
    series: dict[int, float]
    notations: dict[int, str] = field(default_factory=dict)
    targets: list[TargetView] = field(default_factory=list)
    demo: bool = False
    ids: dict[int, int] = field(default_factory=dict)  # year → a stored value, for editing

    @property
    def latest_year(self) -> int | None:
        return max(self.series) if self.series else None

    @property
    def latest_value(self) -> float | None:
        return self.series[self.latest_year] if self.series else None

    @property
    def trend(self) -> float | None:
        return trend(self.series)

    @property
    def improving(self) -> bool | None:
        change = self.trend
        if change is None or change == 0 or self.indicator.direction == "neutral":
            return None
        return (change < 0) == self.indicator.lower_is_better

    def chart(self) -> dict:
        return series_chart(self.indicator, {"": self.series}, self.targets)

    def years(self) -> list[tuple[int, float | None, str, int | None]]:
        """Every year from the first to the last value: its value, notation key and record."""
        known = set(self.series) | set(self.notations)
        if not known:
            return []
        return [
            (year, self.series.get(year), self.notations.get(year, ""), self.ids.get(year))
            for year in range(min(known), max(known) + 1)
        ]


def series_chart(indicator: Indicator, lines: dict[str, dict[int, float]], targets=()) -> dict:
    """Chart data: one label per year, a gap (null) for each year without a value."""
    years = [year for series in lines.values() for year in series]
    for view in targets:
        years.extend((view.target.base_year, view.target.target_year))
    if not years:
        return {"type": "line", "labels": [], "datasets": [], "unit": unit_label(indicator.unit)}
    labels = list(range(min(years), max(years) + 1))
    datasets = [
        {"label": name or indicator.label, "data": [series.get(y) for y in labels]}
        for name, series in lines.items()
    ]
    for view in targets:
        (base_year, base), (target_year, goal) = view.path
        points = {base_year: base, target_year: goal}
        datasets.append(
            {
                "label": gettext("Target %(year)s") % {"year": target_year},
                "data": [points.get(y) for y in labels],
                "path": True,
            }
        )
    return {
        "type": "line",
        "labels": labels,
        "datasets": datasets,
        "unit": unit_label(indicator.unit),
    }


def city_indicators(*, city: City, user) -> list[IndicatorSeries]:
    """Every indicator with a value or a target for the city, in catalogue order (3 queries)."""
    indicators = {i.pk: i for i in Indicator.objects.all()}
    rows = list(
        visible_observations(user)
        .filter(city=city)
        .values_list(*PART_FIELDS, "is_demo", "pk")
        .order_by("indicator_id", "year")
    )
    demo = {row[1] for row in rows if row[-2]}
    ids: dict[int, dict[int, int]] = defaultdict(dict)
    for row in rows:
        ids[row[1]].setdefault(row[2], row[-1])
    parts = _parts(rows)
    notations: dict[int, dict[int, str]] = defaultdict(dict)
    for row in rows:
        if row[4]:
            notations[row[1]][row[2]] = row[4]
    targets_by_indicator: dict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(city=city).order_by("target_year", "id"):
        target.indicator = indicators[target.indicator_id]
        targets_by_indicator[target.indicator_id].append(target)
    year = timezone.localdate().year
    result = []
    for indicator in indicators.values():
        series = yearly_series(parts.get((city.pk, indicator.pk), ()), indicator.aggregation)
        targets = targets_by_indicator.get(indicator.pk, [])
        if not series and not targets and indicator.pk not in notations:
            continue
        views = [_target_view(t, series, year) for t in targets]
        result.append(
            IndicatorSeries(
                indicator,
                series,
                notations.get(indicator.pk, {}),
                views,
                indicator.pk in demo,
                ids.get(indicator.pk, {}),
            )
        )
    return result


def citing_items(*, indicator: Indicator, user, limit: int = 20) -> list:
    """Practices and policies whose measured outcome moved this indicator."""
    return list(
        visible_items(user)
        .filter(outcome_indicator=indicator)
        .select_related("city")
        .order_by("-published_at", "-created_at")[:limit]
    )


def city_section(*, city: City, user, limit: int = 8) -> list[IndicatorSeries]:
    """The latest values a city page shows, in catalogue order, in one query."""
    observations = (
        visible_observations(user)
        .filter(city=city)
        .select_related("indicator")
        .order_by("indicator__position", "indicator_id", "year")
    )
    by_indicator: dict[int, tuple[Indicator, list]] = {}
    for o in observations:
        row = (o.city_id, o.indicator_id, o.year, o.value, o.notation_key, o.period_start)
        row += (o.period_end, o.gpc_sector, o.gpc_scope)
        entry = by_indicator.setdefault(o.indicator_id, (o.indicator, [], []))
        entry[1].append(row)
        entry[2].append(o.is_demo)
    result = []
    for indicator, rows, demo in by_indicator.values():
        parts = _parts(rows).get((city.pk, indicator.pk), ())
        series = yearly_series(parts, indicator.aggregation)
        if series:
            result.append(IndicatorSeries(indicator, series, demo=any(demo)))
    return result[:limit]
