"""Solidarity pages that write: alerts in, confirmations, needs, offers, deliveries, messages."""

from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from intercity.core.form_saving import save_form
from intercity.core.params import number_param
from intercity.core.views import record_form_response
from intercity.solidarity import selectors, services
from intercity.solidarity.forms import (
    CapUploadForm,
    ConfirmCitiesForm,
    FeedUploadForm,
    FigureForm,
    IncidentForm,
    IncidentReportForm,
    MessageForm,
    NeedForm,
    OfferForm,
    QuantityForm,
)
from intercity.solidarity.models import Incident, Offer
from intercity.solidarity.permissions import (
    can_edit_incident,
    can_edit_offer,
    can_make_offer,
    can_manage_incidents,
    can_post_need,
    can_report_incident,
    can_send_messages,
    can_set_incident_status,
)
from intercity.solidarity.views import incident_page


@contextmanager
def _as_404():
    """Another city's record answers 404 on write, as if it did not exist."""
    try:
        yield
    except PermissionDenied as error:
        raise Http404 from error


def _board(incident: Incident):
    return redirect("solidarity:board", slug=incident.slug)


def _fresh(incident: Incident) -> Incident:
    return Incident.objects.get(pk=incident.pk)


@login_required
@require_POST
def import_cap(request):
    if not can_manage_incidents(request.user):
        raise Http404
    form = CapUploadForm(request.POST, request.FILES)
    problems = []
    if form.is_valid():
        result = services.cap_import(actor=request.user, data=form.payload())
        if result.ok:
            verb = _("created") if result.created else _("updated")
            messages.success(
                request,
                _("CAP %(type)s imported: incident %(verb)s.")
                % {"type": result.msg_type, "verb": verb},
            )
            return redirect(result.incident)
        problems = result.problems
    context = {"form": form, "problems": problems}
    return render(request, "solidarity/cap_import.html", context, status=400)


@login_required
@require_POST
def import_feed(request):
    if not can_manage_incidents(request.user):
        raise Http404
    form = FeedUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "solidarity/cap_import.html", {"form": form}, status=400)
    result = services.gdacs_import(actor=request.user, data=form.cleaned_data["file"].read())
    if result.error:
        context = {"form": form, "problems": [result.error]}
        return render(request, "solidarity/cap_import.html", context, status=400)
    messages.success(
        request,
        _(
            "%(created)s draft incidents created and %(updated)s updated; %(far)s events were "
            "far from every member city."
        )
        % {"created": len(result.created), "updated": len(result.updated), "far": result.far_away},
    )
    return redirect("solidarity:list")


