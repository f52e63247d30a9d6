"""Pages of meeting registration: registering, the registrations list, deciding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.core.audit import audit_trails
from intercity.core.exports import csv_response, wants_csv
from intercity.core.form_saving import save_form
from intercity.core.pagination import paginate
from intercity.meetings.forms import (
    RegistrationForm,
    RegistrationSettingsForm,
)
from intercity.meetings.models import Meeting, Registration
from intercity.meetings.permissions import (
    can_decide_registration,
    can_manage_registration,
    can_register,
    can_register_others,
    can_see_registrations,
)
from intercity.meetings.selectors import (
    meeting_get,
    registrable_people,
    registration_counts,
    registration_get,
    registration_list,
    registration_to_cancel,
)
from intercity.meetings.services_registration import (
    meeting_registration_close,
    meeting_registration_open,
    registration_cancel,
    registration_check_open,
    registration_create,
    registration_decide,
)

REGISTRATION_COLUMNS = [
    (gettext_lazy("name"), lambda r: r.name),
    (gettext_lazy("email"), lambda r: r.person.email),
    (gettext_lazy("city"), lambda r: r.city.label if r.city else ""),
    (
        gettext_lazy("organisation"),
        lambda r: r.person.organisation.name if r.person.organisation else "",
    ),
    (gettext_lazy("position"), lambda r: r.position),
    (gettext_lazy("role in the delegation"), lambda r: r.get_role_display()),
    (gettext_lazy("needs an invitation letter for a visa"), lambda r: _yes(r.needs_visa_letter)),
    (gettext_lazy("note"), lambda r: r.note),
    (gettext_lazy("status"), lambda r: r.get_status_display()),
    (gettext_lazy("registered"), lambda r: timezone.localtime(r.created_at).isoformat()),
]


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _visible_for_registrations(request, slug) -> Meeting:
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_see_registrations(request.user, meeting):
        raise Http404
    return meeting


def _registrations_page(request, meeting, status=200, **forms):
    user = request.user
    filters = {
        "status": request.GET.get("status") or None,
        "city": request.GET.get("city") or None,
    }
    if filters["status"] not in Registration.Status.values:
        filters["status"] = None
    registrations = registration_list(user=user, meeting=meeting, **filters)
    if wants_csv(request):
        return csv_response(
            filename=f"{meeting.slug}-registrations.csv",
            columns=REGISTRATION_COLUMNS,
            rows=registrations,
        )
    counts = registration_counts(user=user, meeting=meeting)
    manage = can_manage_registration(user, meeting)
    context = paginate(request, registrations)
    shown = list(context["object_list"])
    # Those who decide see how each registration came to its status, and by whose hand.
    histories = audit_trails(shown, viewer=user)
    context.update(
        {
            "meeting": meeting,
            "rows": [(item, histories[item.pk]) for item in shown],
            "filters": filters,
            "statuses": Registration.Status.choices,
            "counts": counts,
            "total": sum(count.total for count in counts),
            "cities": [count.city for count in counts if count.city is not None],
            "can_manage": manage,
            "settings_form": forms.get("settings_form")
            or (RegistrationSettingsForm(meeting=meeting) if manage else None),
            "register_form": forms.get("register_form")
            or RegistrationForm(
                prefix="register", people=registrable_people(user=user, meeting=meeting)
            ),
            "can_register_others": meeting.registration_is_open
            and not meeting.has_started
            and can_register_others(user, meeting),
        }
    )
    return render(request, "meetings/registration_list.html", context, status=status)


@login_required
@require_GET
def registrations(request, slug):
    return _registrations_page(request, _visible_for_registrations(request, slug))


def _back_to_registrations(request, meeting, message):
    messages.success(request, message)
    return redirect("meetings:registrations", slug=meeting.slug)


@login_required
@require_POST
def registration_settings(request, slug):
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_manage_registration(request.user, meeting):
        raise Http404
    if "close" in request.POST:
        meeting_registration_close(actor=request.user, meeting=meeting)
        return _back_to_registrations(request, meeting, _("Registration is closed."))
    form = RegistrationSettingsForm(request.POST, meeting=meeting)
    saved, _changed = save_form(
        form, lambda data: meeting_registration_open(actor=request.user, meeting=meeting, **data)
    )
    if saved:
        return _back_to_registrations(request, meeting, _("Registration dates were saved."))
    return _registrations_page(request, meeting, status=400, settings_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def register(request, slug):
    """A delegate registers themselves for the meeting."""
    meeting = meeting_get(user=request.user, slug=slug)
    if not can_register(request.user, meeting):
        raise Http404
    if request.method == "GET":
        # Say at once why no one can register, rather than refuse what was filled in.
        try:
            registration_check_open(meeting)
        except ValidationError as error:
            context = {"meeting": meeting, "closed": " ".join(error.messages)}
            return render(request, "meetings/registration_form.html", context)
    form = RegistrationForm(
        request.POST or None, initial={"position": request.user.position}, prefix="register"
    )
    if request.method == "POST":
        saved, _registration = save_form(
            form,
            lambda data: registration_create(
                actor=request.user, meeting=meeting, person=request.user, data=data
            ),
        )
        if saved:
            messages.success(request, _("You are registered; the registration awaits approval."))
            return redirect(meeting)
    context = {"meeting": meeting, "form": form}
    status = 400 if form.errors else 200
    return render(request, "meetings/registration_form.html", context, status=status)


@login_required
@require_POST
def registration_new(request, slug):
    """A focal point registers a person of their city; the managers anyone."""
    meeting = _visible_for_registrations(request, slug)
    if not can_register_others(request.user, meeting):
        raise Http404
    people = registrable_people(user=request.user, meeting=meeting)
    form = RegistrationForm(request.POST, prefix="register", people=people)

    def save(data):
        data = dict(data)
        person = data.pop("person")
        registration_create(actor=request.user, meeting=meeting, person=person, data=data)
        return person

    saved, person = save_form(form, save)
    if saved:
        return _back_to_registrations(
            request, meeting, _("%(name)s is registered.") % {"name": person.get_full_name()}
        )
    return _registrations_page(request, meeting, status=400, register_form=form)


@login_required
@require_POST
def registration_decision(request, slug, pk, decision):
    meeting = _visible_for_registrations(request, slug)
    registration = registration_get(user=request.user, meeting=meeting, pk=pk)
    if not can_decide_registration(request.user, registration):
        raise Http404
    try:
        registration_decide(
            actor=request.user, registration=registration, approve=decision == "approve"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("meetings:registrations", slug=meeting.slug)
    if decision == "approve":
        message = _("%(name)s is approved and listed as a participant.")
    else:
        message = _("The registration of %(name)s is declined.")
    return _back_to_registrations(request, meeting, message % {"name": registration.name})


@login_required
@require_POST
def registration_withdraw(request, slug, pk):
    """The registrant (or whoever decides) cancels a registration before the meeting."""
    meeting = meeting_get(user=request.user, slug=slug)
    registration = registration_to_cancel(user=request.user, meeting=meeting, pk=pk)
    try:
        registration_cancel(actor=request.user, registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The registration is cancelled."))
    if registration.person_id == request.user.pk:
        return redirect(meeting)
    return redirect("meetings:registrations", slug=meeting.slug)
