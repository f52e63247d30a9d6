"""Reads across cities: one indicator compared in one year, and the network dashboard.

Only public values (reported or verified, never confidential) enter these figures, whoever
is looking, so that no total, mean or ranking can give a confidential value away.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.cities.models import City
from intercity.indicators import catalogue
from intercity.indicators.models import Indicator, Target
from intercity.indicators.progress import NO_DATA, OFF_TRACK, ON_TRACK, yearly_series
from intercity.indicators.selectors import (
    PART_FIELDS,
    TargetView,
    _parts,
    _target_view,
    public_observations,
    series_chart,
)
from intercity.indicators.unit_labels import unit_label


def member_cities() -> list[City]:
    return list(
        City.objects.filter(membership_status=City.Membership.MEMBER)
        .only("pk", "slug", "name", "names", "population")
        .order_by("name")
    )


def indicator_years(indicator: Indicator) -> list[int]:
    return list(
        public_observations()
        .filter(indicator=indicator)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


@dataclass
class CityFigure:
    city: City
    value: float | None
    population: float | None = None
    population_source: str = ""  # "indicator" or "gazetteer"

    @property
    def per_capita(self) -> float | None:
        if self.value is None or not self.population:
            return None
        return self.value / self.population


@dataclass
class Comparison:
    indicator: Indicator
    year: int | None
    per_capita: bool
    figures: list[CityFigure] = field(default_factory=list)
    demo: bool = False  # some figures are generated demo data

    def shown(self, figure: CityFigure) -> float | None:
        return figure.per_capita if self.per_capita else figure.value

    @property
    def unit(self) -> str:
        return f"{self.indicator.unit}/capita" if self.per_capita else self.indicator.unit

    @property
    def ranked(self) -> list[CityFigure]:
        """Cities with a figure, highest first, then those without, by name."""
        known = [f for f in self.figures if self.shown(f) is not None]
        known.sort(key=lambda f: (-self.shown(f), f.city.name))
        return known + [f for f in self.figures if self.shown(f) is None]

    def chart(self) -> dict:
        known = [f for f in self.ranked if self.shown(f) is not None]
        return {
            "type": "bar",
            "labels": [f.city.label for f in known],
            "datasets": [{"label": self.indicator.label, "data": [self.shown(f) for f in known]}],
            "unit": unit_label(self.unit),
        }


def comparison(*, indicator: Indicator, year: int | None, per_capita: bool = False) -> Comparison:
    """Every member city's yearly figure for one indicator and year (4 queries)."""
    per_capita = per_capita and indicator.per_capita
    result = Comparison(indicator, year, per_capita)
    cities = member_cities()
    if year is None:
        result.figures = [CityFigure(city, None) for city in cities]
        return result
    rows = list(
        public_observations()
        .filter(indicator=indicator, year=year)
        .values_list(*PART_FIELDS, "is_demo")
    )
    result.demo = any(row[-1] for row in rows)
    parts = _parts(rows)
    populations: dict[int, float] = {}
    if per_capita:
        population_rows = (
            public_observations()
            .filter(indicator__code=catalogue.POPULATION, year=year)
            .values_list(*PART_FIELDS)
        )
        for (city_id, _indicator), city_parts in _parts(population_rows).items():
            series = yearly_series(city_parts, "latest")
            if series:
                populations[city_id] = series[year]
    for city in cities:
        series = yearly_series(parts.get((city.pk, indicator.pk), ()), indicator.aggregation)
        figure = CityFigure(city, series.get(year))
        if per_capita:
            if city.pk in populations:
                figure.population, figure.population_source = populations[city.pk], "indicator"
            elif city.population:
                figure.population, figure.population_source = float(city.population), "gazetteer"
        result.figures.append(figure)
    return result


@dataclass
class Dashboard:
    panels: list[tuple[Indicator, dict[int, dict[int, float]], dict[int, float]]]
    cities: list[City]
    targets: list[TargetView]
    demo: bool = False

    def counts(self) -> dict[str, int]:
        counts = {ON_TRACK: 0, OFF_TRACK: 0, NO_DATA: 0}
        for view in self.targets:
            counts[view.progress.state] += 1
        return counts

    def charts(self) -> list[tuple[Indicator, dict, list[tuple[City, dict[int, float]]]]]:
        """Per panel: the indicator, its chart data and the table rows beneath it."""
        names = {city.pk: city.label for city in self.cities}
        result = []
        for indicator, by_city, mean in self.panels:
            lines = {names[c]: series for c, series in by_city.items() if series}
            chart = series_chart(indicator, lines)
            if mean:
                mean_chart = series_chart(indicator, {_("Network mean"): mean})
                chart["datasets"].append({**mean_chart["datasets"][0], "mean": True})
                chart["datasets"][-1]["data"] = [mean.get(year) for year in chart["labels"]]
            rows = [(city, by_city.get(city.pk, {})) for city in self.cities]
            result.append((indicator, chart, rows))
        return result


def network_mean(by_city: dict[int, dict[int, float]]) -> dict[int, float]:
    """The plain mean of the cities that have a public value each year."""
    values: dict[int, list[float]] = defaultdict(list)
    for series in by_city.values():
        for year, value in series.items():
            values[year].append(value)
    return {year: sum(v) / len(v) for year, v in sorted(values.items())}


def dashboard(
    *, codes: tuple[str, ...] = (catalogue.EMISSIONS_PER_CAPITA, catalogue.RENEWABLE_SHARE)
) -> Dashboard:
    """Emissions per capita and renewable share across members, and every target's state."""
    cities = member_cities()
    city_ids = {city.pk for city in cities}
    indicators = {i.pk: i for i in Indicator.objects.all()}
    by_code = {i.code: i for i in indicators.values()}
    targets = list(
        Target.objects.filter(city_id__in=city_ids)
        .select_related("city")
        .order_by("city__name", "target_year", "id")
    )
    for target in targets:
        target.indicator = indicators[target.indicator_id]
    wanted = {by_code[code].pk for code in codes if code in by_code}
    wanted |= {target.indicator_id for target in targets}
    rows = list(
        public_observations()
        .filter(indicator_id__in=wanted, city_id__in=city_ids)
        .values_list(*PART_FIELDS, "is_demo")
    )
    series = {
        key: yearly_series(parts, indicators[key[1]].aggregation)
        for key, parts in _parts(rows).items()
    }
    panels = []
    for code in codes:
        indicator = by_code.get(code)
        if indicator is None:
            continue
        by_city = {c: series.get((c, indicator.pk), {}) for c in city_ids}
        panels.append((indicator, by_city, network_mean(by_city)))
    year = timezone.localdate().year
    views = [_target_view(t, series.get((t.city_id, t.indicator_id), {}), year) for t in targets]
    demo = any(row[-1] for row in rows) or any(t.is_demo for t in targets)
    return Dashboard(panels, cities, views, demo)
