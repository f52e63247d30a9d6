"""Indicator import pages: upload, preview and confirm a file of values, and the templates
to fill in."""

import base64
import csv
import hashlib
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from intercity.accounts.roles import is_secretariat
from intercity.cities.selectors import city_get
from intercity.core.forms import apply_validation_error
from intercity.indicators.forms import ImportForm, cities_for
from intercity.indicators.importing import observations_import
from intercity.indicators.permissions import can_import_observations, can_verify_observation
from intercity.indicators.tables import template_rows

SESSION_KEY = "indicators-import"


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    """Upload, see what each row would do, then confirm: nothing is stored before that."""
    if not can_import_observations(request.user):
        raise Http404
    form = ImportForm()
    report = None
    if request.method == "POST" and request.POST.get("confirm"):
        pending = request.session.get(SESSION_KEY) or {}
        if pending.get("digest") != request.POST.get("confirm"):
            messages.error(request, _("That upload is no longer pending; upload it again."))
            return redirect("indicators:import")
        content = base64.b64decode(pending["content"])
        report = observations_import(actor=request.user, content=content, filename=pending["name"])
        if report.ok:
            del request.session[SESSION_KEY]
            messages.success(
                request,
                _(
                    "Imported %(rows)s rows: %(created)s new, %(updated)s changed, "
                    "%(same)s the same."
                )
                % {
                    "rows": report.rows,
                    "created": report.created,
                    "updated": report.updated,
                    "same": report.unchanged,
                },
            )
            city = request.user.city
            if city is not None:
                return redirect("indicators:city", slug=city.slug)
            return redirect("indicators:list")
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                report = observations_import(
                    actor=request.user, content=content, filename=upload.name, dry_run=True
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            if report is not None and report.ok:
                digest = hashlib.sha256(content).hexdigest()
                request.session[SESSION_KEY] = {
                    "digest": digest,
                    "name": upload.name,
                    "content": base64.b64encode(content).decode(),
                }
                report.digest = digest
    status = 400 if (report is not None and not report.ok) or form.errors else 200
    context = {
        "form": form,
        "report": report,
        # The secretariat imports for every city and picks whose template to download.
        "template_cities": cities_for(request.user) if is_secretariat(request.user) else None,
    }
    return render(request, "indicators/import.html", context, status=status)


def _template_cities(request) -> tuple[tuple[str, ...], str]:
    """Whose rows the template holds, and a name for the file.

    A focal point gets their own city's rows whatever they ask; the secretariat, who imports
    for every city, one city it chose or all of them; visitors a two-city example.
    """
    if is_secretariat(request.user):
        slug = request.GET.get("city")
        if slug:
            return (city_get(slug=slug).slug,), slug
        return tuple(cities_for(request.user).values_list("slug", flat=True)), "all"
    own = cities_for(request.user).first() if request.user.is_authenticated else None
    if own is not None:
        return (own.slug,), own.slug
    return ("hanoi", "Tokyo"), "example"


@require_GET
def import_template(request):
    layout = "wide" if request.GET.get("layout") == "wide" else "long"
    cities, whose = _template_cities(request)
    rows = template_rows(layout, cities, may_verify=can_verify_observation(request.user))
    name = f"indicators-{whose}-{layout}"
    if request.GET.get("format") == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
