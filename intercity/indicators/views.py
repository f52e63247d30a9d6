"""Indicator pages: catalogue, a city's figures, comparison, dashboard and forms (the import
pages are in views_import.py)."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.cities.selectors import city_get
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.list_filters import one_of, read_filters
from intercity.core.views import record_form_response
from intercity.indicators.comparison import comparison, dashboard, indicator_years
from intercity.indicators.forms import (
    IndicatorForm,
    ObservationForm,
    TargetForm,
)
from intercity.indicators.models import Indicator, Observation
from intercity.indicators.permissions import (
    can_create_observation,
    can_create_target,
    can_edit_observation,
    can_edit_target,
    can_import_observations,
    can_manage_indicator,
    can_verify_observation,
)
from intercity.indicators.selectors import (
    citing_items,
    city_indicators,
    indicator_get,
    indicator_list,
    indicators_matching,
    observation_get,
    observation_list,
    target_get,
)
from intercity.indicators.services import (
    indicator_create,
    observation_record,
    observation_update,
    observation_verify,
    target_create,
    target_update,
)
from intercity.indicators.templatetags.indicator_figures import figure


def _export(request, *, name: str, header: list[str], rows: list[list]):
    """The page's table as CSV or JSON when ?format= asks for it, else None."""
    wanted = request.GET.get("format")
    if wanted == "json":
        records = [dict(zip(header, row, strict=True)) for row in rows]
        return JsonResponse({"results": records}, json_dumps_params={"ensure_ascii": False})
    if wanted != "csv":
        return None
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def chart_table(spec: dict) -> tuple[list[str], list[list]]:
    """The numbers a chart draws, as table rows: one per label, one column per line.

    Figures are formatted here: a network table has thousands of cells, and one filter
    call per cell in the template took most of the page's time.
    """
    header = [dataset["label"] for dataset in spec["datasets"]]
    rows = [
        [label, *[figure(dataset["data"][index]) for dataset in spec["datasets"]]]
        for index, label in enumerate(spec["labels"])
    ]
    return header, rows


@require_GET
def indicator_index(request):
    read = read_filters(
        request.GET, {"theme": one_of(gettext_lazy("Theme"), Indicator.Theme.values)}
    )
    search = request.GET.get("q") or None
    indicators = indicators_matching(list(indicator_list(theme=read["theme"])), search=search)
    header = ["code", "name", "unit", "direction", "theme", "aggregation", "standard"]
    rows = [
        [i.code, i.label, i.unit, i.direction, i.theme, i.aggregation, i.standard]
        for i in indicators
    ]
    exported = _export(request, name="indicators", header=header, rows=rows)
    if exported:
        return exported
    themes: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        themes.setdefault(indicator.get_theme_display(), []).append(indicator)
    context = {
        "themes": themes,
        "theme_choices": Indicator.Theme.choices,
        "theme": read["theme"],
        "filtered": bool(search or read["theme"]),
        "filter_notices": read.notices,
        "can_import": can_import_observations(request.user),
        "can_manage": can_manage_indicator(request.user),
    }
    return render(request, "indicators/indicator_list.html", context)


@require_GET
def indicator_detail(request, code):
    indicator = indicator_get(code=code)
    years = indicator_years(indicator)
    compared = comparison(indicator=indicator, year=years[0] if years else None)
    rows = [[f.city.slug, f.city.name, compared.year, f.value] for f in compared.ranked]
    exported = _export(
        request, name=f"indicator-{code}", header=["city", "name", "year", "value"], rows=rows
    )
    if exported:
        return exported
    context = {
        "indicator": indicator,
        "comparison": compared,
        "citing": citing_items(indicator=indicator, user=request.user),
        "history": audit_trail(indicator, viewer=request.user, whole=wants_whole_history(request)),
    }
    return render(request, "indicators/indicator_detail.html", context)


