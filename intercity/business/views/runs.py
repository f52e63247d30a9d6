"""The organiser's scheduler runs: starting one, its progress, the grid, moves, publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.business import permissions as rules
from intercity.business import run_reasons, schedule_mail, selectors, services
from intercity.business.forms import (
    MoveForm,
)
from intercity.business.views.access import organised_event, require_organiser
from intercity.core.forms import apply_validation_error


@login_required
@require_POST
def schedule_run(request, pk):
    event = organised_event(request.user, pk)
    try:
        time_limit = int(request.POST.get("time_limit") or 30)
    except ValueError:
        time_limit = -1  # the service says which lengths it takes
    try:
        run = services.schedule_run_request(actor=request.user, event=event, time_limit=time_limit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(event)
    return redirect(f"{event.get_absolute_url()}?run={run.pk}")


@login_required
@require_GET
def run_progress(request, pk):
    run = selectors.run_get(pk=pk)
    require_organiser(request.user, run.event)
    context = {"run": run, "event": run.event, "explanation": run_reasons.run_explanation(run)}
    return render(request, "business/_run_progress.html", context)


@login_required
@require_GET
def event_grid(request, pk):
    event = organised_event(request.user, pk)
    run = selectors.latest_finished_run(event)
    context = {"event": event, "run": run}
    if run is not None:
        context["explanation"] = run_reasons.run_explanation(run)
        context["problems"] = run_reasons.run_problems(run)
        slots, tables, cells = selectors.grid_of(run)
        context.update(
            {
                "rows": [(slot, [cells.get((slot.pk, t), []) for t in tables]) for slot in slots],
                "tables": tables,
                "unplaced": list(selectors.unplaced_requests(run)),
            }
        )
    return render(request, "business/event_grid.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assignment_move_view(request, pk):
    """Move one meeting of the grid by hand; the whole schedule is checked again after."""
    assignment = selectors.assignment_get(pk=pk)
    event = assignment.run.event
    require_organiser(request.user, event)
    form = MoveForm(
        request.POST or None,
        event=event,
        initial={"slot": assignment.slot_id, "table": assignment.table},
    )
    if request.method == "POST" and form.is_valid():
        before = (assignment.slot_id, assignment.table)
        try:
            report = services.assignment_move(
                actor=request.user,
                assignment=assignment,
                slot=form.cleaned_data["slot"],
                table=form.cleaned_data["table"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if report.ok:
                messages.success(request, _("Moved; the schedule passes every check."))
            else:
                messages.error(
                    request,
                    _("Moved, but the schedule now breaks rules: ")
                    + " ".join(run_reasons.run_problems(assignment.run)),
                )
            after = (assignment.slot_id, assignment.table)
            if services.move_is_announced(assignment.run, before, after):
                _tell_of_notice(request, assignment)
            return redirect("business:grid", pk=event.pk)
    pair = (
        f"{assignment.request.requester.organisation} – {assignment.request.invitee.organisation}"
    )
    context = {
        "form": form,
        "heading": _("Move one meeting: %(pair)s") % {"pair": pair},
        "cancel_url": reverse("business:grid", args=[event.pk]),
    }
    return render(request, "web/record_form.html", context, status=400 if form.errors else 200)


def _tell_of_notice(request, assignment) -> None:
    """Say whether the two organisations of a meeting moved on the published schedule hear of it."""
    names = {
        "first": assignment.request.requester.organisation,
        "second": assignment.request.invitee.organisation,
    }
    if schedule_mail.move_readers(assignment).exists():
        text = _("The representatives of %(first)s and %(second)s were emailed the change.")
        messages.info(request, text % names)
    else:
        text = _(
            "Neither %(first)s nor %(second)s has a representative with an email address: "
            "tell them of the change yourself."
        )
        messages.warning(request, text % names)


@login_required
@require_POST
def run_publish(request, pk):
    run = selectors.run_get(pk=pk)
    require_organiser(request.user, run.event)
    if not rules.can_publish_run(request.user, run):
        messages.info(request, _("This schedule is already published; nobody was emailed again."))
        return redirect("business:grid", pk=run.event.pk)
    try:
        sent = services.schedule_publish(actor=request.user, run=run)
        messages.success(request, _("Published; %(count)d agendas were emailed.") % {"count": sent})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("business:grid", pk=run.event.pk)
