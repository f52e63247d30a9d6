"""Bringing an event's agreed meetings in from a table (another system's export)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from intercity.business import permissions as rules
from intercity.business import selectors
from intercity.business.forms import RequestImportForm
from intercity.business.importing import OPTIONAL, REQUIRED, requests_import


@login_required
@require_http_methods(["GET", "POST"])
def requests_import_view(request, pk):
    event = selectors.event_get(pk=pk)
    if not rules.can_organise_event(request.user, event):
        raise Http404
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
