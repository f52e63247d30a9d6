"""Bringing tables in: an event's agreed meetings (another system's export), profiles."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from intercity.business import permissions as rules
from intercity.business import profile_importing, selectors
from intercity.business.forms import ProfileImportForm, RequestImportForm
from intercity.business.importing import OPTIONAL, REQUIRED, requests_import
from intercity.business.models import Profile
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


@login_required
@require_http_methods(["GET", "POST"])
def profiles_import_view(request):
    if not rules.can_import_profiles(request.user):
        raise Http404
    form = ProfileImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = profile_importing.profiles_import(
            actor=request.user,
            content=form.cleaned_data["file"].read(),
            dry_run=form.cleaned_data["dry_run"],
        )
    context = {
        "form": form,
        "report": report,
        "required": profile_importing.REQUIRED,
        "optional": profile_importing.OPTIONAL,
        "sectors": selectors.sectors(),
        "sizes": Profile.Size.values,
    }
    failed = bool(form.errors) or (report is not None and not report.ok)
    return render(request, "business/profiles_import.html", context, status=400 if failed else 200)
