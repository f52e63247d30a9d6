"""Bringing an event's agreed meetings in from a table (another system's export)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from intercity.business.forms import RequestImportForm
from intercity.business.importing import OPTIONAL, REQUIRED, requests_import
from intercity.business.views.access import organised_event


@login_required
@require_http_methods(["GET", "POST"])
def requests_import_view(request, pk):
    event = organised_event(request.user, pk)
    form = RequestImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = requests_import(
            actor=request.user, event=event, content=form.cleaned_data["file"].read()
        )
    context = {
        "event": event,
        "form": form,
        "report": report,
        "required": REQUIRED,
        "optional": OPTIONAL,
    }
    failed = bool(form.errors) or (report is not None and not report.ok)
    return render(request, "business/requests_import.html", context, status=400 if failed else 200)