@require_GET
def city_page(request, slug):
    city = city_get(slug=slug)
    overview = city_indicators(city=city, user=request.user)
    if request.GET.get("format") in ("csv", "json"):
        observations = observation_list(user=request.user, city=city.slug)
        header = [
            "city",
            "indicator",
            "year",
            "period_start",
            "period_end",
            "gpc_sector",
            "gpc_scope",
            "value",
            "unit",
            "value_as_given",
            "unit_as_given",
            "notation_key",
            "status",
            "source",
            "is_demo",
        ]
        rows = [
            [
                o.city.slug,
                o.indicator.code,
                o.year,
                o.period_start.isoformat(),
                o.period_end.isoformat(),
                o.gpc_sector,
                o.gpc_scope,
                o.value,
                o.indicator.unit,
                o.value_as_given,
                o.unit_as_given,
                o.notation_key,
                o.status,
                o.source_document,
                o.is_demo,
            ]
            for o in observations
        ]
        return _export(request, name=f"indicators-{city.slug}", header=header, rows=rows)
    panels = []
    for number, item in enumerate(overview):
        # Figures formatted here, not by a filter per cell: a city can have a thousand.
        years = [
            (year, None if value is None else figure(value), key, pk)
            for year, value, key, pk in item.years()
        ]
        panels.append((item, item.chart(), f"chart-{number}", years))
    context = {
        "city": city,
        "panels": panels,
        # Links of the numbers tables are built from this prefix rather than reversed a
        # thousand times.
        "values_url": reverse("indicators:observation", kwargs={"pk": 0}).removesuffix("0/"),
        "can_create": can_create_observation(request.user, city),
        "can_target": can_create_target(request.user, city),
        "can_import": can_import_observations(request.user)
        and can_create_observation(request.user, city),
        "has_demo": any(item.demo for item in overview),
    }
    return render(request, "indicators/city_indicators.html", context)


@require_GET
def compare(request):
    indicators = list(indicator_list())
    code = request.GET.get("indicator") or "ghg-per-capita"
    indicator = next((i for i in indicators if i.code == code), None)
    if indicator is None:
        raise Http404
    years = indicator_years(indicator)
    try:
        year = int(request.GET["year"]) if request.GET.get("year") else None
    except ValueError:
        year = None
    year = year or (years[0] if years else None)
    per_capita = request.GET.get("per_capita") == "1"
    result = comparison(indicator=indicator, year=year, per_capita=per_capita)
    header = ["city", "name", "year", "value", "unit", "population", "population_source"]
    rows = [
        [f.city.slug, f.city.name, year, result.shown(f), result.unit, f.population]
        + [f.population_source]
        for f in result.ranked
    ]
    exported = _export(request, name=f"compare-{code}-{year}", header=header, rows=rows)
    if exported:
        return exported
    context = {
        "indicators": indicators,
        "indicator": indicator,
        "years": years,
        "year": year,
        "result": result,
        "chart": result.chart(),
    }
    return render(request, "indicators/compare.html", context)


@require_GET
def network_dashboard(request):
    board = dashboard()
    panels = []
    for number, (indicator, spec, rows) in enumerate(board.charts()):
        panels.append((indicator, spec, f"chart-{number}", chart_table(spec), rows))
    if request.GET.get("format") in ("csv", "json"):
        header = ["indicator", "city", "year", "value"]
        rows = [
            [indicator.code, city.slug, year, value]
            for indicator, _spec, _id, _table, city_rows in panels
            for city, series in city_rows
            for year, value in sorted(series.items())
        ]
        return _export(request, name="network-dashboard", header=header, rows=rows)
    context = {
        "panels": panels,
        "targets": board.targets,
        "counts": board.counts(),
        "demo": board.demo,
    }
    return render(request, "indicators/dashboard.html", context)