@login_required
@require_POST
def confirm_incident(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    form = ConfirmCitiesForm(request.POST)
    if not form.is_valid():
        raise Http404
    with _as_404():
        services.incident_confirm(
            actor=request.user, incident=_fresh(incident), cities=form.cleaned_data["cities"]
        )
    messages.success(request, _("Incident and affected cities confirmed."))
    return redirect(incident)


@login_required
@require_POST
def need_post(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    cities = [
        c for c in selectors.confirmed_cities(incident) if can_post_need(request.user, incident, c)
    ]
    if not cities:
        raise Http404
    form = NeedForm(request.POST, cities=cities)
    with _as_404():
        saved, _need = save_form(
            form,
            lambda data: services.need_post(actor=request.user, incident=incident, data=data),
        )
    if saved:
        messages.success(request, _("Need posted."))
        return _board(incident)
    context = {"form": form, "heading": _("Post a need"), "cancel_url": incident.get_absolute_url()}
    return render(request, "web/record_form.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def offer_make(request, slug):
    """Offer help for one need (?need=ID) or for the incident in general."""
    incident = selectors.incident_get(user=request.user, slug=slug)
    if not can_make_offer(request.user):
        raise Http404
    need = None
    need_id = request.GET.get("need") or request.POST.get("need")
    if need_id:
        need = (
            selectors.need_list(user=request.user, incident=incident)
            .filter(pk=number_param(need_id))
            .first()
        )
        if need is None:
            raise Http404
    initial = {"category": need.category, "unit": need.unit} if need else {}
    form = OfferForm(request.POST or None, initial=initial)
    if request.method == "POST":
        with _as_404():
            saved, _offer = save_form(
                form,
                lambda data: services.offer_make(
                    actor=request.user, data={**data, "incident": incident, "need": need}
                ),
            )
        if saved:
            messages.success(request, _("Thank you: your offer is on the board."))
            return _board(incident)
    heading = _("Offer help for: %(need)s") % {"need": need} if need else _("Offer help")
    context = {
        "form": form,
        "heading": heading,
        "cancel_url": incident.get_absolute_url(),
        "need": need,
        "incident": incident,
    }
    return render(
        request, "solidarity/offer_form.html", context, status=400 if form.errors else 200
    )


def _fail(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _quantity_refused(request, form: QuantityForm) -> bool:
    """Say what is wrong with a typed quantity (0, a negative number, not a number) on the
    board, rather than act as if none had been typed."""
    if form.is_valid():
        return False
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    return True


@login_required
@require_POST
def offer_accept(request, need_id, offer_id):
    need = selectors.need_get(pk=need_id)
    offer = selectors.offer_get(pk=offer_id)
    form = QuantityForm(request.POST)
    if _quantity_refused(request, form):
        return _board(need.incident)
    try:
        with _as_404():
            services.offer_accept(
                actor=request.user,
                need=need,
                offer=offer,
                quantity=form.cleaned_data.get("quantity"),
            )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Offer accepted: the quantity is committed."))
    return _board(need.incident)


@login_required
@require_POST
def dispatch(request, assistance_id):
    assistance = selectors.assistance_get(pk=assistance_id)
    form = QuantityForm(request.POST)
    if _quantity_refused(request, form):
        return _board(assistance.need.incident)
    if not form.cleaned_data.get("quantity"):
        messages.error(request, _("Give the quantity dispatched."))
        return _board(assistance.need.incident)
    try:
        with _as_404():
            services.delivery_dispatch(
                actor=request.user,
                assistance=assistance,
                quantity=form.cleaned_data["quantity"],
                note=form.cleaned_data.get("note", ""),
            )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("Marked as dispatched."))
    return _board(assistance.need.incident)


@login_required
@require_POST
def receive(request, delivery_id):
    delivery = selectors.delivery_get(pk=delivery_id)
    with _as_404():
        services.delivery_receive(actor=request.user, delivery=delivery)
    messages.success(request, _("Marked as received."))
    return _board(delivery.assistance.need.incident)


@login_required
@require_POST
def message_send(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    if not can_send_messages(request.user):
        raise Http404
    form = MessageForm(request.POST)
    with _as_404():
        saved, _message = save_form(
            form,
            lambda data: services.message_send(
                actor=request.user, data={**data, "incident": incident}
            ),
        )
    if saved:
        messages.success(request, _("Message sent."))
        return redirect(incident)
    # Shown again on the incident page as typed, each error beside its field.
    messages.error(request, _("The message could not be sent: check every field."))
    return incident_page(request, incident, message_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def incident_create(request):
    """The secretariat records an incident; a focal point reports one in their own city."""
    if not can_report_incident(request.user):
        raise Http404
    if can_manage_incidents(request.user):
        form = IncidentForm(
            request.POST or None, initial={"status": Incident.Status.ACTIVE}, can_name_city=True
        )
        heading = _("Record an incident")
        success = _("Incident recorded; confirm the cities it affects.")
    else:
        city = request.user.city
        form = IncidentReportForm(request.POST or None, city=city)
        heading = _("Report an incident in %(city)s") % {"city": city.label}
        success = _("Incident reported; %(city)s is confirmed as affected.") % {"city": city.label}
    return record_form_response(
        request,
        form,
        save=lambda data: services.incident_create(actor=request.user, data=data),
        heading=heading,
        success_message=success,
        cancel_url=reverse("solidarity:list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_edit(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    if not can_edit_incident(request.user, incident):
        raise Http404
    form = IncidentForm(
        request.POST or None,
        instance=_fresh(incident),
        can_draft=can_set_incident_status(request.user, Incident.Status.DRAFT),
        can_name_city=can_manage_incidents(request.user),
    )

    def save(data):
        with _as_404():
            services.incident_update(actor=request.user, incident=_fresh(incident), data=data)
        return incident

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(name)s") % {"name": incident.name},
        success_message=_("Incident updated."),
        cancel_url=incident.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def figure_add(request, slug):
    incident = selectors.incident_get(user=request.user, slug=slug)
    if not can_edit_incident(request.user, incident):
        raise Http404
    form = FigureForm(request.POST or None)

    def save(data):
        services.figure_add(actor=request.user, incident=_fresh(incident), data=data)
        return incident

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Add a figure to %(name)s") % {"name": incident.name},
        success_message=_("Figure added."),
        cancel_url=incident.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, offer_id):
    """The offering city (or organisation) changes or withdraws its own offer."""
    offer = selectors.offer_get(pk=offer_id)
    if not can_edit_offer(request.user, offer) or offer.incident_id is None:
        raise Http404
    form = OfferForm(request.POST or None, instance=selectors.offer_get(pk=offer_id))
    form.fields["status"] = forms.ChoiceField(
        label=_("Status"), choices=Offer.Status.choices, initial=offer.status
    )

    def save(data):
        with _as_404():
            services.offer_update(actor=request.user, offer=offer, data=data)
        return offer

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Your offer: %(offer)s") % {"offer": offer},
        success_message=_("Offer updated."),
        cancel_url=reverse("solidarity:board", kwargs={"slug": offer.incident.slug}),
        redirect_to=lambda o: reverse("solidarity:board", kwargs={"slug": o.incident.slug}),
    )
