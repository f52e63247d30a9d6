"""The one way record forms and table imports are handled: validate, call a service, show
its errors."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from intercity.core.csv_tables import TableReport
from intercity.core.files import can_read_file, clean_name, file_response
from intercity.core.form_saving import save_form
from intercity.core.forms import TableUploadForm


def record_form_response(
    request,
    form,
    *,
    save: Callable[[dict[str, Any]], Any],
    heading: str,
    success_message: str | Callable[[Any], str],
    cancel_url: str | None = None,
    redirect_to: Callable[[Any], Any] | None = None,
):
    """On a valid POST call ``save(cleaned_data)`` and redirect; otherwise show the form, with
    what the service refuses in its valid fields beside its own errors."""
    if request.method == "POST":
        saved, record = save_form(form, save)
        if saved:
            if callable(success_message):  # a message that depends on what was saved
                success_message = success_message(record)
            messages.success(request, success_message)
            return redirect(redirect_to(record) if redirect_to else record)
    context = {"form": form, "heading": heading, "cancel_url": cancel_url}
    return render(request, "web/record_form.html", context, status=400 if form.errors else 200)


def import_page(
    request,
    *,
    form_class: type[TableUploadForm],
    run: Callable[..., TableReport],
    template: str,
    context: dict[str, Any],
):
    """A table import's page: its form, and once a file is sent ``run(content=..., **other
    fields)`` and the report (the template includes ``core/_import_problems.html``); 400
    while the form or a line is wrong."""
    form = form_class(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        options = dict(form.cleaned_data)
        report = run(content=options.pop("file").read(), **options)
    failed = bool(form.errors) or (report is not None and not report.ok)
    context = {**context, "form": form, "report": report}
    return render(request, template, context, status=400 if failed else 200)


@require_GET
def media_file(request, name: str):
    """An uploaded file, for readers who may see its record; 404 for everyone else."""
    name = clean_name(name)
    if not can_read_file(request.user, name):
        raise Http404
    return file_response(name)