@require_GET
def observation_detail(request, pk):
    observation = observation_get(pk=pk, user=request.user)
    context = {
        "observation": observation,
        "can_edit": can_edit_observation(request.user, observation),
        "can_verify": can_verify_observation(request.user, observation)
        and observation.status != Observation.Status.VERIFIED,
        "history": audit_trail(
            observation, viewer=request.user, whole=wants_whole_history(request)
        ),
    }
    return render(request, "indicators/observation_detail.html", context)


@login_required
@require_POST
def observation_verify_view(request, pk):
    observation = observation_get(pk=pk, user=request.user)
    if not can_verify_observation(request.user, observation):
        raise Http404
    observation_verify(actor=request.user, observation=observation)
    messages.success(request, _("The value is marked as verified."))
    return redirect("indicators:observation", pk=observation.pk)


# Writes


@login_required
@require_http_methods(["GET", "POST"])
def indicator_new(request):
    if not can_manage_indicator(request.user):
        raise Http404
    form = IndicatorForm(request.POST or None)
    return record_form_response(
        request,
        form,
        save=lambda data: indicator_create(actor=request.user, data=data),
        heading=_("Add an indicator"),
        success_message=_("The indicator was added to the catalogue."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def observation_new(request):
    if not can_create_observation(request.user):
        raise Http404
    form = ObservationForm(request.POST or None, user=request.user, initial=request.GET.dict())

    def save(data):
        observation, _outcome = observation_record(
            actor=request.user,
            city=data["city"],
            indicator=data["indicator"],
            year=data["year"],
            value=data["value"],
            unit=data["unit"],
            notation_key=data["notation_key"],
            gpc_sector=data["gpc_sector"],
            gpc_scope=data["gpc_scope"],
            data=data,
        )
        return observation

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Record a value"),
        success_message=_("The value was recorded."),
        redirect_to=lambda o: reverse("indicators:city", kwargs={"slug": o.city.slug}),
        cancel_url=(
            reverse("indicators:city", kwargs={"slug": request.user.city.slug})
            if request.user.city_id
            else reverse("indicators:list")
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def observation_edit(request, pk):
    observation = observation_get(pk=pk, user=request.user)
    if not can_edit_observation(request.user, observation):
        raise Http404
    form = ObservationForm(request.POST or None, user=request.user, observation=observation)

    def save(data):
        fresh = Observation.objects.select_related("indicator").get(pk=observation.pk)
        observation_update(actor=request.user, observation=fresh, data=data)
        return fresh

    city_url = reverse("indicators:city", kwargs={"slug": observation.city.slug})
    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(indicator)s, %(city)s %(year)s")
        % {
            "indicator": observation.indicator.label,
            "city": observation.city.label,
            "year": observation.year,
        },
        success_message=_("The value was saved."),
        cancel_url=city_url,
        redirect_to=lambda _o: city_url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_new(request):
    if not can_create_target(request.user):
        raise Http404
    form = TargetForm(request.POST or None, user=request.user, initial=request.GET.dict())
    return record_form_response(
        request,
        form,
        save=lambda data: target_create(actor=request.user, data=data),
        heading=_("Set a target"),
        success_message=_("The target was recorded."),
        redirect_to=lambda t: reverse("indicators:city", kwargs={"slug": t.city.slug}),
        cancel_url=(
            reverse("indicators:city", kwargs={"slug": request.user.city.slug})
            if request.user.city_id
            else reverse("indicators:list")
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request, pk):
    target = target_get(pk=pk)
    if not can_edit_target(request.user, target):
        raise Http404
    form = TargetForm(request.POST or None, user=request.user, instance=target)
    city_url = reverse("indicators:city", kwargs={"slug": target.city.slug})

    def save(data):
        fresh = type(target).objects.get(pk=target.pk)
        target_update(actor=request.user, target=fresh, data=data)
        return fresh

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit target"),
        success_message=_("The target was saved."),
        cancel_url=city_url,
        redirect_to=lambda _t: city_url,
    )
