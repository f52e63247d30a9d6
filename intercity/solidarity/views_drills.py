"""Drill pages: the list, one drill with its review and actions, and their forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.core.forms import apply_validation_error
from intercity.core.list_filters import one_of, read_filters
from intercity.core.pagination import paginate
from intercity.solidarity import services
from intercity.solidarity.drills import drill_get, drill_list
from intercity.solidarity.forms import ActionForm, DrillForm, ReviewForm
from intercity.solidarity.models import DrillAction, DrillReview, Incident
from intercity.solidarity.permissions import (
    can_create_drill,
    can_manage_drill,
    can_update_action,
)


@require_GET
def drill_index(request):
    read = read_filters(request.GET, {"scenario": one_of(_("Scenario"), Incident.Kind.values)})
    drills = drill_list(
        user=request.user, scenario_kind=read["scenario"], search=request.GET.get("q")
    )
    context = paginate(request, drills)
    context.update(
        {
            "scenarios": Incident.Kind.choices,
            "scenario": read["scenario"],
            "filter_notices": read.notices,
            "can_create": can_create_drill(request.user),
        }
    )
    return render(request, "solidarity/drill_list.html", context)


@require_GET
def drill_detail(request, slug):
    drill = drill_get(user=request.user, slug=slug)
    review = getattr(drill, "review", None)
    manage = can_manage_drill(request.user, drill)
    actions = list(review.actions.all()) if review else []
    context = {
        "drill": drill,
        "review": review,
        "actions": [(a, can_update_action(request.user, a)) for a in actions],
        "can_manage": manage,
        "review_form": ReviewForm(
            initial={
                "what_worked": review.what_worked,
                "to_improve": review.to_improve,
                "lessons": review.lessons,
            }
            if review
            else None
        )
        if manage
        else None,
        "action_form": ActionForm() if manage and review else None,
    }
    return render(request, "solidarity/drill_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def drill_create(request):
    if not can_create_drill(request.user):
        raise Http404
    form = DrillForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            drill = services.drill_create(
                actor=request.user,
                meeting={
                    "title": data["title"],
                    "host_city": data["host_city"],
                    "year": data["start_date"].year,
                    "start_date": data["start_date"],
                    "end_date": data["start_date"],
                },
                cities={city: "delegate" for city in data["cities"] if city != data["host_city"]},
                data={
                    "scenario_kind": data["scenario_kind"],
                    "scenario": data["scenario"],
                    "objectives": form.objective_list(),
                },
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Drill recorded."))
            return redirect(drill)
    context = {"form": form, "heading": _("Record a joint drill")}
    return render(request, "web/record_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def review_save(request, slug):
    drill = drill_get(user=request.user, slug=slug)
    if not can_manage_drill(request.user, drill):
        raise Http404
    form = ReviewForm(request.POST)
    if form.is_valid():
        review = services.review_save(actor=request.user, drill=drill, data=form.cleaned_data)
        if request.POST.get("publish") and review.lessons.strip():
            services.review_publish_lessons(actor=request.user, review=review)
            messages.success(request, _("Review saved; lessons published to the knowledge base."))
        else:
            messages.success(request, _("Review saved."))
    else:
        messages.error(request, _("Write what worked and what to improve."))
    return redirect(drill)


@login_required
@require_POST
def action_add(request, slug):
    drill = drill_get(user=request.user, slug=slug)
    review = DrillReview.objects.filter(drill=drill).first()
    if review is None or not can_manage_drill(request.user, drill):
        raise Http404
    form = ActionForm(request.POST)
    if form.is_valid():
        services.action_add(actor=request.user, review=review, data=form.cleaned_data)
        messages.success(request, _("Action added."))
    else:
        messages.error(request, _("Give the action, its owner city and its due date."))
    return redirect(drill)


@login_required
@require_POST
def action_done(request, action_id):
    action = (
        DrillAction.objects.select_related("review__drill__meeting").filter(pk=action_id).first()
    )
    if action is None:
        raise Http404
    try:
        services.action_set_done(
            actor=request.user, action=action, done=request.POST.get("done") == "1"
        )
    except PermissionDenied as error:
        raise Http404 from error
    return redirect(action.review.drill)
