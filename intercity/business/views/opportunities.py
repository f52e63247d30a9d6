"""Cooperation opportunities: the list with its filters, one opportunity, publishing,
editing and answering one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.business import permissions as rules
from intercity.business import selectors, services
from intercity.business import selectors_opportunities as reads
from intercity.business.forms import OpportunityAnswerForm, OpportunityForm
from intercity.business.models import Opportunity
from intercity.business.services_answers import opportunity_answer_create
from intercity.cities.selectors import member_cities
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.forms import apply_validation_error
from intercity.core.list_filters import one_of, read_filters, slug_in
from intercity.core.pagination import paginate
from intercity.core.views import record_form_response


@require_GET
def opportunity_index(request):
    read = read_filters(
        request.GET,
        {
            "kind": one_of(gettext_lazy("Kind"), Opportunity.Kind.values),
            "direction": one_of(gettext_lazy("Offer or request"), Opportunity.Direction.values),
            "city": slug_in(gettext_lazy("City"), member_cities()),
        },
    )
    filters = read.values
    rows = reads.opportunity_list(search=request.GET.get("q"), **filters)
    context = paginate(request, rows)
    context.update(
        {
            "filters": filters,
            "filter_notices": read.notices,
            "kinds": Opportunity.Kind.choices,
            "directions": Opportunity.Direction.choices,
            "cities": member_cities(),
            "own": selectors.own_organisation(request.user),
        }
    )
    return render(request, "business/opportunity_list.html", context)


def _detail_page(request, opportunity, *, answer_form=None, status=200):
    can_edit = rules.can_edit_opportunity(request.user, opportunity)
    own = selectors.own_organisation(request.user)
    own_answer = reads.answer_of(opportunity=opportunity, organisation=own)
    can_answer = own_answer is None and rules.can_answer_opportunity(request.user, opportunity)
    context = {
        "opportunity": opportunity,
        "organisation": opportunity.organisation,
        "profile": getattr(opportunity.organisation, "business_profile", None),
        "can_edit": can_edit,
        "events": selectors.events_to_meet(
            user=request.user, own=own, other=opportunity.organisation
        ),
        "own_answer": own_answer,
        "answer_form": (answer_form or OpportunityAnswerForm()) if can_answer else answer_form,
        "answers": (
            reads.answers_to(opportunity=opportunity)
            if rules.can_view_answers(request.user, opportunity)
            else None
        ),
        "history": audit_trail(opportunity, viewer=request.user, whole=wants_whole_history(request))
        if can_edit
        else None,
    }
    return render(request, "business/opportunity_detail.html", context, status=status)


@require_GET
def opportunity_detail(request, pk):
    opportunity = reads.opportunity_get(pk=pk)
    if not rules.can_view_opportunity(request.user, opportunity):
        raise Http404
    return _detail_page(request, opportunity)


@login_required
@require_POST
def opportunity_answer(request, pk):
    """Send the organisation's answer; a refused one shows the page again with the error."""
    opportunity = reads.opportunity_get(pk=pk)
    if not rules.can_answer_opportunity(request.user, opportunity):
        raise Http404
    form = OpportunityAnswerForm(request.POST)
    if form.is_valid():
        try:
            opportunity_answer_create(
                actor=request.user, opportunity=opportunity, message=form.cleaned_data["message"]
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if reads.answer_readers(organisation=opportunity.organisation).exists():
                messages.success(
                    request,
                    _("Your answer was sent to %(organisation)s.")
                    % {"organisation": opportunity.organisation.name},
                )
            else:
                messages.success(
                    request,
                    _(
                        "Your answer is kept: %(organisation)s has no representative to email, "
                        "and will see your answer on this page."
                    )
                    % {"organisation": opportunity.organisation.name},
                )
            return redirect(opportunity)
    return _detail_page(request, opportunity, answer_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_new(request):
    organisation = selectors.own_organisation(request.user)
    if organisation is None or not rules.can_create_opportunity(request.user, organisation):
        raise Http404
    form = OpportunityForm(request.POST or None, initial={"status": Opportunity.Status.OPEN})

    def save(data):
        return services.opportunity_create(actor=request.user, organisation=organisation, data=data)

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("New cooperation opportunity"),
        success_message=_("The opportunity was published."),
        cancel_url=reverse("business:opportunities"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request, pk):
    opportunity = reads.opportunity_get(pk=pk)
    if not rules.can_edit_opportunity(request.user, opportunity):
        raise Http404
    form = OpportunityForm(request.POST or None, instance=opportunity)

    def save(data):
        services.opportunity_update(actor=request.user, opportunity=opportunity, data=data)
        return opportunity

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit “%(title)s”") % {"title": opportunity.title},
        success_message=_("The opportunity was saved."),
        cancel_url=opportunity.get_absolute_url(),
    )


@login_required
@require_POST
def opportunity_close(request, pk):
    """Close an opportunity, or open it again (`reopen`), from its page."""
    opportunity = reads.opportunity_get(pk=pk)
    if not rules.can_edit_opportunity(request.user, opportunity):
        raise Http404
    reopen = request.POST.get("reopen") == "1"
    status = Opportunity.Status.OPEN if reopen else Opportunity.Status.CLOSED
    try:
        services.opportunity_update(
            actor=request.user, opportunity=opportunity, data={"status": status}
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(opportunity)
    if reopen:
        messages.success(request, _("The opportunity is open again."))
    else:
        messages.success(request, _("The opportunity is closed and leaves the directory."))
    return redirect(opportunity)
